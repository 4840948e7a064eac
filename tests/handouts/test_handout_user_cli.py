"""``connecteur handout`` over the trainer's own data, as a user runs it: the installed
script in a subprocess, with the folders, stars and notes made through ``UserStore`` in
the test's CONNECTEUR_HOME."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from handout_pdfs import Pdf, printed, squash

from connecteur import paths
from connecteur.store import CorpusStore, UserStore

SCRIPT = Path(sys.executable).with_name("connecteur-cli")
FOLDER = "Manager en crise"
FOLDER_TITLE = "Manager en temps de crise"
# Folder order, not reading order.
ITEMS = ["2020-07-03/s2/lead/05", "2020-05-20/s1/resource/05", "2020-05-20/s1/lead/03"]
FOLDER_NOTE = "Lire avant la séance quinconce"  # words nowhere in the corpus
NOTE = "Question palimpseste pour ouvrir la matinée"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(SCRIPT), "handout", *args], cwd=cwd, capture_output=True,
                            text=True, env=dict(os.environ), timeout=120, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def prepared(store: CorpusStore) -> None:
    with UserStore.open(store) as user:
        user.folders.create(FOLDER, title=FOLDER_TITLE, audience="Cadres de santé",
                            date="2026-03-12")
        user.folders.add_items(FOLDER, ITEMS)
        user.folders.set_item_note(FOLDER, "2020-05-20/s1/resource/05", FOLDER_NOTE)
        user.notes.add("2020-05-20/s1/lead/03", NOTE)
        user.stars.star("2020-07-03/s1/lead/02")


def _start(store: CorpusStore, item_id: str) -> str:
    item = store.get(item_id)
    return printed(getattr(item, "body", None) or item.text)[:25]


@pytest.mark.usefixtures("prepared")
def test_folder_in_its_order_with_title_and_folder_note(store: CorpusStore,
                                                        tmp_path: Path) -> None:
    result = run("--folder", "manager EN CRISE", "--edition", "trainer", "-o", "dossier.pdf",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Support écrit : dossier.pdf (")
    pdf = Pdf(tmp_path / "dossier.pdf", FOLDER_TITLE)
    cover = squash(pdf.pages[0])
    assert squash(FOLDER_TITLE) in cover and "Cadresdesanté" in cover and "12mars2026" in cover
    positions = [pdf.squashed.find(_start(store, i)) for i in ITEMS]
    assert -1 not in positions and positions == sorted(positions)
    assert printed(FOLDER_NOTE) in pdf.squashed and printed(NOTE) in pdf.squashed
    assert pdf.reader.metadata.title == FOLDER_TITLE


@pytest.mark.usefixtures("prepared")
def test_participant_folder_and_favourites_carry_no_note(tmp_path: Path) -> None:
    assert run("--folder", FOLDER, "-o", "dossier.pdf", cwd=tmp_path).returncode == 0
    text = squash("".join(Pdf(tmp_path / "dossier.pdf", FOLDER_TITLE).pages))
    assert squash(FOLDER_TITLE) in text
    assert "quinconce" not in text and "palimpseste" not in text
    result = run("--favorites", "--title", "Pistes du jour", "-o", "favoris.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pdf = Pdf(tmp_path / "favoris.pdf", "Pistes du jour")
    assert "Pistesdujour" in squash(pdf.pages[0])


@pytest.mark.usefixtures("prepared")
def test_unknown_folder_lists_the_folders_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "dossier.pdf").write_bytes(b"ancien")
    result = run("--folder", "Accueil", "-o", "dossier.pdf", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == ("connecteur : Dossier inconnu : « Accueil ». Dossiers "
                             "existants : « Manager en crise ».\n")
    assert (tmp_path / "dossier.pdf").read_bytes() == b"ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.pdf"]


def test_without_a_user_database_nothing_is_created(store: CorpusStore, tmp_path: Path) -> None:
    result = run("--favorites", "-o", "favoris.pdf", cwd=tmp_path)
    assert result.returncode == 1 and "Aucun favori à imprimer." in result.stderr
    result = run("--session", "2020-05-20/s1", "--edition", "trainer", "-o", "s1.pdf",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not paths.user_db_path().exists()  # reading never leaves an empty database


def test_query_prints_the_results_in_reading_order(store: CorpusStore, tmp_path: Path) -> None:
    result = run("--query", "télétravail", "--paper", "letter", "-o", "recherche.pdf",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pdf = Pdf(tmp_path / "recherche.pdf", "« télétravail »")
    assert squash("« télétravail »") in squash(pdf.pages[0])
    # Every lead that says "télétravail" is printed, in reading order.
    leads = [lead for s in store.sessions for lead in s.leads if "télétravail" in lead.text]
    positions = [pdf.squashed.find(printed(lead.body)[:25]) for lead in leads]
    assert len(leads) >= 3 and -1 not in positions and positions == sorted(positions)
    assert [round(v) for v in pdf.reader.pages[0].mediabox[2:]] == [612, 792]
    empty = run("--query", "zzzqqq", "-o", "vide.pdf", cwd=tmp_path)
    assert empty.returncode == 1 and "Aucun résultat à imprimer pour « zzzqqq »" in empty.stderr
