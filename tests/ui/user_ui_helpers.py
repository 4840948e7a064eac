"""Helpers for the window tests of the trainer's layer (notes, highlights, stars,
folders): a window whose user database is open, and short-cuts to its parts."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from connecteur.store import UserStore
from connecteur.ui.shell.main_window import MainWindow

# Facts checked in the corpus file (20 May 2020, session 1).
SESSION_1 = "2020-05-20/s1"
LEAD_03 = "2020-05-20/s1/lead/03"
LEAD_03_TEXT = ("Problème de la mémoire des expertises passées + transférabilité et effectivité "
                "des travaux de recherche. La littérature existe, pourquoi n’est-elle pas mise "
                "en avant, exploitée ?")
LEAD_04 = "2020-05-20/s1/lead/04"
NASTY = ('<script>alert("x")</script> & « guillemets » \'simples\' "doubles" 🎓🚀 '
         "<b>pas gras</b> &amp;")


def open_window(qtbot, make_window, **kwargs) -> MainWindow:
    """A window as the app builds it, once its user database is open."""
    window = make_window(**kwargs)
    qtbot.waitUntil(lambda: window.context.user.ready, timeout=10_000)
    return window


def user(window: MainWindow) -> UserStore:
    found = window.context.user.user
    assert found is not None
    return found


def settle(qtbot, window: MainWindow) -> None:
    """Let the writes asked for be committed, and the repaints they cause run."""
    qtbot.waitUntil(lambda: window.context.operations.idle, timeout=10_000)
    qtbot.waitUntil(lambda: not window.reading_annotations.refresh_pending, timeout=5000)


def written(qtbot, window: MainWindow) -> None:
    """Wait until every write asked for is committed (writes run off the UI thread)."""
    qtbot.waitUntil(lambda: window.context.operations.idle, timeout=10_000)


def context_menu(window: MainWindow, point: QPoint) -> QMenu:
    """The reading pane's context menu at a viewport point, built but not shown."""
    return window.reading.context_menu(point)


def action_named(menu: QMenu, name: str) -> QAction | None:
    """An action of a menu or of its submenus, by object name."""
    for action in menu.actions():
        if action.objectName() == name:
            return action
        if action.menu() is not None:
            found = action_named(action.menu(), name)
            if found is not None:
                return found
    return None


def point_of(window: MainWindow, item_id: str, offset: int) -> QPoint:
    """The viewport point of a character of an item's text."""
    reading = window.reading
    position = reading.text_map.position(item_id, offset)
    assert position is not None
    cursor = reading.textCursor()
    cursor.setPosition(position)
    rect = reading.cursorRect(cursor)
    return QPoint(rect.x() + 2, rect.center().y())
