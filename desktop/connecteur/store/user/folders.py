"""Course folders ("Dossiers de formation"): an ordered selection of items, each with a
note specific to the folder, plus the title, audience and date printed on the handout.

Folder names are unique regardless of case. Entries are kept in ``position`` order;
every change (even a drag and drop) is one undoable command.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from datetime import date

from connecteur.errors import NotFoundError
from connecteur.store.user.context import UserContext
from connecteur.store.user.folder_commands import (
    ChangeEntries,
    CreateFolder,
    DeleteFolder,
    UpdateFolder,
)
from connecteur.store.user.model import Folder, FolderEntry, new_id, utc_now
from connecteur.store.user.rows import (
    LIMITS,
    UserInputError,
    check_text,
    fetch_all,
    snapshot_columns,
    to_entry,
)

_SPACES = re.compile(r"\s+")
_FR_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_UNSET = object()


def clean_name(name: object) -> str:
    if not isinstance(name, str):
        raise UserInputError("Le nom du dossier doit être du texte.")
    cleaned = unicodedata.normalize("NFC", _SPACES.sub(" ", name).strip())
    if not cleaned:
        raise UserInputError("Donnez un nom au dossier.")
    if len(cleaned) > LIMITS.short_chars:
        raise UserInputError(f"Le nom du dossier est trop long (au plus {LIMITS.short_chars} "
                             "caractères).")
    return cleaned


def name_key(name: str) -> str:
    return clean_name(name).casefold()


def parse_date(value: object) -> str | None:
    """``2026-03-12`` or ``12/03/2026`` → ``2026-03-12``; empty → None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = _FR_DATE.match(text)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1])).isoformat()
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise UserInputError(f"Date invalide : « {text} ».",
                             hint="Exemple : 12/03/2026.") from None


def _folder(row: sqlite3.Row | dict, size: int = 0) -> Folder:
    return Folder(row["id"], row["name"], row["title"], row["audience"], row["date"],
                  row["created"], row["modified"], size)


class Folders:
    def __init__(self, ctx: UserContext) -> None:
        self._ctx = ctx

    # --- folders ----------------------------------------------------------------------
    def create(self, name: str, title: str = "", audience: str = "",
               date: object = None, origin: object = None) -> Folder:
        name = clean_name(name)
        now = utc_now()
        row = {"id": new_id(), "name": name, "name_key": name_key(name),
               "title": self._short(title, "Le titre"),
               "audience": self._short(audience, "Le public"), "date": parse_date(date),
               "created": now, "modified": now}
        self._ctx.run(CreateFolder(self._ctx, row), origin)
        return self.get(row["id"])

    @staticmethod
    def _short(value: object, what: str) -> str:
        return check_text(value, what, required=False, limit=LIMITS.short_chars * 5).strip()

    def rename(self, folder: str, name: str, origin: object = None) -> Folder:
        current = self.require(folder)
        name = clean_name(name)
        if name != current.name:
            self._ctx.run(UpdateFolder(self._ctx, current.id,
                                       {"name": name, "name_key": name_key(name)},
                                       "renommer le dossier"), origin)
        return self.get(current.id)

    def update(self, folder: str, *, title: object = _UNSET, audience: object = _UNSET,
               date: object = _UNSET, origin: object = None) -> Folder:
        """Change the handout's title, audience or date (what is not given stays)."""
        current = self.require(folder)
        values = {}
        if title is not _UNSET:
            values["title"] = self._short(title, "Le titre")
        if audience is not _UNSET:
            values["audience"] = self._short(audience, "Le public")
        if date is not _UNSET:
            values["date"] = parse_date(date)
        values = {k: v for k, v in values.items() if getattr(current, k) != v}
        if values:
            self._ctx.run(UpdateFolder(self._ctx, current.id, values,
                                       "modifier le dossier"), origin)
        return self.get(current.id)

    def delete(self, folder: str, origin: object = None) -> None:
        """Delete the folder and its entries (Ctrl+Z brings everything back)."""
        self._ctx.run(DeleteFolder(self._ctx, self.require(folder).id), origin)

    def list(self) -> list[Folder]:
        """All folders by name, with their number of entries."""
        with self._ctx.db.reading() as conn:
            rows = conn.execute(
                "SELECT f.*, (SELECT count(*) FROM folder_items i WHERE i.folder_id = f.id) "
                "AS size FROM folders f ORDER BY f.name_key").fetchall()
        return [_folder(r, r["size"]) for r in rows]

    def get(self, folder_id: str) -> Folder:
        found = next((f for f in self.list() if f.id == folder_id), None)
        if found is None:
            raise NotFoundError("Ce dossier n'existe plus.")
        return found

    def find(self, name_or_id: str) -> Folder | None:
        """By ID, or by name regardless of case."""
        folders = self.list()
        by_id = next((f for f in folders if f.id == name_or_id), None)
        if by_id is not None or not isinstance(name_or_id, str) or not name_or_id.strip():
            return by_id
        key = name_key(name_or_id)
        return next((f for f in folders if f.name.casefold() == key), None)

    def require(self, name_or_id: str) -> Folder:
        found = self.find(name_or_id)
        if found is None:
            names = ", ".join(f"« {f.name} »" for f in self.list()) or "aucun"
            raise NotFoundError(f"Aucun dossier ne s'appelle « {name_or_id} ».",
                                hint=f"Dossiers existants : {names}.")
        return found

    # --- entries ----------------------------------------------------------------------
    def entries(self, folder: str, include_orphans: bool = True) -> list[FolderEntry]:
        folder_id = self.require(folder).id
        where = "folder_id = ?" + ("" if include_orphans else " AND orphan = 0")
        with self._ctx.db.reading() as conn:
            rows = fetch_all(conn, "folder_items", where, (folder_id,), "position, rowid")
        return [to_entry(r) for r in rows]

    def item_ids(self, folder: str) -> list[str]:
        """The folder's items in its order (orphans left out): what a handout prints."""
        return [e.item_id for e in self.entries(folder, include_orphans=False)]

    def add_items(self, folder: str, item_ids: Iterable[str], index: int | None = None,
                  origin: object = None) -> list[FolderEntry]:
        """Add items (those already in the folder are skipped) at ``index`` (default: the
        end); returns the new entries."""
        target = self.require(folder)
        entries = self.entries(target.id)
        present = {e.item_id for e in entries if not e.orphan}
        now, rows = utc_now(), []
        for item_id in item_ids:
            snap = self._ctx.catalogue.snapshot_of(item_id)
            if snap.item_id not in present:
                present.add(snap.item_id)
                rows.append({"id": new_id(), "folder_id": target.id, "position": 0, "note": "",
                             "added": now, **snapshot_columns(snap)})
        if not rows:
            return []
        order = [e.id for e in entries]
        at = len(order) if index is None else max(0, min(index, len(order)))
        order[at:at] = [r["id"] for r in rows]
        label = "ajouter au dossier" if len(rows) == 1 else f"ajouter {len(rows)} éléments " \
            "au dossier"
        self._ctx.run(ChangeEntries(self._ctx, target.id, label, added=rows, order=order),
                      origin)
        added = {r["id"] for r in rows}
        return [e for e in self.entries(target.id) if e.id in added]

    def remove_items(self, folder: str, item_ids: Iterable[str], origin: object = None) -> int:
        """Remove items (or orphan entries, by entry ID) from the folder; returns how many."""
        target = self.require(folder)
        wanted = set(item_ids)
        with self._ctx.db.reading() as conn:
            rows = [r for r in fetch_all(conn, "folder_items", "folder_id = ?", (target.id,))
                    if r["id"] in wanted or (r["item_id"] in wanted and not r["orphan"])]
        if rows:
            label = "retirer du dossier" if len(rows) == 1 else f"retirer {len(rows)} " \
                "éléments du dossier"
            self._ctx.run(ChangeEntries(self._ctx, target.id, label, removed=rows), origin)
        return len(rows)

    def move_item(self, folder: str, item_id: str, index: int, origin: object = None) -> None:
        """Move one entry (by item or entry ID) to ``index`` (a drag and drop)."""
        entries = self.entries(folder)
        moving = self._entry(entries, item_id)
        order = [e.id for e in entries if e.id != moving.id]
        order.insert(max(0, min(index, len(order))), moving.id)
        self._reorder(self.require(folder).id, entries, order, origin)

    def reorder(self, folder: str, item_ids: list[str], origin: object = None) -> None:
        """Put the entries in this order (item or entry IDs; unlisted ones go last)."""
        entries = self.entries(folder)
        order = [self._entry(entries, i).id for i in item_ids]
        self._reorder(self.require(folder).id, entries, order, origin)

    def _reorder(self, folder_id: str, entries: list[FolderEntry], order: list[str],
                 origin: object) -> None:
        final = order + [e.id for e in entries if e.id not in set(order)]
        if final != [e.id for e in entries]:
            self._ctx.run(ChangeEntries(self._ctx, folder_id, "réordonner le dossier",
                                        order=final), origin)

    def set_item_note(self, folder: str, item_id: str, note: str,
                      origin: object = None) -> FolderEntry:
        """The trainer's note on this item for this folder only ("question d'ouverture")."""
        note = check_text(note, "La note", required=False, limit=LIMITS.note_chars)
        entries = self.entries(folder)
        entry = self._entry(entries, item_id)
        if entry.note != note:
            self._ctx.run(ChangeEntries(self._ctx, entry.folder_id,
                                        "modifier la note du dossier",
                                        notes={entry.id: note}), origin)
        return next(e for e in self.entries(folder) if e.id == entry.id)

    def folders_of(self, item_id: str) -> list[Folder]:
        with self._ctx.db.reading() as conn:
            ids = {r[0] for r in conn.execute(
                "SELECT folder_id FROM folder_items WHERE item_id = ? AND orphan = 0",
                (item_id,))}
        return [f for f in self.list() if f.id in ids]

    @staticmethod
    def _entry(entries: list[FolderEntry], item_or_entry_id: str) -> FolderEntry:
        found = next((e for e in entries if e.id == item_or_entry_id), None) or next(
            (e for e in entries if e.item_id == item_or_entry_id and not e.orphan), None)
        if found is None:
            raise NotFoundError(f"« {item_or_entry_id} » n'est pas dans ce dossier.")
        return found
