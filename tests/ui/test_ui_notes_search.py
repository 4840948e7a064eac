"""Notes written in the window become searchable, and stop being found once deleted;
the search index follows the user database without a rebuild."""

from __future__ import annotations

from pathlib import Path

from user_ui_helpers import LEAD_03, open_window, user

from connecteur.store import UserStore


def _found(window, word: str) -> list[str]:
    service = window.context.search._service
    return [hit.id for hit in service.search(word, kinds=["note"]).hits]


def test_notes_follow_into_the_index(qtbot, make_window, corpus_store, tmp_path: Path) -> None:
    # A note written before the window opens (an import, another installation).
    with UserStore.open(corpus_store) as before:
        early = before.notes.add(LEAD_03, "penser au cas xylophone de Mulhouse")
    window = open_window(qtbot, make_window, index_dir=tmp_path / "index")
    qtbot.waitUntil(lambda: _found(window, "xylophone") == [early.id], timeout=10_000)

    note = user(window).notes.add(LEAD_03, "question d'ouverture zanzibar", origin=window)
    qtbot.waitUntil(lambda: _found(window, "zanzibar") == [note.id], timeout=10_000)
    hit = window.context.search._service.search("zanzibar").hits[0]
    assert (hit.kind, hit.target_id) == ("note", LEAD_03)

    user(window).notes.delete(note.id, origin=window)
    qtbot.waitUntil(lambda: _found(window, "zanzibar") == [], timeout=10_000)
    user(window).undo()
    qtbot.waitUntil(lambda: _found(window, "zanzibar") == [note.id], timeout=10_000)
