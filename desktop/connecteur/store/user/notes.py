"""Notes on items: plain text with light formatting (see ``user_markup``), kept exactly
as typed. Every change is an undoable command."""

from __future__ import annotations

from connecteur.errors import NotFoundError
from connecteur.store.user.context import UserContext
from connecteur.store.user.model import Note, new_id, utc_now
from connecteur.store.user.row_commands import DeleteRow, InsertRows, UpdateRow
from connecteur.store.user.rows import (
    LIMITS,
    check_text,
    fetch,
    fetch_all,
    snapshot_columns,
    to_note,
)


def check_body(body: object) -> str:
    return check_text(body, "La note", required=True, limit=LIMITS.note_chars)


def _require(ctx: UserContext, note_id: str) -> dict:
    with ctx.db.reading() as conn:
        row = fetch(conn, "notes", note_id)
    if row is None:
        raise NotFoundError(_GONE)
    return row


_GONE = "Cette note n'existe plus (supprimée dans une autre fenêtre ?)."


def _new_row(ctx: UserContext, item_id: str, body: str) -> dict:
    snap = ctx.catalogue.snapshot_of(item_id)
    now = utc_now()
    return {"id": new_id(), "body": check_body(body), "created": now, "modified": now,
            **snapshot_columns(snap)}


def _change(ctx: UserContext, note_id: str, values: dict, label: str) -> UpdateRow:
    return UpdateRow(ctx, "notes", "note", note_id, values, label, _GONE)


class Notes:
    """The trainer's notes: several per item, in the order they were written."""

    def __init__(self, ctx: UserContext) -> None:
        self._ctx = ctx

    def add(self, item_id: str, body: str, origin: object = None) -> Note:
        row = _new_row(self._ctx, item_id, body)
        self._ctx.run(InsertRows(self._ctx, "notes", "note", [row], "ajouter une note"), origin)
        return self.get(row["id"])

    def edit(self, note_id: str, body: str, origin: object = None) -> Note:
        """Replace the text; nothing is recorded when it is unchanged."""
        body = check_body(body)
        if _require(self._ctx, note_id)["body"] != body:
            self._ctx.run(_change(self._ctx, note_id, {"body": body}, "modifier la note"),
                          origin)
        return self.get(note_id)

    def move(self, note_id: str, item_id: str, origin: object = None) -> Note:
        """Attach the note to ``item_id`` (typically an orphan to the passage it meant)."""
        _require(self._ctx, note_id)
        snap = self._ctx.catalogue.snapshot_of(item_id)
        self._ctx.run(_change(self._ctx, note_id, snapshot_columns(snap), "rattacher la note"),
                      origin)
        return self.get(note_id)

    def delete(self, note_id: str, origin: object = None) -> None:
        _require(self._ctx, note_id)
        self._ctx.run(DeleteRow(self._ctx, "notes", "note", note_id, "supprimer la note",
                                _GONE), origin)

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
