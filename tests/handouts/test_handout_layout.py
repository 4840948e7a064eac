"""How the pages are laid out: where lines break (hyphenation rules, the measure),
what stays together (a web address, the speakers and their heading), where sections
start, how much room to write is given, and what marks the trainer edition."""

from __future__ import annotations

import re
import statistics

import pypdfium2 as pdfium
import pytest
from handout_pdfs import FOLDER_ITEMS, TRAINER_MARK, Pdf, annotations, build_pdf, squash

from connecteur.handouts import (
    HandoutRequest,
    SessionSection,
    linebreaks,
    request_for_items,
    request_for_library,
    request_for_sessions,
)
from connecteur.handouts.build import AUTHOR, TRAINER_AUTHOR, metadata, story_for
from connecteur.handouts.flowables import SideColumn, Text, WithCodes
from connecteur.handouts.fonts import register_fonts
from connecteur.handouts.sections import introduction_paragraphs
from connecteur.handouts.styles import Styles, geometry
from connecteur.store import CorpusStore

# --- lines -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def broken(store: CorpusStore) -> list[tuple[str, list[str], list[bool]]]:
    """Every paragraph of the whole trainer handout broken into lines at its width:
    (style name, line texts, ends on a forced break)."""
    register_fonts()
    request = request_for_library(store, edition="trainer", annotations=annotations(store))
    page = geometry("a4")
    story, _ = story_for(request, Styles(), SideColumn(page))
    out = []
    for flowable in story:
        paragraph = flowable.paragraph if isinstance(flowable, WithCodes) else flowable
        if isinstance(paragraph, Text) and paragraph.style.hyphenationLang:
            paragraph.wrap(page.frame_width, 1e7)
            lines = paragraph.blPara.lines
            texts = ["".join(getattr(w, "text", "") for w in line.words)
                     if hasattr(line, "words") else " ".join(line[1]) for line in lines]
            forced = [bool(getattr(line, "lineBreak", False)) for line in lines]
            out.append((paragraph.style.name, texts, forced))
    return out


def _hyphenated(texts: list[str]) -> list[int]:
    return [i for i in range(len(texts) - 1) if linebreaks._ends_hyphenated(texts[i])]


def test_at_most_two_hyphenated_lines_in_a_row(broken) -> None:
    ladders = [texts for _, texts, forced in broken
               if any(b - a == 2 for a, b in zip(_hyphenated(texts), _hyphenated(texts)[2:],
                                                  strict=False)
                      if not any(forced[a:b + 1]))]
    assert ladders == []


def test_no_paragraph_ends_on_the_tail_of_a_word(broken) -> None:
    runts = [texts[-2:] for _, texts, forced in broken
             if len(texts) > 1 and _hyphenated(texts)[-1:] == [len(texts) - 2]
             and not forced[-2] and len(texts[-1].split()) == 1]
    assert runts == []


def test_cuts_keep_proper_nouns_and_three_letters_each_side(broken) -> None:
    hyphenations = 0
    for _, texts, forced in broken:
        for i in _hyphenated(texts):
            if forced[i]:
                continue  # a long web address, cut on purpose
            head = re.findall(r"[\w’'-]+-$", texts[i].rstrip())
            tail = re.findall(r"^[\w’'-]+", texts[i + 1].lstrip())
            if not head or not tail:
                continue
            head_word, tail_word = head[0], tail[0]
            hyphenations += 1
            letters = [sum(c.isalpha() for c in part) for part in (head_word, tail_word)]
            assert min(letters) >= 3, (head_word, tail_word)
            word = head_word[:-1] + tail_word
            if word[:1].isupper():  # a proper noun is only cut at its own hyphen
                assert f"{head_word}{tail_word}" in " ".join(texts), (head_word, tail_word)
    assert hyphenations > 50  # the text is hyphenated, only by the rules


def test_cuts_refused_by_the_rules() -> None:
    assert linebreaks.cuts("menée") == ()  # two letters only on one side
    assert linebreaks.cuts("Clunisois") == () and linebreaks.cuts("Panthéon") == ()
    assert linebreaks.cuts("Loire-Atlantique") == (("Loire-", "Atlantique"),)
    assert linebreaks.cuts("Est-ce") == ()
    assert ("mouve", "ments") in linebreaks.cuts("mouvements")


def test_measure_is_sixty_to_seventy_five_characters(broken) -> None:
    full_lines = [len(line) for name, texts, forced in broken if name == "lead"
                  for line, brk in zip(texts[:-1], forced[:-1], strict=True) if not brk]
    assert 60 <= statistics.median(full_lines) <= 75, statistics.median(full_lines)


def test_session_introductions_keep_their_paragraphs(store: CorpusStore) -> None:
    register_fonts()
    request = request_for_library(store)
    story, _ = story_for(request, Styles(), SideColumn(geometry("a4")))
    intros = [f for f in story if isinstance(f, Text) and f.style.name == "intro"]
    expected = [p for s in store.sessions for p in introduction_paragraphs(s)]
    assert len(intros) == len(expected) == sum(len(s.introduction.split("\n\n"))
                                               for s in store.sessions) > 7


# --- pages ---------------------------------------------------------------------------


def test_no_web_address_is_cut_by_a_page_break(store: CorpusStore,
                                               all_library_pdfs: dict[str, Pdf]) -> None:
    urls = {u for s in store.sessions for x in (*s.field_sites, *s.resources) for u in x.urls}
    for name, pdf in all_library_pdfs.items():
        pages = [squash(page) for page in pdf.pages]
        cut = [url for url in urls if not any(squash(url) in page for page in pages)]
        assert cut == [], name


def test_speakers_stay_with_their_heading(store: CorpusStore,
                                          all_library_pdfs: dict[str, Pdf]) -> None:
    for name, pdf in all_library_pdfs.items():
        for session in store.sessions:
            names = [squash(s.name) for s in session.speakers]
            heading = squash("Intervenant·e·s") + "•" + names[0]
            pages = [squash(page) for page in pdf.pages]
            first = next(i for i, page in enumerate(pages) if heading in page)
            assert all(n in pages[first] for n in names), (name, session.id)


def _lowest_ink(path, index: int) -> float:
    """How far from the top of the page (points) its lowest mark above the footer is."""
    page = pdfium.PdfDocument(str(path))[index]
    image = page.render(scale=1, grayscale=True).to_pil().convert("L")
    bottom = image.height - geometry("a4").bottom + 4
    rows = [y for y in range(int(bottom)) if image.crop((0, y, image.width, y + 1))
            .getextrema()[0] < 235]
    return max(rows)


def test_ruled_lines_fill_the_page(participant_pdf: Pdf) -> None:
    """Room to write is never a page three quarters blank: lines run to its foot."""
    foot = geometry("a4").height - geometry("a4").bottom
    pages = [i for i, page in enumerate(participant_pdf.pages) if "PRISE DE NOTES" in page]
    assert len(pages) >= 5
    for index in pages:
        assert _lowest_ink(participant_pdf.path, index) > foot - 25, index + 1


def test_single_sided_runs_on_without_blank_pages(store: CorpusStore, tmp_path) -> None:
    sessions = ["2020-05-20/s1", "2020-05-20/s2", "2020-05-20/s3"]
    both = build_pdf(request_for_sessions(store, sessions), tmp_path / "recto-verso.pdf")
    one = build_pdf(request_for_sessions(store, sessions, two_sided=False),
                    tmp_path / "recto.pdf")
    def starts(pdf: Pdf) -> list[int]:
        return [i + 1 for i, page in enumerate(pdf.pages)
                if re.search(r"CONNECTEUR RECHERCHE · 20 MAI 2020 · SESSION \d", page)]
    assert all(p % 2 == 1 for p in starts(both))
    assert len(one.pages) < len(both.pages)
    assert not all(p % 2 == 1 for p in starts(one))


# --- front matter and editions ----------------------------------------------------------


def test_trainer_edition_is_marked_on_every_page(trainer_pdf: Pdf, participant_pdf: Pdf,
                                                 store: CorpusStore) -> None:
    assert all(TRAINER_MARK in page for page in trainer_pdf.pages[1:])
    assert not any(TRAINER_MARK in page for page in participant_pdf.pages)
    anonymous = metadata(request_for_library(store, edition="trainer"))
    assert anonymous["author"] == TRAINER_AUTHOR and "ne pas distribuer" in \
        anonymous["subject"]
    assert metadata(request_for_library(store))["author"] == AUTHOR


def test_letter_contents_leave_no_page_to_a_few_lines(letter_pdfs: dict[str, Pdf]) -> None:
    for pdf in letter_pdfs.values():
        contents = [i for i, page in enumerate(pdf.pages)
                    if page.count(" . ") > 5 and "Sommaire" in pdf.pages[1]]
        assert contents == [1], contents  # the whole table on page 2


def test_a_short_folder_has_its_contents_on_the_cover(folder_pdf: Pdf, store: CorpusStore
                                                      ) -> None:
    cover = folder_pdf.pages[0]
    assert "Sommaire" in cover and len(folder_pdf.pages) <= 5
    line = squash("3 juillet 2020, session 2 — Le management en temps de crise")
    assert squash(cover).count(line) == 1  # listed once, though the folder comes back to it
    titles = [e.title for e in folder_pdf.reader.outline if not isinstance(e, list)]
    assert len(titles) == len(set(titles))


def test_a_whole_session_in_a_folder_counts_as_one_element(store: CorpusStore,
                                                           tmp_path) -> None:
    request = request_for_items(store, [*FOLDER_ITEMS[:5], "2020-05-20/s3"], "Six éléments",
                                date="")
    pdf = build_pdf(request, tmp_path / "six.pdf")
    assert "6 éléments choisis dans 3 sessions" in pdf.pages[0]


def test_missing_writing_space_and_parts(store: CorpusStore, tmp_path) -> None:
    session = store.get("2020-07-03/s3")
    request = HandoutRequest(title="Sans lignes", sections=(SessionSection(session),),
                             writing_space=False)
    pdf = build_pdf(request, tmp_path / "sans.pdf")
    assert "PRISE DE NOTES" not in "".join(pdf.pages)
    assert all(squash(part) in pdf.squashed for part in session.parts)


def test_a_bullet_holding_two_references_shows_the_source_line_break(
        participant_pdf: Pdf) -> None:
    lines = [line.strip() for page in participant_pdf.pages for line in page.split("\n")]
    assert any(line.startswith("Plateforme nationale risques et crises") for line in lines)
    assert any(line.startswith("Sur l’antifragilité") for line in lines)
    assert any(line.startswith("Sur le care") for line in lines)
