"""Adding a Connecteur synthesis to the library, and taking it out again.

The operations behind ``connecteur import FILE``, ``connecteur remove-document DATE``
and the window's Fichier › Importer un document… — no Qt here, so both front ends
call the same code (the window from a worker thread):

* :func:`preview_document` reads and parses a file and says what it would add — events,
  sessions, counts, warnings, dates already in the library — and writes nothing;
* :func:`import_document` stores it in the trainer's library database (replacing the
  documents whose dates it takes, only when asked), brings the search index up to date
  incrementally and re-attaches the trainer's annotations, as a corrected corpus does;
* :func:`remove_document` takes a document out: its annotations become orphans, and find
  their items again if the document comes back.

Nothing is written before the file has been read, understood and checked; a
cancellation is honoured up to the moment of writing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from connecteur import paths
from connecteur.corpus import Library, Session
from connecteur.corpus.counts import session_counts, totals
from connecteur.corpus.reference import french_date
from connecteur.corpus.sources import DocumentNote, ParsedDocument, read_document
from connecteur.errors import ConnecteurError, OperationCancelled
from connecteur.store.library.corpus_store import CorpusStore
from connecteur.store.library.imported import (
    ImportedDocument,
    NewDocument,
    content_fingerprint,
    delete_document,
    write_document,
)

if TYPE_CHECKING:
    from connecteur.search import SearchService
    from connecteur.store.user.reanchor import AnchorReport
    from connecteur.store.user.store import UserStore

Progress = Callable[[int, int], None]
Stage = Callable[[str], None]
Cancelled = Callable[[], bool]

# Shares of an import's progress bar: reading the pages, then the three writing steps.
_STEPS = ("Enregistrement dans la bibliothèque",
          "Rattachement des annotations et mise à jour de la recherche")


@dataclass(frozen=True)
class Conflict:
    """A meeting date of the new document that the library already holds."""

    date: str
    document: ImportedDocument | None  # None: the date belongs to the bundled corpus

    @property
    def sentence(self) -> str:
        day = french_date(self.date)
        if self.document is None:
            return f"la journée du {day} fait partie du corpus livré avec Connecteur"
        when = french_date(self.document.imported[:10])
        return (f"la journée du {day} est déjà dans la bibliothèque (document "
                f"« {self.document.name} », importé le {when})")


@dataclass(frozen=True)
class DocumentPreview:
    """What an import would add, read from the file; nothing written yet."""

    document: ParsedDocument
    conflicts: tuple[Conflict, ...] = ()
    unchanged: bool = False  # the library holds this very content already

    @property
    def library(self) -> Library:
        return self.document.library

    @property
    def sessions(self) -> tuple[Session, ...]:
        return self.library.sessions

    @property
    def notes(self) -> tuple[DocumentNote, ...]:
        return self.document.notes

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        """Per session ID: themes, leads, field sites, resources, URLs, speakers."""
        return {s.id: session_counts(s) for s in self.sessions}

    @property
    def totals(self) -> dict[str, int]:
        return totals(list(self.counts.values()))

    @property
    def blocked(self) -> bool:
        """Whether even ``replace`` cannot import it (a date of the bundled corpus)."""
        return any(c.document is None for c in self.conflicts)


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did."""

    preview: DocumentPreview
    corpus: CorpusStore                   # the library after the import
    document_id: str | None               # None when nothing changed
    replaced: tuple[ImportedDocument, ...] = ()
    anchoring: AnchorReport | None = None
    indexed: int | None = None            # index documents added; None: no index to update
    seconds: float = 0.0
    notes: tuple[str, ...] = ()           # what could not follow yet, in French

    @property
    def changed(self) -> bool:
        return self.document_id is not None


@dataclass(frozen=True)
class RemovalOutcome:
    """What removing a document did."""

    document: ImportedDocument
    corpus: CorpusStore
    anchoring: AnchorReport | None = None
    orphans: int = 0
    notes: tuple[str, ...] = ()


# --- reading -----------------------------------------------------------------------------------

def conflicts_with(library: Library, corpus: CorpusStore) -> tuple[Conflict, ...]:
    bundled = {e.date for e in corpus.bundled.events}
    found = []
    for event in library.events:
        if event.date in bundled:
            found.append(Conflict(event.date, None))
        elif (owner := corpus.document_of(event.date)) is not None:
            found.append(Conflict(event.date, owner))
    return tuple(found)


def _unchanged(library: Library, conflicts: tuple[Conflict, ...]) -> bool:
    """Whether the conflicting documents are exactly this one, already imported."""
    owners = {c.document.id: c.document for c in conflicts if c.document is not None}
    if len(owners) != 1 or len(conflicts) != len(library.events):
        return False
    (owner,) = owners.values()
    return owner.content_sha256 == content_fingerprint(library) and \
        set(owner.dates) == {e.date for e in library.events}


def preview_document(path: Path, *, corpus: CorpusStore | None = None,
                     progress: Progress | None = None,
                     cancelled: Cancelled | None = None) -> DocumentPreview:
    """Read and parse a PDF or text file and say what importing it would do. Writes
    nothing; raises ConnecteurError (French) when the file is not a Connecteur synthesis.
    ``progress(done, total)`` counts the pages of a PDF."""
    corpus = corpus or CorpusStore.open()
    parsed = read_document(Path(path), progress=progress, cancelled=cancelled)
    conflicts = conflicts_with(parsed.library, corpus)
    return DocumentPreview(parsed, conflicts, _unchanged(parsed.library, conflicts))


# --- importing ---------------------------------------------------------------------------------

def _refuse(preview: DocumentPreview, replace: bool) -> None:
    bundled = [c for c in preview.conflicts if c.document is None]
    if bundled:
        raise ConnecteurError(f"Document refusé : {bundled[0].sentence}, qui ne peut pas être "
                              "remplacé. Rien n'a été importé.")
    if preview.conflicts and not replace:
        raise ConnecteurError(f"Document refusé : {preview.conflicts[0].sentence}. Rien n'a "
                              "été importé.",
                              hint="Pour remplacer l'ancien document par celui-ci (vos "
                                   "annotations le suivent), recommencez avec --replace.")


def _reopen(corpus: CorpusStore) -> CorpusStore:
    return CorpusStore.open(corpus.path, imported=corpus.imported_path)


@dataclass
class _Followed:
    anchoring: AnchorReport | None = None
    indexed: int | None = None
    notes: list[str] = field(default_factory=list)


def _follow(corpus: CorpusStore, user: UserStore | None,
            search: SearchService | None) -> _Followed:
    """Re-attach the annotations to the new library, then bring the index up to date
    (the window's open stores, or the files on disk for the command line). The library
    is written already: a failure here is reported, and made good at the next start."""
    done = _Followed()
    notes: list[tuple[str, str, str]] = []
    try:
        if user is not None:
            done.anchoring = user.use_corpus(corpus)
            notes = user.searchable_notes()
        elif paths.user_db_path().is_file():
            from connecteur.store.user.store import UserStore

            with UserStore.open(corpus, backup=False) as opened:
                done.anchoring, notes = opened.startup.anchoring, opened.searchable_notes()
    except ConnecteurError as exc:
        done.notes.append(f"Annotations non rattachées pour l'instant ({exc.message}) : "
                          "elles le seront au prochain démarrage.")
    try:
        done.indexed = _index(corpus, search, notes)
    except ConnecteurError as exc:
        done.notes.append(f"Index de recherche non mis à jour ({exc.message}) : il le sera "
                          "au prochain démarrage.")
    return done


def _index(corpus: CorpusStore, search: SearchService | None,
           notes: list[tuple[str, str, str]]) -> int | None:
    if search is not None:
        added = search.use_library(corpus)
        search.sync_notes(notes)
        return added
    from connecteur.search import SearchService

    if not SearchService.check(corpus).usable:  # built (with everything) on first use
        return None
    service = SearchService.open(corpus)  # adds what was imported, drops what went
    try:
        service.sync_notes(notes)
        return service.last_added
    finally:
        service.close()


def import_document(source: Path | DocumentPreview, *, replace: bool = False,
                    corpus: CorpusStore | None = None, user: UserStore | None = None,
                    search: SearchService | None = None, progress: Progress | None = None,
                    stage: Stage | None = None,
                    cancelled: Cancelled | None = None) -> ImportOutcome:
    """Add a document (a path, or the preview of one) to the library.

    Refused, with nothing written, when a meeting date is in the bundled corpus, or in
    an imported document unless ``replace``. The same content imported again changes
    nothing. ``user`` and ``search``: the window's open stores, kept in step (the command
    line leaves them None and the files on disk are updated). ``progress(done, total)``
    runs over the pages read and the three writing steps, ``stage(label)`` names each
    step, ``cancelled()`` is asked until the writing starts.
    """
    started = time.perf_counter()
    corpus = corpus or CorpusStore.open()
    if isinstance(source, DocumentPreview):
        parsed = source.document
        conflicts = conflicts_with(parsed.library, corpus)  # the library may have changed
        preview = DocumentPreview(parsed, conflicts, _unchanged(parsed.library, conflicts))
        pages = 0
    else:
        if stage:
            stage("Lecture du document")
        preview = preview_document(source, corpus=corpus, progress=(
            (lambda done, total: progress(done, total + len(_STEPS))) if progress else None),
            cancelled=cancelled)
        pages = preview.document.source.pages
    if preview.unchanged:
        return ImportOutcome(preview, corpus, None, seconds=time.perf_counter() - started)
    _refuse(preview, replace)
    if cancelled and cancelled():
        raise OperationCancelled("Import annulé : rien n'a été écrit.")
    total = pages + len(_STEPS)

    def step(index: int) -> None:
        if stage:
            stage(_STEPS[index])
        if progress:
            progress(pages + index, total)

    step(0)
    source_text = preview.document.source
    replaced = tuple({c.document.id: c.document for c in preview.conflicts
                      if c.document is not None}.values())
    doc_id = write_document(
        NewDocument(preview.library, source_text.name, source_text.kind, source_text.sha256,
                    source_text.pages, source_text.encoding,
                    tuple((n.where, n.message) for n in preview.notes)),
        replacing=tuple(d.id for d in replaced), path=corpus.imported_path)
    after = _reopen(corpus)
    step(1)
    followed = _follow(after, user, search)
    if progress:
        progress(total, total)
    return ImportOutcome(preview, after, doc_id, replaced, followed.anchoring,
                         followed.indexed, time.perf_counter() - started,
                         tuple(followed.notes))


# --- removing ----------------------------------------------------------------------------------

def find_document(date: str, corpus: CorpusStore) -> ImportedDocument:
    """The imported document holding a meeting date (``2020-10-09`` or ``9/10/2020``)."""
    from connecteur.store.user.folders import parse_date
    from connecteur.store.user.rows import UserInputError

    try:
        day = parse_date(date)
    except UserInputError:
        day = None
    if day is None:
        raise ConnecteurError(f"« {date} » n'est pas une date.",
                              hint="Exemple : connecteur remove-document 2020-10-09.")
    found = corpus.document_of(day)
    if found is not None:
        return found
    if any(e.date == day for e in corpus.bundled.events):
        raise ConnecteurError(f"La journée du {french_date(day)} fait partie du corpus livré "
                              "avec Connecteur : elle ne peut pas être retirée.")
    listed = ", ".join(french_date(d) for doc in corpus.documents for d in doc.dates)
    raise ConnecteurError(f"Aucun document importé ne contient la journée du "
                          f"{french_date(day)}.",
                          hint=f"Journées importées : {listed}." if listed else
                          "Vous n'avez importé aucun document.")


def remove_document(date: str, *, corpus: CorpusStore | None = None,
                    user: UserStore | None = None,
                    search: SearchService | None = None) -> RemovalOutcome:
    """Take out the imported document holding ``date`` (all its days). Its annotations
    become orphans — never lost — and are re-attached if it is imported again."""
    corpus = corpus or CorpusStore.open()
    document = find_document(date, corpus)
    delete_document(document.id, corpus.imported_path)
    after = _reopen(corpus)
    followed = _follow(after, user, search)
    anchoring = followed.anchoring
    orphans = anchoring.counts["orphaned"] if anchoring is not None else 0
    return RemovalOutcome(document, after, anchoring, orphans, tuple(followed.notes))


def imported_documents(corpus: CorpusStore | None = None) -> tuple[ImportedDocument, ...]:
    """The trainer's imported documents, oldest import first."""
    return (corpus or CorpusStore.open()).documents
