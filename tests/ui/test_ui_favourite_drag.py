"""A favourite dragged over the "Dossiers" tab brings the folders forward, and drops
into a folder there (favourites and folders are tabs of the same panel)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from user_ui_helpers import LEAD_03, LEAD_04, open_window, user, written

from connecteur.ui.common.item_mime import ITEMS_MIME

COPY = Qt.DropAction.CopyAction
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def test_a_favourite_dragged_over_the_folders_tab_drops_into_a_folder(qtbot,
                                                                       make_window) -> None:
    window = open_window(qtbot, make_window, url=LEAD_03)
    store = user(window)
    store.stars.star(LEAD_03)
    store.stars.star(LEAD_04)
    folder = store.folders.create("Manager en crise")
    window.actions.go_favorites.trigger()
    favourites = window.favorites
    qtbot.waitUntil(lambda: favourites.model.rowCount() == 2
                    and window.folders.model.rowCount() == 1)
    favourites.list.setCurrentIndex(favourites.model.index(1, 0))
    mime = favourites.model.mimeData([favourites.model.index(1, 0)])
    assert mime.hasFormat(ITEMS_MIME)

    bar = window.side_panel.tabBar()
    tab = window.side_panel.indexOf(window.folders)
    over = QPointF(bar.tabRect(tab).center())
    enter = QDragEnterEvent(over.toPoint(), COPY, mime, LEFT, NONE)
    QApplication.sendEvent(bar, enter)
    assert enter.isAccepted()  # the tab bar takes part in the drag
    QApplication.sendEvent(bar, QDragMoveEvent(over.toPoint(), COPY, mime, LEFT, NONE))
    qtbot.waitUntil(lambda: window.side_panel.currentWidget() is window.folders)

    tree = window.folders.tree
    on_folder = QPointF(tree.visualRect(window.folders.model.folder_index(folder.id)).center())
    viewport = tree.viewport()
    QApplication.sendEvent(viewport, QDragEnterEvent(on_folder.toPoint(), COPY, mime, LEFT,
                                                     NONE))
    move = QDragMoveEvent(on_folder.toPoint(), COPY, mime, LEFT, NONE)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()  # a folder is a drop target for a favourite
    QApplication.sendEvent(viewport, QDropEvent(on_folder, COPY, mime, LEFT, NONE))
    written(qtbot, window)
    assert [e.item_id for e in store.folders.entries(folder.id)] == [LEAD_04]
    assert window.status.currentMessage() == \
        "Ajouté au dossier « Manager en crise » : 20 mai 2020, session 1, piste 04"
