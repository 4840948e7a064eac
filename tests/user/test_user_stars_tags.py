"""Stars ("Mes favoris", Ctrl+D) and free tags."""

from __future__ import annotations

import pytest
from user_testing import LEAD_03, LEAD_04

from connecteur.errors import NotFoundError
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


# --- issue 15: the tag browser, renaming and merging, tags in exports -------------------

RESOURCE_04 = "2020-07-03/s3/resource/04"


def test_merge_tags_in_one_undoable_step(user: UserStore) -> None:
    user.tags.add(LEAD_03, "crise")
    user.tags.add(LEAD_03, "Crise sanitaire")   # two of the merged tags on one item
    user.tags.add(LEAD_04, "urgence")
    user.tags.add(RESOURCE, "à trier")
    heard = []
    user.subscribe(heard.append)
    assert user.tags.merge(["crise sanitaire", "URGENCE", "crise"], "Crise") == 2
    assert user.tags.for_item(LEAD_03) == ["crise"]  # it had the tag: kept as it was
    assert user.tags.for_item(LEAD_04) == ["Crise"]
    assert [(t.tag, t.count) for t in user.tags.all()] == [("à trier", 1), ("Crise", 2)]
    assert user.history.undo_text == ("Annuler : fusionner « Crise sanitaire », « urgence » "
                                      "dans « Crise »")
    assert {(c.kind, c.action) for c in heard} == {("tag", "removed"), ("tag", "added")}
    assert LEAD_04 in {i for c in heard for i in c.item_ids}
    user.undo()
    assert user.tags.for_item(LEAD_03) == ["crise", "Crise sanitaire"]
    assert user.tags.for_item(LEAD_04) == ["urgence"]
    user.redo()
    assert user.tags.item_ids("crise") == [LEAD_03, LEAD_04]


def test_merging_nothing_is_refused(user: UserStore) -> None:
    user.tags.add(LEAD_03, "crise")
    with pytest.raises(NotFoundError, match="fusionner"):
        user.tags.merge(["licorne"], "crise")
    with pytest.raises(NotFoundError, match="fusionner"):
        user.tags.merge(["crise"], "CRISE")  # into itself: nothing to do
    assert not user.history.undo_label.startswith("fusionner")


def test_tag_browser_counts_items_in_french_order(user: UserStore) -> None:
    for item, tag in ((LEAD_03, "formation"), (LEAD_04, "Écoute"), (RESOURCE, "écoute"),
                      (SESSION, "dossier"), (LEAD_03, "zèbre")):
        user.tags.add(item, tag)
    assert [(t.tag, t.count) for t in user.tags.all()] == [
        ("dossier", 1), ("Écoute", 2), ("formation", 1), ("zèbre", 1)]


def test_tags_reach_the_trainer_edition_and_the_exports(user: UserStore) -> None:
    user.tags.add(LEAD_03, "ouverture")
    user.tags.add(LEAD_03, "Amorce")
    user.tags.add(RESOURCE, "ouverture")   # an item with nothing but a tag
    material = user.trainer_material([LEAD_03, LEAD_04, RESOURCE])
    assert material.tags == {LEAD_03: ("Amorce", "ouverture"), RESOURCE: ("ouverture",)}
    records = user.export_document()["tags"]
    assert {(r["item_id"], r["tag"]) for r in records} == {
        (LEAD_03, "ouverture"), (LEAD_03, "Amorce"), (RESOURCE, "ouverture")}
    markdown = user.export_markdown()
    section = markdown[markdown.index("## Par étiquette"):]
    assert section.index("### Amorce (1 élément)") < section.index("### ouverture (2 éléments)")
    opening = section[section.index("### ouverture"):]
    assert opening.index(f"connecteur://{LEAD_03}") < opening.index(f"connecteur://{RESOURCE}")
    assert "étiquettes : ouverture, Amorce" in markdown  # and under the item itself
