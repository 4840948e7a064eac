"""Importing a JSON export into this installation: a merge without duplicates.

The whole file is checked before anything is written (see
:mod:`connecteur.store.user.import_checks`: a damaged, foreign or hostile file gets a
French message and changes nothing). Each record is then re-attached to this
installation's corpus text, and:

* a record whose ID is already here is skipped, or updated when the imported copy was
  modified more recently (notes, highlights, folder details);
* a record whose content is already here (same item and same text, same star, same tag,
  same folder entry) is skipped;
* anything else is added — as an orphan when its item cannot be found here (it is never
  dropped, and the report counts it as "non rattaché");
* a folder whose name is taken by a different folder is added under a new name;
* an ID outside the app's own alphabet is replaced (the report says so).

The import is one transaction and one undoable command. It scales with the file:
what is already here is looked up by ID (the primary key) and by content (a short
digest per row, loaded once per kind), never by comparing records pairwise. It can
report its progress and be cancelled; a cancelled import leaves nothing behind.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable

from connecteur.errors import ConnecteurError
from connecteur.store.user.changes import Change, change
from connecteur.store.user.context import UserContext
from connecteur.store.user.exporter import FIELDS
from connecteur.store.user.folders import clean_name, name_key
from connecteur.store.user.import_checks import (
    MAX_IMPORT_BYTES,
    check_document,
    parse_document,
    read_document,
    record_count,
    safe_id,
)
from connecteur.store.user.import_lookups import ContentKeys, FolderEntries
from connecteur.store.user.import_report import KIND_NAMES, ImportReport
from connecteur.store.user.model import DEFAULT_COLOUR, colour, new_id
from connecteur.store.user.reanchor import Resolver
from connecteur.store.user.rows import fetch, insert, update
from connecteur.store.user.tags import tag_key
from connecteur.store.user.undo import Command

__all__ = ["KIND_NAMES", "MAX_IMPORT_BYTES", "ImportAnnotations", "ImportCancelled",
           "ImportReport", "check_document", "parse_document", "read_document"]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ImportCancelled(ConnecteurError):
    """The import was cancelled: its transaction was rolled back, nothing was kept."""


CANCELLED_MESSAGE = "Import annulé : aucune annotation n'a été importée."


class _Pace:
    """Progress reports and cancellation checks, every :attr:`STEP` records (often
    enough for a progress bar, rarely enough to cost nothing)."""

    STEP = 200

    def __init__(self, total: int, progress: Progress | None,
                 cancelled: Cancelled | None) -> None:
        self.total, self.done = total, 0
        self._progress, self._cancelled = progress, cancelled

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ImportCancelled(CANCELLED_MESSAGE)

    def tick(self) -> None:
        self.done += 1
        if self.done % self.STEP == 0:
            self.check()
            if self._progress is not None:
                self._progress(self.done, self.total)

    def start(self) -> None:
        self.check()
        if self._progress is not None:
            self._progress(0, self.total)

    def finish(self) -> None:
        self.check()  # the last chance: after this the transaction commits
        if self._progress is not None:
            self._progress(self.total, self.total)


# --- the command --------------------------------------------------------------------

_TABLES = ("notes", "highlights", "stars", "tags", "folders", "folder_items")
_KIND_OF_TABLE = {"notes": "note", "highlights": "highlight", "stars": "star", "tags": "tag",
                  "folders": "folder", "folder_items": "folder_item"}


class _Changes:
    """The changes of one import, one per table and action (not one per row: a
    40,000-note import is one notification of 40,000 IDs, not 40,000 notifications)."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str], tuple[list[str], list[str], list[str]]] = {}

    def add(self, table: str, action: str, row: dict) -> None:
        ids, items, folders = self._found.setdefault((table, action), ([], [], []))
        ids.append(row["id"])
        if "item_id" in row:
            items.append(row["item_id"])
        folder = row.get("folder_id") or (row["id"] if table == "folders" else None)
        if folder:
            folders.append(folder)

    def as_list(self, reverse: bool = False) -> list[Change]:
        found = sorted(self._found.items(), key=lambda kv: _TABLES.index(kv[0][0]))
        out = []
        for (table, action), (ids, items, folders) in found:
            if reverse:
                action = "removed" if action == "added" else "changed"
            out.append(change(_KIND_OF_TABLE[table], action,  # type: ignore[arg-type]
                              ids, items, folders))
        return out


class ImportAnnotations(Command):
    """``run()`` the first time (on a connection of its own, with progress and
    cancellation); ``do()`` on redo and ``undo()`` as any command."""

    label = "importer des annotations"

    def __init__(self, ctx: UserContext, document: dict, progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> None:
        self.ctx, self.document = ctx, document
        self.progress, self.cancelled = progress, cancelled
        self.report = ImportReport()
        self._inserted: dict[str, list[str]] = defaultdict(list)
        self._updated: list[tuple[str, str, dict]] = []
        self._changes = _Changes()

    def run(self) -> list[Change]:
        """The import itself: one transaction under the import marker (see
        ``UserDatabase.import_transaction``); raises :class:`ImportCancelled` when
        ``cancelled()`` turned true, after the rollback."""
        pace = _Pace(record_count(self.document), self.progress, self.cancelled)
        pace.start()
        with self.ctx.db.import_transaction() as conn:
            return self._merge_all(conn, pace)

    def do(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            return self._merge_all(conn, _Pace(0, None, None))

    def _merge_all(self, conn: sqlite3.Connection, pace: _Pace) -> list[Change]:
        self.report, self._updated, self._changes = ImportReport(), [], _Changes()
        self._inserted = defaultdict(list)
        merge = _Merge(conn, Resolver(self.ctx.catalogue), self, pace)
        for kind in ("notes", "highlights", "stars", "tags"):
            for record in self.document.get(kind, []):
                merge.record(kind, record)
                pace.tick()
        for folder in self.document.get("folders", []):
            merge.folder(folder)
        pace.finish()
        return self._changes.as_list()

    def undo(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            for table, row_id, before in reversed(self._updated):
                update(conn, table, row_id, before)
            for table in reversed(_TABLES):  # folder entries before their folders
                conn.executemany(f"DELETE FROM {table} WHERE id = ?",
                                 ((row_id,) for row_id in self._inserted.get(table, ())))
        return self._changes.as_list(reverse=True)

    # bookkeeping used by _Merge
    def inserted(self, conn: sqlite3.Connection, table: str, kind: str, row: dict) -> None:
        insert(conn, table, row)
        self._inserted[table].append(row["id"])
        self.report.added[kind] += 1
        if row.get("orphan"):
            self.report.unattached[kind] += 1
        self._changes.add(table, "added", row)

    def updated(self, conn: sqlite3.Connection, table: str, kind: str, row: dict,
                values: dict) -> None:
        self._updated.append((table, row["id"], {k: row[k] for k in values}))
        update(conn, table, row["id"], values)
        self.report.updated[kind] += 1
        self._changes.add(table, "changed", row)


def _columns(kind: str, record: dict) -> dict:
    """Table columns from an exported record (``start`` → ``start_offset``…)."""
    return {column: record[name] for name, column in FIELDS[kind].items()}


class _Merge:
    """The decisions of one import, record by record, inside its transaction."""

    def __init__(self, conn: sqlite3.Connection, resolver: Resolver,
                 command: ImportAnnotations, pace: _Pace) -> None:
        self.conn, self.resolver, self.command, self.pace = conn, resolver, command, pace
        self.content = ContentKeys(conn)
        self.entries = FolderEntries(conn)

    def _placed(self, table: str, row: dict) -> dict:
        """``row`` re-attached to this corpus text, or marked orphan with its snapshot."""
        row = {**row, "orphan": int(bool(row["orphan"]))}
        placement = self.resolver.place(table, row)
        return {**row, **placement.fields} if placement.fields else {**row, "orphan": 1}

    def _own_id(self, kind: str, row: dict) -> None:
        row["id"], reissued = safe_id(row["id"])
        if reissued:
            self.command.report.reissued[kind] += 1

    def record(self, kind: str, record: dict) -> None:
        row = self._placed(kind, _columns(kind, record))
        self._own_id(kind, row)
        if kind == "highlights" and colour(row["colour"]) is None:
            row["colour"] = DEFAULT_COLOUR
        if kind == "tags":
            row["tag_key"] = tag_key(row["tag"])
        existing = fetch(self.conn, kind, row["id"])
        if existing is not None:
            self._same_id(kind, existing, row)
        elif self.content.seen(kind, row):
            self.command.report.skipped[kind] += 1
        else:
            self.command.inserted(self.conn, kind, kind, row)
            self.content.add(kind, row)

    def _same_id(self, kind: str, existing: dict, row: dict) -> None:
        editable = {"notes": ("body",), "highlights": ("colour", "note")}.get(kind, ())
        values = {k: row[k] for k in editable if row[k] != existing[k]}
        if values and row["modified"] > existing["modified"]:
            self.content.remove(kind, existing)
            self.command.updated(self.conn, kind, kind, existing,
                                 {**values, "modified": row["modified"]})
            self.content.add(kind, {**existing, **values})
        else:
            self.command.report.skipped[kind] += 1

    # --- folders ----------------------------------------------------------------------
    def folder(self, record: dict) -> None:
        row = _columns("folders", record)
        self._own_id("folders", row)
        existing = fetch(self.conn, "folders", row["id"])
        if existing is None:
            existing = self._new_folder(row)
        else:
            values = {k: row[k] for k in ("title", "audience", "date") if row[k] != existing[k]}
            if values and row["modified"] > existing["modified"]:
                self.command.updated(self.conn, "folders", "folders", existing,
                                     {**values, "modified": row["modified"]})
            else:
                self.command.report.skipped["folders"] += 1
        self.pace.tick()
        for entry in record.get("entries", []):
            self.entry(existing["id"], entry)
            self.pace.tick()

    def _new_folder(self, row: dict) -> dict:
        name = clean_name(row["name"])
        wanted, counter = name, 1
        while self.conn.execute("SELECT 1 FROM folders WHERE name_key = ?",
                                (name_key(name),)).fetchone():
            counter += 1
            name = f"{wanted} (importé)" if counter == 2 else f"{wanted} (importé {counter - 1})"
        if name != wanted:
            self.command.report.renamed.append((wanted, name))
        row = {**row, "name": name, "name_key": name_key(name)}
        self.command.inserted(self.conn, "folders", "folders", row)
        return row

    def entry(self, folder_id: str, record: dict) -> None:
        row = self._placed("folder_items", {**_columns("entries", record),
                                            "folder_id": folder_id})
        self._own_id("entries", row)
        local = fetch(self.conn, "folder_items", row["id"])
        if local is not None and local["folder_id"] != folder_id:
            row["id"], local = new_id(), None  # the same ID in another folder: keep both
        if local is None:
            local = self.entries.holding(folder_id, row["item_id"], row["orphan"])
        if local is None:
            row["position"] = self.entries.next_position(folder_id)
            self.command.inserted(self.conn, "folder_items", "entries", row)
            self.entries.added(row)
            return
        note = row["note"]
        if not note.strip() or note in local["note"]:
            self.command.report.skipped["entries"] += 1
            return
        # Both copies carry a folder note: keep both texts rather than choose.
        merged = note if not local["note"].strip() else f"{local['note']}\n\n{note}"
        self.command.updated(self.conn, "folder_items", "entries", local, {"note": merged})
