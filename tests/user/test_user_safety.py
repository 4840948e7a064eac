"""Nothing confirmed is ever lost: SIGKILL in the middle of saves, two writers at once,
a damaged database restored from the daily backup."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from user_testing import LEAD_03, LEAD_04

from connecteur import paths
from connecteur.store import CorpusStore, UserStore
from connecteur.store.user.backup import backup_daily, list_backups

# A child process that saves as fast as it can and prints each change once the call
# that made it has returned (that is, once the app would have said "saved").
WRITER = """
import sys, time
from pathlib import Path
from connecteur.store import CorpusStore, UserStore
user = UserStore.open(CorpusStore.open(), backup=False)
items = [s.id for s in user.corpus.sessions] + [l.id for l in user.corpus.sessions[0].leads]
folder = user.folders.create("Dossier " + sys.argv[1])
limit, go = int(sys.argv[2]), Path(sys.argv[3])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.005)
i = 0
while i < limit:
    note = user.notes.add(items[i % len(items)], f"{sys.argv[1]} note {i} " + "é" * (i % 50))
    print("note", note.id, note.body, flush=True)
    edited = user.notes.edit(note.id, note.body + " (relue)")
    print("edit", note.id, edited.body, flush=True)
    user.folders.add_items(folder.id, [items[i % len(items)]])
    i += 1
print("done", flush=True)
"""


def _writer(name: str, limit: int, go: Path) -> subprocess.Popen:
    """A writer process, started when it has printed "ready" and ``go`` exists."""
    process = subprocess.Popen([sys.executable, "-c", WRITER, name, str(limit), str(go)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               encoding="utf-8", env=os.environ.copy())
    assert process.stdout is not None and process.stdout.readline() == "ready\n"
    return process


def _integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def _bodies(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT id, body FROM notes"))
    finally:
        conn.close()


def test_sigkill_in_the_middle_of_saves_loses_nothing_confirmed(tmp_path: Path) -> None:
    child = _writer("tué", 100_000, tmp_path / "go")
    (tmp_path / "go").touch()
    confirmed: dict[str, str] = {}
    assert child.stdout is not None
    for line in child.stdout:
        _, note_id, body = line.rstrip("\n").split(" ", 2)
        confirmed[note_id] = body
        if len(confirmed) >= 150:
            break
    os.kill(child.pid, signal.SIGKILL)
    rest = child.stdout.read()  # lines printed before the kill were confirmed too
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    for line in rest.splitlines():
        if line.count(" ") >= 2:
            _, note_id, body = line.split(" ", 2)
            confirmed[note_id] = body
    path = paths.user_db_path()
    assert _integrity(path) == ["ok"]
    stored = _bodies(path)
    # Each confirmed state is there, or the next one (saved, killed before it said so).
    later = {i: stored.get(i) if stored.get(i) == body + " (relue)" else body
             for i, body in confirmed.items()}
    assert {i: stored.get(i) for i in confirmed} == later
    # ...and the app opens it normally afterwards.
    with UserStore.open(CorpusStore.open()) as user:
        assert len(user.notes.all()) >= len(confirmed)
        assert user.db.integrity_problems() == []


def test_two_writers_at_the_same_time(tmp_path: Path) -> None:
    go = tmp_path / "go"
    first, second = _writer("A", 120, go), _writer("B", 120, go)
    go.touch()
    outputs = [p.communicate(timeout=120) for p in (first, second)]
    for process, (out, err) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0, err
        assert out.rstrip().endswith("done")
    stored = _bodies(paths.user_db_path())
    assert len(stored) == 240
    assert sum(body.startswith("A note") for body in stored.values()) == 120
    assert all(body.endswith("(relue)") for body in stored.values())
    assert _integrity(paths.user_db_path()) == ["ok"]
    conn = sqlite3.connect(paths.user_db_path())
    try:
        spans = dict(conn.execute("SELECT substr(body, 1, 1), min(created) || ' ' || "
                                  "max(created) FROM notes GROUP BY 1"))
    finally:
        conn.close()
    (a_first, a_last), (b_first, b_last) = spans["A"].split(), spans["B"].split()
    assert a_first < b_last and b_first < a_last  # they really wrote at the same time
    with UserStore.open(CorpusStore.open()) as user:
        # 7 sessions + the 16 leads of the first session, each once per folder
        assert [f.size for f in user.folders.list()] == [23, 23]


def test_a_change_is_on_disk_when_the_call_returns(user: UserStore) -> None:
    note = user.notes.add(LEAD_03, "déjà enregistrée ?")
    other = sqlite3.connect(paths.user_db_path())  # another reader, not our connection
    try:
        assert other.execute("SELECT body FROM notes WHERE id = ?", (note.id,)).fetchone() == \
            ("déjà enregistrée ?",)
    finally:
        other.close()


def _damage(path: Path, how: str) -> None:
    if how == "not a database":
        path.write_bytes(b"Ceci n'est pas une base de donnees SQLite." * 100)
        return
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page:4 * page] = b"\xff" * (2 * page)  # two pages of garbage mid-file
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["not a database", "damaged pages"])
def test_damaged_database_is_set_aside_and_the_backup_restored(
        corpus_store: CorpusStore, how: str) -> None:
    with UserStore.open(corpus_store) as user:
        kept = [user.notes.add(LEAD_03, f"avant la sauvegarde {i} " + "x" * 300).id
                for i in range(60)]
    yesterday = datetime.now() - timedelta(days=1)
    made = backup_daily(now=yesterday)
    assert made is not None and list_backups() == [made]
    with UserStore.open(corpus_store, backup=False) as user:
        user.notes.add(LEAD_04, "après la sauvegarde")
    path = paths.user_db_path()
    _damage(path, how)
    damaged = path.read_bytes()

    with UserStore.open(corpus_store) as user:
        report = user.startup
        assert report.recovered and report.restored_from == str(made)
        assert "était abîmé" in report.messages[0]
        assert f"La sauvegarde du {yesterday.day}" in report.messages[0]
        assert "les modifications faites depuis n'y figurent pas" in report.messages[0]
        assert sorted(n.id for n in user.notes.all()) == sorted(kept)
        assert user.db.integrity_problems() == []
    aside = Path(report.corrupt_copy)
    assert aside.name.startswith("user.db.corrupt-") and aside.read_bytes() == damaged


def test_damaged_database_without_backup_starts_empty(corpus_store: CorpusStore) -> None:
    with UserStore.open(corpus_store, backup=False) as user:
        user.notes.add(LEAD_03, "texte")
    _damage(paths.user_db_path(), "not a database")
    with UserStore.open(corpus_store, backup=False) as user:
        assert user.startup.recovered and user.startup.restored_from is None
        assert "aucune sauvegarde n'était disponible" in user.startup.messages[0]
        assert user.notes.all() == []
        user.notes.add(LEAD_03, "on repart")
    assert Path(user.startup.corrupt_copy).exists()


def test_daily_backups_keep_the_last_ten(corpus_store: CorpusStore) -> None:
    with UserStore.open(corpus_store, backup=False) as user:
        user.notes.add(LEAD_03, "à sauvegarder")
    start = datetime(2026, 3, 1, 9, 0, 0)
    for day in range(12):
        first = backup_daily(now=start + timedelta(days=day))
        second = backup_daily(now=start + timedelta(days=day, hours=5))
        assert first is not None and second is None  # at most one a day
    backups = list_backups()
    assert [b.name for b in backups][:2] == ["user-20260312-090000.db",
                                             "user-20260311-090000.db"]
    assert len(backups) == 10 and backups[-1].name == "user-20260303-090000.db"
    assert backups[0].parent == paths.backups_dir()
    assert _integrity(backups[0]) == ["ok"]
    assert list(_bodies(backups[0]).values()) == ["à sauvegarder"]
    with UserStore.open(corpus_store) as user:  # the app's start-up backup, today
        assert user.startup.backup is not None
    assert len(list_backups()) == 10


def test_one_store_shared_by_threads(user: UserStore) -> None:
    """A Qt front end exports or imports in a worker while the window keeps saving."""
    def save(worker: int) -> list[str]:
        return [user.notes.add(LEAD_03, f"fil {worker} note {i}").id for i in range(30)]

    with ThreadPoolExecutor(max_workers=5) as pool:
        exports = [pool.submit(user.export_json) for _ in range(3)]
        saved = [pool.submit(save, worker) for worker in range(4)]
        ids = [i for future in saved for i in future.result()]
        assert all(future.result().startswith("{") for future in exports)
    assert len(set(ids)) == 120
    assert {n.id for n in user.notes.all()} == set(ids)
    assert user.db.integrity_problems() == []
    for _ in range(120):
        user.undo()
    assert user.notes.all() == []


def test_a_damaged_backup_is_skipped_for_an_older_sound_one(corpus_store: CorpusStore) -> None:
    with UserStore.open(corpus_store, backup=False) as user:
        user.notes.add(LEAD_03, "dans les deux sauvegardes")
    older = backup_daily(now=datetime.now() - timedelta(days=2))
    newer = backup_daily(now=datetime.now() - timedelta(days=1))
    assert older is not None and newer is not None
    _damage(newer, "not a database")
    _damage(paths.user_db_path(), "not a database")
    with UserStore.open(corpus_store, backup=False) as user:
        assert user.startup.restored_from == str(older)
        assert [n.body for n in user.notes.all()] == ["dans les deux sauvegardes"]
