"""Handouts from the trainer's own data (``handouts.user_requests``): a course folder in
its order with its cover and folder notes, the favourites, search results, and the
trainer's notes and highlights read from a real user database — printed, then read
back with pypdf."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from handout_pdfs import Pdf, build_pdf, printed, squash

from connecteur import paths
from connecteur.corpus import Lead, parse_text, read_corpus_text
from connecteur.handouts import HandoutError, render_html, request_for_sessions
from connecteur.handouts.user_requests import (
    FAVOURITES_TITLE,
    reading_order,
    request_for_favourites,
    request_for_folder,
    request_for_results,
    with_trainer_material,
)
from connecteur.store import CorpusStore, UserStore, build_database

# In the folder's order, which is not the reading order (a July lead comes first).
FOLDER_ITEMS = ["2020-07-03/s2/lead/05", "2020-05-20/s1/lead/03", "2020-05-20/s4/resource/01"]
LEAD_03 = "2020-05-20/s1/lead/03"
LEAD_03_START = "Problème de la mémoire des expertises passées"
# Words found nowhere in the corpus (checked below): seeing them printed means the note was.
NOTE = "Question palimpseste pour ouvrir la matinée"
FOLDER_NOTE = "Lire avant la séance quinconce"
HIGHLIGHT_NOTE = "Passage zinzolin à lire à voix haute"
TAGS = ("fil rouge hurluberlu", "Ouverture carabistouille")  # as printed: alphabetically
MARKERS = ("palimpseste", "quinconce", "zinzolin", "hurluberlu", "carabistouille")


@pytest.fixture
def user(store: CorpusStore) -> Iterator[UserStore]:
    opened = UserStore.open(store)
    yield opened
    opened.close()


@pytest.fixture
def folder(user: UserStore) -> str:
    user.folders.create("Manager en crise", title="Manager en temps de crise",
                        audience="Encadrant·e·s de proximité", date="12/03/2026")
    user.folders.add_items("Manager en crise", FOLDER_ITEMS)
    user.folders.set_item_note("Manager en crise", LEAD_03, FOLDER_NOTE)
    user.notes.add(LEAD_03, NOTE)
    lead = user.corpus.get("2020-07-03/s2/lead/05")
    user.highlights.add(lead.id, 0, 30, "green", HIGHLIGHT_NOTE)
    for tag in reversed(TAGS):
        user.tags.add(LEAD_03, tag)
    return "Manager en crise"


def _first_words(store: CorpusStore, item_id: str) -> str:
    item = store.get(item_id)
    return printed(item.body if isinstance(item, Lead) else item.text)[:20]


def test_markers_are_not_in_the_corpus() -> None:
    text = read_corpus_text(paths.corpus_text_path()).lower()
    assert not [m for m in MARKERS if m in text]


def test_trainer_folder_in_its_order_with_cover_and_notes(store: CorpusStore, user: UserStore,
                                                          folder: str, tmp_path: Path) -> None:
    request = request_for_folder(user, "MANAGER en crise", edition="trainer")
    pdf = build_pdf(request, tmp_path / "dossier.pdf")
    cover = squash(pdf.pages[0])
    assert squash("Manager en temps de crise") in cover
    assert squash("Encadrant·e·s de proximité") in cover and "12mars2026" in cover
    positions = [pdf.squashed.find(_first_words(store, i)) for i in FOLDER_ITEMS]
    assert -1 not in positions and positions == sorted(positions)
    for text in (NOTE, FOLDER_NOTE, HIGHLIGHT_NOTE):
        assert printed(text) in pdf.squashed, text


def test_trainer_edition_prints_the_tags_under_their_item(store: CorpusStore, user: UserStore,
                                                         folder: str, tmp_path: Path) -> None:
    request = request_for_folder(user, folder, edition="trainer")
    assert request.annotations.tags_on(LEAD_03) == list(TAGS)
    pdf = build_pdf(request, tmp_path / "dossier.pdf")
    line = printed("Étiquettes : " + " · ".join(TAGS))
    assert pdf.squashed.count(line) == 1
    # under its own item: after the lead's text, before the next item's
    lead = pdf.squashed.find(_first_words(store, LEAD_03))
    following = pdf.squashed.find(_first_words(store, FOLDER_ITEMS[2]))
    assert lead < pdf.squashed.find(line) < following
    page = render_html(request)
    assert page.count('<p class="tags">') == 1
    assert "fil rouge hurluberlu · Ouverture carabistouille" in page


def test_participant_folder_has_no_personal_text(user: UserStore, folder: str,
                                                 tmp_path: Path) -> None:
    request = request_for_folder(user, folder, date="", audience="Agents d'accueil")
    assert not request.annotations
    pdf = build_pdf(request, tmp_path / "dossier.pdf")
    assert printed("Agents d'accueil") in squash(pdf.pages[0])
    assert "12mars2026" not in squash(pdf.pages[0])  # "" means: no date
    everything = squash("".join(pdf.pages)).lower()
    assert not [m for m in MARKERS if m in everything]


def test_unknown_or_empty_folder_is_a_french_error(user: UserStore, folder: str) -> None:
    with pytest.raises(HandoutError) as unknown:
        request_for_folder(user, "Accueil")
    assert str(unknown.value) == ("Dossier inconnu : « Accueil ». Dossiers existants : "
                                  "« Manager en crise ».")
    user.folders.create("Vide")
    with pytest.raises(HandoutError, match="Le dossier « Vide » est vide"):
        request_for_folder(user, "vide")


def test_favourites_in_reading_order(store: CorpusStore, user: UserStore) -> None:
    with pytest.raises(HandoutError, match="Aucun favori"):
        request_for_favourites(user)
    for item_id in ("2020-07-03/s1/lead/02", "2020-05-20/s2/lead/01"):  # newest last
        user.stars.star(item_id)
    request = request_for_favourites(user)
    assert request.title == FAVOURITES_TITLE
    listed = [e.item.id for s in request.sections for e in s.entries]
    assert listed == ["2020-05-20/s2/lead/01", "2020-07-03/s1/lead/02"]


def test_results_in_reading_order_once_each(store: CorpusStore) -> None:
    ids = ["2020-07-03/s2/lead/05", "2020-05-20/s1/lead/03", "2020-07-03/s2/lead/05",
           "2020-05-20/s1/lead/99"]  # a duplicate, and an item that does not exist
    assert reading_order(store, ids) == ["2020-05-20/s1/lead/03", "2020-07-03/s2/lead/05"]
    request = request_for_results(store, " télétravail ", ids)
    assert request.title == "« télétravail »"
    with pytest.raises(HandoutError, match="Aucun résultat à imprimer pour « rien »"):
        request_for_results(store, "rien", [])


def test_trainer_material_only_in_trainer_edition(store: CorpusStore, user: UserStore,
                                                  folder: str) -> None:
    participant = with_trainer_material(request_for_sessions(store, ["2020-05-20/s1"]), user)
    assert not participant.annotations
    trainer = with_trainer_material(
        request_for_sessions(store, ["2020-05-20/s1"], edition="trainer"), user)
    assert trainer.annotations.notes_on(LEAD_03) == [NOTE]
    assert trainer.annotations.folder_notes == {}  # no folder asked: no folder notes


def test_a_note_whose_passage_disappeared_is_still_printed(store: CorpusStore, tmp_path: Path
                                                           ) -> None:
    with UserStore.open(store) as user:
        user.notes.add(LEAD_03, NOTE)
    text = read_corpus_text(paths.corpus_text_path())
    start = text.index("→ Problème de la mémoire")
    end = text.index("exploitée\u00a0?", start) + len("exploitée\u00a0?\n")
    changed = text[:start] + text[end:]
    build_database(parse_text(changed), changed, tmp_path / "corrige.db")
    corrected = CorpusStore.open(tmp_path / "corrige.db")
    with UserStore.open(corrected) as user:
        assert [o.text for o in user.orphans()] == [NOTE]
        request = with_trainer_material(
            request_for_sessions(corrected, ["2020-05-20/s1"], edition="trainer"), user)
    pdf: Pdf = build_pdf(request, tmp_path / "s1.pdf")
    heading = pdf.squashed.rfind(squash("Notes sur des passages disparus"))
    note = pdf.squashed.find(printed(f"« {LEAD_03_START}"))
    assert 0 <= heading < note < pdf.squashed.find(printed(NOTE))  # after the session, quoted
    assert pdf.squashed.count(printed(NOTE)) == 1  # not also under the lead now numbered 03
