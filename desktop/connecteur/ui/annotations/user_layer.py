"""The trainer's own layer (``UserStore``) seen from the window.

:class:`UserLayer` opens the user database off the UI thread once the first page is
on screen, then relays the store's change notifications to a Qt signal that always
fires on the UI thread, whichever thread made the change (Qt queues a signal emitted
from a worker to an object living in the UI thread; from the UI thread it is
delivered at once, so a view is up to date when the call that saved returns).

Views never catch store errors themselves: :meth:`UserLayer.attempt` runs an
operation, returns its result, and turns a ``ConnecteurError`` into a French message
on ``failed`` (the window shows it) — the data is unchanged in that case.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from connecteur.errors import ConnecteurError
from connecteur.store import Change, CorpusStore
from connecteur.ui.shell.tasks import BackgroundRunner

if TYPE_CHECKING:  # the user layer loads after the first paint
    from connecteur.store import UserStore

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

    def __init__(self, corpus: CorpusStore, runner: BackgroundRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corpus = corpus
        self._runner = runner
        self.user: UserStore | None = None
        self.state = CLOSED
        self.error = ""
        self._unsubscribe: list[Callable[[], None]] = []
        # Slots of this object (not plain callables): Qt then queues the delivery when
        # the signal is emitted from a worker thread.
        self._incoming.connect(self._deliver)
        self._history_incoming.connect(self._deliver_history)

    @property
    def ready(self) -> bool:
        return self.user is not None

    # --- opening and closing ---------------------------------------------------------

    def open(self, *, background: bool = True) -> None:
        """Open the user database (recovery, backup, migrations, re-anchoring)."""
        if self.state in (OPENING, READY):
            return
        self.state = OPENING
        from connecteur.store import UserStore  # here: keeps it off the start-up path

        if not background:
            try:
                store = UserStore.open(self._corpus)
            except ConnecteurError as exc:
                self._open_failed(str(exc))
            else:
                self._attach(store)
            return
        self._runner.submit(lambda: UserStore.open(self._corpus),
                            on_result=self._attach, on_error=self._open_failed)

    def attach(self, store: UserStore) -> None:
        """Use an already opened store (tests, another front end)."""
        self.state = OPENING
        self._attach(store)

    def _attach(self, store: UserStore) -> None:
        if self.state != OPENING:  # closed meanwhile
            store.close()
            return
        self.user = store
        self.state = READY
        self._unsubscribe = [store.subscribe(self._incoming.emit),
                             store.history.subscribe(self._history_incoming.emit)]
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
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        if self.user is not None:
            self.user.close()
        self.user = None
        self.state = CLOSED

    # --- operations --------------------------------------------------------------------

    def attempt(self, operation: Callable[[UserStore], T]) -> T | None:
        """``operation(user)``; None (and ``failed``) when it was refused."""
        if self.user is None:
            self.failed.emit(self.unavailable_message())
            return None
        try:
            return operation(self.user)
        except ConnecteurError as exc:
            self.failed.emit(str(exc))
            return None

    def perform(self, operation: Callable[[UserStore], object]) -> bool:
        """Like :meth:`attempt` for operations that return nothing: True when done."""
        done = [False]

        def run(user: UserStore) -> bool:
            operation(user)
            done[0] = True
            return True

        self.attempt(run)
        return done[0]

    def outcome(self, operation: Callable[[UserStore], T]) -> tuple[T | None, str]:
        """``(result, "")``, or ``(None, why)`` when refused (for a dialog that shows
        the reason next to its fields rather than in the status bar)."""
        if self.user is None:
            return None, self.unavailable_message()
        try:
            return operation(self.user), ""
        except ConnecteurError as exc:
            return None, str(exc)

    def read(self, operation: Callable[[UserStore], T], default: T) -> T:
        """A read for a view: ``default`` when the layer is not open or fails."""
        if self.user is None:
            return default
        try:
            return operation(self.user)
        except ConnecteurError as exc:
            log.warning("reading the user layer failed: %s", exc)
            return default

    def unavailable_message(self) -> str:
        if self.state == FAILED:
            return QCoreApplication.translate(
                "UserLayer", "Vos annotations sont indisponibles : {0}").format(self.error)
        return QCoreApplication.translate("UserLayer", "Vos annotations sont en cours "
                                                       "d'ouverture…")

    def check_external_changes(self) -> bool:
        """Another window saved something? Then every view hears ``external``."""
        if self.user is None:
            return False
        try:
            return self.user.check_external_changes(origin=self)
        except ConnecteurError as exc:
            log.warning("checking for external changes failed: %s", exc)
            return False


def concerns(change: Change, kinds: tuple[str, ...]) -> bool:
    """Whether a view showing ``kinds`` must refresh (re-anchoring and other windows'
    changes concern everyone)."""
    return change.kind in kinds or change.kind in ("anchoring", "external")


def layer_of(context: Any) -> UserLayer | None:
    """The context's user layer (None before the feature is installed)."""
    found = getattr(context, "extensions", {}).get("user")
    return found if isinstance(found, UserLayer) else None
