"""``connecteur handout`` as a user runs it: the installed script, in a subprocess."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from handout_pdfs import Pdf, printed, squash

from connecteur.store import CorpusStore

SCRIPT = Path(sys.executable).with_name("connecteur-cli")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(SCRIPT), "handout", *args], cwd=cwd, capture_output=True,
                            text=True, env=dict(os.environ), timeout=120, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_prints_sessions_and_says_where(store: CorpusStore, tmp_path: Path) -> None:
    result = run("--session", "2020-05-20/s4", "--session", "2020-07-03/s1", "--edition",
                 "trainer", "--paper", "letter", "--title", "Inclusion & démocratie",
                 "--trainer", "Camille Martin", "--date", "2026-03-12", "-o", "support.pdf",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    match = re.fullmatch(r"Support écrit : support\.pdf \((\d+) pages, édition "
                         r"formateur·rice, US Letter\)\.\n", result.stdout)
    assert match, result.stdout
    pdf = Pdf(tmp_path / "support.pdf", "Inclusion & démocratie")
    assert len(pdf.pages) == int(match[1])
    cover = squash(pdf.pages[0])
    assert squash("Inclusion & démocratie") in cover and "CamilleMartin" in cover
    assert "12mars2026" in cover
    for sid in ("2020-05-20/s4", "2020-07-03/s1"):
        assert printed(store.get(sid).introduction) in pdf.squashed
    assert printed(store.get("2020-05-20/s1").introduction) not in pdf.squashed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["support.pdf"]


@pytest.mark.parametrize(("args", "message"), [
    (["--session", "2020-05-20/s9"], "« 2020-05-20/s9 » : aucun élément ne porte cet "
                                     "identifiant"),
    (["--session", "2020-05-20/s1/lead/02"], "n'est pas une session"),
    ([], "Rien à imprimer"),
    (["--all", "--session", "2020-05-20/s1"], "une seule source"),
    (["--folder", "Manager en crise"], "dossier inconnu : « Manager en crise »"),
])
def test_errors_are_french_and_leave_the_old_file(args: list[str], message: str,
                                                  tmp_path: Path) -> None:
    (tmp_path / "support.pdf").write_bytes(b"ancien")
    result = run(*args, "-o", "support.pdf", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("connecteur : ")
    assert message.lower() in result.stderr.lower(), result.stderr
    assert (tmp_path / "support.pdf").read_bytes() == b"ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["support.pdf"]


@pytest.mark.parametrize(("target", "message"), [
    ("absent/support.pdf", "Le dossier absent n'existe pas."),
    (".", "est un dossier"),
])
def test_unwritable_output(target: str, message: str, tmp_path: Path) -> None:
    result = run("--all", "-o", target, cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []
