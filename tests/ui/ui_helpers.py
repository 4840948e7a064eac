"""Helpers shared by the window tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "ui"


def type_text(widget: QWidget, text: str) -> None:
    """Type like a user, one key event per character (``qtbot.keyClicks`` aborts the
    process on non-ASCII characters such as « é »)."""
    for char in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, char))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, char))


def save_artifact(widget: QWidget, name: str) -> Path:
    """A screenshot of a state worth looking at, under tests/artifacts/ui/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not save {path}"
    return path


def search_for(qtbot, window, text: str):
    """Type ``text`` in the window's search box as a user would; the search panel once
    the first page of results for exactly that text is shown."""
    window.activateWindow()
    window.search_box.setFocus()
    window.search_box.clear()
    type_text(window.search_box, text)
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.query == text
                    and panel.results.page == 1, timeout=10_000)
    return panel
