"""Course folders ("Dossiers de formation")."""

from __future__ import annotations

import pytest
from user_testing import LEAD_03, LEAD_04

from connecteur.errors import NotFoundError
from connecteur.store import UserInputError, UserStore

NAME = "Manager en crise — session de mars"
RESOURCE = "2020-05-20/s1/resource/02"
SESSION = "2020-05-20/s1"


def test_create_rename_update_delete_with_undo(user: UserStore) -> None:
    folder = user.folders.create(NAME, title="Manager en temps de crise", audience="DGS",
                                 date="12/03/2026")
    assert (folder.name, folder.title, folder.audience, folder.date) == (
        NAME, "Manager en temps de crise", "DGS", "2026-03-12")
    user.folders.add_items(folder.id, [LEAD_03, LEAD_04])

    renamed = user.folders.rename(NAME, "Crise — mars")
    assert renamed.name == "Crise — mars" and user.folders.find("crise — MARS") == renamed
    updated = user.folders.update(renamed.id, audience="Cadres A", date="2026-04-02")
    assert (updated.audience, updated.date, updated.title) == (
        "Cadres A", "2026-04-02", "Manager en temps de crise")
    assert user.undo() == "modifier le dossier"
    assert user.folders.get(folder.id).audience == "DGS"
    assert user.undo() == "renommer le dossier"
    assert user.folders.get(folder.id).name == NAME

    entries = user.folders.entries(NAME)
    user.folders.delete(NAME)
    assert user.folders.list() == [] and user.history.undo_text == \
        "Annuler : supprimer le dossier"
    user.undo()  # the folder and all its entries come back as they were
    assert user.folders.get(folder.id).name == NAME
    assert user.folders.entries(NAME) == entries
    user.redo()
    assert user.folders.find(NAME) is None


def test_names_are_unique_regardless_of_case(user: UserStore) -> None:
    user.folders.create(NAME)
    with pytest.raises(UserInputError, match=f"Un dossier s'appelle déjà « {NAME} »"):
        user.folders.create("  manager en CRISE —   session de mars ")
    other = user.folders.create("Autre")
    with pytest.raises(UserInputError, match="déjà"):
        user.folders.rename(other.id, NAME.upper())
    with pytest.raises(UserInputError, match="Donnez un nom"):
        user.folders.create("   ")
    assert [f.name for f in user.folders.list()] == ["Autre", NAME]


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-03-12", "2026-03-12"), ("12/03/2026", "2026-03-12"), ("1.4.2026", "2026-04-01"),
    ("", None), (None, None)])
def test_dates(user: UserStore, value: str | None, expected: str | None) -> None:
    assert user.folders.create("D", date=value).date == expected


@pytest.mark.parametrize("value", ["31/02/2026", "demain", "2026-13-01"])
def test_bad_dates(user: UserStore, value: str) -> None:
    with pytest.raises(UserInputError, match="Date invalide"):
        user.folders.create("D", date=value)


def test_items_add_reorder_note_remove_with_undo(user: UserStore) -> None:
    folder = user.folders.create(NAME)
    added = user.folders.add_items(NAME, [LEAD_03, RESOURCE, LEAD_03])
    assert [e.item_id for e in added] == [LEAD_03, RESOURCE]
    assert user.folders.add_items(NAME, [RESOURCE]) == []  # already there
    user.folders.add_items(NAME, [SESSION], index=0)
    assert user.folders.item_ids(NAME) == [SESSION, LEAD_03, RESOURCE]
    assert user.folders.get(folder.id).size == 3

    user.folders.move_item(NAME, RESOURCE, 0)  # a drag and drop
    assert user.folders.item_ids(NAME) == [RESOURCE, SESSION, LEAD_03]
    assert user.history.undo_text == "Annuler : réordonner le dossier"
    user.undo()
    assert user.folders.item_ids(NAME) == [SESSION, LEAD_03, RESOURCE]
    user.folders.reorder(NAME, [LEAD_03, RESOURCE])
    assert user.folders.item_ids(NAME) == [LEAD_03, RESOURCE, SESSION]

    entry = user.folders.set_item_note(NAME, LEAD_03, "question d'ouverture")
    assert entry.note == "question d'ouverture"
    user.undo()
    assert user.folders.entries(NAME)[0].note == ""
    user.redo()

    assert user.folders.remove_items(NAME, [LEAD_03, SESSION]) == 2
    assert user.folders.item_ids(NAME) == [RESOURCE]
    assert user.history.undo_text == "Annuler : retirer 2 éléments du dossier"
    user.undo()
    restored = user.folders.entries(NAME)
    assert [e.item_id for e in restored] == [LEAD_03, RESOURCE, SESSION]
    assert restored[0].note == "question d'ouverture"
    assert [f.name for f in user.folders.folders_of(LEAD_03)] == [NAME]


def test_unknown_folder_and_item(user: UserStore) -> None:
    user.folders.create(NAME)
    with pytest.raises(NotFoundError, match="Aucun dossier ne s'appelle « Inconnu »") as info:
        user.folders.entries("Inconnu")
    assert NAME in info.value.hint
    with pytest.raises(NotFoundError, match="n'est pas dans ce dossier"):
        user.folders.set_item_note(NAME, LEAD_04, "x")
    with pytest.raises(NotFoundError, match="aucun élément"):
        user.folders.add_items(NAME, ["2020-05-20/s1/lead/99"])
    assert user.folders.item_ids(NAME) == []


def test_trainer_material_for_a_handout(user: UserStore) -> None:
    user.folders.create(NAME, title="Crise", audience="DGS", date="2026-03-12")
    user.folders.add_items(NAME, [LEAD_03, LEAD_04])
    user.folders.set_item_note(NAME, LEAD_04, "à relier au cas Mulhouse")
    user.notes.add(LEAD_03, "question d'ouverture")
    mark = user.highlights.add_quote(LEAD_03, "mémoire", colour="orange", note="clé")
    material = user.trainer_material(user.folders.item_ids(NAME), folder=NAME)
    assert material.notes == {LEAD_03: ("question d'ouverture",)}
    assert material.folder_notes == {LEAD_04: "à relier au cas Mulhouse"}
    (placed,) = material.highlights[LEAD_03]
    assert (placed.start, placed.end, placed.quote, placed.colour, placed.note) == (
        mark.start, mark.end, "mémoire", "orange", "clé")
