"""A course folder scripted from the shell (``folders create``, ``folders add``, ``star``,
``note``), then printed and exported from what those commands wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from connecteur.cli import main
from connecteur.store import CorpusStore, UserStore

FOLDER = "Manager en crise"
LEAD_03, LEAD_04, SESSION = "2020-05-20/s1/lead/03", "2020-05-20/s1/lead/04", "2020-07-03/s2"


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_folder_from_nothing_to_a_trainer_handout(capsys: pytest.CaptureFixture,
                                                    corpus_store: CorpusStore,
                                                    tmp_path: Path) -> None:
    assert run(capsys, "folders")[1] == "Aucun dossier de formation pour l'instant.\n"
    assert run(capsys, "folders", "create", FOLDER, "--title", "Manager en temps de crise",
               "--audience", "Encadrant·e·s", "--date", "12/03/2026") == \
        (0, f"Dossier « {FOLDER} » créé.\n", "")
    code, out, _ = run(capsys, "folders", "add", "manager EN crise", LEAD_03,
                       f"connecteur://{LEAD_04}", SESSION)
    assert (code, out) == (0, "3 éléments ajoutés au dossier « Manager en crise » "
                              "(3 éléments en tout).\n")
    assert run(capsys, "star", LEAD_03, LEAD_04)[0] == 0
    assert run(capsys, "star", "--remove", LEAD_04)[1].startswith(
        f"Retiré des favoris : {LEAD_04} (1 favori en tout)")
    code, out, _ = run(capsys, "note", LEAD_03, "question d'ouverture : **Mulhouse**")
    assert code == 0 and out.startswith(f"Note ajoutée sous {LEAD_03} (Connecteur Recherche, "
                                        "20 mai 2020, session 1")
    with UserStore.open(corpus_store, backup=False) as user:
        assert user.folders.item_ids(FOLDER) == [LEAD_03, LEAD_04, SESSION]
        folder = user.folders.require(FOLDER)
        assert (folder.title, folder.audience, folder.date) == (
            "Manager en temps de crise", "Encadrant·e·s", "2026-03-12")
        assert user.stars.item_ids() == [LEAD_03]
        assert [n.body for n in user.notes.for_item(LEAD_03)] == [
            "question d'ouverture : **Mulhouse**"]
    pdf = tmp_path / "dossier.pdf"
    assert run(capsys, "handout", "--folder", FOLDER, "--edition", "trainer",
               "-o", str(pdf))[0] == 0
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    # (printed with the typographic apostrophe)
    assert "Manager en temps de crise" in text and "question d’ouverture" in text
    code, out, _ = run(capsys, "notes", "export", "--folder", FOLDER)
    assert code == 0 and "question d'ouverture" in out


def test_bad_input_writes_nothing(capsys: pytest.CaptureFixture,
                                  corpus_store: CorpusStore) -> None:
    run(capsys, "folders", "create", FOLDER)
    code, _, err = run(capsys, "folders", "add", FOLDER, LEAD_03, "2020-05-20/s1/lead/99")
    assert code == 1 and "« 2020-05-20/s1/lead/99 » : aucun élément ne porte cet " \
        "identifiant." in err
    code, _, err = run(capsys, "star", LEAD_03, "pas-un-id")
    assert code == 1 and "identifiant mal formé" in err
    code, _, err = run(capsys, "folders", "create", "manager en CRISE")
    assert code == 1 and "Un dossier s'appelle déjà « Manager en crise »" in err
    code, _, err = run(capsys, "note", LEAD_03, "   ")
    assert code == 1 and "La note est vide." in err
    code, _, err = run(capsys, "folders", "create", "Autre", "--date", "31/02/2026")
    assert code == 1 and "Date invalide : « 31/02/2026 »" in err
    with UserStore.open(corpus_store, backup=False) as user:
        assert [f.name for f in user.folders.list()] == [FOLDER]
        assert user.folders.item_ids(FOLDER) == []
        assert user.stars.list() == [] and user.notes.all() == []


def test_names_from_the_database_cannot_drive_the_terminal(capsys: pytest.CaptureFixture,
                                                           corpus_store: CorpusStore) -> None:
    """A folder name can come from an imported file: its escape sequences and
    direction overrides are removed, never obeyed."""
    with UserStore.open(corpus_store, backup=False) as user:
        user.folders.create("Piège\x1b[2J\u202e", title="titre\x07")
    out = run(capsys, "folders")[1]
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "Piège — 0 élément · titre : titre" in out
