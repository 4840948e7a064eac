"""The search service: the one door to the index for the UI and the CLI.

All methods are safe to call from worker threads: one lock serialises the use of
the searcher (Whoosh readers share file handles) and of the writer; queries take a
few milliseconds, so nobody waits long.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from whoosh import query as wq
from whoosh.index import LockError

from connecteur import paths
from connecteur.corpus.ids import session_of
from connecteur.errors import ConnecteurError
from connecteur.search import index_files, library_sync
from connecteur.search.documents import (
    Document,
    library_documents,
    note_document,
    without_none,
)
from connecteur.search.explain import matched_in, parts_of, query_leaves
from connecteur.search.highlight import MatchedForms, highlight, match_spans, matched_forms
from connecteur.search.query_builder import CompiledQuery, compile_query
from connecteur.search.query_syntax import ParsedQuery, parse
from connecteur.search.related import RELATED_KINDS, SAME_SESSION, profile, shared_terms
from connecteur.search.related import reason as related_reason
from connecteur.search.results import (
    CONTEXT,
    CORRUPT,
    EXACT,
    LOCKED,
    STEM,
    Hit,
    IndexState,
    RelatedHit,
    SearchResults,
)
from connecteur.search.suggest import suggest, surface_forms
from connecteur.search.view import (
    Filters,
    Levels,
    TagItems,
    View,
    best,
)

if TYPE_CHECKING:
    from connecteur.store import CorpusStore

log = logging.getLogger(__name__)

SUGGEST_BELOW = 3          # offer "did you mean" when fewer results than this
MAX_PAGE_SIZE = 200
LOCK_WAIT = 2.0            # seconds to wait for another writer before rebuilding

Note = tuple[str, str, str]
Progress = Callable[[int, int], None]

FALLBACK_NOTICE = ("Aucun élément ne contient tous les mots cherchés : voici ceux qui en "
                   "contiennent au moins un.")
STOP_WORDS_NOTICE = ("Les mots cherchés sont trop courants pour être cherchés seuls "
                     "(le, la, de…) : ajoutez un mot plus précis.")
NOTHING_NOTICE = "La recherche ne contient aucun mot utilisable."
FAILED_NOTICE = ("La recherche a échoué sur une erreur inattendue (détails dans le journal) : "
                 "essayez une autre formulation.")
BROKEN_NOTICE = "L'index de recherche était abîmé : il vient d'être reconstruit."
TAGS_FAILED_NOTICE = ("Les étiquettes n'ont pas pu être lues (détails dans le journal) : "
                      "le filtre tag: ne garde aucun élément.")


class SearchError(ConnecteurError):
    """The index cannot be written (a note could not be indexed or removed)."""


class SearchService:
    """Full-text search over the library and the trainer's notes."""

    def __init__(self, store: CorpusStore, ix, directory: Path | None,
                 rebuilt_because: str | None) -> None:
        self._store = store
        self._ix = ix
        self.directory = directory          # None when the index lives in memory
        self.rebuilt_because = rebuilt_because
        self._lock = threading.RLock()
        self._view: View | None = None
        self._forms: dict[str, str] | None = None
        # The notes the index holds, kept so that a rebuild in the middle of a session
        # (a broken index) loses none of them; read from the index on first use.
        self._notes: dict[str, Note] | None = None
        self._tag_items: TagItems | None = None
        self._session_titles: dict[str, str] | None = None
        # The imported documents the index holds (see library_sync).
        self._imported: dict[str, dict] = (
            library_sync.indexed_listing(directory) if directory is not None
            else library_sync.listing(store))
        self.last_added = 0  # index documents added by the last use_library()

    # --- opening ------------------------------------------------------------------------

    @staticmethod
    def check(store: CorpusStore, index_dir: Path | None = None) -> IndexState:
        """Whether the index can be used as is; fast, builds nothing."""
        return index_files.check(Path(index_dir or paths.index_dir()), _base(store))

    @classmethod
    def open(cls, store: CorpusStore, index_dir: Path | None = None, *,
             progress: Progress | None = None, notes: Iterable[Note] = ()) -> SearchService:
        """Open the index, (re)building it first when it cannot be used as is.

        Never fails because of the index: a missing, stale, locked or broken one is
        rebuilt (``progress(done, total)`` is called meanwhile, from this thread) —
        or, in the default location, copied from the bundle's prebuilt index when that
        one fits this corpus (``paths.prebuilt_index_dir()``, see
        packaging/prebuild_index.py); when the cache folder cannot be written at all,
        the index is built in memory for this session (``directory`` is then None).
        ``notes`` — (note ID, item ID, text) — are read only when building or
        copying: an index in use is kept current with ``index_note``/``remove_note``.
        """
        directory = Path(index_dir or paths.index_dir())
        state = index_files.check(directory, _base(store))
        if state.reason == LOCKED:
            state = _wait_for_lock(directory, _base(store))
        if state.usable:
            try:
                service = cls(store, index_files.open_index(directory), directory, None)
            except Exception:
                log.warning("search index at %s failed to open", directory, exc_info=True)
                state = IndexState(False, CORRUPT)
            else:
                service.use_library(store)  # documents imported or removed since
                return service
        notes = list(notes)
        copied = _from_prebuilt(store, directory, notes) if index_dir is None else None
        if copied is not None:
            service = cls(store, *copied, state.reason)
            service.use_library(store)
            return service
        documents = _documents(store, notes)
        try:
            live = index_files.build(directory, documents, _base(store), progress,
                                     notes=len(notes), imported=library_sync.listing(store))
            return cls(store, index_files.open_index(live), live, state.reason)
        except OSError:
            log.warning("cannot write the search index in %s; using memory", directory,
                        exc_info=True)
            return cls(store, index_files.memory_index(documents), None, state.reason)

    # --- searching ----------------------------------------------------------------------

    def search(self, query: str, *, kinds: Collection[str] | None = None,
               sessions: Collection[str] | None = None, page: int = 1,
               page_size: int = 20) -> SearchResults:
        """Ranked, paged results; never raises on what the user typed.

        Items whose own text holds the forms typed come first, then those whose own
        text matches through stems, then those matching only through their context
        (each hit says which: ``Hit.match``, ``Hit.matched_in``).
        ``facets["kind"]`` counts the matches by kind ignoring the kind filter (but
        not the session filter), and ``facets["session"]`` by session ignoring the
        session filter: what a filter bar shows next to each choice.
        ``hidden`` says how many results the kind and session filters hide.
        """
        page = max(1, _as_int(page, 1))
        page_size = min(MAX_PAGE_SIZE, max(1, _as_int(page_size, 20)))
        text = query if isinstance(query, str) else ""
        try:  # the parser never fails on what is typed; this is for what nobody foresaw
            parsed = parse(text)
        except Exception:
            log.error("query parsing failed for %r", text[:200], exc_info=True)
            return _empty(text, [FAILED_NOTICE], page, page_size)
        with self._lock:
            filters, tag_notices = self._filters(parsed, kinds, sessions)
            try:
                return self._search(parsed, filters, page, page_size, tag_notices)
            except Exception:
                log.error("search failed for %r", parsed.text, exc_info=True)
                notice = self._recover()
            if notice == BROKEN_NOTICE:
                try:  # once more, on the rebuilt index
                    results = self._search(parsed, filters, page, page_size, tag_notices)
                    return replace(results, notices=(*results.notices, notice))
                except Exception:
                    log.error("search failed again for %r", parsed.text, exc_info=True)
            return _empty(parsed.text, [*parsed.notices, notice], page, page_size)

    def use_tags(self, tag_items: TagItems | None) -> None:
        """Where ``tag:NOM`` finds the items carrying a tag: ``tag_items(name)`` (the
        user store's ``tags.item_ids``), called from the searching thread. Without it,
        no item carries any tag."""
        with self._lock:
            self._tag_items = tag_items

    def _filters(self, parsed: ParsedQuery, kinds: Collection[str] | None,
                 sessions: Collection[str] | None) -> tuple[Filters, list[str]]:
        notices: list[str] = []

        def tag_items(name: str) -> Collection[str]:
            try:
                found = self._tag_items(name) if self._tag_items is not None else ()
            except Exception:
                log.error("tag %r could not be read", name, exc_info=True)
                notices.append(TAGS_FAILED_NOTICE)
                return ()
            if not found:
                notices.append(f"Aucun élément ne porte l'étiquette « {name} ».")
            return found

        return Filters.combine(parsed.filters, kinds, sessions, tag_items), notices

    def _search(self, parsed: ParsedQuery, filters: Filters, page: int,
                page_size: int, tag_notices: Collection[str] = ()) -> SearchResults:
        view = self._current_view()
        compiled = compile_query(parsed, view.vocabulary)
        notices = [*parsed.notices, *tag_notices, *compiled.notices]
        if compiled.query is None:
            return _empty(parsed.text, notices + _empty_reason(parsed, compiled), page,
                          page_size)
        wanted = page * page_size
        matches, ranked, levels = view.run(compiled.query, filters, wanted,
                                           (compiled.own, compiled.typed))
        suggestion = self._suggestion(view, parsed, filters, matches.total) \
            if matches.total < SUGGEST_BELOW else None
        # The any-word fallback, unless the filters alone hide what the query found.
        if matches.total == 0 and compiled.fallback is not None and \
                not any(matches.hidden.values()):
            wider = view.run(compiled.fallback, filters, wanted,
                             (compiled.fallback_own, compiled.fallback_typed))
            if wider[0].total:
                matches, ranked, levels = wider
                notices.append(FALLBACK_NOTICE)
        forms = matched_forms(compiled.positive, view.reader)
        leaves = query_leaves(compiled.positive)
        hits = []
        for docnum, score in ranked[(page - 1) * page_size:]:
            fields = view.stored(docnum)
            hits.append(self._hit(fields, score, forms,
                                  self._explained(fields, docnum, leaves, levels)))
        return SearchResults(parsed.text, matches.total, tuple(hits), view.facets(matches),
                             suggestion, tuple(dict.fromkeys(notices)), page, page_size,
                             matches.hidden)

    def _suggestion(self, view: View, parsed: ParsedQuery, filters: Filters,
                    found: int) -> str | None:
        """A corrected query that finds more than the ``found`` items (counted before
        the any-word fallback), or None."""
        if self._forms is None:
            self._forms = surface_forms(self._store.library)
        corrected = suggest(parsed, view.vocabulary, self._forms)
        if corrected is None:
            return None
        better = compile_query(parse(corrected), view.vocabulary)
        if better.query is None:
            return None
        return corrected if view.count(better.query, filters) > found else None

    def _explained(self, fields: dict, docnum: int, leaves: tuple, levels: Levels
                   ) -> tuple[tuple[str, ...], str]:
        """(matched_in, match) of a hit (``fields``: its stored fields; ``leaves``: the
        query's words and phrases)."""
        if not leaves:
            return (), ""
        parts = parts_of(fields, self._session_title(fields.get("session_id")))
        match = EXACT if docnum in levels.typed else STEM if docnum in levels.own \
            else CONTEXT
        return matched_in(leaves, parts, own_matched=match != CONTEXT), match

    def _session_title(self, session_id: str | None) -> str:
        if not session_id:
            return ""
        if self._session_titles is None:
            self._session_titles = {s.id: s.title for s in self._store.library.sessions}
        return self._session_titles.get(session_id, "")

    @staticmethod
    def _hit(fields: dict, score: float, forms: MatchedForms,
             explained: tuple[tuple[str, ...], str] = ((), "")) -> Hit:
        text = fields.get("text") or ""
        return Hit(id=fields["id"], kind=fields["kind"], date=fields.get("date") or "",
                   session=fields.get("number"), session_id=fields.get("session_id"),
                   target_id=fields.get("target_id") or fields["id"],
                   title=fields.get("title") or "", text=text,
                   highlight=highlight(text, forms), score=round(score, 4),
                   matched_in=explained[0], match=explained[1])

    def match_spans(self, query: str, text: str) -> list[tuple[int, int, bool]]:
        """Where ``query``'s words are in ``text`` (an item's text as the reading pane
        shows it): (start, end, exact form), in order; exact forms are the words as
        typed (give or take plural and feminine endings), the others match through
        their stem only. For find-in-page highlighting after opening a result."""
        parsed = parse(query if isinstance(query, str) else "")
        with self._lock:
            view = self._current_view()
            compiled = compile_query(parsed, view.vocabulary)
            forms = matched_forms(compiled.positive, view.reader)
        return match_spans(text or "", forms)

    # --- related items ------------------------------------------------------------------

    def related(self, item_id: str, limit: int = 10) -> list[RelatedHit]:
        """Leads, field sites and resources that speak of the same things as
        ``item_id``, the most related first; items of other sessions before those of
        the item's own session (see search/related.py). Each hit says what it shares
        (``shared``, ``reason``); the item itself, what it contains and notes are left
        out. Unknown IDs give an empty list."""
        limit = max(1, _as_int(limit, 10))
        with self._lock:
            try:
                return self._related(item_id, limit)
            except Exception:
                log.error("related items failed for %r", item_id, exc_info=True)
                return []

    def _related(self, item_id: str, limit: int) -> list[RelatedHit]:
        view = self._current_view()
        text = self._text_of(view, item_id)
        if not text:
            return []
        reader = view.reader
        about = profile(text, lambda stem: view.searcher.idf("body", stem),
                        lambda stem: reader.doc_frequency("body", stem),
                        lambda form: view.vocabulary.same_word("exact", form))
        query = about.query()
        if query is None:
            return []
        scores = view.evaluator.scores(query)
        excluded = self._not_related(view, item_id)
        own_session = session_of(item_id) or ""
        kinds, sessions = view.kinds, view.sessions
        adjusted = {d: score * (SAME_SESSION if sessions[d] == own_session else 1.0)
                    for d, score in scores.items()
                    if kinds[d] in RELATED_KINDS and d not in excluded}
        ranked = best(adjusted, list(adjusted), limit)
        forms = about.matched_forms()
        hits = []
        for docnum, score in ranked:
            hit = self._hit(view.stored(docnum), score, forms)
            shared = shared_terms(about, hit.text, text)
            hits.append(RelatedHit(**vars(hit),
                                   shared=shared, reason=related_reason(shared)))
        return hits

    def _not_related(self, view: View, item_id: str) -> set[int]:
        """The item itself, what it contains (a session's items, a theme's leads) and
        the notes: none of them is news to someone reading the item."""
        item = self._store.find(item_id)
        inside = {lead.id for lead in getattr(item, "leads", ())}
        prefix = f"{getattr(item, 'id', item_id)}/"
        ids = view.ids
        return {d for d, kind in enumerate(view.kinds)
                if kind == "note" or ids[d] == item_id or ids[d] in inside
                or ids[d].startswith(prefix)}

    def _text_of(self, view: View, item_id: str) -> str:
        docnum = view.docnum(item_id)
        if docnum is not None:
            return view.stored(docnum).get("text") or ""
        item = self._store.find(item_id)
        if item is None or not hasattr(item, "leads"):
            return ""
        # A theme (not indexed itself): its title and its leads.
        return "\n".join([getattr(item, "title", ""), *(lead.text for lead in item.leads)])

    # --- notes --------------------------------------------------------------------------

    def index_note(self, note_id: str, item_id: str, text: str) -> None:
        """Add or replace a note in the index (a few milliseconds)."""
        doc = _note_document(self._store, note_id, item_id, text)
        with self._lock:
            self._write(lambda writer: writer.update_document(**without_none(doc)))
            self._known_notes()[note_id] = (note_id, item_id, text or "")

    def remove_note(self, note_id: str) -> None:
        """Take a note out of the index (nothing happens for an unknown ID)."""
        query = wq.And([wq.Term("id", note_id), wq.Term("kind", "note")])
        with self._lock:
            self._write(lambda writer: writer.delete_by_query(query))
            self._known_notes().pop(note_id, None)

    def sync_notes(self, notes: Iterable[Note]) -> tuple[int, int]:
        """Make the indexed notes exactly ``notes`` (note_id, item_id, text), in one write.

        Notes can change while this index is not looking (an import from the command
        line, another window, a rebuild): the front ends call this after opening the
        user database. Returns (added or replaced, removed); nothing is written when
        the index already agrees.
        """
        wanted = {note[0]: (note[0], note[1], note[2] or "") for note in notes}
        with self._lock:
            known = self._known_notes()
            stale = [nid for nid in known if nid not in wanted]
            fresh = [note for nid, note in wanted.items() if known.get(nid) != note]
            if not stale and not fresh:
                return 0, 0

            def change(writer) -> None:
                for nid in stale:
                    writer.delete_by_query(wq.And([wq.Term("id", nid), wq.Term("kind", "note")]))
                for note in fresh:
                    writer.update_document(**without_none(_note_document(self._store, *note)))

            self._write(change)
            self._notes = dict(wanted)
        return len(fresh), len(stale)

    def _known_notes(self) -> dict[str, Note]:
        if self._notes is None:
            self._notes = {note[0]: note for note in self._indexed_notes()}
        return self._notes

    def _write(self, change: Callable) -> None:
        with self._lock:
            try:
                writer = self._ix.writer(timeout=LOCK_WAIT)
            except LockError:
                raise SearchError("L'index de recherche est occupé par une autre fenêtre de "
                                  "Connecteur.", hint="Réessayez dans un instant.") from None
            try:
                change(writer)
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            self._drop_view()

    # --- housekeeping -------------------------------------------------------------------

    def _current_view(self) -> View:
        if self._view is None:
            self._view = View(self._ix)
            if self._notes is None:
                self._notes = {note[0]: note for note in self._indexed_notes(self._view)}
        return self._view

    def _drop_view(self) -> None:
        if self._view is not None:
            self._view.close()
            self._view = None

    def _recover(self) -> str:
        """After a failed search: rebuild the index if it is broken (keeping the
        notes it holds); return the notice that tells the user what happened."""
        if self.directory is None or \
                index_files.check(self.directory, _base(self._store)).usable:
            return FAILED_NOTICE
        notes = list(self._notes.values()) if self._notes is not None else []
        self._drop_view()
        documents = _documents(self._store, notes)
        self._imported = library_sync.listing(self._store)
        try:
            live = index_files.build(self.directory, documents, _base(self._store),
                                     notes=len(notes), imported=self._imported)
            self._ix, self.directory = index_files.open_index(live), live
        except Exception:
            log.error("search index rebuild failed; using memory", exc_info=True)
            self._ix, self.directory = index_files.memory_index(documents), None
        self.rebuilt_because = CORRUPT
        return BROKEN_NOTICE

    def _indexed_notes(self, view: View | None = None) -> list[Note]:
        view = view or self._current_view()
        return [(f["id"], f["target_id"], f.get("text") or "")
                for d, kind in enumerate(view.kinds) if kind == "note"
                for f in [view.stored(d)]]

    # --- imported documents ---------------------------------------------------------------

    def use_library(self, store: CorpusStore) -> int:
        """Follow the library after a document was imported, replaced or removed: the
        items of the documents that went are taken out of the index and those of the
        new ones added, in one write — not a rebuild. Returns how many index documents
        were added. (Notes on items that became orphans go with ``sync_notes``.)"""
        with self._lock:
            self._store, self._forms, self._session_titles = store, None, None
            if self.directory is not None:  # another process may have followed already
                self._imported = library_sync.indexed_listing(self.directory)
            change = library_sync.change_for(self._imported, store)
            self.last_added = 0
            if change.empty:
                self._drop_view()  # the index may have changed under us (the CLI)
                return 0
            try:
                added = library_sync.apply(self._ix, store, change, LOCK_WAIT)
            except LockError:
                raise SearchError("L'index de recherche est occupé par une autre fenêtre de "
                                  "Connecteur.", hint="Réessayez dans un instant.") from None
            self._drop_view()
            self._imported = library_sync.listing(store)
            if self.directory is not None:
                library_sync.record(self.directory, store)
            self.last_added = added
            return added

    def close(self) -> None:
        """Release the searcher (a later call reopens one)."""
        with self._lock:
            self._drop_view()


# --- helpers ------------------------------------------------------------------------------

def _as_int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default


def _base(store: CorpusStore) -> str:
    """What the index is built for: the bundled text (imported documents are added and
    removed on top of it, see ``library_sync``)."""
    return getattr(store, "base_fingerprint", None) or store.fingerprint


def _note_document(store: CorpusStore, note_id: str, item_id: str, text: str) -> Document:
    item = store.find(item_id)
    session_id = session_of(item_id)
    session = store.find(session_id) if session_id else None
    return note_document(note_id, item_id, text or "", item, session)


def _documents(store: CorpusStore, notes: Iterable[Note]) -> list[Document]:
    documents = list(library_documents(store.library))
    documents += [_note_document(store, *note) for note in notes]
    return documents


def _from_prebuilt(store: CorpusStore, directory: Path, notes: list[Note]
                   ) -> tuple[object, Path] | None:
    """The bundle's prebuilt index (packaging/prebuild_index.py) copied to
    ``directory`` with the user's notes added — (index, where it is) — or None when
    there is none for this corpus, format and analysis, or it cannot be copied."""
    prebuilt = paths.prebuilt_index_dir()
    if not prebuilt.is_dir() or not index_files.check(prebuilt, _base(store)).usable:
        return None
    try:
        live = index_files.install_copy(prebuilt, directory)
        ix = index_files.open_index(live)
        if notes:
            writer = ix.writer()
            for note in notes:
                writer.add_document(**without_none(_note_document(store, *note)))
            writer.commit()
    except Exception:
        log.warning("could not use the prebuilt search index", exc_info=True)
        return None
    return ix, live


def _wait_for_lock(directory: Path, fingerprint: str) -> IndexState:
    deadline = time.monotonic() + LOCK_WAIT
    state = IndexState(False, LOCKED)
    while state.reason == LOCKED and time.monotonic() < deadline:
        time.sleep(0.1)
        state = index_files.check(directory, fingerprint)
    return state


def _empty_reason(parsed: ParsedQuery, compiled: CompiledQuery) -> list[str]:
    if compiled.only_stop_words:
        return [STOP_WORDS_NOTICE]
    return [NOTHING_NOTICE] if parsed.text.strip() else []


def _empty(query: str, notices: list[str], page: int, page_size: int) -> SearchResults:
    return SearchResults(query, 0, (), {"kind": {}, "session": {}}, None,
                         tuple(dict.fromkeys(notices)), page, page_size)
