"""connecteur:// links and the single-instance channel, in-process: links at start and
handed over (valid, unknown, malformed), the server name, the request format, and the
clean-up of a socket left by a crashed instance. (Real processes:
test_ui_instance_handoff.py.)"""

from __future__ import annotations

import configparser
import socket
import time
from pathlib import Path

import pytest
from handing_over import finished, hand_off_elsewhere
from PySide6.QtNetwork import QLocalSocket

from connecteur import paths
from connecteur.ui.shell import single_instance
from connecteur.ui.shell.single_instance import InstanceServer, Request, hand_off, server_name

LEAD = "2020-05-20/s1/lead/03"


def _message(window) -> str:
    return window.status.currentMessage()


# --- a link given at start -------------------------------------------------------------

@pytest.mark.parametrize("link", [f"connecteur://{LEAD}", f"connecteur:{LEAD}",
                                  f"connecteur://{LEAD}/", "connecteur://2020-05-20/s1/lead/3"])
def test_a_link_at_start_opens_and_marks_the_item(make_window, link: str) -> None:
    window = make_window(url=link)
    assert window.current_location == LEAD and window.reading.marked_id == LEAD
    assert window.reading.page_key == "2020-05-20/s1"
    lead_text = window.store.get(LEAD).body[:40]
    assert lead_text in window.reading.toPlainText()
    assert _message(window) == ""


def test_an_unknown_item_opens_the_window_with_a_french_message(qtbot, make_window,
                                                                corpus_store) -> None:
    window = make_window(url="connecteur://2020-05-20/s1/lead/99")
    assert window.reading.page_key == corpus_store.sessions[0].id  # the usual first page
    assert window.isVisible()
    qtbot.waitUntil(lambda: _message(window) != "")
    assert _message(window) == (
        "Introuvable dans la bibliothèque : connecteur://2020-05-20/s1/lead/99")


@pytest.mark.parametrize("link", ["connecteur://n'importe quoi", "connecteur://",
                                  "connecteur:2020-05-20/s1/lead/x"])
def test_a_malformed_link_opens_the_window_with_a_french_message(qtbot, make_window,
                                                                  link: str) -> None:
    window = make_window(url=link)
    assert window.isVisible() and window.reading.page_key == "2020-05-20/s1"
    qtbot.waitUntil(lambda: _message(window).startswith("Lien non reconnu"))
    assert _message(window) == f"Lien non reconnu : {link}"


# --- a link handed over by a later launch ----------------------------------------------

def test_a_handed_link_raises_the_window_and_opens_the_item(qtbot, make_window) -> None:
    window = make_window()
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    single_instance.present(window, Request("connecteur:2020-07-03/s2/lead/05/"))
    assert not window.isMinimized() and window.isVisible()
    assert window.reading.marked_id == "2020-07-03/s2/lead/05"
    assert window.reading.hasFocus()


@pytest.mark.parametrize(("link", "message"), [
    ("connecteur://2020-07-03/s9", "Introuvable dans la bibliothèque : connecteur://2020-07-03/s9"),
    ("connecteur://%%%", "Lien non reconnu : connecteur://%%%"),
])
def test_a_handed_bad_link_keeps_the_page_and_says_why(make_window, link: str,
                                                       message: str) -> None:
    window = make_window(url=f"connecteur://{LEAD}")
    assert single_instance.open_link(window, link) is False
    assert window.current_location == LEAD and window.reading.marked_id == LEAD
    assert _message(window) == message


def test_a_request_without_link_only_raises(make_window) -> None:
    window = make_window(url=f"connecteur://{LEAD}")
    single_instance.present(window, Request(None))
    assert window.current_location == LEAD and _message(window) == ""


# --- the channel -----------------------------------------------------------------------

def test_server_name_depends_on_user_and_data_folder(monkeypatch, tmp_path: Path) -> None:
    mine = server_name()
    assert mine == server_name(paths.data_dir()) and mine.startswith("fr.cnfpt.Connecteur-")
    assert len(mine) < 48  # a Unix socket path must stay short
    assert server_name(tmp_path) != mine
    monkeypatch.setattr(single_instance.getpass, "getuser", lambda: "quelqu'un d'autre")
    assert server_name() != mine


def test_requests_round_trip_and_garbage_is_refused() -> None:
    request = Request("connecteur://2020-05-20/s1#resources", "jeton-é")
    assert Request.decode(request.encode().rstrip(b"\n")) == request
    assert Request.decode(Request(None).encode().strip()) == Request(None, None)
    for garbage in (b"\xff\xfe", b"[1, 2]", b"{", b"GET / HTTP/1.0"):
        assert Request.decode(garbage) is None
    assert Request.decode(b'{"link": 3, "activation_token": ""}') == Request(None, None)


def test_a_later_launch_hands_over_and_is_acknowledged(qtbot) -> None:
    server = InstanceServer()
    assert server.listen()
    try:
        received: list[Request] = []
        assert finished(qtbot, hand_off_elsewhere(f"connecteur://{LEAD}", server.name)) == 0
        assert received == []  # no handler yet (window being built): kept for later
        server.serve(received.append)
        assert received == [Request(f"connecteur://{LEAD}", None)]
        assert finished(qtbot, hand_off_elsewhere(None, server.name)) == 0
        assert received[-1] == Request(None, None)
    finally:
        server.close()


def test_a_peer_sending_garbage_is_dropped_and_the_server_goes_on(qtbot) -> None:
    server = InstanceServer()
    assert server.listen()
    try:
        received: list[Request] = []
        server.serve(received.append)
        peer = QLocalSocket()
        peer.connectToServer(server.address)
        assert peer.waitForConnected(1000)
        peer.write(b"GET / HTTP/1.0\n")
        peer.flush()
        qtbot.waitUntil(lambda: peer.state() == QLocalSocket.LocalSocketState.UnconnectedState)
        assert finished(qtbot, hand_off_elsewhere(f"connecteur://{LEAD}", server.name)) == 0
        assert received == [Request(f"connecteur://{LEAD}")]
    finally:
        server.close()


def test_no_running_instance_answers_at_once() -> None:
    start = time.perf_counter()
    assert hand_off(f"connecteur://{LEAD}") is False
    assert time.perf_counter() - start < 0.25


def test_a_stale_socket_is_removed_and_a_live_one_is_not(qtbot) -> None:
    name = server_name()
    # What a crashed instance leaves: a socket file nobody accepts on.
    path = Path(single_instance.socket_address(name))
    paths.ensure_private_dir(path.parent)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()
    assert path.exists()
    start = time.perf_counter()
    assert hand_off(None, name) is False  # refused at once, not after a timeout
    assert time.perf_counter() - start < 0.25
    first = InstanceServer(name)
    assert first.listen(), "the stale socket should have been cleaned up"
    try:
        second = InstanceServer(name)
        assert second.listen() is False  # a live instance is left alone…
        assert first.listening
        received: list[Request] = []
        first.serve(received.append)
        assert finished(qtbot, hand_off_elsewhere(None, name)) == 0  # …and still answers
        assert received == [Request(None)]
    finally:
        first.close()
    assert not path.exists()  # a clean exit leaves nothing behind


def test_the_window_is_matched_with_its_desktop_file(qapp, repo_root: Path) -> None:
    """Wayland (and GNOME, KDE on X11) find the launcher by the desktop file name; other
    X11 desktops by the window class, which Qt takes from the application name."""
    from PySide6.QtCore import qInstallMessageHandler

    from connecteur.ui.shell import launch as app_module

    pytest_qt_handler = qInstallMessageHandler(None)
    names = (qapp.applicationName(), qapp.organizationName(), qapp.desktopFileName())
    try:
        application = app_module.application()
        desktop_name, class_name = application.desktopFileName(), application.applicationName()
    finally:
        qInstallMessageHandler(pytest_qt_handler)
        qapp.setApplicationName(names[0])
        qapp.setOrganizationName(names[1])
        qapp.setDesktopFileName(names[2])
    desktop = repo_root / "packaging" / "linux" / f"{desktop_name}.desktop"
    assert desktop_name == "fr.cnfpt.Connecteur" and desktop.is_file()
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(desktop, encoding="utf-8")
    assert entry["Desktop Entry"]["StartupWMClass"] == class_name == "Connecteur"
    assert "x-scheme-handler/connecteur;" in entry["Desktop Entry"]["MimeType"]
