"""Stars ("Mes favoris", Ctrl+D) and free tags."""

from __future__ import annotations

import pytest
from user_testing import LEAD_03, LEAD_04

from connecteur.store import CorpusStore, UserInputError, UserStore

SESSION = "2020-05-20/s1"
RESOURCE = "2020-05-20/s1/resource/02"


def test_star_toggle_and_undo(user: UserStore) -> None:
    assert user.stars.toggle(LEAD_04) is True
    assert user.stars.is_starred(LEAD_04)
    assert user.history.undo_text == "Annuler : ajouter aux favoris"
    assert user.stars.toggle(LEAD_04) is False
    assert not user.stars.is_starred(LEAD_04)
    assert user.history.undo_text == "Annuler : retirer des favoris"
    user.undo()
    assert user.stars.is_starred(LEAD_04)
    user.undo()
    assert not user.stars.is_starred(LEAD_04) and not user.can_undo
    user.redo()
    assert user.stars.is_starred(LEAD_04)


def test_starring_twice_keeps_one_star(user: UserStore) -> None:
    first = user.stars.star(LEAD_03)
    again = user.stars.star(LEAD_03)
    assert again == first and len(user.stars.list()) == 1
    assert user.history.undo_label == "ajouter aux favoris"
    user.undo()
    assert user.stars.list() == []


def test_favourites_in_reading_order_or_most_recent_first(user: UserStore,
                                                          corpus_store: CorpusStore) -> None:
    late_session = corpus_store.sessions[-1].id
    for item in (RESOURCE, late_session, LEAD_03, SESSION):
        user.stars.star(item)
    assert user.stars.item_ids() == [SESSION, LEAD_03, RESOURCE, late_session]
    assert user.stars.item_ids(order="recent") == [SESSION, LEAD_03, late_session, RESOURCE]


def test_tags_add_remove_rename_with_undo(user: UserStore) -> None:
    user.tags.add(LEAD_03, "  #Crise   sanitaire ")
    user.tags.add(LEAD_04, "crise SANITAIRE")  # the same tag, whatever the case
    user.tags.add(LEAD_04, "Numérique")
    user.tags.add(LEAD_04, "numérique")  # already there: nothing recorded
    assert user.tags.for_item(LEAD_03) == ["Crise sanitaire"]
    assert user.tags.for_item(LEAD_04) == ["crise SANITAIRE", "Numérique"]
    assert [(t.tag, t.count) for t in user.tags.all()] == [("Crise sanitaire", 2),
                                                           ("Numérique", 1)]
    assert user.tags.item_ids("crise sanitaire") == [LEAD_03, LEAD_04]
    assert user.history.undo_text == "Annuler : ajouter l'étiquette « Numérique »"

    assert user.tags.rename("crise sanitaire", "numérique") == 2  # merged into the other
    assert user.tags.for_item(LEAD_03) == ["numérique"]
    assert user.tags.for_item(LEAD_04) == ["Numérique"]
    assert user.undo() == "renommer l'étiquette « Crise sanitaire »"
    assert user.tags.for_item(LEAD_04) == ["crise SANITAIRE", "Numérique"]

    assert user.tags.rename("crise sanitaire", "Crise Sanitaire") == 2  # only the case
    assert user.tags.for_item(LEAD_03) == ["Crise Sanitaire"]
    assert user.tags.for_item(LEAD_04) == ["Crise Sanitaire", "Numérique"]
    user.undo()

    user.tags.remove(LEAD_03, "CRISE SANITAIRE")
    assert user.tags.for_item(LEAD_03) == []
    user.undo()
    assert user.tags.for_item(LEAD_03) == ["Crise sanitaire"]


@pytest.mark.parametrize("tag", ["", "  ", "#", "x" * 201])
def test_bad_tags_are_refused(user: UserStore, tag: str) -> None:
    with pytest.raises(UserInputError, match="étiquette"):
        user.tags.add(LEAD_03, tag)


def test_annotations_for_an_item_in_one_call(user: UserStore) -> None:
    note = user.notes.add(LEAD_03, "note")
    mark = user.highlights.add_quote(LEAD_03, "mémoire")
    user.stars.star(LEAD_03)
    user.tags.add(LEAD_03, "mémoire")
    found = user.annotations_for([LEAD_03, LEAD_04])
    assert found[LEAD_03].notes == (note,) and found[LEAD_03].highlights == (mark,)
    assert found[LEAD_03].starred and found[LEAD_03].tags == ("mémoire",)
    assert found[LEAD_04].notes == () and not found[LEAD_04].starred
