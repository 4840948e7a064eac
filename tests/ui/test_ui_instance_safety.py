"""Nobody else receives this user's links: the single-instance socket lives in a folder
only the user can enter, and both ends ask the kernel who is on the other side.

The squatters are real where the tests run as root (another user's socket, a listener
running as ``nobody``, a client running as ``nobody``); elsewhere those tests are
skipped and the credential check is exercised through a stand-in for ``peer_uid``."""

from __future__ import annotations

import functools
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from handing_over import REFUSED, finished, hand_off_elsewhere
from PySide6.QtNetwork import QLocalSocket

from connecteur import paths
from connecteur.ui.shell import single_instance
from connecteur.ui.shell.single_instance import InstanceServer, Request, hand_off

LINK = "connecteur://2020-05-20/s1/lead/03"
NOBODY = 65534
as_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                             reason="another user's socket needs root to be made")

# A squatter: listens on a socket, prints "ready", then what each peer sent.
SQUATTER = """
import socket, sys
server = socket.socket(socket.AF_UNIX)
server.bind(sys.argv[1])
server.listen(5)
print("ready", flush=True)
server.settimeout(10)
while True:
    peer, _ = server.accept()
    peer.settimeout(10)
    data = b""
    while chunk := peer.recv(4096):
        data += chunk
    print(repr(data), flush=True)
"""
# A stranger: connects to a socket as another user and sends a request.
STRANGER = """
import socket, sys
peer = socket.socket(socket.AF_UNIX)
peer.connect(sys.argv[1])
peer.settimeout(5)
try:
    peer.sendall(b'{"link": "connecteur://2020-07-03/s2/lead/05"}\\n')
    print(repr(peer.recv(64)), flush=True)
except (BrokenPipeError, ConnectionResetError):  # hung up on before or after
    print(repr(b""), flush=True)
"""


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A temporary folder every user may enter (for the other user's side)."""
    folder = Path(tempfile.mkdtemp(prefix="connecteur-test-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@functools.cache
def _python_for_nobody() -> str | None:
    """An interpreter ``nobody`` may run (the venv's may sit in root's home)."""
    for python in (os.path.realpath(sys.executable), "/usr/bin/python3",
                   "/usr/local/bin/python3"):
        try:
            subprocess.run([python, "-I", "-c", "pass"], user=NOBODY, group=NOBODY, cwd="/",
                           check=True, capture_output=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            continue
        return python
    return None


def _as_nobody(script: str, *args: str) -> subprocess.Popen:
    python = _python_for_nobody()
    if python is None:
        pytest.skip("no Python interpreter that the user nobody may run")
    return subprocess.Popen([python, "-I", "-c", script, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, user=NOBODY, group=NOBODY,
                            cwd="/")


# --- where the socket lives ------------------------------------------------------------

def test_the_socket_lives_in_a_folder_of_the_user_alone(qtbot, isolated_home: Path) -> None:
    folder = paths.instance_dir()
    assert folder == isolated_home / "run"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)  # left open by an older version, or by hand: tightened
    server = InstanceServer()
    assert server.listen()
    try:
        address = Path(server.address)
        assert address.parent == folder and address.name == single_instance.server_name()
        assert _mode(folder) == 0o700 and _mode(address) == 0o600
        assert len(os.fsencode(server.address)) < 108  # a Unix socket path's limit
    finally:
        server.close()
    assert not address.exists()


def test_xdg_runtime_dir_is_used_only_when_it_is_private(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    runtime.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert paths.instance_dir() == runtime / "fr.cnfpt.Connecteur"
    runtime.chmod(0o755)  # others may enter: not a place for the socket
    assert paths.instance_dir() == tmp_path / "cache" / "CNFPT" / "Connecteur" / "run"
    monkeypatch.setenv("XDG_RUNTIME_DIR", "relative/path")
    assert paths.instance_dir() == tmp_path / "cache" / "CNFPT" / "Connecteur" / "run"
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    made = paths.ensure_private_dir(paths.instance_dir())
    assert made.is_dir() and _mode(made) == 0o700


@as_root
def test_an_xdg_runtime_dir_of_another_user_is_not_used(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    os.chown(runtime, NOBODY, NOBODY)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert paths.instance_dir() == tmp_path / "cache" / "CNFPT" / "Connecteur" / "run"


@as_root
def test_a_socket_folder_of_another_user_is_refused(qtbot, tmp_path: Path) -> None:
    folder = paths.instance_dir()
    folder.mkdir(mode=0o700)
    os.chown(folder, NOBODY, NOBODY)
    with pytest.raises(PermissionError):
        paths.ensure_private_dir(folder)
    link = tmp_path / "elsewhere"
    link.mkdir()
    folder.rmdir()
    folder.symlink_to(link)  # a link to a folder is not a private folder either
    with pytest.raises(PermissionError):
        paths.ensure_private_dir(folder)
    server = InstanceServer()
    assert server.listen() is False  # the window runs on its own…
    assert not server.listening and list(link.iterdir()) == []  # …and makes nothing there


# --- another user's socket gets nothing --------------------------------------------------

@as_root
def test_a_socket_file_of_another_user_gets_neither_link_nor_token(
        qtbot, monkeypatch, tmp_path: Path, open_folder: Path) -> None:
    """What the review saw: ``nobody`` made the socket first and the victim's link went
    to it. Now the file's owner is checked before connecting: nothing is sent, and this
    launch opens its own window (``claim`` gives back a server that does not listen)."""
    report = tmp_path / "report.txt"
    monkeypatch.setenv(paths.INSTANCE_REPORT_ENV, str(report))
    monkeypatch.setenv(single_instance.ACTIVATION_ENV, "jeton-secret")
    squatter = _as_nobody(SQUATTER, str(open_folder / "socket"))
    try:
        assert squatter.stdout.readline().strip() == "ready"
        address = Path(single_instance.socket_address())
        paths.ensure_private_dir(address.parent)
        os.rename(open_folder / "socket", address)  # as if it had been made there
        start = time.perf_counter()
        assert hand_off(LINK) is False
        assert time.perf_counter() - start < 0.25  # refused before any connection
        server = single_instance.claim(LINK)
        assert server is not None and server.foreign and not server.listening
        assert report.read_text(encoding="utf-8").splitlines() == ["foreign socket"]
        assert address.exists()  # not ours to remove
        squatter.kill()
    finally:
        squatter.kill()
        squatter.wait(10)


@as_root
def test_a_listener_of_another_user_is_found_out_by_the_kernel(
        qtbot, open_folder: Path) -> None:
    """The socket file says it is ours (a file's owner can mislead in a folder others
    may write to), but the kernel says who listens: the connection is dropped before
    anything is written."""
    squatter = _as_nobody(SQUATTER, str(open_folder / "socket"))
    try:
        assert squatter.stdout.readline().strip() == "ready"
        address = Path(single_instance.socket_address())
        paths.ensure_private_dir(address.parent)
        os.rename(open_folder / "socket", address)
        os.chown(address, os.getuid(), os.getgid())
        assert hand_off(LINK) is False
        assert squatter.stdout.readline().strip() == "b''"  # connected, got nothing
        server = InstanceServer()
        assert server.listen() is False and server.foreign  # and it is left alone
        assert squatter.stdout.readline().strip() == "b''"
        assert address.exists() and squatter.poll() is None
    finally:
        squatter.kill()
        squatter.wait(10)


# --- the running window drops strangers ---------------------------------------------------

@as_root
def test_the_running_window_drops_a_client_of_another_user(qtbot, monkeypatch, tmp_path: Path,
                                                           open_folder: Path) -> None:
    """A socket left reachable by others (here on purpose: a folder everyone may enter,
    the file opened to all): the window still asks the kernel who connected."""
    report = tmp_path / "report.txt"
    monkeypatch.setenv(paths.INSTANCE_REPORT_ENV, str(report))
    address = str(open_folder / "socket")
    server = InstanceServer(address)
    assert server.listen()
    try:
        open_folder.chmod(0o777)  # (listen made the socket's folder private)
        os.chmod(address, 0o666)
        received: list[Request] = []
        server.serve(received.append)
        stranger = _as_nobody(STRANGER, address)
        qtbot.waitUntil(lambda: stranger.poll() is not None, timeout=10_000)
        out, err = stranger.communicate()
        assert out.strip() == "b''", err  # connected, then hung up on without an "ok"
        qtbot.waitUntil(lambda: "stranger" in report.read_text(encoding="utf-8"))
        assert received == []
    finally:
        server.close()


def test_a_client_the_kernel_says_is_someone_else_is_dropped(qtbot, monkeypatch,
                                                             tmp_path: Path) -> None:
    """The same check wherever the tests cannot be another user: ``peer_uid`` stands in
    for the kernel's answer on the window's side (the later launch, in a process of
    its own, still sees the real one)."""
    report = tmp_path / "report.txt"
    monkeypatch.setenv(paths.INSTANCE_REPORT_ENV, str(report))
    server = InstanceServer()
    assert server.listen()
    try:
        received: list[Request] = []
        server.serve(received.append)
        with monkeypatch.context() as patch:
            patch.setattr(single_instance, "peer_uid", lambda _socket: os.getuid() + 1)
            refused = hand_off_elsewhere(LINK, server.name)
            assert finished(qtbot, refused) == REFUSED
        assert received == [] and "stranger" in report.read_text(encoding="utf-8")
        assert finished(qtbot, hand_off_elsewhere(LINK, server.name)) == 0
        assert received == [Request(LINK)]
    finally:
        server.close()


def test_the_kernel_reports_this_user_on_a_real_connection(qtbot) -> None:
    """``peer_uid`` reads real credentials, not a constant: a connection made here is
    this process's user on the other side."""
    server = InstanceServer()
    assert server.listen()
    try:
        client = QLocalSocket()
        client.connectToServer(server.address)
        assert client.waitForConnected(1000)
        expected = os.getuid() if hasattr(socket, "SO_PEERCRED") else None
        assert single_instance.peer_uid(client) == expected
        client.abort()
        assert single_instance.peer_uid(client) is None  # no descriptor any more
    finally:
        server.close()


