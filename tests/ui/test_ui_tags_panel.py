"""Tags as a way in (issue 15, point 6): ``tag:NOM`` in the search box, the tag browser
of the side panel (tags with counts, a click searches), renaming and merging from it,
each undone by Ctrl+Z. On the real library, with a real user database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import save_artifact, type_text
from user_ui_helpers import LEAD_03, LEAD_04, open_window, user, written

from connecteur.ui.annotations.tags_panel import tag_query
from connecteur.ui.search.results_model import HitRole

FIELD_SITE = "2020-07-03/s1/field_site/05"  # never starred: found only through its tag
MULHOUSE = "à relier au cas Mulhouse"


def _tagged_window(qtbot, make_window):
    window = open_window(qtbot, make_window)
    store = user(window)
    store.tags.add(LEAD_03, MULHOUSE)
    store.tags.add(FIELD_SITE, MULHOUSE)
    store.tags.add(LEAD_04, "ouverture")
    store.tags.add(FIELD_SITE, "ouverture")
    store.tags.add(LEAD_03, "crise")
    panel = window.tags_panel
    qtbot.waitUntil(lambda: len(panel.tags()) == 3)
    return window, panel


def _results(qtbot, window, query: str) -> list[str]:
    search = window.search_panel
    qtbot.waitUntil(lambda: search.results is not None and search.results.query == query,
                    timeout=10_000)
    return [search.model.index(r, 0).data(HitRole).target_id
            for r in range(search.model.rowCount())]


def test_the_tag_browser_lists_tags_and_a_click_finds_their_items(qtbot, make_window) -> None:
    window, panel = _tagged_window(qtbot, make_window)
    assert panel.tags() == [(MULHOUSE, 2), ("crise", 1), ("ouverture", 2)]
    assert user(window).stars.item_ids() == []  # none of them is a favourite
    window.show_panel(panel)
    save_artifact(window, "20-tag-browser")
    index = panel.model.index(0, 0)
    rect = panel.list.visualRect(index)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.search_box.text() == f'tag:"{MULHOUSE}"'
    assert window.left_stack.currentWidget() is window.search_panel
    assert _results(qtbot, window, f'tag:"{MULHOUSE}"') == [LEAD_03, FIELD_SITE]
    # typed in the box, with words: the tag filters what the words find
    window.search_box.setFocus()
    window.search_box.clear()
    type_text(window.search_box, "tag:ouverture mémoire")
    assert _results(qtbot, window, "tag:ouverture mémoire") == [FIELD_SITE]
    window.search_box.clear()
    type_text(window.search_box, "tag:inconnue")
    assert _results(qtbot, window, "tag:inconnue") == []
    assert "Aucun élément ne porte l'étiquette « inconnue »." in \
        window.search_panel.results.notices
    assert window.search_panel.notices.isVisible()


def test_a_tag_is_renamed_from_the_browser_and_the_renaming_undone(qtbot,
                                                                   make_window) -> None:
    window, panel = _tagged_window(qtbot, make_window)
    window.show_panel(panel)
    panel.list.setCurrentIndex(panel.model.index(1, 0))  # "crise"
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_F2)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.textValue() == "crise" and "« crise »" in dialog.labelText()
    dialog.setTextValue("Crise sanitaire")
    dialog.accept()
    written(qtbot, window)
    qtbot.waitUntil(lambda: ("Crise sanitaire", 1) in panel.tags())
    assert set(user(window).tags.for_item(LEAD_03)) == {MULHOUSE, "Crise sanitaire"}
    assert window.status.currentMessage().startswith(
        "Étiquette « crise » renommée en « Crise sanitaire »")
    # a search on the tag follows the renaming
    panel.search_requested.emit(tag_query("crise"))
    assert _results(qtbot, window, 'tag:"crise"') == []
    window.undo.undo.trigger()  # Ctrl+Z
    written(qtbot, window)
    qtbot.waitUntil(lambda: ("crise", 1) in panel.tags())
    assert set(user(window).tags.for_item(LEAD_03)) == {MULHOUSE, "crise"}
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() == 1)
    assert window.search_panel.model.index(0, 0).data(HitRole).target_id == LEAD_03


def test_tags_are_merged_from_the_browser_and_the_merge_undone(qtbot, make_window) -> None:
    window, panel = _tagged_window(qtbot, make_window)
    window.show_panel(panel)
    assert not panel.merge_button.isEnabled()  # nothing chosen yet
    panel.list.setCurrentIndex(panel.model.index(1, 0))  # "crise"
    selection = panel.list.selectionModel()
    selection.select(panel.model.index(2, 0), selection.SelectionFlag.Select)  # + ouverture
    assert panel.selected_tags() == ["crise", "ouverture"]
    assert panel.merge_button.isEnabled() and not panel.rename_button.isEnabled()
    menu = panel.context_menu(panel.model.index(1, 0))
    texts = [a.text() for a in menu.actions()]
    assert texts == ["&Chercher les éléments qui la portent", "&Renommer…", "&Fusionner…"]
    assert not menu.actions()[1].isEnabled() and menu.actions()[2].isEnabled()
    qtbot.mouseClick(panel.merge_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog.comboBoxItems() == ["crise", "ouverture"]
    assert "Fusionner 2 étiquettes en une seule" in dialog.labelText()
    dialog.setTextValue("ouverture")
    dialog.accept()
    written(qtbot, window)
    qtbot.waitUntil(lambda: panel.tags() == [(MULHOUSE, 2), ("ouverture", 3)])
    assert user(window).tags.item_ids("ouverture") == [LEAD_03, LEAD_04, FIELD_SITE]
    window.undo.undo.trigger()
    written(qtbot, window)
    qtbot.waitUntil(lambda: panel.tags() == [(MULHOUSE, 2), ("crise", 1), ("ouverture", 2)])
    # one tag chosen: merged into another one
    panel.list.clearSelection()
    panel.list.setCurrentIndex(panel.model.index(1, 0))
    dialog = panel.ask_merge()
    assert dialog.comboBoxItems() == [MULHOUSE, "ouverture"]
    dialog.setTextValue(MULHOUSE)
    dialog.accept()
    written(qtbot, window)
    qtbot.waitUntil(lambda: panel.tags() == [(MULHOUSE, 2), ("ouverture", 2)])
    assert set(user(window).tags.for_item(LEAD_03)) == {MULHOUSE}


def test_the_browser_says_how_to_make_tags_when_there_is_none(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)
    panel = window.tags_panel
    window.show_panel(panel)
    assert panel.tags() == [] and panel.empty.isVisible() and not panel.list.isVisible()
    assert "Aucune étiquette pour l'instant" in panel.empty.text()
    user(window).tags.add(LEAD_04, "ouverture")
    qtbot.waitUntil(lambda: panel.tags() == [("ouverture", 1)])
    assert panel.list.isVisible() and not panel.empty.isVisible()
    window.actions.go_tags.trigger()  # Ctrl+6
    assert QApplication.focusWidget() is panel.list
