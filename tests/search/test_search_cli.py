"""``connecteur search`` as a user or a script runs it (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "connecteur"), "search", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=60, check=False)


def test_json_has_exactly_the_documented_shape() -> None:
    first = run("--json", "--limit", "3", "l'usager")
    assert first.returncode == 0, first.stderr
    assert "Construction de l'index de recherche" in first.stderr  # first use builds it
    data = json.loads(first.stdout)
    assert list(data) == ["query", "total", "suggestion", "facets", "hits"]
    assert data["query"] == "l'usager" and data["suggestion"] is None
    assert set(data["facets"]) == {"kind", "session"}
    assert len(data["hits"]) == 3 and data["total"] > 3
    hit = data["hits"][0]
    assert list(hit) == ["id", "kind", "date", "session", "text", "highlight", "score"]
    assert (hit["id"], hit["kind"], hit["date"], hit["session"]) == (
        "2020-05-20/s3/lead/05", "lead", "2020-05-20", 3)
    assert hit["highlight"].startswith("L’<mark>usager</mark>")
    assert isinstance(hit["score"], float)
    second = run("--json", "telettravail")  # the index now exists: nothing is rebuilt
    assert second.stderr == ""
    assert json.loads(second.stdout)["suggestion"] == "télétravail"


def test_human_output_kind_filter_and_notices() -> None:
    result = run("--kind", "intervenant", "--session", "2020-05-20/s1", "--limit", "2",
                 "gestion", '"de', "crise")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "1 résultat pour « gestion \"de crise »"  # only P.-H. Richard
    assert lines[2].startswith(" 1. Intervenant·e — Connecteur Recherche, 20 mai 2020, "
                               "session 1 — La gestion de crise")
    assert "«Gestion» de «crise»" in result.stdout and "<mark>" not in result.stdout
    assert "[2020-05-20/s1/speaker/05]" in result.stdout
    assert "Remarque : Guillemet non fermé" in result.stderr


def test_unknown_kind_is_a_french_error() -> None:
    result = run("--kind", "licorne", "crise")
    assert result.returncode == 1
    assert "Type inconnu : « licorne »" in result.stderr and "Traceback" not in result.stderr
