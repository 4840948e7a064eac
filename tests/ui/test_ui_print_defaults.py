"""Ctrl+P starts from what the trainer is working on (the folder selected in
"Dossiers", the search results), always on the participant edition; closing the
preview gives the dialog back, so the other edition is one click away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication
from ui_helpers import save_artifact, type_text
from user_ui_helpers import LEAD_03, SESSION_1, open_window, user

CTRL = Qt.KeyboardModifier.ControlModifier


def _ctrl_p(qtbot, window, widget):
    qtbot.keyClick(widget, Qt.Key.Key_P, CTRL)
    dialog = window.print_dialog
    qtbot.waitExposed(dialog)
    return dialog


def _focus(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _preview(qtbot, dialog):
    with qtbot.waitSignal(dialog.preview_opened, timeout=30_000) as opened:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # "Aperçu…" is the default button
    preview = opened.args[0]
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready)
    return preview


def test_the_scope_follows_the_folder_or_the_results_being_worked_on(qtbot,
                                                                      make_window) -> None:
    window = open_window(qtbot, make_window, url=SESSION_1)
    store = user(window)
    store.folders.create("Inclusion numérique")
    crisis = store.folders.create("Manager en crise")
    store.folders.add_items(crisis.id, [LEAD_03])
    qtbot.keyClick(window.reading, Qt.Key.Key_5, CTRL)  # "Aller aux dossiers"
    tree = window.folders.tree
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree
                    and window.folders.model.rowCount() == 2)
    window.folders.select_folder(crisis.id)
    dialog = _ctrl_p(qtbot, window, tree)
    assert dialog.content == "folder" and dialog.folder_combo.currentData() == crisis.id
    assert dialog.participant.isChecked()
    save_artifact(dialog, "print-defaults-01-folder")
    dialog.reject()

    _focus(qtbot, window.reading)  # the Dossiers panel is still the one shown
    dialog = _ctrl_p(qtbot, window, window.reading)
    assert dialog.content == "folder" and dialog.folder_combo.currentData() == crisis.id
    dialog.reject()
    window.show_panel(window.notes)  # another panel in front: the session shown
    dialog = _ctrl_p(qtbot, window, window.reading)
    assert dialog.content == "session"
    dialog.reject()

    _focus(qtbot, window.search_box)
    type_text(window.search_box, "télétravail")
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.results is not None and panel.model.rowCount() > 0,
                    timeout=10_000)
    _focus(qtbot, panel.list)
    dialog = _ctrl_p(qtbot, window, panel.list)
    assert dialog.content == "results"
    assert dialog.content_buttons["results"].text().startswith(
        "Les résultats de la recherche « télétravail »")
    dialog.reject()


def test_closing_the_preview_returns_to_the_dialog_on_the_same_choices(qtbot,
                                                                       make_window) -> None:
    window = open_window(qtbot, make_window, url=SESSION_1)
    dialog = _ctrl_p(qtbot, window, window.reading)
    assert dialog.participant.isChecked() and dialog.content == "session"
    dialog.trainer.click()
    preview = _preview(qtbot, dialog)
    assert "édition formateur·rice" in preview.info.text() and not dialog.isVisible()
    qtbot.keyClick(preview, Qt.Key.Key_Escape)  # close the preview...
    qtbot.waitUntil(dialog.isVisible)  # ...and the dialog is back, as it was left
    assert window.print_dialog is dialog and dialog.trainer.isChecked()
    assert dialog.cancel_button.text() == "Fermer"
    assert dialog.status.text().startswith("Aperçu fermé.")
    save_artifact(dialog, "print-defaults-02-back-from-preview")
    dialog.participant.click()  # the other edition, one click away
    preview = _preview(qtbot, dialog)
    assert "édition participant·e" in preview.info.text()
    preview.close()
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()
    qtbot.waitUntil(lambda: window.print_dialog is None)

    _focus(qtbot, window.reading)
    again = _ctrl_p(qtbot, window, window.reading)  # the trainer edition is not kept
    assert again.participant.isChecked() and not again.trainer.isChecked()
    again.reject()


def test_a_new_ctrl_p_replaces_a_dialog_waiting_for_its_preview(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window, url=SESSION_1)
    first = _ctrl_p(qtbot, window, window.reading)
    preview = _preview(qtbot, first)
    _focus(qtbot, window.reading)  # back in the window while the preview stays open
    second = _ctrl_p(qtbot, window, window.reading)
    assert second is not first and window.print_dialog is second
    preview.close()
    qtbot.waitUntil(lambda: preview.isHidden())
    assert second.isVisible()
    second.reject()


def test_a_new_request_replaces_an_idle_dialog_and_shows_a_busy_one(qtbot, make_window) -> None:
    """A second request (the folders panel's "Imprimer…", Ctrl+P again) never stacks
    dialogs: an idle one gives way to the new choice, one busy making a handout comes
    back to the front with its work."""
    window = open_window(qtbot, make_window, url=SESSION_1)
    first = _ctrl_p(qtbot, window, window.reading)
    window.print_handout("library")
    second = window.print_dialog
    assert second is not first and second.content == "library" and second.isVisible()
    qtbot.waitUntil(lambda: len(window.findChildren(type(first))) == 1)  # the first is gone
    second.start()
    assert second.building
    window.print_handout("session")
    assert window.print_dialog is second and second.content == "library"
    second.reject()  # stops the build...
    qtbot.waitUntil(lambda: not second.building, timeout=10_000)
    second.reject()  # ...then closes
    qtbot.waitUntil(lambda: window.print_dialog is None)
