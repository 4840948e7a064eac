"""The user database's schema versions: a version-1 file written by hand is migrated,
a failing migration changes nothing, a newer file is refused without being touched."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from user_testing import LEAD_03, LEAD_03_TEXT, LEAD_04

from connecteur import paths
from connecteur.errors import ConnecteurError
from connecteur.store import CorpusStore, UserStore
from connecteur.store.user import schema as user_schema

# Version 1 as it was released, typed out here rather than taken from the code.
V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE notes (id TEXT PRIMARY KEY, item_id TEXT NOT NULL, body TEXT NOT NULL,
                    created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE INDEX notes_item_id ON notes(item_id);
CREATE TABLE stars (item_id TEXT PRIMARY KEY, created TEXT NOT NULL);
CREATE TABLE folders (id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE,
                      title TEXT NOT NULL DEFAULT '', audience TEXT NOT NULL DEFAULT '',
                      date TEXT, created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE TABLE folder_items (
    folder_id TEXT NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL, position INTEGER NOT NULL, note TEXT NOT NULL DEFAULT '',
    added TEXT NOT NULL, PRIMARY KEY (folder_id, item_id));
PRAGMA user_version = 1;
"""
T = "2025-01-15T10:00:00.000Z"


def _write_v1(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    with conn:
        conn.executemany("INSERT INTO notes VALUES (?, ?, ?, ?, ?)", [
            ("n1", LEAD_03, "question d'ouverture", T, T),
            ("n2", "2020-05-20/s1/lead/99", "sur une piste disparue", T, T)])
        conn.execute("INSERT INTO stars VALUES (?, ?)", (LEAD_04, T))
        conn.execute("INSERT INTO folders VALUES ('f1', 'Crise', 'crise', 'Titre', 'DGS', "
                     "'2025-03-12', ?, ?)", (T, T))
        conn.executemany("INSERT INTO folder_items VALUES ('f1', ?, ?, ?, ?)", [
            (LEAD_04, 0, "", T), (LEAD_03, 1, "à relier", T)])
    conn.close()


def test_a_version_1_file_is_migrated_and_keeps_everything(corpus_store: CorpusStore) -> None:
    path = paths.user_db_path()
    _write_v1(path)
    with UserStore.open(corpus_store) as user:
        assert user.startup.migrated_from == 1 and not user.startup.created
        assert user.db.value("PRAGMA user_version") == user_schema.SCHEMA_VERSION == 4
        note = user.notes.get("n1")
        assert (note.body, note.created, note.item_text, note.orphan) == (
            "question d'ouverture", T, LEAD_03_TEXT, False)  # snapshot filled from the text
        lost = user.notes.get("n2")
        assert lost.orphan and lost.body == "sur une piste disparue"
        assert [o.id for o in user.orphans()] == ["n2"]
        assert user.stars.item_ids() == [LEAD_04]
        assert len(user.stars.list()[0].id) == 32  # stars got their own IDs
        assert user.folders.item_ids("Crise") == [LEAD_04, LEAD_03]
        assert user.folders.entries("crise")[1].note == "à relier"
        user.highlights.add_quote(LEAD_03, "mémoire")  # tables added by version 2 work
        user.tags.add(LEAD_03, "mémoire")
        assert user.db.integrity_problems() == []
        assert user.db.value("PRAGMA journal_mode") == "wal"
        assert user.db.value("PRAGMA foreign_keys") == 1
    with UserStore.open(corpus_store) as again:
        assert again.startup.migrated_from is None  # nothing left to do


def test_a_failing_migration_leaves_the_previous_version(corpus_store: CorpusStore,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = paths.user_db_path()
    _write_v1(path)
    broken = (5, "cassée", ("CREATE TABLE half_done (x)", "INSERT INTO nowhere VALUES (1)"))
    monkeypatch.setattr(user_schema, "MIGRATIONS", [*user_schema.MIGRATIONS, broken])
    monkeypatch.setattr(user_schema, "SCHEMA_VERSION", 5)
    with pytest.raises(ConnecteurError, match="no such table: nowhere"):
        UserStore.open(corpus_store, backup=False)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 4  # 2 to 4 were kept
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables and "highlights" in tables
        assert conn.execute("SELECT body FROM notes WHERE id = 'n1'").fetchone()[0] == \
            "question d'ouverture"
    finally:
        conn.close()


def test_a_file_from_a_newer_version_is_left_alone(corpus_store: CorpusStore) -> None:
    path = paths.user_db_path()
    _write_v1(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ConnecteurError, match="version plus récente de Connecteur") as info:
        UserStore.open(corpus_store, backup=False)
    assert "vos données n'ont pas été modifiées" in info.value.hint
    assert path.read_bytes() == before


def test_a_new_database_lives_under_connecteur_home(corpus_store: CorpusStore,
                                                    isolated_home: Path) -> None:
    with UserStore.open(corpus_store) as user:
        assert user.startup.created and user.startup.messages == ()
        assert Path(user.startup.path) == isolated_home / "user.db"
        assert user.db.value("PRAGMA user_version") == 4


CRAFTED = 'x"><a href="https://evil.example/phish">Mettre à jour</a>'


def test_version_4_reissues_ids_that_earlier_imports_let_in(corpus_store: CorpusStore) -> None:
    with UserStore.open(corpus_store, backup=False) as user:
        user.notes.add(LEAD_03, "gardée telle quelle")
        folder = user.folders.create("Dossier piégé")
        user.folders.add_items(folder.id, [LEAD_03, LEAD_04])
        user.highlights.add_quote(LEAD_03, "mémoire")
        user.tags.add(LEAD_03, "étiquette")
        user.stars.star(LEAD_04)
    conn = sqlite3.connect(paths.user_db_path())
    with conn:  # what an import of an earlier version stored as it was
        for table, bad in (("notes", CRAFTED), ("highlights", "a?b"), ("tags", "c#d"),
                           ("stars", "<img src=x>"), ("folder_items", "e f")):
            conn.execute(f"UPDATE {table} SET id = ? WHERE rowid = "
                         f"(SELECT min(rowid) FROM {table})", (bad,))
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("UPDATE folder_items SET folder_id = ?", ("f?" + "x" * 80,))
        conn.execute("UPDATE folders SET id = ?", ("f?" + "x" * 80,))
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    with UserStore.open(corpus_store, backup=False) as user:
        assert user.startup.migrated_from == 3
        ids = [r[0] for table in ("notes", "highlights", "tags", "stars", "folders",
                                  "folder_items")
               for r in user.db.rows(f"SELECT id FROM {table}")]
        assert len(ids) == 7 and all(re.fullmatch(r"[A-Za-z0-9_-]{1,64}", i) for i in ids)
        assert [n.body for n in user.notes.all()] == ["gardée telle quelle"]
        assert user.folders.item_ids("Dossier piégé") == [LEAD_03, LEAD_04]
        assert user.db.integrity_problems() == []
        assert user.db.value("PRAGMA foreign_key_check") is None
