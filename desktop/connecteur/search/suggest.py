"""« Vouliez-vous dire… » : a corrected query from the library's own vocabulary.

Only words the index does not know (in any inflection) are corrected, each by the
most frequent indexed word within one edit (two for longer words), first letter
kept. The replacement is written as the library writes it (``teletravial`` →
``télétravail``), and the rest of the query is left exactly as typed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from connecteur.corpus import Library
from connecteur.search.analysis import WORD_PATTERN, words
from connecteur.search.query_builder import Vocabulary
from connecteur.search.query_syntax import AllOf, AnyOf, Node, ParsedQuery, Term

_WORD_RE = re.compile(WORD_PATTERN)
_FIELD = "exact"


def surface_forms(library: Library) -> dict[str, str]:
    """Folded word → its most frequent spelling in the library (lower case)."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for item in library.items():
        for text in (getattr(item, "text", ""), getattr(item, "title", ""),
                     getattr(item, "introduction", "")):
            for match in _WORD_RE.finditer(text or ""):
                found = words(match.group(0))
                if len(found) == 1:
                    seen[found[0].exact][match.group(0).lower()] += 1
    return {folded: spellings.most_common(1)[0][0] for folded, spellings in seen.items()}


def _terms(nodes: Iterable[Node]) -> Iterable[Term]:
    for node in nodes:
        if isinstance(node, Term):
            if not node.prefix:
                yield node
        elif isinstance(node, AnyOf):
            yield from _terms(node.options)
        elif isinstance(node, AllOf):
            yield from _terms(node.parts)


def correction(vocabulary: Vocabulary, word: str) -> str | None:
    """The most frequent indexed word close to ``word`` (None when none is)."""
    if word.isdigit() or len(word) < 3:
        return None
    for distance in (1, 2) if len(word) > 5 else (1,):
        found = [w for w in vocabulary.close_to(_FIELD, word, distance) if w != word]
        if found:
            return max(found, key=lambda w: (vocabulary.frequency(_FIELD, w), w))
    return None


def _spelled(replacement: str, typed: str, forms: dict[str, str]) -> str:
    spelled = forms.get(replacement, replacement)
    return spelled[:1].upper() + spelled[1:] if typed[:1].isupper() else spelled


def suggest(parsed: ParsedQuery, vocabulary: Vocabulary, forms: dict[str, str]) -> str | None:
    """The whole query with its unknown words corrected, or None."""
    text = parsed.text
    edits: list[tuple[int, int, str]] = []
    for term in _terms(parsed.clauses):
        found = words(term.text)
        if len(found) != 1 or vocabulary.frequency(_FIELD, found[0].exact) \
                or vocabulary.frequency("body", found[0].stemmed):
            continue  # a known word, or a form of one (``pharmacien``/``pharmaciens``)
        replacement = correction(vocabulary, found[0].exact)
        if replacement:
            word = found[0]
            typed = term.text[word.start:word.end]
            edits.append((term.start + word.start, term.start + word.end,
                          _spelled(replacement, typed, forms)))
    if not edits:
        return None
    for start, end, spelled in sorted(edits, reverse=True):
        text = text[:start] + spelled + text[end:]
    return text
