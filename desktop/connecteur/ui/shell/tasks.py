"""The one background helper: long work off the UI thread, answers on it.

Index opening and building, slow searches and (later) PDF builds all go through
:class:`BackgroundRunner`. The work function runs in a thread pool and must not
touch widgets; its result, its error (as a French sentence) and its progress come
back through signals of a relay object that lives in the UI thread, so the slots
run there (Qt queues signals that cross threads).
"""

from __future__ import annotations

import inspect
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from connecteur.errors import ConnecteurError

log = logging.getLogger(__name__)

ResultSlot = Callable[[Any], None]
ErrorSlot = Callable[[str], None]
ProgressSlot = Callable[[int, int], None]


class _Relay(QObject):
    """Lives in the UI thread; its signals carry one task's outcome back to it."""

    finished = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, int)


def error_message(exc: BaseException) -> str:
    """The French sentence shown for a failed task; unexpected errors are logged."""
    if isinstance(exc, ConnecteurError):
        return str(exc)
    log.error("background task failed:\n%s", "".join(traceback.format_exception(exc)))
    return QCoreApplication.translate(
        "BackgroundRunner", "Erreur inattendue : {0}").format(f"{type(exc).__name__} : {exc}")


class BackgroundRunner(QObject):
    """Runs callables in a small thread pool of its own."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()

    def submit(self, work: Callable[..., Any], *, on_result: ResultSlot | None = None,
               on_error: ErrorSlot | None = None,
               on_progress: ProgressSlot | None = None) -> None:
        """Run ``work()`` in the pool; if it accepts ``progress``, it gets a callable
        ``progress(done, total)`` that is safe to call from the worker thread."""
        relay = _Relay(self)
        self._relays.add(relay)
        if on_result:
            relay.finished.connect(on_result)
        if on_error:
            relay.failed.connect(on_error)
        if on_progress:
            relay.progressed.connect(on_progress)
        relay.finished.connect(lambda _value: self._release(relay))
        relay.failed.connect(lambda _message: self._release(relay))
        wants_progress = "progress" in inspect.signature(work).parameters

        def run() -> None:
            try:
                value = work(progress=relay.progressed.emit) if wants_progress else work()
            except BaseException as exc:  # delivered as a message, never lost in a thread
                relay.failed.emit(error_message(exc))
            else:
                relay.finished.emit(value)

        self._pool.start(run)

    def _release(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()

    def active(self) -> int:
        return self._pool.activeThreadCount()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has finished (at exit: no thread outlives the app)."""
        return self._pool.waitForDone(msecs)
