"""The command line as a user runs it: the installed `connecteur` script, in a
subprocess, from a folder that is not the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import connecteur
from connecteur import paths
from connecteur.corpus import Library

SCRIPT = Path(sys.executable).with_name("connecteur")


def run(*args: str, cwd: Path, env: dict[str, str] | None = None,
        check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, **(env or {})}, timeout=60, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    folder = tmp_path / "ailleurs"
    folder.mkdir()
    return folder


def test_version(elsewhere: Path) -> None:
    assert run("--version", cwd=elsewhere).stdout.strip() == f"connecteur {connecteur.__version__}"


def test_stats(elsewhere: Path) -> None:
    out = run("stats", cwd=elsewhere).stdout
    assert "2 journées, 7 sessions" in out
    total = next(line for line in out.splitlines() if line.startswith("Total"))
    assert total.split()[1:] == ["36", "125", "39", "85", "96", "43"]
    data = json.loads(run("stats", "--json", "--warnings", cwd=elsewhere).stdout)
    assert [s["leads"] for s in data["sessions"]] == [16, 15, 14, 15, 20, 21, 24]
    assert len(data["warnings"]) == 3
    warned = run("stats", "--warnings", cwd=elsewhere).stdout
    assert "ligne 41 : mot peut-être coupé par une espace : « C ela » (gardé tel quel)" in warned
    assert "caractère inattendu « ₁ » collé à l'adresse" in warned


def test_show(elsewhere: Path) -> None:
    out = run("show", "2020-05-20/s1/lead/13", cwd=elsewhere).stdout
    assert out.startswith("Connecteur Recherche, 20 mai 2020, session 1 — La gestion de crise")
    assert "Piste de réflexion — Capacitation et numérique" in out
    assert "- Liens latéraux affaiblis (travail de soi à soi)." in out
    out = run("show", "connecteur://2020-05-20/s2/resource/18", cwd=elsewhere).stdout
    assert "proximites_6038581_4811534.html#xtor=AL-32280270" in out


def test_export_json_shape(elsewhere: Path, library: Library) -> None:
    data = json.loads(run("export", "--format", "json", cwd=elsewhere).stdout)
    assert list(data) == ["format", "version", "documents", "events"]
    assert (data["format"], data["version"]) == ("connecteur-library", 1)
    event = data["events"][0]
    assert list(event) == ["id", "date", "title", "sessions"]
    session = event["sessions"][0]
    assert list(session) == ["id", "number", "title", "introduction", "speakers", "leads",
                             "field_sites", "resources", "themes"]
    assert list(session["speakers"][0]) == ["id", "name", "affiliation"]
    assert list(session["leads"][0]) == ["id", "part", "theme", "text", "theme_id"]
    assert list(session["field_sites"][0]) == ["id", "text", "urls"]
    assert list(session["resources"][0]) == ["id", "text", "urls"]
    assert session["leads"][0]["part"] is None
    counts = [(len(s["leads"]), len(s["field_sites"]), len(s["resources"]), len(s["speakers"]))
              for e in data["events"] for s in e["sessions"]]
    assert counts == [(len(s.leads), len(s.field_sites), len(s.resources), len(s.speakers))
                      for s in library.sessions]


def test_export_to_file_and_markdown(elsewhere: Path) -> None:
    run("export", "--format", "markdown", "-o", "corpus.md", cwd=elsewhere)
    text = (elsewhere / "corpus.md").read_text(encoding="utf-8")
    assert text.startswith("# À propos du Connecteur Recherche")
    assert "## Session 3 – Les apprentissages en situation de crise" in text
    assert "<https://www.youtube.com/watch?v=Hzedc3eSRHA&feature=youtu.be>" in text


def test_build_elsewhere(elsewhere: Path) -> None:
    out = run("build", "-o", "copie.db", cwd=elsewhere).stdout
    assert "125 pistes" in out and "ligne 605" in out
    shown = run("--db", str(elsewhere / "copie.db"), "show", "2020-07-03/s3", cwd=elsewhere)
    assert "LES PISTES APRÈS LA CRISE › Mettre en capacité" in shown.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("--db", "absente.db", "stats"), "La base du corpus est introuvable"),
    (("show", "2020-05-20/s1/lead/99"), "aucun élément ne porte cet identifiant"),
    (("show", "pas-un-id"), "identifiant mal formé"),
    (("build", "--corpus", "absent.txt", "-o", "x.db"), "Le texte du corpus est introuvable"),
    (("build", "--corpus", "latin1.txt", "-o", "x.db"), "n'est pas en UTF-8"),
    (("build", "--corpus", "autre.txt", "-o", "x.db"), "n'est pas un compte rendu du Connecteur"),
    (("export", "-o", "bloque/sous/x.json"), "Impossible d'écrire"),
    (("export", "-o", "/proc/x.json"), "Impossible d'écrire"),
])
def test_errors_are_one_french_sentence(elsewhere: Path, args: tuple[str, ...],
                                        message: str) -> None:
    (elsewhere / "latin1.txt").write_bytes("Journée Recherche".encode("latin-1"))
    (elsewhere / "autre.txt").write_text("Une liste de courses.\n", encoding="utf-8")
    (elsewhere / "bloque").write_text("un fichier, pas un dossier")
    result = run(*args, cwd=elsewhere, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("connecteur : ")
    assert message in result.stderr
    assert sorted(p.name for p in elsewhere.iterdir()) == ["autre.txt", "bloque", "latin1.txt"]


def test_usage_errors_in_french(elsewhere: Path) -> None:
    result = run("show", cwd=elsewhere, check=False)
    assert result.returncode == 2
    assert "arguments obligatoires manquants" in result.stderr


def test_connecteur_home_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONNECTEUR_HOME", str(tmp_path / "maison"))
    assert paths.data_dir() == tmp_path / "maison"
    assert paths.user_db_path().parent == tmp_path / "maison"
    assert paths.index_dir().is_relative_to(tmp_path / "maison")
    assert paths.logs_dir().is_relative_to(tmp_path / "maison")
    monkeypatch.delenv("CONNECTEUR_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert paths.data_dir() == tmp_path / "xdg" / "CNFPT" / "Connecteur"


def test_help_and_usage_errors_are_french(elsewhere: Path) -> None:
    helped = run("--help", cwd=elsewhere).stdout
    assert helped.startswith("utilisation : connecteur")
    assert "affiche cette aide et quitte" in helped and "show this help" not in helped
    for command in ("stats", "show", "export", "build", "search", "handout", "import", "notes",
                    "cite", "folders"):
        assert command in helped
    wrong = run("export", "--format", "xml", cwd=elsewhere, check=False)
    assert wrong.returncode == 2
    assert "choix invalide : 'xml' (choisir parmi 'json', 'markdown')" in wrong.stderr
