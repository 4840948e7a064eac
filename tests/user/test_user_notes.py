"""Notes: create, edit, delete, undo/redo, on every kind of item, kept exactly as typed."""

from __future__ import annotations

import pytest
from user_testing import LEAD_03, LEAD_03_TEXT

from connecteur.errors import ConnecteurError, NotFoundError
from connecteur.store import CorpusStore, UserInputError, UserStore

NASTY = ('<script>alert("x")</script> & « guillemets » "doubles" \'simples\' 😀🎓 '
         "**gras** - liste\n\n- un\n- deux\r\nfin\u00a0; \\échappé\\ `code` [lien](https://a.fr)")


def test_add_edit_delete_with_undo_redo(user: UserStore) -> None:
    note = user.notes.add(LEAD_03, "question d'ouverture")
    assert note.item_id == LEAD_03 and note.body == "question d'ouverture"
    assert note.item_kind == "lead" and note.item_text == LEAD_03_TEXT
    assert note.item_reference == ("Connecteur Recherche, 20 mai 2020, session 1 — La gestion "
                                   "de crise › Piste de réflexion 3")
    assert [n.id for n in user.notes.for_item(LEAD_03)] == [note.id]
    assert user.history.undo_text == "Annuler : ajouter une note"

    edited = user.notes.edit(note.id, "à relier au cas Mulhouse")
    assert edited.body == "à relier au cas Mulhouse" and edited.created == note.created
    assert user.undo() == "modifier la note"
    assert user.notes.get(note.id).body == "question d'ouverture"
    assert user.notes.get(note.id).modified == note.modified  # undo restores exactly
    assert user.redo() == "modifier la note"
    assert user.notes.get(note.id).body == "à relier au cas Mulhouse"

    user.notes.delete(note.id)
    assert user.notes.for_item(LEAD_03) == []
    assert user.history.undo_text == "Annuler : supprimer la note"
    user.undo()
    assert user.notes.get(note.id) == edited  # same ID, dates and text: nothing lost
    user.redo()
    with pytest.raises(NotFoundError, match="n'existe plus"):
        user.notes.get(note.id)
    user.undo()
    user.undo()  # the edit
    user.undo()  # the creation
    assert user.notes.all() == [] and not user.can_undo
    assert user.history.redo_text == "Rétablir : ajouter une note"
    user.redo()
    assert user.notes.get(note.id).body == "question d'ouverture"


def test_unchanged_edit_records_nothing(user: UserStore) -> None:
    note = user.notes.add(LEAD_03, "même texte")
    user.notes.edit(note.id, "même texte")
    assert user.history.undo_label == "ajouter une note"


def test_notes_on_every_kind_in_writing_order(user: UserStore,
                                              corpus_store: CorpusStore) -> None:
    session = corpus_store.sessions[0]
    targets = [session.id, session.leads[0].id, session.field_sites[0].id,
               session.resources[0].id, session.speakers[0].id]
    for target in targets:
        user.notes.add(target, f"note sur {target}")
        user.notes.add(target, "seconde note")
    for target in targets:
        assert [n.body for n in user.notes.for_item(target)] == [f"note sur {target}",
                                                                  "seconde note"]
    assert {n.item_kind for n in user.notes.all()} == {"session", "lead", "field_site",
                                                        "resource", "speaker"}
    speaker = session.speakers[0]
    assert user.notes.for_item(speaker.id)[0].item_reference.endswith(
        f"› Intervenant·e : {speaker.name}")


def test_connecteur_links_are_accepted(user: UserStore) -> None:
    note = user.notes.add(f"connecteur://{LEAD_03}", "par lien")
    assert note.item_id == LEAD_03


@pytest.mark.parametrize(("item_id", "message"), [
    ("2020-05-20/s1/theme/01", "intertitre"),
    ("2020-05-20", "intertitre ou une journée"),
    ("2020-05-20/s1/lead/99", "aucun élément ne porte cet identifiant"),
    ("n'importe quoi", "identifiant mal formé"),
])
def test_items_that_cannot_carry_a_note(user: UserStore, item_id: str, message: str) -> None:
    with pytest.raises(ConnecteurError, match=message):
        user.notes.add(item_id, "texte")
    assert user.notes.all() == [] and not user.can_undo


@pytest.mark.parametrize("body", ["", "   \n\t "])
def test_empty_note_is_refused(user: UserStore, body: str) -> None:
    with pytest.raises(UserInputError, match="La note est vide"):
        user.notes.add(LEAD_03, body)
    note = user.notes.add(LEAD_03, "texte")
    with pytest.raises(UserInputError, match="La note est vide"):
        user.notes.edit(note.id, body)
    assert user.notes.get(note.id).body == "texte"


def test_awkward_text_is_stored_exactly(user: UserStore, corpus_store: CorpusStore) -> None:
    big = (NASTY + "\n") * (100_000 // (len(NASTY) + 1) + 1)
    big = big[:100_000]
    assert len(big) == 100_000
    small = user.notes.add(LEAD_03, NASTY)
    large = user.notes.add(LEAD_03, big)
    user.close()
    reopened = UserStore.open(corpus_store)  # read back from the file, not a cache
    try:
        assert reopened.notes.get(small.id).body == NASTY
        assert reopened.notes.get(large.id).body == big
    finally:
        reopened.close()


def test_absurdly_long_note_is_refused_with_a_french_message(user: UserStore) -> None:
    with pytest.raises(UserInputError, match="dépasse la longueur permise"):
        user.notes.add(LEAD_03, "x" * 1_000_001)


def test_move_attaches_a_note_elsewhere_and_undoes(user: UserStore) -> None:
    note = user.notes.add(LEAD_03, "mal rangée")
    moved = user.notes.move(note.id, "2020-05-20/s1/lead/04")
    assert moved.item_id == "2020-05-20/s1/lead/04" and moved.item_text.startswith("Apparition")
    user.undo()
    back = user.notes.get(note.id)
    assert back.item_id == LEAD_03 and back.item_text == LEAD_03_TEXT
