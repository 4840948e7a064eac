"""The whole-library handout, read back with pypdf: text, links, outline, fonts, table
of contents, page numbers, metadata, and the difference between the two editions."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from handout_pdfs import NOTE_LABELS, NOTES, PRINTED_NOTES, Pdf, printed, squash

from connecteur import paths
from connecteur.corpus import Session
from connecteur.corpus.text import find_urls
from connecteur.handouts.build import AUTHOR
from connecteur.handouts.markup import typeset
from connecteur.handouts.sections import session_line
from connecteur.store import CorpusStore


def printed_segments(session: Session) -> list[str]:
    """Every piece of corpus text the handout must show for a session."""
    out = [session.title, session.introduction]
    for theme in session.themes:
        out += [theme.title, *([theme.part] if theme.part else [])]
        for lead in theme.leads:
            out += [lead.body, *lead.items]
    for site in session.field_sites:
        out += [site.body, *site.items]
    out += [r.text for r in session.resources] + [s.text for s in session.speakers]
    return out


def test_markers_are_not_in_corpus() -> None:
    """The notes' words appear nowhere in the corpus, so finding them means printing."""
    corpus = squash(paths.corpus_text_path().read_text(encoding="utf-8"))
    for note in PRINTED_NOTES:
        assert squash(note) not in corpus


@pytest.mark.parametrize("edition", ["trainer", "participant"])
def test_every_session_is_printed_whole(edition: str, store: CorpusStore, trainer_pdf: Pdf,
                                        participant_pdf: Pdf) -> None:
    pdf = trainer_pdf if edition == "trainer" else participant_pdf
    # the trainer edition calls the highlight's note after the passage (see below)
    shown = pdf.squashed.replace("affaiblis1(", "affaiblis(")
    for session in store.sessions:
        missing = [text[:60] for text in printed_segments(session)
                   if printed(text) not in shown]
        assert not missing, f"{session.id}: {missing}"
    about = [block.heading or block.text for block in store.library.about.blocks]
    assert all(printed(text) in shown for text in about)


def test_french_characters_survive(store: CorpusStore, trainer_pdf: Pdf) -> None:
    body = trainer_pdf.body
    entries = sum(len(s.leads) + len(s.field_sites) + len(s.resources) for s in store.sessions)
    assert body.count("→") >= entries  # the bullet of every lead, field site and resource
    for text in ("Organisations publiques à l’épreuve de l’incertitude", "« Où atterrir",
                 "crise -> formation", "Intervenant·e·s", "une œuvre « commune »"):
        assert printed(text) in trainer_pdf.squashed, text


def test_links_are_link_annotations_with_the_corpus_urls(store: CorpusStore,
                                                         participant_pdf: Pdf,
                                                         trainer_pdf: Pdf) -> None:
    item_urls = {u for s in store.sessions for x in (*s.field_sites, *s.resources)
                 for u in x.urls}
    about_urls = {u.url for block in store.library.about.blocks for u in find_urls(block.text)}
    about_urls |= {f"mailto:{address}" for block in store.library.about.blocks
                   for address in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", block.text)}
    assert len(item_urls) >= 90 and len(about_urls) == 5  # the e-mail addresses
    assert participant_pdf.uris() == item_urls | about_urls
    assert trainer_pdf.uris() == item_urls | about_urls | {
        "https://www.cnfpt.fr/trouver-une-formation"}


def test_each_corpus_url_has_a_clickable_qr_code(store: CorpusStore,
                                                 participant_pdf: Pdf) -> None:
    counts: dict[str, int] = {}
    for page in participant_pdf.reader.pages:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action is not None and action.get("/S") == "/URI":
                rect = [float(v) for v in annot.get_object()["/Rect"]]
                square = abs((rect[2] - rect[0]) - (rect[3] - rect[1])) < 0.5
                counts[str(action["/URI"])] = counts.get(str(action["/URI"]), 0) + square
    urls = {u for s in store.sessions for x in (*s.field_sites, *s.resources) for u in x.urls}
    assert all(counts.get(url, 0) >= 1 for url in urls)


def _outline(pdf: Pdf) -> list[tuple[int, str, int]]:
    reader = pdf.reader
    found: list[tuple[int, str, int]] = []

    def walk(entries, level: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, level + 1)
            else:
                found.append((level, entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 0)
    return found


def _session_children(session: Session) -> list[tuple[int, str]]:
    """What a session's bookmark holds: parts, themes (under their part), groups."""
    expected: list[tuple[int, str]] = []
    for theme in session.themes:
        if theme.part and (1, typeset(theme.part)) not in expected:
            expected.append((1, typeset(theme.part)))
        expected.append((2 if theme.part else 1, typeset(theme.title)))
    return [*expected, (1, "Terrains"), (1, "Ressources"), (1, "Intervenant·e·s")]


def test_outline_has_dated_sessions_parts_and_themes(store: CorpusStore,
                                                     participant_pdf: Pdf) -> None:
    outline = _outline(participant_pdf)
    titles = [title for _, title, _ in outline]
    top = [title for level, title, _ in outline if level == 0]
    assert top == ["Sommaire", "À propos du Connecteur Recherche",
                   *(typeset(session_line(s)) for s in store.sessions)]
    about = titles.index("À propos du Connecteur Recherche")
    assert [(level, title) for level, title, _ in outline[about + 1:about + 3]] == [
        (1, "Comment lire ce document\u00a0?"), (1, "Contacts")]
    for session in store.sessions:
        start = titles.index(typeset(session_line(session)))
        children = []
        for level, title, _ in outline[start + 1:]:
            if level == 0:
                break
            children.append((level, title))
        assert children == _session_children(session), session.id


def test_sessions_open_on_a_right_hand_page(store: CorpusStore, participant_pdf: Pdf,
                                            trainer_pdf: Pdf) -> None:
    """Printed two-sided (the default), every session starts on an odd page."""
    for pdf in (participant_pdf, trainer_pdf):
        pages = {title: page for level, title, page in _outline(pdf) if level == 0}
        starts = [pages[typeset(session_line(s))] for s in store.sessions]
        assert all(page % 2 == 1 for page in starts), starts


def _toc(pdf: Pdf) -> list[tuple[str, int]]:
    """(entry, page) from the "Sommaire" page: text lines, a line of dots, the number."""
    lines = pdf.body_lines(1)
    assert lines[0] == "Sommaire"
    entries, text = [], []
    for i, line in enumerate(lines[1:], 1):
        if re.fullmatch(r"[ .]+", line):
            entries.append((" ".join(text), int(lines[i + 1])))
            text = []
        elif not (re.fullmatch(r"\d+", line) and re.fullmatch(r"[ .]+", lines[i - 1])):
            text.append(line.strip())
    return entries


def test_table_of_contents_lists_parts_and_agrees_with_pages_and_outline(
        store: CorpusStore, trainer_pdf: Pdf) -> None:
    toc = _toc(trainer_pdf)
    expected = ["À propos du Connecteur Recherche"]
    headings = {squash(expected[0]): expected[0]}
    for s in store.sessions:
        line = session_line(s)
        expected += [line, *(title for _, title in _session_children(s)[:-3])]
        headings[printed(line)] = s.title
    assert [squash(entry) for entry, _ in toc] == [printed(e) for e in expected]
    pages = [page for _, page in toc]
    assert pages == sorted(pages) and pages[0] == 3
    for entry, page in toc:
        heading = headings.get(squash(entry), entry)  # a theme's heading is its TOC line
        page_text = squash("\n".join(trainer_pdf.body_lines(page - 1)))
        assert printed(heading) in page_text, (entry, page)
    outline_pages = {title: page for level, title, page in _outline(trainer_pdf) if level == 0}
    by_entry = {squash(e): p for e, p in toc}
    for s in store.sessions:
        assert outline_pages[typeset(session_line(s))] == by_entry[printed(session_line(s))]


def test_table_of_contents_links_go_to_the_listed_pages(trainer_pdf: Pdf) -> None:
    reader = trainer_pdf.reader
    targets = set()
    for annot in reader.pages[1].get("/Annots", []):
        dest = annot.get_object().get("/Dest")
        if dest is not None:
            targets.add(reader.get_page_number(dest[0].get_object()) + 1)
    assert targets == {page for _, page in _toc(trainer_pdf)}


def test_footer_numbers_every_page_but_the_cover(participant_pdf: Pdf) -> None:
    total = len(participant_pdf.pages)
    assert total >= 25
    assert "page 1 /" not in participant_pdf.pages[0]
    for number in range(2, total + 1):
        assert f"page {number} / {total}" in participant_pdf.pages[number - 1]


def _fonts(pdf: Pdf) -> dict[str, bool]:
    """Every font used (pages and forms) → whether its TrueType program is embedded."""
    found: dict[str, bool] = {}

    def visit(resources) -> None:
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font) \
                .get("/FontDescriptor")
            found[str(font["/BaseFont"])] = descriptor is not None and \
                "/FontFile2" in descriptor.get_object()
        for xobject in (resources.get("/XObject") or {}).values():
            visit(xobject.get_object().get("/Resources"))

    for page in pdf.reader.pages:
        visit(page.get("/Resources"))
    return found


def test_every_font_is_an_embedded_dejavu(trainer_pdf: Pdf) -> None:
    fonts = _fonts(trainer_pdf)
    assert fonts and all(fonts.values()), fonts
    assert all("DejaVu" in name for name in fonts), fonts


def test_metadata_and_paper(store: CorpusStore, trainer_pdf: Pdf,
                            participant_pdf: Pdf) -> None:
    meta = trainer_pdf.reader.metadata
    assert meta.title == "Connecteur Recherche 2020"
    assert meta.author == "Camille Martin"
    assert "édition formateur·rice" in meta.subject
    keywords = meta["/Keywords"]
    assert "CNFPT" in keywords and all(s.title in keywords for s in store.sessions)
    assert participant_pdf.reader.metadata.author == AUTHOR
    assert trainer_pdf.reader.trailer["/Root"]["/Lang"] == "fr-FR"
    box = participant_pdf.reader.pages[3].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_participant_edition_has_no_personal_notes(participant_pdf: Pdf) -> None:
    for note in PRINTED_NOTES:
        assert printed(note) not in participant_pdf.squashed, note
    lines = {line.strip() for line in participant_pdf.body.split("\n")}
    assert not lines & set(NOTE_LABELS)
    assert "Notes sur des passages disparus" not in lines
    assert "PRISE DE NOTES" in lines  # but room to write


def test_trainer_edition_has_every_note(trainer_pdf: Pdf) -> None:
    for note in PRINTED_NOTES:
        assert printed(note) in trainer_pdf.squashed, note
    lines = {line.strip() for line in trainer_pdf.body.split("\n")}
    assert {"MA NOTE", "NOTE DU DOSSIER", "Notes sur des passages disparus"} <= lines
    assert len(NOTES) == 7


def test_highlights_only_in_trainer_edition(trainer_pdf: Pdf, participant_pdf: Pdf) -> None:
    green = re.compile(rb"\.8039\d*\s+\.9254\d*\s+\.8039\d*\s+rg")  # tint of "green"

    def page_with_highlight(pdf: Pdf) -> int:
        return next(i for i in range(len(pdf.pages))
                    if "Lienslatérauxaffaiblis" in squash(pdf.pages[i]))

    trainer_page = trainer_pdf.reader.pages[page_with_highlight(trainer_pdf)]
    assert green.search(trainer_page.get_contents().get_data())
    assert "affaiblis1(travail" in trainer_pdf.squashed  # the call of the highlight's note
    assert "affaiblis(travail" in participant_pdf.squashed
    for page in participant_pdf.reader.pages:
        assert not green.search(page.get_contents().get_data())


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_poppler_renders_the_pages(trainer_pdf: Pdf, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "5",
                    str(trainer_pdf.path), str(tmp_path / "page")], check=True,
                   capture_output=True, timeout=60)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == 5 and all(image.stat().st_size > 2000 for image in images)
