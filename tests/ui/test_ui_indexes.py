"""The two library-wide indexes and the « À propos » dialog, in the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import save_artifact, type_text

from connecteur.app import place as location
from connecteur.corpus.text import fold
from connecteur.ui.indexes.bibliography_model import REFERENCE
from connecteur.ui.indexes.bibliography_model import TargetRole as ResourceRole
from connecteur.ui.indexes.speakers_model import NAME, TargetRole
from connecteur.ui.search.search_panel import HELP_EXAMPLES


def test_speakers_index_filters_as_you_type_and_opens_a_person(qtbot, make_window,
                                                               corpus_store) -> None:
    window = make_window()
    window.actions.speakers.trigger()
    view = window.index_view(location.SPEAKERS)
    assert window.centre.currentWidget() is view
    assert window.status.place.text() == "Intervenant·e·s : 43 personnes"
    save_artifact(window, "08-speakers")
    view.filter.setFocus()
    type_text(view.filter, "universite")
    shown = [view.proxy.index(r, NAME).data() for r in range(view.proxy.rowCount())]
    expected = sorted((e.name for e in corpus_store.speaker_entries()
                       if "universite" in fold(" ".join(e.affiliations))), key=fold)
    assert shown == expected and len(shown) >= 2
    assert window.status.place.text() == f"Intervenant·e·s : {len(shown)} personnes sur 43"
    save_artifact(window, "09-speakers-filtered")
    index = view.proxy.index(0, NAME)
    view.table.setCurrentIndex(index)
    view.table.activated.emit(index)
    assert window.centre.currentWidget() is window.reading
    assert window.reading.marked_id == index.data(TargetRole)
    window.go_back()
    assert window.centre.currentWidget() is view and view.filter.text() == "universite"


def test_bibliography_filters_by_words_and_website(qtbot, make_window, corpus_store) -> None:
    window = make_window()
    window.navigate(location.BIBLIOGRAPHY)
    view = window.index_view(location.BIBLIOGRAPHY)
    assert view.proxy.rowCount() == 85
    sites = [view.site.itemText(i) for i in range(view.site.count())]
    assert sites[0] == "Tous les sites" and any(s.startswith("cairn.info (") for s in sites)
    save_artifact(window, "10-bibliography")
    assert view.choose_site("cairn.info")
    cairn = {view.proxy.index(r, REFERENCE).data() for r in range(view.proxy.rowCount())}
    assert cairn == {r.text for r in corpus_store.resources()
                     if any("cairn.info" in u for u in r.urls)}
    type_text(view.filter, "revue")
    both = [view.proxy.index(r, REFERENCE).data() for r in range(view.proxy.rowCount())]
    assert both and all("revue" in fold(text) for text in both) and set(both) <= cairn
    assert "références sur 85" in window.status.place.text()
    index = view.proxy.index(0, REFERENCE)
    view.table.activated.emit(index)
    assert window.reading.marked_id == index.data(ResourceRole)


def test_about_dialog_says_what_the_corpus_is_and_lists_licences(qtbot, make_window) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.about_dialog
    qtbot.waitExposed(dialog)
    about = dialog.about.toPlainText()
    for words in ("CNFPT", "Fing", "Riposte créative territoriale", "0.1.0"):
        assert words in about
    licences = dialog.licences.toPlainText()
    for words in ("LGPL v3", "ReportLab", "Whoosh", "sqlite-utils", "Apache 2.0", "pypdf",
                  "DejaVu", "Bitstream Vera", "EUPL"):
        assert words in licences
    save_artifact(dialog, "11-about")
    dialog.tabs.setCurrentIndex(1)
    save_artifact(dialog, "12-about-licences")
    dialog.close()


def test_help_examples_all_find_something(make_window) -> None:
    window = make_window()
    controller = window.context.search
    service = controller._service
    for example in HELP_EXAMPLES:
        assert service.search(example).total > 0, example
