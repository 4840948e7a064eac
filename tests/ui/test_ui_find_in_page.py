"""The search words in the reading pane after opening a result (issue 15, point 4):
every occurrence highlighted, F3 / Maj+F3 to the next / previous one, Échap to clear,
like a browser's find bar; the form typed marked more strongly than words that only
share its stem (« capacité » for « capacitant »). On the real index and library."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import save_artifact, type_text

from connecteur.corpus.text import fold
from connecteur.ui.reading.find_in_page import occurrence_formats


def _open_first_result(qtbot, window, text: str) -> str:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.search_box.setFocus()
    window.search_box.clear()
    type_text(window.search_box, text)
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.query == text,
                    timeout=10_000)
    target = panel.results.hits[0].target_id
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    find = window.find_in_page
    qtbot.waitUntil(lambda: find.active and not find.pending and bool(find.occurrences),
                    timeout=10_000)
    return target


def _words(window) -> list[str]:
    text = window.reading.document().toRawText()
    return [text[o.start:o.end] for o in window.find_in_page.occurrences]


def _search_marks(window) -> list:
    """The extra selections painted for the words (the marked item's are not)."""
    formats = occurrence_formats(window.reading.palette())
    colours = {f.background().color().name(): kind for kind, f in formats.items()}
    return [(colours[s.format.background().color().name()], s.cursor.selectedText())
            for s in window.reading.extraSelections()
            if s.format.background().color().name() in colours
            and s.cursor.hasSelection() and len(s.cursor.selectedText()) < 40]


def test_words_are_highlighted_after_opening_a_result(qtbot, make_window) -> None:
    window = make_window()
    target = _open_first_result(qtbot, window, "capacitant")
    find = window.find_in_page
    assert window.reading.page_key == "2020-07-03/s3"
    occurrences = find.occurrences
    exact = [o for o in occurrences if o.exact]
    stem = [o for o in occurrences if not o.exact]
    assert len(exact) == 2 and len(stem) == 3  # counted in the page's items' texts
    words = _words(window)
    assert all(fold(w).startswith("capacitant")
               for w, o in zip(words, occurrences, strict=True) if o.exact)
    assert {fold(w).rstrip("s") for w, o in zip(words, occurrences, strict=True)
            if not o.exact} <= {"capacite", "capacitation"}
    current = occurrences[find.current]
    assert current.item_id == target  # the first occurrence in the result opened
    assert find.bar.isVisible()
    assert find.bar.count.text() == f"{find.current + 1} / 5"
    marks = _search_marks(window)
    assert sorted(kind for kind, _text in marks) == ["current", "exact", "stem", "stem", "stem"]
    formats = occurrence_formats(window.reading.palette())
    # an exact form stands out more from the page than a stem-only match
    base = window.reading.palette().base().color()
    def distance(kind: str) -> int:
        colour = formats[kind].background().color()
        return sum(abs(a - b) for a, b in zip(colour.getRgb()[:3], base.getRgb()[:3],
                                              strict=True))
    assert distance("exact") > distance("stem") > 0
    assert formats["stem"].underlineStyle() != formats["exact"].underlineStyle()
    save_artifact(window, "19-find-in-page")
    while find.occurrences[find.current].item_id != "2020-07-03/s3/lead/15":
        find.previous()  # (to the exact form just above a stem-only match)
    save_artifact(window.reading, "19b-find-in-page-exact-and-stem")


def test_f3_walks_the_occurrences_and_escape_clears_them(qtbot, make_window) -> None:
    window = make_window()
    _open_first_result(qtbot, window, "numérique")
    find = window.find_in_page
    total = len(find.occurrences)
    assert window.reading.page_key == "2020-05-20/s4" and total == 19
    assert QApplication.focusWidget() is window.reading
    start = find.current
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    assert find.current == (start + 1) % total
    assert find.bar.count.text() == f"{(start + 1) % total + 1} / {total}"
    for _ in range(total):  # round the page, and back where it started
        qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    assert find.current == (start + 1) % total
    qtbot.keyClick(window.reading, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.reading, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert find.current == (start - 1) % total
    # the current occurrence is scrolled into view
    last = find.occurrences[-1]
    while find.occurrences[find.current] != last:
        qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    cursor = window.reading.textCursor()
    cursor.setPosition(last.start)
    assert window.reading.viewport().rect().contains(window.reading.cursorRect(cursor))
    qtbot.keyClick(window.reading, Qt.Key.Key_Escape)
    assert not find.active and not find.bar.isVisible() and _search_marks(window) == []
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)  # brings them back
    qtbot.waitUntil(lambda: find.active and len(find.occurrences) == total)
    assert len(_search_marks(window)) == total


def test_the_marks_survive_a_repaint_and_follow_the_pages(qtbot, make_window) -> None:
    window = make_window()
    _open_first_result(qtbot, window, "numérique")
    find = window.find_in_page
    before = [(o.item_id, o.exact) for o in find.occurrences]
    current = find.occurrences[find.current]
    calls = []
    window.context.search.match_spans = lambda *a, **k: calls.append(a)  # cached: not asked
    window.reading.refresh()  # (a star, a note, the palette: the page is rebuilt)
    assert [(o.item_id, o.exact) for o in find.occurrences] == before and calls == []
    assert find.occurrences[find.current].item_id == current.item_id
    assert len(_search_marks(window)) == len(before)
    del window.context.search.match_spans
    window.navigate("2020-05-20/s1")  # another page: its own occurrences
    qtbot.waitUntil(lambda: not find.pending and bool(find.occurrences)
                    and find.occurrences[0].item_id.startswith("2020-05-20/s1/"))
    assert len(find.occurrences) == 9 and find.bar.isVisible()
    window.navigate("2020-07-03/s2")
    qtbot.waitUntil(lambda: not find.pending and len(find.occurrences) == 3)
    window.search_box.setFocus()
    window.search_box.clear()
    type_text(window.search_box, "territoire")
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.results is not None and panel.results.query == "territoire")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)  # walking the results shows them too
    qtbot.waitUntil(lambda: find.query == "territoire" and not find.pending
                    and bool(find.occurrences))
    assert all(fold(w).startswith("territoire") for w in _words(window))


def test_no_bar_when_the_page_holds_none_of_the_words_until_f3_asks(qtbot,
                                                                    make_window) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    find = window.find_in_page
    window.navigate("2020-05-20/s1")
    find.show_words("type:terrain", "2020-05-20/s1/field_site/01")  # filters, no words
    qtbot.waitUntil(lambda: not find.pending)
    assert find.active and find.occurrences == [] and not find.bar.isVisible()
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    assert find.bar.isVisible() and find.bar.count.text() == "aucune occurrence ici"
    assert not find.bar.next.isEnabled()
    qtbot.keyClick(window.reading, Qt.Key.Key_Escape)
    assert not find.bar.isVisible() and not find.active
