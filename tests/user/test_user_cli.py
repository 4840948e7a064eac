"""``connecteur import``, ``notes``, ``cite`` and ``folders``, through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
import rispy
from user_testing import LEAD_03, LEAD_04

from connecteur import paths
from connecteur.cli import main
from connecteur.store import CorpusStore, UserStore

FOLDER = "Manager en crise"


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def prepared(corpus_store: CorpusStore) -> None:
    with UserStore.open(corpus_store) as user:
        user.notes.add(LEAD_03, "question d'ouverture")
        user.notes.add(LEAD_04, "à relier au **cas Mulhouse**\n- point 1")
        user.folders.create(FOLDER, title="Manager en temps de crise", audience="DGS",
                            date="2026-03-12")
        user.folders.add_items(FOLDER, [LEAD_03, "2020-05-20/s1/resource/02", "2020-07-03/s2"])


def test_folders(capsys: pytest.CaptureFixture, prepared: None) -> None:
    code, out, _ = run(capsys, "folders")
    assert code == 0
    assert out == ("1 dossier de formation :\n  Manager en crise — 3 éléments · titre : "
                   "Manager en temps de crise · public : DGS · 12 mars 2026\n")


def test_no_folders_yet(capsys: pytest.CaptureFixture) -> None:
    assert run(capsys, "folders")[1] == "Aucun dossier de formation pour l'instant.\n"


def test_export_then_import_elsewhere(capsys: pytest.CaptureFixture, prepared: None,
                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "export.json"
    code, out, err = run(capsys, "notes", "export", "--format", "json", "-o", str(target))
    assert (code, out) == (0, "") and "Annotations exportées dans" in err
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "connecteur-annotations"
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "autre"))
    code, out, _ = run(capsys, "import", str(target))
    assert code == 0
    assert out.splitlines()[:3] == [
        f"Import de {target} :",
        "  Ajouté : 2 notes, 1 dossier, 3 éléments de dossier.",
        "  Déjà présent, ignoré : rien."]
    code, out, _ = run(capsys, "import", str(target))
    assert "Ajouté : rien." in out and "Déjà présent, ignoré : 2 notes" in out
    code, out, _ = run(capsys, "notes", "list")
    assert out.splitlines()[1].endswith("à relier au cas Mulhouse • point 1")


def test_folder_markdown_to_stdout(capsys: pytest.CaptureFixture, prepared: None) -> None:
    code, out, _ = run(capsys, "notes", "export", "--folder", "manager EN crise")
    assert code == 0 and out.startswith("# Dossier de formation : Manager en crise\n")
    assert f"(connecteur://{LEAD_03})" in out


def test_orphans_listed(capsys: pytest.CaptureFixture) -> None:
    assert run(capsys, "notes", "list", "--orphans")[1] == "Aucune annotation orpheline.\n"


def test_cite_each_scope(capsys: pytest.CaptureFixture, prepared: None, tmp_path: Path,
                         corpus_store: CorpusStore) -> None:
    code, out, _ = run(capsys, "cite")
    assert code == 0 and len(bibtexparser.parse_string(out).entries) == 89  # 85 bullets
    ris = tmp_path / "s1.ris"
    code, _, err = run(capsys, "cite", "--session", "connecteur://2020-05-20/s1", "--format",
                       "ris", "-o", str(ris))
    assert code == 0 and "9 ressources exportées (10 références)" in err
    assert len(rispy.loads(ris.read_text(encoding="utf-8"))) == 10
    code, out, _ = run(capsys, "cite", "--folder", FOLDER, "--format", "csl-json")
    session = corpus_store.get("2020-07-03/s2")
    expected = ["connecteur-2020-05-20-s1-resource-02"] + [
        "connecteur-" + r.id.replace("/", "-") for r in session.resources]
    assert [item["id"] for item in json.loads(out)] == expected  # folder order


@pytest.mark.parametrize(("argv", "message"), [
    (("cite", "--session", "2020-05-20/s1/lead/01"), "n'est pas une session"),
    (("cite", "--folder", "Inconnu"), "Aucun dossier ne s'appelle « Inconnu »"),
    (("notes", "export", "--folder", "Inconnu"), "Aucun dossier ne s'appelle"),
    (("import", "/nulle/part.json"), "n'existe pas"),
])
def test_errors_are_french_sentences(capsys: pytest.CaptureFixture, argv: tuple[str, ...],
                                     message: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == "" and message in err and "Traceback" not in err


def test_import_of_something_else(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    other = tmp_path / "bibliotheque.json"
    assert run(capsys, "export", "--format", "json", "-o", str(other))[0] == 0
    code, _, err = run(capsys, "import", str(other))
    assert code == 1
    assert "Ce fichier n'est pas un export d'annotations Connecteur." in err
