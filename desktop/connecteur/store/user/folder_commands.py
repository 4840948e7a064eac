"""The undoable commands behind :class:`connecteur.store.user.folders.Folders`: each
keeps what it needs to put the folder back exactly as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from connecteur.errors import NotFoundError
from connecteur.store.user.changes import Change, change
from connecteur.store.user.context import UserContext
from connecteur.store.user.model import utc_now
from connecteur.store.user.rows import UserInputError, delete, fetch, fetch_all, insert, update
from connecteur.store.user.undo import Command


def _check_free(conn: sqlite3.Connection, key: str, folder_id: str = "") -> None:
    """A French error naming the existing folder when ``key`` is taken by another one."""
    taken = conn.execute("SELECT name FROM folders WHERE name_key = ? AND id != ?",
                         (key, folder_id)).fetchone()
    if taken is not None:
        raise UserInputError(f"Un dossier s'appelle déjà « {taken[0]} ».",
                             hint="Choisissez un autre nom (la casse ne compte pas).")


def _renumber(conn: sqlite3.Connection, folder_id: str, order: list[str]) -> None:
    """Positions 0…n-1 following ``order``; entries it does not list keep their relative
    place at the end (another window may have added some)."""
    current = _order(conn, folder_id)
    present, listed = set(current), set(order)
    final = [i for i in order if i in present] + [i for i in current if i not in listed]
    for position, entry_id in enumerate(final):
        conn.execute("UPDATE folder_items SET position = ? WHERE id = ?", (position, entry_id))


def _order(conn: sqlite3.Connection, folder_id: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT id FROM folder_items WHERE folder_id = ? ORDER BY position, rowid",
        (folder_id,))]


class CreateFolder(Command):
    label = "créer le dossier"

    def __init__(self, ctx: UserContext, row: dict) -> None:
        self.ctx, self.row = ctx, row

    def do(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            _check_free(conn, self.row["name_key"])
            insert(conn, "folders", self.row)
        return [change("folder", "added", [self.row["id"]], folder_ids=[self.row["id"]])]

    def undo(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            if conn.execute("SELECT 1 FROM folder_items WHERE folder_id = ?",
                            (self.row["id"],)).fetchone():
                raise UserInputError("le dossier contient des éléments ajoutés entre-temps.")
            delete(conn, "folders", self.row["id"])
        return [change("folder", "removed", [self.row["id"]], folder_ids=[self.row["id"]])]


class UpdateFolder(Command):
    def __init__(self, ctx: UserContext, folder_id: str, values: dict, label: str) -> None:
        self.ctx, self.folder_id, self.values, self.label = ctx, folder_id, values, label
        self.before: dict | None = None

    def _write(self, values: dict) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            row = fetch(conn, "folders", self.folder_id)
            if row is None:
                raise NotFoundError("Ce dossier n'existe plus.")
            if "name_key" in values:
                _check_free(conn, values["name_key"], self.folder_id)
            before = {k: row[k] for k in values}
            update(conn, "folders", self.folder_id, values)
        self.before = self.before if self.before is not None else before
        return [change("folder", "changed", [self.folder_id], folder_ids=[self.folder_id])]

    def do(self) -> list[Change]:
        self.before = None
        if "modified" not in self.values:  # stamped once: a redo restores it exactly
            self.values = {**self.values, "modified": utc_now()}
        return self._write(self.values)

    def undo(self) -> list[Change]:
        assert self.before is not None
        return self._write(self.before)


class DeleteFolder(Command):
    label = "supprimer le dossier"

    def __init__(self, ctx: UserContext, folder_id: str) -> None:
        self.ctx, self.folder_id = ctx, folder_id
        self.row: dict | None = None
        self.entries: list[dict] = []

    def do(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            self.row = fetch(conn, "folders", self.folder_id)
            if self.row is None:
                raise NotFoundError("Ce dossier n'existe plus.")
            self.entries = fetch_all(conn, "folder_items", "folder_id = ?", (self.folder_id,),
                                     "position, rowid")
            delete(conn, "folders", self.folder_id)  # entries go with it (ON DELETE CASCADE)
        return [change("folder", "removed", [self.folder_id],
                       [e["item_id"] for e in self.entries], [self.folder_id])]

    def undo(self) -> list[Change]:
        assert self.row is not None
        with self.ctx.db.transaction() as conn:
            _check_free(conn, self.row["name_key"])
            insert(conn, "folders", self.row)
            for entry in self.entries:
                insert(conn, "folder_items", entry)
        return [change("folder", "added", [self.folder_id],
                       [e["item_id"] for e in self.entries], [self.folder_id])]


class ChangeEntries(Command):
    """Add and/or remove entries of one folder and set its order, in one step."""

    def __init__(self, ctx: UserContext, folder_id: str, label: str, *,
                 added: Iterable[dict] = (), removed: Iterable[dict] = (),
                 order: list[str] | None = None, notes: dict[str, str] | None = None) -> None:
        self.ctx, self.folder_id, self.label = ctx, folder_id, label
        self.added, self.removed = list(added), list(removed)
        self.order, self.notes = order, notes or {}
        self.before_order: list[str] = []
        self.before_notes: dict[str, str] = {}

    def do(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            if fetch(conn, "folders", self.folder_id) is None:
                raise NotFoundError("Ce dossier n'existe plus.")
            self.before_order = _order(conn, self.folder_id)
            self.before_notes = {}
            for entry_id, note in self.notes.items():
                row = fetch(conn, "folder_items", entry_id)
                if row is None:
                    raise NotFoundError("Cet élément n'est plus dans le dossier.")
                self.before_notes[entry_id] = row["note"]
                update(conn, "folder_items", entry_id, {"note": note})
            for row in self.removed:
                delete(conn, "folder_items", row["id"])
            for row in self.added:
                insert(conn, "folder_items", row, replace=True)
            _renumber(conn, self.folder_id, self.order or self._default_order())
        return self._changes(forward=True)

    def _default_order(self) -> list[str]:
        gone = {r["id"] for r in self.removed}
        return [i for i in self.before_order if i not in gone] + [r["id"] for r in self.added]

    def undo(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            for row in self.added:
                delete(conn, "folder_items", row["id"])
            for row in self.removed:
                insert(conn, "folder_items", row, replace=True)
            for entry_id, note in self.before_notes.items():
                update(conn, "folder_items", entry_id, {"note": note})
            _renumber(conn, self.folder_id, self.before_order)
        return self._changes(forward=False)

    def _changes(self, forward: bool) -> list[Change]:
        added, removed = (self.added, self.removed) if forward else (self.removed, self.added)
        out = []
        if added:
            out.append(change("folder_item", "added", [r["id"] for r in added],
                              [r["item_id"] for r in added], [self.folder_id]))
        if removed:
            out.append(change("folder_item", "removed", [r["id"] for r in removed],
                              [r["item_id"] for r in removed], [self.folder_id]))
        if self.notes or (self.order is not None and not (self.added or self.removed)):
            out.append(change("folder_item", "changed", list(self.notes) or self.order or (),
                              (), [self.folder_id]))
        return out
