"""``connecteur`` with no subcommand, as a user (or a benchmark) starts it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest


def _run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CONNECTEUR_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "connecteur", *args], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_exit_when_ready_opens_renders_searches_and_exits(tmp_path: Path) -> None:
    first = _run(tmp_path, "--exit-when-ready")  # builds the index
    assert first.returncode == 0, first.stderr
    assert re.fullmatch(r"ready in \d+ ms\n", first.stdout)
    assert (tmp_path / "cache" / "index").is_dir()
    warm = _run(tmp_path, "--exit-when-ready", "connecteur://2020-05-20/s1/lead/03")
    assert warm.returncode == 0, warm.stderr
    ms = int(re.search(r"ready in (\d+) ms", warm.stdout)[1])
    assert 0 < ms < 20_000
    assert "Traceback" not in warm.stderr


@pytest.mark.parametrize("content", [None, b"ceci n'est pas une base SQLite"])
def test_a_missing_or_broken_library_is_explained_in_french(tmp_path: Path,
                                                            content: bytes | None) -> None:
    db = tmp_path / "corpus.db"
    if content is not None:
        db.write_bytes(content)
    result = _run(tmp_path, "--exit-when-ready", "--db", str(db))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert re.search(r"base du corpus est (introuvable|illisible)", result.stderr)
    assert "connecteur build" in result.stderr


def test_the_window_path_shows_the_error_in_a_dialog(qapp, monkeypatch, tmp_path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from connecteur.errors import LibraryError
    from connecteur.store import CorpusStore
    from connecteur.ui.shell import launch as app

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(
        (box.windowTitle() or box.text(), box.text(), box.informativeText())) or 0)
    try:
        CorpusStore.open(tmp_path / "absente.db")
    except LibraryError as exc:
        assert app._report_startup_error(exc, quiet=False) == 1
    assert len(shown) == 1
    _, text, hint = shown[0]
    assert "introuvable" in text and "connecteur build" in hint


def test_opening_the_window_loads_no_command_module(tmp_path: Path) -> None:
    """The window's start does not pay for the command line's imports (ReportLab…)."""
    env = {**os.environ, "CONNECTEUR_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "connecteur",
                             "--exit-when-ready"], env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    assert "connecteur.ui.shell.main_window" in imported
    assert not {"reportlab", "connecteur.handouts", "connecteur.cli.handout_command",
                "connecteur.cli.search_command"} & imported


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux seulement")
@pytest.mark.parametrize(("environ", "sentence"), [
    ({"QT_QPA_PLATFORM": "nonexistent"},
     "connecteur : aucune extension d'affichage de Qt n'a pu démarrer (plateforme "
     "« nonexistent ») : relancez avec QT_DEBUG_PLUGINS=1 pour en voir la cause, ou "
     "utilisez les commandes en ligne (connecteur --help)."),
    ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":87"},
     "connecteur : l'affichage X11 « :87 » ne répond pas (session fermée, ou DISPLAY "
     "d'une autre machine) : lancez Connecteur depuis une session de bureau ouverte, ou "
     "utilisez les commandes en ligne (connecteur --help)."),
])
def test_a_platform_qt_cannot_start_gives_one_french_sentence(
        tmp_path: Path, environ: dict[str, str], sentence: str) -> None:
    """What the checks before Qt cannot see (a display that does not answer, a platform
    that does not exist) reaches Qt, whose fatal message becomes one French sentence
    and exit code 1, not Qt's English text and an abort (rc 134)."""
    from connecteur.app.display import xcb_plugin_problem

    if environ.get("DISPLAY") and (xcb_plugin_problem() is not None
                                   or Path("/tmp/.X11-unix/X87").exists()):
        pytest.skip("the X11 plugin cannot load here, or a display :87 exists")
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_PLUGIN_PATH",
              "QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_PLATFORM")
    env = {**{k: v for k, v in os.environ.items() if k not in hidden}, **environ,
           "CONNECTEUR_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "connecteur"], env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [sentence]
