"""French typography in print: the whole library, on A4 and Letter, in both editions,
read back with pypdf: no "...", no straight quote or apostrophe, and a no-break space
before every ``: ; ! ?`` — outside web addresses, which stay exactly as written."""

from __future__ import annotations

import re

import pytest
from handout_pdfs import Pdf
from hypothesis import given
from hypothesis import strategies as st

from connecteur.corpus.text import find_urls
from connecteur.handouts.typography import NBSP, french
from connecteur.store import CorpusStore

NO_BREAK = NBSP + "\u202f"  # the PDF's text layer writes them as U+202F
EDITIONS = ["A4 participant", "A4 formateur", "Letter participant", "Letter formateur"]


def _addresses(store: CorpusStore) -> list[str]:
    urls = {u for s in store.sessions for x in (*s.field_sites, *s.resources) for u in x.urls}
    urls |= {u.url for b in store.library.about.blocks for u in find_urls(b.text)}
    urls.add("https://www.cnfpt.fr/trouver-une-formation")  # in a trainer's note
    return sorted(urls, key=len, reverse=True)


def _without_addresses(line: str, urls: list[str]) -> str:
    """The line with every web address, or piece of one cut at the line's end or start,
    taken out."""
    kept = []
    for token in line.split(" "):
        piece = token.strip(NO_BREAK)
        if len(piece) >= 4 and any(piece in url for url in urls) and (
                "/" in piece or "." in piece or "=" in piece):
            continue
        kept.append(token)
    return " ".join(kept)


def text_problems(pdf: Pdf, urls: list[str]) -> list[str]:
    problems = []
    for number, page in enumerate(pdf.pages, 1):
        for line in page.split("\n"):
            line = _without_addresses(line, urls)
            if "..." in line or re.search("[\"']", line):
                problems.append(f"p. {number}: {line!r}")
            for match in re.finditer(r"(?<=.)[:;!?](?=[\s\u202f\u00a0»)]|$)", line):
                before = line[match.start() - 1]
                if before not in NO_BREAK and before not in ":;!?":
                    problems.append(f"p. {number}: {line[max(0, match.start() - 30):]!r}")
    return problems


@pytest.mark.parametrize("edition", EDITIONS)
def test_whole_library_is_set_the_french_way(edition: str, store: CorpusStore,
                                             all_library_pdfs: dict[str, Pdf]) -> None:
    pdf = all_library_pdfs[edition]
    assert text_problems(pdf, _addresses(store)) == []
    text = "\n".join(pdf.pages)
    # what the source writes "LabFab:", "amont;" and "...": set, not left as typed
    assert "LabFab\u202f:" in text and "amont\u202f;" in text and "…" in text
    assert "«\u202fliving lab\u202f»" in text  # straight quotes in the source


def test_the_checker_finds_what_it_looks_for(store: CorpusStore) -> None:
    """The check above fails on the defects it is meant to catch."""

    class Fake:
        pages = ("Le LabFab: voir... l'usager \"ici\" https://isga.utt.fr/projet-anr-inplic-1 "
                 "fin",)

    found = text_problems(Fake(), _addresses(store))  # type: ignore[arg-type]
    assert len(found) == 2  # "..." and straight quotes; the missing no-break space
    assert "LabFab: voir" in found[1] and "isga" not in found[1]  # address left out


def test_source_defects_are_printed_as_the_source_has_them(store: CorpusStore,
                                                           participant_pdf: Pdf) -> None:
    text = "\n".join(participant_pdf.pages)
    assert "C ela n’a pas vocation" in text.replace("\n", " ")
    assert "0000₁" in text


@pytest.mark.parametrize(("source", "shown"), [
    ('un "living lab" et', "un «\u00a0living lab\u00a0» et"),
    ("Article sur les LabFab: http://www.labfab.fr/a", "Article sur les LabFab\u00a0: "
                                                       "http://www.labfab.fr/a"),
    ("en amont; la", "en amont\u00a0; la"),
    ("Quoi?! fin...", "Quoi\u00a0?! fin…"),
    ("«Où atterrir»", "«\u00a0Où atterrir\u00a0»"),
    ("« Où atterrir »", "«\u00a0Où atterrir\u00a0»"),
    ("l'usager d'abord", "l’usager d’abord"),
    ("javascript:alert(1) à 10:30", "javascript:alert(1) à 10:30"),
    ("voir https://a.fr/l'x?y=1...", "voir https://a.fr/l'x?y=1…"),
])
def test_french_typography(source: str, shown: str) -> None:
    assert french(source).text == shown


@given(st.lists(st.sampled_from([*"ab .:;!?'\"«»-/", "https://x.fr/a?b", "..."]),
                max_size=40).map("".join))
def test_typography_maps_every_source_offset(source: str) -> None:
    shown = french(source)
    assert len(shown.positions) == len(source) + 1
    assert list(shown.positions) == sorted(shown.positions)
    assert shown.positions[-1] == len(shown.text)
    for url in find_urls(source):  # addresses untouched, where the map says
        start = shown.positions[url.start]
        assert shown.text[start:start + len(url.url)] == url.url
