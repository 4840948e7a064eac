"""Building a handout off the UI thread: progress, a Cancel that really stops, and
the PDF bytes (or a French error) back on the UI thread.

For search results, every page of hits is first fetched through the search
controller (its own channel, so the results panel is not disturbed); then the
request is built and laid out in the background runner. ``cancel()`` sets a flag the
layout polls after every flowable: the build stops within a few milliseconds and
nothing is kept.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from connecteur.app.print_plan import RESULTS, PrintPlan, request_for_plan
from connecteur.ui.search.controller import SearchRequest
from connecteur.ui.shell.context import ApplicationContext

CHANNEL = "print"
RESULTS_PAGE = 200  # the search service's largest page


@dataclass(frozen=True)
class BuiltHandout:
    """A handout laid out in memory, ready to preview, print or save."""

    data: bytes
    title: str
    edition: str
    paper: str
    pages: int
    seconds: float
    plan: PrintPlan = field(compare=False)


def _render(plan: PrintPlan, context: ApplicationContext, user: Any,
            result_ids: list[str], cancelled: threading.Event,
            progress: Callable[[int, int], None]) -> BuiltHandout | None:
    """Runs in the worker; None when cancelled."""
    from connecteur.handouts import HandoutCancelled, render_handout

    request = request_for_plan(plan, context.store, user, result_ids)
    if cancelled.is_set():
        return None
    try:
        data, result = render_handout(request, progress=progress,
                                      should_cancel=cancelled.is_set)
    except HandoutCancelled:
        return None
    return BuiltHandout(data, request.title, request.edition, request.paper, result.pages,
                        result.seconds, plan)


class PrintJob(QObject):
    """One build at a time; start again once it has finished, failed or stopped."""

    progressed = Signal(int, int)  # done, total (0, 0: busy, total unknown yet)
    finished = Signal(object)  # BuiltHandout
    failed = Signal(str)  # French
    cancelled = Signal()

    def __init__(self, context: ApplicationContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._cancelled = threading.Event()
        self._plan: PrintPlan | None = None
        self._user: Any = None
        self._ids: list[str] = []
        self._search: SearchRequest | None = None
        self.running = False

    def start(self, plan: PrintPlan, user: Any = None) -> None:
        """Build ``plan``; ``user`` is the trainer's store (None: no folders, stars, notes)."""
        if self.running:
            return
        self.running = True
        self._plan, self._user, self._ids = plan, user, []
        self._cancelled = threading.Event()
        self.progressed.emit(0, 0)
        if plan.content == RESULTS:
            controller = self._context.search
            controller.answered.connect(self._on_results)
            controller.failed.connect(self._on_search_failed)
            self._ask_results(1)
        else:
            self._build()

    def cancel(self) -> None:
        """Stop now: the UI is told at once, the worker stops at its next check."""
        if not self.running:
            return
        self._cancelled.set()
        self._context.search.cancel(CHANNEL)
        self._finish()
        self.cancelled.emit()

    # --- search results first ---------------------------------------------------------

    def _ask_results(self, page: int) -> None:
        plan = self._plan
        assert plan is not None
        self._search = self._context.search.submit(SearchRequest(
            plan.query, plan.kinds, plan.sessions_filter, page, RESULTS_PAGE, CHANNEL))

    def _on_results(self, request: SearchRequest, results: Any) -> None:
        if self._search is None or request.serial != self._search.serial:
            return
        self._ids.extend(hit.target_id for hit in results.hits)
        if results.hits and request.page * RESULTS_PAGE < results.total:
            self._ask_results(request.page + 1)
            return
        self._disconnect_search()
        self._build()

    def _on_search_failed(self, request: SearchRequest, message: str) -> None:
        if self._search is not None and request.serial == self._search.serial:
            self._fail(message)

    def _disconnect_search(self) -> None:
        if self._search is not None:
            self._search = None
            self._context.search.answered.disconnect(self._on_results)
            self._context.search.failed.disconnect(self._on_search_failed)

    # --- the build ----------------------------------------------------------------------

    def _build(self) -> None:
        plan, user, ids, cancelled = self._plan, self._user, list(self._ids), self._cancelled
        assert plan is not None
        self._context.runner.submit(
            lambda progress: _render(plan, self._context, user, ids, cancelled, progress),
            on_result=lambda built: self._built(built, cancelled),
            on_error=lambda message: self._errored(message, cancelled),
            on_progress=lambda done, total: self._progress(done, total, cancelled))

    def _progress(self, done: int, total: int, cancelled: threading.Event) -> None:
        if not cancelled.is_set():
            self.progressed.emit(done, total)

    def _built(self, built: BuiltHandout | None, cancelled: threading.Event) -> None:
        if cancelled.is_set():  # already reported when Cancel was pressed
            return
        self._finish()
        if built is None:
            self.cancelled.emit()
        else:
            self.finished.emit(built)

    def _errored(self, message: str, cancelled: threading.Event) -> None:
        if not cancelled.is_set():
            self._fail(message)

    def _fail(self, message: str) -> None:
        self._finish()
        self.failed.emit(message)

    def _finish(self) -> None:
        self._disconnect_search()
        self.running = False
