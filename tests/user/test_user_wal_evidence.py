"""A write-ahead log left by a crash is copied aside before the database is opened; a
damaged one is reported (SQLite alone would drop its tail without a word)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from user_testing import LEAD_03

from connecteur import paths
from connecteur.store import CorpusStore, UserStore
from connecteur.store.user.wal_evidence import KEEP_COPIES, scan

# Saves notes, each committed (durable) before the next, then dies without closing the
# database: its log stays behind, as after a crash or a power cut.
CRASH = """
import os, sys
from connecteur.store import CorpusStore, UserStore
user = UserStore.open(CorpusStore.open(), backup=False)
user.db._conn.execute("PRAGMA wal_autocheckpoint = 0")  # keep every frame in the log
for i in range(int(sys.argv[1])):
    user.notes.add(sys.argv[2], f"note {i} " + "x" * 500)
os._exit(0)
"""


def _crash_after(count: int) -> Path:
    done = subprocess.run([sys.executable, "-c", CRASH, str(count), LEAD_03], check=False,
                          env=os.environ.copy(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    wal = paths.wal_path(paths.user_db_path())
    assert wal.stat().st_size > 0
    return wal


def _damage_middle(wal: Path) -> None:
    """Garbage in the page of a frame in the middle of the log (its header intact)."""
    data = bytearray(wal.read_bytes())
    page = int.from_bytes(data[8:12], "big")
    frames = (len(data) - 32) // (page + 24)
    middle = 32 + (frames // 2) * (page + 24) + 24
    data[middle:middle + 64] = b"\xa5" * 64
    wal.write_bytes(bytes(data))


def test_a_clean_crash_loses_nothing_and_says_nothing(corpus_store: CorpusStore) -> None:
    wal = _crash_after(40)
    committed = scan(wal).committed_frames
    assert committed > 40
    with UserStore.open(corpus_store, backup=False) as user:
        assert len(user.notes.all()) == 40
        assert user.startup.messages == ()
    copies = list(paths.wal_copies_dir().iterdir())
    assert len(copies) == 1 and scan(copies[0]).committed_frames == committed


def test_a_damaged_log_is_reported_and_kept(corpus_store: CorpusStore) -> None:
    wal = _crash_after(60)
    _damage_middle(wal)
    damaged = wal.read_bytes()
    with UserStore.open(corpus_store, backup=False) as user:
        kept = len(user.notes.all())
        message = " ".join(user.startup.messages)
        assert user.db.integrity_problems() == []  # SQLite alone sees nothing wrong
    assert kept < 60
    assert message.startswith("Le journal des dernières modifications de vos annotations "
                              "(user.db-wal) était abîmé : des modifications enregistrées "
                              "juste avant l'arrêt imprévu de Connecteur ont pu être perdues.")
    copy = Path(message.rsplit("conservée : ", 1)[1].rstrip("."))
    assert copy.parent == paths.wal_copies_dir() and copy.read_bytes() == damaged


def test_a_log_with_a_garbled_header_is_reported(corpus_store: CorpusStore) -> None:
    wal = _crash_after(10)
    data = bytearray(wal.read_bytes())
    data[16:24] = b"\x00" * 8  # the salts: every frame now looks foreign to SQLite
    wal.write_bytes(bytes(data))
    with UserStore.open(corpus_store, backup=False) as user:
        assert user.notes.all() == []
        assert "était abîmé" in " ".join(user.startup.messages)


def test_only_the_last_copies_are_kept(corpus_store: CorpusStore) -> None:
    start = datetime(2026, 3, 12, 9, 0, 0)
    for day in range(KEEP_COPIES + 2):
        _crash_after(2)
        UserStore.open(corpus_store, backup=False, now=start + timedelta(days=day)).close()
    copies = sorted(p.name for p in paths.wal_copies_dir().iterdir())
    assert len(copies) == KEEP_COPIES
    assert copies[0] == "user.db-wal-20260314-090000-000000"


def test_another_open_window_is_not_a_crash(user: UserStore, corpus_store: CorpusStore) -> None:
    user.notes.add(LEAD_03, "fenêtre ouverte")  # its log is live, not a leftover
    with UserStore.open(corpus_store, backup=False) as second:
        assert second.startup.messages == ()
    assert not paths.wal_copies_dir().exists()
