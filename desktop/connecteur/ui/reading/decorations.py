"""The trainer's annotations inside the reading pane: a star before starred items,
"✎ n notes" after annotated ones (a link to the notes panel), highlights in their
colours; the item commands of the context menu; and clicks that choose the item
the notes panel shows.

The page is repainted only when a change concerns an item on it (or the corpus
text, or another window's changes), once per burst of changes. What each session's
items carry is read once and kept until a change concerns that session: repaints
(zoom, palette, language) cost no query.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtWidgets import QMenu, QWidget

from connecteur.app.reading_document import ItemDecoration
from connecteur.corpus import Session
from connecteur.corpus.ids import session_of
from connecteur.store import Change
from connecteur.store.user.markup import note_plain
from connecteur.ui.annotations.user_layer import UserLayer, concerns
from connecteur.ui.common.item_summary import excerpt
from connecteur.ui.folders import folder_menu
from connecteur.ui.reading.reading_pane import ReadingPane

if TYPE_CHECKING:  # the user layer loads after the first paint
    from connecteur.store import UserStore

KINDS = ("note", "highlight", "star")
PREVIEW_CHARS = 220  # of each note, under its item


def session_items(session: Session) -> list[str]:
    return [session.id, *(i.id for group in (session.leads, session.field_sites,
                                             session.resources, session.speakers)
                         for i in group)]


def decorations(user: UserStore, session: Session) -> dict[str, ItemDecoration]:
    """What the pane draws on each annotated item of the session."""
    found = {}
    for item_id in session_items(session):
        notes = user.notes.for_item(item_id)
        spans = tuple((h.start, h.end, h.colour) for h in user.highlights.for_item(item_id))
        starred = user.stars.is_starred(item_id)
        if notes or spans or starred:
            previews = tuple(excerpt(note_plain(n.body), PREVIEW_CHARS) for n in notes)
            found[item_id] = ItemDecoration(starred, len(notes), spans, previews)
    return found


class ReadingAnnotations(QObject):
    item_chosen = Signal(str, str)  # item ID, what to bring forward ("" or an annotation ID)

    def __init__(self, layer: UserLayer, reading: ReadingPane,
                 star_toggle: Callable[[str], None], add_note: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layer = layer
        self._reading = reading
        self._star_toggle = star_toggle
        self._add_note = add_note
        self._cache: dict[str, dict[str, ItemDecoration]] = {}  # session ID → its items'
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(reading.refresh)
        reading.menu_extensions.append(self.extend_menu)
        reading.item_clicked.connect(self._clicked)
        reading.notes_requested.connect(lambda item_id: self.item_chosen.emit(item_id, ""))
        layer.changed.connect(self._on_change)
        layer.opened.connect(lambda _user: reading.set_decorations(self.decorations))
        if layer.ready:
            reading.set_decorations(self.decorations)

    @property
    def refresh_pending(self) -> bool:
        return self._refresh.isActive()

    def decorations(self, session: Session) -> dict[str, ItemDecoration]:
        if session.id not in self._cache:
            if not self._layer.ready:
                return {}
            self._cache[session.id] = self._layer.read(lambda u: decorations(u, session), {})
        return self._cache[session.id]

    def _on_change(self, change: Change) -> None:
        if not concerns(change, KINDS):
            return
        self._forget(change)
        page = self._reading.page_key
        on_page = set(self._reading.anchors) | ({page} if page else set())
        if change.kind in ("anchoring", "external") or on_page & set(change.item_ids):
            self._refresh.start()

    def _forget(self, change: Change) -> None:
        if change.kind in ("anchoring", "external"):
            self._cache.clear()
            return
        for item_id in change.item_ids:
            self._cache.pop(session_of(item_id) or item_id, None)

    def _clicked(self, item_id: str, offset: int) -> None:
        focus = ""
        if offset >= 0 and self._layer.ready:
            found = [h for h in self._layer.read(lambda u: u.highlights.for_item(item_id), [])
                     if h.start <= offset < h.end]
            focus = found[0].id if found else ""
        self.item_chosen.emit(item_id, focus)

    def extend_menu(self, menu: QMenu, point: QPoint) -> None:
        found = self._reading.text_map.at(self._reading.cursorForPosition(point).position())
        item_id = found[0] if found else self._reading.item_at(point)
        if not item_id or not self._layer.ready:
            return
        menu.addSeparator()
        starred = self._layer.read(lambda u: u.stars.is_starred(item_id), False)
        star = menu.addAction(self.tr("Retirer des favoris") if starred
                              else self.tr("Ajouter aux favoris"))
        star.setObjectName("reading-star")
        star.triggered.connect(lambda: self._star_toggle(item_id))
        note = menu.addAction(self.tr("Ajouter une note…"))
        note.setObjectName("reading-add-note")
        note.triggered.connect(lambda: self._add_note(item_id))
        parent = self._reading.window()
        folder_menu.folder_submenu(menu, self._layer, lambda: [item_id],
                                   parent if isinstance(parent, QWidget) else self._reading,
                                   self)
