"""One window per user and data folder: a second ``connecteur`` hands over its link.

A desktop opens ``connecteur://2020-05-20/s1/lead/03`` (a link in exported notes) by
running ``connecteur <link>`` again. Instead of a second window (and a second writer
of the same user database), the new process connects to the running one through a
``QLocalServer``, sends one JSON line ``{"link": …, "activation_token": …}`` and
waits for ``ok``; the running window comes to the front and opens the item.

* The socket lives in a folder only this user may enter (``paths.instance_dir()``:
  ``XDG_RUNTIME_DIR`` or a 0700 folder of the user's own), under a name derived from
  the user and the data folder: two users on one machine, or tests with different
  ``CONNECTEUR_HOME`` folders, never meet.
* Nobody else is trusted, on either side. The later launch checks that the socket
  file is this user's before connecting, and once connected asks the kernel who
  listens (``SO_PEERCRED``, which cannot be faked, unlike a file's owner in a folder
  someone else could write to); a socket of another user gets neither the link nor
  the activation token: this launch opens its own window. The running window asks
  the kernel who connected and drops anyone else.
* The client side imports QtNetwork only (no window modules) and gives up after
  ``CONNECT_TIMEOUT_MS`` when no one listens, so a normal start does not wait.
* A crashed instance leaves its socket behind: ``listen`` then fails, a connection
  attempt is refused, and the stale socket is removed before listening again.
  (SIGTERM, SIGINT and SIGHUP close the window properly: see ``stop_signals``.)
* ``--exit-when-ready`` runs (tests, benchmarks) neither hand off nor listen.

Test hook: with ``CONNECTEUR_TEST_REPORT=FILE`` (``paths.instance_report_path()``)
the running window appends one line per event to FILE: ``listening``, ``opened ID``,
``refused LINK``, ``raised``, ``foreign socket`` (this launch found another user's
socket and runs on its own), ``stranger`` (a connection from another user was
dropped), and ``welcome`` / ``no-welcome`` (see welcome_dialog).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import socket as os_socket
import stat
import struct
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


def socket_address(name: str | None = None) -> str:
    """Where the socket of ``name`` is: a path in the user's private folder on POSIX
    (an absolute ``name`` is used as it is), the bare name elsewhere (Windows pipes)."""
    name = name or server_name()
    if os.name != "posix" or os.path.isabs(name):
        return name
    return str(paths.instance_dir() / name)


class NotOurs(Exception):
    """The socket, or the process behind it, belongs to another user."""


def peer_uid(socket: QLocalSocket) -> int | None:
    """The user id of the process at the other end of a connected socket, as the
    kernel recorded it when it connected or listened (Linux ``SO_PEERCRED``); None
    where the system does not tell (then the private folder is the only guard)."""
    option = getattr(os_socket, "SO_PEERCRED", None)
    descriptor = int(socket.socketDescriptor())
    if option is None or descriptor < 0:
        return None
    try:  # fromfd works on a duplicate: Qt's descriptor stays open
        with os_socket.fromfd(descriptor, os_socket.AF_UNIX, os_socket.SOCK_STREAM) as peer:
            data = peer.getsockopt(os_socket.SOL_SOCKET, option, struct.calcsize("3i"))
    except OSError:
        return None
    return struct.unpack("3i", data)[1]


def _is_ours(socket: QLocalSocket) -> bool:
    uid = peer_uid(socket)
    return uid is None or uid == os.getuid()


def _check_owner(address: str) -> None:
    """Refuse a socket file that is not this user's (nothing there: fine, the
    connection attempt will be refused at once)."""
    if os.name != "posix":
        return
    try:
        info = os.lstat(address)
    except OSError:
        return
    if not stat.S_ISSOCK(info.st_mode) or info.st_uid != os.getuid():
        raise NotOurs(address)


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

def _connect(address: str, timeout_ms: int = CONNECT_TIMEOUT_MS) -> QLocalSocket | None:
    """A connection to the running window of this user, None when nobody listens;
    ``NotOurs`` when the socket or the listening process is another user's."""
    _check_owner(address)
    socket = QLocalSocket()
    socket.connectToServer(address)
    if not socket.waitForConnected(timeout_ms):
        socket.abort()
        return None
    if not _is_ours(socket):
        socket.abort()
        raise NotOurs(address)
    return socket


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
    has nothing more to do). False when nobody listens, or when the socket is not
    this user's (then nothing is sent). Works without a QApplication (blocking)."""
    address = socket_address(name)
    try:
        socket = _connect(address)
    except NotOurs:
        log.warning("the single-instance socket %s is not yours: link not handed over",
                    address)
        return False
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
        self.address = socket_address(self.name)
        self.foreign = False  # the socket is another user's: never hand anything to it
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
        system refuses, or the socket is another user's: then this window simply
        runs on its own)."""
        if os.name == "posix":
            try:
                paths.ensure_private_dir(Path(self.address).parent)
            except OSError as exc:
                log.warning("single instance unavailable: %s", exc)
                return False
        if self._listen():
            return True
        if self._server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
            log.warning("single instance unavailable: %s", self._server.errorString())
            return False
        try:
            alive = _connect(self.address)
        except NotOurs:
            self.foreign = True
            log.warning("the single-instance socket %s is not yours: this window runs "
                        "on its own", self.address)
            report("foreign socket")
            return False
        if alive is not None:
            alive.abort()
            return False
        QLocalServer.removeServer(self.address)  # left behind by a crashed instance
        if self._listen():
            return True
        log.warning("single instance unavailable: %s", self._server.errorString())
        return False

    def _listen(self) -> bool:
        if not self._server.listen(self.address):
            return False
        self._restrict()
        report("listening")
        return True

    def _restrict(self) -> None:
        """Only the user may connect (on Unix a socket file, which the umask may have
        left open to the group; its folder is the user's alone anyway)."""
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
            socket = self._server.nextPendingConnection()
            if _is_ours(socket):
                _Peer(socket, self._received)
                continue
            log.warning("single instance: a connection from another user was dropped")
            report("stranger")
            socket.abort()
            socket.deleteLater()

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
    if not server.foreign and hand_off(link, server.name):
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
