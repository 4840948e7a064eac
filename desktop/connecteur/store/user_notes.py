"""Notes on items: plain text with light formatting (see ``user_markup``), kept exactly
as typed. Every change is an undoable command."""

from __future__ import annotations

from connecteur.errors import NotFoundError
from connecteur.store.user_changes import Change, change
from connecteur.store.user_context import UserContext
from connecteur.store.user_model import Note, new_id, utc_now
from connecteur.store.user_rows import (
    LIMITS,
    check_text,
    delete,
    fetch,
    fetch_all,
    insert,
    snapshot_columns,
    to_note,
    update,
)
from connecteur.store.user_undo import Command


def check_body(body: object) -> str:
    return check_text(body, "La note", required=True, limit=LIMITS.note_chars)


def _require(ctx: UserContext, note_id: str) -> dict:
    with ctx.db.reading() as conn:
        row = fetch(conn, "notes", note_id)
    if row is None:
        raise NotFoundError("Cette note n'existe plus (supprimée dans une autre fenêtre ?).")
    return row


class AddNote(Command):
    label = "ajouter une note"

    def __init__(self, ctx: UserContext, item_id: str, body: str) -> None:
        self.ctx = ctx
        snap = ctx.catalogue.snapshot_of(item_id)
        now = utc_now()
        self.row = {"id": new_id(), "body": check_body(body), "created": now,
                    "modified": now, **snapshot_columns(snap)}

    def do(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            insert(conn, "notes", self.row, replace=True)
        return [change("note", "added", [self.row["id"]], [self.row["item_id"]])]

    def undo(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            delete(conn, "notes", self.row["id"])
        return [change("note", "removed", [self.row["id"]], [self.row["item_id"]])]


class ChangeNote(Command):
    """Edit the body, or attach the note to another item (an orphan's new home)."""

    def __init__(self, ctx: UserContext, note_id: str, values: dict, label: str) -> None:
        self.ctx, self.note_id, self.values, self.label = ctx, note_id, values, label
        self.before: dict | None = None

    def do(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            row = fetch(conn, "notes", self.note_id)
            if row is None:
                raise NotFoundError("Cette note n'existe plus (supprimée dans une autre "
                                    "fenêtre ?).")
            self.before = {k: row[k] for k in {*self.values, "modified"}}
            if "modified" not in self.values:  # stamped once: a redo restores it exactly
                self.values = {**self.values, "modified": utc_now()}
            update(conn, "notes", self.note_id, self.values)
        items = [row["item_id"], self.values.get("item_id", row["item_id"])]
        return [change("note", "changed", [self.note_id], items)]

    def undo(self) -> list[Change]:
        assert self.before is not None
        with self.ctx.db.transaction() as conn:
            row = fetch(conn, "notes", self.note_id)
            if row is None:
                raise NotFoundError("cette note a été supprimée entre-temps.")
            update(conn, "notes", self.note_id, self.before)
        items = [row["item_id"], self.before.get("item_id", row["item_id"])]
        return [change("note", "changed", [self.note_id], items)]


class DeleteNote(Command):
    label = "supprimer la note"

    def __init__(self, ctx: UserContext, note_id: str) -> None:
        self.ctx, self.note_id = ctx, note_id
        self.row: dict | None = None

    def do(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            self.row = fetch(conn, "notes", self.note_id)
            if self.row is None:
                raise NotFoundError("Cette note n'existe plus (supprimée dans une autre "
                                    "fenêtre ?).")
            delete(conn, "notes", self.note_id)
        return [change("note", "removed", [self.note_id], [self.row["item_id"]])]

    def undo(self) -> list[Change]:
        assert self.row is not None
        with self.ctx.db.transaction() as conn:
            insert(conn, "notes", self.row, replace=True)
        return [change("note", "added", [self.note_id], [self.row["item_id"]])]


class Notes:
    """The trainer's notes: several per item, in the order they were written."""

    def __init__(self, ctx: UserContext) -> None:
        self._ctx = ctx

    def add(self, item_id: str, body: str, origin: object = None) -> Note:
        command = AddNote(self._ctx, item_id, body)
        self._ctx.run(command, origin)
        return self.get(command.row["id"])

    def edit(self, note_id: str, body: str, origin: object = None) -> Note:
        """Replace the text; nothing is recorded when it is unchanged."""
        body = check_body(body)
        if _require(self._ctx, note_id)["body"] != body:
            self._ctx.run(ChangeNote(self._ctx, note_id, {"body": body},
                                     "modifier la note"), origin)
        return self.get(note_id)

    def move(self, note_id: str, item_id: str, origin: object = None) -> Note:
        """Attach the note to ``item_id`` (typically an orphan to the passage it meant)."""
        _require(self._ctx, note_id)
        snap = self._ctx.catalogue.snapshot_of(item_id)
        self._ctx.run(ChangeNote(self._ctx, note_id, snapshot_columns(snap),
                                 "rattacher la note"), origin)
        return self.get(note_id)

    def delete(self, note_id: str, origin: object = None) -> None:
        _require(self._ctx, note_id)
        self._ctx.run(DeleteNote(self._ctx, note_id), origin)

    def get(self, note_id: str) -> Note:
        return to_note(_require(self._ctx, note_id))

    def for_item(self, item_id: str) -> list[Note]:
        with self._ctx.db.reading() as conn:
            rows = fetch_all(conn, "notes", "item_id = ? AND orphan = 0", (item_id,),
                             "created, rowid")
        return [to_note(r) for r in rows]

    def all(self, include_orphans: bool = False) -> list[Note]:
        """Every note (for the search index and exports), oldest first."""
        where = "1" if include_orphans else "orphan = 0"
        with self._ctx.db.reading() as conn:
            return [to_note(r) for r in fetch_all(conn, "notes", where, (), "created, rowid")]
