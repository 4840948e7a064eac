"""PDFs laid out with ReportLab from the real corpus text (whole, or parts of it under
other dates), read back through pypdf: item by item, the library must be the one the
text parser gives for the same text. Also pypdf's plain output, saved as text (blank
lines dropped, running headers between the lines): the same items."""

from __future__ import annotations

import io

import pytest
from corpus_parts import document, session_texts, without_section, without_speakers
from document_pdfs import PLAIN, Layout, render
from library_diff import differences
from pypdf import PdfReader

from connecteur.corpus import Library, parse_text
from connecteur.corpus.parser import parse_outcome
from connecteur.corpus.pdf import pdf_text

TWO_COLUMNS = Layout(columns=2, serif=True, ligatures=True, lead_bullet="➢",
                     speaker_bullet="▪", sub_bullet="◦", resource_bullet="●")
RUN_IN = Layout(run_in_titles=True, session_running_head=True, box_after=(1, 0),
                footer="- {page} -", header=None)


def from_pdf(data: bytes) -> Library:
    outcome = parse_outcome(pdf_text(data).text, from_pdf=True)
    assert outcome.library is not None, outcome.found
    return outcome.library


def plain_pypdf_text(data: bytes) -> str:
    """What pypdf's own extraction gives, page after page, as a user would save it."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def without_paragraph_breaks(library: Library) -> Library:
    """The same library with each introduction in one paragraph: dense text cannot tell
    where a paragraph ended on a full line."""
    from dataclasses import replace

    events = tuple(replace(e, sessions=tuple(
        replace(s, introduction=s.introduction.replace("\n\n", " ")) for s in e.sessions))
        for e in library.events)
    return replace(library, events=events)


@pytest.fixture(scope="module", params=["plain", "two-columns", "run-in"])
def laid_out(request: pytest.FixtureRequest, library: Library) -> tuple[str, bytes]:
    layout = {"plain": PLAIN, "two-columns": TWO_COLUMNS, "run-in": RUN_IN}[request.param]
    return request.param, render(library, layout)


def test_the_whole_corpus_comes_back_item_by_item(laid_out: tuple[str, bytes],
                                                   library: Library) -> None:
    name, data = laid_out
    assert differences(library, from_pdf(data)) == [], name
    assert len(library.sessions) == 7 and sum(len(s.leads) for s in library.sessions) == 125


def test_pypdf_plain_text_parses_to_the_same_items(laid_out: tuple[str, bytes],
                                                   library: Library) -> None:
    name, data = laid_out
    text = plain_pypdf_text(data)
    assert text.count("\n\n") < 30, "pypdf dropped the blank lines: the text is dense"
    outcome = parse_outcome(text)
    assert outcome.dense
    found = without_paragraph_breaks(outcome.library)
    assert differences(without_paragraph_breaks(library), found) == [], name


def test_the_pdf_carries_the_quirks_the_parser_must_absorb(laid_out: tuple[str, bytes]) -> None:
    """The layouts really produce what pypdf is known for: otherwise the tests above
    would prove nothing."""
    name, data = laid_out
    text = plain_pypdf_text(data)
    if name == "plain":
        assert text.count("Connecteur Recherche — synthèse des échanges") >= 20
        assert "Page 12" in text
    if name == "two-columns":
        assert "ﬁ" in text and "➢" in text and "▪" in text
        assert "\nCONNECTEUR RECHERCHE\n– 20 MAI 2020" in text  # a heading cut in two
    if name == "run-in":
        assert "SESSION 1 – La gestion de crise La crise sanitaire" in text
        assert text.count("SESSION 2 – Territoire, lieux, service, proximité") >= 3
        assert "- 7 -" in text


@pytest.mark.parametrize("case", ["two sessions, no speakers, no field sites",
                                  "five sessions of both days"])
def test_parts_of_the_corpus_under_another_date(case: str) -> None:
    chunks = session_texts()
    if case.startswith("two"):
        text = document("CONNECTEUR RECHERCHE – 9 OCTOBRE 2020",
                        [without_speakers(chunks[0]), without_section(chunks[4], "TERRAINS")])
    else:
        text = document("CONNECTEUR RECHERCHE – 1ER DÉCEMBRE 2020",
                        [chunks[i] for i in (1, 2, 3, 5, 6)])
    expected = parse_text(text)
    found = from_pdf(render(expected, Layout(new_page_per_session=False, footer="{page}")))
    assert differences(expected, found) == []
    sessions = found.sessions
    if case.startswith("two"):
        assert [s.id for s in sessions] == ["2020-10-09/s1", "2020-10-09/s2"]
        assert sessions[0].speakers == () and sessions[1].field_sites == ()
        assert len(sessions[0].leads) == 16 and len(sessions[1].speakers) == 5
    else:
        assert [s.id for s in sessions] == [f"2020-12-01/s{n}" for n in range(1, 6)]
        assert sessions[4].title.endswith("pour mieux apprendre ?")
