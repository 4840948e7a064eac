"""What an import looks up in the rows already here, in constant time per record.

Pairwise comparison made an import quadratic (20,000 notes: 80 s). Instead, the
content of each table is read once into short digests (:class:`ContentKeys`), and the
entries of each folder once into a dict (:class:`FolderEntries`).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter

from connecteur.store.user.rows import fetch

# What makes two rows the same content, per table: the columns compared among attached
# rows (besides item_id), and the one compared among orphans.
_SAME_CONTENT: dict[str, tuple[tuple[str, ...], str]] = {
    "notes": (("body",), "body"),
    "highlights": (("start_offset", "end_offset"), "quote"),
    "stars": ((), "item_id"),
    "tags": (("tag_key",), "tag_key"),
}


def _digest(*parts: object) -> bytes:
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"),
                           digest_size=16).digest()


class ContentKeys:
    """The content of the rows already here, as 16-byte digests counted per table
    (loaded on first use): each imported record is checked in constant time, and the
    memory is a few dozen bytes per row whatever the length of the notes."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._counts: dict[str, Counter] = {}

    @staticmethod
    def key(table: str, row) -> bytes:
        attached, orphan_column = _SAME_CONTENT[table]
        if row["orphan"]:
            return _digest(1, row["item_id"], row[orphan_column])
        return _digest(0, row["item_id"], *(row[c] for c in attached))

    def _of(self, table: str) -> Counter:
        if table not in self._counts:
            attached, orphan_column = _SAME_CONTENT[table]
            columns = ", ".join(dict.fromkeys(("orphan", "item_id", *attached,
                                               orphan_column)))
            self._counts[table] = Counter(
                self.key(table, r) for r in self.conn.execute(f"SELECT {columns} FROM {table}"))
        return self._counts[table]

    def seen(self, table: str, row: dict) -> bool:
        return self._of(table)[self.key(table, row)] > 0

    def add(self, table: str, row: dict) -> None:
        self._of(table)[self.key(table, row)] += 1

    def remove(self, table: str, row: dict) -> None:
        self._of(table)[self.key(table, row)] -= 1


class FolderEntries:
    """The entries of each folder an import touches, read once per folder: which item
    each holds (attached or orphan), and the next free position."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._ids: dict[str, dict[tuple[str, int], str]] = {}
        self._next: dict[str, int] = {}

    def _load(self, folder_id: str) -> dict[tuple[str, int], str]:
        if folder_id not in self._ids:
            found: dict[tuple[str, int], str] = {}
            top = -1
            for row in self.conn.execute("SELECT id, item_id, orphan, position FROM "
                                         "folder_items WHERE folder_id = ? ORDER BY rowid",
                                         (folder_id,)):
                found.setdefault((row["item_id"], row["orphan"]), row["id"])
                top = max(top, row["position"])
            self._ids[folder_id], self._next[folder_id] = found, top + 1
        return self._ids[folder_id]

    def holding(self, folder_id: str, item_id: str, orphan: int) -> dict | None:
        """The entry of ``folder_id`` on this item (attached or orphan), if any."""
        entry_id = self._load(folder_id).get((item_id, orphan))
        return fetch(self.conn, "folder_items", entry_id) if entry_id else None

    def added(self, row: dict) -> None:
        self._load(row["folder_id"]).setdefault((row["item_id"], row["orphan"]), row["id"])

    def next_position(self, folder_id: str) -> int:
        self._load(folder_id)
        position = self._next[folder_id]
        self._next[folder_id] = position + 1
        return position
