"""« Voir aussi » : for the item the trainer is on, the leads, field sites and
resources of the other sessions that speak of the same things, each with its session
and what it shares (« En commun : mémoire, expertises »).

The list is asked of the search service on its worker (``SearchService.related``)
each time the current item changes — only while the panel is in view: hidden, it
just remembers that it is out of date. An answer for an item that is no longer the
current one is dropped. A click (or Entrée) opens the item.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from connecteur.corpus.ids import session_of
from connecteur.ui.common import labels
from connecteur.ui.common.focus_ring import add_focus_ring
from connecteur.ui.search.result_delegate import show_hits
from connecteur.ui.search.results_model import ResultsModel, TargetRole
from connecteur.ui.shell.context import ApplicationContext

SHOWN = 8  # related items listed
ASKED = 16  # asked of the service: those of the item's own session are left out


class RelatedPanel(QWidget):
    location_requested = Signal(str)
    answered = Signal()  # a new list (or state) is on screen (tests)

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = context.search
        self._store = context.store
        self._item: str | None = None
        self._shown_for: str | None = None  # the item the list is about
        self._stale = False
        self._serial = 0
        self._error = ""
        self.heading = QLabel(self, objectName="related-heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.model = ResultsModel(self, self._store)
        self.list = QListView(self, objectName="related-list")
        show_hits(self.list, self.model)
        self.list.setDragEnabled(True)  # onto a course folder
        self.list.clicked.connect(self._open)
        self.list.activated.connect(self._open)
        add_focus_ring(self.list)
        self.message = QLabel(self, objectName="related-message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        layout.addStretch(0)
        self._retranslate()

    # --- what the window calls ---------------------------------------------------------

    @property
    def item_id(self) -> str | None:
        return self._item

    @property
    def shown_for(self) -> str | None:
        """The item whose related items are listed (None while looking or empty)."""
        return self._shown_for

    def show_item(self, item_id: str | None) -> None:
        """The current item changed (the window's item commands chose it)."""
        if item_id == self._item and not self._stale:
            return
        self._item = item_id
        self._stale = True
        if self.isVisible():
            self._refresh()

    # --- asking ------------------------------------------------------------------------

    def _refresh(self) -> None:
        self._stale = False
        self._serial += 1
        serial, item_id = self._serial, self._item
        self._shown_for, self._error = None, ""
        self.model.clear()
        if item_id is None or self._store.find(item_id) is None:
            self._show_state()
            return
        self._show_state(looking=True)
        self._search.related(item_id, ASKED,
                             done=lambda hits: self._answered(serial, item_id, hits),
                             failed=lambda message: self._failed(serial, message))

    def _answered(self, serial: int, item_id: str, hits: list[Any]) -> None:
        if serial != self._serial:
            return  # another item was chosen meanwhile
        own = session_of(item_id)
        others = [hit for hit in hits if not own or hit.session_id != own]
        self.model.set_hits(others[:SHOWN])
        self._shown_for = item_id
        self._show_state()

    def _failed(self, serial: int, message: str) -> None:
        if serial == self._serial:
            self._error = message
            self._show_state()

    # --- showing -----------------------------------------------------------------------

    def _show_state(self, looking: bool = False) -> None:
        item = self._store.find(self._item or "")
        if item is not None:
            self.heading.setText(self.tr("À partir de : {0}").format(
                labels.item_reference(self._store, item)))
        self.heading.setVisible(item is not None)
        has_hits = self.model.rowCount() > 0
        self.list.setVisible(item is not None)  # (even empty: Ctrl+7 can focus it)
        self.message.setVisible(not has_hits)
        if self._error:
            self.message.setText(self.tr("Les éléments proches n'ont pas pu être "
                                         "cherchés : {0}").format(self._error))
        elif item is None:
            self.message.setText(self.tr(
                "Choisissez un élément (un clic dans le texte, un résultat, un favori) : "
                "les pistes, terrains et ressources des autres sessions qui parlent des "
                "mêmes choses s'afficheront ici."))
        elif looking:
            self.message.setText(self.tr("Recherche des éléments proches…"))
        else:
            self.message.setText(self.tr("Aucun élément proche dans les autres sessions."))
        if not looking:
            self.answered.emit()

    def _open(self, index: QModelIndex) -> None:
        target = index.data(TargetRole) if index.isValid() else None
        if target:
            self.location_requested.emit(target)

    # --- Qt events ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh()

    def _retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Voir aussi : éléments proches"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
