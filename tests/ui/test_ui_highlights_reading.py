"""Highlights from the reading pane: a selection of words is mapped to the item's
text, highlighted in a colour of the palette (menu « Surligner »), drawn in the
page, shown in the notes panel when clicked, removed, undone; readable in a dark
palette."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication
from ui_helpers import save_artifact, type_text
from user_ui_helpers import (
    LEAD_03,
    LEAD_03_TEXT,
    LEAD_04,
    action_named,
    context_menu,
    open_window,
    point_of,
    settle,
    user,
    written,
)

from connecteur.app.reading_document import render_session
from connecteur.app.text_map import ItemSpan
from connecteur.ui.reading import highlight_colours


def _select(window, words: str) -> QTextCursor:
    """Select ``words`` in the page as a reader would (first occurrence)."""
    cursor = window.reading.document().find(words)
    assert not cursor.isNull(), words
    window.reading.setTextCursor(cursor)
    return cursor


def test_the_selection_maps_to_the_items_text(qtbot, make_window, corpus_store) -> None:
    window = open_window(qtbot, make_window)
    window.navigate(LEAD_03)
    _select(window, "mémoire des expertises")
    start = LEAD_03_TEXT.index("mémoire des expertises")
    assert window.reading.selected_span() == ItemSpan(LEAD_03, start, start + 22)
    lead = next(ld for ld in corpus_store.sessions[0].leads if ld.items)  # with sub-bullets
    sub = lead.items[-1]
    window.navigate(lead.id)
    _select(window, sub[:30])
    offset = lead.text.index(sub)
    assert window.reading.selected_span() == ItemSpan(lead.id, offset, offset + 30)
    assert lead.text[offset:offset + 30] == sub[:30]
    # Over two items: no span (the menu says why).
    cursor = window.reading.document().find("exploitée")
    end = window.reading.document().find("Apparition dans l’urgence")
    cursor.setPosition(end.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    window.reading.setTextCursor(cursor)
    assert window.reading.selected_span() is None
    menu = context_menu(window, point_of(window, LEAD_03, 10))
    sub_menu = action_named(menu, "highlight-green").parent()
    assert not sub_menu.isEnabled() and "un seul élément" in sub_menu.title()


def test_highlight_from_the_context_menu_then_remove_and_undo(qtbot, make_window,
                                                             corpus_store) -> None:
    window = open_window(qtbot, make_window)
    window.navigate(LEAD_03)
    _select(window, "transférabilité et effectivité")
    start = LEAD_03_TEXT.index("transférabilité et effectivité")
    menu = context_menu(window, point_of(window, LEAD_03, start + 3))
    action_named(menu, "highlight-green").trigger()
    written(qtbot, window)
    [found] = user(window).highlights.for_item(LEAD_03)
    assert (found.start, found.end, found.colour) == (start, start + 30, "green")
    assert found.quote == "transférabilité et effectivité"
    settle(qtbot, window)
    cursor = QTextCursor(window.reading.document())
    cursor.setPosition(window.reading.text_map.position(LEAD_03, start + 5) + 1)
    expected = highlight_colours.background("green", window.reading.palette())
    assert cursor.charFormat().background().color().name() == expected.name()
    html = render_session(corpus_store.sessions[0],
                          decorations=window.reading_annotations.decorations(
                              corpus_store.sessions[0])).html
    assert '<span class="mark-green">transférabilité et effectivité</span>' in html
    # The notes panel shows the highlight (it was just made).
    assert window.commands.current_item == LEAD_03 and window.notes.focused == found.id
    assert "transférabilité et effectivité" in window.notes.view.toPlainText()
    assert not window.reading.textCursor().hasSelection()  # the page was repainted in place
    assert window.reading.verticalScrollBar().value() > 0
    save_artifact(window, "21-highlighted-lead")

    # A click on the highlight shows it; its own menu removes it.
    window.navigate(LEAD_04)
    point = point_of(window, LEAD_03, start + 4)
    qtbot.mouseClick(window.reading.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.commands.current_item == LEAD_03 and window.notes.focused == found.id
    assert window.reading.marked_id == LEAD_03
    menu = context_menu(window, point)
    action_named(menu, "remove-highlight").trigger()
    written(qtbot, window)
    assert user(window).highlights.for_item(LEAD_03) == []
    assert window.undo.undo.text() == "&Annuler : supprimer le surlignage"
    window.reading.setFocus()
    window.undo.undo.trigger()
    written(qtbot, window)
    assert [h.id for h in user(window).highlights.for_item(LEAD_03)] == [found.id]
    settle(qtbot, window)
    window.notes._colour_menu(found.id)  # the panel's "Couleur" link
    popup = QApplication.activePopupWidget()
    next(a for a in popup.actions() if a.text() == "Rose").trigger()
    popup.close()
    written(qtbot, window)
    assert user(window).highlights.get(found.id).colour == "pink"


def test_highlight_with_a_note(qtbot, make_window) -> None:
    window = open_window(qtbot, make_window)
    window.navigate(LEAD_03)
    _select(window, "La littérature existe")
    dialog = window.highlights.highlight_with_note("blue")
    assert dialog.isVisible() and "« La littérature existe »" in dialog.label.text()
    type_text(dialog.text, "À citer en ouverture — « évident » ?")
    with qtbot.waitSignal(dialog.destroyed, timeout=10_000):  # closed once saved
        dialog.save()
        written(qtbot, window)
    [found] = user(window).highlights.for_item(LEAD_03)
    assert (found.quote, found.colour, found.note) == (
        "La littérature existe", "blue", "À citer en ouverture — « évident » ?")
    window.navigate(LEAD_03)
    window.commands.choose(LEAD_03, found.id)
    assert "À citer en ouverture — « évident » ?" in window.notes.view.toPlainText()
    # Cancelling saves nothing.
    _select(window, "pourquoi")
    cancelled = window.highlights.highlight_with_note("yellow")
    cancelled.reject()
    assert len(user(window).highlights.for_item(LEAD_03)) == 1


def test_highlight_colours_stay_readable_in_a_dark_palette(qtbot, make_window) -> None:
    app = QApplication.instance()
    original = app.palette()
    dark = QPalette(original)
    for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                         (QPalette.ColorRole.Base, "#1e1e1e"),
                         (QPalette.ColorRole.Text, "#e8eaed"),
                         (QPalette.ColorRole.WindowText, "#e8eaed")):
        dark.setColor(role, QColor(colour))
    try:
        app.setPalette(dark)
        for key, back, fore in highlight_colours.marks(dark):
            assert highlight_colours.contrast(QColor(back), QColor(fore)) >= 4.5, key
            assert QColor(back).lightnessF() < 0.6, key  # not a glaring light patch
        window = open_window(qtbot, make_window)
        user(window).highlights.add_quote(LEAD_03, "mémoire des expertises", colour="yellow")
        window.navigate(LEAD_03)
        settle(qtbot, window)
        save_artifact(window, "22-highlight-dark-palette")
    finally:
        app.setPalette(original)
    for key, back, fore in highlight_colours.marks(original):
        assert highlight_colours.contrast(QColor(back), QColor(fore)) >= 4.5, key
