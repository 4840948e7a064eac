"""Start-up of the window against an empty PySide6 main window shown and painted, both
measured from the process start, interleaved in the same run.

Two moments of ``connecteur --exit-when-ready`` (warm index), read from its start-up
trace: the **first paint** (the first session rendered and on screen) and **search
answering** (the index open and a first query answered; the window is then ready).

Both run with Python's bytecode cache allowed (``PYTHONDONTWRITEBYTECODE`` is
dropped): an installed wheel or the bundle carries its ``.pyc`` files, and a start-up
that recompiles every module measures the compiler, not the application.

Targets: first paint ≤ 1.6 × the empty window; search answering ≤ 3 × the empty
window; ready in under 1 s.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from targets import Target, below, report

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
TARGET_MS, PAINT_RATIO, SEARCH_RATIO = 1000, 1.6, 3.0

# The baseline: the least a PySide6 window costs, timed exactly like the app.
EMPTY_WINDOW = r"""
import os, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

def age_ms():
    with open("/proc/self/stat") as f:
        start = int(f.read().rsplit(")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
    return (time.clock_gettime(time.CLOCK_BOOTTIME) - start) * 1000

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print(f"ready in {age_ms():.0f} ms"), app.quit()))
            obj.removeEventFilter(self)
        return False

app = QApplication([])
window = QMainWindow()
text = QTextBrowser()
window.setCentralWidget(text)
window.resize(1200, 780)
probe = Painted()
text.viewport().installEventFilter(probe)
window.show()
app.exec()
"""


def _ready_ms(command: list[str], env: dict[str, str]) -> float:
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    found = re.search(r"ready in (\d+) ms", result.stdout)
    if result.returncode != 0 or not found:
        raise SystemExit(f"échec de {' '.join(command)} :\n{result.stderr}")
    return float(found[1])


def _app_moments(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(first paint, search answered), in ms from the process start."""
    result = subprocess.run(command, env={**env, "CONNECTEUR_STARTUP_TRACE": "1"},
                            capture_output=True, text=True, timeout=120, check=False)
    found = {step: float(ms) for ms, step in re.findall(r"^\s*([\d.]+) ms\s+(.+)$",
                                                        result.stderr, re.M)}
    if result.returncode != 0 or "first paint" not in found or "search answered" not in found:
        raise SystemExit(f"échec de {' '.join(command)} :\n{result.stderr}")
    return found["first paint"], found["search answered"]


def _app_command() -> list[str]:
    script = Path(sys.executable).with_name("connecteur")
    base = [str(script)] if script.exists() else [sys.executable, "-m", "connecteur"]
    return [*base, "--exit-when-ready"]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="connecteur-bench-") as home:
        env = {**os.environ, "CONNECTEUR_HOME": home,
               "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app = _app_command()
        _ready_ms(app, env)  # builds the index: the runs below start warm
        _ready_ms([sys.executable, "-c", EMPTY_WINDOW], env)  # warms the OS caches
        empty, paint, search = [], [], []
        for _ in range(RUNS):  # interleaved, so a busy machine weighs on both alike
            empty.append(_ready_ms([sys.executable, "-c", EMPTY_WINDOW], env))
            first, answered = _app_moments(app, env)
            paint.append(first)
            search.append(answered)
        steps = subprocess.run(app, env={**env, "CONNECTEUR_STARTUP_TRACE": "1"},
                               capture_output=True, text=True, timeout=120, check=False)
    e, p, s = (statistics.median(v) for v in (empty, paint, search))
    print(f"   fenêtre PySide6 vide      : médiane {e:6.0f} ms  (min {min(empty):.0f}, "
          f"max {max(empty):.0f}, {RUNS} essais)")
    print(f"   connecteur, 1er affichage : médiane {p:6.0f} ms  (min {min(paint):.0f}, "
          f"max {max(paint):.0f})  soit {p / e:.2f} ×")
    print(f"   connecteur, recherche prête : médiane {s:6.0f} ms  (min {min(search):.0f}, "
          f"max {max(search):.0f})  soit {s / e:.2f} ×")
    print("   étapes d'un démarrage (depuis le lancement du processus) :")
    print("\n".join(f"   {line}" for line in steps.stderr.splitlines() if " ms " in line))

    def ratio(name: str, value: float, goal: float) -> Target:
        return Target(name, f"{value:.2f} ×".replace(".", ","),
                      f"≤ {goal:g} ×".replace(".", ","), value <= goal)

    report([ratio("premier affichage / fenêtre PySide6 vide", p / e, PAINT_RATIO),
            ratio("recherche prête / fenêtre PySide6 vide", s / e, SEARCH_RATIO),
            below("fenêtre prête (médiane)", s, TARGET_MS, "ms")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
