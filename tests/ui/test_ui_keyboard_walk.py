"""The keyboard-only walk of the README's shortcuts: find, open, star, note, add to a
folder, print the participant edition — every step a key, on the real library."""

from __future__ import annotations

import io

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QMenu
from ui_helpers import save_artifact, type_text
from user_ui_helpers import SESSION_1, open_window, user, written

from connecteur.ui.folders.folder_dialog import FolderDialog
from connecteur.ui.search.results_model import TargetRole

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
NOTE = "Question palimpseste pour ouvrir la matinée"  # words nowhere in the corpus
FOLDER = "Manager en crise"


def key(qtbot, sequence: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard focus is (or in the menu that is open)."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, sequence, modifiers)


def focused(qtbot, kind: type) -> object:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget()
                                       or QApplication.focusWidget(), kind))
    return QApplication.activePopupWidget() or QApplication.focusWidget()


def activated(qtbot, widget) -> None:
    """What a window manager does: the window shown last gets the keyboard."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().window() is widget)


def test_find_open_star_note_add_to_a_folder_and_print_with_keys_only(qtbot, make_window,
                                                                       tmp_path,
                                                                       monkeypatch) -> None:
    window = open_window(qtbot, make_window, url=SESSION_1)
    window.activateWindow()
    window.reading.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reading)

    # Find: Ctrl+K, type, ↓ walks the results (each one shown), Entrée opens it.
    key(qtbot, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_box)
    type_text(window.search_box, "télétravail")
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.results is not None and panel.model.rowCount() > 2,
                    timeout=10_000)
    key(qtbot, Qt.Key.Key_Down)
    chosen = panel.model.index(1, 0).data(TargetRole)
    assert window.reading.marked_id == chosen
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reading)
    item = window.store.get(chosen)
    reference = window.commands.describe(chosen)

    # Star: Ctrl+D, and the status bar names the item.
    key(qtbot, Qt.Key.Key_D, CTRL)
    written(qtbot, window)
    assert user(window).stars.item_ids() == [chosen]
    assert window.status.currentMessage() == f"Ajouté aux favoris : {reference}"

    # Note: Ctrl+Alt+N, type, Ctrl+Entrée saves.
    key(qtbot, Qt.Key.Key_N, CTRL | ALT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.notes.editor.text)
    type_text(window.notes.editor.text, NOTE)
    key(qtbot, Qt.Key.Key_Return, CTRL)
    written(qtbot, window)
    assert [n.body for n in user(window).notes.for_item(chosen)] == [NOTE]

    # Add to a folder: Alt+D (Édition), S (Ajouter au dossier), Entrée on "Nouveau
    # dossier…", type its name, Entrée.
    key(qtbot, Qt.Key.Key_D, ALT)
    edit = focused(qtbot, QMenu)
    assert edit is window.actions.menus["edit"]
    key(qtbot, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget()
                    is window.actions.menus["add-to-folder"])
    save_artifact(window.actions.menus["add-to-folder"], "walk-01-add-to-folder-menu")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(FolderDialog) is not None)
    dialog = window.findChild(FolderDialog)
    activated(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.name
    type_text(dialog.name, FOLDER)
    key(qtbot, Qt.Key.Key_Return)
    written(qtbot, window)
    folder = next(f for f in user(window).folders.list() if f.name == FOLDER)
    assert [e.item_id for e in user(window).folders.entries(folder.id)] == [chosen]
    assert window.status.currentMessage() == f"Ajouté au dossier « {FOLDER} » : {reference}"

    # Print: Ctrl+P opens on the participant edition; Entrée previews; Ctrl+S saves.
    activated(qtbot, window)  # (offscreen, no window manager gives the window back)
    assert QApplication.focusWidget() is window.reading  # back where the note began
    key(qtbot, Qt.Key.Key_P, CTRL)
    printing = window.print_dialog
    activated(qtbot, printing)
    assert printing.participant.isChecked() and printing.content == "session"
    assert printing.plan().session_ids == (item.session_id,)
    with qtbot.waitSignal(printing.preview_opened, timeout=30_000) as opened:
        key(qtbot, Qt.Key.Key_Return)
    preview = opened.args[0]
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready)
    assert "édition participant·e" in preview.info.text()
    target = tmp_path / "support participant.pdf"
    monkeypatch.setattr(preview, "ask_save_path", lambda: target)  # the file name typed
    activated(qtbot, preview)
    key(qtbot, Qt.Key.Key_S, CTRL)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(
        target.read_bytes())).pages)
    squash = "".join(text.split())
    assert "".join(item.text.split()[:6]) in squash  # the item is in the handout...
    assert "".join(NOTE.split()) not in squash  # ...the trainer's note is not
    key(qtbot, Qt.Key.Key_Escape)  # back to the dialog; Échap again closes it
    qtbot.waitUntil(printing.isVisible)
    activated(qtbot, printing)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.print_dialog is None)
