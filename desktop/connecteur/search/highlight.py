"""Excerpts with the matched words marked, in the source's own spelling.

The stored text is re-read word by word with the index's analysis: a word is marked
when its folded form or its stem is one the query matched (prefixes and close
spellings expanded to the index's actual words). The HTML keeps the accents and case
of the source (``Télétravail`` stays ``Télétravail`` even when ``teletravail`` was
typed); everything else is escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from whoosh import query as wq

from connecteur.search.analysis import spans_of
from connecteur.search.schema import TEXT_FIELDS as _TEXT_FIELDS

EXCERPT_CHARS = 240
_LEAD_IN = 60
MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"
ELLIPSIS = "…"


@dataclass(frozen=True)
class MatchedForms:
    exact: frozenset[str] = frozenset()
    stemmed: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.exact or self.stemmed)


def matched_forms(query: wq.Query | None, reader: object) -> MatchedForms:
    """The index words a query matches, split by kind of form."""
    if query is None:
        return MatchedForms()
    # Not Query.existing_terms(): it reuses its ``fieldname`` argument as a loop
    # variable and so skips every leaf whose field differs from the first one's.
    exact, stemmed = set(), set()
    for leaf in query.leaves():
        for fieldname, text in leaf.expanded_terms(reader, phrases=True):
            text = text.decode("utf-8") if isinstance(text, bytes) else str(text)
            if fieldname in _TEXT_FIELDS and (fieldname, text) in reader:
                (stemmed if fieldname in ("body", "context") else exact).add(text)
    return MatchedForms(frozenset(exact), frozenset(stemmed))


def _window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """The stretch of ``width`` characters holding the most matches."""
    if len(text) <= width:
        return 0, len(text)
    best_start, best_count = 0, -1
    for start, _ in spans or [(0, 0)]:
        begin = max(0, min(start - _LEAD_IN, len(text) - width))
        count = sum(1 for s, e in spans if s >= begin and e <= begin + width)
        if count > best_count:
            best_start, best_count = begin, count
    return _snap(text, best_start, min(len(text), best_start + width))


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Move the cut points to word boundaries."""
    if start > 0:
        space = text.find(" ", start, start + 25)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", end - 25, end)
        end = space if space > start else end
    return start, end


def highlight(text: str, forms: MatchedForms, width: int = EXCERPT_CHARS) -> str:
    """An HTML excerpt of ``text`` around its matches, matched words in ``<mark>``."""
    spans = spans_of(text, forms.exact, forms.stemmed) if forms else []
    start, end = _window(text, spans, width)
    pieces = [ELLIPSIS] if start > 0 else []
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        pieces += [html.escape(text[cursor:s], quote=False), MARK_OPEN,
                   html.escape(text[s:e], quote=False), MARK_CLOSE]
        cursor = e
    pieces.append(html.escape(text[cursor:end], quote=False))
    if end < len(text):
        pieces.append(ELLIPSIS)
    return "".join(pieces).strip()


def plain(fragment: str, open_mark: str = "«", close_mark: str = "»") -> str:
    """A highlight fragment for a terminal: marks as « … », HTML unescaped."""
    marked = fragment.replace(MARK_OPEN, open_mark).replace(MARK_CLOSE, close_mark)
    return html.unescape(marked)
