"""The trainer's imported documents: a library database of their own.

It lives with the user's data (``paths.imported_library_path()``, under
``CONNECTEUR_HOME`` when set), next to the read-only bundled database, and has the
same item tables — events, sessions, themes, leads, field sites, resources, speakers —
plus one row per imported document (its file, its front matter, what its reading
noticed), every event naming the document it came from. Removing a document removes
its rows (foreign keys cascade); a meeting date belongs to one document only.

Every change is one transaction: a reader sees the library before or after an
import, never half of one.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from connecteur import paths
from connecteur.corpus import About, AboutBlock, Event, Library
from connecteur.corpus.export import event_dict
from connecteur.errors import LibraryError, os_reason
from connecteur.store.library.corpus_store import TableReader, load_events
from connecteur.store.library.schema import TABLES, session_rows

SCHEMA_VERSION = 1
_ITEM_TABLES = ("events", "sessions", "themes", "leads", "lead_items", "field_sites",
                "field_site_items", "field_site_urls", "resources", "resource_urls",
                "speakers")
_OWN_TABLES = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
    "kind TEXT NOT NULL, file_sha256 TEXT NOT NULL, content_sha256 TEXT NOT NULL, "
    "imported TEXT NOT NULL, pages INTEGER NOT NULL, encoding TEXT NOT NULL, "
    "about_title TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS document_about (document_id TEXT NOT NULL REFERENCES "
    "documents(id) ON DELETE CASCADE, position INTEGER NOT NULL, kind TEXT NOT NULL, "
    "text TEXT NOT NULL, PRIMARY KEY (document_id, position))",
    "CREATE TABLE IF NOT EXISTS document_links (document_id TEXT NOT NULL REFERENCES "
    "documents(id) ON DELETE CASCADE, position INTEGER NOT NULL, url TEXT NOT NULL, "
    "PRIMARY KEY (document_id, position))",
    "CREATE TABLE IF NOT EXISTS document_notes (document_id TEXT NOT NULL REFERENCES "
    "documents(id) ON DELETE CASCADE, position INTEGER NOT NULL, place TEXT NOT NULL, "
    "message TEXT NOT NULL, PRIMARY KEY (document_id, position))",
)
_SQL_TYPES = {str: "TEXT", int: "INTEGER"}


def _item_tables_sql() -> list[str]:
    """The bundled schema's item tables, each row deleted with its parent (and events
    with their document)."""
    out = []
    for name, columns, pk, foreign_keys, indexes in TABLES:
        if name not in _ITEM_TABLES:
            continue
        defs = [f"{col} {_SQL_TYPES[kind]}" + ("" if col == "part" else " NOT NULL")
                for col, kind in columns.items()]
        if name == "events":
            defs.append("document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE")
        keys = pk if isinstance(pk, tuple) else (pk,)
        defs.append(f"PRIMARY KEY ({', '.join(keys)})")
        defs += [f"FOREIGN KEY ({col}) REFERENCES {table}({other}) ON DELETE CASCADE"
                 for col, table, other in foreign_keys]
        out.append(f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(defs)})")
        out += [f"CREATE INDEX IF NOT EXISTS idx_{name}_{col} ON {name}({col})"
                for col in indexes]
        # Read in (parent, position) order at every start: no sorting then.
        out += [f"CREATE INDEX IF NOT EXISTS idx_{name}_{col}_position ON {name}({col}, "
                "position)" for col, _, _ in foreign_keys[:1] if "position" in columns]
    return [*out, "CREATE INDEX IF NOT EXISTS idx_events_document_id ON events(document_id)"]


@dataclass(frozen=True)
class StoredNote:
    place: str
    message: str

    def __str__(self) -> str:
        return f"{self.place} : {self.message}" if self.place else self.message


@dataclass(frozen=True)
class ImportedDocument:
    """One imported document: where it came from and what it holds."""

    id: str                  # its first meeting date (dates are unique in the library)
    name: str                # the file's name
    kind: str                # "pdf" or "text"
    file_sha256: str
    content_sha256: str      # of what was read: the same content gives the same value
    imported: str            # ISO time of the import
    pages: int
    encoding: str
    about: About
    dates: tuple[str, ...]
    notes: tuple[StoredNote, ...] = ()


@dataclass(frozen=True)
class NewDocument:
    """What an import stores: the parsed library and where it came from."""

    library: Library
    name: str
    kind: str
    file_sha256: str
    pages: int = 0
    encoding: str = ""
    notes: tuple[tuple[str, str], ...] = ()  # (place, message)

    @property
    def content_sha256(self) -> str:
        return content_fingerprint(self.library)


def content_fingerprint(library: Library) -> str:
    """A digest of a document's events and items (as exported): equal for equal content.
    Line breaks inside an item's text do not count: a PDF and its text differ there
    (two references of one bullet are set apart only when the source tells)."""
    payload = json.dumps([event_dict(e) for e in library.events], ensure_ascii=False,
                         sort_keys=True).replace("\\n", " ")
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _problem(path: Path, exc: Exception) -> LibraryError:
    reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
    return LibraryError(f"La bibliothèque de vos documents importés est illisible : {path} "
                        f"({reason}).", hint="Déplacez ce fichier pour repartir sans documents "
                        "importés (le corpus livré reste disponible), puis importez-les de "
                        "nouveau.")


# --- reading -----------------------------------------------------------------------------------

def load_documents(path: Path | None = None) -> list[tuple[ImportedDocument, tuple[Event, ...]]]:
    """Every imported document with its events, oldest import first; an empty list when
    the trainer has imported nothing (the file does not even exist then)."""
    path = path or paths.imported_library_path()
    if not path.is_file():
        return []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _problem(path, exc) from None
    try:
        read = TableReader(conn)
        meta = dict(read.rows("meta", "key, value", "key"))
        if meta.get("schema_version") != str(SCHEMA_VERSION):
            raise LibraryError(f"La bibliothèque de vos documents importés ({path}) vient "
                               "d'une autre version de Connecteur.",
                               hint="Mettez Connecteur à jour pour la lire.")
        return _documents(read)
    except sqlite3.Error as exc:
        raise _problem(path, exc) from None
    finally:
        conn.close()


def _documents(read: TableReader) -> list[tuple[ImportedDocument, tuple[Event, ...]]]:
    events: dict[str, list[Event]] = {}
    for document, event in load_events(read, owner="document_id"):
        events.setdefault(document, []).append(event)
    blocks = read.grouped("document_about", "document_id", "kind, text")
    links = read.grouped("document_links", "document_id", "url")
    notes = read.grouped("document_notes", "document_id", "place, message")
    out = []
    for row in read.rows("documents", "id, name, kind, file_sha256, content_sha256, "
                         "imported, pages, encoding, about_title", "imported, id"):
        doc_id, *fields, about_title = row
        own = tuple(events.get(doc_id, ()))
        about = About(about_title, tuple(AboutBlock(*b) for b in blocks[doc_id]),
                      tuple(url for (url,) in links[doc_id]))
        out.append((ImportedDocument(doc_id, *fields, about, tuple(e.date for e in own),
                                     tuple(StoredNote(*n) for n in notes[doc_id])), own))
    return out


# --- writing -----------------------------------------------------------------------------------

def _connect(path: Path) -> sqlite3.Connection:
    try:
        paths.ensure_dir(path.parent)
        conn = sqlite3.connect(path, timeout=10, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
            conn.execute("BEGIN IMMEDIATE")  # the whole schema in one write
            for statement in (*_OWN_TABLES, *_item_tables_sql()):
                conn.execute(statement)
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                         (str(SCHEMA_VERSION),))
            conn.execute("COMMIT")
        found = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except (sqlite3.Error, OSError) as exc:
        raise _problem(path, exc) from None
    if not found or found[0] != str(SCHEMA_VERSION):
        conn.close()
        raise LibraryError(f"La bibliothèque de vos documents importés ({path}) vient d'une "
                           "autre version de Connecteur.", hint="Mettez Connecteur à jour.")
    return conn


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    if rows:
        columns = list(rows[0])
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
            f"({', '.join('?' for _ in columns)})", [tuple(r[c] for c in columns) for r in rows])


def _rows(document: NewDocument, doc_id: str) -> dict[str, list[dict]]:
    library = document.library
    rows: dict[str, list[dict]] = {name: [] for name in _ITEM_TABLES}
    for e_pos, event in enumerate(library.events, start=1):
        rows["events"].append({"id": event.id, "document_id": doc_id, "position": e_pos,
                               "date": event.date, "title": event.title})
        for s_pos, session in enumerate(event.sessions, start=1):
            rows["sessions"].append({"id": session.id, "event_id": event.id,
                                     "position": s_pos, "number": session.number,
                                     "title": session.title,
                                     "introduction": session.introduction})
            session_rows(session, rows)
    return rows


@contextmanager
def _writing(path: Path) -> Iterator[sqlite3.Connection]:
    """One write transaction on the documents file: committed whole, or rolled back and
    reported in French (an integrity error is left to the caller, who knows why)."""
    conn = _connect(path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("COMMIT")
    except sqlite3.IntegrityError:
        conn.execute("ROLLBACK")
        raise
    except (sqlite3.Error, OSError) as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise _problem(path, exc) from None
    finally:
        conn.close()


def write_document(document: NewDocument, replacing: tuple[str, ...] = (),
                   path: Path | None = None, *, now: datetime | None = None) -> str:
    """Store a document, removing the documents ``replacing`` in the same transaction;
    returns the new document's ID. The caller has checked the dates against the
    library; the database refuses a date stored twice all the same."""
    path = path or paths.imported_library_path()
    library = document.library
    doc_id = library.events[0].date
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    try:
        with _writing(path) as conn:
            for old in replacing:
                conn.execute("DELETE FROM documents WHERE id = ?", (old,))
            _insert(conn, "documents", [{
                "id": doc_id, "name": document.name, "kind": document.kind,
                "file_sha256": document.file_sha256,
                "content_sha256": document.content_sha256, "imported": stamp,
                "pages": document.pages, "encoding": document.encoding,
                "about_title": library.about.title}])
            _insert(conn, "document_about", [
                {"document_id": doc_id, "position": i, "kind": b.kind, "text": b.text}
                for i, b in enumerate(library.about.blocks, start=1)])
            _insert(conn, "document_links", [
                {"document_id": doc_id, "position": i, "url": url}
                for i, url in enumerate(library.about.links, start=1)])
            _insert(conn, "document_notes", [
                {"document_id": doc_id, "position": i, "place": place, "message": message}
                for i, (place, message) in enumerate(document.notes, start=1)])
            for table, rows in _rows(document, doc_id).items():
                _insert(conn, table, rows)
    except sqlite3.IntegrityError:
        raise LibraryError("Une journée de ce document est déjà dans vos documents importés "
                           "(un autre import vient d'avoir lieu ?).",
                           hint="Recommencez avec --replace pour la remplacer.") from None
    return doc_id


def delete_document(doc_id: str, path: Path | None = None) -> bool:
    """Remove a document and everything it holds; False when there was none."""
    path = path or paths.imported_library_path()
    if not path.is_file():
        return False
    with _writing(path) as conn:
        removed = conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount
    return bool(removed)
