"""A search that explains itself (issue 15, points 3 and 5): hits found only through
their context say where, exact forms are marked more strongly than stems, and an
active filter can never be missed — a removable chip, and a "no result" that says
what the filter hides. On the real index of the real library."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import save_artifact, search_for

from connecteur.ui.search.result_delegate import hit_html
from connecteur.ui.search.results_model import HitRole, NoteRole


def _rows(panel) -> list[tuple]:
    model = panel.model
    return [(model.index(r, 0).data(HitRole), model.index(r, 0).data(NoteRole))
            for r in range(model.rowCount())]


def test_hits_found_through_their_session_or_theme_say_so(qtbot, make_window) -> None:
    window = make_window()
    panel = search_for(qtbot, window, '"gestion de crise"')
    rows = _rows(panel)
    while panel.model.canFetchMore(panel.model.index(-1, 0)):  # all 29, not only a page
        count = panel.model.rowCount()
        panel.model.fetchMore(panel.model.index(-1, 0))
        qtbot.waitUntil(lambda count=count: panel.model.rowCount() > count, timeout=10_000)
    rows = _rows(panel)
    assert len(rows) == panel.results.total
    matches = [hit.match for hit, _note in rows]
    first_context = matches.index("context")
    assert first_context > 0 and set(matches[first_context:]) == {"context"}
    for hit, note in rows[:first_context]:  # the item's own text (or title) holds it
        assert note == ""
        assert "<mark>" in hit.highlight or hit.matched_in == ("title",)
    by_session = [note for hit, note in rows[first_context:]
                  if hit.matched_in == ("session_title",)]
    assert by_session and set(by_session) == {"Trouvé dans la session « La gestion de crise »"}
    by_theme = [(hit, note) for hit, note in rows[first_context:]
                if hit.matched_in == ("theme",)]
    assert by_theme
    for hit, note in by_theme:
        assert note.startswith("Trouvé dans le thème « ") and "crise" in note
        assert note.removeprefix("Trouvé dans le thème « ").rstrip(" »…")[:30] in hit.title
    # the line is painted under the excerpt, in the delegate's HTML
    hit, note = rows[first_context]
    assert "La gestion de crise" in hit_html(hit, panel.palette(), False, note)
    panel.list.scrollTo(panel.model.index(first_context, 0))
    save_artifact(window, "15-search-context-hits")


def test_exact_forms_are_marked_more_strongly_than_stems(qtbot, make_window) -> None:
    window = make_window()
    panel = search_for(qtbot, window, "gouvernance")
    hits = [hit for hit, _note in _rows(panel)]
    stem = next(h for h in hits if '<mark class="stem">' in h.highlight)
    exact = next(h for h in hits if "<mark>" in h.highlight)
    assert "gouvernement" in stem.highlight.lower()  # the same stem, another word
    for selected in (False, True):  # bold for the word typed, never for a stem
        stem_html = hit_html(stem, panel.palette(), selected)
        marks = stem_html.split('<span style="text-decoration:underline;">')[1:]
        assert marks and all("font-weight" not in m.split("</span>")[0] for m in marks)
        exact_html = hit_html(exact, panel.palette(), selected)
        assert '<span style="font-weight:700;' in exact_html
    panel.list.scrollTo(panel.model.index(hits.index(stem), 0))
    save_artifact(panel, "18-search-exact-and-stem-marks")


def test_an_active_filter_is_a_removable_chip_and_says_what_it_hides(qtbot,
                                                                     make_window) -> None:
    """The issue's scenario: choose "Ressources", clear the box, search
    « décentralisation »: the filter is in sight and says what it hides."""
    window = make_window()
    panel = search_for(qtbot, window, "gestion de crise")
    assert not panel.chips.isVisible()
    before = panel.results
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("resource"))
    qtbot.waitUntil(lambda: panel.results is not before)
    chip = panel.chips.chips["kind"]
    assert panel.chips.isVisible() and chip.text().startswith("Ressources")
    assert chip.accessibleName() == "Retirer le filtre « Ressources »"
    qtbot.keyClick(window.search_box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Delete)
    assert window.search_box.text() == ""
    assert panel.chips.isVisible(), "the filter stays in sight with an empty box"
    panel = search_for(qtbot, window, "décentralisation")
    assert panel.results.total == 0 and panel.results.hidden["kind"] == 3
    assert panel.stack.currentWidget() is panel.message
    message = panel.message.text()
    assert "Aucun résultat pour « décentralisation »" in message
    assert ("3 résultats masqués par le filtre Ressources — "
            '<a href="action:clear-filters">tout afficher</a>') in message
    assert panel.chips.isVisible() and "kind" in panel.chips.chips
    save_artifact(window, "16-search-filter-chip-no-result")
    before = panel.results
    panel.message.linkActivated.emit("action:clear-filters")
    qtbot.waitUntil(lambda: panel.results is not before)
    assert panel.results.total == 3 and not panel.results.hidden
    assert not panel.chips.isVisible()


def test_results_say_how_many_more_a_filter_hides_and_a_chip_removes_it(qtbot,
                                                                        make_window) -> None:
    window = make_window()
    panel = search_for(qtbot, window, "télétravail")
    total = panel.results.total
    before = panel.results
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("lead"))
    qtbot.waitUntil(lambda: panel.results is not before)
    shown, hidden = panel.results.total, panel.results.hidden["all"]
    assert 0 < shown < total and shown + hidden == total
    summary = panel.summary.text()
    assert f"<b>{shown} résultats</b>" in summary
    assert f"{hidden} autres masqués par le filtre Pistes de réflexion" in summary
    session = next(iter(panel.results.facets["session"]))  # one with leads on it
    date, number = session.split("/s")
    before = panel.results
    panel.session_filter.setCurrentIndex(panel.session_filter.findData(session))
    qtbot.waitUntil(lambda: panel.results is not before)
    assert set(panel.chips.chips) == {"kind", "session"}
    assert panel.chips.chips["session"].text().startswith(f"{int(date[-2:])} ")
    assert f"les filtres Pistes de réflexion et {panel.active_filters()[1][1]}" in \
        panel.summary.text()
    assert panel.active_filters()[1][1].endswith(f", session {number}")
    save_artifact(window, "17-search-two-filter-chips")
    before = panel.results
    chip = panel.chips.chips["session"]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.results is not before)
    assert set(panel.chips.chips) == {"kind"} and panel.session_filter.currentIndex() == 0
    assert panel.results.total == shown
    chip = panel.chips.chips["kind"]
    chip.setFocus()
    before = panel.results
    qtbot.keyClick(chip, Qt.Key.Key_Space)  # the keyboard removes it too
    qtbot.waitUntil(lambda: panel.results is not before)
    assert panel.results.total == total and not panel.chips.isVisible()
    assert QApplication.focusWidget() is not None
