"""Highlights: a span of an item's ``.text`` in one colour of the palette, with an
optional note. Each keeps its quote and a few words around it so that it can be found
again when the corpus text changes (see ``user_anchoring``)."""

from __future__ import annotations

from connecteur.errors import NotFoundError
from connecteur.store.user.anchoring import context_around
from connecteur.store.user.context import UserContext
from connecteur.store.user.model import DEFAULT_COLOUR, PALETTE, Highlight, colour, new_id, utc_now
from connecteur.store.user.row_commands import DeleteRow, InsertRows, UpdateRow
from connecteur.store.user.rows import (
    LIMITS,
    UserInputError,
    check_text,
    fetch,
    fetch_all,
    snapshot_columns,
    to_highlight,
)

_GONE = "Ce surlignage n'existe plus (supprimé dans une autre fenêtre ?)."


def colour_key(value: str) -> str:
    found = colour(value) if isinstance(value, str) else None
    if found is None:
        names = ", ".join(c.label.lower() for c in PALETTE)
        raise UserInputError(f"Couleur inconnue : « {value} ». Couleurs possibles : {names}.")
    return found.key


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection without the blanks at its ends; a French error if it is not a
    span of the text."""
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(
            text):
        raise UserInputError(f"Sélection invalide ({start}–{end}) : le texte de cet élément "
                             f"compte {len(text)} caractères.")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise UserInputError("La sélection ne contient que des espaces.")
    return start, end


def _new_row(ctx: UserContext, item_id: str, start: int, end: int, colour_name: str,
             note: str) -> dict:
    item = ctx.catalogue.require(item_id)
    start, end = _span(item.text, start, end)
    prefix, suffix = context_around(item.text, start, end)
    now = utc_now()
    return {"id": new_id(), "start_offset": start, "end_offset": end,
            "quote": item.text[start:end], "prefix": prefix, "suffix": suffix,
            "colour": colour_key(colour_name),
            "note": check_text(note, "La note du surlignage", required=False,
                               limit=LIMITS.note_chars),
            "created": now, "modified": now, **snapshot_columns(ctx.catalogue.snapshot(item))}


def _change(ctx: UserContext, highlight_id: str, values: dict, label: str) -> UpdateRow:
    return UpdateRow(ctx, "highlights", "highlight", highlight_id, values, label, _GONE)


class Highlights:
    def __init__(self, ctx: UserContext) -> None:
        self._ctx = ctx

    def add(self, item_id: str, start: int, end: int, colour: str = DEFAULT_COLOUR,
            note: str = "", origin: object = None) -> Highlight:
        """Highlight ``item.text[start:end]`` (blanks at the ends are left out)."""
        row = _new_row(self._ctx, item_id, start, end, colour, note)
        self._ctx.run(InsertRows(self._ctx, "highlights", "highlight", [row], "surligner"),
                      origin)
        return self.get(row["id"])

    def add_quote(self, item_id: str, quote: str, occurrence: int = 1,
                  colour: str = DEFAULT_COLOUR, note: str = "",
                  origin: object = None) -> Highlight:
        """Highlight the ``occurrence``-th appearance of ``quote`` in the item's text."""
        text = self._ctx.catalogue.require(item_id).text
        start = -1
        for _ in range(max(1, occurrence)):
            start = text.find(quote, start + 1) if quote else -1
            if start < 0:
                raise UserInputError(f"« {quote} » ne figure pas dans le texte de {item_id}.")
        return self.add(item_id, start, start + len(quote), colour, note, origin)

    def set_colour(self, highlight_id: str, colour: str, origin: object = None) -> Highlight:
        key = colour_key(colour)
        if self.get(highlight_id).colour != key:
            self._ctx.run(_change(self._ctx, highlight_id, {"colour": key},
                                  "changer la couleur du surlignage"), origin)
        return self.get(highlight_id)

    def set_note(self, highlight_id: str, note: str, origin: object = None) -> Highlight:
        note = check_text(note, "La note du surlignage", required=False,
                          limit=LIMITS.note_chars)
        if self.get(highlight_id).note != note:
            self._ctx.run(_change(self._ctx, highlight_id, {"note": note},
                                  "modifier la note du surlignage"), origin)
        return self.get(highlight_id)

    def delete(self, highlight_id: str, origin: object = None) -> None:
        self.get(highlight_id)
        self._ctx.run(DeleteRow(self._ctx, "highlights", "highlight", highlight_id,
                                "supprimer le surlignage", _GONE), origin)

    def get(self, highlight_id: str) -> Highlight:
        with self._ctx.db.reading() as conn:
            row = fetch(conn, "highlights", highlight_id)
        if row is None:
            raise NotFoundError(_GONE)
        return to_highlight(row)

    def for_item(self, item_id: str) -> list[Highlight]:
        """The item's highlights in text order (orphans excluded)."""
        with self._ctx.db.reading() as conn:
            rows = fetch_all(conn, "highlights", "item_id = ? AND orphan = 0", (item_id,),
                             "start_offset, end_offset, created")
        return [to_highlight(r) for r in rows]

    def all(self, include_orphans: bool = False) -> list[Highlight]:
        where = "1" if include_orphans else "orphan = 0"
        with self._ctx.db.reading() as conn:
            return [to_highlight(r) for r in fetch_all(conn, "highlights", where, (),
                                                       "created, rowid")]
