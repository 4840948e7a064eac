"""French text analysis, the same for what is indexed and what is queried.

A word goes through: split (letters runs and digit runs, so both apostrophes,
hyphens and ``Covid19`` split), fold (case, accents, ``œ`` → ``oe``, ``æ`` → ``ae``),
elisions and stop words dropped, then — for the stemmed form only — a light plural
step and the French Snowball stemmer (with a few corrections, see
``french.STEM_OVERRIDES``). Folding comes *before* stemming so that
``activité`` and ``activite`` give the same stem (Snowball strips accented endings
differently). The unstemmed ("exact") form keeps names findable as typed
(``Mulhouse``, ``Richard``).

Every surface word is analysed once and remembered: the corpus has a few thousand
distinct words, so the caches stay small and indexing costs one dict lookup a token.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

from whoosh.analysis import Filter, RegexTokenizer
from whoosh.lang import stemmer_for_language

from connecteur.corpus.text import find_urls, fold
from connecteur.search.french import STEM_OVERRIDES, STOP_WORDS, URL_NOISE

# A token is a run of letters or a run of digits: apostrophes (’ and '), hyphens,
# dots, slashes and every other mark separate words.
WORD_PATTERN = r"[^\W\d_]+|\d+"
_WORD_RE = re.compile(WORD_PATTERN)
_CACHE_LIMIT = 200_000

_snowball = stemmer_for_language("fr")
_exact_cache: dict[str, str] = {}
_stem_cache: dict[str, str] = {}
_light_cache: dict[str, str] = {}
_key_cache: dict[str, tuple[str, str] | None] = {}


def analysis_digest() -> str:
    """A short digest of the word lists and patterns: an index built with other
    lists is rebuilt even if nobody remembered to bump the index format."""
    parts = [WORD_PATTERN, *sorted(STOP_WORDS), *sorted(URL_NOISE),
             *sorted(f"{k}={v}" for k, v in STEM_OVERRIDES.items())]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def _remember(cache: dict[str, str], word: str, value: str) -> str:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[word] = value
    return value


def exact_form(word: str) -> str:
    """The folded word, or ``""`` when it is a stop word or an elision."""
    found = _exact_cache.get(word)
    if found is not None:
        return found
    folded = fold(word)
    dropped = folded in STOP_WORDS or (len(folded) == 1 and not folded.isdigit())
    return _remember(_exact_cache, word, "" if dropped else folded)


def _singular(word: str) -> str:
    """A light plural step before Snowball, which leaves ``élus``/``élu`` and
    ``usagers``/``usager`` apart once accents are folded."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 4 and word.endswith("ee"):
        word = word[:-1]
    return word


# Gender and number endings a reader does not count as another word, longest first:
# ``capacitantes`` and ``capacitants`` are forms of ``capacitant``, ``territoriaux`` of
# ``territorial``, ``collective`` of ``collectif``. Each rule changes at most the last
# two letters of the result, which ``light_prefix`` relies on.
_LIGHT_ENDINGS = (("elles", "el"), ("elle", "el"), ("ives", "if"), ("ive", "if"),
                  ("eaux", "eau"), ("aux", "al"), ("antes", "ant"), ("ante", "ant"),
                  ("entes", "ent"), ("ente", "ent"), ("ales", "al"), ("ale", "al"),
                  ("ees", "e"), ("ee", "e"))


def light_form(folded: str) -> str:
    """A folded word without its plural and feminine endings: what "the same word"
    means for exact-form ranking and highlighting. Much gentler than the stem
    (``gouvernance`` and ``gouvernement``, ``capacitant`` and ``capacité`` stay apart)."""
    found = _light_cache.get(folded)
    if found is not None:
        return found
    word = folded
    if len(word) > 3 and not word.isdigit():
        for ending, replacement in _LIGHT_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[:-len(ending)] + replacement
                break
        else:
            if word.endswith("s") and not word.endswith("ss"):
                word = word[:-1]
    return _remember(_light_cache, folded, word)


def light_prefix(light: str) -> str:
    """A prefix every word of the light form ``light`` starts with (for looking the
    forms up in the index's sorted word list)."""
    return light[:max(2, len(light) - 2)]


def stemmed_form(word: str) -> str:
    """The folded, stemmed word, or ``""`` when it is a stop word or an elision."""
    found = _stem_cache.get(word)
    if found is not None:
        return found
    exact = exact_form(word)
    if exact and not exact.isdigit():
        singular = _singular(exact)
        stem = STEM_OVERRIDES.get(singular) or _snowball(singular)
    else:
        stem = exact
    return _remember(_stem_cache, word, stem)


class FrenchFilter(Filter):
    """Folds, drops stop words and elisions and, when ``stem`` is set, stems.

    Positions are renumbered over the words kept, so a quoted phrase
    ``"gestion de crise"`` (analysed as ``gestion crise``) matches the text.
    """

    def __init__(self, stem: bool = True) -> None:
        self.stem = stem

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FrenchFilter) and other.stem == self.stem

    def __hash__(self) -> int:
        return hash((FrenchFilter, self.stem))

    def __call__(self, tokens: Iterator) -> Iterator:
        form = stemmed_form if self.stem else exact_form
        pos = 0
        for token in tokens:
            text = form(token.text)
            if not text:
                continue
            token.text = text
            if token.positions:
                token.pos = pos
            pos += 1
            yield token


def stemmed_analyzer():
    """The analyzer of the main text fields."""
    return RegexTokenizer(WORD_PATTERN) | FrenchFilter(stem=True)


def exact_analyzer():
    """The analyzer of the unstemmed field (names, places, exact word forms)."""
    return RegexTokenizer(WORD_PATTERN) | FrenchFilter(stem=False)


# --- helpers for queries, highlights and URLs ------------------------------------------

class Word(NamedTuple):
    """One word of a text, where it is, and its two analysed forms."""

    start: int
    end: int
    exact: str
    stemmed: str


def words(text: str) -> list[Word]:
    """Every word of ``text`` that is not a stop word, with its character span."""
    found = []
    for match in _WORD_RE.finditer(text):
        exact = exact_form(match.group(0))
        if exact:
            found.append(Word(match.start(), match.end(), exact,
                              stemmed_form(match.group(0))))
    return found


def _keys(word: str) -> tuple[str, str] | None:
    """(light form, stem) of a surface word, None for a stop word (one lookup a token
    in the hot loop of highlighting)."""
    found = _key_cache.get(word, False)
    if found is False:
        folded = exact_form(word)
        found = (light_form(folded), stemmed_form(word)) if folded else None
        if len(_key_cache) >= _CACHE_LIMIT:
            _key_cache.clear()
        _key_cache[word] = found
    return found  # type: ignore[return-value]


def spans_of(text: str, exact: frozenset[str], stemmed: frozenset[str]
             ) -> list[tuple[int, int, bool]]:
    """Where the words of ``text`` whose light form is in ``exact`` or whose stem is in
    ``stemmed`` are, and whether each is an exact form (the hot loop of highlighting,
    hence no Word objects and the cache read inline)."""
    found = []
    known = _key_cache.get
    for match in _WORD_RE.finditer(text):
        word = match.group(0)
        key = known(word, False)
        if key is False:
            key = _keys(word)
        if key is None:
            continue
        if key[0] in exact:
            found.append((match.start(), match.end(), True))
        elif key[1] in stemmed:
            found.append((match.start(), match.end(), False))
    return found


@lru_cache(maxsize=1024)
def _words_of(text: str) -> tuple[Word, ...]:
    """``words(text)``, remembered: a page of results re-reads the same texts."""
    return tuple(words(text))


def phrase_spans(text: str, phrases: Iterable[tuple[str, ...]], exact: frozenset[str]
                 ) -> list[tuple[int, int, bool]]:
    """Where the stem sequences ``phrases`` occur in ``text`` (stop words skipped, as
    in the index): each word's span, exact when its light form is in ``exact``."""
    found = _words_of(text)
    stems = [w.stemmed for w in found]
    marked: set[int] = set()
    for phrase in phrases:
        size = len(phrase)
        for i in range(len(stems) - size + 1):
            if tuple(stems[i:i + size]) == phrase:
                marked.update(range(i, i + size))
    return [(found[i].start, found[i].end, light_form(found[i].exact) in exact)
            for i in sorted(marked)]


def exact_terms(text: str) -> list[str]:
    return [w.exact for w in words(text)]


def stemmed_terms(text: str) -> list[str]:
    return [w.stemmed for w in words(text)]


def without_urls(text: str) -> str:
    """The text with its web addresses blanked out (they are indexed apart, as link
    words, so that ``https`` or ``doc`` do not weigh in the text's own score)."""
    found = find_urls(text)
    if not found:
        return text
    pieces, last = [], 0
    for url in found:
        pieces.append(text[last:url.start])
        last = url.end
    pieces.append(text[last:])
    return " ".join(pieces)


def url_words(urls: list[str] | tuple[str, ...]) -> str:
    """Host and path words of web addresses (``www.persee.fr/doc/rfap_…`` →
    ``persee fr doc rfap …``), without the scheme and the usual noise."""
    kept: list[str] = []
    for url in urls:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        for word in _WORD_RE.findall(f"{parts.netloc} {parts.path} {parts.query}"):
            if fold(word) not in URL_NOISE:
                kept.append(word)
    return " ".join(kept)
