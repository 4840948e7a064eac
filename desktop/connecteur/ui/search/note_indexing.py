"""Keeps the search index's notes in line with the user database.

Notes change through this window, through another window (seen when this one
regains focus) and through imports; rather than translating every kind of change
into index edits, the indexer reconciles: once both the index and the user
database are open, then shortly after any change that touches notes or highlights.
``SearchService.sync_notes`` writes only what differs, so a reconciliation after
an unrelated change costs a few milliseconds in the background.

It also tells the search where tags are (``tag:NOM``), once the user database is open.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from connecteur.store import Change
from connecteur.ui.annotations.user_layer import UserLayer, concerns
from connecteur.ui.search.controller import READY, IndexStatus, SearchController

log = logging.getLogger(__name__)

SYNC_DELAY_MS = 250  # a burst of changes (an import, an undo of many) makes one sync


class NoteIndexer(QObject):
    def __init__(self, search: SearchController, layer: UserLayer,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search, self._layer = search, layer
        self._timer = QTimer(self, singleShot=True, interval=SYNC_DELAY_MS)
        self._timer.timeout.connect(self._sync)
        self._tags_of: object = None  # the user store whose tags the search uses
        search.status_changed.connect(self._status_changed)
        layer.opened.connect(self._opened)
        layer.changed.connect(self._changed)
        if layer.ready:
            self._opened(layer.user)

    def _opened(self, user: object) -> None:
        """``tag:`` reads the store's tags at each search (the search controller
        waits for its index before passing them on)."""
        if user is not None and user is not self._tags_of:
            self._tags_of = user
            self._search.use_tags(user.tags.item_ids)  # type: ignore[attr-defined]
        self._timer.start()

    def _status_changed(self, status: IndexStatus) -> None:
        if status.state == READY:
            self._timer.start()

    def _changed(self, change: Change) -> None:
        if concerns(change, ("note", "highlight")):
            self._timer.start()

    def _sync(self) -> None:
        user = self._layer.user if self._layer.ready else None
        if user is None or not self._search.ready:
            return  # the other half will start a sync when it opens
        self._search.sync_notes(user.searchable_notes)
