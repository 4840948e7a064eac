"""The trainer's highlights on an entry's paragraphs, for any edition (PDF or HTML).

Highlights are stored as offsets into the item's ``.text`` (body, then one ``- item``
line per sub-bullet), so the text is cut into the same segments here and each
highlight is clipped to the segments it covers; a highlight whose note has a number
gets a call right after it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from connecteur.corpus import FieldSite, Lead
from connecteur.handouts.markup import Insert, Mark, clean
from connecteur.handouts.request import Annotations, Highlight, ListedItem

QUOTE_SHOWN = 160  # characters of a highlighted passage quoted beside its note


@dataclass(frozen=True)
class Segment:
    """A paragraph of an item: its offset in the item's ``.text`` and its text."""

    offset: int
    text: str


def segments(item: ListedItem) -> list[Segment]:
    """The item's paragraphs, with offsets matching ``item.text``."""
    if isinstance(item, Lead | FieldSite):
        out = [Segment(0, item.body)]
        position = len(item.body)
        for sub in item.items:
            position += 1  # the line break
            out.append(Segment(position + 2, sub))  # after "- "
            position += 2 + len(sub)
        return out
    return [Segment(0, item.text)]


@dataclass(frozen=True)
class PlacedHighlight:
    start: int
    end: int
    tint: str
    number: int | None  # the call number of its note, if it has one
    source: Highlight


def place_highlight(text: str, highlight: Highlight) -> tuple[int, int] | None:
    """Where the highlight falls in ``text`` now: its offsets if they still hold the
    quoted passage, else the occurrence of the quote nearest to them, else None."""
    start, end = highlight.start, highlight.end
    in_range = 0 <= start < end <= len(text)
    if in_range and (not highlight.quote or text[start:end] == highlight.quote):
        return start, end
    quote = highlight.quote
    if not quote:
        return None
    found = _occurrences(text, quote)
    if not found:
        return None
    best = min(found, key=lambda i: abs(i - start))
    return best, best + len(quote)


def _occurrences(text: str, quote: str) -> list[int]:
    found, at = [], text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def placed_highlights(annotations: Annotations | None, item: ListedItem,
                      tint: Callable[[str], str]) -> tuple[list[PlacedHighlight], list[Highlight]]:
    """The item's highlights where they fall now (numbered when they carry a note),
    and those whose passage is gone."""
    if annotations is None:
        return [], []
    placed, lost = [], []
    number = 0
    text = item.text
    for highlight in annotations.highlights_on(item.id):
        where = place_highlight(text, highlight)
        if where is None:
            lost.append(highlight)
            continue
        has_note = bool(highlight.note and highlight.note.strip())
        number += has_note
        placed.append(PlacedHighlight(*where, tint(highlight.colour),
                                      number if has_note else None, highlight))
    return placed, lost


def clip(segment: Segment, placed: Sequence[PlacedHighlight], calls: dict[int, list[int]],
         call: Callable[[int], str]) -> tuple[list[Mark], list[Insert]]:
    """The highlights of one segment, and the calls of the notes that end in it
    (``call`` writes one)."""
    marks = []
    end_of_segment = segment.offset + len(segment.text)
    for h in placed:
        start = max(h.start, segment.offset) - segment.offset
        end = min(h.end, end_of_segment) - segment.offset
        if start < end:
            marks.append(Mark(start, end, "highlight", h.tint))
    inserts = [Insert(at, call(n)) for at, numbers in calls.items() for n in numbers]
    return marks, inserts


def note_calls(parts: Sequence[Segment], placed: Sequence[PlacedHighlight]
               ) -> list[dict[int, list[int]]]:
    """Per segment, the note calls it carries (offset → numbers): each call goes
    right after its highlight, in the last segment that starts before its end."""
    calls: list[dict[int, list[int]]] = [{} for _ in parts]
    for h in placed:
        if h.number is None:
            continue
        index = max((i for i, p in enumerate(parts) if p.offset < h.end), default=0)
        at = min(max(h.end - parts[index].offset, 0), len(parts[index].text))
        calls[index].setdefault(at, []).append(h.number)
    return calls


def quoted(highlight: Highlight) -> str:
    """The highlighted passage in guillemets, shortened, beside its note."""
    quote = " ".join(clean(highlight.quote).split())
    if len(quote) > QUOTE_SHOWN:
        quote = quote[:QUOTE_SHOWN].rstrip() + "…"
    return f"« {quote} »" if quote else "(passage sans citation)"
