"""French first, English available: the menu switches at once, and every string of
the window has an English translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from ui_helpers import save_artifact

from connecteur.ui.common.palette import render_style
from connecteur.ui.shell import settings

TS = "resources/translations/connecteur_en.ts"


def test_language_menu_switches_at_once(qtbot, make_window) -> None:
    window = make_window()
    assert window.actions.menus["file"].title() == "&Fichier"
    window.actions.language_en.trigger()
    qtbot.waitUntil(lambda: window.actions.menus["file"].title() == "&File")
    assert window.search_box.placeholderText() == "Search the library (Ctrl+K)"
    assert window.status.place.text() == "Session 1 — La gestion de crise · 20 May 2020"
    assert window.navigation.nav_model.index(0, 0).data() == "Introduction"
    assert "Lines of thought" in window.reading.toPlainText()
    assert window.context.settings.get(settings.LANGUAGE) == "en"
    save_artifact(window, "13-english")
    window.actions.language_fr.trigger()
    qtbot.waitUntil(lambda: window.actions.menus["file"].title() == "&Fichier")
    assert "Pistes de réflexion" in window.reading.toPlainText()


def test_every_window_string_is_translated(repo_root: Path, tmp_path: Path) -> None:
    ts = tmp_path / "check.ts"
    shutil.copy(repo_root / TS, ts)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    sources = sorted(str(p) for p in (repo_root / "desktop/connecteur/ui").rglob("*.py"))
    assert len(sources) > 50  # every feature folder, as `make translations` reads them
    subprocess.run([str(lupdate), *sources, "-no-obsolete", "-locations", "none",
                    "-ts", str(ts)], check=True, capture_output=True)
    untranslated = [m.findtext("source") for m in ET.parse(ts).iter("message")
                    if m.find("translation").get("type") == "unfinished"
                    or not m.findtext("translation")]
    assert untranslated == [], "run `make translations` and translate these"
    qm = repo_root / TS.replace(".ts", ".qm")
    assert qm.is_file() and qm.stat().st_mtime >= (repo_root / TS).stat().st_mtime - 1


def test_dark_palette_is_followed(qtbot, make_window) -> None:
    app = QApplication.instance()
    original = app.palette()
    dark = QPalette(original)
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Base,
                         "#161718"), (QPalette.ColorRole.Text, "#e8e8e8"),
                         (QPalette.ColorRole.WindowText, "#e8e8e8"),
                         (QPalette.ColorRole.Button, "#2b2c2e"),
                         (QPalette.ColorRole.ButtonText, "#e8e8e8"),
                         (QPalette.ColorRole.Highlight, "#3d6fb6"),
                         (QPalette.ColorRole.AlternateBase, "#1f2022")):
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    try:
        window = make_window()
        window.navigate("2020-05-20/s1/lead/02")
        style = render_style(window.reading.palette())
        assert style.text == "#e8e8e8"
        assert QColor(style.muted).lightnessF() > 0.4  # still readable on the dark base
        assert f"color: {style.text}" in window.reading.document().defaultStyleSheet()
        save_artifact(window, "14-dark-palette")
    finally:
        app.setPalette(original)
