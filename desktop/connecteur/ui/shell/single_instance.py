"""One window per user and data folder: a second ``connecteur`` hands over its link.

A desktop opens ``connecteur://2020-05-20/s1/lead/03`` (a link in exported notes) by
running ``connecteur <link>`` again. Instead of a second window (and a second writer
of the same user database), the new process connects to the running one through a
``QLocalServer``, sends one JSON line ``{"link": …, "activation_token": …}`` and
waits for ``ok``; the running window comes to the front and opens the item.

* The server name is derived from the user and the data folder
  (``paths.data_dir()``): two users on one machine, or tests with different
  ``CONNECTEUR_HOME`` folders, never meet.
* The client side imports QtNetwork only (no window modules) and gives up after
  ``CONNECT_TIMEOUT_MS`` when no one listens, so a normal start does not wait.
* A crashed instance leaves its socket behind: ``listen`` then fails, a connection
  attempt is refused, and the stale socket is removed before listening again.
* ``--exit-when-ready`` runs (tests, benchmarks) neither hand off nor listen.

Test hook: with ``CONNECTEUR_TEST_REPORT=FILE`` (``paths.instance_report_path()``)
the running window appends one line per event to FILE: ``listening``, ``opened ID``,
``refused LINK``, ``raised``, and ``welcome`` / ``no-welcome`` (see welcome_dialog).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from connecteur import paths
from connecteur.app import place as location

if TYPE_CHECKING:
    from connecteur.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

NAME_PREFIX = "fr.cnfpt.Connecteur-"
CONNECT_TIMEOUT_MS = 200  # nobody listening answers at once; this bounds a busy system
ANSWER_TIMEOUT_MS = 5000  # the running window may still be building its first page
CLIENT_TIMEOUT_MS = 2000  # a peer that connects and says nothing is dropped
MAX_REQUEST_BYTES = 64 * 1024
ACK = b"ok\n"
# How a Wayland launcher lets the process it starts take the focus: handed on to the
# running window, whose activateWindow() then uses it (Qt reads it at that moment).
ACTIVATION_ENV = "XDG_ACTIVATION_TOKEN"


def server_name(data_dir: Path | None = None) -> str:
    """A short name, stable for one user and one data folder (Unix sockets limit
    their path to about a hundred bytes, so the two are hashed)."""
    folder = (data_dir or paths.data_dir()).expanduser().resolve()
    uid = getattr(os, "getuid", lambda: "")()
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):
        user = ""
    digest = hashlib.sha256(f"{uid}\n{user}\n{folder}".encode()).hexdigest()
    return NAME_PREFIX + digest[:20]


def report(event: str) -> None:
    """Append one line to the test report file, when the hook is on (see above)."""
    target = paths.instance_report_path()
    if target is None:
        return
    try:
        with target.open("a", encoding="utf-8") as stream:
            stream.write(event + "\n")
    except OSError as exc:
        log.warning("test report not written: %s", exc)


@dataclass(frozen=True)
class Request:
    """What a later launch asks of the running window."""

    link: str | None = None  # a connecteur:// link, or None: "come to the front"
    activation_token: str | None = None  # lets the window take focus (Wayland)

    def encode(self) -> bytes:
        data = {"link": self.link, "activation_token": self.activation_token}
        return json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n"

    @classmethod
    def decode(cls, line: bytes) -> Request | None:
        """None for anything that is not a request of ours (never an exception)."""
        try:
            data = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        link, token = data.get("link"), data.get("activation_token")
        return cls(link if isinstance(link, str) and link.strip() else None,
                   token if isinstance(token, str) and token else None)

    @classmethod
    def from_environment(cls, link: str | None) -> Request:
        return cls(link, os.environ.get(ACTIVATION_ENV) or None)


# --- the later launch ------------------------------------------------------------------

def _connect(name: str, timeout_ms: int = CONNECT_TIMEOUT_MS) -> QLocalSocket | None:
    socket = QLocalSocket()
    socket.connectToServer(name)
    if socket.waitForConnected(timeout_ms):
        return socket
    socket.abort()
    return None


def _read_answer(socket: QLocalSocket, timeout_ms: int) -> bytes:
    deadline = time.monotonic() + timeout_ms / 1000
    answer = b""
    while not answer.endswith(b"\n") and len(answer) < 64:
        left = int((deadline - time.monotonic()) * 1000)
        if socket.bytesAvailable() == 0 and (left <= 0 or not socket.waitForReadyRead(left)):
            break
        answer += bytes(socket.readAll().data())
    return answer


def hand_off(link: str | None, name: str | None = None,
             answer_timeout_ms: int = ANSWER_TIMEOUT_MS) -> bool:
    """Give ``link`` to the running window; True when it took it (then this process
    has nothing more to do). Works without a QApplication (blocking calls)."""
    socket = _connect(name or server_name())
    if socket is None:
        return False
    try:
        socket.write(Request.from_environment(link).encode())
        if not socket.waitForBytesWritten(answer_timeout_ms):
            return False
        return _read_answer(socket, answer_timeout_ms) == ACK
    finally:
        socket.abort()


# --- the running window ----------------------------------------------------------------

class _Peer(QObject):
    """One connection from a later launch: read one line, answer, hang up."""

    def __init__(self, socket: QLocalSocket, deliver: Callable[[Request], None]) -> None:
        super().__init__(socket)
        self._socket = socket
        self._deliver = deliver
        self._buffer = b""
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(socket.deleteLater)
        QTimer.singleShot(CLIENT_TIMEOUT_MS, self, self._drop)
        self._read()  # the request may have arrived with the connection

    def _read(self) -> None:
        self._buffer += bytes(self._socket.readAll().data())
        if len(self._buffer) > MAX_REQUEST_BYTES:
            self._drop()
            return
        line, newline, _rest = self._buffer.partition(b"\n")
        if not newline:
            return
        request = Request.decode(line)
        if request is None:
            self._drop()
            return
        self._socket.write(ACK)
        self._socket.flush()
        self._socket.disconnectFromServer()
        self._deliver(request)

    def _drop(self) -> None:
        if self._socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            self._socket.abort()


class InstanceServer(QObject):
    """Listens for later launches; their requests wait until :meth:`serve` is given
    somewhere to send them (the window), since they may arrive while it is built."""

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        # No socket option: with one, Qt's listen() silently replaces an existing
        # socket (even a live one) instead of failing; see _restrict() instead.
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._accept)
        self._handler: Callable[[Request], None] | None = None
        self._pending: list[Request] = []

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def listen(self) -> bool:
        """Start listening; False when another instance already does (or the
        system refuses: then this window simply runs on its own)."""
        if self._listen():
            return True
        if self._server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
            log.warning("single instance unavailable: %s", self._server.errorString())
            return False
        alive = _connect(self.name)
        if alive is not None:
            alive.abort()
            return False
        QLocalServer.removeServer(self.name)  # left behind by a crashed instance
        if self._listen():
            return True
        log.warning("single instance unavailable: %s", self._server.errorString())
        return False

    def _listen(self) -> bool:
        if not self._server.listen(self.name):
            return False
        self._restrict()
        report("listening")
        return True

    def _restrict(self) -> None:
        """Only the user may connect (on Unix a socket file, which the umask may have
        left open to the group)."""
        if os.name == "posix":
            try:
                os.chmod(self._server.fullServerName(), 0o600)
            except OSError as exc:
                log.warning("single-instance socket left as created: %s", exc)

    def serve(self, handler: Callable[[Request], None]) -> None:
        self._handler = handler
        pending, self._pending = self._pending, []
        for request in pending:
            handler(request)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            _Peer(self._server.nextPendingConnection(), self._received)

    def _received(self, request: Request) -> None:
        if self._handler is None:
            self._pending.append(request)
        else:
            self._handler(request)


def claim(link: str | None) -> InstanceServer | None:
    """At start (not for --exit-when-ready): become the running instance, or, when
    another one started meanwhile, give it the link and return None (then quit)."""
    server = InstanceServer()
    if server.listen():
        return server
    if hand_off(link, server.name):
        return None
    return server  # not listening: this window runs on its own


def open_link(window: MainWindow, link: str) -> bool:
    """Show the item a link names; a French message in the status bar otherwise."""
    if location.normalised(link) is None:
        window.status.flash(QCoreApplication.translate(
            "SingleInstance", "Lien non reconnu : {0}").format(link))
        report(f"refused {link}")
        return False
    if not window.navigate(link):  # it says "Introuvable dans la bibliothèque"
        report(f"refused {link}")
        return False
    window.reading.setFocus(Qt.FocusReason.OtherFocusReason)
    report(f"opened {window.current_location}")
    return True


def present(window: MainWindow, request: Request) -> None:
    """A later launch asked: bring the window to the front, then open its link."""
    if request.activation_token:
        os.environ[ACTIVATION_ENV] = request.activation_token
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
    report("raised")
    if request.link is not None:
        open_link(window, request.link)
