"""Polish of the window: Qt's own dialogs speak French, Alt+letter opens what it says
(no two entries of the menu bar or of a menu share a mnemonic), the session filter
shows its whole label, the bibliography's web sites are links, and counts read well
in the singular and the plural."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mnemonics import clashes, entries, menus
from PySide6.QtCore import QPoint, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QStyleOptionViewItem
from ui_helpers import save_artifact, type_text
from user_ui_helpers import open_window

from connecteur.app.place import BIBLIOGRAPHY
from connecteur.store import Folder
from connecteur.ui.folders.folder_menu import folder_description
from connecteur.ui.indexes.bibliography_model import REFERENCE, SITES, UrlsRole
from connecteur.ui.shell.i18n import LanguageManager

REPO = Path(__file__).resolve().parents[2]


# --- Qt's own dialogs in French ---------------------------------------------------------

@pytest.fixture
def qt_dialog_settings(tmp_path: Path):
    """Qt's file dialog keeps its state in the user's QtProject.conf: put it here."""
    user = QSettings.Scope.UserScope
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    for kind in formats:
        QSettings.setPath(kind, user, str(tmp_path))
    yield
    default = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericConfigLocation)
    for kind in formats:
        QSettings.setPath(kind, user, default)


def _file_dialog_texts(qtbot) -> tuple[list[str], list[str]]:
    dialog = QFileDialog(None, "", str(REPO))
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as in the bundle
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter("PDF (*.pdf)")
    labels = sorted(label.text() for label in dialog.findChildren(QLabel) if label.text())
    buttons = sorted(b.text() for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog))
    return labels, buttons


@pytest.mark.usefixtures("qt_dialog_settings")
def test_qts_file_dialog_speaks_the_language_of_the_window(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window, language="fr")
    languages = window.context.languages
    files = [Path(t.filePath()).name for t in languages.translators]
    assert files == ["qtbase_fr.qm", "qt_supplement_fr.qm"]  # found where Qt keeps them
    labels, buttons = _file_dialog_texts(qtbot)
    assert labels == ["&Nom de fichier\u00a0:", "&Voir dans\u00a0:",
                      "Fichiers de &type\u00a0:"]
    assert buttons == ["&Enregistrer", "Annuler"]

    window.set_language("en")
    assert [Path(t.filePath()).name for t in languages.translators] == \
        ["qtbase_en.qm", "connecteur_en.qm"]
    labels, buttons = _file_dialog_texts(qtbot)
    assert labels == ["&Look in:", "File &name:", "Files of &type:"]
    window.set_language("fr")


def test_a_missing_qt_catalogue_is_reported(monkeypatch, caplog, qapp) -> None:
    from PySide6.QtCore import QLibraryInfo

    monkeypatch.setattr(QLibraryInfo, "path", lambda _which: str(REPO / "nowhere"))
    manager = LanguageManager()
    try:
        with caplog.at_level("WARNING"):
            manager.apply("fr")
        assert "Traductions de Qt introuvables (qtbase_fr" in caplog.text
    finally:
        manager.release()


# --- mnemonics --------------------------------------------------------------------------

def test_no_two_entries_share_a_mnemonic_in_the_menu_bar_or_a_menu(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)
    window.context.user.user.folders.create("Manager en crise")
    bar = [a.text() for a in window.menuBar().actions()]
    assert bar == ["&Fichier", "É&dition", "&Affichage", "A&ller", "A&ide"]
    assert clashes(bar) == {}  # Alt+E no longer opens "Aide"
    checked = 0
    for top in window.menuBar().actions():
        for menu in menus(top.menu()):
            assert clashes(entries(menu)) == {}, menu.title()
            checked += 1
    assert checked >= 10  # with the language, exports and "Ajouter au dossier" submenus
    edit = entries(window.actions.menus["edit"])
    assert "Ajouter au do&ssier" in edit and "Copier a&vec la référence" in edit


# --- the session filter -----------------------------------------------------------------

def test_the_session_filter_shows_its_whole_label(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)  # no annotation opening late, after the test
    window.search_box.setFocus()
    type_text(window.search_box, "gestion de crise")
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.results is not None and panel.model.rowCount() > 0,
                    timeout=10_000)
    combo = panel.session_filter
    total = sum(panel.results.facets["session"].values())
    assert combo.currentText() == f"Toutes les sessions ({total})"
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
    assert combo.sizeHint().width() > needed  # the hint asks for the whole text...
    assert combo.width() >= combo.sizeHint().width()  # ...and the pane gives it
    assert combo.shown_text() == combo.currentText()  # nothing cut
    assert panel.kind_filter.shown_text() == panel.kind_filter.currentText()
    save_artifact(window.left_stack, "polish-01-search-filters")

    longest = max(range(1, combo.count()), key=lambda i: len(combo.itemText(i)))
    combo.setCurrentIndex(longest)  # a long session title: the count stays readable
    qtbot.waitUntil(lambda: panel.results.query == "gestion de crise"
                    and panel.model.rowCount() > 0)
    shown = combo.shown_text()
    assert re.search(r"\(\d+\)$", shown) and shown.startswith(combo.currentText()[:10])
    if combo.fontMetrics().horizontalAdvance(combo.currentText()) > combo.width() - 30:
        assert "…" in shown


# --- the bibliography's links -----------------------------------------------------------

def _option(table, index) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.rect = table.visualRect(index)
    option.font = table.font()
    return option


def test_addresses_and_sites_in_the_bibliography_are_links(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)  # no annotation opening late, after the test
    assert window.navigate(BIBLIOGRAPHY)
    view = window.index_view(BIBLIOGRAPHY)
    table = view.table
    qtbot.waitUntil(lambda: table.isVisible())
    browser = window.context.links.browser
    row = next(r for r in range(view.proxy.rowCount())
               if len(view.proxy.index(r, SITES).data().split(", ")) >= 2)
    sites = view.proxy.index(row, SITES)
    table.scrollTo(sites)
    links = view.site_links.link_rects(_option(table, sites), sites)
    assert [site for _rect, site, _url in links] == sites.data().split(", ")
    rect, _site, url = links[1]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert browser.opened == [url] and url.startswith(("http://", "https://"))

    reference = view.proxy.index(row, REFERENCE)
    first_url = reference.data(UrlsRole)[0]
    assert first_url in reference.data()  # the address is written in the reference
    option = _option(table, reference)
    delegate = view.reference_links
    hits = {delegate.link_at(option, reference, QPoint(x, y))
            for x in range(option.rect.left(), option.rect.right(), 4)
            for y in range(option.rect.top(), option.rect.bottom(), 4)}
    assert set(reference.data(UrlsRole)) <= hits  # every address of the text is a link
    point = next(QPoint(x, y) for x in range(option.rect.left(), option.rect.right(), 4)
                 for y in range(option.rect.top(), option.rect.bottom(), 4)
                 if delegate.link_at(option, reference, QPoint(x, y)) == first_url)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert browser.opened == [url, first_url]
    assert delegate.link_at(option, reference, option.rect.topLeft() + QPoint(3, 3)) is None
    assert window.centre.currentWidget() is view  # the links opened, the table stays
    window.resize(1400, 900)
    save_artifact(view, "polish-02-bibliography-links")


# --- counts -----------------------------------------------------------------------------

@pytest.mark.parametrize(("size", "line"), [(1, "1 élément"), (2, "2 éléments"),
                                            (0, "0 élément")])
def test_a_folders_size_reads_well(qapp, size: int, line: str) -> None:
    folder = Folder(id="f", name="Crise", title="", audience="", date="", created="",
                    modified="", size=size)
    assert folder_description(folder).splitlines()[-1] == line


def test_annotations_closed_at_exit_are_not_reopened_by_a_late_timer(qtbot,
                                                                      make_window) -> None:
    """The window asks for the annotations again after two seconds at most: once they
    were closed (the window closed first), that late call must open nothing."""
    window = open_window(qtbot, make_window)
    layer = window.context.user
    layer.close()
    layer.open()  # what the window's timer does
    assert not layer.ready and window.context.operations.idle
