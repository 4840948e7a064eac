"""The map from the reading pane's document to the items' ``.text``: every character
of every item of the seven real sessions is found where the page shows it, so a
selection becomes exact offsets; HTML's collapsed blanks are absorbed."""

from __future__ import annotations

import pytest

from connecteur.app.place import Place
from connecteur.app.reading_document import Segment
from connecteur.app.text_map import ItemSpan, TextMap, align
from connecteur.corpus import Session
from connecteur.ui.reading.reading_pane import ReadingPane
from connecteur.ui.shell.context import ApplicationContext

pytestmark = pytest.mark.usefixtures("qapp")


def test_align_absorbs_collapsed_blanks_and_refuses_what_is_missing() -> None:
    assert align("deux mots", "xx deux mots yy", 0) == list(range(3, 12))
    positions = align("a  b\nc", "a b c", 0)  # HTML collapsed "  " and turned "\n" to " "
    assert positions == [0, 1, 1, 2, 3, 4]
    assert align("absent", "autre chose", 0) is None
    assert align("mots", "mots puis mots", 5) == list(range(10, 14))
    found = TextMap.build([Segment("a", 0, "un deux"), Segment("b", 0, "trois")],
                          "un deux\u2029trois")
    assert found.span(3, 7) == ItemSpan("a", 3, 7)
    assert found.span(3, 11) is None  # over two items
    assert found.items_in(0, 13) == ["a", "b"] and found.at(7) is None


def _drawn(kind: str, text: str, i: int) -> bool:
    """Whether the page shows ``text[i]`` as such: blanks may be collapsed, a
    sub-bullet's "- " is drawn as a bullet, a speaker's brackets as a dash."""
    if text[i].isspace():
        return False
    if text[i] == "-" and i > 0 and text[i - 1] == "\n":
        return False
    return not (kind == "speaker" and text[i] in "()")


def _items(session: Session) -> list:
    return [session, *session.leads, *session.field_sites, *session.resources,
            *session.speakers]


def test_every_character_of_the_real_sessions_maps_back(corpus_store) -> None:
    pane = ReadingPane(ApplicationContext(corpus_store))
    checked = 0
    for session in corpus_store.sessions:
        assert pane.show_place(Place.parse(session.id))
        raw = pane.document().toRawText()
        text_map = pane.text_map
        assert text_map.missing == []
        for item in _items(session):
            text = item.title if item.kind == "session" else item.text
            shown = [i for i, char in enumerate(text) if _drawn(item.kind, text, i)]
            for offset in shown:
                position = text_map.position(item.id, offset)
                assert raw[position] == text[offset], (item.id, offset)
                assert text_map.at(position) == (item.id, offset)
                checked += 1
            first, last = (text_map.position(item.id, i) for i in (shown[0], shown[-1]))
            assert text_map.span(first, last + 1) == ItemSpan(item.id, shown[0], shown[-1] + 1)
    assert checked > 40_000  # the drawn characters of the seven sessions
