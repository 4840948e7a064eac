"""Free tags on items ("à relier au cas Mulhouse", "ouverture"): case does not
matter, the first spelling is shown."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from connecteur.corpus.text import fold
from connecteur.errors import NotFoundError
from connecteur.store.user.context import UserContext
from connecteur.store.user.model import Tag, TagCount, new_id, utc_now
from connecteur.store.user.row_commands import DeleteRows, InsertRows, ReplaceRows
from connecteur.store.user.rows import (
    LIMITS,
    UserInputError,
    fetch,
    fetch_all,
    snapshot_columns,
    to_tag,
)

_SPACES = re.compile(r"\s+")


def clean_tag(tag: object) -> str:
    """A tag as shown: trimmed, single spaces, no leading ``#``."""
    if not isinstance(tag, str):
        raise UserInputError("Une étiquette doit être du texte.")
    cleaned = _SPACES.sub(" ", tag).strip().lstrip("#").strip()
    if not cleaned:
        raise UserInputError("L'étiquette est vide.")
    if len(cleaned) > LIMITS.short_chars:
        raise UserInputError(f"L'étiquette est trop longue (au plus {LIMITS.short_chars} "
                             "caractères).")
    return cleaned


def tag_key(tag: str) -> str:
    """Tags differing only by case are the same tag."""
    return unicodedata.normalize("NFC", clean_tag(tag)).casefold()


class Tags:
    def __init__(self, ctx: UserContext) -> None:
        self._ctx = ctx

    def add(self, item_id: str, tag: str, origin: object = None) -> Tag:
        snap = self._ctx.catalogue.snapshot_of(item_id)
        existing = self._find(snap.item_id, tag)
        if existing is not None:
            return existing
        row = {"id": new_id(), "tag": clean_tag(tag), "tag_key": tag_key(tag),
               "created": utc_now(), **snapshot_columns(snap)}
        self._ctx.run(InsertRows(self._ctx, "tags", "tag", [row],
                                 f"ajouter l'étiquette « {row['tag']} »"), origin)
        return self._find(snap.item_id, tag) or to_tag(row)

    def remove(self, item_id: str, tag: str, origin: object = None) -> None:
        existing = self._find(self._ctx.catalogue.require(item_id).id, tag)
        if existing is not None:
            self.delete(existing.id, origin)

    def delete(self, tag_id: str, origin: object = None) -> None:
        with self._ctx.db.reading() as conn:
            row = fetch(conn, "tags", tag_id)
        if row is None:
            raise NotFoundError("Cette étiquette n'existe plus.")
        self._ctx.run(DeleteRows(self._ctx, "tags", "tag", [row],
                                 f"retirer l'étiquette « {row['tag']} »"), origin)

    def rename(self, old: str, new: str, origin: object = None) -> int:
        """Rename a tag everywhere (merging with ``new`` where an item has both); returns
        how many items carry the new name. One undo step."""
        old_rows = self._rows("tag_key = ? AND orphan = 0", (tag_key(old),))
        if not old_rows:
            raise NotFoundError(f"Aucun élément ne porte l'étiquette « {clean_tag(old)} ».")
        return self._move(old_rows, new, f"renommer l'étiquette « {old_rows[0]['tag']} »",
                          origin)

    def merge(self, tags: Iterable[str], into: str, origin: object = None) -> int:
        """Merge several tags into ``into`` (an existing tag or a new name): every item
        carrying one of them carries ``into`` instead, once. Returns how many items
        carry ``into``. One undo step."""
        keys = list(dict.fromkeys(tag_key(t) for t in tags))
        target_key = tag_key(into)
        rows = [r for key in keys if key != target_key
                for r in self._rows("tag_key = ? AND orphan = 0", (key,))]
        if not rows:
            raise NotFoundError("Aucune des étiquettes à fusionner n'est portée par un "
                                "élément.")
        names = ", ".join(f"« {name} »" for name in dict.fromkeys(r["tag"] for r in rows))
        return self._move(rows, into, f"fusionner {names} dans « {clean_tag(into)} »",
                          origin)

    def _move(self, old_rows: list[dict], new: str, label: str, origin: object) -> int:
        """Give ``old_rows`` the tag ``new`` (an item that already has it keeps one)."""
        new_name, new_key = clean_tag(new), tag_key(new)
        renamed = {r["id"] for r in old_rows}  # "crise" → "Crise" renames the rows themselves
        have_new = {r["item_id"] for r in self._rows("tag_key = ? AND orphan = 0", (new_key,))
                    if r["id"] not in renamed}
        added: list[dict] = []
        for row in old_rows:
            if row["item_id"] not in have_new:
                added.append({**row, "id": new_id(), "tag": new_name, "tag_key": new_key})
                have_new.add(row["item_id"])
        self._ctx.run(ReplaceRows(self._ctx, "tags", "tag", old_rows, added, label), origin)
        return len(have_new)

    def _rows(self, where: str, params: tuple) -> list[dict]:
        with self._ctx.db.reading() as conn:
            return fetch_all(conn, "tags", where, params, "created, rowid")

    def _find(self, item_id: str, tag: str) -> Tag | None:
        rows = self._rows("item_id = ? AND tag_key = ? AND orphan = 0", (item_id, tag_key(tag)))
        return to_tag(rows[0]) if rows else None

    def for_item(self, item_id: str) -> list[str]:
        """The item's tags, alphabetically."""
        rows = self._rows("item_id = ? AND orphan = 0", (item_id,))
        return [r["tag"] for r in sorted(rows, key=lambda r: r["tag_key"])]

    def all(self) -> list[TagCount]:
        """Every tag with how many items carry it, alphabetically (the tag browser)."""
        with self._ctx.db.reading() as conn:
            rows = conn.execute(
                "SELECT min(tag) AS tag, count(DISTINCT item_id) AS n FROM tags "
                "WHERE orphan = 0 GROUP BY tag_key").fetchall()
        counts = [TagCount(r["tag"], r["n"]) for r in rows]
        return sorted(counts, key=lambda t: (fold(t.tag), t.tag))

    def item_ids(self, tag: str) -> list[str]:
        """Items carrying ``tag``, in reading order."""
        ids = [r["item_id"] for r in self._rows("tag_key = ? AND orphan = 0", (tag_key(tag),))]
        return sorted(ids, key=self._ctx.catalogue.rank)
