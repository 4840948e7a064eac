"""One open searcher and what the service needs beside it: each document's kind,
session and date by document number, for filters and facet counts.

Facets are counted the way a filter bar needs them: the kind counts ignore the kind
filter (but honour the session filter) and the session counts ignore the session
filter (but honour the kind filter), so the user always sees where else the same
query has matches. Exclusions (``-type:ressource``) and dates apply to both.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.index import Index
from whoosh.support.levenshtein import damerau_levenshtein

from connecteur.corpus.ids import normalise
from connecteur.corpus.text import fold
from connecteur.search.analysis import light_form, light_prefix
from connecteur.search.evaluation import Evaluator, Scores, weighting
from connecteur.search.french import KIND_ALIASES
from connecteur.search.query_syntax import Filter

KIND_ORDER = ("session", "lead", "field_site", "resource", "speaker", "note")



@dataclass(frozen=True)
class Levels:
    """How well documents matched (View.levels): ``typed``, their own text holds the
    forms typed; ``own``, their own text matches through stems only; the others
    matched through their context only."""

    typed: set[int] = field(default_factory=set)
    own: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.typed or self.own)


TagItems = Callable[[str], Collection[str]]


@dataclass
class Filters:
    kinds: set[str] | None = None
    sessions: set[str] | None = None
    dates: set[str] | None = None
    no_kinds: set[str] = field(default_factory=set)
    no_sessions: set[str] = field(default_factory=set)
    no_dates: set[str] = field(default_factory=set)
    # ``tag:`` filters, resolved: the items that carry every wanted tag (None: no
    # ``tag:``), and those that carry an excluded one. A note follows its item.
    tagged: frozenset[str] | None = None
    no_tagged: frozenset[str] = frozenset()

    @classmethod
    def combine(cls, typed: tuple[Filter, ...], kinds: Collection[str] | None,
                sessions: Collection[str] | None, tag_items: TagItems | None = None
                ) -> Filters:
        """The filters typed in the query and those of the filter bar, together;
        ``tag_items(name)`` gives the items carrying a tag (none without it)."""
        result = cls()
        if kinds is not None:
            result.kinds = {KIND_ALIASES.get(fold(k), k) for k in kinds}
        if sessions is not None:
            result.sessions = {normalise(s) for s in sessions}
        for f in typed:
            if f.field == "tag":
                result._tag(frozenset(tag_items(f.value)) if tag_items else frozenset(),
                            f.negated)
                continue
            name = {"kind": "kinds", "session": "sessions", "date": "dates"}[f.field]
            if f.negated:
                getattr(result, f"no_{name}").add(f.value)
            else:
                wanted = getattr(result, name)
                setattr(result, name, (wanted or set()) | {f.value})
        return result

    def _tag(self, items: frozenset[str], negated: bool) -> None:
        if negated:
            self.no_tagged = self.no_tagged | items
        else:
            self.tagged = items if self.tagged is None else self.tagged & items

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.kinds, self.sessions, self.dates,
                                           self.tagged)) or \
            bool(self.no_kinds or self.no_sessions or self.no_dates or self.no_tagged)


@dataclass
class Matches:
    docs: list[int]                       # matching documents that pass every filter
    kind_counts: dict[str, int]
    session_counts: dict[str, int]
    filtered: bool                        # whether filters removed anything
    hidden: dict[str, int] = field(default_factory=dict)  # see SearchResults.hidden

    @property
    def total(self) -> int:
        return len(self.docs)


class ReaderVocabulary:
    """The words of an index reader (see query_builder.Vocabulary)."""

    def __init__(self, reader) -> None:
        self.reader = reader
        self._same: dict[tuple[str, str], list[str]] = {}
        self._close: dict[tuple[str, str], list[str]] = {}

    def _words(self, fieldname: str, prefix: str) -> list[str]:
        if fieldname not in self.reader.schema:
            return []
        decode = self.reader.schema[fieldname].from_bytes
        return [decode(b) for b in self.reader.expand_prefix(fieldname, prefix)]

    def prefixed(self, fieldname: str, prefix: str) -> list[str]:
        return self._words(fieldname, prefix)

    def close_to(self, fieldname: str, word: str, distance: int) -> list[str]:
        """Indexed words within ``distance`` edits (a swap of two letters is one),
        sharing the first letter: misspellings rarely touch it."""
        key = (fieldname, f"{word}~{distance}")
        found = self._close.get(key)
        if found is None:
            size = len(word)
            found = [w for w in self._words(fieldname, word[:1])
                     if abs(len(w) - size) <= distance
                     and damerau_levenshtein(w, word, distance) <= distance]
            self._close = self._close if len(self._close) < 1000 else {}
            self._close[key] = found
        return found

    def frequency(self, fieldname: str, word: str) -> int:
        return self.reader.doc_frequency(fieldname, word)

    def same_word(self, fieldname: str, word: str) -> list[str]:
        """The indexed forms of ``word`` (folded): those with the same light form."""
        key = (fieldname, word)
        found = self._same.get(key)
        if found is None:
            light = light_form(word)
            found = [w for w in self._words(fieldname, light_prefix(light))
                     if light_form(w) == light]
            if len(self._same) > 10_000:
                self._same.clear()
            self._same[key] = found
        return found


class View:
    """A searcher over the index as it is now (reopened after each write)."""

    def __init__(self, ix: Index) -> None:
        self.searcher = ix.searcher(weighting=weighting())
        self.reader = self.searcher.reader()
        self.vocabulary = ReaderVocabulary(self.reader)
        self.kinds: list[str] = []
        self.sessions: list[str] = []
        self.dates: list[str] = []
        self.ids: list[str] = []
        columns = {"kind": self.kinds, "session_id": self.sessions, "date": self.dates}
        shared: dict[str, str] = {}  # one string object per value: faster counting
        for leaf, _offset in self.reader.leaf_readers():
            self.ids += list(leaf.column_reader("id"))
            for name, values in columns.items():
                values += [shared.setdefault(v, v) for v in leaf.column_reader(name)]
        self.evaluator = Evaluator(self.searcher, self.kinds)
        self._session_rank: dict[str, int] | None = None
        self._targets: list[str] | None = None

    def close(self) -> None:
        self.searcher.close()

    def run(self, query: wq.Query, filters: Filters, limit: int,
            tiers: tuple[wq.Query | None, wq.Query | None] = (None, None)
            ) -> tuple[Matches, list[tuple[int, float]], Levels]:
        """All matches (for the total and the facets), the ``limit`` best of them as
        (document, score) pairs, and how well each matched (see :meth:`levels`):
        a better level always ranks first, the score orders each level."""
        scores = self.evaluator.scores(query)
        matches = self.matches(list(scores), filters)
        levels = self.levels(*tiers, matches.docs, limit)
        return matches, best(scores, matches.docs, limit, levels), levels

    def levels(self, own: wq.Query | None, typed: wq.Query | None,
               docs: list[int], limit: int | None = None) -> Levels:
        """Which of ``docs`` match ``typed`` (the forms typed, in their own text), and
        which of the others match ``own`` (their own text, through stems). When
        ``limit`` documents or more match ``typed``, the best ``limit`` are among them
        and ``own`` is not looked at."""
        if own is None or not docs:
            return Levels()
        within = set(docs)
        typed_docs = self.evaluator.docs(typed, within) if typed is not None else set()
        if limit is not None and len(typed_docs) >= limit:
            return Levels(typed_docs)
        return Levels(typed_docs, self.evaluator.docs(own, within - typed_docs))

    def count(self, query: wq.Query, filters: Filters) -> int:
        return self.matches(list(self.evaluator.scores(query)), filters).total

    def matches(self, matched: list[int], filters: Filters) -> Matches:
        """The matched documents that pass the filters, the facet counts, and how many
        the kind and session filters hide."""
        if not filters.active:
            return Matches(matched, self._count(self.kinds, matched),
                           self._count(self.sessions, matched), False)
        kinds, sessions, dates = self.kinds, self.sessions, self.dates
        base = [d for d in matched
                if kinds[d] not in filters.no_kinds and sessions[d] not in filters.no_sessions
                and dates[d] not in filters.no_dates
                and (filters.dates is None or dates[d] in filters.dates)]
        if filters.tagged is not None or filters.no_tagged:
            base = self._tagged(base, filters)
        kind_ok = [filters.kinds is None or kinds[d] in filters.kinds for d in base]
        session_ok = [filters.sessions is None or sessions[d] in filters.sessions for d in base]
        kind_counts = self._count(kinds, [d for d, ok in zip(base, session_ok, strict=True)
                                          if ok])
        session_counts = self._count(sessions, [d for d, ok in zip(base, kind_ok, strict=True)
                                                if ok])
        docs = [d for d, k, s in zip(base, kind_ok, session_ok, strict=True) if k and s]
        hidden = {}
        if filters.kinds is not None:
            hidden["kind"] = sum(1 for k, s in zip(kind_ok, session_ok, strict=True)
                                 if s and not k)
        if filters.sessions is not None:
            hidden["session"] = sum(1 for k, s in zip(kind_ok, session_ok, strict=True)
                                    if k and not s)
        if hidden:
            hidden["all"] = len(base) - len(docs)
        return Matches(docs, kind_counts, session_counts, len(docs) != len(matched), hidden)

    def _tagged(self, docs: list[int], filters: Filters) -> list[int]:
        targets = self.targets()
        wanted, unwanted = filters.tagged, filters.no_tagged
        return [d for d in docs if (wanted is None or targets[d] in wanted)
                and targets[d] not in unwanted]

    def targets(self) -> list[str]:
        """The item each document stands for, by document number (a note: its item)."""
        if self._targets is None:
            targets = list(self.ids)
            for d, kind in enumerate(self.kinds):
                if kind == "note":
                    targets[d] = self.stored(d).get("target_id") or targets[d]
            self._targets = targets
        return self._targets

    @staticmethod
    def _count(values: list[str], docs: list[int]) -> dict[str, int]:
        counts = Counter(map(values.__getitem__, docs))
        counts.pop("", None)
        return dict(counts)

    def facets(self, matches: Matches) -> dict[str, dict[str, int]]:
        """Kinds in a fixed order, sessions in reading order."""
        if self._session_rank is None:
            ordered = sorted(set(self.sessions), key=session_order)
            self._session_rank = {session: rank for rank, session in enumerate(ordered)}
        kinds = {k: matches.kind_counts[k] for k in KIND_ORDER if k in matches.kind_counts}
        kinds.update({k: n for k, n in matches.kind_counts.items() if k not in kinds})
        sessions = {s: matches.session_counts[s]
                    for s in sorted(matches.session_counts, key=self._session_rank.__getitem__)}
        return {"kind": kinds, "session": sessions}

    def stored(self, docnum: int) -> dict:
        return self.searcher.stored_fields(docnum)

    def docnum(self, item_id: str) -> int | None:
        return self.searcher.document_number(id=item_id)


def best(scores: Scores, docs: list[int], limit: int,
         levels: Levels | None = None) -> list[tuple[int, float]]:
    """The ``limit`` best of ``docs`` as (document, score): by level first (see
    View.levels), in each level by score; ties keep the order of ``docs`` (in a
    level, of document numbers)."""
    if not levels:
        return _best(scores, docs, limit)
    ranked: list[tuple[int, float]] = []
    for tier in (levels.typed, levels.own, None):
        if len(ranked) >= limit:
            break
        members = sorted(tier) if tier is not None else \
            [d for d in docs if d not in levels.typed and d not in levels.own]
        ranked += _best(scores, members, limit - len(ranked))
    return ranked


def _best(scores: Scores, docs: list[int], limit: int) -> list[tuple[int, float]]:
    """With many matches, the threshold is found among the bare scores first
    (compared in C), and only the documents that reach it are sorted."""
    if len(docs) > 8 * limit:
        everything = len(docs) == len(scores)
        values = scores.values() if everything else map(scores.__getitem__, docs)
        threshold = heapq.nlargest(limit, values)[-1]
        docs = [doc for doc, score in scores.items() if score >= threshold] if everything \
            else [doc for doc in docs if scores[doc] >= threshold]
    ranked = sorted(docs, key=scores.__getitem__, reverse=True)[:limit]
    return [(doc, scores[doc]) for doc in ranked]


def session_order(session_id: str) -> tuple[str, int]:
    """Reading order of session IDs: date, then number (s2 before s10)."""
    date, _, number = session_id.partition("/s")
    return date, int(number) if number.isdigit() else 0
