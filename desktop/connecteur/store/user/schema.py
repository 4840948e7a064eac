"""The user database's schema, as the ordered list of migrations that builds it.

A database records the last migration applied in ``PRAGMA user_version``. Opening it
applies the missing migrations in order, each in its own transaction, so a failure
leaves the database exactly at the previous version. Never edit a released migration:
append a new one.

History:
1. notes, stars and course folders;
2. highlights and tags;
3. every annotation remembers the item it was made on (kind, text, readable
   reference) and can be an orphan; stars, tags and folder entries get their own IDs,
   with "one per item" enforced only among attached rows (an orphan keeps the ID of an
   item that may since have been given to another one);
4. record IDs outside the app's own alphabet (letters, digits, ``-``, ``_``; at most 64
   characters), which imports of earlier versions let in, are re-issued: an ID may
   then be placed in a link or in HTML without escaping (see ``import_checks``).
"""

from __future__ import annotations

import sqlite3

from connecteur.errors import ConnecteurError

V1 = (
    """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        body TEXT NOT NULL,
        created TEXT NOT NULL,
        modified TEXT NOT NULL)""",
    """CREATE INDEX notes_item_id ON notes(item_id)""",
    """CREATE TABLE stars (item_id TEXT PRIMARY KEY, created TEXT NOT NULL)""",
    """CREATE TABLE folders (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        audience TEXT NOT NULL DEFAULT '',
        date TEXT,
        created TEXT NOT NULL,
        modified TEXT NOT NULL)""",
    """CREATE TABLE folder_items (
        folder_id TEXT NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        added TEXT NOT NULL,
        PRIMARY KEY (folder_id, item_id))""",
)

V2 = (
    """CREATE TABLE highlights (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
        end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        colour TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        modified TEXT NOT NULL)""",
    """CREATE INDEX highlights_item_id ON highlights(item_id)""",
    """CREATE TABLE tags (
        item_id TEXT NOT NULL,
        tag TEXT NOT NULL,
        tag_key TEXT NOT NULL,
        created TEXT NOT NULL,
        PRIMARY KEY (item_id, tag_key))""",
)

_SNAPSHOT = """item_kind TEXT NOT NULL DEFAULT '',
        item_text TEXT NOT NULL DEFAULT '',
        item_reference TEXT NOT NULL DEFAULT '',
        orphan INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1))"""
_NEW_ID = "lower(hex(randomblob(16)))"


def _add_snapshot_columns(table: str) -> tuple[str, ...]:
    return (
        f"ALTER TABLE {table} ADD COLUMN item_kind TEXT NOT NULL DEFAULT ''",
        f"ALTER TABLE {table} ADD COLUMN item_text TEXT NOT NULL DEFAULT ''",
        f"ALTER TABLE {table} ADD COLUMN item_reference TEXT NOT NULL DEFAULT ''",
        f"ALTER TABLE {table} ADD COLUMN orphan INTEGER NOT NULL DEFAULT 0 "
        "CHECK (orphan IN (0, 1))",
    )


# Tables whose primary key changes are rebuilt the SQLite way: create, copy, drop, rename.
V3 = (
    *_add_snapshot_columns("notes"),
    *_add_snapshot_columns("highlights"),
    """CREATE INDEX notes_orphan ON notes(orphan)""",
    """CREATE INDEX highlights_orphan ON highlights(orphan)""",
    f"""CREATE TABLE stars_v3 (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        created TEXT NOT NULL,
        {_SNAPSHOT})""",
    f"INSERT INTO stars_v3 (id, item_id, created) SELECT {_NEW_ID}, item_id, created FROM stars",
    """DROP TABLE stars""",
    """ALTER TABLE stars_v3 RENAME TO stars""",
    """CREATE UNIQUE INDEX stars_attached ON stars(item_id) WHERE orphan = 0""",
    f"""CREATE TABLE tags_v3 (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        tag TEXT NOT NULL,
        tag_key TEXT NOT NULL,
        created TEXT NOT NULL,
        {_SNAPSHOT})""",
    f"""INSERT INTO tags_v3 (id, item_id, tag, tag_key, created)
        SELECT {_NEW_ID}, item_id, tag, tag_key, created FROM tags""",
    """DROP TABLE tags""",
    """ALTER TABLE tags_v3 RENAME TO tags""",
    """CREATE UNIQUE INDEX tags_attached ON tags(item_id, tag_key) WHERE orphan = 0""",
    """CREATE INDEX tags_tag_key ON tags(tag_key)""",
    f"""CREATE TABLE folder_items_v3 (
        id TEXT PRIMARY KEY,
        folder_id TEXT NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        added TEXT NOT NULL,
        {_SNAPSHOT})""",
    f"""INSERT INTO folder_items_v3 (id, folder_id, item_id, position, note, added)
        SELECT {_NEW_ID}, folder_id, item_id, position, note, added FROM folder_items""",
    """DROP TABLE folder_items""",
    """ALTER TABLE folder_items_v3 RENAME TO folder_items""",
    """CREATE UNIQUE INDEX folder_items_attached ON folder_items(folder_id, item_id)
        WHERE orphan = 0""",
    """CREATE INDEX folder_items_order ON folder_items(folder_id, position)""",
)

_BAD_ID = "(id = '' OR length(id) > 64 OR id GLOB '*[^A-Za-z0-9_-]*')"


def _reissue_ids(table: str) -> tuple[str, ...]:
    return (f"UPDATE {table} SET id = {_NEW_ID} WHERE {_BAD_ID}",)


# Folders first: their entries follow through a mapping (foreign keys are checked at
# the commit, once both sides agree).
V4 = (
    "PRAGMA defer_foreign_keys = ON",
    f"CREATE TEMP TABLE folder_ids AS SELECT id AS old, {_NEW_ID} AS new FROM folders "
    f"WHERE {_BAD_ID}",
    """UPDATE folder_items SET folder_id = (SELECT new FROM folder_ids WHERE old = folder_id)
        WHERE folder_id IN (SELECT old FROM folder_ids)""",
    """UPDATE folders SET id = (SELECT new FROM folder_ids WHERE old = folders.id)
        WHERE id IN (SELECT old FROM folder_ids)""",
    "DROP TABLE temp.folder_ids",
    *(statement for table in ("notes", "highlights", "stars", "tags", "folder_items")
      for statement in _reissue_ids(table)),
)

# (version reached, what it does) — in order, never edited once released.
MIGRATIONS: list[tuple[int, str, tuple[str, ...]]] = [
    (1, "notes, favoris et dossiers de formation", V1),
    (2, "surlignages et étiquettes", V2),
    (3, "rattachement des annotations au texte du corpus", V3),
    (4, "identifiants des annotations importées rendus sûrs", V4),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]
# The oldest version whose tables this version reads as they are (a home that cannot be
# written cannot be migrated; version 4 changed values, not tables).
READABLE_FROM = 3


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def check_version(conn: sqlite3.Connection) -> int:
    """The database's version; a French error when a newer Connecteur wrote it."""
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise ConnecteurError(
            "Vos annotations ont été enregistrées par une version plus récente de "
            "Connecteur : cette version ne sait pas les lire.",
            hint="Installez la dernière version de Connecteur ; vos données n'ont pas été "
                 "modifiées.")
    return version


def migrate(conn: sqlite3.Connection) -> int | None:
    """Bring the database to :data:`SCHEMA_VERSION`; return the version it had, or None
    when there was nothing to do. ``conn`` must be in autocommit mode."""
    start = check_version(conn)
    if start == SCHEMA_VERSION:
        return None
    for version, _label, statements in MIGRATIONS:
        if version > start:
            _apply(conn, version, statements)
    return start


def _apply(conn: sqlite3.Connection, version: int, statements: tuple[str, ...]) -> None:
    """One migration in one transaction (another window may have done it meanwhile)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if schema_version(conn) < version:
            for statement in statements:
                conn.execute(statement)
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise ConnecteurError(f"La mise à jour n° {version} de vos annotations a "
                                      "trouvé des références cassées ; rien n'a été modifié.")
            conn.execute(f"PRAGMA user_version = {int(version)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
