"""Hostile or broken import files: each refused at once with a precise French sentence,
nothing written; IDs that could carry markup or break a link are re-issued."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import threading
from pathlib import Path

import pytest
from user_testing import LEAD_03, STAMP, notes_export

from connecteur.store import UserInputError, UserStore
from connecteur.store.user.import_checks import ID_ALPHABET, MAX_IMPORT_BYTES


def _within(seconds: float, call) -> object:
    """``call()`` in a thread (its result, or its exception raised here); fails when it
    has not returned after ``seconds``."""
    outcome: list = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # handed back to the test
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def _snapshots(user: UserStore) -> list:
    return [user.catalogue.snapshot_of(LEAD_03)]


def test_a_fifo_is_refused_without_waiting_for_a_writer(user: UserStore,
                                                         tmp_path: Path) -> None:
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)
    try:
        with pytest.raises(UserInputError, match="n'est pas un fichier ordinaire"):
            _within(5, lambda: user.import_document(fifo))
    finally:  # a reader still waiting for a writer (as before the fix) gets end of file
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def test_dev_zero_is_refused_before_reading(user: UserStore) -> None:
    with pytest.raises(UserInputError) as caught:
        _within(5, lambda: user.import_document(Path("/dev/zero")))
    assert caught.value.message == ("/dev/zero n'est pas un fichier ordinaire (tube, "
                                    "périphérique ou prise réseau) : il n'a pas été lu.")


def test_a_directory_is_named_in_french(user: UserStore, tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match="est un dossier, pas un fichier") as caught:
        user.import_document(tmp_path)
    assert "Is a directory" not in str(caught.value)


def test_a_file_over_the_limit_is_refused_unread(user: UserStore, tmp_path: Path) -> None:
    big = tmp_path / "enorme.json"
    with big.open("wb") as stream:  # sparse: nothing is written to the disk
        stream.truncate(MAX_IMPORT_BYTES + 1)
    with pytest.raises(UserInputError, match=r"est trop gros \(64 Mio ; 64 Mio au plus\)"):
        _within(5, lambda: user.import_document(big))


def _note(**changes: object) -> dict:
    note = {"id": "0" * 32, "item_id": LEAD_03, "item_kind": "lead", "item_reference": "",
            "item_text": "", "orphan": False, "body": "texte", "created": STAMP,
            "modified": STAMP}
    return {**note, **changes}


def _document(**kinds: list) -> bytes:
    return json.dumps({"format": "connecteur-annotations", "version": 1, **kinds}).encode()


HIGHLIGHT = {"id": "h" * 32, "item_id": LEAD_03, "item_kind": "lead", "item_reference": "",
             "item_text": "", "orphan": False, "quote": "mémoire", "start": 12,
             "end": 2**70, "prefix": "", "suffix": "", "colour": "yellow", "note": "",
             "created": STAMP, "modified": STAMP}
FOLDER = {"id": "f" * 32, "name": "Dossier", "title": "", "audience": "", "date": None,
          "created": STAMP, "modified": STAMP}


@pytest.mark.parametrize(("content", "message"), [
    (b'{"format": "connecteur-annotations", "version": 1, "notes": [{"id": '
     + b"9" * 5000 + b"}]}", "contient un nombre de plus de 4 300 chiffres"),
    (_document(highlights=[HIGHLIGHT]), r"highlights\[0\] a des positions impossibles"),
    (_document(notes=[_note(body="\ud800")]),
     r"notes\[0\]\.body contient un caractère invalide \(un demi-caractère Unicode isolé"),
    (_document(notes=[_note(created="pas une date")]),
     r"notes\[0\]\.created n'est pas une date valide \(« pas une date »\)"),
    (_document(notes=[_note(modified="2026-02-30T10:00:00Z")]),
     r"notes\[0\]\.modified n'est pas une date valide"),
    (_document(folders=[{**FOLDER, "date": "99/99/9999"}]),
     r"folders\[0\]\.date n'est pas une date valide \(« 99/99/9999 » ; attendu : 2026-03-12\)"),
    (_document(folders=[{**FOLDER, "entries": "x"}]),
     r"folders\[0\]\.entries n'est pas une liste\.$"),
    (_document(folders=[{**FOLDER, "name": "   "}]),
     r"folders\[0\]\.name est refusé \(Donnez un nom au dossier\)"),
    (b"[" * 100_000 + b"]" * 100_000, "imbriquées trop profondément"),
])
def test_each_hostile_value_gets_its_own_sentence(user: UserStore, tmp_path: Path,
                                                  content: bytes, message: str) -> None:
    user.notes.add(LEAD_03, "à garder")
    path = tmp_path / "hostile.json"
    path.write_bytes(content)
    with pytest.raises(UserInputError, match=message) as caught:
        user.import_document(path)
    assert caught.value.message.startswith(("Ce fichier n'est pas un export d'annotations "
                                            "Connecteur valide : ", "Ce fichier n'est pas"))
    assert [n.body for n in user.notes.all()] == ["à garder"]


CRAFTED = ['x"><a href="https://evil.example/phish">Mettre à jour Connecteur</a>',
           '<img src="file:///etc/passwd">', "avec?question", "avec#dièse", "é" * 10,
           "a" * 65]


def test_ids_outside_the_apps_alphabet_are_reissued_and_reported(
        user: UserStore, tmp_path: Path) -> None:
    document = notes_export(_snapshots(user), len(CRAFTED))
    for note, crafted in zip(document["notes"], CRAFTED, strict=True):
        note["id"] = crafted
    document["notes"].append({**document["notes"][0], "id": "ok-id_1", "body": "sain"})
    path = tmp_path / "ids.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    report = user.import_document(path)
    assert report.added["notes"] == len(CRAFTED) + 1
    assert report.reissued["notes"] == len(CRAFTED)
    assert (f"Identifiant non conforme, remplacé par un identifiant neuf : {len(CRAFTED)} "
            "notes.") in report.lines()
    ids = {n.id for n in user.notes.all()}
    assert "ok-id_1" in ids and all(ID_ALPHABET.match(i) for i in ids)
    assert not any(set(i) & set("<>\"'&?#/") for i in ids)
    again = user.import_document(path)  # the same new IDs: recognised, nothing doubled
    assert not again.changed_anything and again.skipped["notes"] == len(CRAFTED) + 1


def test_a_valid_file_still_imports_after_all_the_checks(user: UserStore) -> None:
    document = notes_export(_snapshots(user), 3)
    document["folders"] = [{**FOLDER, "date": "2026-03-12", "entries": [{
        "id": "e" * 32, "item_id": LEAD_03, "item_kind": "lead", "item_reference": "",
        "item_text": "", "orphan": False, "position": 0, "note": "", "added": STAMP}]}]
    report = user.import_document(copy.deepcopy(document))
    assert dict(report.added) == {"notes": 3, "folders": 1, "entries": 1}
    assert user.folders.require("Dossier").date == "2026-03-12"
