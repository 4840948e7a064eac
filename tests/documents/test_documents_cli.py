"""``connecteur import FILE`` (a document or an annotation export, told apart by
content), ``--dry-run``, ``--replace``, ``remove-document`` and ``documents``; and the
imported document through the other commands at once (stats, show, search, export,
cite)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from connecteur.cli import main
from connecteur.store import CorpusStore, UserStore


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def table(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(("2020-", "Total", "Date"))]


def test_dry_run_then_import_report_the_same_counts(files: dict[str, Path],
                                                   isolated_home: Path,
                                                   capsys: pytest.CaptureFixture) -> None:
    code, dry, _ = run(capsys, "import", "--dry-run", str(files["pdf"]))
    assert code == 0 and list(isolated_home.iterdir()) == []
    assert "Document : synthese-octobre.pdf (PDF," in dry
    assert "Journées : 9 octobre 2020 (2 sessions)" in dry
    assert "Rien n'a été écrit (--dry-run)." in dry
    rows = table(dry)
    assert rows[1].split()[:2] == ["2020-10-09", "1"] and rows[1].split()[-6:] == [
        "6", "16", "3", "9", "8", "5"]
    assert rows[-1].split()[1:] == ["11", "36", "8", "19", "18", "10"]
    code, report, _ = run(capsys, "import", str(files["pdf"]))
    assert code == 0 and table(report) == rows
    assert ("Ajouté à la bibliothèque : 1 journée, 2 sessions, 36 pistes, 8 terrains, "
            "19 ressources, 10 intervenant·e·s.") in report
    code, again, _ = run(capsys, "import", str(files["text"]))
    assert "à l'identique : rien n'a changé" in again


def test_the_imported_document_in_every_command(files: dict[str, Path],
                                                capsys: pytest.CaptureFixture) -> None:
    run(capsys, "import", str(files["text"]))
    _, out, _ = run(capsys, "stats")
    assert "Bibliothèque — 3 journées, 9 sessions (dont 1 document importé)" in out
    _, out, _ = run(capsys, "documents")
    assert "2020-10-09  synthese-octobre.txt — 9 octobre 2020 — 2 sessions" in out
    _, out, _ = run(capsys, "show", "connecteur://2020-10-09/s2/speaker/01")
    assert out.startswith("Connecteur Recherche, 9 octobre 2020, session 2 — Organisation "
                          "territoriale et démocratie")
    _, out, _ = run(capsys, "search", "--json", "--kind", "intervenant", "Blondiaux")
    assert {hit["date"] for hit in json.loads(out)["hits"]} == {"2020-07-03", "2020-10-09"}
    _, out, _ = run(capsys, "export", "--format", "json")
    assert [e["id"] for e in json.loads(out)["events"]] == ["2020-05-20", "2020-07-03",
                                                            "2020-10-09"]
    _, out, _ = run(capsys, "cite", "--session", "2020-10-09/s1", "--format", "csl-json")
    assert len(json.loads(out)) == 10  # 9 resources, one of them holding two references


def test_conflict_replace_and_removal(files: dict[str, Path],
                                     capsys: pytest.CaptureFixture) -> None:
    run(capsys, "import", str(files["pdf"]))
    code, _, err = run(capsys, "import", str(files["corrected"]))
    assert code == 1
    assert "la journée du 9 octobre 2020 est déjà dans la bibliothèque" in err
    assert "recommencez avec --replace" in err
    code, out, _ = run(capsys, "import", "--replace", str(files["corrected"]))
    assert code == 0 and "Remplace le document « synthese-octobre.pdf »" in out
    with UserStore.open(CorpusStore.open()) as user:
        user.notes.add("2020-10-09/s2/lead/01", "à lire avant la séance")
    code, out, _ = run(capsys, "remove-document", "2020-10-09")
    assert code == 0 and "Document retiré : « synthese-octobre-corrigee.pdf »" in out
    assert "1 annotation devenue orpheline" in out
    code, _, err = run(capsys, "remove-document", "2020-05-20")
    assert code == 1 and "fait partie du corpus livré" in err
    _, out, _ = run(capsys, "notes", "list", "--orphans")
    assert "à lire avant la séance" in out


def test_an_annotation_export_is_still_merged(tmp_path: Path, corpus_store: CorpusStore,
                                              capsys: pytest.CaptureFixture) -> None:
    with UserStore.open(corpus_store) as user:
        user.notes.add("2020-05-20/s1/lead/03", "question d'ouverture")
        exported = user.export_to(tmp_path / "notes.json")
    code, _, err = run(capsys, "import", "--dry-run", str(exported))
    assert code == 1 and "s'appliquent aux documents" in err
    code, out, _ = run(capsys, "import", str(exported))
    assert code == 0 and "Déjà présent, ignoré : 1 note." in out


def test_the_installed_command(files: dict[str, Path], isolated_home: Path) -> None:
    script = Path(sys.executable).with_name("connecteur")
    result = subprocess.run([str(script), "import", "--dry-run", str(files["text"])],
                            capture_output=True, text=True, timeout=60, check=False,
                            env={**os.environ, "CONNECTEUR_HOME": str(isolated_home)})
    assert result.returncode == 0, result.stderr
    assert "Document : synthese-octobre.txt (texte utf-8)" in result.stdout
