"""``connecteur search`` as a user or a script runs it (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "connecteur"), "search", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=60, check=False)


def test_json_has_exactly_the_documented_shape() -> None:
    first = run("--json", "--limit", "3", "l'usager")
    assert first.returncode == 0, first.stderr
    assert "Construction de l'index de recherche" in first.stderr  # first use builds it
    data = json.loads(first.stdout)
    # Issue 15 added "hidden" (results the filters hide) and, per hit, "matched_in"
    # and "match" (why and how well it matched), after the keys of 0.1.0.
    assert list(data) == ["query", "total", "suggestion", "facets", "hits", "hidden"]
    assert data["query"] == "l'usager" and data["suggestion"] is None
    assert set(data["facets"]) == {"kind", "session"}
    assert len(data["hits"]) == 3 and data["total"] > 3
    hit = data["hits"][0]
    assert list(hit) == ["id", "kind", "date", "session", "text", "highlight", "score",
                         "matched_in", "match"]
    assert (hit["matched_in"], hit["match"], data["hidden"]) == (["text"], "exact", {})
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


# --- issue 15: explanations, hidden results, tags, related items (in process) --------

def main_output(capsys, *argv: str) -> tuple[int, str, str]:
    from connecteur.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_human_output_explains_context_matches_and_hidden_results(capsys) -> None:
    code, out, _ = main_output(capsys, "search", "--limit", "11", '"gestion de crise"')
    assert code == 0
    blocks = out.split("\n\n")
    assert "(trouvé dans le titre de la session)" in blocks[10]  # the session itself
    assert "20 mai 2020, session 1" in blocks[11]
    assert "(trouvé dans la session « La gestion de crise », pas dans le texte)" in blocks[11]
    assert "Par type : 1 session, 23 pistes de réflexion, 1 terrain, 3 ressources, " \
           "1 intervenant·e." in out
    code, out, _ = main_output(capsys, "search", "--kind", "ressource", "décentralisation")
    assert out.splitlines()[0] == "Aucun résultat pour « décentralisation »."
    assert "3 résultats masqués par le filtre de type." in out
    code, out, _ = main_output(capsys, "search", "gouvernance")
    assert "‹gouvernement›" in out and "«gouvernance»" in out
    assert "‹ › : mot de la même famille que le mot cherché." in out


def test_tag_search_reads_the_users_tags(capsys, corpus_store) -> None:
    from connecteur.store import UserStore

    with UserStore.open(corpus_store) as user:
        user.tags.add("2020-05-20/s1/lead/03", "Séance 1")
    code, out, err = main_output(capsys, "search", "--json", 'tag:"séance 1"')
    assert code == 0, err
    assert [h["id"] for h in json.loads(out)["hits"]] == ["2020-05-20/s1/lead/03"]


def test_related_json_has_the_documented_shape(capsys) -> None:
    code, out, err = main_output(capsys, "related", "--json", "--limit", "3",
                                 "connecteur://2020-05-20/s1/lead/3")
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["id", "hits"] and data["id"] == "2020-05-20/s1/lead/03"
    assert len(data["hits"]) == 3
    assert all(list(h) == ["id", "kind", "date", "session", "text", "reason", "score"]
               for h in data["hits"])
    memory = next(h for h in data["hits"] if h["id"] == "2020-07-03/s1/field_site/05")
    assert (memory["kind"], memory["date"], memory["session"], memory["reason"]) == (
        "field_site", "2020-07-03", 1, "En commun : mémoire")


def test_related_human_output(capsys) -> None:
    code, out, _ = main_output(capsys, "related", "--limit", "2", "2020-05-20/s1/lead/03")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("2 éléments liés à « Problème de la mémoire des expertises")
    assert lines[0].endswith("[2020-05-20/s1/lead/03] :")
    assert "    En commun : mémoire" in lines and "    [2020-07-03/s1/field_site/05]" in lines
    assert "<mark>" not in out


@pytest.mark.parametrize(("argv", "message"), [
    (("2020-05-20/s9/lead/01",), "aucun élément ne porte cet identifiant"),
    (("n'importe quoi",), "identifiant mal formé"),
    (("2020-05-20",), "journée entière"),
    (("--limit", "0", "2020-05-20/s1"), "--limit doit être"),
])
def test_related_bad_input_is_one_french_sentence(capsys, argv, message: str) -> None:
    code, out, err = main_output(capsys, "related", *argv)
    assert code == 1 and out == ""
    assert message in err and "Traceback" not in err
