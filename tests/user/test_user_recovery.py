"""A zero-byte or deleted user database is restored from the newest sound backup; a
clean start is an explicit reset that keeps a backup; pruning never removes the last
backup that holds annotations."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from user_testing import LEAD_03, LEAD_04

from connecteur import paths
from connecteur.cli import main
from connecteur.store import Change, CorpusStore, UserStore
from connecteur.store.user.backup import backup_daily, holds_annotations, list_backups

YESTERDAY = datetime.now() - timedelta(days=1)


def _fifty_notes_backed_up(corpus_store: CorpusStore) -> Path:
    with UserStore.open(corpus_store, backup=False) as user:
        for i in range(50):
            user.notes.add(LEAD_03, f"note {i}")
    made = backup_daily(now=YESTERDAY)
    assert made is not None
    return made


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM notes").fetchone()[0]
    finally:
        conn.close()


def test_a_zero_byte_database_is_restored_from_the_backup(corpus_store: CorpusStore) -> None:
    made = _fifty_notes_backed_up(corpus_store)
    paths.user_db_path().write_bytes(b"")
    with UserStore.open(corpus_store) as user:
        assert len(user.notes.all()) == 50
        assert user.startup.recovered and user.startup.restored_from == str(made)
        message = user.startup.messages[0]
    assert message.startswith("Le fichier de vos annotations était vide (0 octet). La "
                              f"sauvegarde du {YESTERDAY.day}")
    assert "Le fichier vide est conservé sous le nom user.db.corrupt-" in message
    assert Path(user.startup.corrupt_copy).stat().st_size == 0


@pytest.mark.parametrize("leftover_log", [False, True])
def test_a_deleted_database_is_restored_from_the_backup(corpus_store: CorpusStore,
                                                        leftover_log: bool) -> None:
    made = _fifty_notes_backed_up(corpus_store)
    db = paths.user_db_path()
    db.unlink()
    if leftover_log:
        paths.wal_path(db).write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 4000)
    with UserStore.open(corpus_store) as user:
        assert len(user.notes.all()) == 50
        assert user.startup.restored_from == str(made) and not user.startup.created
        assert user.startup.corrupt_copy is None
        assert user.startup.messages[0].startswith(
            f"Le fichier de vos annotations ({db}) avait disparu. La sauvegarde du "
            f"{YESTERDAY.day}")
        assert "connecteur reset-annotations" in user.startup.messages[0]
    kept = list(db.parent.glob("user.db-wal.orphan-*"))
    assert len(kept) == int(leftover_log)


def test_an_empty_file_without_backup_is_a_fresh_start(corpus_store: CorpusStore) -> None:
    paths.ensure_dir(paths.data_dir())
    paths.user_db_path().write_bytes(b"")  # another window creating it right now
    with UserStore.open(corpus_store, backup=False) as user:
        assert user.startup.messages == () and not user.startup.recovered
        user.notes.add(LEAD_03, "premier jour")


def test_a_missing_database_without_backup_is_a_fresh_start(corpus_store: CorpusStore) -> None:
    with UserStore.open(corpus_store) as user:
        assert user.startup.created and user.startup.messages == ()


def test_reset_keeps_a_backup_and_is_not_undone_by_a_restore(corpus_store: CorpusStore) -> None:
    heard: list[Change] = []
    with UserStore.open(corpus_store, backup=False) as user:
        user.notes.add(LEAD_03, "à effacer")
        user.stars.star(LEAD_04)
        user.folders.create("Dossier")
        user.subscribe(heard.append)
        assert user.counts() == {"folders": 1, "notes": 1, "highlights": 0, "stars": 1,
                                 "tags": 0}
        made = user.reset_annotations()
        assert user.counts() == dict.fromkeys(user.counts(), 0)
        assert not user.can_undo and [c.kind for c in heard] == ["external"]
    assert made.parent == paths.backups_dir() and holds_annotations(made)
    assert _count(made) == 1
    with UserStore.open(corpus_store) as user:  # the emptied database is not "lost"
        assert user.notes.all() == [] and user.startup.messages == ()


def test_pruning_keeps_the_newest_backup_holding_annotations(corpus_store: CorpusStore) -> None:
    with UserStore.open(corpus_store, backup=False) as user:
        user.notes.add(LEAD_03, "la seule note")
    start = datetime(2026, 3, 1, 9, 0, 0)
    precious = backup_daily(now=start)
    with UserStore.open(corpus_store, backup=False) as user:
        user.reset_annotations(now=start + timedelta(hours=1))
    for day in range(1, 13):  # twelve daily starts on the emptied database
        assert backup_daily(now=start + timedelta(days=day)) is not None
    backups = list_backups()
    assert len(backups) == 11 and backups[-1].name == "user-20260301-100000.db"
    assert not any(holds_annotations(b) for b in backups[:10])
    assert precious is not None and not precious.exists()  # an older one with the same note
    assert _count(backups[-1]) == 1


def test_pruning_is_unchanged_when_recent_backups_hold_annotations(
        corpus_store: CorpusStore) -> None:
    with UserStore.open(corpus_store, backup=False) as user:
        user.notes.add(LEAD_03, "toujours là")
    start = datetime(2026, 3, 1, 9, 0, 0)
    for day in range(12):
        backup_daily(now=start + timedelta(days=day))
    assert len(list_backups()) == 10


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_reset_from_the_command_line_asks_for_confirmation(
        corpus_store: CorpusStore, capsys: pytest.CaptureFixture) -> None:
    with UserStore.open(corpus_store, backup=False) as user:
        user.notes.add(LEAD_03, "une")
        user.notes.add(LEAD_04, "deux")
    code, out, err = run(capsys, "reset-annotations")
    assert (code, out) == (1, "")
    assert "Rien n'a été effacé. Cette commande efface toutes vos annotations (2 notes)" \
        in err and "connecteur reset-annotations --yes" in err
    assert _count(paths.user_db_path()) == 2
    code, out, err = run(capsys, "reset-annotations", "--yes")
    assert code == 0, err
    assert out.startswith("Annotations effacées (2 notes). Sauvegarde faite juste avant : ")
    backup = Path(out.split(" : ", 1)[1].strip())
    assert _count(backup) == 2 and _count(paths.user_db_path()) == 0
