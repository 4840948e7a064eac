"""Two real ``connecteur`` processes: the second hands its link to the first and exits;
the first start on an empty home shows the welcome once; a crashed instance leaves
no trap. The running window tells the test what it did through the
CONNECTEUR_TEST_REPORT hook (see connecteur/ui/shell/single_instance.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from connecteur import paths
from connecteur.ui.shell import settings, single_instance

LEAD = "2020-05-20/s1/lead/03"
OTHER = "2020-07-03/s2/field_site/02"
START_TIMEOUT_MS = 60_000  # a first start builds the search index


class Instance:
    """A window (offscreen) in a process of its own, told to quit with Ctrl+C."""

    def __init__(self, env: dict[str, str], log: Path, *args: str) -> None:
        self.log = log
        with log.open("ab") as stream:
            self.process = subprocess.Popen([sys.executable, "-m", "connecteur", *args],
                                            env=env, stdout=stream, stderr=stream)

    def stop(self, qtbot) -> int:
        """Close the window as Ctrl+C in a terminal does (settings saved)."""
        self.process.send_signal(signal.SIGINT)
        qtbot.waitUntil(lambda: self.process.poll() is not None, timeout=15_000)
        return self.process.returncode

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


def _env(home: Path, report: Path) -> dict[str, str]:
    return {**os.environ, paths.HOME_ENV: str(home), "QT_QPA_PLATFORM": "offscreen",
            paths.INSTANCE_REPORT_ENV: str(report)}


def _lines(report: Path) -> list[str]:
    return report.read_text(encoding="utf-8").splitlines() if report.exists() else []


def _launch(env: dict[str, str], *args: str) -> tuple[subprocess.CompletedProcess, float]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "connecteur", *args], env=env,
                            capture_output=True, text=True, timeout=20, check=False)
    return result, time.perf_counter() - start


def test_a_second_launch_hands_its_link_to_the_running_window(qtbot, tmp_path: Path,
                                                              isolated_home: Path) -> None:
    report = tmp_path / "report.txt"
    env = _env(isolated_home, report)
    first = Instance(env, tmp_path / "first.log")
    try:
        qtbot.waitUntil(lambda: "welcome" in _lines(report), timeout=START_TIMEOUT_MS)
        assert _lines(report) == ["listening", "welcome"]  # an empty home: welcome shown
        assert (isolated_home / "settings.ini").is_file()  # created, welcome recorded
        qtbot.waitUntil((isolated_home / "cache" / "index").is_dir)  # built meanwhile

        second, seconds = _launch(env, f"connecteur://{LEAD}")
        assert second.returncode == 0, second.stderr
        assert second.stdout == "" and "Traceback" not in second.stderr
        assert seconds < 3, f"the hand-off took {seconds:.2f} s"
        qtbot.waitUntil(lambda: f"opened {LEAD}" in _lines(report))
        assert _lines(report)[2:] == ["raised", f"opened {LEAD}"]

        bad, _ = _launch(env, "connecteur://n-importe-quoi")
        assert bad.returncode == 0 and "Traceback" not in bad.stderr
        qtbot.waitUntil(lambda: "refused connecteur://n-importe-quoi" in _lines(report))

        # Started at the same moment as the first (the listen is lost): hands over too.
        assert single_instance.claim(f"connecteur:{OTHER}/") is None
        qtbot.waitUntil(lambda: f"opened {OTHER}" in _lines(report))

        # --exit-when-ready (tests, benchmarks) neither hands over nor listens.
        before = _lines(report)
        quiet, _ = _launch(env, "--exit-when-ready", f"connecteur://{LEAD}")
        assert quiet.returncode == 0 and quiet.stdout.startswith("ready in"), quiet.stderr
        assert _lines(report) == before

        assert first.stop(qtbot) == 0
        assert single_instance.hand_off(None) is False  # nobody listens any more
        assert not Path(single_instance.socket_address()).exists()
        assert "Traceback" not in (tmp_path / "first.log").read_text(encoding="utf-8")
    finally:
        first.kill()


def test_welcome_once_and_a_crashed_instance_leaves_no_trap(qtbot, tmp_path: Path,
                                                            isolated_home: Path) -> None:
    report = tmp_path / "report.txt"
    env = _env(isolated_home, report)
    quiet, _ = _launch(env, "--exit-when-ready")
    assert quiet.returncode == 0, quiet.stderr
    assert _lines(report) == []  # no server, no welcome in the way of a measure
    assert settings.Settings(paths.settings_path()).get(settings.WELCOME_AT_START) is True

    crashed = Instance(env, tmp_path / "crashed.log")
    try:
        qtbot.waitUntil(lambda: "welcome" in _lines(report), timeout=START_TIMEOUT_MS)
        crashed.process.kill()  # no clean-up at all: the socket file stays behind
        crashed.process.wait(10)
    finally:
        crashed.kill()
    socket_file = Path(single_instance.socket_address())
    assert socket_file.exists()

    again = Instance(env, tmp_path / "again.log", f"connecteur://{LEAD}")
    try:
        qtbot.waitUntil(lambda: _lines(report)[2:] == ["listening", "no-welcome"],
                        timeout=START_TIMEOUT_MS)
        handed, seconds = _launch(env, f"connecteur://{OTHER}")
        assert handed.returncode == 0 and seconds < 3, handed.stderr
        qtbot.waitUntil(lambda: f"opened {OTHER}" in _lines(report))
        assert again.stop(qtbot) == 0
    finally:
        again.kill()
    assert not socket_file.exists()


def test_sigterm_closes_the_window_properly_and_leaves_no_socket(qtbot, tmp_path: Path,
                                                                 isolated_home: Path) -> None:
    """A logout or ``kill`` (SIGTERM) closes as Quitter does: the settings are saved
    and the socket is removed, so the next start neither waits for it nor cleans up."""
    report = tmp_path / "report.txt"
    env = _env(isolated_home, report)
    running = Instance(env, tmp_path / "running.log", f"connecteur://{LEAD}")
    socket_file = Path(single_instance.socket_address())
    try:
        qtbot.waitUntil(lambda: "welcome" in _lines(report), timeout=START_TIMEOUT_MS)
        assert socket_file.exists()
        running.process.send_signal(signal.SIGTERM)
        qtbot.waitUntil(lambda: running.process.poll() is not None, timeout=15_000)
        assert running.process.returncode == 0
    finally:
        running.kill()
    assert not socket_file.exists()
    assert settings.Settings(paths.settings_path()).get(settings.LAST_LOCATION) == LEAD
    assert "Traceback" not in (tmp_path / "running.log").read_text(encoding="utf-8")
