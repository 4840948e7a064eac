"""The trainer's own layer (``UserStore``) seen from the window.

:class:`UserLayer` opens the user database in the background once the first page is
on screen, then relays the store's change notifications to a Qt signal that always
fires on the UI thread, whichever thread made the change.

Writes never run on the UI thread: :meth:`UserLayer.write` hands them to the
operations runner's write lane (one at a time, in order, after the opening), and the
answer comes back to a callback; a refusal (``ConnecteurError``) becomes a French
message on ``failed`` (the status bar shows it) and the data is unchanged. Reads for
views (:meth:`read`) stay synchronous: they use the database's reader connection,
which never waits for a write.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from connecteur.errors import ConnecteurError
from connecteur.store import Change, CorpusStore
from connecteur.ui.shell.operations import WRITE, Operation, OperationRunner, Ticket

if TYPE_CHECKING:  # the user layer loads after the first paint
    from connecteur.store import UserStore
    from connecteur.store.user.reanchor import AnchorReport

log = logging.getLogger(__name__)
T = TypeVar("T")

CLOSED, OPENING, READY, FAILED = "closed", "opening", "ready", "failed"


class UserLayer(QObject):
    opened = Signal(object)  # the UserStore
    open_failed = Signal(str)  # French: why the annotations are unavailable
    changed = Signal(object)  # a Change, on the UI thread
    history_changed = Signal()  # undo/redo availability or labels changed
    failed = Signal(str)  # an operation was refused (French), nothing was changed
    message = Signal(str)  # news for the status bar ("Enregistré", "Déjà dans le dossier")
    _incoming = Signal(object)
    _history_incoming = Signal()

    def __init__(self, corpus: CorpusStore, operations: OperationRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corpus = corpus
        self._operations = operations
        self.user: UserStore | None = None
        self.state = CLOSED
        self.error = ""
        self._shut = False  # closed at exit: never opened again (a late timer, a late write)
        self._settled = threading.Event()  # the opening ended (opened or failed)
        self._shut = False  # closed at exit
        self._unsubscribe: list[Callable[[], None]] = []
        # Slots of this object (not plain callables): Qt then queues the delivery when
        # the signal is emitted from a worker thread.
        self._incoming.connect(self._deliver)
        self._history_incoming.connect(self._deliver_history)

    @property
    def ready(self) -> bool:
        return self.user is not None and self.state == READY

    @property
    def read_only(self) -> str | None:
        """Why nothing can be saved (French: a read-only home, a full disk), from the
        store's opening; None when writes are possible (or not known yet)."""
        return self.user.startup.read_only if self.ready else None  # type: ignore[union-attr]

    @property
    def writable(self) -> bool:
        """Open and able to save: what editing commands are enabled on. (A write asked
        for anyway is refused by the store with the reason, on ``failed``.)"""
        return self.ready and not self.read_only

    @property
    def corpus(self) -> CorpusStore:
        """The library the annotations are on (messages name its items)."""
        return self._corpus

    # --- opening and closing ---------------------------------------------------------

    def open(self) -> None:
        """Open the user database (recovery, backup, migrations, re-anchoring) as the
        first operation of the write lane: writes asked for meanwhile wait for it."""
        if self.state in (OPENING, READY) or self._shut:
            return  # (a late signal at exit, e.g. the search index answering, must not
            # reopen the database behind a window that is gone)
        self.state = OPENING
        self._operations.run(Operation(self._open_in_worker, lane=WRITE,
                                       done=self._opened, failed=self._open_failed))

    def _open_in_worker(self) -> UserStore:
        from connecteur.store import UserStore  # here: keeps it off the start-up path

        try:
            store = UserStore.open(self._corpus)
        except BaseException:
            self._settled.set()
            raise
        self._take(store)
        self._settled.set()
        return store

    def attach(self, store: UserStore) -> None:
        """Use an already opened store (tests, another front end)."""
        self.state = OPENING
        self._take(store)
        self._settled.set()
        self._opened(store)

    def wait_until_open(self, seconds: float = 30.0) -> UserStore | None:
        """For work in a worker thread (a trainer-edition handout): the store once its
        opening has ended, or None when it could not be opened. Never call it on the
        UI thread."""
        self._settled.wait(seconds)
        return self.user

    def _take(self, store: UserStore) -> None:
        """Listen to the store before any write can run (called in the worker)."""
        self._unsubscribe = [store.subscribe(self._incoming.emit),
                             store.history.subscribe(self._history_incoming.emit)]
        self.user = store

    def _opened(self, store: UserStore) -> None:
        if self.state != OPENING:  # closed meanwhile
            store.close()
            return
        self.state = READY
        self.opened.emit(store)
        self.history_changed.emit()

    def _deliver(self, change: Change) -> None:
        self.changed.emit(change)

    def _deliver_history(self) -> None:
        self.history_changed.emit()

    def _open_failed(self, message: str) -> None:
        self.state = FAILED
        self.error = message
        log.warning("user database unavailable: %s", message)
        self.open_failed.emit(message)

    def close(self) -> None:
        """Let queued writes finish, then close (at exit: it is never opened again, even
        by a timer the window set before it closed)."""
        self._shut = True
        self._operations.wait()
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        if self.user is not None:
            self.user.close()
        self.user = None
        self.state = CLOSED
        self._settled = threading.Event()

    # --- operations --------------------------------------------------------------------

    def write(self, change: Callable[..., T], *, done: Callable[[T], None] | None = None,
              failed: Callable[[str], None] | None = None, label: str = "",
              progress: Callable[[int, int], None] | None = None,
              on_cancel: Callable[[], None] | None = None) -> Ticket | None:
        """Run ``change(user)`` on the write lane; ``done(result)`` on the UI thread.

        ``change`` may also accept ``progress`` and ``cancelled`` (long imports). A
        refusal goes to ``failed`` (default: the status bar). None when the layer cannot
        take writes at all (its database could not be opened): the user is told why.
        """
        if self.state == FAILED:
            (failed or self.failed.emit)(self.unavailable_message())
            return None
        self.open()  # (when not opened yet: the write waits for it)
        wanted = inspect.signature(change).parameters

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> T:
            user = self.user
            if user is None:
                raise ConnecteurError(self.unavailable_message())
            options = {name: value for name, value in (("progress", progress),
                                                        ("cancelled", cancelled))
                       if name in wanted}
            return change(user, **options)

        return self._operations.run(Operation(
            work, label=label, lane=WRITE, done=done, progress=progress,
            failed=failed or self.failed.emit, on_cancel=on_cancel))

    def read(self, operation: Callable[[UserStore], T], default: T) -> T:
        """A read for a view: ``default`` when the layer is not open or fails."""
        if not self.ready:
            return default
        try:
            return operation(self.user)  # type: ignore[arg-type]
        except ConnecteurError as exc:
            log.warning("reading the user layer failed: %s", exc)
            return default

    def unavailable_message(self) -> str:
        if self.state == FAILED:
            return QCoreApplication.translate(
                "UserLayer", "Vos annotations sont indisponibles : {0}").format(self.error)
        return QCoreApplication.translate("UserLayer", "Vos annotations sont en cours "
                                                       "d'ouverture…")

    def use_library(self, store: CorpusStore,
                    done: Callable[[AnchorReport | None], None] | None = None) -> None:
        """Another library (a document imported or removed): the opening, still to come,
        uses it; an open store that still holds the previous one re-attaches the
        annotations to it on the write lane (a command-line import; the window's own
        imports have done it already, and ``done`` gets None). ``done(report)`` then."""
        self._corpus = store
        if self.state not in (OPENING, READY):
            return

        def follow(user: UserStore) -> AnchorReport | None:
            if user.corpus.fingerprint == store.fingerprint:
                return None
            return user.use_corpus(store)

        self.write(follow, done=done)

    def check_external_changes(self) -> bool:
        """Another window saved something? Then every view hears ``external``."""
        if not self.ready:
            return False
        try:
            return self.user.check_external_changes(origin=self)  # type: ignore[union-attr]
        except ConnecteurError as exc:
            log.warning("checking for external changes failed: %s", exc)
            return False


def concerns(change: Change, kinds: tuple[str, ...]) -> bool:
    """Whether a view showing ``kinds`` must refresh (re-anchoring and other windows'
    changes concern everyone)."""
    return change.kind in kinds or change.kind in ("anchoring", "external")
