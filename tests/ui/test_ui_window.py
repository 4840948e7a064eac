"""The main window on the real library: browsing, reading, links, copying, zoom,
history and settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionTab
from ui_helpers import save_artifact

from connecteur.app import place as location
from connecteur.app.place import Place
from connecteur.corpus import parse_text
from connecteur.corpus.reference import session_reference
from connecteur.store import CorpusStore, build_database
from connecteur.ui.reading.navigation_model import LocationRole, NodeKindRole
from connecteur.ui.shell import settings


def _plain(window) -> str:
    return window.reading.toPlainText()


def _tree_index(window, where: str):
    index = window.navigation.nav_model.index_for_place(Place.parse(where))
    assert index.isValid(), where
    return index


def _click_tree(qtbot, window, where: str) -> None:
    index = _tree_index(window, where)
    window.navigation.scrollTo(index)
    rect = window.navigation.visualRect(index)
    assert rect.isValid()
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())


def test_opens_on_the_first_session_with_the_library_on_the_left(make_window,
                                                                   corpus_store) -> None:
    window = make_window()
    first = corpus_store.sessions[0]
    assert window.reading.page_key == first.id
    assert first.title in _plain(window) and first.leads[0].body in _plain(window)
    top = window.navigation.nav_model
    labels = [top.index(r, 0).data() for r in range(top.rowCount())]
    assert labels == ["Présentation", "20 mai 2020", "3 juillet 2020",
                      "Index des intervenant·e·s", "Bibliographie"]
    assert window.navigation.isExpanded(top.index(1, 0))  # the seven sessions are visible
    assert window.status.place.text() == "Session 1 — La gestion de crise · 20 mai 2020"
    assert window.windowTitle().startswith("Session 1 — La gestion de crise")
    save_artifact(window, "01-library")


def test_every_session_is_reached_from_the_tree(qtbot, make_window, corpus_store) -> None:
    window = make_window()
    for session in corpus_store.sessions:
        _click_tree(qtbot, window, session.id)
        assert window.reading.page_key == session.id
        text = _plain(window)
        assert session.title in text
        for item in (*session.leads, *session.field_sites, *session.resources):
            assert item.text.split("\n")[0] in text
        for speaker in session.speakers:
            assert speaker.name in text
        anchors = window.reading.anchors
        assert {i.id for i in (*session.leads, *session.speakers)} <= set(anchors)
        assert window.navigation.currentIndex().data(LocationRole) == session.id
    assert window.current_location == corpus_store.sessions[-1].id


def test_a_theme_or_section_scrolls_to_it_and_marks_items(qtbot, make_window,
                                                          corpus_store) -> None:
    window = make_window()
    session = corpus_store.sessions[6]  # the one with parts
    _click_tree(qtbot, window, session.id)
    window.navigation.expandAll()
    theme = session.themes[8]
    _click_tree(qtbot, window, theme.id)
    assert window.reading.marked_id == theme.id
    assert window.reading.verticalScrollBar().value() > 0
    lead = next(ld for ld in session.leads if ld.items)
    assert window.navigate(lead.id)
    assert window.reading.marked_id == lead.id
    selections = window.reading.extraSelections()
    cursor = selections[0].cursor
    assert lead.body[:40] in cursor.selectedText()
    assert lead.items[-1] in cursor.selectedText()  # the sub-bullets belong to the lead
    assert session.field_sites[0].body[:20] not in cursor.selectedText()
    row = window.navigation.currentIndex()  # the tree goes down to the lead itself
    assert row.data(LocationRole) == lead.id and row.parent().data(LocationRole) == lead.theme_id
    _click_tree(qtbot, window, f"{session.id}#speakers")
    assert window.reading.marked_id is None  # a section is scrolled to, not marked
    save_artifact(window, "02-session-marked-item")


def test_unknown_locations_say_so_and_change_nothing(make_window) -> None:
    window = make_window()
    before = window.current_location
    assert not window.navigate("2020-05-20/s9/lead/99")
    assert not window.navigate("du texte au hasard")
    assert window.current_location == before
    assert "Introuvable" in window.status.currentMessage()


def test_internal_links_navigate_and_web_links_need_a_click(qtbot, make_window,
                                                          corpus_store) -> None:
    window = make_window()
    window.navigate("2020-05-20")
    window.reading.anchorClicked.emit(QUrl("connecteur://2020-05-20/s3"))
    assert window.reading.page_key == "2020-05-20/s3"
    resource = next(r for r in corpus_store.sessions[0].resources if r.urls)
    window.navigate(resource.id)
    browser = window.context.links.browser
    assert browser.opened == []  # showing a page opens nothing by itself
    position = window.reading.document().find(resource.urls[0]).selectionStart()
    cursor = QTextCursor(window.reading.document())
    cursor.setPosition(position + 3)
    point = window.reading.cursorRect(cursor).center()
    qtbot.mouseClick(window.reading.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: browser.opened == [resource.urls[0]])


def test_links_other_than_http_and_https_are_refused(make_window) -> None:
    window = make_window()
    browser = window.context.links.browser
    for url in ("file:///etc/passwd", "javascript:alert(1)", "mailto:x@example.org",
                "ftp://example.org/file"):
        window.reading.anchorClicked.emit(QUrl(url))
        assert "Lien refusé" in window.status.currentMessage()
    assert browser.opened == []
    window.reading.anchorClicked.emit(QUrl("https://fing.org/"))
    assert browser.opened == ["https://fing.org/"]


def test_markup_in_the_corpus_is_shown_as_text(make_window, tmp_path: Path,
                                               repo_root: Path) -> None:
    text = (repo_root / "resources" / "connecteur-recherche-2020.txt").read_text("utf-8")
    original = "Crise Covid"
    assert original in text
    hostile = 'Crise <b>Covid</b> <a href="javascript:alert(1)">clic</a> <img src=x>'

    db = tmp_path / "hostile.db"
    library = parse_text(text.replace(original, hostile, 1))
    build_database(library, text, db)
    store = CorpusStore.open(db)
    lead = store.sessions[0].leads[0]
    assert "<b>Covid</b>" in lead.text
    window = make_window(store, index_dir=tmp_path / "index")
    window.navigate(lead.id)
    assert hostile in _plain(window)
    assert _hrefs(window) and all(h.startswith("http") for h in _hrefs(window))
    save_artifact(window, "03-markup-shown-literally")


def _hrefs(window) -> list[str]:
    found = []
    block = window.reading.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor() and fmt.anchorHref():
                found.append(fmt.anchorHref())
            it += 1
        block = block.next()
    return found


def test_copy_an_item_with_its_reference(qtbot, make_window, corpus_store) -> None:
    window = make_window()
    session = corpus_store.sessions[0]
    lead = next(ld for ld in session.leads if ld.items)
    window.navigate(lead.id)
    window.activateWindow()
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    expected = f"{lead.text}\n\n{session_reference(session)}"
    assert QGuiApplication.clipboard().text() == expected
    assert expected.endswith("Connecteur Recherche, 20 mai 2020, session 1 — La gestion de crise")
    speaker = session.speakers[0]
    rect = window.reading.cursorRect(_cursor_at(window, speaker.id))
    assert window.reading.item_at(rect.center()) == speaker.id
    window.reading.copy_link(speaker.id)
    assert QGuiApplication.clipboard().text() == f"connecteur://{speaker.id}"


def _cursor_at(window, anchor: str) -> QTextCursor:
    cursor = QTextCursor(window.reading.document())
    cursor.setPosition(window.reading.anchors[anchor] + 1)
    return cursor


def test_back_and_forward_with_keys_and_mouse_buttons(qtbot, make_window,
                                                      corpus_store) -> None:
    window = make_window()
    s1, s2, s3 = (s.id for s in corpus_store.sessions[:3])
    lead = corpus_store.sessions[2].leads[2].id
    for where in (s2, lead):
        window.navigate(where)
    assert [window.current_location, window.reading.page_key] == [lead, s3]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.reading, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.reading.page_key == s2
    qtbot.mouseClick(window.reading.viewport(), Qt.MouseButton.BackButton, pos=QPoint(50, 50))
    assert window.reading.page_key == s1 and not window.actions.back.isEnabled()
    qtbot.keyClick(window.reading, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.reading.page_key == s2
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.ForwardButton,
                     pos=QPoint(20, 20))
    assert window.current_location == lead and window.reading.marked_id == lead
    assert not window.actions.forward.isEnabled()


def test_zoom_with_keys_reflows_the_text(qtbot, make_window) -> None:
    window = make_window()
    reading = window.reading
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    size = reading.font().pointSizeF()
    height = reading.document().size().height()
    for _ in range(3):
        qtbot.keyClick(reading, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert reading.zoom == 3 and reading.font().pointSizeF() > size * 1.3
    assert reading.document().size().height() > height * 1.2  # more lines, not wider ones
    assert reading.horizontalScrollBar().maximum() == 0
    assert window.context.settings.get(settings.ZOOM) == 3
    qtbot.keyClick(reading, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert reading.zoom == 2
    qtbot.keyClick(reading, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert reading.zoom == 0 and abs(reading.font().pointSizeF() - size) < 0.01


def test_settings_are_restored_by_the_next_window(qtbot, make_window, corpus_store) -> None:
    first = make_window(size=(780, 560))  # the offscreen screen is 800 × 600
    lead = corpus_store.sessions[3].leads[4].id
    first.navigate(lead)
    first.reading.set_zoom(2)
    first.splitter.setSizes([340, 660, 0])
    sizes = first.splitter.sizes()
    first.close()
    assert Path(first.context.settings.path).is_file()
    second = make_window(size=None)
    assert second.current_location == lead and second.reading.marked_id == lead
    assert second.reading.zoom == 2
    assert (second.size().width(), second.size().height()) == (780, 560)
    assert second.splitter.sizes() == sizes


def test_start_on_a_connecteur_link(make_window, corpus_store) -> None:
    lead = corpus_store.sessions[1].leads[3]
    window = make_window(url=f"connecteur://{lead.id}")
    assert window.reading.marked_id == lead.id
    window = make_window(url="connecteur://2020-13-40/s1")
    assert window.reading.page_key == corpus_store.sessions[0].id


def test_tab_order_follows_the_layout(qtbot, make_window) -> None:
    window = make_window()
    window.activateWindow()
    window.search_box.setFocus()
    order = [window.search_box]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[:3] == [window.search_box, window.navigation, window.reading]
    for widget in (window.search_box, window.navigation, window.reading):
        assert widget.accessibleName()
    assert _ring(window.reading).isVisible() and not _ring(window.navigation).isVisible()
    qtbot.keyClick(window.reading, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.navigation
    assert _ring(window.navigation).isVisible() and not _ring(window.reading).isVisible()
    save_artifact(window, "15-keyboard-focus-on-tree")


def _ring(widget):
    from connecteur.ui.common.focus_ring import FocusRing

    return widget.findChild(FocusRing)


def test_event_and_presentation_pages(make_window, corpus_store) -> None:
    window = make_window()
    window.navigate(location.HOME)
    assert "CNFPT" in _plain(window) and "Fing" in _plain(window)
    window.navigate(corpus_store.events[1].id)
    text = _plain(window)
    assert all(s.title in text for s in corpus_store.events[1].sessions)
    assert _tree_index(window, corpus_store.events[1].id).data(NodeKindRole) == "event"
    window.actions.next_session.trigger()
    assert window.reading.page_key == corpus_store.events[1].sessions[0].id
    window.actions.previous_session.trigger()
    assert window.reading.page_key == corpus_store.events[0].sessions[-1].id


def test_the_side_panel_holds_the_trainers_panels_and_f9_toggles_it(qtbot, make_window) -> None:
    window = make_window()
    assert window.side_panel.isVisible() and window.actions.side_panel.isChecked()
    assert [window.side_panel.widget(i).objectName() for i in range(window.side_panel.count())] \
        == ["notes-panel", "favorites-panel", "folders-panel", "tags-panel", "related-panel"]
    tabs = window.side_panel.tabBar()  # the five names fit: no scroll arrows hide one
    assert sum(tabs.tabSizeHint(i).width() for i in range(tabs.count())) \
        <= window.side_panel.width()
    option = QStyleOptionTab()
    tabs.initStyleOption(option, 3)  # « Étiquettes »: the accent is not cut off
    text_box = tabs.style().subElementRect(QStyle.SubElement.SE_TabBarTabText, option, tabs)
    assert text_box.height() > tabs.fontMetrics().height()
    window.actions.side_panel.trigger()
    assert not window.side_panel.isVisible()
    window.actions.side_panel.trigger()
    assert window.side_panel.isVisible()
