"""Search that explains itself (issue 15): the forms typed first, then stem-only
matches, then matches through context only; each hit says where and how it matched,
exact forms are marked more strongly than stems, and filters say what they hide.

Expected answers come from the library text (folded regular expressions), not from
the search itself.
"""

from __future__ import annotations

import re

import pytest
from search_helpers import searchable_items

from connecteur.corpus.text import fold
from connecteur.search import SearchService
from connecteur.store import CorpusStore

ORDER = {"exact": 0, "stem": 1, "context": 2}
PHRASE = re.compile(r"\bgestion\W+(?:(?:de|la|des|du)\W+)*crises?\b")


def own_texts(store: CorpusStore, without_session_titles: bool = False) -> dict[str, str]:
    """Folded own text of every indexed item (a session's title counts as its own)."""
    texts = {item_id: fold(text) for item_id, _, text in searchable_items(store)}
    if without_session_titles:
        for session in store.sessions:
            texts[session.id] = fold(session.introduction)
    return texts


def ranked(service: SearchService, query: str, **options):
    results = service.search(query, page_size=200, **options)
    assert results.total == len(results.hits)
    return results.hits


# --- ranking: the forms typed, then stems, then context --------------------------------

def test_quoted_phrase_items_holding_it_come_first(search_service: SearchService,
                                                  corpus_store: CorpusStore) -> None:
    hits = ranked(search_service, '"gestion de crise"')
    in_text = {i for i, text in own_texts(corpus_store, True).items() if PHRASE.search(text)}
    assert len(in_text) == 9  # the count: 29 hits, 9 items holding the phrase
    assert {h.id for h in hits[:9]} == in_text
    assert all(h.match == "exact" and "text" in h.matched_in for h in hits[:9])
    # Then the session titled « La gestion de crise » (its own title), then the leads
    # found only through their session's title or their theme.
    assert (hits[9].id, hits[9].matched_in, hits[9].match) == ("2020-05-20/s1", ("title",),
                                                               "exact")
    context = hits[10:]
    assert len(hits) == 29 and context
    assert all(h.match == "context" and "text" not in h.matched_in for h in context)
    assert {"session_title", "theme"} == {p for h in context for p in h.matched_in}
    # Nothing in their own text is the phrase: nothing is marked.
    assert all("<mark" not in h.highlight for h in context)


def word(form: str) -> str:
    """A word in folded text; letters only make words (``haute_fonction_publique`` in
    a web address holds the word « fonction »)."""
    return rf"(?<![a-z0-9]){form}(?![a-z0-9])"


FORMS = {  # query → the word in the forms a reader counts as the same word
    "capacitant": word("capacitante?s?"),
    "gouvernance": word("gouvernances?"),
    "commune": word("communes?"),
    "management": word("managements?"),
    "préparation": word("preparations?"),
    "fonction": word("fonctions?"),
}


@pytest.mark.parametrize("query", list(FORMS))
def test_exact_forms_before_stems_before_context(search_service: SearchService,
                                                 corpus_store: CorpusStore,
                                                 query: str) -> None:
    hits = ranked(search_service, query)
    texts = own_texts(corpus_store)
    with_form = {i for i, text in texts.items() if re.search(FORMS[query], text)}
    assert with_form and {h.id for h in hits if h.match == "exact"} == with_form
    assert [h.match for h in hits] == sorted((h.match for h in hits), key=ORDER.get)
    stems = [h for h in hits if h.match == "stem"]
    assert stems, "the stem brings other words of the family"
    assert all(set(h.matched_in) & {"text", "title"} for h in stems)
    assert all(not re.search(FORMS[query], texts[h.id]) for h in stems)
    assert all(not set(h.matched_in) & {"text", "title"}
               for h in hits if h.match == "context")


def test_capacitant_items_rank_above_stem_only_matches(search_service: SearchService,
                                                       corpus_store: CorpusStore) -> None:
    """The issue's example: 2 of the 3 items holding the word ranked below items
    sharing only the stem (capacitation, capacités)."""
    hits = ranked(search_service, "capacitant")
    ids = [h.id for h in hits]
    holding = {i for i, text in own_texts(corpus_store).items()
               if re.search(word("capacitants?"), text)}
    assert len(holding) == 3
    first_stem = next(n for n, h in enumerate(hits) if h.match == "stem")
    assert all(ids.index(i) < first_stem for i in holding)
    assert "capacitation" in fold(hits[first_stem].text) or \
        "capacite" in fold(hits[first_stem].text)


# --- what matched, and how strongly it is marked ---------------------------------------

def test_exact_forms_are_marked_more_strongly_than_stems(search_service: SearchService
                                                         ) -> None:
    hits = {h.id: h for h in ranked(search_service, "gouvernance")}
    assert "<mark>gouvernance</mark>" in hits["2020-05-20/s1/lead/02"].highlight.lower()
    stem_only = hits["2020-07-03/s2/resource/06"]
    assert stem_only.match == "stem"
    assert '<mark class="stem">gouvernement</mark>' in stem_only.highlight
    assert "<mark>gouvernement" not in stem_only.highlight


def test_matched_in_names_the_context(search_service: SearchService,
                                      corpus_store: CorpusStore) -> None:
    by_id = {h.id: h for h in ranked(search_service, "gouvernance")}
    lead = by_id["2020-05-20/s1/lead/01"]  # its theme: « Gouvernance et organisation … »
    assert "gouvernance" in fold(lead.title) and "gouvernance" not in fold(lead.text)
    assert (lead.matched_in, lead.match) == (("theme",), "context")
    speaker = by_id["2020-07-03/s1/speaker/02"]
    assert (speaker.matched_in, speaker.match) == (("text",), "exact")
    both = by_id["2020-05-20/s1/lead/02"]  # in its text and in its theme
    assert both.matched_in == ("text", "theme")
    # A query without words explains nothing.
    speakers = search_service.search("type:intervenant").hits
    assert all((h.matched_in, h.match) == ((), "") for h in speakers)


def test_a_note_found_through_its_item(own_service: SearchService) -> None:
    lead = "2020-05-20/s1/lead/01"  # theme « Gouvernance et organisation en temps de crise »
    own_service.index_note("n1", lead, "question d'amorce pour le groupe")
    note = next(h for h in own_service.search("gouvernance", page_size=200).hits
                if h.kind == "note")
    assert (note.id, note.target_id, note.matched_in, note.match) == (
        "n1", lead, ("item",), "context")
    assert own_service.search("amorce").hits[0].matched_in == ("text",)


def test_match_spans_for_the_reading_pane(search_service: SearchService,
                                          corpus_store: CorpusStore) -> None:
    text = corpus_store.get("2020-07-03/s2/resource/06").text
    spans = search_service.match_spans("gouvernance", text)
    assert [(text[s:e], exact) for s, e, exact in spans] == [("gouvernement", False)]
    text = corpus_store.get("2020-07-03/s3/field_site/04").text
    spans = search_service.match_spans('"gestion de crise"', text)
    assert [(text[s:e], exact) for s, e, exact in spans] == [("gestion", True),
                                                            ("crise", True)]
    assert search_service.match_spans("", text) == []


# --- what the filters hide -------------------------------------------------------------

def test_a_kind_filter_says_how_many_results_it_hides(search_service: SearchService
                                                      ) -> None:
    plain = search_service.search("décentralisation")
    resources = search_service.search("décentralisation", kinds=["ressource"])
    assert plain.total and resources.total == 0 and resources.hits == ()
    assert resources.hidden == {"kind": plain.total, "all": plain.total}
    assert sum(resources.facets["kind"].values()) == plain.total  # where they are
    assert plain.hidden == {}


def test_kind_and_session_filters_each_say_what_they_hide(search_service: SearchService
                                                          ) -> None:
    plain = search_service.search("crise")
    both = search_service.search("crise", kinds=["lead"], sessions=["2020-05-20/s1"])
    assert both.hidden == {
        "kind": sum(both.facets["kind"].values()) - both.total,
        "session": sum(both.facets["session"].values()) - both.total,
        "all": plain.total - both.total}
    assert min(both.hidden.values()) > 0


def test_no_any_word_fallback_when_the_filter_hides_the_matches(
        search_service: SearchService) -> None:
    strict = search_service.search("décentralisation élus")
    assert strict.total and "resource" not in strict.facets["kind"]
    filtered = search_service.search("décentralisation élus", kinds=["resource"])
    assert filtered.total == 0 and filtered.hidden["kind"] == strict.total
    assert not any("au moins un" in n for n in filtered.notices)
