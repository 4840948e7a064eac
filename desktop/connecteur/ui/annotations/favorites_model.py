""""Mes favoris" as a list model: the starred items in reading order (or the most
recently starred first), optionally only those carrying a tag.

It refreshes itself from star, tag and re-anchoring notifications, announcing only
the rows that came, went or moved; its rows can be dragged onto a course folder.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
)

from connecteur.store import Change, CorpusStore
from connecteur.ui.annotations.user_layer import UserLayer, concerns
from connecteur.ui.common.item_mime import ITEMS_MIME, items_mime_data
from connecteur.ui.common.item_summary import excerpt, text_of, title_of
from connecteur.ui.common.list_sync import sync_rows
from connecteur.ui.common.model_types import ROOT, AnyIndex

ItemIdRole = Qt.ItemDataRole.UserRole + 1
TagsRole = Qt.ItemDataRole.UserRole + 2
TitleRole = Qt.ItemDataRole.UserRole + 3

READING, RECENT = "reading", "recent"
KINDS = ("star", "tag")


class FavoritesModel(QAbstractListModel):
    def __init__(self, layer: UserLayer, store: CorpusStore,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layer = layer
        self._store = store
        self._ids: list[str] = []
        self._tags: dict[str, tuple[str, ...]] = {}
        self.tag: str | None = None
        self.order = READING
        layer.changed.connect(self._on_change)
        layer.opened.connect(lambda _user: self.refresh())
        self.refresh()

    # --- content ---------------------------------------------------------------------

    def item_id(self, row: int) -> str:
        return self._ids[row]

    @property
    def item_ids(self) -> list[str]:
        return list(self._ids)

    def set_filter(self, tag: str | None) -> None:
        self.tag = tag or None
        self.refresh()

    def set_order(self, order: str) -> None:
        self.order = order if order in (READING, RECENT) else READING
        self.refresh()

    def _wanted(self) -> list[str]:
        def read(user: Any) -> list[str]:
            ids = user.stars.item_ids(self.order)
            if self.tag:
                tagged = set(user.tags.item_ids(self.tag))
                ids = [i for i in ids if i in tagged]
            self._tags = {i: tuple(user.tags.for_item(i)) for i in ids}
            return ids

        return self._layer.read(read, [])

    def use_library(self, store: CorpusStore) -> None:
        """Another library (a document imported or removed): titles come from it."""
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        sync_rows(self, ROOT, self._ids, self._wanted())  # type: ignore[arg-type]
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0))

    def _on_change(self, change: Change) -> None:
        if concerns(change, KINDS):
            self.refresh()

    # --- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        item_id = self._ids[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            tags = self._tags.get(item_id, ())
            marks = f"\n# {', '.join(tags)}" if tags else ""
            return (f"★ {title_of(self._store, item_id)}\n"
                    f"{excerpt(text_of(self._store, item_id), 110)}{marks}")
        if role == Qt.ItemDataRole.ToolTipRole:
            return text_of(self._store, item_id)
        if role == ItemIdRole:
            return item_id
        if role == TagsRole:
            return list(self._tags.get(item_id, ()))
        if role == TitleRole:
            return title_of(self._store, item_id)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def mimeTypes(self) -> list[str]:
        return [ITEMS_MIME, "text/plain", "text/uri-list"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return items_mime_data([self._ids[r] for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction
