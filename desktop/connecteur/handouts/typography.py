"""French typography for printed text, applied at the presentation layer only.

The corpus keeps its source text (straight quotes, ``...``, missing spaces before
``:``); what a handout prints is set the French way: ``…``, « guillemets » with
no-break spaces, the typographic apostrophe ``’``, and a no-break space before
``: ; ! ?`` and inside guillemets (one is added where the source had none). Web
addresses are never touched.

Marks, highlights and note calls are placed by offsets into the *source* text, and
some of these changes alter the length (``...`` → ``…``, ``"`` → ``« ``): so
:func:`french` also returns where each source character went.

ReportLab breaks lines at U+202F (narrow no-break space), so the no-break space used
everywhere is U+00A0.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from connecteur.corpus.text import find_urls

NBSP = "\u00a0"
_BEFORE_PUNCT = ":;!?"
# What may follow punctuation that gets a no-break space before it (otherwise, as in
# "javascript:alert" or "10:30", it is not French punctuation but part of a token).
_AFTER_PUNCT = set(" \n)]»\"'’.,") | {NBSP}
_OPENERS = set(" \n([{/–—-") | {NBSP}


@dataclass(frozen=True)
class Shown:
    """Printed text and, for each source offset (and the end), its offset in it."""

    text: str
    positions: tuple[int, ...]

    def at(self, offset: int) -> int:
        return self.positions[max(0, min(offset, len(self.positions) - 1))]


def protected_spans(text: str) -> list[tuple[int, int]]:
    """The web addresses of ``text``: left exactly as written."""
    return [(u.start, u.end) for u in find_urls(text)]


class _Builder:
    """The printed text as it grows, with its running length."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def last(self) -> str:
        return self.parts[-1][-1:] if self.parts else ""

    def space_before(self) -> None:
        """A no-break space right before what comes next: the last space becomes one,
        or one is added."""
        last = self.last()
        if last == " ":
            self.parts[-1] = self.parts[-1][:-1] + NBSP
        elif last and last not in (NBSP, "\n", "(", "[") and last not in _BEFORE_PUNCT:
            self.add(NBSP)

    def text(self) -> str:
        return "".join(self.parts)


_SPECIAL = re.compile(r"\.{3,}|['\"«»:;!?]")


def french(text: str, protected: Iterable[tuple[int, int]] | None = None) -> Shown:
    """``text`` set the French way, with the map from source offsets to printed ones.

    ``protected`` spans (by default the web addresses) are copied unchanged. Only the
    few characters that change are visited; the text between them is copied whole.
    """
    spans = _merged(protected_spans(text) if protected is None else protected)
    starts = [start for start, _ in spans]
    out = _Builder()
    positions: list[int] = []
    done = 0  # source offset copied so far
    quote_open = False

    def copy(upto: int) -> None:
        positions.extend(range(out.length, out.length + upto - done))
        out.add(text[done:upto])

    for match in _SPECIAL.finditer(text):
        at = match.start()
        if at < done or _inside(spans, starts, at):
            continue
        copy(at)
        done = match.end()
        ch = match.group()
        if len(ch) > 1:  # "..." and longer runs
            positions.extend([out.length] * len(ch))
            out.add("…")
            continue
        positions.append(out.length)
        if ch == "'":
            out.add("’")
        elif ch == '"':
            quote_open = _straight_quote(text, at, out, quote_open)
        elif ch == "«":
            out.add("«" + NBSP)
        elif ch == "»":
            out.space_before()
            out.add("»")
        elif _is_punctuation(text, at):
            out.space_before()
            out.add(ch)
        else:
            out.add(ch)
        if out.parts[-1].endswith("«" + NBSP) and text[done:done + 1] in (" ", NBSP):
            positions.append(out.length)  # the space after « is the no-break one added
            done += 1
    copy(len(text))
    positions.append(out.length)
    return Shown(out.text(), tuple(positions))


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    index = bisect.bisect_right(starts, at) - 1
    return index >= 0 and spans[index][0] <= at < spans[index][1]


def _is_punctuation(text: str, i: int) -> bool:
    """Whether ``text[i]`` (one of ``: ; ! ?``) ends a clause (not ``10:30``)."""
    after = text[i + 1:i + 2]
    return after == "" or after in _AFTER_PUNCT or (text[i] in "!?" and after in "!?")


def _straight_quote(text: str, i: int, out: _Builder, quote_open: bool) -> bool:
    """A ``"`` as an opening or closing guillemet; returns whether one is now open."""
    before = text[i - 1] if i > 0 else " "
    if not quote_open and (before in _OPENERS or not before.strip()):
        out.add("«" + NBSP)
        return True
    out.space_before()
    out.add("»")
    return False


def french_text(text: str) -> str:
    """Just the printed text (titles, headers, bookmarks)."""
    return french(text).text
