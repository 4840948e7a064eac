"""« Voir aussi » in the side panel (issue 15, point 10): for the current item, related
leads, field sites and resources of the other sessions, each with its session and a
one-line reason; asked of the search worker, never on the UI thread; following the
current item; a click opens one. On the real index of the real library."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import save_artifact
from user_ui_helpers import LEAD_03, open_window

from connecteur.corpus.ids import session_of
from connecteur.ui.search.results_model import HitRole, NoteRole, hit_place

# The issue's example: "est-ce qu'on apprend des crises précédentes ?" for "mémoire des
# expertises passées".
CRISES_PRECEDENTES = "2020-07-03/s1/field_site/05"


def _related(qtbot, window, item_id: str) -> list:
    panel = window.related
    qtbot.waitUntil(lambda: panel.shown_for == item_id, timeout=10_000)
    model = panel.model
    return [(model.index(r, 0).data(HitRole), model.index(r, 0).data(NoteRole))
            for r in range(model.rowCount())]


def test_related_items_of_other_sessions_with_their_reason(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)
    threads = []
    search = window.context.search
    real_call = search.call

    def call(work, **kwargs):  # records where each piece of work runs
        return real_call(lambda service: (threads.append(threading.current_thread()),
                                          work(service))[1], **kwargs)

    search.call = call
    window.show_panel(window.related)
    window.navigate(LEAD_03)
    rows = _related(qtbot, window, LEAD_03)
    assert threads and threading.main_thread() not in threads
    assert 3 <= len(rows) <= 8
    ids = [hit.target_id for hit, _note in rows]
    assert CRISES_PRECEDENTES in ids
    for hit, note in rows:
        assert hit.kind in ("lead", "field_site", "resource")
        assert session_of(hit.target_id) != session_of(LEAD_03)  # other sessions only
        assert note.startswith("En commun : ") and note == hit.reason
        assert hit_place(hit).endswith(f"session {hit.session}")  # with its session
    crises = next(note for hit, note in rows if hit.target_id == CRISES_PRECEDENTES)
    assert "mémoire" in crises
    assert window.related.heading.text() == "À partir de : 20 mai 2020, session 1, piste 03"
    save_artifact(window, "21-voir-aussi")
    # a click opens the item; the list then follows it
    row = ids.index(CRISES_PRECEDENTES)
    rect = window.related.list.visualRect(window.related.model.index(row, 0))
    qtbot.mouseClick(window.related.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert window.reading.marked_id == CRISES_PRECEDENTES
    assert window.side_panel.currentWidget() is window.related
    others = _related(qtbot, window, CRISES_PRECEDENTES)
    assert others and all(session_of(h.target_id) != "2020-07-03/s1" for h, _n in others)


def test_hidden_it_waits_and_choosing_in_the_text_keeps_it_in_view(qtbot,
                                                                   make_window) -> None:
    window = open_window(qtbot, make_window)
    asked = []
    search = window.context.search
    real_related = search.related
    search.related = lambda item_id, *a, **k: (asked.append(item_id),
                                               real_related(item_id, *a, **k))
    window.show_panel(window.notes)
    window.navigate(LEAD_03)
    window.navigate("2020-05-20/s2")
    assert asked == []  # not in view: nothing computed
    window.actions.go_related.trigger()  # Ctrl+7
    assert QApplication.focusWidget() is window.related.list
    _related(qtbot, window, "2020-05-20/s2")
    assert asked == ["2020-05-20/s2"]  # only the item current when it came into view
    # an item chosen in the text: the panel stays on « Voir aussi » and follows it
    window.commands.choose("2020-05-20/s2/lead/01")
    assert window.side_panel.currentWidget() is window.related
    rows = _related(qtbot, window, "2020-05-20/s2/lead/01")
    assert rows and all(session_of(h.target_id) != "2020-05-20/s2" for h, _n in rows)


def test_without_a_current_item_it_says_what_to_do(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)
    window.show_panel(window.related)
    window.commands.choose(None)
    qtbot.waitUntil(lambda: window.related.message.isVisible())
    assert "Choisissez un élément" in window.related.message.text()
    assert window.related.model.rowCount() == 0 and not window.related.heading.isVisible()
