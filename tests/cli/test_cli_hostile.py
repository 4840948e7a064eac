"""Hostile input through the real entry point: each gets one precise French sentence
(never "erreur inattendue", never a traceback), and nothing from the trainer's data
reaches the terminal as an escape sequence."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from connecteur import paths
from connecteur.cli import main
from connecteur.store import CorpusStore, UserStore

LEAD_03 = "2020-05-20/s1/lead/03"
STAMP = "2026-03-12T09:14:03.000000Z"
# Clear the screen, retitle the window, a clickable link (OSC 8), an 8-bit CSI, a
# carriage return that would overwrite the line, a bidi override.
ESCAPES = ("\x1b[2J\x1b]0;piège\x07\x1b]8;;https://evil.example\x1b\\Mettre à jour"
           "\x1b]8;;\x1b\\\x9b31m rouge\rcaché\u202eenrevers")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _clean(*texts: str) -> None:
    for text in texts:
        assert not CONTROL.search(text), repr(text)
        assert "Traceback" not in text and "erreur inattendue" not in text


@pytest.fixture
def hostile_import(tmp_path: Path, corpus_store: CorpusStore) -> Path:
    with UserStore.open(corpus_store, backup=False) as user:
        snap = user.catalogue.snapshot_of(LEAD_03)
    note = {"id": "n" * 32, "item_id": LEAD_03, "item_kind": "lead", "item_reference":
            snap.item_reference, "item_text": snap.item_text, "orphan": False,
            "body": f"note {ESCAPES} fin", "created": STAMP, "modified": STAMP}
    orphan = {**note, "id": "o" * 32, "item_id": "2020-05-20/s1/lead/99", "item_text":
              "texte disparu", "item_reference": f"ailleurs {ESCAPES}", "body": ESCAPES}
    folder = {"id": "f" * 32, "name": f"Dossier {ESCAPES}", "title": ESCAPES,
              "audience": ESCAPES, "date": "2026-03-12", "created": STAMP, "modified": STAMP,
              "entries": []}
    path = tmp_path / "piege.json"
    path.write_text(json.dumps({"format": "connecteur-annotations", "version": 1,
                                "notes": [note, orphan], "folders": [folder]}),
                    encoding="utf-8")
    return path


def test_escape_sequences_never_reach_the_terminal(capsys: pytest.CaptureFixture,
                                                   hostile_import: Path) -> None:
    code, out, err = run(capsys, "import", str(hostile_import))
    assert code == 0, err
    _clean(out, err)
    for argv in (("folders",), ("notes", "list"), ("notes", "list", "--orphans"),
                 ("notes", "export"), ("notes", "export", "--format", "json"),
                 ("search", "rouge"), ("search", "--json", "rouge")):
        code, out, err = run(capsys, *argv)
        assert code == 0, (argv, err)
        _clean(out, err)
        assert "Mettre à jour" in out or argv[0] == "search", argv  # the text stays
    code, out, _ = run(capsys, "folders")
    assert "  Dossier Mettre à jour rouge cachéenrevers — 0 élément · titre : Mettre à " \
           "jour rougecachéenrevers" in out  # whole sequences gone, not just their ESC
    code, out, _ = run(capsys, "notes", "export", "--format", "json")
    assert json.loads(out)["notes"][0]["body"] == f"note {ESCAPES} fin"  # exact for scripts


def test_dates_already_stored_badly_are_shown_as_they_are(capsys: pytest.CaptureFixture,
                                                          corpus_store: CorpusStore) -> None:
    with UserStore.open(corpus_store, backup=False) as user:
        user.notes.add(LEAD_03, "note mal datée")
        user.folders.create("Dossier mal daté")
    conn = sqlite3.connect(paths.user_db_path())
    with conn:
        conn.execute("UPDATE notes SET modified = 'pas une date'")
        conn.execute("UPDATE folders SET date = '99/99/9999'")
    conn.close()
    code, out, _ = run(capsys, "notes", "list")
    assert code == 0 and out == f"{LEAD_03}  (date illisible)  note mal datée\n"
    code, out, _ = run(capsys, "folders")
    assert code == 0 and "Dossier mal daté — 0 élément · 99/99/9999" in out
    assert run(capsys, "notes", "export")[0] == 0


RANK = "9" * 5000


@pytest.mark.parametrize(("argv", "code", "message"), [
    (("show", f"2020-05-20/s1/lead/{RANK}"), 1,
     "identifiant mal formé (un numéro de plus de 6 chiffres ne désigne aucun élément)"),
    (("show", f"connecteur://2020-05-20/s{RANK}"), 1, "un numéro de plus de 6 chiffres"),
    (("notes", "export", "--folder", "\udcff\udcfe"), 2,
     "l'argument « �� » n'est pas du texte UTF-8 valide"),
    (("show", "\x1b]0;titre\x07x"), 1, "« x » : identifiant mal formé."),
    (("import", "/dev/zero"), 1, "/dev/zero n'est pas un fichier ordinaire"),
])
def test_hostile_arguments_get_a_precise_sentence(capsys: pytest.CaptureFixture,
                                                  argv: tuple[str, ...], code: int,
                                                  message: str) -> None:
    got, out, err = run(capsys, *argv)
    assert (got, out) == (code, "")
    assert message in err and len(err) < 400
    _clean(err)


@pytest.mark.parametrize(("content", "message"), [
    ('{"format": "connecteur-annotations", "version": ' + "9" * 5000 + "}",
     "contient un nombre de plus de 4 300 chiffres"),
    ('{"format": "connecteur-annotations", "version": 1, "notes": [{"id": "\\ud800"}]}',
     r"notes[0].id contient un caractère invalide"),
])
def test_hostile_files_get_a_precise_sentence(capsys: pytest.CaptureFixture, tmp_path: Path,
                                              content: str, message: str) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "import", str(path))
    assert (code, out) == (1, "") and message in err
    _clean(err)


def test_a_query_nested_three_hundred_deep(capsys: pytest.CaptureFixture) -> None:
    code, out, err = run(capsys, "search", "--limit", "1", "(" * 300 + "crise" + ")" * 300)
    assert code == 0 and "résultats pour" in out
    assert "Parenthèses imbriquées sur plus de 10 niveaux : les plus profondes sont " \
           "ignorées." in err
    _clean(out, err)
