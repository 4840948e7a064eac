"""Highlights: a span of the item's text, a colour from the palette, an optional note."""

from __future__ import annotations

import pytest
from user_testing import LEAD_03, LEAD_03_TEXT

from connecteur.store import PALETTE, UserInputError, UserStore


def test_add_recolour_annotate_delete_with_undo(user: UserStore) -> None:
    start = LEAD_03_TEXT.index("mémoire des expertises")
    mark = user.highlights.add(LEAD_03, start, start + len("mémoire des expertises"))
    assert (mark.start, mark.end, mark.quote, mark.colour) == (
        15, 37, "mémoire des expertises", "yellow")
    assert LEAD_03_TEXT[mark.start:mark.end] == mark.quote
    assert mark.prefix == "Problème de la "
    assert mark.suffix == " passées + transférabilité et"  # whole words only
    assert user.history.undo_text == "Annuler : surligner"

    assert user.highlights.set_colour(mark.id, "vert").colour == "green"  # French name
    assert user.highlights.set_note(mark.id, "à relier au cas Mulhouse").note == \
        "à relier au cas Mulhouse"
    assert user.undo() == "modifier la note du surlignage"
    assert user.highlights.get(mark.id).note == ""
    assert user.undo() == "changer la couleur du surlignage"
    assert user.highlights.get(mark.id).colour == "yellow"
    user.redo()
    user.redo()
    kept = user.highlights.get(mark.id)

    user.highlights.delete(mark.id)
    assert user.highlights.for_item(LEAD_03) == []
    user.undo()
    assert user.highlights.get(mark.id) == kept
    user.redo()
    assert user.highlights.all() == []


def test_for_item_is_in_text_order_and_selection_blanks_are_trimmed(user: UserStore) -> None:
    late = user.highlights.add_quote(LEAD_03, "La littérature existe", colour="bleu")
    text = LEAD_03_TEXT
    start = text.index("Problème")
    early = user.highlights.add(LEAD_03, start, start + len("Problème de ") + 1)  # "Problème de l"
    spaced = text.index(" transférabilité")
    trimmed = user.highlights.add(LEAD_03, spaced, spaced + len(" transférabilité "),
                                  colour="rose", note="**terme clé**")
    assert trimmed.quote == "transférabilité" and trimmed.start == spaced + 1
    assert [h.id for h in user.highlights.for_item(LEAD_03)] == [early.id, trimmed.id, late.id]


def test_palette_has_french_names() -> None:
    assert [c.label for c in PALETTE] == ["Jaune", "Vert", "Bleu", "Rose", "Orange"]
    assert all(c.hex.startswith("#") and len(c.hex) == 7 for c in PALETTE)


@pytest.mark.parametrize(("start", "end", "message"), [
    (10, 10, "Sélection invalide"), (-1, 5, "Sélection invalide"),
    (0, len(LEAD_03_TEXT) + 1, "compte 178 caractères"),
    (8, 9, "ne contient que des espaces"),
])
def test_bad_selection_is_refused(user: UserStore, start: int, end: int, message: str) -> None:
    assert len(LEAD_03_TEXT) == 178 and LEAD_03_TEXT[8] == " "
    with pytest.raises(UserInputError, match=message):
        user.highlights.add(LEAD_03, start, end)
    assert user.highlights.all() == []


def test_unknown_colour_and_missing_quote(user: UserStore) -> None:
    with pytest.raises(UserInputError, match="Couleurs possibles : jaune, vert, bleu, rose"):
        user.highlights.add(LEAD_03, 0, 8, colour="fuchsia")
    with pytest.raises(UserInputError, match="ne figure pas"):
        user.highlights.add_quote(LEAD_03, "télétravail")


def test_second_occurrence(user: UserStore) -> None:
    text = user.catalogue.require("2020-05-20/s1/lead/04").text
    second = text.index("numérique", text.index("numérique") + 1)
    mark = user.highlights.add_quote("2020-05-20/s1/lead/04", "numérique", occurrence=2)
    assert mark.start == second
