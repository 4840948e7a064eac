"""Commands that add or remove whole rows (stars, tags): undo puts
back exactly the rows that were there, with their IDs and dates."""

from __future__ import annotations

from connecteur.store.user_changes import Change, change
from connecteur.store.user_context import UserContext
from connecteur.store.user_rows import delete, insert
from connecteur.store.user_undo import Command


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
