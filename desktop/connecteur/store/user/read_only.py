"""Reading the user database where nothing can be written (a read-only folder or
disk, a full disk): the trainer can still consult everything; nothing is created,
migrated or changed, not even SQLite's side files when they cannot be made.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from connecteur.errors import ConnecteurError
from connecteur.store.user.schema import READABLE_FROM, check_version, migrate

WAIT_SECONDS = 15  # for another window's write to finish, as the writable connection


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes: the database as it is when it can be read that
    way, else a frozen view of the file (``immutable``: a log that cannot be opened is
    ignored), or an empty database in memory when there is no file at all."""
    if not path.is_file():
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        migrate(conn)
        return _read_only_ready(conn)
    uri = path.resolve().as_uri()
    for mode in ("mode=ro", "immutable=1"):
        conn = sqlite3.connect(f"{uri}?{mode}", uri=True, timeout=WAIT_SECONDS,
                               isolation_level=None, check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            version = check_version(conn)
        except sqlite3.Error:
            conn.close()
            continue
        except BaseException:
            conn.close()
            raise
        if version < READABLE_FROM:
            conn.close()
            raise ConnecteurError("Vos annotations viennent d'une version plus ancienne de "
                                  "Connecteur et ne peuvent pas être mises à jour.")
        return _read_only_ready(conn)
    raise ConnecteurError(f"Le fichier de vos annotations ({path}) ne peut pas être lu.")


def _read_only_ready(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only = ON")
    return conn
