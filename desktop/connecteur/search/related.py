"""« Voir aussi » : what an item is about, and the items of other sessions that share it.

An item's profile is its own words, stemmed, minus the words that say nothing about a
topic (``french.RELATED_IGNORED``: « existe », « mise en place », « comment »…), each
weighed by how rare it is in the library: two items sharing « mémoire » (two items in
the library) have more in common than two sharing « numérique » (dozens). The score
of a candidate is BM25 over those words with their rarity as boost — so a distinctive
word counts with the square of its rarity — plus the pairs of words that follow each
other in the item (« travaux de recherche ») found in sequence in the candidate.
Items of the same session come after (the reader has them in front of them already).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from whoosh import query as wq

from connecteur.search.analysis import Word, light_form, stemmed_form, without_urls, words
from connecteur.search.french import RELATED_IGNORED
from connecteur.search.highlight import MatchedForms

RELATED_KINDS = frozenset({"lead", "field_site", "resource"})
MAX_TERMS = 16             # the profile's words, the most telling first
PAIR_BOOST = 1.5           # a shared pair of words, on top of its two words
# A word counts half through its stem (« exploitée », « exploitation ») and half
# through its form (« expertises », « expertise »): sharing the word itself says more.
STEM_SHARE, FORM_SHARE = 0.5, 0.5
SAME_SESSION = 0.5         # score factor for an item of the same session
REASON_TERMS = 4           # shared words and pairs named in the reason

_IGNORED_STEMS = frozenset(stemmed_form(w) for w in RELATED_IGNORED)
_PUNCTUATION = re.compile(r"[^\w\s'’-]")


@dataclass(frozen=True)
class Profile:
    """What an item is about: stem → weight, and its telling pairs of stems."""

    terms: dict[str, float]
    pairs: frozenset[tuple[str, str]]
    forms: frozenset[str]      # light forms of its words (for exact highlighting)
    exact: dict[str, float]    # its words as indexed unstemmed (all their forms) → weight

    def query(self) -> wq.Query | None:
        parts: list[wq.Query] = [wq.Term("body", stem, boost=weight * STEM_SHARE)
                                 for stem, weight in self.terms.items()]
        parts += [wq.Term("exact", form, boost=weight) for form, weight in self.exact.items()]
        parts += [wq.Phrase("body", list(pair), boost=PAIR_BOOST) for pair in self.pairs]
        return wq.Or(parts) if parts else None

    def matched_forms(self) -> MatchedForms:
        return MatchedForms(self.forms, frozenset(self.terms), self.pairs)


def _telling(word: Word) -> bool:
    return word.stemmed not in _IGNORED_STEMS and not (word.exact.isdigit()
                                                       and len(word.exact) < 4)


def profile(text: str, idf: Callable[[str], float], frequency: Callable[[str], int],
            same_word: Callable[[str], list[str]]) -> Profile:
    """The profile of an item's text. From the index: ``idf(stem)``, ``frequency(stem)``
    (how many documents hold it: words no other item holds are left out) and
    ``same_word(form)`` (the indexed forms of a word: plural, feminine)."""
    everything = words(without_urls(text))  # stop words are not indexed
    found = [w for w in everything if _telling(w)]
    counts = Counter(w.stemmed for w in found)
    weights = {stem: idf(stem) * (1 + math.log(n)) for stem, n in counts.items()
               if frequency(stem) > 1}
    kept = dict(sorted(weights.items(), key=lambda kv: -kv[1])[:MAX_TERMS])
    pairs = {(a.stemmed, b.stemmed) for a, b in itertools.pairwise(everything)
             if a.stemmed in kept and b.stemmed in kept and a.stemmed != b.stemmed}
    exact = {form: kept[w.stemmed] * FORM_SHARE for w in found if w.stemmed in kept
             for form in same_word(w.exact)}
    forms = frozenset(light_form(w.exact) for w in found if w.stemmed in kept)
    return Profile(kept, frozenset(pairs), forms, exact)


def shared_terms(item: Profile, text: str, source_text: str) -> tuple[str, ...]:
    """What ``text`` shares with the item, as written in ``text``: pairs first, then
    words, the most telling first (at most REASON_TERMS)."""
    own = without_urls(text)
    found = words(own)
    weight = item.terms
    named: dict[str, float] = {}
    covered: set[str] = set()
    for a, b in itertools.pairwise(found):
        between = own[a.end:b.start]
        if (a.stemmed, b.stemmed) in item.pairs and not _PUNCTUATION.search(between):
            phrase = _shown(own[a.start:b.end], source_text)
            named.setdefault(phrase, weight[a.stemmed] + weight[b.stemmed])
            covered.update((a.stemmed, b.stemmed))
    for word in found:
        if word.stemmed in weight and word.stemmed not in covered:
            covered.add(word.stemmed)
            named[_shown(own[word.start:word.end], source_text + "\n" + own)] = \
                weight[word.stemmed]
    ordered = sorted(named, key=lambda k: -named[k])
    return tuple(ordered[:REASON_TERMS])


def _shown(written: str, texts: str) -> str:
    """Lower case, unless the words are only ever written capitalised inside a
    sentence (a name: « Mulhouse », « Lubrizol ») or in capitals (« ENSOSP »)."""
    lower = written[:1].lower() + written[1:]
    if lower == written or not written[1:2].islower():
        return written
    if lower in texts or not _capitalised_inside(written, texts):
        return lower
    return written


def _capitalised_inside(word: str, texts: str) -> bool:
    """Whether ``word`` appears after something other than a sentence start."""
    start = texts.find(word)
    while start != -1:
        before = texts[:start].rstrip()
        if before and before[-1] not in ".?!:»\n→-–(":
            return True
        start = texts.find(word, start + 1)
    return False


def reason(shared: tuple[str, ...]) -> str:
    return f"En commun : {', '.join(shared)}" if shared else ""
