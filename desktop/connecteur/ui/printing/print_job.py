"""Building a handout as an operation: progress, a Cancel that really stops, and the
PDF bytes (or a French error) back on the UI thread — or, for the accessible edition,
the same request written as one HTML file (``handouts.build_handout_html``, atomic:
all of it or nothing).

The whole build runs in the operations runner's work lane: for search results, the
items are collected first (``app.print_plan.result_ids``, on the search controller's
own worker, so queries never run two at a time); then the trainer's data is read and
the request laid out. ``cancel()`` is polled by the layout after every flowable: the
build stops within a few milliseconds and nothing is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from connecteur.app.print_plan import RESULTS, PrintPlan, request_for_plan, result_ids
from connecteur.ui.shell.context import ApplicationContext
from connecteur.ui.shell.operations import WORK, Cancelled, Operation, Ticket


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


def render(plan: PrintPlan, context: ApplicationContext, result_item_ids: list[str],
           progress: Callable[[int, int], None],
           cancelled: Callable[[], bool]) -> BuiltHandout:
    """Runs in the worker: the request, then the layout."""
    from connecteur.handouts import HandoutCancelled, render_handout

    user = context.user.wait_until_open()  # opened in the background at start-up
    request = request_for_plan(plan, context.library, user, result_item_ids)
    if cancelled():
        raise Cancelled()
    try:
        data, result = render_handout(request, progress=progress, should_cancel=cancelled)
    except HandoutCancelled:
        raise Cancelled() from None
    return BuiltHandout(data, request.title, request.edition, request.paper, result.pages,
                        result.seconds, plan)


def write_html(plan: PrintPlan, context: ApplicationContext, result_item_ids: list[str],
               target: Path, cancelled: Callable[[], bool]) -> Path:
    """Runs in the worker: the request the PDF would use, written as HTML to ``target``
    (a cancel leaves nothing written)."""
    from connecteur.handouts import HandoutCancelled, build_handout_html

    user = context.user.wait_until_open()
    request = request_for_plan(plan, context.library, user, result_item_ids)
    if cancelled():
        raise Cancelled()
    try:
        return build_handout_html(request, target, should_cancel=cancelled).path or target
    except HandoutCancelled:
        raise Cancelled() from None


class PrintJob(QObject):
    """One build at a time; start again once it has finished, failed or stopped."""

    progressed = Signal(int, int)  # done, total (0, 0: busy, total unknown yet)
    finished = Signal(object)  # BuiltHandout
    html_written = Signal(object)  # the Path of the HTML edition
    failed = Signal(str)  # French
    cancelled = Signal()

    def __init__(self, context: ApplicationContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._ticket: Ticket | None = None

    @property
    def running(self) -> bool:
        return self._ticket is not None

    def start(self, plan: PrintPlan, html_target: Path | None = None) -> None:
        """Build ``plan`` (the trainer's notes, folders and stars come from the user
        layer when it is open): the PDF, or with ``html_target`` the HTML edition."""
        if self.running:
            return
        self._context.user.open()  # (when not opened yet; the build waits for it)
        self.progressed.emit(0, 0)
        if plan.content == RESULTS:
            collecting = Ticket(0, "")  # while the results are collected
            self._ticket = collecting
            self._context.search.call(
                lambda service: result_ids(service, plan.query, plan.kinds,
                                           plan.sessions_filter)[0],
                done=lambda ids: self._build(plan, ids, collecting, html_target),
                failed=lambda message: self._fail(message) if self._ticket is collecting
                else None)
        else:
            self._build(plan, [], None, html_target)

    def _build(self, plan: PrintPlan, ids: list[str], collecting: Ticket | None = None,
               html_target: Path | None = None) -> None:
        if collecting is not None and self._ticket is not collecting:
            return  # cancelled while the results were collected
        context = self._context
        if html_target is not None:
            self._ticket = context.operations.run(Operation(
                lambda cancelled: write_html(plan, context, ids, html_target, cancelled),
                label=self.tr("Enregistrement en HTML…"), lane=WORK, done=self._written,
                failed=self._fail, on_cancel=lambda: None))
            return
        self._ticket = context.operations.run(Operation(
            lambda progress, cancelled: render(plan, context, ids, progress, cancelled),
            label=self.tr("Mise en page du support…"), lane=WORK, done=self._built,
            failed=self._fail, on_cancel=lambda: None, progress=self._progress))

    def cancel(self) -> None:
        """Stop now: the UI is told at once, the worker stops at its next check."""
        if self._ticket is None:
            return
        self._ticket.cancel()
        self._ticket = None
        self.cancelled.emit()

    def _progress(self, done: int, total: int) -> None:
        if self._ticket is not None:
            self.progressed.emit(done, total)

    def _built(self, built: BuiltHandout) -> None:
        if self._ticket is None:  # cancelled: already reported
            return
        self._ticket = None
        self.finished.emit(built)

    def _written(self, path: Path) -> None:
        if self._ticket is None:  # cancelled: already reported
            return
        self._ticket = None
        self.html_written.emit(path)

    def _fail(self, message: str) -> None:
        if self._ticket is None:
            return
        self._ticket = None
        self.failed.emit(message)
