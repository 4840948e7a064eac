"""The trainer's data, seen from the window when something is not ordinary: an explicit
reset (asked with the counts, a backup first, every view emptied), a start where the
annotations can only be read, what start-up restored or could not do, and a write
refused because an import runs elsewhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from ui_helpers import save_artifact
from user_ui_helpers import LEAD_03, LEAD_04, open_window, settle, user, written

from connecteur import paths
from connecteur.store import CorpusStore, UserStore
from connecteur.store.user import opening
from connecteur.store.user.db import IMPORT_HINT, IMPORT_RUNNING
from connecteur.store.user.file_locks import ImportMarker

READ_ONLY_REASON = "le dossier /media/formation est en lecture seule"


def _status(window) -> str:
    return window.status.currentMessage()


def _annotate(window) -> None:
    """Two notes, a star, a tag, a highlight and a folder, as a trainer makes them."""
    u = user(window)
    u.notes.add(LEAD_03, "Question d'ouverture")
    u.notes.add(LEAD_04, "À relier au cas Mulhouse")
    u.stars.star(LEAD_03)
    u.tags.add(LEAD_03, "mémoire")
    u.highlights.add(LEAD_03, 0, 20, "yellow")
    folder = u.folders.create("Crise — mars")
    u.folders.add_items(folder.id, [LEAD_03, LEAD_04])


# --- the explicit reset ---------------------------------------------------------------------

def test_reset_asks_with_the_counts_keeps_a_backup_and_empties_every_view(
        qtbot, make_window, corpus_store: CorpusStore, tmp_path: Path) -> None:
    window = open_window(qtbot, make_window, url=LEAD_03)
    action = window.actions.reset_annotations
    assert action in window.actions.menus["file"].actions()
    assert action.text() == "Réinitiali&ser les annotations…" and action.isEnabled()
    _annotate(window)
    settle(qtbot, window)
    assert "✎ 1 note" in window.reading.toPlainText()
    before = user(window).counts()

    action.trigger()
    box = window.annotation_reset.box
    qtbot.waitExposed(box)
    assert box.text() == "Supprimer toutes vos annotations et tous vos dossiers ?"
    assert box.informativeText().startswith(
        "À supprimer : 2 notes, 1 surlignage, 1 favori, 1 étiquette et 1 dossier de "
        "formation.\n\nUne sauvegarde est faite juste avant, dans ")
    assert str(paths.backups_dir()) in box.informativeText()
    assert "Ctrl+Z ne peut pas annuler" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    save_artifact(box, "reset-annotations-confirmation")
    box.button(QMessageBox.StandardButton.Cancel).click()  # changed their mind
    written(qtbot, window)
    assert user(window).counts() == before

    action.trigger()
    box = window.annotation_reset.box
    qtbot.waitExposed(box)
    confirm = next(b for b in box.buttons() if b.objectName() == "reset-confirm")
    assert confirm.text() == "&Réinitialiser"
    confirm.click()
    written(qtbot, window)
    settle(qtbot, window)
    assert user(window).counts() == dict.fromkeys(before, 0)
    message = _status(window)
    prefix = "Annotations réinitialisées ; la sauvegarde faite juste avant est "
    assert message.startswith(prefix)
    backup = Path(message.removeprefix(prefix))
    assert backup.parent == paths.backups_dir() and backup.is_file()
    copy = tmp_path / "copy.db"  # read a copy: opening a backup must not change it
    shutil.copyfile(backup, copy)
    with UserStore.open(corpus_store, copy, backup=False) as saved:
        assert saved.counts() == before
    # Every view reloaded from the store's "external" change.
    assert "✎" not in window.reading.toPlainText()
    assert window.favorites.model.rowCount() == 0
    assert window.folders.model.rowCount() == 0
    assert "Aucune note sur cet élément" in window.notes.view.toPlainText()
    assert not window.undo.undo.isEnabled()  # a reset cannot be undone: the backup can

    action.trigger()  # nothing left: no question, a word in the status bar
    assert window.annotation_reset.box is None
    assert _status(window) == "Aucune annotation à réinitialiser."


# --- a read-only start ----------------------------------------------------------------------

@pytest.fixture
def read_only_home(monkeypatch, corpus_store: CorpusStore) -> None:
    """A user database with a note, then a home the store finds unwritable (the test
    runs as root, which writes anywhere: the store's own check is what is replaced;
    the database is then really opened read-only)."""
    with UserStore.open(corpus_store) as u:
        u.notes.add(LEAD_03, "Note d'avant")
    monkeypatch.setattr(opening, "unwritable_reason", lambda _path: READ_ONLY_REASON)


@pytest.mark.usefixtures("read_only_home")
def test_a_read_only_start_disables_editing_and_says_why(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window, url=LEAD_03)
    layer = window.context.user
    assert layer.read_only == READ_ONLY_REASON and not layer.writable
    notice = window.notice
    qtbot.waitUntil(notice.button.isVisible)
    assert notice.button.text() == "⚠ Annotations en lecture seule"
    assert notice.lines[0] == (f"Vos annotations sont ouvertes en lecture seule : "
                               f"{READ_ONLY_REASON}. Vous pouvez les consulter, mais aucune "
                               "modification ne sera enregistrée.")
    assert notice.lines[0] in notice.button.toolTip()
    assert _status(window) == notice.lines[0]
    settle(qtbot, window)
    assert "✎ 1 note" in window.reading.toPlainText()  # reading still works
    window.commands.choose(LEAD_03)
    a = window.actions
    for action in (a.star, a.add_note, a.new_folder, a.reset_annotations, a.undo, a.redo):
        assert not action.isEnabled(), action.objectName()
    assert not window.notes.add_button.isEnabled()
    assert not window.folders.new_button.isEnabled()
    assert "Note d'avant" in window.notes.view.toPlainText()
    assert "Modifier" not in window.notes.view.toPlainText()  # no edit, no delete link
    file_menu = a.menus["annotations"]
    window.exchange.fill_file_menu(file_menu)
    entries = {act.objectName(): act for act in file_menu.actions()}
    assert not entries["import-annotations"].isEnabled()
    assert any(act.isEnabled() and "Exporter" in act.text() for act in file_menu.actions())
    save_artifact(window, "read-only-start")

    window.commands.toggle_star(LEAD_03)  # asked anyway (a shortcut, a script): refused
    written(qtbot, window)
    assert _status(window).startswith("Vos annotations ne peuvent pas être enregistrées : "
                                      f"{READ_ONLY_REASON}. La modification n'a pas été faite.")
    assert user(window).stars.item_ids() == []


# --- what start-up did ---------------------------------------------------------------------

CRASH = """
import os, sys
from connecteur.store import CorpusStore, UserStore
user = UserStore.open(CorpusStore.open(), backup=False)
user.db._conn.execute("PRAGMA wal_autocheckpoint = 0")  # keep every frame in the log
for i in range(40):
    user.notes.add(sys.argv[1], f"note {i} " + "x" * 500)
os._exit(0)
"""


def _restored(corpus_store: CorpusStore) -> str:
    with UserStore.open(corpus_store) as u:
        u.notes.add(LEAD_03, "sauvée par la sauvegarde")
    UserStore.open(corpus_store).close()  # the next start makes the daily backup
    paths.user_db_path().write_bytes(b"")  # emptied by a full disk, a bad sync…
    return "restaur"


def _damaged_log(_corpus_store: CorpusStore) -> str:
    done = subprocess.run([sys.executable, "-c", CRASH, LEAD_03], env=os.environ.copy(),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    wal = paths.wal_path(paths.user_db_path())
    data = bytearray(wal.read_bytes())
    page = int.from_bytes(data[8:12], "big")
    middle = 32 + ((len(data) - 32) // (page + 24) // 2) * (page + 24) + 24
    data[middle:middle + 64] = b"\xa5" * 64
    wal.write_bytes(bytes(data))
    return "(user.db-wal) était abîmé"


def _failed_backup(corpus_store: CorpusStore) -> str:
    with UserStore.open(corpus_store, backup=False) as u:
        u.notes.add(LEAD_03, "une note")
    paths.backups_dir().write_text("pas un dossier")  # the backups cannot be made
    return "La sauvegarde quotidienne de vos annotations n'a pas pu être faite"


@pytest.mark.parametrize("prepare", [_restored, _damaged_log, _failed_backup])
def test_every_start_up_message_shows_with_a_warning(qtbot, make_window, prepare,
                                                     corpus_store: CorpusStore) -> None:
    expected = prepare(corpus_store)
    window = open_window(qtbot, make_window)
    notice = window.notice
    qtbot.waitUntil(notice.button.isVisible)
    assert notice.button.text() == "⚠ Vos annotations"
    assert any(expected in line for line in notice.lines), notice.lines
    assert _status(window) == notice.lines[0]
    box = notice.show_details()
    qtbot.waitExposed(box)
    shown = box.text() + "\n" + box.informativeText()
    assert all(line in shown for line in notice.lines)
    assert window.context.user.writable
    box.close()


# --- an import elsewhere ---------------------------------------------------------------------

def test_a_write_during_an_import_elsewhere_is_refused_in_french(qtbot, make_window) -> None:
    """Another window or the command line imports (it holds the import marker): a star
    asked for meanwhile is refused at once with the store's message, nothing changes."""
    window = open_window(qtbot, make_window, url=LEAD_03)
    marker = ImportMarker(paths.user_db_path())
    assert marker.acquire()
    try:
        window.commands.toggle_star(LEAD_03)
        written(qtbot, window)
    finally:
        marker.release()
    assert _status(window) == f"{IMPORT_RUNNING} {IMPORT_HINT}"
    assert user(window).stars.item_ids() == []
    window.commands.toggle_star(LEAD_03)  # once the import has ended, it works
    written(qtbot, window)
    assert user(window).stars.item_ids() == [LEAD_03]
