"""Notes in the window: the "Notes" panel, markers and previews in the reading pane,
Édition › Annuler / Rétablir, tags, start-up messages, and views that refresh
themselves from changes made elsewhere (the store directly, another window)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtWidgets import QApplication
from ui_helpers import save_artifact, type_text
from user_ui_helpers import (
    LEAD_03,
    LEAD_03_TEXT,
    LEAD_04,
    NASTY,
    SESSION_1,
    open_window,
    settle,
    user,
    written,
)

from connecteur import paths
from connecteur.store import UserStore


def _plain(window) -> str:
    return window.reading.toPlainText()


def test_a_note_is_written_edited_deleted_and_undone_from_the_window(qtbot, make_window,
                                                                     corpus_store) -> None:
    window = open_window(qtbot, make_window)
    window.navigate(LEAD_03)
    panel = window.notes
    assert window.commands.current_item == LEAD_03 and "Piste de réflexion" in panel.header.text()
    assert "20 mai 2020, session 1" in panel.header.text()
    window.actions.add_note.trigger()
    assert panel.editor.editing and panel.editor.text.hasFocus()
    type_text(panel.editor.text, "Question d'ouverture — à relier au cas Mulhouse")
    qtbot.mouseClick(panel.editor.save_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    notes = user(window).notes.for_item(LEAD_03)
    assert [n.body for n in notes] == ["Question d'ouverture — à relier au cas Mulhouse"]
    assert panel.saved.text() == "Enregistré" and not panel.editor.editing
    assert "Question d'ouverture — à relier au cas Mulhouse" in panel.view.toPlainText()
    settle(qtbot, window)
    assert "✎ 1 note" in _plain(window) and "✎ 1 notes" not in _plain(window)
    assert "✎ Question d'ouverture — à relier au cas Mulhouse" in _plain(window)
    save_artifact(window, "20-notes-panel-with-a-note")

    assert window.undo.undo.text() == "&Annuler : ajouter une note" and window.undo.undo.isEnabled()
    window.reading.setFocus()
    window.undo.undo.trigger()
    written(qtbot, window)
    assert user(window).notes.for_item(LEAD_03) == []
    assert "Aucune note sur cet élément" in panel.view.toPlainText()
    assert window.undo.redo.text() == "&Rétablir : ajouter une note"
    window.undo.redo.trigger()
    written(qtbot, window)
    note = user(window).notes.for_item(LEAD_03)[0]

    panel.start_edit(note.id)
    assert panel.editor.body() == note.body
    panel.editor.text.setPlainText("Question d'ouverture\n\n- premier point\n- **second**")
    panel.editor.save_button.click()
    written(qtbot, window)
    assert user(window).notes.get(note.id).body.endswith("- **second**")
    assert "second" in panel.view.toPlainText() and "**" not in panel.view.toPlainText()
    assert window.undo.undo.text() == "&Annuler : modifier la note"

    panel.view.anchorClicked.emit(QUrl(f"note-delete:{note.id}"))
    written(qtbot, window)
    assert user(window).notes.for_item(LEAD_03) == []
    assert "Ctrl+Z" in window.status.currentMessage()
    settle(qtbot, window)
    assert "✎ 1 note" not in _plain(window)
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    written(qtbot, window)
    assert [n.id for n in user(window).notes.for_item(LEAD_03)] == [note.id]
    qtbot.keyClick(window.reading, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    written(qtbot, window)
    assert user(window).notes.for_item(LEAD_03) == []


def test_an_empty_note_is_refused_and_nothing_typed_is_lost(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)
    window.navigate(LEAD_03)
    window.actions.add_note.trigger()
    window.notes.editor.text.setPlainText("   \n  ")
    window.notes.editor.save_button.click()
    written(qtbot, window)
    assert window.notes.editor.editing and "vide" in window.notes.editor.error.text()
    assert user(window).notes.for_item(LEAD_03) == []
    # A draft left for another item is saved, not dropped.
    window.notes.editor.text.setPlainText("brouillon à garder")
    window.navigate(LEAD_04)
    written(qtbot, window)
    assert [n.body for n in user(window).notes.for_item(LEAD_03)] == ["brouillon à garder"]
    assert not window.notes.editor.editing and window.commands.current_item == LEAD_04


def test_a_text_field_keeps_its_own_undo(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)
    window.navigate(LEAD_03)
    user(window).stars.star(LEAD_03)
    field = window.notes.tag_input
    field.setFocus()
    type_text(field, "abc")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == "" and user(window).stars.is_starred(LEAD_03)
    window.undo.undo.trigger()  # the menu entry too acts on the field while it has the focus
    assert user(window).stars.is_starred(LEAD_03)


def test_tags_are_added_from_the_panel_and_removed(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)
    window.navigate(LEAD_03)
    window.notes.tag_input.setText("ouverture")
    window.notes.tag_input.returnPressed.emit()
    written(qtbot, window)
    window.notes.tag_input.setText("<b>pas gras</b>")
    window.notes.tag_input.returnPressed.emit()
    written(qtbot, window)
    assert user(window).tags.for_item(LEAD_03) == ["<b>pas gras</b>", "ouverture"]
    assert window.notes.tag_input.text() == ""
    assert "<b>pas gras</b>" in window.notes.tags.text().replace("&lt;", "<").replace("&gt;", ">")
    window.notes.tags.linkActivated.emit("tag-remove:1")
    written(qtbot, window)
    assert user(window).tags.for_item(LEAD_03) == ["<b>pas gras</b>"]
    assert window.undo.undo.text() == "&Annuler : retirer l'étiquette « ouverture »"


def test_hostile_and_huge_notes_are_shown_literally(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)
    body = NASTY + "\n\n" + "x" * 100_000
    note = user(window).notes.add(LEAD_03, body)  # through the store, not the panel
    window.navigate(LEAD_03)
    settle(qtbot, window)
    shown = window.notes.view.toPlainText()
    assert NASTY in shown and "x" * 100_000 in shown
    document = window.notes.view.document()
    assert document.toHtml().count("&lt;script&gt;") == 1 and "<script>" not in document.toHtml()
    assert window.notes.view.document().blockCount() < 60  # no markup was interpreted
    page = _plain(window)
    assert f"✎ {NASTY}" in page and LEAD_03_TEXT in page and "x" * 300 not in page
    assert "<script>" not in window.reading.document().toHtml()
    assert user(window).notes.get(note.id).body == body


def test_views_refresh_from_changes_made_elsewhere(qtbot, make_window, corpus_store) -> None:
    window = open_window(qtbot, make_window)
    window.navigate(LEAD_04)
    user(window).notes.add(LEAD_04, "écrite sans passer par la fenêtre")  # origin: none
    assert "écrite sans passer par la fenêtre" in window.notes.view.toPlainText()
    settle(qtbot, window)
    assert "✎ écrite sans passer par la fenêtre" in _plain(window)
    user(window).stars.star(LEAD_03)
    assert window.favorites.model.item_ids == [LEAD_03]
    # Another window (another process) writes in the same file.
    other = UserStore.open(corpus_store, paths.user_db_path(), backup=False)
    try:
        other.notes.add(LEAD_04, "depuis l'autre fenêtre")
        other.stars.star(SESSION_1)
    finally:
        other.close()
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))  # focus regained
    assert "depuis l'autre fenêtre" in window.notes.view.toPlainText()
    assert window.favorites.model.item_ids == [SESSION_1, LEAD_03]
    settle(qtbot, window)
    assert "✎ depuis l'autre fenêtre" in _plain(window) and "★" in _plain(window)


def test_start_up_recovery_is_told_without_blocking(qtbot, make_window) -> None:
    target = paths.ensure_dir(paths.data_dir()) / "user.db"
    target.write_bytes(b"ceci n'est pas une base SQLite " * 200)
    window = open_window(qtbot, make_window)
    notice = window.notice
    assert notice.button.isVisible() and "Vos annotations" in notice.button.text()
    assert any("abîmé" in line or "endommag" in line for line in notice.lines), notice.lines
    box = notice.show_details()  # returns at once: the window stays usable
    assert box.isVisible() and box.windowModality() == Qt.WindowModality.WindowModal
    assert notice.lines[0] in box.text()
    box.close()


def test_an_unreadable_user_database_leaves_the_library_usable(qtbot, make_window) -> None:
    target = paths.ensure_dir(paths.data_dir()) / "user.db"
    with sqlite3.connect(target) as conn:
        conn.execute("PRAGMA user_version = 999")
    before = target.read_bytes()
    window = make_window()
    qtbot.waitUntil(lambda: window.context.user.state == "failed", timeout=10_000)
    assert window.notice.button.isVisible() and "indisponibles" in window.notice.button.text()
    assert "version plus récente" in window.notice.lines[0]
    window.navigate(LEAD_03)
    assert LEAD_03_TEXT in _plain(window)
    assert not window.actions.star.isEnabled() and not window.actions.add_note.isEnabled()
    assert "indisponibles" in window.notes.view.toPlainText()
    window.commands.toggle_star(LEAD_03)
    written(qtbot, window)
    assert "indisponibles" in window.status.currentMessage()
    assert target.read_bytes() == before
    QApplication.processEvents()
