"""Stars (favourites, Ctrl+D) on items; "Mes favoris" is :meth:`Stars.item_ids`."""

from __future__ import annotations

from connecteur.errors import NotFoundError
from connecteur.store.user.context import UserContext
from connecteur.store.user.model import Star, new_id, utc_now
from connecteur.store.user.row_commands import DeleteRows, InsertRows
from connecteur.store.user.rows import fetch, fetch_all, snapshot_columns, to_star


class Stars:
    def __init__(self, ctx: UserContext) -> None:
        self._ctx = ctx

    def star(self, item_id: str, origin: object = None) -> Star:
        snap = self._ctx.catalogue.snapshot_of(item_id)
        existing = self._attached(snap.item_id)
        if existing is not None:
            return existing
        row = {"id": new_id(), "created": utc_now(), **snapshot_columns(snap)}
        self._ctx.run(InsertRows(self._ctx, "stars", "star", [row], "ajouter aux favoris"),
                      origin)
        return self.get(row["id"])

    def unstar(self, item_id: str, origin: object = None) -> None:
        existing = self._attached(self._ctx.catalogue.require(item_id).id)
        if existing is not None:
            self.delete(existing.id, origin)

    def toggle(self, item_id: str, origin: object = None) -> bool:
        """Star or unstar (Ctrl+D); True when the item is now starred."""
        if self.is_starred(item_id):
            self.unstar(item_id, origin)
            return False
        self.star(item_id, origin)
        return True

    def delete(self, star_id: str, origin: object = None) -> None:
        """Remove one star by its ID (also for orphan stars)."""
        with self._ctx.db.reading() as conn:
            row = fetch(conn, "stars", star_id)
        if row is None:
            raise NotFoundError("Ce favori n'existe plus.")
        self._ctx.run(DeleteRows(self._ctx, "stars", "star", [row], "retirer des favoris"),
                      origin)

    def get(self, star_id: str) -> Star:
        with self._ctx.db.reading() as conn:
            row = fetch(conn, "stars", star_id)
        if row is None:
            raise NotFoundError("Ce favori n'existe plus.")
        return to_star(row)

    def _attached(self, item_id: str) -> Star | None:
        with self._ctx.db.reading() as conn:
            rows = fetch_all(conn, "stars", "item_id = ? AND orphan = 0", (item_id,))
        return to_star(rows[0]) if rows else None

    def is_starred(self, item_id: str) -> bool:
        return self._attached(item_id) is not None

    def list(self) -> list[Star]:
        """"Mes favoris", most recently starred first (orphans excluded)."""
        with self._ctx.db.reading() as conn:
            rows = fetch_all(conn, "stars", "orphan = 0", (), "created DESC, rowid DESC")
        return [to_star(r) for r in rows]

    def item_ids(self, order: str = "reading") -> list[str]:
        """Starred item IDs in reading order (``order="recent"``: newest first)."""
        ids = [s.item_id for s in self.list()]
        return ids if order == "recent" else sorted(ids, key=self._ctx.catalogue.rank)
