"""A later launch handing its link to the open window, in a process of its own (as it
really is): ``hand_off`` blocks, and holds the interpreter meanwhile, while the server
needs this process's event loop."""

from __future__ import annotations

import subprocess
import sys

CLIENT = ("import sys; from connecteur.ui.shell.single_instance import hand_off; "
          "sys.exit(0 if hand_off(sys.argv[1] or None, sys.argv[2]) else 3)")
REFUSED = 3  # the client's exit code when the server did not acknowledge


def hand_off_elsewhere(link: str | None, name: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CLIENT, link or "", name])


def finished(qtbot, process: subprocess.Popen) -> int:
    """The client's exit code, the event loop turning meanwhile (killed after 10 s)."""
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=10_000)
    finally:
        if process.poll() is None:
            process.kill()
    return process.returncode
