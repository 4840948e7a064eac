"""Course folders ("Dossiers de formation") as a two-level tree model: folders, then
the items of each folder in the folder's order.

Every edit goes to the store (rename, reorder, add by drag and drop); the model
changes its rows only when the store announces what changed, so what the tree
shows is always what is saved, whichever window or view made the change. A
folder's rows are tied to a stable key, not to the folder's row, so persistent
indexes survive folders being added, removed or re-sorted after a rename.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from connecteur.store import Change, CorpusStore, Folder, FolderEntry
from connecteur.ui.annotations.user_layer import UserLayer
from connecteur.ui.common.item_mime import (
    ENTRIES_MIME,
    ITEMS_MIME,
    entries_mime_data,
    item_ids,
    moved_entries,
)
from connecteur.ui.common.item_summary import excerpt, text_of, title_of
from connecteur.ui.common.list_sync import sync_rows
from connecteur.ui.common.model_types import ROOT, AnyIndex
from connecteur.ui.folders import folder_menu

if TYPE_CHECKING:  # the user layer loads after the first paint
    from connecteur.store import UserStore

KindRole = Qt.ItemDataRole.UserRole + 1  # "folder" or "entry"
FolderIdRole = Qt.ItemDataRole.UserRole + 2
EntryIdRole = Qt.ItemDataRole.UserRole + 3
ItemIdRole = Qt.ItemDataRole.UserRole + 4
NoteRole = Qt.ItemDataRole.UserRole + 5  # the entry's folder note
OrphanRole = Qt.ItemDataRole.UserRole + 6

FOLDER_ROW = 0  # internal ID of a folder index; an entry's is its folder's key


class FoldersModel(QAbstractItemModel):
    def __init__(self, layer: UserLayer, store: CorpusStore,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layer = layer
        self._store = store
        self._folders: list[str] = []
        self._folder: dict[str, Folder] = {}
        self._entries: dict[str, list[str]] = {}
        self._entry: dict[str, FolderEntry] = {}
        self._keys = itertools.count(1)
        self._key_of: dict[str, int] = {}
        self._folder_of_key: dict[int, str] = {}
        layer.changed.connect(self._on_change)
        layer.opened.connect(lambda _user: self.refresh())
        self.refresh()

    # --- lookups ---------------------------------------------------------------------

    def folder_index(self, folder_id: str) -> QModelIndex:
        if folder_id not in self._folder:
            return QModelIndex()
        return self.createIndex(self._folders.index(folder_id), 0, FOLDER_ROW)

    def entry_index(self, entry_id: str) -> QModelIndex:
        entry = self._entry.get(entry_id)
        if entry is None or entry.folder_id not in self._entries:
            return QModelIndex()
        row = self._entries[entry.folder_id].index(entry_id)
        return self.createIndex(row, 0, self._key_of[entry.folder_id])

    def folder(self, index: AnyIndex) -> Folder | None:
        """The folder of a folder row or of an entry row."""
        folder_id = index.data(FolderIdRole) if index.isValid() else None
        return self._folder.get(folder_id) if folder_id else None

    def entry(self, index: AnyIndex) -> FolderEntry | None:
        entry_id = index.data(EntryIdRole) if index.isValid() else None
        return self._entry.get(entry_id) if entry_id else None

    def entries(self, folder_id: str) -> list[FolderEntry]:
        return [self._entry[e] for e in self._entries.get(folder_id, [])]

    # --- refreshing from the store -----------------------------------------------------

    def use_library(self, store: CorpusStore) -> None:
        """Another library (a document imported or removed): every entry's title and
        text come from it."""
        self._store = store
        self.refresh()
        for folder_id in self._folders:
            rows = len(self._entries.get(folder_id, ()))
            if rows:
                parent = self.folder_index(folder_id)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, 0, parent))

    def _key(self, folder_id: str) -> int:
        if folder_id not in self._key_of:
            key = next(self._keys)
            self._key_of[folder_id], self._folder_of_key[key] = key, folder_id
        return self._key_of[folder_id]

    def refresh(self, folder_ids: Sequence[str] | None = None) -> None:
        """Bring the folders (and the entries of ``folder_ids``, default: all) up to date."""
        def read(user: UserStore) -> tuple[list[Folder], dict[str, list[FolderEntry]]]:
            folders = user.folders.list()
            wanted = {f.id for f in folders} if folder_ids is None else set(folder_ids)
            new = {f.id for f in folders} - set(self._folders)
            return folders, {f.id: user.folders.entries(f.id) for f in folders
                             if f.id in wanted or f.id in new}

        folders, entries = self._layer.read(read, ([], {}))
        self._folder.update({f.id: f for f in folders})
        for folder_id, found in entries.items():
            if folder_id not in self._entries:  # a new folder arrives with its entries
                self._entries[folder_id] = [e.id for e in found]
                self._entry.update({e.id: e for e in found})
                self._key(folder_id)
        sync_rows(self, ROOT, self._folders, [f.id for f in folders])  # type: ignore[arg-type]
        for gone in set(self._entries) - set(self._folders):
            for entry_id in self._entries.pop(gone):
                self._entry.pop(entry_id, None)
            self._folder.pop(gone, None)
        for folder_id, found in entries.items():
            self._sync_entries(folder_id, found)
        if self._folders:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._folders) - 1, 0))

    def _sync_entries(self, folder_id: str, found: list[FolderEntry]) -> None:
        if folder_id not in self._entries:
            return
        self._entry.update({e.id: e for e in found})
        rows = self._entries[folder_id]
        stale = set(rows) - {e.id for e in found}
        sync_rows(self, self.folder_index(folder_id), rows,  # type: ignore[arg-type]
                  [e.id for e in found])
        for entry_id in stale:
            self._entry.pop(entry_id, None)
        if rows:
            parent = self.folder_index(folder_id)
            self.dataChanged.emit(self.index(0, 0, parent), self.index(len(rows) - 1, 0, parent))

    def _on_change(self, change: Change) -> None:
        if change.kind in ("anchoring", "external"):
            self.refresh()
        elif change.kind == "folder":
            self.refresh(change.folder_ids)
        elif change.kind == "folder_item":
            self.refresh(change.folder_ids or None)

    # --- Qt model API: structure -------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, FOLDER_ROW) if row < len(self._folders) \
                else QModelIndex()
        if parent.internalId() != FOLDER_ROW or parent.row() >= len(self._folders):
            return QModelIndex()
        folder_id = self._folders[parent.row()]
        if row >= len(self._entries.get(folder_id, [])):
            return QModelIndex()
        return self.createIndex(row, 0, self._key_of[folder_id])

    def parent(self, index: AnyIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == FOLDER_ROW:
            return QModelIndex()
        folder_id = self._folder_of_key.get(index.internalId())
        if folder_id not in self._folder or folder_id not in self._folders:
            return QModelIndex()
        return self.createIndex(self._folders.index(folder_id), 0, FOLDER_ROW)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        if not parent.isValid():
            return len(self._folders)
        if parent.column() != 0 or parent.internalId() != FOLDER_ROW:
            return 0
        if parent.row() >= len(self._folders):
            return 0
        return len(self._entries.get(self._folders[parent.row()], []))

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 1

    def hasChildren(self, parent: AnyIndex = ROOT) -> bool:
        return self.rowCount(parent) > 0

    # --- Qt model API: content ---------------------------------------------------------

    def _ids(self, index: AnyIndex) -> tuple[str | None, str | None]:
        """(folder ID, entry ID or None) of a valid index."""
        if index.internalId() == FOLDER_ROW:
            ok = 0 <= index.row() < len(self._folders)
            return (self._folders[index.row()] if ok else None), None
        folder_id = self._folder_of_key.get(index.internalId())
        rows = self._entries.get(folder_id or "", [])
        return folder_id, rows[index.row()] if 0 <= index.row() < len(rows) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        folder_id, entry_id = self._ids(index)
        if folder_id is None or (index.internalId() != FOLDER_ROW and entry_id is None):
            return None
        if entry_id is None:
            return self._folder_data(self._folder[folder_id], role)
        return self._entry_data(self._entry[entry_id], role)

    def _folder_data(self, folder: Folder, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{folder.name} ({len(self._entries.get(folder.id, []))})"
        if role == Qt.ItemDataRole.EditRole:
            return folder.name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return folder_menu.folder_description(folder)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return folder.name
        if role == Qt.ItemDataRole.DecorationRole:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        return {KindRole: "folder", FolderIdRole: folder.id}.get(role)

    def _entry_data(self, entry: FolderEntry, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if entry.orphan:
                return folder_menu.orphan_entry_text(entry)
            note = " ✎" if entry.note else ""
            return (f"{title_of(self._store, entry.item_id)}{note}\n"
                    f"{excerpt(text_of(self._store, entry.item_id), 90)}")
        if role == Qt.ItemDataRole.ToolTipRole:
            text = text_of(self._store, entry.item_id, entry.item_text)
            return f"{text}\n\n✎ {entry.note}" if entry.note else text
        return {KindRole: "entry", FolderIdRole: entry.folder_id, EntryIdRole: entry.id,
                ItemIdRole: entry.item_id, NoteRole: entry.note,
                OrphanRole: entry.orphan}.get(role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable \
            | Qt.ItemFlag.ItemIsDropEnabled
        if index.internalId() == FOLDER_ROW:
            return base | Qt.ItemFlag.ItemIsEditable
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Renaming a folder in place (F2)."""
        folder = self.folder(index)
        if role != Qt.ItemDataRole.EditRole or folder is None or index.internalId() != FOLDER_ROW:
            return False
        if str(value) == folder.name:
            return False
        name = str(value)
        return self._layer.write(lambda u: u.folders.rename(folder.id, name, origin=self)) \
            is not None

    # --- moving entries ----------------------------------------------------------------

    def moveRows(self, source_parent: AnyIndex, source_row: int, count: int,
                 destination_parent: AnyIndex, destination_child: int) -> bool:
        """Reorder entries inside one folder (the store's order is changed; the rows
        move when it says so)."""
        folder = self.folder(source_parent)
        if folder is None or source_parent.internalId() != FOLDER_ROW or \
                self.folder(destination_parent) != folder or count < 1:
            return False
        rows = self._entries[folder.id]
        if not (source_row >= 0 and source_row + count <= len(rows)
                and 0 <= destination_child <= len(rows)):
            return False
        if source_row <= destination_child <= source_row + count:
            return False  # onto itself: nothing to do
        return self.reorder(folder.id, rows[source_row:source_row + count], destination_child)

    def reorder(self, folder_id: str, moving: list[str], before_row: int,
                done: Callable[[object], None] | None = None) -> bool:
        """Put the ``moving`` entries before the row ``before_row`` (counted before the
        move; ``len`` = at the end). The rows move when the store says it is done
        (``done`` runs after that)."""
        rows = self._entries.get(folder_id, [])
        kept = [e for e in rows if e not in moving]
        at = before_row - sum(1 for e in rows[:before_row] if e in moving)
        order = kept[:at] + [e for e in rows if e in moving] + kept[at:]
        if order == rows:
            return False
        return self._layer.write(lambda u: u.folders.reorder(folder_id, order, origin=self),
                                 done=done) is not None

    # --- drag and drop -----------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ENTRIES_MIME, ITEMS_MIME, "text/uri-list", "text/plain"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:
        entries = [self.entry(i) for i in sorted(indexes, key=lambda i: i.row())]
        found = [e for e in entries if e is not None]
        if not found or len({e.folder_id for e in found}) != 1:
            return None
        return entries_mime_data(found[0].folder_id, [e.id for e in found],
                                 [e.item_id for e in found if not e.orphan])

    def _target(self, row: int, parent: AnyIndex) -> tuple[str, int | None] | None:
        """(folder ID, insertion row or None for the end) of a drop."""
        if not parent.isValid():
            return None
        if parent.internalId() == FOLDER_ROW:
            folder = self.folder(parent)
            return (folder.id, row if row >= 0 else None) if folder else None
        entry = self.entry(parent)  # dropped onto an entry: just before it
        return (entry.folder_id, parent.row()) if entry else None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        return self._layer.ready and self._target(row, parent) is not None and (
            moved_entries(data) is not None or bool(item_ids(data)))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        target = self._target(row, parent)
        if target is None or action == Qt.DropAction.IgnoreAction:
            return False
        folder_id, at = target
        moved = moved_entries(data)
        if moved is not None and moved[0] == folder_id:
            rows = self._entries.get(folder_id, [])
            return self.reorder(folder_id, moved[1], len(rows) if at is None else at)
        ids = item_ids(data)
        if not ids:
            return False
        folder_menu.add_items(self._layer, folder_id, ids, self, at)
        return True
