"""Searching from the window: typing, results, walking them, filters, suggestion,
and the states around them — on the real index of the real library."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import save_artifact, search_for

from connecteur.corpus.text import fold
from connecteur.search import SearchService
from connecteur.ui.search.controller import BUILDING, READY, SearchRequest
from connecteur.ui.search.results_model import HitRole


def _hits(panel) -> list:
    return [panel.model.index(r, 0).data(HitRole) for r in range(panel.model.rowCount())]


def test_results_appear_while_typing_and_open_in_context(qtbot, make_window,
                                                         corpus_store) -> None:
    window = make_window()
    panel = search_for(qtbot, window, "télétravail")
    assert window.left_stack.currentWidget() is panel
    hits = _hits(panel)
    assert panel.results.total == len(hits) == 13
    for hit in hits:
        assert "teletravail" in fold(hit.text + " " + hit.title)
        assert "<mark>" in hit.highlight
    assert "13 résultats" in panel.summary.text()
    assert panel.list.currentIndex().row() == 0
    save_artifact(window, "04-search-results")
    start = window.history.current
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    assert panel.list.currentIndex().row() == 2
    assert window.reading.marked_id == hits[2].target_id
    qtbot.keyClick(window.search_box, Qt.Key.Key_Up)
    assert window.reading.marked_id == hits[1].target_id
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reading)
    item = corpus_store.get(hits[1].target_id)
    assert item.text.split("\n")[0] in window.reading.toPlainText()
    assert window.navigation.currentIndex().isValid()  # the tree follows
    window.go_back()  # the walk through results counted as one step
    assert window.history.current == start


def test_a_click_opens_a_result(qtbot, make_window) -> None:
    window = make_window()
    panel = search_for(qtbot, window, "mulhouse")
    hits = _hits(panel)
    assert {h.kind for h in hits} == {"field_site", "speaker"}
    rect = panel.list.visualRect(panel.model.index(1, 0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reading.marked_id == hits[1].target_id
    assert "mulhouse" in fold(window.reading.toPlainText())


def test_kind_and_session_filters_with_counts(qtbot, make_window) -> None:
    window = make_window()
    panel = search_for(qtbot, window, "gestion de crise")
    facets = panel.results.facets
    kinds = {panel.kind_filter.itemData(i): panel.kind_filter.itemText(i)
             for i in range(panel.kind_filter.count())}
    assert kinds[""] == f"Tous les types ({sum(facets['kind'].values())})"
    assert kinds["lead"] == f"Pistes de réflexion ({facets['kind']['lead']})"
    serial = panel.results
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("lead"))
    qtbot.waitUntil(lambda: panel.results is not serial)
    assert {h.kind for h in _hits(panel)} == {"lead"}
    assert panel.results.total == facets["kind"]["lead"]
    assert panel.kind_filter.findData("resource") >= 0  # other kinds stay choosable
    session_id = "2020-07-03/s2"
    count = panel.results.facets["session"][session_id]
    before = panel.results
    panel.session_filter.setCurrentIndex(panel.session_filter.findData(session_id))
    qtbot.waitUntil(lambda: panel.results is not before)
    assert {h.session_id for h in _hits(panel)} == {session_id}
    assert {h.kind for h in _hits(panel)} == {"lead"} and panel.results.total == count
    save_artifact(window, "05-search-filtered")
    before = panel.results
    panel.clear_filters()
    qtbot.waitUntil(lambda: panel.results is not before)
    assert panel.results.total == sum(facets["kind"].values())


def test_did_you_mean_is_offered_and_clickable(qtbot, make_window) -> None:
    window = make_window()
    panel = search_for(qtbot, window, "telettravail")
    assert panel.results.total == 0
    assert panel.suggestion.isVisible()
    assert "Vouliez-vous dire" in panel.suggestion.text() and "télétravail" in \
        panel.suggestion.text()
    assert "Aucun résultat pour « telettravail »" in panel.message.text()
    save_artifact(window, "06-search-no-result-suggestion")
    panel.suggestion.linkActivated.emit("query:télétravail")
    qtbot.waitUntil(lambda: panel.results.query == "télétravail")
    assert window.search_box.text() == "télétravail" and panel.results.total == 13


def test_empty_and_no_result_states_help(qtbot, make_window) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_box
    panel = window.search_panel
    assert window.left_stack.currentWidget() is panel
    assert "Chercher dans les sept sessions" in panel.message.text()
    save_artifact(window, "07-search-empty-state")
    window.reading.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_box
    panel.message.linkActivated.emit("query:gestion de crise")
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.total > 0)
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("speaker"))
    window.search_box.setText("zzzzqqq")
    panel.run_now()
    qtbot.waitUntil(lambda: panel.results.query == "zzzzqqq")
    assert "Aucun résultat" in panel.message.text() and "retirer les filtres" in \
        panel.message.text()
    panel.message.linkActivated.emit("action:clear-filters")
    assert panel.kinds() is None
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.search_box.text() == "" and window.left_stack.currentWidget() is \
        window.navigation


def test_only_the_latest_request_is_answered(qtbot, make_window) -> None:
    window = make_window()
    controller = window.context.search
    answers = []
    controller.answered.connect(lambda request, results: answers.append(results.query))
    for query in ("c", "cr", "cri", "cris", "crise"):
        controller.submit(SearchRequest(query, channel="test"))
    with qtbot.waitSignal(controller.answered, timeout=10_000,
                          check_params_cb=lambda _request, results: results.query == "crise"):
        pass
    assert answers[-1] == "crise" and len(answers) <= 2  # the first, maybe; then the last


def test_an_outdated_answer_is_never_shown(qtbot, make_window, monkeypatch) -> None:
    """The answer to "crise", still being computed when "télétravail" was typed, arrives
    after it was asked for: it must be dropped, never shown, even for a moment."""
    window = make_window()
    controller, panel = window.context.search, window.search_panel
    entered, release = threading.Event(), threading.Event()
    real = SearchService.search

    def slow_for_crise(self, query, **options):
        if query == "crise":
            entered.set()
            release.wait(10)
        return real(self, query, **options)

    monkeypatch.setattr(SearchService, "search", slow_for_crise)
    answers, shown = [], []
    controller.answered.connect(lambda _request, results: answers.append(results.query))
    panel.model.modelReset.connect(lambda: shown.append(panel.results.query
                                                        if panel.results else None))
    window.search_box.setText("crise")
    panel.run_now()
    qtbot.waitUntil(entered.is_set)  # "crise" is being computed in the worker
    window.search_box.setText("télétravail")
    panel.run_now()
    release.set()
    qtbot.waitUntil(lambda: panel.results is not None and
                    panel.results.query == "télétravail", timeout=10_000)
    assert answers == ["télétravail"]
    assert "crise" not in shown and panel.results.total > 0


def test_search_waits_for_the_index_being_built(qtbot, make_window, tmp_path) -> None:
    window = make_window(index_dir=tmp_path / "fresh-index", wait_index=False)
    seen = []
    window.context.search.status_changed.connect(
        lambda status: seen.append((status.state, window.status.index_state.text())))
    panel = window.search_panel
    window.search_box.setText("crise")
    panel.run_now()
    qtbot.waitUntil(lambda: panel.results is not None, timeout=30_000)
    assert panel.results.total > 0
    assert (BUILDING, "Index en cours de reconstruction…") in seen
    assert seen[-1] == (READY, "Recherche prête")
    assert "n'existe pas" in window.context.search.status.message


def test_more_results_load_when_scrolling_to_the_end(qtbot, make_window) -> None:
    window = make_window()
    panel = search_for(qtbot, window, "crise")
    total = panel.results.total
    assert total > 60 and panel.model.rowCount() == 30
    for expected in (60, 90):
        panel.list.scrollToBottom()
        qtbot.waitUntil(lambda n=expected: panel.model.rowCount() >= n, timeout=10_000)
    ids = [hit.id for hit in _hits(panel)]
    assert len(ids) == len(set(ids)) == 90
    assert "90" not in panel.summary.text() and str(total) in panel.summary.text()


def test_leaving_an_empty_box_brings_the_contents_back(qtbot, make_window) -> None:
    window = make_window()
    window.activateWindow()
    window.focus_search()
    assert window.left_stack.currentWidget() is window.search_panel
    window.reading.setFocus()
    qtbot.waitUntil(lambda: window.left_stack.currentWidget() is window.navigation)
    window.focus_search()
    window.search_box.setText("crise")
    window.reading.setFocus()
    QApplication.processEvents()  # the check runs just after the focus left
    QApplication.processEvents()
    assert window.left_stack.currentWidget() is window.search_panel  # results stay
