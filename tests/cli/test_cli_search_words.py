"""``connecteur search`` takes the query as the user types it: every word that is not one
of the command's own options is part of it, even one that starts with "-"."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from connecteur.corpus.text import fold

SCRIPT = Path(sys.executable).with_name("connecteur")


def search(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(SCRIPT), "search", *args], cwd=cwd, capture_output=True,
                            text=True, timeout=60, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def as_json(result: subprocess.CompletedProcess[str]) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_exclusions_the_readme_teaches(tmp_path: Path) -> None:
    everything = as_json(search("--json", "--limit", "200", "crise", cwd=tmp_path))
    without = as_json(search("--json", "--limit", "200", "crise", "-covid", cwd=tmp_path))
    assert without["query"] == "crise -covid"
    assert 0 < without["total"] < everything["total"]
    assert not [h["id"] for h in without["hits"] if "covid" in fold(h["text"])]
    first = as_json(search("--json", "--limit", "200", "-type:ressource", "crise", cwd=tmp_path))
    assert first["query"] == "-type:ressource crise"
    assert first["total"] == everything["total"] - everything["facets"]["kind"]["resource"]
    assert {h["kind"] for h in first["hits"]} <= {"session", "lead", "field_site", "speaker"}


def test_options_still_work_anywhere_and_double_dash_ends_them(tmp_path: Path) -> None:
    mixed = as_json(search("crise", "--json", "--limit", "2", "-hôpital", cwd=tmp_path))
    assert mixed["query"] == "crise -hôpital" and len(mixed["hits"]) == 2
    quoted = as_json(search("--json", "--limit=3", "--", "-covid", "crise", cwd=tmp_path))
    assert quoted["query"] == "-covid crise" and len(quoted["hits"]) == 3
    literal = search("--limit", "1", "--", "--json", "crise", cwd=tmp_path)
    assert literal.returncode == 0, literal.stderr
    assert "résultats pour « --json crise » (1 premier affiché" in literal.stdout  # not JSON


def test_a_missing_query_and_other_commands_extra_words_are_usage_errors(
        tmp_path: Path) -> None:
    empty = search("--json", cwd=tmp_path)
    assert empty.returncode == 2
    assert "arguments obligatoires manquants : REQUÊTE" in empty.stderr
    other = subprocess.run([str(SCRIPT), "stats", "-covid"], cwd=tmp_path, capture_output=True,
                           text=True, timeout=60, check=False)
    assert other.returncode == 2 and "arguments non reconnus : -covid" in other.stderr
    helped = search("-h", cwd=tmp_path)
    assert helped.returncode == 0 and "REQUÊTE" in helped.stdout and "-type:ressource" \
        in helped.stdout


def test_counts_are_real_french_plurals(tmp_path: Path) -> None:
    one = search("--limit", "1", "crise", cwd=tmp_path).stdout.splitlines()[0]
    assert one.endswith("résultats pour « crise » (1 premier affiché ; --limit pour en voir "
                        "plus)")
    two = search("--limit", "2", "crise", cwd=tmp_path).stdout.splitlines()[0]
    assert two.endswith("(2 premiers affichés ; --limit pour en voir plus)")


def test_a_kind_filter_with_no_match_shows_no_breakdown(tmp_path: Path) -> None:
    """The kind facet ignores the kind filter: for ``type:note`` without notes it would
    be the whole library's breakdown, which says nothing about these (zero) results."""
    out = search("type:note", cwd=tmp_path).stdout
    assert out.splitlines() == ["Aucun résultat pour « type:note »."]
    narrowed = search("--limit", "1", "type:piste", "crise", cwd=tmp_path).stdout
    assert "Par type" not in narrowed
    broad = search("--limit", "1", "crise", cwd=tmp_path).stdout
    assert broad.splitlines()[-1].startswith("Par type : 7 sessions, 90 pistes de réflexion")
