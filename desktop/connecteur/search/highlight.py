"""Excerpts with the matched words marked, in the source's own spelling.

The stored text is re-read word by word with the index's analysis: a word is marked
when its form (give or take plural and feminine endings) or its stem is one the query
matched (prefixes and close spellings expanded to the index's actual words). A word
that matched through its stem only (``gouvernement`` for ``gouvernance``) is marked
``<mark class="stem">``, so a front end can show it less strongly than the forms the
user typed (plain ``<mark>``). The HTML keeps the accents and case of the source
(``Télétravail`` stays ``Télétravail`` even when ``teletravail`` was typed);
everything else is escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from whoosh import query as wq

from connecteur.search.analysis import light_form, phrase_spans, spans_of
from connecteur.search.schema import TEXT_FIELDS as _TEXT_FIELDS

EXCERPT_CHARS = 240
_LEAD_IN = 60
MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"
STEM_MARK_OPEN = '<mark class="stem">'
ELLIPSIS = "…"


@dataclass(frozen=True)
class MatchedForms:
    exact: frozenset[str] = frozenset()     # light forms (analysis.light_form)
    stemmed: frozenset[str] = frozenset()   # stems
    # Quoted phrases (and words that analyse into several): stem sequences, marked
    # only where they occur in sequence; ``phrase_exact``: their words' light forms.
    phrases: frozenset[tuple[str, ...]] = frozenset()
    phrase_exact: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.exact or self.stemmed or self.phrases)


def matched_forms(query: wq.Query | None, reader: object) -> MatchedForms:
    """The index words a query matches, split by kind of form."""
    if query is None:
        return MatchedForms()
    # Not Query.existing_terms(): it reuses its ``fieldname`` argument as a loop
    # variable and so skips every leaf whose field differs from the first one's.
    exact, stemmed, phrases, phrase_exact = set(), set(), set(), set()
    for leaf in query.leaves():
        if isinstance(leaf, wq.Phrase):
            words = tuple(w for w in leaf.words if w)
            if leaf.fieldname not in _TEXT_FIELDS or \
                    not all((leaf.fieldname, w) in reader for w in words):
                continue
            if leaf.fieldname == "exact":
                phrase_exact.update(light_form(w) for w in words)
            else:
                phrases.add(words)
            continue
        for fieldname, text in leaf.expanded_terms(reader):
            text = text.decode("utf-8") if isinstance(text, bytes) else str(text)
            if fieldname == "exact":  # indexed or not: its other forms may be
                exact.add(light_form(text))
            elif fieldname in _TEXT_FIELDS and (fieldname, text) in reader:
                stemmed.add(text)
    return MatchedForms(frozenset(exact), frozenset(stemmed), frozenset(phrases),
                        frozenset(phrase_exact))


Span = tuple[int, int, bool]  # start, end, exact form


def _window(text: str, spans: list[Span], width: int) -> tuple[int, int]:
    """The stretch of ``width`` characters holding the most matches (an exact form
    counts double: the excerpt should show the word as the user typed it)."""
    if len(text) <= width:
        return 0, len(text)
    best_start, best_count = 0, -1
    for start, _, _ in spans or [(0, 0, False)]:
        begin = max(0, min(start - _LEAD_IN, len(text) - width))
        count = sum(2 if exact else 1 for s, e, exact in spans
                    if s >= begin and e <= begin + width)
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


def match_spans(text: str, forms: MatchedForms) -> list[Span]:
    """Every matched word of ``text``: (start, end, exact form), in order."""
    if not forms:
        return []
    spans = spans_of(text, forms.exact, forms.stemmed) if forms.exact or forms.stemmed \
        else []
    if forms.phrases:
        spans = sorted(set(spans) | set(phrase_spans(text, forms.phrases,
                                                     forms.phrase_exact)))
    return spans


def highlight(text: str, forms: MatchedForms, width: int = EXCERPT_CHARS) -> str:
    """An HTML excerpt of ``text`` around its matches, matched words in ``<mark>``
    (``<mark class="stem">`` for a match through the stem only)."""
    spans = match_spans(text, forms)
    start, end = _window(text, spans, width)
    pieces = [ELLIPSIS] if start > 0 else []
    cursor = start
    for s, e, exact in spans:
        if s < start or e > end:
            continue
        pieces += [html.escape(text[cursor:s], quote=False),
                   MARK_OPEN if exact else STEM_MARK_OPEN,
                   html.escape(text[s:e], quote=False), MARK_CLOSE]
        cursor = e
    pieces.append(html.escape(text[cursor:end], quote=False))
    if end < len(text):
        pieces.append(ELLIPSIS)
    return "".join(pieces).strip()


def plain(fragment: str, open_mark: str = "«", close_mark: str = "»",
          stem_marks: tuple[str, str] | None = None) -> str:
    """A highlight fragment for a terminal: marks as « … » (stem-only matches with
    ``stem_marks`` when given), HTML unescaped."""
    stem_open, stem_close = stem_marks or (open_mark, close_mark)
    pieces = []
    for part in fragment.split(MARK_CLOSE):
        if STEM_MARK_OPEN in part:
            pieces.append(part.replace(STEM_MARK_OPEN, stem_open) + stem_close)
        elif MARK_OPEN in part:
            pieces.append(part.replace(MARK_OPEN, open_mark) + close_mark)
        else:
            pieces.append(part)
    return html.unescape("".join(pieces))
