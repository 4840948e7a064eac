"""Re-attaching every annotation to the current corpus text (after an update of the
corpus, and for imported annotations made on another text).

Notes, highlights, stars, tags and folder entries all carry the snapshot of the item
they were made on. :class:`Resolver` finds where each one belongs now (see
:mod:`connecteur.store.user.anchoring`); :func:`reanchor` applies the result in one
transaction: first every row that moves or is lost is detached (so that an item ID
given to another item does not clash), then each is attached to its new place. Two
stars (tags, folder entries) that now land on the same item are merged; a folder
entry's note is kept by appending it to the other entry's note.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field

from connecteur.corpus import Item
from connecteur.corpus.ids import ID_PATTERN, kind_of
from connecteur.store.user.anchoring import context_around, locate_quote, match_item
from connecteur.store.user.items import ItemCatalogue

# table -> (kind in change notifications, extra columns read, natural key among
# attached rows besides item_id, or None when several rows may share an item)
ANCHORED_TABLES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...] | None]] = {
    "notes": ("note", (), None),
    "highlights": ("highlight", ("start_offset", "end_offset", "quote", "prefix", "suffix"),
                   None),
    "stars": ("star", (), ()),
    "tags": ("tag", ("tag_key",), ("tag_key",)),
    "folder_items": ("folder_item", ("folder_id", "note"), ("folder_id",)),
}
_SNAPSHOT_COLUMNS = ("id", "item_id", "item_kind", "item_text", "item_reference", "orphan")


@dataclass(frozen=True)
class Placement:
    """Where a row belongs now: ``fields`` to write when attached; None when orphaned."""

    method: str  # "same", "moved", "approximate", "orphan"
    fields: dict | None


class Resolver:
    """Item and quote look-ups over one corpus text, with a cache per item snapshot.

    An annotation is looked for among the items of its own meeting day only (the date
    its item ID starts with): the library may hold several documents, some with the
    same passages, and a note must not wander from a removed document to another one
    — it becomes an orphan, and comes back if that document is imported again.
    """

    def __init__(self, catalogue: ItemCatalogue) -> None:
        self.catalogue = catalogue
        self._candidates: dict[tuple[str, str | None], list[tuple[str, str]]] = {}
        self._items: dict[tuple[str, str, str], tuple[Item | None, str]] = {}
        self._fields: dict[str, dict] = {}

    def item(self, item_id: str, kind: str, old_text: str) -> tuple[Item | None, str]:
        key = (kind, item_id, old_text)
        if key not in self._items:
            self._items[key] = self._find(item_id, kind, old_text)
        return self._items[key]

    def _find(self, item_id: str, kind: str, old_text: str) -> tuple[Item | None, str]:
        if kind not in self.catalogue.by_kind:
            return None, "orphan"
        parsed = ID_PATTERN.match(item_id.strip())
        key = (kind, parsed["event"] if parsed else None)
        if key not in self._candidates:
            day = f"{key[1]}/"
            self._candidates[key] = [(i.id, i.text) for i in self.catalogue.by_kind[kind]
                                     if key[1] is None or i.id.startswith(day)]
        if kind == "session" and self.catalogue.find(item_id) is not None:
            return self.catalogue.find(item_id), "same"  # a date and a number: stable
        found = match_item(self._candidates[key], item_id, old_text)
        if found is None:
            return None, "orphan"
        return self.catalogue.find(found.item_id), found.method

    def place(self, table: str, row: dict) -> Placement:
        kind = row["item_kind"] or kind_of(row["item_id"]) or ""
        item, method = self.item(row["item_id"], kind, row["item_text"])
        if item is None:
            return Placement("orphan", None)
        fields = dict(self._snapshot_fields(item))
        if table != "highlights":
            return Placement(method, fields)
        spot = locate_quote(item.text, row["quote"], row["start_offset"], row["prefix"],
                            row["suffix"])
        if spot is None:
            return Placement("orphan", None)
        prefix, suffix = context_around(item.text, spot.start, spot.end)
        fields |= {"start_offset": spot.start, "end_offset": spot.end,
                   "quote": item.text[spot.start:spot.end], "prefix": prefix, "suffix": suffix}
        if spot.method != "exact" and method == "same":
            method = "moved" if spot.method == "moved" else "approximate"
        return Placement(method, fields)

    def _snapshot_fields(self, item: Item) -> dict:
        """The snapshot columns of an attached row on ``item`` (computed once per item:
        an import places thousands of rows on a few hundred items)."""
        if item.id not in self._fields:
            snap = self.catalogue.snapshot(item)
            self._fields[item.id] = {
                "item_id": snap.item_id, "item_kind": snap.item_kind,
                "item_text": snap.item_text, "item_reference": snap.item_reference,
                "orphan": 0}
        return self._fields[item.id]


@dataclass(frozen=True)
class AnchorEvent:
    """One annotation that moved, was adjusted, merged or lost its item."""

    kind: str
    id: str
    old_item_id: str
    new_item_id: str | None
    method: str  # "moved", "approximate", "orphaned", "reattached", "merged"


@dataclass
class AnchorReport:
    checked: int = 0
    events: list[AnchorEvent] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        return Counter(e.method for e in self.events)

    @property
    def orphaned(self) -> list[AnchorEvent]:
        return [e for e in self.events if e.method == "orphaned"]

    def summary(self) -> str:
        """French sentence for the status bar (empty when nothing moved)."""
        counts = self.counts
        parts = []
        if counts["moved"] or counts["approximate"] or counts["reattached"]:
            n = counts["moved"] + counts["approximate"] + counts["reattached"]
            parts.append(_count(n, "annotation rattachée", "annotations rattachées")
                         + " au texte mis à jour")
        if counts["merged"]:
            parts.append(_count(counts["merged"], "doublon fusionné", "doublons fusionnés"))
        if counts["orphaned"]:
            gone = ("le passage annoté n'existe plus" if counts["orphaned"] == 1
                    else "les passages annotés n'existent plus")
            parts.append(_count(counts["orphaned"], "annotation orpheline",
                                "annotations orphelines")
                         + f" : {gone} (voir « Annotations orphelines »)")
        return "Le texte du corpus a changé : " + " ; ".join(parts) + "." if parts else ""


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number <= 1 else plural}"


def _rows(conn: sqlite3.Connection, table: str, ids: set[str] | None) -> list[dict]:
    extra = ANCHORED_TABLES[table][1]
    columns = ", ".join(_SNAPSHOT_COLUMNS + extra)
    rows = [dict(r) for r in conn.execute(f"SELECT {columns} FROM {table}")]
    return rows if ids is None else [r for r in rows if r["id"] in ids]


def _changed(row: dict, placement: Placement) -> bool:
    if placement.fields is None:
        return not row["orphan"]
    return any(row[k] != v for k, v in placement.fields.items())


def _event(kind: str, row: dict, placement: Placement) -> AnchorEvent | None:
    new_id = placement.fields["item_id"] if placement.fields else None
    if placement.fields is None:
        return AnchorEvent(kind, row["id"], row["item_id"], None, "orphaned")
    if row["orphan"]:
        return AnchorEvent(kind, row["id"], row["item_id"], new_id, "reattached")
    if placement.method in ("moved", "approximate"):
        return AnchorEvent(kind, row["id"], row["item_id"], new_id, placement.method)
    return None  # same place; only the stored snapshot was refreshed


def reanchor(conn: sqlite3.Connection, resolver: Resolver,
             ids: set[str] | None = None) -> AnchorReport:
    """Re-attach the rows of every annotation table (or only rows ``ids``) to the current
    text. Must run inside a transaction."""
    report = AnchorReport()
    plans: list[tuple[str, dict, Placement]] = []
    for table in ANCHORED_TABLES:
        for row in _rows(conn, table, ids):
            report.checked += 1
            placement = resolver.place(table, row)
            if _changed(row, placement):
                plans.append((table, row, placement))
    for table, row, _ in plans:
        conn.execute(f"UPDATE {table} SET orphan = 1 WHERE id = ?", (row["id"],))
    for table, row, placement in plans:
        kind = ANCHORED_TABLES[table][0]
        if placement.fields is not None and _merge_duplicate(conn, table, row, placement):
            report.events.append(AnchorEvent(kind, row["id"], row["item_id"],
                                             placement.fields["item_id"], "merged"))
            continue
        if placement.fields is not None:
            sets = ", ".join(f"{k} = ?" for k in placement.fields)
            conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?",
                         (*placement.fields.values(), row["id"]))
        event = _event(kind, row, placement)
        if event is not None:
            report.events.append(event)
    return report


def _merge_duplicate(conn: sqlite3.Connection, table: str, row: dict,
                     placement: Placement) -> bool:
    """When an attached row already holds this item (for tables with one row per item),
    fold ``row`` into it and delete ``row``."""
    key = ANCHORED_TABLES[table][2]
    if key is None:
        return False
    where = " AND ".join(f"{k} = ?" for k in ("item_id", *key))
    existing = conn.execute(
        f"SELECT id FROM {table} WHERE orphan = 0 AND id != ? AND {where}",
        (row["id"], placement.fields["item_id"], *(row[k] for k in key))).fetchone()
    if existing is None:
        return False
    if table == "folder_items" and row["note"].strip():
        conn.execute("UPDATE folder_items SET note = CASE WHEN note = '' THEN ? "
                     "ELSE note || char(10) || char(10) || ? END WHERE id = ?",
                     (row["note"], row["note"], existing[0]))
    conn.execute(f"DELETE FROM {table} WHERE id = ?", (row["id"],))
    return True
