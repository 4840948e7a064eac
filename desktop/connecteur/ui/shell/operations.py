"""The operations runner: every write, import, export and build, off the UI thread.

In the spirit of Anki's ``CollectionOp`` and git-cola's command objects, a feature
describes what it wants done as an :class:`Operation` (the work, a label, what to do
with the answer) and hands it to :class:`OperationRunner`, which

* runs it in a worker: writes in one lane, one at a time and in the order asked (the
  user database has one writer); builds, exports and other long reads in another lane,
  alongside, so printing a handout does not hold up a star;
* keeps a busy state (``busy_changed``) and the label of what runs, for the status bar;
* relays progress and lets the user cancel (the work polls ``cancelled()``);
* turns errors into one French sentence (``failed`` of the operation, else the
  runner's ``failed`` signal, which the status bar shows) — never a traceback.

Undo registration and view refreshes are not its business: the store makes every
command undoable and announces what changed, and the change hub refreshes the views.
"""

from __future__ import annotations

import inspect
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from connecteur.errors import ConnecteurError
from connecteur.ui.shell.tasks import BackgroundRunner

T = TypeVar("T")

WRITE, WORK = "write", "work"


class Cancelled(ConnecteurError):
    """Raised by work that noticed ``cancelled()``: nothing was changed."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("Operations", "Opération annulée."))


@dataclass(frozen=True)
class Operation(Generic[T]):
    """One thing to do in the background.

    ``work`` runs in a worker thread and must not touch widgets; it may accept
    ``progress`` (call it with done, total) and ``cancelled`` (a callable that turns
    True once the user cancels). ``done``, ``failed`` and ``on_cancel`` run on the UI
    thread afterwards. ``label`` says what runs ("Import des annotations…"); an empty
    label keeps quick writes out of the status bar.
    """

    work: Callable[..., T]
    label: str = ""
    lane: str = WRITE
    done: Callable[[T], None] | None = None
    failed: Callable[[str], None] | None = None
    on_cancel: Callable[[], None] | None = None
    progress: Callable[[int, int], None] | None = None


class Ticket:
    """A submitted operation: ask it to stop, see whether it is still running."""

    def __init__(self, serial: int, label: str) -> None:
        self.serial = serial
        self.label = label
        self.running = True
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class OperationRunner(QObject):
    busy_changed = Signal(bool)
    started = Signal(object)  # Ticket
    finished = Signal(object)  # Ticket
    progressed = Signal(object, int, int)  # Ticket, done, total
    failed = Signal(str)  # an operation without its own ``failed`` went wrong (French)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lanes = {WRITE: BackgroundRunner(self, max_threads=1),
                       WORK: BackgroundRunner(self, max_threads=2)}
        self._serials = itertools.count(1)
        self._running: dict[int, Ticket] = {}

    @property
    def idle(self) -> bool:
        return not self._running

    def running(self) -> list[Ticket]:
        """What runs or waits, oldest first."""
        return list(self._running.values())

    def run(self, operation: Operation[T]) -> Ticket:
        ticket = Ticket(next(self._serials), operation.label)
        was_idle = self.idle
        self._running[ticket.serial] = ticket
        if was_idle:
            self.busy_changed.emit(True)
        self.started.emit(ticket)
        wanted = inspect.signature(operation.work).parameters

        def work(progress: Callable[[int, int], None]) -> T:
            if ticket.cancelled:
                raise Cancelled()
            options: dict[str, Any] = {}
            if "progress" in wanted:
                options["progress"] = progress
            if "cancelled" in wanted:
                options["cancelled"] = lambda: ticket.cancelled
            return operation.work(**options)

        self._lanes[operation.lane].submit(
            work,
            on_result=lambda value: self._finish(ticket, operation, value),
            on_error=lambda message: self._fail(ticket, operation, message),
            on_progress=lambda done, total: self._progress(ticket, operation, done, total))
        return ticket

    def wait(self, msecs: int = -1) -> bool:
        """Block until every operation has finished (at exit; tests)."""
        return all(lane.wait(msecs) for lane in self._lanes.values())

    # --- answers, on the UI thread --------------------------------------------------

    def _progress(self, ticket: Ticket, operation: Operation, done: int, total: int) -> None:
        if operation.progress is not None:
            operation.progress(done, total)
        self.progressed.emit(ticket, done, total)

    def _finish(self, ticket: Ticket, operation: Operation[T], value: T) -> None:
        try:
            if operation.done is not None:
                operation.done(value)
        finally:
            self._end(ticket)

    def _fail(self, ticket: Ticket, operation: Operation, message: str) -> None:
        try:
            if ticket.cancelled:
                if operation.on_cancel is not None:
                    operation.on_cancel()
            elif operation.failed is not None:
                operation.failed(message)
            else:
                self.failed.emit(message)
        finally:
            self._end(ticket)

    def _end(self, ticket: Ticket) -> None:
        ticket.running = False
        self._running.pop(ticket.serial, None)
        self.finished.emit(ticket)
        if self.idle:
            self.busy_changed.emit(False)
