"""The window in English: menus, panels, dialogs and messages read English (never the
French they come from), Alt+letter opens what it says (no two entries of the menu bar
or of a menu share a mnemonic, as in French), and the catalogue keeps every
placeholder, tag and mnemonic of its French sources."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from mnemonics import all_menus, clashes, entries, mnemonic
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMessageBox,
    QWidget,
)
from ui_helpers import save_artifact, type_text
from user_ui_helpers import LEAD_03, LEAD_04, open_window, settle, user

from connecteur.ui.documents import wording
from connecteur.ui.search.results_model import NoteRole

TS = Path(__file__).resolve().parents[2] / "resources/translations/connecteur_en.ts"


def _catalogue() -> list[tuple[str, str, str]]:
    """(context, French source, English translation) of every message."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "",
                          message.findtext("translation") or ""))
    return found


def _french_only() -> set[str]:
    """The French sources whose English differs: none may be seen in English."""
    return {source for _c, source, english in _catalogue() if english != source}


def _annotated_window(qtbot, make_window, **kwargs):
    window = open_window(qtbot, make_window, url=LEAD_03, **kwargs)
    store = user(window)
    store.folders.create("Manager en crise")
    store.stars.star(LEAD_03)
    store.notes.add(LEAD_03, "Pour ouvrir la matinée.")
    store.tags.add(LEAD_03, "ouverture")
    store.tags.add(LEAD_04, "ouverture")
    qtbot.waitUntil(lambda: window.tags_panel.tags() == [("ouverture", 2)])
    settle(qtbot, window)
    return window


# --- the catalogue ----------------------------------------------------------------------

def test_every_translation_keeps_the_placeholders_tags_and_mnemonics_of_its_source() -> None:
    placeholder = re.compile(r"\{[^{}]*\}|%n")
    tag = re.compile(r"</?[a-z][^>]*>")
    wrong = []
    for context, source, english in _catalogue():
        if sorted(placeholder.findall(source)) != sorted(placeholder.findall(english)):
            wrong.append((context, source, "placeholders"))
        if not set(tag.findall(source)) <= set(tag.findall(english)):
            wrong.append((context, source, "tags"))  # (English may add a paragraph)
        if (mnemonic(source) is None) != (mnemonic(english) is None):
            wrong.append((context, source, "mnemonic"))
        if source.endswith("…") != english.endswith("…"):
            wrong.append((context, source, "ellipsis"))
    assert wrong == []
    assert len(_catalogue()) > 650


def test_counted_phrases_follow_the_english_rule(make_window, qtbot) -> None:
    make_window(language="en")
    assert wording.days(1) == "1 day" and wording.days(0) == "0 days"
    assert wording.contents({"leads": 1, "field_sites": 2, "resources": 0, "speakers": 1}) \
        == "1 line of thought, 2 field sites, 0 resources, 1 speaker"
    assert wording.pages(12) == "12 pages"


# --- the window in English --------------------------------------------------------------

def test_the_window_opens_in_english(qtbot, make_window) -> None:
    window = _annotated_window(qtbot, make_window, language="en")
    bar = [a.text() for a in window.menuBar().actions()]
    assert bar == ["&File", "&Edit", "&View", "&Go", "&Help"]
    menus = window.actions.menus
    assert entries(menus["file"]) == [
        "&Print / Export as PDF…", "&Import a document…", "Imported &documents…",
        "&Annotations", "&Resources (Zotero)", "Re&set annotations…", "&Quit"]
    edit = entries(menus["edit"])
    for text in ("Copy &with reference", "Ne&xt match in the page",
                 "Pre&vious match in the page", "Add to f&older", "New course fol&der…"):
        assert text in edit
    go = entries(menus["go"])
    for text in ("&Previous session", "Ne&xt session", "Bib&liography", "Go to the ta&gs",
                 "Go to “&See also”", "Go to the fa&vourites"):
        assert text in go
    assert "O&rphaned annotations…" in entries(menus["view"])
    assert window.actions.import_document.statusTip().startswith(
        "Adds a Connecteur Recherche summary (PDF or text) to the library")
    assert window.actions.reset_annotations.statusTip().startswith(
        "Deletes all your notes, highlights, favourites, tags and folders")

    side = window.side_panel
    assert [side.tabText(i) for i in range(side.count())] == \
        ["Notes", "Favourites", "Folders", "Tags", "See also"]
    assert window.tags_panel.rename_button.text() == "Rename…"
    assert window.tags_panel.merge_button.text() == "Merge…"
    assert window.tags_panel.hint.text().startswith("A click searches for the items")

    french = _french_only()
    texts = [t for menu in all_menus(window) for t in [menu.title(), *entries(menu)]]
    texts += [side.tabText(i) for i in range(side.count())]
    texts += [a.toolTip() for a in window.findChildren(type(window.actions.quit))]
    texts += [w.accessibleName() for w in window.findChildren(QWidget)]
    assert [t for t in texts if t in french] == []
    assert [t for t in texts if " :" in t or "«" in t or "·e" in t] == []  # French typography

    window.show_panel(window.notes)
    save_artifact(window, "english-01-notes-panel")
    window.show_panel(window.tags_panel)
    save_artifact(window, "english-02-tags-panel")


def test_see_also_and_the_find_bar_speak_english(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window, language="en", url=LEAD_03)
    related = window.related
    window.show_panel(related)
    qtbot.waitUntil(lambda: related.heading.text().startswith("Starting from: "),
                    timeout=10_000)
    assert related.heading.text() == \
        "Starting from: 20 May 2020, session 1, line of thought 03"
    qtbot.waitUntil(lambda: related.model.rowCount() > 0, timeout=10_000)
    assert related.heading.isVisible() and not related.message.isVisible()
    notes = [related.model.index(r, 0).data(NoteRole) for r in range(related.model.rowCount())]
    assert all(re.fullmatch(r"In common: \S.*", note) for note in notes), notes
    save_artifact(window, "english-03-see-also")

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.search_box.setFocus()
    type_text(window.search_box, "capacitant")
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.query == "capacitant",
                    timeout=10_000)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # opens the first result
    find = window.find_in_page
    qtbot.waitUntil(lambda: find.active and not find.pending and bool(find.occurrences),
                    timeout=10_000)
    bar = find.bar
    assert bar.words.text() == "“capacitant”"
    assert re.fullmatch(r"\d+ / \d+", bar.count.text())
    assert [bar.previous.toolTip(), bar.next.toolTip(), bar.close_button.toolTip()] == \
        ["Previous match (Shift+F3)", "Next match (F3)", "Clear the highlighting (Esc)"]
    assert bar.accessibleName() == "Words searched for in the page"


def test_reset_and_the_documents_dialog_in_english(qtbot, make_window) -> None:
    window = _annotated_window(qtbot, make_window, language="en")
    window.actions.reset_annotations.trigger()
    box = window.annotation_reset.box
    qtbot.waitExposed(box)
    assert box.windowTitle() == "Reset the annotations"
    assert box.text() == "Delete all your annotations and all your folders?"
    assert box.informativeText().startswith(
        "To be deleted: 1 note, 1 favourite, 2 tags and 1 course folder.\n\n"
        "A backup is made just before, in ")
    assert "Ctrl+Z cannot undo a reset" in box.informativeText()
    assert [b.text() for b in box.buttons() if b.objectName() == "reset-confirm"] == ["&Reset"]
    box.button(QMessageBox.StandardButton.Cancel).click()

    window.actions.imported_documents.trigger()
    dialog = window.library_documents().documents_dialog
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Imported documents"
    header = dialog.list.headerItem()
    assert [header.text(i) for i in range(header.columnCount())] == \
        ["Document", "Days", "Sessions", "Imported on"]
    assert [dialog.import_button.text(), dialog.remove_button.text(),
            dialog.close_button.text()] == ["Import a document…", "Remove…", "Close"]
    assert dialog.empty.text().startswith("No imported documents: the library holds")
    dialog.close()


# --- mnemonics --------------------------------------------------------------------------

def test_no_two_entries_share_a_mnemonic_in_english(qtbot, make_window) -> None:
    window = _annotated_window(qtbot, make_window)
    window.set_language("en")
    qtbot.waitUntil(lambda: window.actions.menus["file"].title() == "&File")
    bar = [a.text() for a in window.menuBar().actions()]
    assert bar == ["&File", "&Edit", "&View", "&Go", "&Help"]
    assert clashes(bar) == {}
    checked = 0
    for menu in all_menus(window):
        assert clashes(entries(menu)) == {}, (menu.title(), entries(menu))
        checked += 1
    assert checked >= 10  # with the language, exports and "Add to folder" submenus
    window.folders.more_menu.aboutToShow.emit()  # a folder's "…" menu
    window.folders.tree.setCurrentIndex(window.folders.model.index(0, 0))
    window.folders.more_menu.aboutToShow.emit()
    folder_menu = entries(window.folders.more_menu)
    assert "Print the &handout…" in folder_menu
    assert clashes(folder_menu) == {}


def test_the_print_dialog_mnemonics_are_unique_in_english(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window, language="en", url=LEAD_03)
    window.actions.print_handout.trigger()
    dialog = window.print_dialog
    qtbot.waitExposed(dialog)
    texts = [w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisibleTo(dialog)]
    texts += [w.text() for w in dialog.findChildren(QLabel)
              if w.isVisibleTo(dialog) and w.buddy() is not None]
    assert "Pre&view…" in texts and "Save as accessible &HTML…" in texts
    assert "Print on &both sides (each session starts on a right-hand page)" in texts
    assert clashes(texts) == {}
    dialog.reject()


def test_the_undo_entry_names_a_tag_merge_in_english(qtbot, make_window) -> None:
    window = _annotated_window(qtbot, make_window, language="en")
    user(window).tags.add(LEAD_04, "crise")
    qtbot.waitUntil(lambda: len(window.tags_panel.tags()) == 2)
    window.tags_panel.merge(["crise"], "ouverture")
    qtbot.waitUntil(lambda: window.tags_panel.tags() == [("ouverture", 2)])
    assert window.undo.undo.text() == "&Undo: merge « crise » into “ouverture”"
    assert window.status.currentMessage() == "Tags merged into “ouverture” (Ctrl+Z to undo)."
