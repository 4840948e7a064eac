"""The connection to the user database: WAL, foreign keys, waits, transactions.

Why these settings:

* WAL lets a second window read while the first one writes, and a commit is one append
  to the log; ``synchronous=FULL`` makes every commit durable (fsync) before the call
  returns, so "saved" means saved, even if the laptop loses power just after.
* ``busy_timeout``: two windows of the app on the same data wait for each other's
  (short) transactions instead of failing; writes start with ``BEGIN IMMEDIATE`` so
  two writers never deadlock on a lock upgrade.
* Two connections per store: the *writer*, behind a lock, used by transactions (a Qt
  front end runs every write in one worker thread), and the *reader*, used by reads
  from any other thread. With WAL a reader never waits for a writer, so the window
  keeps reading (and repainting) while a write holds a transaction; it sees the data
  as of the last commit. A read made by the thread that holds the write transaction
  joins it, so commands see their own uncommitted rows.
* An import, whose one transaction may last seconds, gets a connection of its own
  (:meth:`UserDatabase.import_transaction`) and raises a marker that makes every other
  writer — another window, the command line — give up at once with an honest message
  rather than wait.
* ``journal_size_limit``: after a big transaction (an import, committed or cancelled)
  the write-ahead log is truncated instead of staying as big as the transaction was.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from connecteur.errors import BusyError, ConnecteurError
from connecteur.store.user.file_locks import ImportMarker, import_running, wait_for_import
from connecteur.store.user.read_only import connect_read_only
from connecteur.store.user.schema import check_version, migrate

BUSY_TIMEOUT_MS = 15_000
JOURNAL_SIZE_LIMIT = 4 * 2**20
# An import's connection keeps more pages in memory than SQLite's default 2 MiB: a big
# transaction then stays linear instead of spilling pages to the log over and over.
IMPORT_CACHE_KIB = 32 * 1024
IMPORT_RUNNING = ("Un import d'annotations est en cours (dans cette fenêtre, une autre "
                  "fenêtre ou la ligne de commande) : la modification n'a pas été faite.")
IMPORT_HINT = "Réessayez une fois l'import terminé."


class UserDataError(ConnecteurError):
    """The user database cannot be read or written."""


class UserDataBusy(UserDataError, BusyError):
    """Another writer holds the database (an import, another window's save)."""


def _translate(exc: sqlite3.Error, path: Path, *, importing: bool = False) -> UserDataError:
    """``exc`` in French; ``importing``: raised by the import itself (the import marker
    it holds says nothing about who else is writing)."""
    text = str(exc).lower()
    if ("locked" in text or "busy" in text) and not importing and import_running(path):
        return UserDataBusy(IMPORT_RUNNING, hint=IMPORT_HINT)
    if "locked" in text or "busy" in text:
        return UserDataBusy("Vos annotations sont en cours d'enregistrement dans une autre "
                             "fenêtre de Connecteur ; la modification n'a pas été faite.",
                             hint="Réessayez dans un instant.")
    if "readonly" in text or "read-only" in text:
        return UserDataError(f"Vos annotations ne peuvent pas être enregistrées : {path} est "
                             "en lecture seule (fichier, dossier ou disque protégé en "
                             "écriture). La modification n'a pas été faite.")
    if "disk" in text and "full" in text:
        return UserDataError("Le disque est plein : la modification n'a pas été enregistrée.",
                             hint="Libérez de la place puis recommencez.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return UserDataError(f"Le fichier de vos annotations est abîmé ({path}).",
                             hint="Redémarrez Connecteur : il restaurera la dernière "
                                  "sauvegarde.")
    return UserDataError(f"Erreur de la base de vos annotations ({path}) : {exc}.")


def connect(path: Path) -> sqlite3.Connection:
    """A configured autocommit connection (transactions are explicit). A file written
    by a newer version is refused before anything (even the journal mode) is changed."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        check_version(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
    except BaseException:
        conn.close()
        raise
    return conn


class UserDatabase:
    """The open user database: every read and write goes through here."""

    def __init__(self, path: Path, conn: sqlite3.Connection,
                 read_only: str | None = None) -> None:
        self.path = path
        self.read_only = read_only  # why it cannot be written (French), or None
        self._conn = conn
        self._lock = threading.RLock()
        self._depth = 0
        self._owner: int | None = None  # the thread inside a write transaction
        self._reader: sqlite3.Connection | None = None
        self._read_lock = threading.RLock()
        self._read_depth = 0
        self._data_version = self._read_data_version()
        self._markers: list = []

    @classmethod
    def open_read_only(cls, path: Path, reason: str) -> UserDatabase:
        """Open for reading only; every write is refused with ``reason``."""
        try:
            conn = connect_read_only(path)
        except ConnecteurError as exc:
            raise UserDataError(f"{exc.message.rstrip('.')} : {reason}.", hint=exc.hint) \
                from None
        return cls(path, conn, read_only=reason)

    def keep(self, marker) -> None:
        """Hold ``marker`` (a file lock) for as long as the database is open."""
        self._markers.append(marker)

    def check_writable(self) -> None:
        """A French error, before anything is done, when nothing can be saved."""
        if self.read_only:
            raise UserDataError(f"Vos annotations ne peuvent pas être enregistrées : "
                                f"{self.read_only}. La modification n'a pas été faite.",
                                hint="Vos annotations restent consultables.")

    @classmethod
    def open(cls, path: Path) -> tuple[UserDatabase, int | None]:
        """Open (creating it if needed) and migrate; return the database and the version
        it was migrated from (None when already current)."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = connect(path)
        except OSError as exc:
            raise UserDataError(f"Impossible de créer le dossier de vos annotations "
                                f"{path.parent} ({exc.strerror}).") from None
        except sqlite3.Error as exc:
            raise _translate(exc, path) from None
        try:
            migrated_from = migrate(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise _translate(exc, path) from None
        except BaseException:
            conn.close()
            raise
        return cls(path, conn), migrated_from

    def close(self) -> None:
        with self._lock:
            with suppress(sqlite3.Error):
                self._conn.execute("PRAGMA optimize")
            self._conn.close()
        with self._read_lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None
            for marker in self._markers:
                marker.release()
            self._markers.clear()

    def _in_own_transaction(self) -> bool:
        return self._owner == threading.get_ident()

    def _read_connection(self) -> sqlite3.Connection:
        """The reader, opened on first use (call with ``_read_lock`` held)."""
        if self._reader is None:
            try:
                self._reader = connect_read_only(self.path) if self.read_only \
                    else connect(self.path)
            except sqlite3.Error as exc:
                raise _translate(exc, self.path) from None
        return self._reader

    # --- transactions -----------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All of the block's writes, committed together before the block returns, or none.

        Re-entrant: an inner block joins the outer transaction.
        """
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self._conn
                finally:
                    self._depth -= 1
                return
            self.check_writable()
            if wait_for_import(self.path):
                raise UserDataBusy(IMPORT_RUNNING, hint=IMPORT_HINT)
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise _translate(exc, self.path) from None
            self._depth = 1
            self._owner = threading.get_ident()
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise _translate(exc, self.path) from None
            except BaseException:
                self._rollback()
                raise
            finally:
                self._depth = 0
                self._owner = None
            self._data_version = self._read_data_version()

    @contextmanager
    def import_transaction(self) -> Iterator[sqlite3.Connection]:
        """One long write transaction on a connection of its own, under the import
        marker; the write-ahead log is truncated afterwards, committed or not.

        The store's own connection stays free: the window keeps reading (it sees the
        data as it was until the commit), and its writes are refused at once with
        :data:`IMPORT_RUNNING` instead of freezing behind this transaction.
        """
        self.check_writable()
        marker = ImportMarker(self.path)
        if not marker.acquire():
            raise UserDataBusy(IMPORT_RUNNING, hint=IMPORT_HINT)
        try:
            try:
                conn = connect(self.path)
            except sqlite3.Error as exc:
                raise _translate(exc, self.path, importing=True) from None
            try:
                conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                conn.close()
                raise _translate(exc, self.path, importing=True) from None
            try:
                yield conn
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                _rollback(conn)
                raise _translate(exc, self.path, importing=True) from None
            except BaseException:
                _rollback(conn)
                raise
            finally:
                with suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.close()
        finally:
            marker.release()
        with self._lock:  # our own import is not news from "another window"
            self._data_version = self._read_data_version()

    def _rollback(self) -> None:
        with suppress(sqlite3.Error):  # SQLite may have rolled back already (disk full)
            self._conn.execute("ROLLBACK")

    # --- reads ------------------------------------------------------------------------
    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A consistent view for several reads, on the reader (WAL readers never wait
        for a writer). Inside this thread's write transaction, reads join it."""
        if self._in_own_transaction():
            with self._lock:
                yield self._conn
            return
        with self._read_lock:
            conn = self._read_connection()
            if self._read_depth:  # nested: joins the outer snapshot
                yield conn
                return
            try:
                conn.execute("BEGIN")
            except sqlite3.Error as exc:
                raise _translate(exc, self.path) from None
            self._read_depth = 1
            try:
                yield conn
            except sqlite3.Error as exc:
                raise _translate(exc, self.path) from None
            finally:
                self._read_depth = 0
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")  # nothing to keep: a read-only transaction

    def rows(self, sql: str, params: Sequence | dict = ()) -> list[sqlite3.Row]:
        if self._in_own_transaction():
            with self._lock:
                return self._execute(self._conn, sql, params)
        with self._read_lock:
            return self._execute(self._read_connection(), sql, params)

    def _execute(self, conn: sqlite3.Connection, sql: str,
                 params: Sequence | dict) -> list[sqlite3.Row]:
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _translate(exc, self.path) from None

    def row(self, sql: str, params: Sequence | dict = ()) -> sqlite3.Row | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def value(self, sql: str, params: Sequence | dict = ()) -> object:
        found = self.row(sql, params)
        return found[0] if found is not None else None

    # --- meta and other writers --------------------------------------------------------
    def meta(self, key: str) -> str | None:
        value = self.value("SELECT value FROM meta WHERE key = ?", (key,))
        return None if value is None else str(value)

    def set_meta(self, conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def _read_data_version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def changed_elsewhere(self) -> bool:
        """Whether another connection (another window) committed since we last looked.
        Never waits: while this store is writing, the answer is no (we will look again)."""
        if not self._lock.acquire(blocking=False):
            return False
        try:
            current = self._read_data_version()
            changed = current != self._data_version
            self._data_version = current
            return changed
        finally:
            self._lock.release()

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database and truncate it (after a big
        change, so that no large log is left behind)."""
        with self._lock, suppress(sqlite3.Error):
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def integrity_problems(self) -> list[str]:
        """``PRAGMA integrity_check`` messages; empty when the file is sound."""
        found = [str(r[0]) for r in self.rows("PRAGMA integrity_check")]
        return [] if found == ["ok"] else found


def _rollback(conn: sqlite3.Connection) -> None:
    with suppress(sqlite3.Error):
        conn.execute("ROLLBACK")
