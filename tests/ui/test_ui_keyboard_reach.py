"""Every lead, field site, resource and speaker can be reached and acted on from the
keyboard: the table of contents goes down to the items, and the reading pane moves
from item to item (J / K, Alt+↓ / Alt+↑) with a visible mark the commands follow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import save_artifact
from user_ui_helpers import SESSION_1, open_window, user, written

from connecteur.ui.reading.navigation_model import LocationRole, NodeKindRole

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _focus(qtbot, widget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _marked_text(window) -> str:
    selections = window.reading.extraSelections()
    return selections[0].cursor.selectedText() if selections else ""


def test_j_and_k_walk_the_items_and_the_commands_follow(qtbot, make_window,
                                                         corpus_store) -> None:
    window = open_window(qtbot, make_window, url=SESSION_1)
    session = corpus_store.get(SESSION_1)
    reading = window.reading
    _focus(qtbot, reading)
    order = reading.item_ids()
    assert order[:len(session.leads)] == [lead.id for lead in session.leads]
    assert {*order} == {i.id for i in (*session.leads, *session.field_sites,
                                       *session.resources, *session.speakers)}
    assert reading.marked_id is None and window.commands.target() == SESSION_1

    qtbot.keyClick(reading, Qt.Key.Key_J)  # nothing marked: the first item on screen
    assert reading.marked_id == order[0] == window.commands.target()
    assert session.leads[0].body[:30] in _marked_text(window)  # the mark is drawn
    qtbot.keyClick(reading, Qt.Key.Key_J)
    qtbot.keyClick(reading, Qt.Key.Key_Down, ALT)
    assert reading.marked_id == order[2]
    qtbot.keyClick(reading, Qt.Key.Key_K)
    assert reading.marked_id == order[1] == window.current_location
    assert window.navigation.currentIndex().data(LocationRole) == order[1]  # the tree too
    assert window.status.place.text().startswith("Piste de réflexion — Session 1")
    qtbot.keyClick(reading, Qt.Key.Key_D, CTRL)
    written(qtbot, window)
    assert user(window).stars.item_ids() == [order[1]]  # the marked lead, not the session
    assert window.status.currentMessage() == \
        "Ajouté aux favoris : 20 mai 2020, session 1, piste 02"

    for _ in range(len(session.leads) - 1):  # on to the field sites, kept in view
        qtbot.keyClick(reading, Qt.Key.Key_J)
    site = session.field_sites[0]
    assert reading.marked_id == site.id
    top, bottom = reading._item_rect(site.id)
    bar = reading.verticalScrollBar()
    assert bar.value() <= top and bottom <= bar.value() + reading.viewport().height()
    save_artifact(window, "keyboard-01-marked-with-j")
    window.go_back()  # the walk with J / K counts as one step of history
    assert window.current_location == SESSION_1

    qtbot.keyClick(reading, Qt.Key.Key_End, CTRL)
    assert bar.value() == bar.maximum() > 0
    qtbot.keyClick(reading, Qt.Key.Key_Home, CTRL)
    assert bar.value() == 0
    qtbot.keyClick(reading, Qt.Key.Key_J)  # the mark was scrolled away: from the top
    assert reading.marked_id == order[0]
    qtbot.keyClick(reading, Qt.Key.Key_Up, ALT)  # before the first: stays
    assert reading.marked_id == order[0]


def test_the_tree_reaches_every_kind_of_item_with_the_keyboard(qtbot, make_window,
                                                               corpus_store) -> None:
    window = open_window(qtbot, make_window, url=SESSION_1)
    session = corpus_store.get(SESSION_1)
    tree = window.navigation
    qtbot.keyClick(window.reading, Qt.Key.Key_1, CTRL)  # "Aller au sommaire"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)
    assert tree.currentIndex().data(LocationRole) == SESSION_1
    reached: dict[str, str] = {}
    for _ in range(200):  # walk down with → (open) and ↓, as a keyboard user does
        qtbot.keyClick(tree, Qt.Key.Key_Right)
        qtbot.keyClick(tree, Qt.Key.Key_Down)
        index = tree.currentIndex()
        kind = index.data(NodeKindRole)
        if kind in ("lead", "field_site", "resource", "speaker"):
            reached.setdefault(kind, index.data(LocationRole))
            assert window.reading.marked_id == index.data(LocationRole)
        if len(reached) == 4 or index.data(LocationRole) == "2020-05-20/s2":
            break
    assert reached == {"lead": session.leads[0].id, "field_site": session.field_sites[0].id,
                       "resource": session.resources[0].id,
                       "speaker": session.speakers[0].id}
    speaker = tree.currentIndex()
    assert speaker.data() == session.speakers[0].name
    qtbot.keyClick(tree, Qt.Key.Key_D, CTRL)
    written(qtbot, window)
    assert user(window).stars.item_ids() == [session.speakers[0].id]
    tree.scrollTo(tree.model().index_for_place(window.current_place))
    save_artifact(window, "keyboard-02-tree-with-items")
