"""The parsed query turned into Whoosh queries over the index's text fields.

A word is looked for in every text field at once, each with its weight: stemmed in
``body`` and ``context``, as typed (folded) in ``exact``. A word that analyses into
several (``télé-travail``, ``Covid19``) is a phrase. Prefixes and close spellings are
matched on the unstemmed forms, which is what the user typed.

Beside the query itself, the same tree is compiled twice more to rank and explain the
matches: restricted to the item's own text (``own``: no context fields), and to the
forms the user typed (``typed``: the exact field, give or take plural and feminine
endings; a phrase must also be in sequence). Items matching ``typed`` come first, then
those matching ``own`` (through stems), then those matching only through their context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from whoosh import query as wq

from connecteur.corpus.text import fold
from connecteur.search.analysis import WORD_PATTERN, Word, url_words, words
from connecteur.search.query_syntax import (
    MAX_FUZZY,
    AllOf,
    AnyOf,
    Negated,
    Node,
    ParsedQuery,
    Phrase,
    Term,
)
from connecteur.search.schema import FIELD_BOOSTS, TEXT_FIELDS

_WORD_RE = re.compile(WORD_PATTERN)
_STEMMED_FIELDS = ("body", "context")
_MIN_PREFIX = 2
MAX_EXPANSIONS = 64
_UNSTEMMED_FIELDS = ("exact",)
_OWN_FIELDS = ("body", "exact")

# What a compilation covers (see the module's docstring).
ALL, OWN, TYPED = "all", "own", "typed"


class Vocabulary(Protocol):
    """The index's words, for prefixes and close spellings (expanded here, once per
    query, rather than by Whoosh, which rebuilds its automaton for every segment and
    every size estimate)."""

    def prefixed(self, fieldname: str, prefix: str) -> list[str]: ...

    def close_to(self, fieldname: str, word: str, distance: int) -> list[str]: ...

    def frequency(self, fieldname: str, word: str) -> int: ...

    def same_word(self, fieldname: str, word: str) -> list[str]: ...


@dataclass
class CompiledQuery:
    """What to run: the query, its any-word fallback, and what went unused."""

    query: wq.Query | None = None          # None: nothing to search for
    fallback: wq.Query | None = None       # any-word version, when there are several words
    positive: wq.Query | None = None       # the parts whose words are highlighted
    own: wq.Query | None = None            # ``positive`` in the item's own text only
    typed: wq.Query | None = None          # ``positive`` in the forms the user typed
    # (both Every() when ``positive`` already is the forms typed: a prefix)
    fallback_own: wq.Query | None = None   # the same two for the any-word fallback
    fallback_typed: wq.Query | None = None
    notices: list[str] = field(default_factory=list)
    only_stop_words: bool = False


def _boosted(fieldname: str) -> float:
    return FIELD_BOOSTS[fieldname]


def word_query(word: Word, fields: tuple[str, ...] = TEXT_FIELDS) -> wq.Query:
    """One analysed word in every text field (or in ``fields``)."""
    return _either([wq.Term(name, word.stemmed if name in _STEMMED_FIELDS else word.exact,
                            boost=_boosted(name)) for name in fields])


def phrase_query(found: list[Word], fields: tuple[str, ...] = TEXT_FIELDS) -> wq.Query:
    return _either([wq.Phrase(name, [w.stemmed if name in _STEMMED_FIELDS else w.exact
                                     for w in found], boost=_boosted(name))
                    for name in fields])


def _either(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.Or(queries)


def _nothing(text: str) -> wq.Query:
    """A clause no document matches (the index never holds a ``*``)."""
    return wq.Term("exact", f"{text}*")


class _Builder:
    def __init__(self, vocabulary: Vocabulary, mode: str = ALL) -> None:
        self.vocabulary = vocabulary
        self.mode = mode
        self.fields = _OWN_FIELDS if mode == OWN else TEXT_FIELDS
        self.notices: list[str] = []
        self.stop_words: list[str] = []

    def word(self, word: Word) -> wq.Query:
        if self.mode != TYPED:
            return word_query(word, self.fields)
        forms = self.vocabulary.same_word("exact", word.exact) or [word.exact]
        return _either([wq.Term("exact", form, boost=_boosted("exact")) for form in forms])

    def words(self, found: list[Word]) -> wq.Query:
        if len(found) == 1:
            return self.word(found[0])
        if self.mode != TYPED:
            return phrase_query(found, self.fields)
        # In sequence (the stems' positions), and each in a form the user typed.
        return wq.And([phrase_query(found, ("body",)), *(self.word(w) for w in found)])

    def expanded(self, shown: str, found: dict[str, list[str]]) -> wq.Query | None:
        """Terms of the unstemmed fields, the most frequent first when too many."""
        terms = [(name, word) for name in _UNSTEMMED_FIELDS for word in found[name]]
        if len(terms) > MAX_EXPANSIONS:
            terms.sort(key=lambda t: -self.vocabulary.frequency(*t))
            terms = terms[:MAX_EXPANSIONS]
            self.notices.append(f"« {shown} » désigne beaucoup de mots : seuls les "
                                f"{MAX_EXPANSIONS} plus fréquents sont cherchés.")
        if not terms:
            return None
        return wq.Or([wq.Term(name, word, boost=_boosted(name)) for name, word in terms])

    def node(self, node: Node) -> wq.Query | None:
        if isinstance(node, Term):
            return self.term(node)
        if isinstance(node, Phrase):
            return self.phrase(node.text)
        if isinstance(node, AnyOf):
            return _combine(wq.Or, [self.node(n) for n in node.options])
        if isinstance(node, AllOf):
            return _combine(wq.And, [self.node(n) for n in node.parts])
        if isinstance(node, Negated):  # nested negation: "a OR NOT b" reads as "a"
            inner = self.node(node.node)
            return wq.AndNot(wq.Every(), inner) if inner is not None else None
        return None

    def term(self, term: Term) -> wq.Query | None:
        if term.prefix:
            return self.prefix(term.text)
        text = term.text
        if "://" in text or fold(text).startswith("www."):
            text = url_words([text])
        found = self.analysed(term.text, text)
        if not found:
            return None
        if term.fuzzy and len(found) == 1:
            return self.fuzzy(found[0], term.fuzzy)
        return self.words(found)

    def phrase(self, text: str) -> wq.Query | None:
        found = self.analysed(f"« {text.strip()} »", text)
        if not found:
            return None
        return self.words(found)

    def analysed(self, shown: str, text: str) -> list[Word]:
        found = words(text)
        if not found:
            if _WORD_RE.search(text):
                self.stop_words.append(shown)
            else:
                self.notices.append(f"« {shown} » ne contient ni lettre ni chiffre : ignoré.")
        return found

    def prefix(self, text: str) -> wq.Query | None:
        parts = _WORD_RE.findall(fold(text))
        if not parts or len(parts[-1]) < _MIN_PREFIX:
            self.notices.append(f"« {text}* » : il faut au moins {_MIN_PREFIX} lettres avant "
                                "l'astérisque ; ignoré.")
            return None
        prefix = parts[-1]
        found = {name: self.vocabulary.prefixed(name, prefix) for name in _UNSTEMMED_FIELDS}
        return self.expanded(f"{text}*", found) or _nothing(prefix)

    def fuzzy(self, word: Word, distance: int) -> wq.Query:
        if distance < 0:
            distance = 1 if len(word.exact) <= 5 else MAX_FUZZY
        found = {name: self.vocabulary.close_to(name, word.exact, distance)
                 for name in _UNSTEMMED_FIELDS}
        close = self.expanded(f"{word.exact}~", found)
        return wq.Or([self.word(word), close]) if close is not None else self.word(word)


def _combine(kind: type, parts: list[wq.Query | None]) -> wq.Query | None:
    kept = [p for p in parts if p is not None]
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else kind(kept)


def compile_query(parsed: ParsedQuery, vocabulary: Vocabulary) -> CompiledQuery:
    """Whoosh queries for a parsed query; text-free queries (only filters, or only
    exclusions) match every item, so ``type:intervenant`` lists all the speakers."""
    builder = _Builder(vocabulary)
    positives = _positives(builder, parsed)
    negatives = [q for q in (builder.node(c.node) for c in parsed.clauses
                             if isinstance(c, Negated)) if q is not None]
    result = CompiledQuery(notices=builder.notices)
    if not positives and not negatives and not parsed.filters:
        result.only_stop_words = bool(builder.stop_words)
        return result
    base = _combine(wq.And, list(positives)) or wq.Every()
    result.positive = _combine(wq.And, list(positives))
    result.query = _without(base, negatives)
    if len(positives) > 1:
        result.fallback = _without(wq.Or(positives), negatives)
    if positives:
        own = _positives(_Builder(vocabulary, OWN), parsed)
        typed = _positives(_Builder(vocabulary, TYPED), parsed)
        result.own, result.typed = _combine(wq.And, own), _combine(wq.And, typed)
        if len(positives) > 1:
            result.fallback_own, result.fallback_typed = wq.Or(own), wq.Or(typed)
        # A query on the forms typed only (``tele*``): every match is of that level.
        if result.typed == result.positive:
            result.own = result.typed = wq.Every()
        if result.fallback_typed is not None and result.fallback_typed == wq.Or(positives):
            result.fallback_own = result.fallback_typed = wq.Every()
    return result


def _positives(builder: _Builder, parsed: ParsedQuery) -> list[wq.Query]:
    return [q for q in (builder.node(c) for c in parsed.clauses
                        if not isinstance(c, Negated)) if q is not None]


def _without(query: wq.Query, negatives: list[wq.Query]) -> wq.Query:
    if not negatives:
        return query
    excluded = negatives[0] if len(negatives) == 1 else wq.Or(negatives)
    return wq.AndNot(query, excluded)
