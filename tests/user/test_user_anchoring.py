"""Re-attaching annotations when the corpus text changes: a correction inside a lead, a
sentence added, a lead removed (and put back). Each case builds a modified copy of the
real text into a database, as ``connecteur build`` does, and reopens the user data on it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from user_testing import (
    LEAD_03,
    LEAD_03_TEXT,
    LEAD_04,
    LEAD_04_START,
    remove_lead_03,
    replace_once,
)

from connecteur.store import CorpusStore, UserStore
from connecteur.store.user.anchoring import locate_quote, match_item, similarity

CorpusMaker = Callable[[Callable[[str], str]], CorpusStore]
RAW_LEAD_03_END = "des travaux de \nrecherche."  # the lead is cut here in the source text


# --- the matching functions on their own ----------------------------------------------------

def test_locate_quote_exact_moved_approximate_or_lost() -> None:
    text = "Le temps de la crise, puis le temps de la reprise, et le temps long."
    assert locate_quote(text, "temps", 3).method == "exact"
    # Three occurrences: the surrounding words decide, then nearness to the old place.
    found = locate_quote("Avant. " + text, "temps", 30, prefix="puis le ", suffix=" de la")
    assert (found.start, found.method) == (37, "moved")
    near = locate_quote(text, "temps", 50)
    assert near.start == text.rindex("temps")
    changed = text.replace("de la reprise", "de sa reprise")
    fuzzy = locate_quote(changed, "le temps de la reprise", 22)
    assert fuzzy.method == "approximate"
    assert changed[fuzzy.start:fuzzy.end] == "le temps de sa reprise"
    assert locate_quote(text, "télétravail des agents", 10) is None
    assert locate_quote(text, "xyz", 0) is None  # too short to guess


def test_match_item_prefers_same_text_then_shift_then_similarity() -> None:
    items = [("a/01", "Premier texte assez long pour comparer."),
             ("a/02", "Deuxième piste sur le télétravail des agents publics."),
             ("a/03", "Troisième piste sur la mémoire des crises passées.")]
    assert match_item(items, "a/02", items[1][1]).method == "same"
    shifted = match_item(items, "a/03", items[1][1])
    assert (shifted.item_id, shifted.method) == ("a/02", "moved")
    typo = match_item(items, "a/03", "Troisième piste sur la mémoire des crises passés.")
    assert (typo.item_id, typo.method) == ("a/03", "same")
    assert match_item(items, "a/04", "Un texte qui n'a rien à voir avec les autres.") is None
    assert similarity("abc", "abc") == 1.0 and similarity("", "abc") == 0.0


# --- the real corpus, changed ------------------------------------------------------------

def _annotate(user: UserStore) -> dict[str, str]:
    ids = {
        "before": user.highlights.add_quote(LEAD_03, "mémoire des expertises").id,
        "across": user.highlights.add_quote(LEAD_03, "travaux de recherche", colour="vert",
                                            note="à relier au cas Mulhouse").id,
        "after": user.highlights.add_quote(LEAD_03, "La littérature existe").id,
        "note": user.notes.add(LEAD_03, "question d'ouverture").id,
        "star": user.stars.star(LEAD_03).id,
        "tag": user.tags.add(LEAD_03, "mémoire").id,
        "next_note": user.notes.add(LEAD_04, "sur la piste suivante").id,
        "next_star": user.stars.star(LEAD_04).id,
        "next_mark": user.highlights.add_quote(LEAD_04, "grande échelle").id,
    }
    folder = user.folders.create("Crise")
    user.folders.add_items(folder.id, [LEAD_03, LEAD_04])
    user.folders.set_item_note("Crise", LEAD_03, "ouvrir la séance avec")
    return ids


def test_a_correction_inside_the_lead(user: UserStore, make_corpus: CorpusMaker,
                                      corpus_store: CorpusStore) -> None:
    ids = _annotate(user)
    user.close()
    fixed = make_corpus(replace_once(RAW_LEAD_03_END, "des travaux de la \nrecherche."))
    new_text = LEAD_03_TEXT.replace("travaux de recherche", "travaux de la recherche")
    with UserStore.open(fixed) as after:
        assert after.catalogue.require(LEAD_03).text == new_text
        before = after.highlights.get(ids["before"])
        assert (before.start, before.quote, before.orphan) == (15, "mémoire des expertises",
                                                               False)
        across = after.highlights.get(ids["across"])
        assert across.quote == "travaux de la recherche"  # approximate: the new words
        assert new_text[across.start:across.end] == across.quote
        assert across.note == "à relier au cas Mulhouse" and across.colour == "green"
        moved = after.highlights.get(ids["after"])
        assert moved.start == LEAD_03_TEXT.index("La littérature") + 3
        assert new_text[moved.start:moved.end] == "La littérature existe"
        note = after.notes.get(ids["note"])
        assert (note.item_id, note.item_text, note.orphan) == (LEAD_03, new_text, False)
        assert after.orphans() == []
        counts = after.startup.anchoring.counts
        assert (counts["approximate"], counts["moved"], counts["orphaned"]) == (1, 1, 0)
        assert "annotations rattachées au texte mis à jour" in after.startup.messages[0]


def test_a_typo_fixed_in_place(user: UserStore, make_corpus: CorpusMaker) -> None:
    resource = "2020-05-20/s1/resource/01"
    mark = user.highlights.add_quote(resource, "transferabilité des connaissances")
    user.close()
    fixed = make_corpus(replace_once("transferabilité", "transférabilité"))
    with UserStore.open(fixed) as after:
        moved = after.highlights.get(mark.id)
        assert (moved.start, moved.end) == (mark.start, mark.end)
        assert moved.quote == "transférabilité des connaissances" and not moved.orphan


def test_a_sentence_added(user: UserStore, make_corpus: CorpusMaker) -> None:
    ids = _annotate(user)
    user.close()
    added = "Une phrase ajoutée en tête de la piste. "
    longer = make_corpus(replace_once("→ Problème de la mémoire",
                                      "→ " + added + "Problème de la mémoire"))
    with UserStore.open(longer) as after:
        assert after.catalogue.require(LEAD_03).text == added + LEAD_03_TEXT
        for key, quote in (("before", "mémoire des expertises"),
                           ("across", "travaux de recherche"),
                           ("after", "La littérature existe")):
            mark = after.highlights.get(ids[key])
            assert mark.quote == quote and mark.start == LEAD_03_TEXT.index(quote) + len(added)
        assert after.notes.get(ids["note"]).item_id == LEAD_03
        assert after.stars.is_starred(LEAD_03) and after.orphans() == []


def test_a_lead_removed_makes_orphans_and_shifts_the_next_one(
        user: UserStore, make_corpus: CorpusMaker, corpus_store: CorpusStore) -> None:
    ids = _annotate(user)
    user.close()
    shorter = make_corpus(remove_lead_03)
    with UserStore.open(shorter) as after:
        # The old fourth lead is now the third: its annotations followed it.
        assert after.catalogue.require(LEAD_03).text.startswith(LEAD_04_START)
        assert after.notes.get(ids["next_note"]).item_id == LEAD_03
        assert after.stars.item_ids() == [LEAD_03]
        assert after.stars.get(ids["next_star"]).item_id == LEAD_03
        mark = after.highlights.get(ids["next_mark"])
        assert (mark.item_id, mark.quote) == (LEAD_03, "grande échelle")
        # The removed lead's annotations are orphans, kept with everything they said.
        orphans = {o.id: o for o in after.orphans()}
        expected = {ids[k] for k in ("before", "across", "after", "note", "star", "tag")}
        assert expected <= set(orphans)
        across = orphans[ids["across"]]
        assert (across.quote, across.text, across.item_text) == (
            "travaux de recherche", "à relier au cas Mulhouse", LEAD_03_TEXT)
        assert orphans[ids["note"]].text == "question d'ouverture"
        assert "Piste de réflexion 3" in orphans[ids["note"]].item_reference
        entry = next(o for o in orphans.values() if o.kind == "folder_item")
        assert (entry.text, entry.folder) == ("ouvrir la séance avec", "Crise")
        assert after.folders.item_ids("Crise") == [LEAD_03]  # the old fourth, now third
        assert after.notes.for_item(LEAD_03)[0].body == "sur la piste suivante"
        assert "orpheline" in after.startup.messages[0]
        markdown = after.export_markdown()
        assert "## Annotations orphelines" in markdown and "question d'ouverture" in markdown
    # The text comes back (say, a wrong update undone): the orphans find their lead again.
    with UserStore.open(corpus_store) as restored:
        assert restored.orphans() == []
        assert restored.notes.get(ids["note"]).item_id == LEAD_03
        assert restored.notes.get(ids["next_note"]).item_id == LEAD_04
        assert restored.stars.item_ids() == [LEAD_03, LEAD_04]
        assert restored.highlights.get(ids["across"]).quote == "travaux de recherche"
        assert restored.folders.item_ids("Crise") == [LEAD_03, LEAD_04]
        assert restored.folders.entries("Crise")[0].note == "ouvrir la séance avec"
        assert restored.startup.anchoring.counts["reattached"] >= 7


def test_switching_corpus_while_open(user: UserStore, make_corpus: CorpusMaker) -> None:
    note = user.notes.add(LEAD_04, "suit sa piste")
    heard = []
    user.subscribe(heard.append)
    report = user.use_corpus(make_corpus(remove_lead_03))
    assert [(e.id, e.old_item_id, e.new_item_id, e.method) for e in report.events] == [
        (note.id, LEAD_04, LEAD_03, "moved")]
    assert heard[-1].kind == "anchoring" and set(heard[-1].item_ids) == {LEAD_03, LEAD_04}
    assert not user.can_undo  # the history referred to the previous text


@pytest.mark.parametrize("kind", ["notes", "stars"])
def test_unchanged_text_changes_nothing(user: UserStore, corpus_store: CorpusStore,
                                        kind: str) -> None:
    if kind == "notes":
        user.notes.add(LEAD_03, "texte")
    else:
        user.stars.star(LEAD_03)
    user.close()
    with UserStore.open(corpus_store) as again:
        assert again.startup.anchoring is None  # same fingerprint: not even checked


def test_two_leads_merged_into_one_merge_their_stars_tags_and_folder_notes(
        user: UserStore, make_corpus: CorpusMaker) -> None:
    first, second = "2020-05-20/s1/lead/01", "2020-05-20/s1/lead/02"
    for item in (first, second):
        user.stars.star(item)
        user.tags.add(item, "gouvernance")
    folder = user.folders.create("Crise")
    user.folders.add_items(folder.id, [first, second, LEAD_03])
    user.folders.set_item_note("Crise", first, "pour commencer")
    user.folders.set_item_note("Crise", second, "puis enchaîner")
    mark = user.highlights.add_quote(second, "limitation des capacités locales")
    note = user.notes.add(LEAD_03, "suit sa piste")
    user.close()
    merged = make_corpus(replace_once("préparés.\n\n→ Problèmes de gouvernance",
                                      "préparés.\nProblèmes de gouvernance"))
    with UserStore.open(merged) as after:
        text = after.catalogue.require(first).text
        assert "Imaginer des scénarios" in text and "Problèmes de gouvernance" in text
        assert after.stars.item_ids() == [first]
        assert after.tags.item_ids("gouvernance") == [first]
        entries = after.folders.entries("Crise")
        assert [e.item_id for e in entries] == [first, second]  # the old third is now second
        assert entries[0].note == "pour commencer\n\npuis enchaîner"
        moved = after.highlights.get(mark.id)
        assert moved.item_id == first and text[moved.start:moved.end] == moved.quote
        assert after.notes.get(note.id).item_id == second
        assert after.orphans() == []
        assert after.startup.anchoring.counts["merged"] == 3  # a star, a tag, an entry
