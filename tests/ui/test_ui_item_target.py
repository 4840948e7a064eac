"""The item commands (Ctrl+D, Ctrl+Alt+N) act on what the trainer is looking at: the
selected search result, tree row, favourite or folder entry while that view has the
focus, else the item marked in the text — and the status bar names the item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import type_text
from user_ui_helpers import LEAD_03, LEAD_04, SESSION_1, open_window, user, written

from connecteur.ui.annotations.favorites_model import ItemIdRole as FavouriteIdRole
from connecteur.ui.folders.folders_model import ItemIdRole as EntryItemRole
from connecteur.ui.reading.navigation_model import LocationRole, NodeKindRole
from connecteur.ui.search.results_model import TargetRole

CTRL = Qt.KeyboardModifier.ControlModifier
LEAD_02 = "2020-05-20/s1/lead/02"


def _focus(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _star_key(qtbot, window, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_D, CTRL)
    written(qtbot, window)


def _search(qtbot, window, text: str):
    _focus(qtbot, window.search_box)
    type_text(window.search_box, text)
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.query == text,
                    timeout=10_000)
    return panel


def test_ctrl_d_stars_the_selected_result_not_the_item_shown(qtbot, make_window,
                                                              corpus_store) -> None:
    window = open_window(qtbot, make_window, url=LEAD_03)
    user_store = user(window)
    user_store.stars.star(LEAD_03)  # the lead on screen is a favourite already
    panel = _search(qtbot, window, "décentralisation")
    first = panel.model.index(0, 0).data(TargetRole)
    assert first != LEAD_03 and window.reading.marked_id == LEAD_03
    _focus(qtbot, panel.list)
    assert window.commands.target() == first
    assert window.actions.star.text() == "☆ Ajouter aux &favoris"  # the text follows too
    _star_key(qtbot, window, panel.list)
    assert user_store.stars.is_starred(first) and user_store.stars.is_starred(LEAD_03)
    reference = window.commands.describe(first)
    assert window.status.currentMessage() == f"Ajouté aux favoris : {reference}"
    assert reference.startswith(("20 mai 2020, session", "3 juillet 2020, session"))

    qtbot.keyClick(panel.list, Qt.Key.Key_Down)  # ↓ in the list shows the result, as from
    second = panel.model.index(1, 0).data(TargetRole)  # the search box
    assert panel.list.currentIndex().row() == 1 and window.reading.marked_id == second
    assert QApplication.focusWidget() is panel.list  # walking keeps the keyboard here
    _star_key(qtbot, window, panel.list)
    assert user_store.stars.is_starred(second)

    _focus(qtbot, window.reading)  # elsewhere: the item marked in the text
    assert window.commands.target() == second == window.reading.marked_id
    _star_key(qtbot, window, window.reading)
    assert not user_store.stars.is_starred(second)
    assert window.status.currentMessage().startswith("Retiré des favoris : ")


def test_the_tree_offers_its_items_and_nothing_for_a_theme(qtbot, make_window,
                                                           corpus_store) -> None:
    window = open_window(qtbot, make_window, url=LEAD_02)
    tree = window.navigation
    _focus(qtbot, tree)
    assert tree.currentIndex().data(LocationRole) == LEAD_02
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentIndex().data(LocationRole) == LEAD_03
    assert window.reading.marked_id == LEAD_03  # the tree's arrows show the item
    _star_key(qtbot, window, tree)
    assert user(window).stars.item_ids() == [LEAD_03]
    assert window.status.currentMessage() == \
        "Ajouté aux favoris : 20 mai 2020, session 1, piste 03"
    theme = tree.currentIndex().parent()
    tree.setCurrentIndex(theme)
    assert theme.data(NodeKindRole) == "theme" and window.commands.target() is None
    _star_key(qtbot, window, tree)  # a theme is no item: the commands are off
    assert user(window).stars.item_ids() == [LEAD_03]
    assert not window.actions.star.isEnabled() and not window.actions.add_note.isEnabled()


def test_favourites_and_folder_entries_are_acted_on_when_focused(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window, url=SESSION_1)
    store = user(window)
    store.stars.star(LEAD_03)
    store.stars.star(LEAD_04)
    folder = store.folders.create("Manager en crise")
    store.folders.add_items(folder.id, [LEAD_04])
    favourites = window.favorites.list
    window.actions.go_favorites.trigger()
    qtbot.waitUntil(lambda: window.favorites.model.rowCount() == 2)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is favourites)
    favourites.setCurrentIndex(window.favorites.model.index(1, 0))
    assert favourites.currentIndex().data(FavouriteIdRole) == LEAD_04
    assert window.reading.page_key == SESSION_1 and window.reading.marked_id is None
    assert window.actions.star.text() == "★ Retirer des &favoris"
    _star_key(qtbot, window, favourites)  # the selected favourite, not the session shown
    assert store.stars.item_ids() == [LEAD_03]
    assert window.status.currentMessage() == \
        "Retiré des favoris : 20 mai 2020, session 1, piste 04 (Ctrl+Z pour annuler)"

    qtbot.waitUntil(lambda: window.favorites.model.rowCount() == 1)
    rect = favourites.visualRect(window.favorites.model.index(0, 0))
    qtbot.mouseClick(favourites.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_location == LEAD_03  # one click opens a favourite
    assert window.reading.marked_id == LEAD_03

    window.actions.go_folders.trigger()
    tree = window.folders.tree
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)
    entry = window.folders.model.index(0, 0, window.folders.model.folder_index(folder.id))
    tree.setCurrentIndex(entry)
    assert entry.data(EntryItemRole) == LEAD_04
    qtbot.keyClick(tree, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.notes.editor.editing)
    assert window.notes.editor.item_id == LEAD_04  # the note is on the folder's entry
    assert window.status.currentMessage() == \
        "Nouvelle note : 20 mai 2020, session 1, piste 04"


def test_edit_add_to_folder_takes_the_focused_views_item(qtbot, make_window) -> None:
    """Alt+D gives the keyboard to the menu bar: the command still acts on the row that
    was selected before (here a search result, not the lead on screen)."""
    window = open_window(qtbot, make_window, url=LEAD_03)
    folder = user(window).folders.create("Manager en crise")
    panel = _search(qtbot, window, "décentralisation")
    _focus(qtbot, panel.list)
    first = panel.model.index(0, 0).data(TargetRole)
    assert first != LEAD_03
    qtbot.keyClick(panel.list, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Édition
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.actions.menus["edit"])
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_S)  # Ajouter au dossier
    submenu = window.actions.menus["add-to-folder"]
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is submenu)
    assert next(a.text() for a in submenu.actions() if a.text()) == "Manager en crise"
    qtbot.keyClick(submenu, Qt.Key.Key_Return)
    written(qtbot, window)
    assert [e.item_id for e in user(window).folders.entries(folder.id)] == [first]
    assert window.status.currentMessage() == \
        f"Ajouté au dossier « Manager en crise » : {window.commands.describe(first)}"
