"""Reading the bundled corpus database back into the domain model.

The corpus is small (a few hundred items), so it is loaded whole, once, into
immutable objects; the rest of the app then works without SQL and without I/O.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from connecteur import paths
from connecteur.corpus import (
    About,
    AboutBlock,
    Event,
    FieldSite,
    Item,
    Lead,
    Library,
    ParseWarning,
    Resource,
    Session,
    Speaker,
    Theme,
)
from connecteur.corpus.ids import kind_of, malformed_reason, normalise, shown
from connecteur.corpus.text import fold
from connecteur.errors import LibraryError, NotFoundError
from connecteur.store.library.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from connecteur.store.library.imported import ImportedDocument


def _connect_read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise LibraryError(f"La base du corpus est introuvable : {path}.",
                           hint="Reconstruisez-la avec « connecteur build ».")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise LibraryError(f"La base du corpus est illisible ou abîmée : {path} ({exc}).",
                           hint="Reconstruisez-la avec « connecteur build ».") from None
    return conn


class TableReader:
    """Rows grouped by their parent, read in one pass per table.

    Plain ``sqlite3`` rather than sqlite-utils: reading needs nothing more, and
    importing sqlite-utils would cost the window a noticeable part of its start-up.
    Rows come back as plain tuples of the columns asked for: with a few imported
    documents the library holds thousands of rows, and named rows cost start-up time.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.row_factory = None

    def rows(self, table: str, columns: str, order_by: str = "position") -> list[tuple]:
        # Table and column names come from this module, never from input.
        return self.conn.execute(
            f"SELECT {columns} FROM {table} ORDER BY {order_by}").fetchall()

    def grouped(self, table: str, key: str, columns: str) -> dict[str, list[tuple]]:
        """``columns`` of each row, by the value of ``key``, in position order."""
        groups: dict[str, list[tuple]] = defaultdict(list)
        for row in self.rows(table, f"{key}, {columns}", f"{key}, position"):
            groups[row[0]].append(row[1:])
        return groups

    def values(self, table: str, key: str, column: str) -> dict[str, tuple[str, ...]]:
        return {k: tuple(r[0] for r in rows)
                for k, rows in self.grouped(table, key, column).items()}


def _load(read: TableReader) -> tuple[Library, dict[str, str]]:
    meta = dict(read.rows("meta", "key, value", "key"))
    if meta.get("schema_version") != str(SCHEMA_VERSION):
        raise LibraryError("La base du corpus a été construite par une autre version de "
                           "Connecteur.", hint="Reconstruisez-la avec « connecteur build ».")
    about = About(
        meta.get("about_title", ""),
        tuple(AboutBlock(kind, text) for kind, text in read.rows("about_blocks", "kind, text")),
        tuple(url for (url,) in read.rows("about_links", "url")))
    events = tuple(event for _, event in load_events(read))
    warnings = tuple(ParseWarning(line, message)
                     for line, message in read.rows("parse_warnings", "line, message"))
    return Library(about, events, warnings), meta


def load_events(read: TableReader, owner: str = "NULL") -> list[tuple[str | None, Event]]:
    """Every event of a library database with its sessions and items, in order, each
    with the value of its ``owner`` column (in the trainer's own library, the document
    it comes from; the bundled database has none)."""
    lead_items = read.values("lead_items", "lead_id", "text")
    site_items = read.values("field_site_items", "field_site_id", "text")
    site_urls = read.values("field_site_urls", "field_site_id", "url")
    res_urls = read.values("resource_urls", "resource_id", "url")
    leads = read.grouped("leads", "theme_id", "id, session_id, position, body")
    themes = read.grouped("themes", "session_id", "id, position, title, part")
    sites = read.grouped("field_sites", "session_id", "id, position, body")
    resources = read.grouped("resources", "session_id", "id, position, text")
    speakers = read.grouped("speakers", "session_id", "id, position, name, affiliation")
    sessions = read.grouped("sessions", "event_id", "id, number, title, introduction")

    def theme(sid: str, tid: str, position: int, title: str, part: str | None) -> Theme:
        return Theme(tid, sid, position, title, part,
                     tuple(Lead(lid, lsid, rank, tid, title, part, body,
                                lead_items.get(lid, ()))
                           for lid, lsid, rank, body in leads[tid]))

    def session(event_id: str, date: str, sid: str, number: int, title: str,
                introduction: str) -> Session:
        return Session(
            sid, event_id, date, number, title, introduction,
            tuple(theme(sid, *row) for row in themes[sid]),
            tuple(FieldSite(fid, sid, rank, body, site_items.get(fid, ()),
                            site_urls.get(fid, ()))
                  for fid, rank, body in sites[sid]),
            tuple(Resource(rid, sid, rank, text, res_urls.get(rid, ()))
                  for rid, rank, text in resources[sid]),
            tuple(Speaker(pid, sid, rank, name, affiliation)
                  for pid, rank, name, affiliation in speakers[sid]))

    return [(document, Event(eid, date, title,
                             tuple(session(eid, date, *row) for row in sessions[eid])))
            for eid, date, title, document in read.rows("events",
                                                        f"id, date, title, {owner}")]


@dataclass(frozen=True)
class SpeakerEntry:
    """One person across the library (the same name may speak in several sessions)."""

    name: str
    affiliations: tuple[str, ...]
    speakers: tuple[Speaker, ...]


class CorpusStore:
    """The read-only library: the bundled database, and the documents the trainer
    imported (see :mod:`connecteur.store.library.imported`), presented as one library
    whose events run in date order.

    ``fingerprint`` names the whole library's text (the bundled fingerprint itself when
    nothing was imported): the user layer re-attaches annotations when it changes.
    ``base_fingerprint`` names the bundled text alone.
    """

    def __init__(self, library: Library, fingerprint: str, path: Path | None = None, *,
                 documents: tuple[ImportedDocument, ...] = (), bundled: Library | None = None,
                 base_fingerprint: str | None = None, notices: tuple[str, ...] = (),
                 imported_path: Path | None = None) -> None:
        self.library = library
        self.fingerprint = fingerprint
        self.path = path
        self.documents = documents
        self.bundled = bundled or library
        self.base_fingerprint = base_fingerprint or fingerprint
        self.notices = notices  # French sentences: what could not be loaded, and why
        self.imported_path = imported_path  # the trainer's library database (None: none)

    @classmethod
    def open(cls, path: Path | None = None, *,
             imported: Path | bool | None = True) -> CorpusStore:
        """Open the bundled database (or ``path``) and the trainer's imported documents
        (``imported``: their database, or False for the bundled library alone); raise
        LibraryError with a French message when the bundled one cannot be read. Imported
        documents that cannot be read are left out and said so in ``notices``."""
        path = path or paths.bundled_db_path()
        conn = _connect_read_only(path)
        try:
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if {"meta", "events", "sessions", "leads"} - tables:
                raise LibraryError(f"{path} n'est pas une base du Connecteur Recherche.",
                                   hint="Reconstruisez-la avec « connecteur build ».")
            library, meta = _load(TableReader(conn))
            fingerprint = meta["corpus_sha256"]
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"La base du corpus est illisible ou abîmée : {path} ({exc}).",
                               hint="Reconstruisez-la avec « connecteur build ».") from None
        finally:
            conn.close()
        if imported is False:
            return cls(library, fingerprint, path)
        own = paths.imported_library_path() if imported is True or imported is None \
            else Path(imported)
        if not own.is_file():  # nothing imported: the bundled library as it is
            return cls(library, fingerprint, path, imported_path=own)
        return cls._with_imported(library, fingerprint, path, own)

    @classmethod
    def _with_imported(cls, bundled: Library, fingerprint: str, path: Path,
                       own: Path) -> CorpusStore:
        from connecteur.store.library.imported import load_documents

        notices: list[str] = []
        try:
            loaded = load_documents(own)
        except LibraryError as exc:
            return cls(bundled, fingerprint, path, notices=(str(exc),), imported_path=own)
        taken = {event.date for event in bundled.events}
        documents, events = [], list(bundled.events)
        for document, own_events in loaded:
            clash = [e.date for e in own_events if e.date in taken]
            if clash:
                notices.append(f"Le document importé « {document.name} » n'est pas affiché : "
                               f"sa journée du {clash[0]} est déjà dans la bibliothèque.")
                continue
            taken.update(e.date for e in own_events)
            documents.append(document)
            events += own_events
        if not documents:
            return cls(bundled, fingerprint, path, notices=tuple(notices), imported_path=own)
        library = Library(bundled.about, tuple(sorted(events, key=lambda e: e.date)),
                          bundled.warnings)
        combined = hashlib.sha256("\n".join(
            [fingerprint, *(f"{d.id}:{d.content_sha256}" for d in documents)]
        ).encode("utf-8")).hexdigest()
        return cls(library, combined, path, documents=tuple(documents), bundled=bundled,
                   base_fingerprint=fingerprint, notices=tuple(notices), imported_path=own)

    def document_of(self, item: Event | Item | str) -> ImportedDocument | None:
        """The imported document an item (or an ID) comes from; None for the bundled one."""
        identifier = item if isinstance(item, str) else item.id
        date = normalise(identifier)[:10]
        return next((d for d in self.documents if date in d.dates), None)

    @cached_property
    def _index(self) -> dict[str, Event | Item]:
        return self.library.index()

    @property
    def events(self) -> tuple[Event, ...]:
        return self.library.events

    @property
    def sessions(self) -> tuple[Session, ...]:
        return self.library.sessions

    def get(self, identifier: str) -> Event | Item:
        """The item with this ID (``connecteur://`` links accepted)."""
        found = self._index.get(normalise(identifier))
        if found is None:
            what = malformed_reason(identifier) if kind_of(normalise(identifier)) is None \
                else "aucun élément ne porte cet identifiant"
            raise NotFoundError(f"« {shown(identifier)} » : {what}.",
                                hint="Exemple d'identifiant : 2020-05-20/s1/lead/03.")
        return found

    def find(self, identifier: str) -> Event | Item | None:
        return self._index.get(normalise(identifier))

    def session_of(self, item: Item) -> Session:
        if isinstance(item, Session):
            return item
        found = self._index[item.session_id]
        assert isinstance(found, Session)
        return found

    def speaker_entries(self) -> list[SpeakerEntry]:
        """Every person once, with their affiliations and sessions, sorted by name."""
        by_name: dict[str, list[Speaker]] = defaultdict(list)
        for session in self.sessions:
            for speaker in session.speakers:
                by_name[speaker.name].append(speaker)
        return [SpeakerEntry(name, tuple(dict.fromkeys(s.affiliation for s in group)),
                             tuple(group))
                for name, group in sorted(by_name.items(), key=lambda kv: _sort_key(kv[0]))]

    def resources(self) -> list[Resource]:
        return [r for s in self.sessions for r in s.resources]


def _sort_key(name: str) -> str:
    return fold(name)
