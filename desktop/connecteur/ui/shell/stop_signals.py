"""When the system asks the process to stop — Ctrl+C in the terminal (SIGINT), a
logout or ``kill`` (SIGTERM), the terminal closed (SIGHUP) — the window closes as if
the trainer had chosen Quitter: settings saved, queued writes committed, and the
single-instance socket removed (a stale one would make the next start wait for it).

Python runs a signal handler only between two bytecodes, while Qt's event loop may sit
in C++ for as long as nothing happens. So the Python handler only notes the signal,
and ``signal.set_wakeup_fd`` has the interpreter's C-level handler write the signal's
number to one end of a socket pair; a ``QSocketNotifier`` on the other end wakes the
event loop at once, and :attr:`StopSignals.requested` is emitted on the UI thread.
A signal that arrives during start-up waits in the socket until the loop runs.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Iterable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Signal

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                     if hasattr(signal, name))


class StopSignals(QObject):
    """Installed once, from the main thread, before the event loop runs."""

    requested = Signal(int)  # the signal's number

    def __init__(self, parent: QObject | None = None,
                 signals: Iterable[int] = STOP_SIGNALS) -> None:
        super().__init__(parent)
        self.received: list[int] = []
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(),
                                                 warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, self._note) for number in signals}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._woken)

    def _note(self, number: int, _frame: FrameType | None) -> None:
        """The Python handler: runs when the interpreter gets to it; the wake-up is
        the notifier's job."""
        self.received.append(number)

    def _woken(self) -> None:
        try:
            data = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for number in data:
            if number in self._previous:
                self.requested.emit(number)

    def uninstall(self) -> None:
        """Give the signals back to what handled them before (tests, shutdown)."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
