"""No display, or no usable X11 plugin: one French sentence and a non-zero exit before
Qt starts (instead of Qt's English abort, rc 134)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from connecteur import paths
from connecteur.app.display import (
    debian_package,
    display_problem,
    explain_platform_failure,
    missing_libraries_sentence,
    xcb_plugin_problem,
)

SCRIPT = Path(sys.executable).with_name("connecteur")
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE",
                     "QT_PLUGIN_PATH", "QT_QPA_PLATFORM_PLUGIN_PATH")
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux seulement")


def _without_display() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}


@pytest.mark.parametrize("link", [[], ["connecteur://2020-05-20/s1/lead/03"]])
@linux_only
def test_no_display_says_so_in_one_french_sentence(tmp_path: Path, link: list[str]) -> None:
    result = subprocess.run([str(SCRIPT), *link], capture_output=True, text=True, timeout=60,
                            cwd=tmp_path, env=_without_display(), check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "connecteur : aucun affichage graphique (ni DISPLAY ni WAYLAND_DISPLAY n'est "
        "défini) : lancez Connecteur depuis une session de bureau, ou utilisez les "
        "commandes en ligne (connecteur --help)."]


@linux_only
def test_x11_asked_without_display(tmp_path: Path) -> None:
    result = subprocess.run([str(SCRIPT), "--exit-when-ready"], capture_output=True,
                            text=True, timeout=60, cwd=tmp_path, check=False,
                            env={**_without_display(), "QT_QPA_PLATFORM": "xcb"})
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert "QT_QPA_PLATFORM=xcb demande X11, mais DISPLAY n'est pas défini" in result.stderr


@pytest.mark.parametrize("environ", [
    {"QT_QPA_PLATFORM": "offscreen"}, {"QT_QPA_PLATFORM": "minimal"},
    {"QT_QPA_PLATFORM": "vnc:size=800x600"},
    {"WAYLAND_DISPLAY": "wayland-0"},
    {"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"},
])
def test_a_usable_platform_is_left_to_qt(environ: dict[str, str]) -> None:
    assert display_problem(environ, platform="linux") is None


def test_only_linux_is_checked() -> None:
    assert display_problem({}, platform="win32") is None
    assert display_problem({}, platform="darwin") is None
    assert display_problem({}, platform="linux") is not None


def test_a_wayland_session_may_rely_on_the_default_socket(tmp_path: Path) -> None:
    environ = {"XDG_SESSION_TYPE": "wayland", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert display_problem(environ, platform="linux") is not None
    (tmp_path / "wayland-0").touch()
    assert display_problem(environ, platform="linux") is None


@linux_only
def test_a_broken_x11_plugin_names_what_is_missing(tmp_path: Path) -> None:
    """The real plugin, copied away from the Qt libraries its RUNPATH points to: the
    system's loader refuses it, as it would refuse it at Qt's start."""
    real = paths.qt_platform_plugin("xcb")
    assert real is not None and real.is_file(), real
    copy = tmp_path / "platforms" / real.name
    copy.parent.mkdir()
    shutil.copy(real, copy)
    sentence = xcb_plugin_problem(copy)
    assert sentence is not None
    assert sentence.startswith("la fenêtre ne peut pas s'ouvrir : ")
    assert "libQt6XcbQpa.so.6" in sentence and "réinstallez-la" in sentence


@linux_only
@pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc absent")
def test_a_missing_system_library_is_named_with_its_package(tmp_path: Path) -> None:
    """A plugin linked against a library that is then removed, as libxcb-icccm.so.4 is
    missing from a minimal system."""
    source = tmp_path / "empty.c"
    source.write_text("int connecteur_test_symbol(void) { return 0; }\n", encoding="utf-8")
    library = tmp_path / "libabsent.so"

    def gcc(*args: str) -> None:
        subprocess.run(["gcc", "-shared", "-fPIC", *args], check=True, capture_output=True)

    gcc("-o", str(library), "-Wl,-soname,libxcb-absent-test.so.4", str(source))
    plugin = tmp_path / "libqxcb.so"
    gcc("-o", str(plugin), str(source), "-Wl,--no-as-needed", f"-L{tmp_path}", "-labsent",
        f"-Wl,-rpath,{tmp_path}")
    library.rename(tmp_path / "elsewhere.so")
    assert xcb_plugin_problem(plugin) == (
        "la fenêtre ne peut pas s'ouvrir sous X11 : il manque la bibliothèque système "
        "libxcb-absent-test.so.4 ; installez-la (Debian, Ubuntu : sudo apt install "
        "libxcb-absent-test4), ou utilisez les commandes en ligne (connecteur --help).")
    (tmp_path / "elsewhere.so").rename(tmp_path / "libxcb-absent-test.so.4")
    assert xcb_plugin_problem(plugin) is None  # everything is there: it loads


def test_package_names_follow_debian() -> None:
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    sentence = missing_libraries_sentence(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert "il manque les bibliothèques système libxcb-icccm.so.4 et libxcb-keysyms.so.1" \
        in sentence
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in sentence


def test_qt_failures_the_checks_cannot_see() -> None:
    """For the window's fatal-message handler: a display that does not answer."""
    messages = ["qt.qpa.xcb: could not connect to display :99",
                "This application failed to start because no Qt platform plugin could be "
                "initialized."]
    sentence = explain_platform_failure(messages, {"DISPLAY": ":99"})
    assert sentence.startswith("l'affichage X11 « :99 » ne répond pas")
    other = explain_platform_failure(["no Qt platform plugin"],
                                     {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "w"})
    assert "QT_DEBUG_PLUGINS=1" in other and "« wayland »" in other
