"""Course folders and favourites in the window: the folders panel (create, rename,
properties, add by menu and by drag and drop, reorder, folder notes, delete with
confirmation and undo), stars (Ctrl+D, menus) and "Mes favoris"; both models pass
qtmodeltester."""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from ui_helpers import save_artifact, type_text
from user_ui_helpers import (
    LEAD_03,
    LEAD_04,
    SESSION_1,
    action_named,
    context_menu,
    open_window,
    point_of,
    settle,
    user,
    written,
)

from connecteur.app.place import Place
from connecteur.ui.annotations.favorites_model import FavoritesModel
from connecteur.ui.common.item_mime import items_mime_data
from connecteur.ui.folders.folders_model import EntryIdRole, FoldersModel, ItemIdRole, KindRole
from connecteur.ui.shell import main_window

RESOURCE = "2020-05-20/s1/resource/01"


def _entries(window, folder_id: str) -> list[str]:
    return [e.item_id for e in user(window).folders.entries(folder_id)]


def _rows(model: FoldersModel, folder_id: str) -> list[str]:
    parent = model.folder_index(folder_id)
    return [model.index(r, 0, parent).data(ItemIdRole) for r in range(model.rowCount(parent))]


def test_models_pass_qtmodeltester(qtbot, qtmodeltester, make_window) -> None:
    window = open_window(qtbot, make_window)
    store = user(window)
    crisis = store.folders.create("Manager en crise", audience="Encadrants", date="12/03/2026")
    store.folders.create("Inclusion numérique")
    store.folders.add_items(crisis.id, [LEAD_03, LEAD_04, SESSION_1])
    store.stars.star(LEAD_03)
    store.stars.star(SESSION_1)
    store.tags.add(LEAD_03, "ouverture")
    layer, corpus = window.context.user, window.context.store
    qtmodeltester.check(FoldersModel(layer, corpus))
    qtmodeltester.check(FavoritesModel(layer, corpus))
    folders = FoldersModel(layer, corpus)
    qtmodeltester.check(folders)  # then the model is watched while it changes
    store.folders.move_item(crisis.id, SESSION_1, 0)
    store.folders.rename(crisis.id, "Zorro — renommé")  # re-sorted: moves to the end
    store.folders.delete(store.folders.list()[0].id)
    store.undo()
    assert _rows(folders, crisis.id) == [SESSION_1, LEAD_03, LEAD_04]


def test_a_folder_is_made_filled_reordered_and_deleted_from_the_window(
        qtbot, make_window, corpus_store) -> None:
    window = open_window(qtbot, make_window)
    panel, model = window.folders, window.folders.model
    dialog = panel.new_folder()
    type_text(dialog.name, "Manager en crise — session de mars")
    dialog.audience.setText("Encadrant·e·s de proximité")
    dialog.has_date.setChecked(True)
    dialog.date.setDate(QDate(2026, 3, 12))
    dialog.save()
    written(qtbot, window)
    [folder] = user(window).folders.list()
    assert (folder.name, folder.audience, folder.date) == (
        "Manager en crise — session de mars", "Encadrant·e·s de proximité", "2026-03-12")
    assert model.rowCount() == 1 and panel.current_folder().id == folder.id
    # A taken name is refused in the dialog, which stays open with the reason.
    again = panel.new_folder()
    again.name.setText("manager en crise — SESSION de mars")
    again.save()
    written(qtbot, window)
    assert again.isVisible() and again.error.text() and len(user(window).folders.list()) == 1
    again.reject()

    # From the reading pane's menu, from search results and favourites by drag and drop.
    window.navigate(LEAD_03)
    menu = context_menu(window, point_of(window, LEAD_03, 5))
    action_named(menu, f"add-to-{folder.id}").trigger()
    written(qtbot, window)
    assert _entries(window, folder.id) == [LEAD_03]
    folder_index = model.folder_index(folder.id)
    assert model.dropMimeData(items_mime_data([LEAD_04, SESSION_1]),
                              Qt.DropAction.CopyAction, 0, 0, folder_index)
    written(qtbot, window)
    assert _entries(window, folder.id) == [LEAD_04, SESSION_1, LEAD_03]
    user(window).stars.star(RESOURCE)  # (the test's own write, on this thread)
    favourites = window.favorites.model
    mime = favourites.mimeData([favourites.index(0, 0)])
    assert model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, folder_index)
    assert model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, folder_index)
    written(qtbot, window)
    assert _rows(model, folder.id) == [LEAD_04, SESSION_1, LEAD_03, RESOURCE]
    assert "Ajouté au dossier" in window.status.currentMessage()

    # Reorder: the model's moveRows, a drop of entries, the keyboard.
    watched = QPersistentModelIndex(model.index(3, 0, folder_index))
    assert model.moveRows(folder_index, 2, 1, folder_index, 0)
    written(qtbot, window)
    assert _entries(window, folder.id) == [LEAD_03, LEAD_04, SESSION_1, RESOURCE]
    assert _rows(model, folder.id) == _entries(window, folder.id)
    assert watched.data(ItemIdRole) == RESOURCE and watched.row() == 3
    entry = model.index(0, 0, folder_index)
    assert model.dropMimeData(model.mimeData([entry]), Qt.DropAction.MoveAction, 3, 0,
                              folder_index)
    written(qtbot, window)
    assert _entries(window, folder.id) == [LEAD_04, SESSION_1, LEAD_03, RESOURCE]
    panel.tree.setCurrentIndex(model.index(3, 0, folder_index))
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    written(qtbot, window)
    assert _entries(window, folder.id) == [LEAD_04, SESSION_1, RESOURCE, LEAD_03]
    assert panel.tree.currentIndex().data(ItemIdRole) == RESOURCE
    assert window.undo.undo.text() == "&Annuler : réordonner le dossier"

    # The folder note of one item; rename in place; properties.
    panel.tree.setCurrentIndex(model.index(0, 0, folder_index))
    note_dialog = panel.edit_entry_note()
    type_text(note_dialog.text, "question d'ouverture")
    note_dialog.save()
    written(qtbot, window)
    assert user(window).folders.entries(folder.id)[0].note == "question d'ouverture"
    assert "✎" in model.index(0, 0, folder_index).data()
    assert panel.entry_note.text() == "Note dans ce dossier : question d'ouverture"
    assert model.setData(folder_index, "Crise — mars", Qt.ItemDataRole.EditRole)
    written(qtbot, window)
    assert user(window).folders.get(folder.id).name == "Crise — mars"
    assert folder_index.data() == "Crise — mars (4)"
    panel.tree.expandAll()
    window.side_panel.setCurrentWidget(panel)
    panel.tree.setCurrentIndex(model.index(0, 0, folder_index))
    save_artifact(window, "23-folders-panel")

    # Delete: asks first (no → nothing), then undo brings everything back.
    asked: list[str] = []
    panel.confirm = lambda title, text: asked.append(text) or False
    panel.tree.setCurrentIndex(model.folder_index(folder.id))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert "« Crise — mars » et ses 4 éléments ?" in asked[0]
    assert len(user(window).folders.list()) == 1
    panel.confirm = lambda title, text: True
    assert panel.delete_folder()
    written(qtbot, window)
    assert user(window).folders.list() == [] and model.rowCount() == 0
    assert panel.empty.isVisibleTo(panel) and not panel.tree.isVisibleTo(panel)
    assert window.undo.undo.text() == "&Annuler : supprimer le dossier"
    window.reading.setFocus()
    window.undo.undo.trigger()
    written(qtbot, window)
    assert _rows(model, folder.id) == [LEAD_04, SESSION_1, RESOURCE, LEAD_03]
    assert user(window).folders.entries(folder.id)[0].note == "question d'ouverture"
    # Removing one entry with Suppr.
    panel.tree.setCurrentIndex(model.index(1, 0, model.folder_index(folder.id)))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    written(qtbot, window)
    assert _entries(window, folder.id) == [LEAD_04, RESOURCE, LEAD_03]


def test_ctrl_d_stars_the_current_item_and_favourites_follow(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)
    window.navigate(LEAD_04)
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    written(qtbot, window)
    assert user(window).stars.is_starred(LEAD_04) and window.actions.star.isChecked()
    assert window.actions.star.text() == "★ Retirer des &favoris"
    settle(qtbot, window)
    assert "★ Apparition dans l’urgence" in window.reading.toPlainText()
    # A click on another item makes it the current one.
    qtbot.mouseClick(window.reading.viewport(), Qt.MouseButton.LeftButton,
                     pos=point_of(window, LEAD_03, 12))
    assert window.commands.current_item == LEAD_03 and not window.actions.star.isChecked()
    qtbot.keyClick(window.reading, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    written(qtbot, window)
    assert window.favorites.model.item_ids == [LEAD_03, LEAD_04]  # reading order
    window.favorites.order.setCurrentIndex(1)  # most recent first
    assert window.favorites.model.item_ids == [LEAD_03, LEAD_04]
    window.favorites.order.setCurrentIndex(0)
    # From the table of contents' menu: the session itself.
    tree_index = window.navigation.nav_model.index_for_place(Place.parse(SESSION_1))
    menu = window.commands.item_menu(window.navigation, main_window._tree_item(tree_index))
    assert menu.actions()[0].text() == "&Ouvrir"
    action_named(menu, "list-star").trigger()
    written(qtbot, window)
    assert window.favorites.model.item_ids == [SESSION_1, LEAD_03, LEAD_04]
    # Tags filter the favourites.
    user(window).tags.add(LEAD_04, "à relier")
    window.favorites.tag_filter.setCurrentIndex(window.favorites.tag_filter.findData("à relier"))
    assert window.favorites.model.item_ids == [LEAD_04]
    window.favorites.tag_filter.setCurrentIndex(0)
    window.side_panel.setCurrentWidget(window.favorites)
    save_artifact(window, "24-favourites")
    # Suppr in the list unstars; Ctrl+Z puts it back.
    window.favorites.list.setCurrentIndex(window.favorites.model.index(1, 0))
    window.favorites.list.setFocus()
    qtbot.keyClick(window.favorites.list, Qt.Key.Key_Delete)
    written(qtbot, window)
    assert window.favorites.model.item_ids == [SESSION_1, LEAD_04]
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    written(qtbot, window)
    assert window.favorites.model.item_ids == [SESSION_1, LEAD_03, LEAD_04]
    # Nothing chosen (the presentation page): Ctrl+D says so instead of failing.
    window.navigate("library")
    assert window.commands.current_item is None and not window.actions.star.isEnabled()


def test_search_results_and_the_tree_offer_the_same_commands(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)
    folder = user(window).folders.create("Télétravail")
    window.search_box.setText("télétravail")
    window.search_panel.run_now()
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() > 0, timeout=10_000)
    results = window.search_panel.model
    hit = results.hit(0)
    mime = results.mimeData([results.index(0, 0)])
    assert results.flags(results.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert window.folders.model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0,
                                             window.folders.model.folder_index(folder.id))
    written(qtbot, window)
    assert _entries(window, folder.id) == [hit.target_id]
    assert "Ajouté au dossier « Télétravail »" in window.status.currentMessage()
    # The result's context menu: star it, add the second result to the folder.
    second = results.hit(1).target_id
    menu = window.commands.item_menu(window.search_panel.list, second)
    action_named(menu, "list-star").trigger()
    written(qtbot, window)
    assert user(window).stars.is_starred(second)
    menu = window.commands.item_menu(window.search_panel.list, second)
    assert action_named(menu, "list-star").text() == "Retirer des favoris"
    action_named(menu, f"add-to-{folder.id}").trigger()
    written(qtbot, window)
    assert _entries(window, folder.id) == [hit.target_id, second]
    again = window.commands.item_menu(window.search_panel.list, second)
    action_named(again, f"add-to-{folder.id}").trigger()
    written(qtbot, window)
    assert "Déjà dans le dossier" in window.status.currentMessage()
    session_row = window.navigation.nav_model.index_for_place(Place.parse(SESSION_1))
    assert main_window._tree_item(session_row) == SESSION_1
    assert main_window._tree_item(QModelIndex()) is None
    assert window.commands.item_menu(window, None) is None
    entry = window.folders.model.index(0, 0, window.folders.model.folder_index(folder.id))
    assert entry.data(KindRole) == "entry"
    assert entry.data(EntryIdRole) == user(window).folders.entries(folder.id)[0].id
