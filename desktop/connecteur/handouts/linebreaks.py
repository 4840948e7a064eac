"""Where justified French text may break: hyphenation rules and the checks made on
the lines ReportLab broke.

ReportLab asks a *hyphenator* for the ways to cut a word that overflows the line and
takes the first that fits. :class:`Hyphenator` offers only acceptable cuts: never in
a proper noun or an acronym (``Cluni-sois``, ``Pan-théon``), never leaving fewer
than three letters on either side (``me-née``), and in a compound word only at its
own hyphen. It also records which of its offers ReportLab took, so that the lines can
be checked afterwards: no more than two hyphenated lines in a row, and no paragraph
ending on the bare tail of a hyphenated word (``ments.``). When a check fails, the
paragraph is broken again with that one hyphenation refused (:func:`refusal`).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Sequence
from functools import lru_cache

import pyphen

MIN_LETTERS = 3  # on each side of a cut
MAX_HYPHENATED_IN_A_ROW = 2


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="fr_FR", left=MIN_LETTERS, right=MIN_LETTERS)


@lru_cache(maxsize=8192)
def cuts(word: str) -> tuple[tuple[str, str], ...]:
    """The acceptable (head, tail) cuts of ``word``, longest head first."""
    if "-" in word:
        return _compound_cuts(word)
    if not word or not word[0].islower():
        return ()  # a proper noun, an acronym, or not a word
    return tuple(_dictionary().iterate(word))


def _compound_cuts(word: str) -> tuple[tuple[str, str], ...]:
    found = []
    for index, char in enumerate(word):
        if char != "-":
            continue
        head, tail = word[:index + 1], word[index + 1:]
        if _letters(head) >= MIN_LETTERS and _letters(tail) >= MIN_LETTERS:
            found.append((head, tail))
    return tuple(reversed(found))


def _letters(part: str) -> int:
    return sum(ch.isalpha() for ch in part)


def _offer(pairs: tuple[tuple[str, str], ...]) -> Iterator[tuple[str, str]]:
    yield from pairs


class Hyphenator:
    """ReportLab's hyphenation callable for one breaking of one paragraph.

    Every call hands out a generator; ReportLab stops iterating as soon as a cut fits,
    so a generator left suspended is a cut that was taken.
    """

    def __init__(self, refused: frozenset[int] = frozenset()) -> None:
        self.refused = refused
        self.offers: list[Iterator[tuple[str, str]]] = []

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        pairs = () if len(self.offers) in self.refused else cuts(word)
        offer = _offer(pairs)
        self.offers.append(offer)
        return offer

    def taken(self) -> list[int]:
        """The calls whose cut ended a line, in order."""
        return [index for index, offer in enumerate(self.offers)
                if inspect.getgeneratorstate(offer) == inspect.GEN_SUSPENDED]


def refusal(lines: Sequence[str], forced: Sequence[bool], taken: Sequence[int]) -> int | None:
    """The hyphenation call to refuse for these lines to pass the checks, or None.

    ``lines`` are the texts of the broken lines, ``forced`` tells the lines that end
    on a forced break (a ``<br/>``, inside a long web address), ``taken`` is
    :meth:`Hyphenator.taken`. When the hyphenated lines cannot be matched to the
    calls one for one, nothing is refused.
    """
    last = len(lines) - 1
    ends = [i for i in range(last) if not forced[i] and _ends_hyphenated(lines[i])]
    if len(ends) != len(taken):
        return None
    for j in range(MAX_HYPHENATED_IN_A_ROW, len(ends)):
        if ends[j] - ends[j - MAX_HYPHENATED_IN_A_ROW] == MAX_HYPHENATED_IN_A_ROW:
            return taken[j]
    if ends and ends[-1] == last - 1 and len(lines[last].split()) == 1:
        return taken[-1]  # the paragraph would end on the bare tail of a word
    return None


def _ends_hyphenated(line: str) -> bool:
    line = line.rstrip()
    return line.endswith("-") and not line.endswith(" -") and len(line) > 1
