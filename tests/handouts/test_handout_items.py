"""Handouts of chosen items (a course folder), of sessions with parts missing, and the
request builders."""

from __future__ import annotations

import dataclasses

import pytest
from handout_pdfs import FOLDER_ITEMS, FOLDER_NOTES, LEAD_13, Pdf, build_pdf, printed, squash

from connecteur.corpus import Lead, Theme
from connecteur.errors import NotFoundError
from connecteur.handouts import (
    Annotations,
    HandoutError,
    HandoutRequest,
    ItemsSection,
    SessionSection,
    request_for_items,
    request_for_library,
    request_for_sessions,
)
from connecteur.handouts.markup import typeset
from connecteur.handouts.sections import session_line
from connecteur.store import CorpusStore


def _first_text(store: CorpusStore, item_id: str) -> str:
    item = store.get(item_id)
    if isinstance(item, Theme):
        return item.leads[0].body
    return item.body if isinstance(item, Lead) else item.text


def test_folder_keeps_the_chosen_order(store: CorpusStore, folder_pdf: Pdf) -> None:
    text = folder_pdf.squashed.replace("affaiblis1(", "affaiblis(")
    positions = [text.find(printed(_first_text(store, i))) for i in FOLDER_ITEMS]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_folder_items_sit_under_their_session_and_theme(store: CorpusStore,
                                                        folder_pdf: Pdf) -> None:
    lines = [line.strip() for line in folder_pdf.body.split("\n")]
    lead = store.get(LEAD_13)
    session = store.session_of(lead)
    kicker = "CONNECTEUR RECHERCHE · 20 MAI 2020 · SESSION 1"
    assert kicker in lines and session.title in lines
    after = lines[lines.index(kicker):]
    assert after[1] == session.title and lead.theme in after
    # a whole theme brings all its leads; only the groups present get a heading
    theme = store.get("2020-07-03/s2/theme/03")
    assert all(printed(x.body) in folder_pdf.squashed for x in theme.leads)
    assert "Ressources" in lines and "Intervenant·e·s" in lines
    assert "Terrains" not in lines and "Pistes de réflexion" not in lines


def test_folder_notes_cover_and_paper(folder_pdf: Pdf) -> None:
    assert all(printed(note) in folder_pdf.squashed for note in FOLDER_NOTES.values())
    cover = folder_pdf.pages[0]
    assert squash("Manager en crise — session de mars") in squash(cover)
    assert "12 mars 2026" in cover
    assert "7 éléments choisis dans 4 sessions" in cover
    box = folder_pdf.reader.pages[2].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # US Letter


def test_missing_parts_leave_no_heading(store: CorpusStore, tmp_path) -> None:
    session = store.get("2020-05-20/s2")
    bare = dataclasses.replace(session, field_sites=(), resources=(), speakers=())
    request = HandoutRequest(title="Sans terrains", sections=(SessionSection(bare),),
                             edition="trainer", writing_space=False)
    pdf = build_pdf(request, tmp_path / "bare.pdf")
    lines = {line.strip() for line in pdf.body.split("\n")}
    assert "Pistes de réflexion" in lines
    assert not lines & {"Terrains", "Ressources", "Intervenant·e·s", "MA NOTE", "MES NOTES",
                        "NOTE DU DOSSIER", "PRISE DE NOTES", "Notes sur des passages disparus"}
    assert not pdf.uris()
    titles = [entry.title for entry in pdf.reader.outline if not isinstance(entry, list)]
    assert titles == ["Sommaire", typeset(session_line(session))]


def test_request_for_sessions(store: CorpusStore) -> None:
    request = request_for_sessions(store, ["2020-07-03/s2", "connecteur://2020-05-20/s1",
                                           "2020-07-03/s2"], edition="trainer",
                                   paper="letter", trainer_name="  Camille  ")
    assert [s.session.id for s in request.sections] == ["2020-07-03/s2", "2020-05-20/s1"]
    assert request.title == "Connecteur Recherche 2020"
    assert request.subtitle == "2 sessions du Connecteur Recherche des 3 juillet et 20 mai 2020"
    assert (request.edition, request.paper, request.trainer_name) == \
        ("trainer", "letter", "Camille")
    single = request_for_sessions(store, ["2020-05-20/s1"], date="")
    assert single.title == "La gestion de crise" and single.date == ""
    assert single.subtitle == "Connecteur Recherche du 20 mai 2020 — session 1"
    event = request_for_sessions(store, ["2020-07-03"])
    assert [s.session.number for s in event.sections] == [1, 2, 3]


def test_request_errors_are_french(store: CorpusStore) -> None:
    with pytest.raises(NotFoundError, match="aucun élément"):
        request_for_sessions(store, ["2020-05-20/s9"])
    with pytest.raises(HandoutError, match="n'est pas une session"):
        request_for_sessions(store, ["2020-05-20/s1/lead/01"])
    with pytest.raises(HandoutError, match="Rien à imprimer"):
        request_for_sessions(store, [])
    with pytest.raises(HandoutError, match="Rien à imprimer"):
        request_for_items(store, [], "Dossier vide")
    with pytest.raises(HandoutError, match="Édition inconnue"):
        request_for_library(store, edition="formateur")
    with pytest.raises(HandoutError, match="papier inconnu"):
        request_for_library(store, paper="a5")
    with pytest.raises(HandoutError, match="Rien à imprimer"):
        HandoutRequest(title="x", sections=(ItemsSection(()),))


def test_request_for_items_groups_runs_and_whole_sessions(store: CorpusStore) -> None:
    request = request_for_items(
        store, ["2020-05-20/s1/lead/02", "2020-05-20/s1/lead/01", "2020-07-03/s1",
                "2020-05-20/s4/field_site/01", "2020-05-20/s1/lead/02"],
        "Favoris", annotations=Annotations(notes={"2020-05-20/s1/lead/01": ["n"]}))
    kinds = [type(s).__name__ for s in request.sections]
    assert kinds == ["ItemsSection", "SessionSection", "ItemsSection"]
    assert [e.item.id for e in request.sections[0].entries] == \
        ["2020-05-20/s1/lead/02", "2020-05-20/s1/lead/01"]
    assert request.sections[2].entries[0].session.id == "2020-05-20/s4"
    assert [s.id for s in request.sessions()] == ["2020-05-20/s1", "2020-07-03/s1",
                                                   "2020-05-20/s4"]
    assert request.subtitle == "" and request.edition == "participant"
