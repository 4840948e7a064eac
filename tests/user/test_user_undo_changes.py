"""The undo stack (pure Python) and the change notifications (what changed, who did it)."""

from __future__ import annotations

import logging

import pytest
from user_testing import LEAD_03, LEAD_04

from connecteur.errors import ConnecteurError
from connecteur.store import Change, Command, CorpusStore, UndoStack, UserStore


class Append(Command):
    def __init__(self, log: list[str], value: str) -> None:
        self.log, self.value, self.label = log, value, f"ajouter {value}"

    def do(self) -> None:
        self.log.append(self.value)

    def undo(self) -> None:
        self.log.remove(self.value)


def test_undo_stack_on_its_own() -> None:
    log: list[str] = []
    stack = UndoStack(limit=2)
    changes: list[None] = []
    stack.subscribe(lambda: changes.append(None))
    assert (stack.can_undo, stack.undo_text, stack.redo_text) == (False, "Annuler", "Rétablir")
    for value in "abc":
        stack.push(Append(log, value))
    assert log == ["a", "b", "c"] and stack.undo_text == "Annuler : ajouter c"
    assert stack.undo().label == "ajouter c" and log == ["a", "b"]
    assert stack.redo_text == "Rétablir : ajouter c"
    stack.undo()
    assert stack.undo() is None and log == ["a"]  # the limit kept two steps
    stack.redo()
    stack.push(Append(log, "d"))  # a new action forgets what could be redone
    assert not stack.can_redo and log == ["a", "b", "d"]
    assert len(changes) == 7  # three pushes, two undos, a redo, a push


def test_a_command_that_cannot_be_undone_leaves_the_stack() -> None:
    class Fails(Append):
        def undo(self) -> None:
            raise ConnecteurError("la note a été supprimée entre-temps.")

    stack = UndoStack()
    stack.push(Fails([], "x"))
    with pytest.raises(ConnecteurError, match="Impossible d'annuler « ajouter x » : la note"):
        stack.undo()
    assert not stack.can_undo and not stack.can_redo


def test_every_change_is_announced_with_its_origin(user: UserStore) -> None:
    seen: list[Change] = []
    unsubscribe = user.subscribe(seen.append)
    panel = object()
    note = user.notes.add(LEAD_03, "note", origin=panel)
    user.stars.star(LEAD_04)
    folder = user.folders.create("Dossier")
    entries = user.folders.add_items(folder.id, [LEAD_03])
    user.undo(origin="menu")
    user.redo()
    assert [(c.kind, c.action, c.reason) for c in seen] == [
        ("note", "added", "edit"), ("star", "added", "edit"), ("folder", "added", "edit"),
        ("folder_item", "added", "edit"), ("folder_item", "removed", "undo"),
        ("folder_item", "added", "redo")]
    assert seen[0].origin is panel and seen[0].ids == (note.id,)
    assert seen[0].item_ids == (LEAD_03,) and seen[1].origin is None
    assert seen[3].folder_ids == (folder.id,) and seen[3].ids == (entries[0].id,)
    assert seen[4].origin == "menu"
    unsubscribe()
    user.notes.delete(note.id)
    assert len(seen) == 6


def test_a_failing_listener_does_not_undo_a_save(user: UserStore,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    heard: list[Change] = []

    def broken(change: Change) -> None:
        raise RuntimeError("vue cassée")

    user.subscribe(broken)
    user.subscribe(heard.append)
    with caplog.at_level(logging.ERROR):
        note = user.notes.add(LEAD_03, "sauvée quand même")
    assert user.notes.get(note.id).body == "sauvée quand même"
    assert len(heard) == 1 and "vue cassée" in caplog.text


def test_a_change_made_in_another_window_is_noticed(user: UserStore,
                                                    corpus_store: CorpusStore) -> None:
    heard: list[Change] = []
    user.subscribe(heard.append)
    assert user.check_external_changes() is False
    user.notes.add(LEAD_03, "ma propre note")
    assert user.check_external_changes() is False  # our own commit is not news
    other = UserStore.open(corpus_store)
    try:
        other.notes.add(LEAD_04, "écrite dans l'autre fenêtre")
    finally:
        other.close()
    assert user.check_external_changes() is True
    assert heard[-1].kind == "external" and heard[-1].reason == "external"
    assert [n.body for n in user.notes.for_item(LEAD_04)] == ["écrite dans l'autre fenêtre"]
    assert user.check_external_changes() is False


def test_undo_after_the_other_window_deleted_the_note(user: UserStore,
                                                      corpus_store: CorpusStore) -> None:
    note = user.notes.add(LEAD_03, "texte")
    user.notes.edit(note.id, "texte modifié")
    other = UserStore.open(corpus_store)
    try:
        other.notes.delete(note.id)
    finally:
        other.close()
    with pytest.raises(ConnecteurError, match="Impossible d'annuler « modifier la note »"):
        user.undo()
    assert user.history.undo_label == "ajouter une note"
