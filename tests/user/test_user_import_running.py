"""A long import: linear work, progress, cancel that leaves nothing behind, an honest
message for every other writer meanwhile, and no stale marker after a crash."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from user_testing import LEAD_03, LEAD_04, notes_export

from connecteur import paths
from connecteur.errors import BusyError
from connecteur.store import CorpusStore, UserStore
from connecteur.store.user import db as user_db
from connecteur.store.user.importer import ImportCancelled

BIN = Path(sys.executable).parent


def _snapshots(user: UserStore) -> list:
    return [user.catalogue.snapshot_of(item) for item in (LEAD_03, LEAD_04)]


def _write(tmp_path: Path, document: dict, name: str = "export.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _wal_size() -> int:
    wal = paths.user_db_path().with_name("user.db-wal")
    return wal.stat().st_size if wal.exists() else 0


def _vm_steps(user: UserStore, document: dict, monkeypatch: pytest.MonkeyPatch) -> int:
    """SQLite's own work (virtual machine steps, in thousands) for importing ``document``
    — a measure of work that does not depend on the machine's load."""
    steps = [0]
    real_connect = user_db.connect

    def count(conn: sqlite3.Connection) -> sqlite3.Connection:
        conn.set_progress_handler(lambda: steps.__setitem__(0, steps[0] + 1) or 0, 1000)
        return conn

    monkeypatch.setattr(user_db, "connect", lambda path: count(real_connect(path)))
    count(user.db._conn)  # the store's own connection too, whichever does the work
    user.import_document(document)
    user.db._conn.set_progress_handler(None, 1000)
    monkeypatch.setattr(user_db, "connect", real_connect)
    return steps[0]


def test_the_work_grows_linearly_even_on_one_item(user: UserStore,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """All notes on one item was the worst case of the pairwise duplicate check."""
    one = _snapshots(user)[:1]
    small = _vm_steps(user, notes_export(one, 1000, "petit"), monkeypatch)
    large = _vm_steps(user, notes_export(one, 4000, "grand"), monkeypatch)
    assert len(user.notes.for_item(LEAD_03)) == 5000
    assert large < 6 * small, (small, large)  # 4x the notes; pairwise made it 16x


def test_progress_is_reported_until_the_end(user: UserStore, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    report = user.import_document(_write(tmp_path, notes_export(_snapshots(user), 1000)),
                                  progress=lambda done, total: seen.append((done, total)))
    assert report.added["notes"] == 1000
    assert seen[0] == (0, 1000) and seen[-1] == (1000, 1000) and len(seen) >= 5
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_cancel_rolls_everything_back_and_leaves_no_big_log(user: UserStore,
                                                            tmp_path: Path) -> None:
    user.notes.add(LEAD_03, "avant l'import")
    document = notes_export(_snapshots(user), 6000)
    for note in document["notes"]:
        note["body"] += " " + "long texte " * 200  # about 13 MiB in the transaction
    stop = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= total // 2:
            stop.set()

    with pytest.raises(ImportCancelled, match=r"^Import annulé : aucune annotation n'a été "
                                              r"importée\.$"):
        user.import_document(_write(tmp_path, document), progress=progress,
                             cancelled=stop.is_set)
    assert [n.body for n in user.notes.all()] == ["avant l'import"]
    assert user.history.undo_label == "ajouter une note"
    assert _wal_size() <= user_db.JOURNAL_SIZE_LIMIT
    assert user.db.integrity_problems() == []
    user.notes.add(LEAD_04, "après l'annulation")  # no marker left: writes work at once


@pytest.fixture
def import_in_progress(user: UserStore, tmp_path: Path) -> Iterator[threading.Event]:
    """An import paused in the middle of its transaction until the event is set."""
    halfway, resume = threading.Event(), threading.Event()

    def progress(done: int, total: int) -> None:
        if 0 < done < total:
            halfway.set()
            resume.wait(30)

    source = _write(tmp_path, notes_export(_snapshots(user), 1000, "importée"))
    worker = threading.Thread(target=lambda: user.import_document(source, progress=progress))
    worker.start()
    assert halfway.wait(30)
    yield resume
    resume.set()
    worker.join(30)


def test_writers_meanwhile_are_told_an_import_runs(user: UserStore, tmp_path: Path,
                                                   import_in_progress: threading.Event) -> None:
    before = len(user.notes.all())  # reading still works, on the data before the import
    started = time.monotonic()
    with pytest.raises(BusyError, match="Un import d'annotations est en cours"):
        user.notes.add(LEAD_03, "pendant l'import")
    assert time.monotonic() - started < 5  # not SQLite's 15 s wait
    other = _write(tmp_path, notes_export(_snapshots(user), 3, "autre"), "autre.json")
    cli = subprocess.run([str(BIN / "connecteur"), "import", str(other)], capture_output=True,
                         text=True, encoding="utf-8", timeout=60, check=False)
    assert cli.returncode == 1
    assert "Un import d'annotations est en cours" in cli.stderr
    assert "autre fenêtre de Connecteur" not in cli.stderr and "Traceback" not in cli.stderr
    assert before == 0
    import_in_progress.set()


def test_an_undo_refused_meanwhile_stays_on_the_stack(user: UserStore, tmp_path: Path) -> None:
    user.notes.add(LEAD_04, "à annuler plus tard")
    resume, halfway = threading.Event(), threading.Event()

    def progress(done: int, total: int) -> None:
        if 0 < done < total:
            halfway.set()
            resume.wait(30)

    source = _write(tmp_path, notes_export(_snapshots(user), 600))
    worker = threading.Thread(target=lambda: user.import_document(source, progress=progress))
    worker.start()
    try:
        assert halfway.wait(30)
        with pytest.raises(BusyError):
            user.undo()
        assert user.history.undo_label == "ajouter une note"
    finally:
        resume.set()
        worker.join(30)
    assert user.history.undo_label == "importer des annotations"
    user.undo()
    assert user.undo() == "ajouter une note" and user.notes.all() == []


CRASHING_IMPORT = """
import os, sys, time
from pathlib import Path
from connecteur.store import CorpusStore, UserStore
user = UserStore.open(CorpusStore.open(), backup=False)
def progress(done, total):
    if 0 < done < total:
        print("halfway", flush=True)
        time.sleep(60)
user.import_document(Path(sys.argv[1]), progress=progress)
"""


def test_a_killed_import_leaves_no_marker_and_nothing_half_imported(
        corpus_store: CorpusStore, tmp_path: Path) -> None:
    with UserStore.open(corpus_store, backup=False) as user:
        user.notes.add(LEAD_03, "avant")
        source = _write(tmp_path, notes_export(_snapshots(user), 1000))
    child = subprocess.Popen([sys.executable, "-c", CRASHING_IMPORT, str(source)],
                             stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    assert child.stdout is not None and child.stdout.readline() == "halfway\n"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(30)
    assert paths.import_marker_path(paths.user_db_path()).exists()  # the file may stay...
    with UserStore.open(corpus_store, backup=False) as user:
        started = time.monotonic()
        user.notes.add(LEAD_04, "après")  # ...but its lock went with the process
        assert time.monotonic() - started < 1
        assert sorted(n.body for n in user.notes.all()) == ["après", "avant"]
        assert user.db.integrity_problems() == []
