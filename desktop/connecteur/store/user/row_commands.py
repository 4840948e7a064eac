"""Commands on rows of the user database (notes, highlights, stars, tags): undo puts
back exactly what was there, with its IDs and dates."""

from __future__ import annotations

from connecteur.errors import NotFoundError
from connecteur.store.user.changes import Change, change
from connecteur.store.user.context import UserContext
from connecteur.store.user.model import utc_now
from connecteur.store.user.rows import delete, fetch, insert, update
from connecteur.store.user.undo import Command


class InsertRows(Command):
    """Add whole rows (a star, a tag); undo deletes exactly those rows."""

    def __init__(self, ctx: UserContext, table: str, kind: str, rows: list[dict],
                 label: str) -> None:
        self.ctx, self.table, self.kind, self.rows, self.label = ctx, table, kind, rows, label

    def do(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            for row in self.rows:
                insert(conn, self.table, row, replace=True)
        return [self._change("added")]

    def undo(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            for row in self.rows:
                delete(conn, self.table, row["id"])
        return [self._change("removed")]

    def _change(self, action: str) -> Change:
        return change(self.kind, action, [r["id"] for r in self.rows],  # type: ignore[arg-type]
                      [r["item_id"] for r in self.rows])


class DeleteRows(InsertRows):
    """The reverse: delete whole rows; undo puts them back as they were."""

    def do(self) -> list[Change]:
        return super().undo()

    def undo(self) -> list[Change]:
        return super().do()


class ReplaceRows(Command):
    """Delete some rows and insert others in one step (renaming a tag)."""

    def __init__(self, ctx: UserContext, table: str, kind: str, removed: list[dict],
                 added: list[dict], label: str) -> None:
        self.remove = DeleteRows(ctx, table, kind, removed, label)
        self.add = InsertRows(ctx, table, kind, added, label)
        self.label = label

    def do(self) -> list[Change]:
        with self.remove.ctx.db.transaction():
            return self.remove.do() + self.add.do()

    def undo(self) -> list[Change]:
        with self.remove.ctx.db.transaction():
            return self.add.undo() + self.remove.undo()


class UpdateRow(Command):
    """Change some columns of one row (a note's text, a highlight's colour, the item an
    orphan is attached to); undo restores the previous values, ``modified`` included."""

    def __init__(self, ctx: UserContext, table: str, kind: str, row_id: str, values: dict,
                 label: str, gone: str) -> None:
        self.ctx, self.table, self.kind, self.row_id = ctx, table, kind, row_id
        self.values, self.label, self.gone = values, label, gone
        self.before: dict | None = None

    def do(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            row = self._require(conn)
            self.before = {k: row[k] for k in {*self.values, "modified"}}
            if "modified" not in self.values:  # stamped once: a redo restores it exactly
                self.values = {**self.values, "modified": utc_now()}
            update(conn, self.table, self.row_id, self.values)
        return [self._change(row, self.values)]

    def undo(self) -> list[Change]:
        assert self.before is not None
        with self.ctx.db.transaction() as conn:
            row = self._require(conn)
            update(conn, self.table, self.row_id, self.before)
        return [self._change(row, self.before)]

    def _require(self, conn) -> dict:
        row = fetch(conn, self.table, self.row_id)
        if row is None:
            raise NotFoundError(self.gone)
        return row

    def _change(self, row: dict, values: dict) -> Change:
        items = [row["item_id"], values.get("item_id", row["item_id"])]
        return change(self.kind, "changed", [self.row_id], items)  # type: ignore[arg-type]


class DeleteRow(Command):
    """Delete one row as it is when the command runs; undo puts it back unchanged."""

    def __init__(self, ctx: UserContext, table: str, kind: str, row_id: str, label: str,
                 gone: str) -> None:
        self.ctx, self.table, self.kind, self.row_id = ctx, table, kind, row_id
        self.label, self.gone = label, gone
        self.deleted: DeleteRows | None = None

    def do(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            row = fetch(conn, self.table, self.row_id)
            if row is None:
                raise NotFoundError(self.gone)
            self.deleted = DeleteRows(self.ctx, self.table, self.kind, [row], self.label)
            return self.deleted.do()

    def undo(self) -> list[Change]:
        assert self.deleted is not None
        return self.deleted.undo()
