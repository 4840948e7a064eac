"""Where each character of an item's ``.text`` sits in the reading pane's document.

A highlight is stored as offsets into ``item.text``; the reader selects characters
of a rendered document in which stars, note markers, bullets and headings sit
between the items and HTML may have collapsed runs of blanks. The renderer lists
the pieces of item text it wrote (``Page.segments``), in document order; this module
finds each piece in the document's raw text and keeps, for every character, its
document position, so that a selection maps back to (item, start, end) exactly.

Pure Python (no Qt): tested on its own.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import repeat

from connecteur.app.reading_document import Segment

# How many leading characters of a piece are used to find where it starts.
_PROBE = 24
_ATTEMPTS = 50  # occurrences of the first word tried before giving up


@dataclass(frozen=True)
class ItemSpan:
    """A selection inside one item: ``item.text[start:end]``."""

    item_id: str
    start: int
    end: int


def _same(a: str, b: str) -> bool:
    return a == b or (a.isspace() and b.isspace())


def align(text: str, document: str, start: int) -> list[int] | None:
    """The document position of each character of ``text``, looking from ``start``.

    Blanks the document dropped or collapsed get the position of the blank (or the
    character) that stands for them. None when the piece is not in the document.
    """
    if not text:
        return []
    found = document.find(text, start)
    if found >= 0:
        return list(range(found, found + len(text)))
    words = text.split()
    probe = words[0][:_PROBE] if words else ""
    at = document.find(probe, start) if probe else -1
    for _ in range(_ATTEMPTS):
        if at < 0:
            return None
        positions = _walk(text, document, at)
        if positions is not None:
            return positions
        at = document.find(probe, at + 1)
    return None


def _walk(text: str, document: str, at: int) -> list[int] | None:
    """Match ``text`` against the document from ``at``, blanks being interchangeable
    and collapsible."""
    lead = len(text) - len(text.lstrip())
    positions = [at] * lead
    i, j = lead, at
    while i < len(text):
        if j < len(document) and _same(text[i], document[j]):
            positions.append(j)
            i, j = i + 1, j + 1
        elif text[i].isspace():
            positions.append(max(at, j - 1))  # a blank the document collapsed or dropped
            i += 1
        else:
            return None
    return positions


class TextMap:
    """Document position ↔ (item, offset in ``item.text``) for one rendered page."""

    def __init__(self) -> None:
        self._positions: list[int] = []  # document positions, increasing
        self._owners: list[tuple[str, int]] = []  # (item ID, offset) of each position
        self._items: dict[str, list[tuple[int, int]]] = {}  # item -> (offset, position)
        self.missing: list[Segment] = []  # pieces not found (text the page changed)

    @classmethod
    def build(cls, segments: Iterable[Segment], document: str,
              anchors: Mapping[str, int] | None = None) -> TextMap:
        """Find every segment in ``document`` (raw text, one character per position),
        each after the previous one and after its item's anchor when known."""
        found = cls()
        cursor = 0
        for segment in segments:
            start = max(cursor, (anchors or {}).get(segment.item_id, 0))
            positions = align(segment.text, document, start)
            if positions is None:
                found.missing.append(segment)
                continue
            found._add(segment, positions)
            if positions:
                cursor = positions[-1] + 1
        return found

    def _add(self, segment: Segment, positions: list[int]) -> None:
        last = self._positions[-1] if self._positions else -1
        kept: list[int] = []
        offsets: list[int] = []
        for index, position in enumerate(positions, segment.offset):
            if position > last:  # (a collapsed blank: the character before owns it)
                kept.append(position)
                offsets.append(index)
                last = position
        self._positions.extend(kept)
        self._owners.extend(zip(repeat(segment.item_id), offsets))
        self._items.setdefault(segment.item_id, []).extend(zip(offsets, kept, strict=True))

    # --- document -> item ------------------------------------------------------------

    def at(self, position: int) -> tuple[str, int] | None:
        """The item character at a document position (None between items)."""
        index = bisect.bisect_left(self._positions, position)
        if index < len(self._positions) and self._positions[index] == position:
            return self._owners[index]
        return None

    def span(self, start: int, end: int) -> ItemSpan | None:
        """The item text covered by the document range ``[start, end)``; None when it
        covers no item text or reaches over two items."""
        first = bisect.bisect_left(self._positions, start)
        last = bisect.bisect_left(self._positions, end) - 1
        if first > last:
            return None
        (item_a, offset_a), (item_b, offset_b) = self._owners[first], self._owners[last]
        if item_a != item_b:
            return None
        return ItemSpan(item_a, offset_a, offset_b + 1)

    def items_in(self, start: int, end: int) -> list[str]:
        """The items whose text the document range ``[start, end)`` touches, in order."""
        first = bisect.bisect_left(self._positions, start)
        last = bisect.bisect_left(self._positions, end)
        return list(dict.fromkeys(owner[0] for owner in self._owners[first:last]))

    # --- item -> document ------------------------------------------------------------

    def position(self, item_id: str, offset: int) -> int | None:
        """The document position of ``item.text[offset]`` (or of the nearest character
        after it that the page shows); None when the item is not on the page."""
        pairs = self._items.get(item_id)
        if not pairs:
            return None
        index = bisect.bisect_left(pairs, (offset, -1))
        return pairs[min(index, len(pairs) - 1)][1]

