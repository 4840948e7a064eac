"""The search service seen from the window: opened in the background, queried one
request at a time, stale answers dropped.

Opening may rebuild the index (seconds); like the notes' re-indexing, it is an
operation of the runner's work lane, and reports its progress. Queries run on the
controller's own worker, one at a time: while one runs, only
the newest waiting request of each consumer ("channel") is kept, and an answer is
delivered only if no newer request of its channel was made meanwhile (a request
counter), so typing fast never shows the results of an older query.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from connecteur.store import CorpusStore
from connecteur.ui.shell.operations import WORK, Operation, OperationRunner
from connecteur.ui.shell.tasks import BackgroundRunner

if TYPE_CHECKING:  # Whoosh is imported in the worker, off the start-up path
    from connecteur.search import SearchResults, SearchService

log = logging.getLogger(__name__)

OPENING, BUILDING, READY, FAILED = "opening", "building", "ready", "failed"


@dataclass(frozen=True)
class SearchRequest:
    query: str
    kinds: tuple[str, ...] | None = None
    sessions: tuple[str, ...] | None = None
    page: int = 1
    page_size: int = 30
    channel: str = "panel"
    serial: int = 0


@dataclass(frozen=True)
class IndexStatus:
    state: str = OPENING
    done: int = 0
    total: int = 0
    message: str = ""  # French, for FAILED (why) and READY (what was rebuilt, if anything)


def _open_service(store: CorpusStore, index_dir: Path | None,
                  progress: Callable[[int, int], None]) -> tuple[SearchService, str]:
    """Runs in the worker (Whoosh is imported there too, off the start-up path);
    returns the service and, if the index had to be rebuilt, why (in French)."""
    from connecteur.search import IndexState, SearchService

    state = SearchService.check(store, index_dir)
    if not state.usable:
        progress(0, 0)  # tells the window a rebuild is starting
    service = SearchService.open(store, index_dir, progress=progress)
    reason = service.rebuilt_because
    return service, (IndexState(False, reason).label or reason) if reason else ""


class SearchController(QObject):
    status_changed = Signal(object)  # IndexStatus
    answered = Signal(object, object)  # SearchRequest, SearchResults
    failed = Signal(object, str)  # SearchRequest, French message
    library_followed = Signal()  # the index holds what the library now holds

    def __init__(self, store: CorpusStore, operations: OperationRunner,
                 index_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store, self._operations, self._index_dir = store, operations, index_dir
        self._runner = BackgroundRunner(self, max_threads=1)
        self._service: SearchService | None = None
        self._status = IndexStatus()
        self._serials = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._pending: dict[str, SearchRequest] = {}
        self._in_flight: SearchRequest | None = None
        self._calls: list[tuple[Callable[[SearchService], Any], Callable[[Any], None],
                                Callable[[str], None]]] = []
        self._opening = False

    @property
    def status(self) -> IndexStatus:
        return self._status

    @property
    def ready(self) -> bool:
        return self._service is not None

    @property
    def service(self) -> SearchService | None:
        """The open SearchService (None until then), for work that keeps it in step
        with the library from a worker: an import, a removal (it locks itself)."""
        return self._service

    def open_index(self) -> None:
        if self._opening or self._service is not None:
            return
        self._opening = True
        self._set_status(IndexStatus(OPENING))
        store = self._store
        self._operations.run(Operation(
            lambda progress: _open_service(store, self._index_dir, progress),
            lane=WORK, done=lambda opened: self._opened(opened, store),
            failed=self._open_failed, progress=self._progress))

    def use_library(self, store: CorpusStore) -> None:
        """Another library (a document imported or removed, here or from the command
        line): the index adds and drops what changed — in the background, nothing when
        an import of this window did it already — and its searcher is reopened, since
        another process may have changed the index. ``library_followed`` then."""
        self._store = store
        service = self._service
        if service is None:
            return  # opening: it follows once open (see _opened)

        def follow() -> None:
            service.use_library(store)
            service.close()

        self._operations.run(Operation(
            follow, lane=WORK, done=lambda _none: self.library_followed.emit(),
            failed=lambda message: log.warning("index not following the library: %s",
                                               message)))

    def submit(self, request: SearchRequest) -> SearchRequest:
        """Queue a query; the returned copy carries its serial number."""
        request = replace(request, serial=next(self._serials))
        self._latest[request.channel] = request.serial
        self._pending[request.channel] = request
        self._run_next()
        return request

    def sync_notes(self, notes: Callable[[], Iterable[tuple[str, str, str]]]) -> None:
        """Reconcile the index's notes with ``notes()`` (note id, item id, text), in
        the background; nothing happens before the index is open."""
        service = self._service
        if service is None:
            return
        self._operations.run(Operation(
            lambda: service.sync_notes(notes()), lane=WORK,
            failed=lambda message: log.warning("notes not indexed: %s", message)))

    def call(self, work: Callable[[SearchService], Any], *, done: Callable[[Any], None],
             failed: Callable[[str], None]) -> None:
        """Run ``work(service)`` on the query worker once the index is open (for
        whoever needs more than a page of hits: a handout of search results)."""
        if self._service is None:
            if self._status.state == FAILED:
                failed(self._status.message)
            else:
                self._calls.append((work, done, failed))
            return
        service = self._service
        self._runner.submit(lambda: work(service), on_result=done, on_error=failed)

    def use_tags(self, tag_items: Callable[[str], Any]) -> None:
        """Let ``tag:NOM`` find tagged items: ``tag_items(name)`` (the user store's
        ``tags.item_ids``) is called from the query worker at each search, so tags
        added or renamed later are seen without calling this again."""
        self.call(lambda service: service.use_tags(tag_items), done=lambda _none: None,
                  failed=lambda message: log.warning("tags not usable: %s", message))

    def related(self, item_id: str, limit: int, *, done: Callable[[Any], None],
                failed: Callable[[str], None]) -> None:
        """« Voir aussi » : ``SearchService.related(item_id, limit)`` on the worker."""
        self.call(lambda service: service.related(item_id, limit), done=done, failed=failed)

    def match_spans(self, query: str, texts: dict[str, str], *,
                    done: Callable[[Any], None], failed: Callable[[str], None]) -> None:
        """Where ``query``'s words are in each text (item ID → text), on the worker:
        ``done({item ID: [(start, end, exact)]})`` with the items that hold some."""

        def spans(service: SearchService) -> dict[str, list[tuple[int, int, bool]]]:
            found = {item_id: service.match_spans(query, text)
                     for item_id, text in texts.items()}
            return {item_id: runs for item_id, runs in found.items() if runs}

        self.call(spans, done=done, failed=failed)

    def _flush_calls(self) -> None:
        calls, self._calls = self._calls, []
        for work, done, failed in calls:
            self.call(work, done=done, failed=failed)

    def shutdown(self) -> None:
        """Wait for the query in flight (at exit)."""
        self._pending.clear()
        self._runner.wait()

    def cancel(self, channel: str = "panel") -> None:
        """Forget the channel's waiting and running requests (e.g. the box was cleared)."""
        self._pending.pop(channel, None)
        self._latest[channel] = next(self._serials)

    # --- internals ---------------------------------------------------------------

    def _set_status(self, status: IndexStatus) -> None:
        self._status = status
        self.status_changed.emit(status)

    def _progress(self, done: int, total: int) -> None:
        if self._service is None:
            self._set_status(IndexStatus(BUILDING, done, total))

    def _opened(self, opened: tuple[SearchService, str], store: CorpusStore | None = None) -> None:
        self._opening = False
        self._service, rebuilt_because = opened
        if store is not None and store is not self._store:  # the library changed meanwhile
            self.use_library(self._store)
        self._set_status(IndexStatus(READY, message=rebuilt_because))
        self._flush_calls()
        self._run_next()

    def _open_failed(self, message: str) -> None:
        self._opening = False
        self._set_status(IndexStatus(FAILED, message=message))
        self._flush_calls()
        for request in self._pending.values():
            self.failed.emit(request, message)
        self._pending.clear()

    def _run_next(self) -> None:
        if self._service is None or self._in_flight is not None or not self._pending:
            if self._status.state == FAILED and self._pending:
                self._open_failed(self._status.message)
            return
        channel = next(iter(self._pending))
        request = self._pending.pop(channel)
        self._in_flight = request
        service = self._service
        self._runner.submit(
            lambda: service.search(request.query, kinds=request.kinds,
                                   sessions=request.sessions, page=request.page,
                                   page_size=request.page_size),
            on_result=lambda results: self._finished(request, results, None),
            on_error=lambda message: self._finished(request, None, message))

    def _finished(self, request: SearchRequest, results: SearchResults | None,
                  error: str | None) -> None:
        self._in_flight = None
        if request.serial == self._latest.get(request.channel):
            if error is None:
                self.answered.emit(request, results)
            else:
                self.failed.emit(request, error)
        self._run_next()
