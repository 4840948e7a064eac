"""Relevance on the real library: what comes back, and in what order.

Expected answers are read from the library text itself (folded substring scans), so
the tests check the search against the source rather than against itself.
"""

from __future__ import annotations

import re

import pytest
from search_helpers import all_ids, ids_containing, searchable_items

from connecteur.corpus.text import fold
from connecteur.search import SearchService
from connecteur.store import CorpusStore

USAGER_LEAD = "2020-05-20/s3/lead/05"      # "L’usager au centre : comment on le mesure…"
PHARMACIENS_LEAD = "2020-05-20/s1/lead/05"  # "… Par exemple les pharmaciens …"
RICHARD = "2020-05-20/s1/speaker/05"        # Paul-Henri Richard (Chaire de Gestion de crise…)


# --- accents, case, elisions, stemming ------------------------------------------------

def test_accents_and_case_do_not_matter(search_service: SearchService,
                                        corpus_store: CorpusStore) -> None:
    plain = all_ids(search_service, "teletravail")
    assert plain == all_ids(search_service, "télétravail")
    assert plain == all_ids(search_service, "TÉLÉTRAVAIL")
    assert set(plain) == ids_containing(corpus_store, "télétravail")


def test_highlights_keep_the_source_spelling(search_service: SearchService) -> None:
    hit = search_service.search("teletravail").hits[0]
    assert "<mark>télétravail</mark>" in hit.highlight.lower()
    assert "<mark>teletravail</mark>" not in hit.highlight


@pytest.mark.parametrize("query", ["l'usager", "l’usager", "usager", "L'USAGER"])
def test_elided_article_is_ignored_with_either_apostrophe(search_service: SearchService,
                                                          query: str) -> None:
    results = search_service.search(query)
    assert results.hits[0].id == USAGER_LEAD
    assert results.hits[0].highlight.startswith("L’<mark>usager</mark> au centre")


def test_usager_finds_each_item_naming_users_and_no_mere_usage(
        search_service: SearchService, corpus_store: CorpusStore) -> None:
    found = set(all_ids(search_service, "l'usager"))
    assert found == ids_containing(corpus_store, "usager")
    assert "2020-07-03/s2/lead/19" not in found  # "nouveaux usages des technologies"


def test_singular_finds_the_plural(search_service: SearchService,
                                   corpus_store: CorpusStore) -> None:
    assert "pharmacien " not in fold(str(corpus_store.get(PHARMACIENS_LEAD).text))
    assert all_ids(search_service, "pharmacien") == [PHARMACIENS_LEAD]
    assert "<mark>pharmaciens</mark>" in search_service.search("pharmacien").hits[0].highlight


def test_stemming_joins_inflections(search_service: SearchService,
                                    corpus_store: CorpusStore) -> None:
    found = set(all_ids(search_service, "inégalité"))
    assert ids_containing(corpus_store, "inégalité") <= found


# --- phrases, operators ---------------------------------------------------------------

def test_phrase_matches_only_the_words_in_sequence(search_service: SearchService,
                                                  corpus_store: CorpusStore) -> None:
    phrase = all_ids(search_service, '"gestion de crise"')
    words = all_ids(search_service, "gestion crise")
    assert set(phrase) < set(words)
    # Stop words inside a phrase are not indexed, so "gestion de la crise" matches too.
    sequence = re.compile(r"\bgestion\W+(?:(?:de|la|des|du)\W+)*crises?\b")
    in_text = {item_id for item_id, _, text in searchable_items(corpus_store)
               if sequence.search(fold(text))}
    assert "2020-07-03/s3/field_site/04" in in_text  # "… gestion de la crise …"
    assert in_text <= set(phrase)
    # A lead of session 1 matches through its context (session title "La gestion de
    # crise") only: every item saying it in its own text ranks before those.
    context_only = [i for i in phrase if i not in in_text]
    assert "2020-05-20/s1/lead/09" in context_only
    assert phrase[:len(in_text)] == [i for i in phrase if i in in_text]


def test_or_is_the_union(search_service: SearchService) -> None:
    either = set(all_ids(search_service, "élus OR maires"))
    assert either == set(all_ids(search_service, "élus")) | set(all_ids(search_service,
                                                                          "maires"))
    assert set(all_ids(search_service, "élus OU maires")) == either


@pytest.mark.parametrize("query", ["crise -covid", "crise NOT covid", "crise SAUF Covid"])
def test_exclusion(search_service: SearchService, corpus_store: CorpusStore,
                   query: str) -> None:
    found = set(all_ids(search_service, query))
    crise = set(all_ids(search_service, "crise"))
    assert found == crise - ids_containing(corpus_store, "covid")
    assert found


def test_all_words_must_match(search_service: SearchService,
                              corpus_store: CorpusStore) -> None:
    found = set(all_ids(search_service, "télétravail femmes"))
    assert found == {"2020-05-20/s4/lead/10"}
    assert found == ids_containing(corpus_store, "télétravail") & \
        ids_containing(corpus_store, "femmes")


def test_any_word_fallback_says_so(search_service: SearchService) -> None:
    results = search_service.search("pharmaciens licorne")
    assert [h.id for h in results.hits] == [PHARMACIENS_LEAD]
    assert any("au moins un" in n for n in results.notices)


def test_prefix(search_service: SearchService, corpus_store: CorpusStore) -> None:
    found = set(all_ids(search_service, "tele*"))
    # Words start after any non-letter, underscores included ("guide_manager_teletravail").
    assert found == {item_id for item_id, _, text in searchable_items(corpus_store)
                     if re.search(r"(?:^|[^a-z0-9])tele", fold(text))}
    assert ids_containing(corpus_store, "télétravail") <= found


def test_fuzzy_finds_the_right_spelling(search_service: SearchService) -> None:
    assert set(all_ids(search_service, "teletravial~")) == \
        set(all_ids(search_service, "teletravail"))
    assert "<mark>télétravail</mark>" in \
        search_service.search("teletravial~").hits[0].highlight.lower()


# --- names, places, web addresses -----------------------------------------------------

@pytest.mark.parametrize(("query", "first"), [
    ("Richard", RICHARD), ("giust desprairies", "2020-05-20/s1/speaker/04"),
    ("Clech Del Tedescho", "2020-05-20/s1/speaker/01"),
])
def test_speaker_names(search_service: SearchService, query: str, first: str) -> None:
    results = search_service.search(query)
    assert results.hits[0].id == first
    assert results.hits[0].kind == "speaker"
    assert results.hits[0].title in results.hits[0].text


def test_place_names_are_found_exactly(search_service: SearchService,
                                       corpus_store: CorpusStore) -> None:
    assert set(all_ids(search_service, "Mulhouse")) == ids_containing(corpus_store,
                                                                       "mulhouse")


@pytest.mark.parametrize("site", ["persee", "cairn"])
def test_journal_sites_are_found_by_their_address(search_service: SearchService,
                                                  corpus_store: CorpusStore,
                                                  site: str) -> None:
    with_url = {r.id for r in corpus_store.resources() if any(site in u for u in r.urls)}
    assert with_url
    found = set(all_ids(search_service, site))
    assert with_url <= found
    assert found <= ids_containing(corpus_store, site)


def test_pasted_address(search_service: SearchService) -> None:
    assert set(all_ids(search_service, "www.persee.fr")) == set(all_ids(search_service,
                                                                        "persee"))


# --- filters and facets ---------------------------------------------------------------

def test_type_filter_and_its_french_aliases(search_service: SearchService) -> None:
    leads = search_service.search("crise type:piste", page_size=200)
    assert {h.kind for h in leads.hits} == {"lead"}
    assert [h.id for h in leads.hits] == all_ids(search_service, "crise type:lead")
    assert [h.id for h in leads.hits] == all_ids(search_service, "crise", kinds=["lead"])
    plain = search_service.search("crise")
    assert leads.total == plain.facets["kind"]["lead"]


def test_filter_alone_lists_every_item_of_the_kind(search_service: SearchService,
                                                   corpus_store: CorpusStore) -> None:
    speakers = all_ids(search_service, "type:intervenant")
    assert speakers == [s.id for session in corpus_store.sessions for s in session.speakers]


def test_session_and_date_filters(search_service: SearchService) -> None:
    in_s1 = search_service.search("crise session:2020-05-20/s1", page_size=200)
    assert in_s1.total and {h.session_id for h in in_s1.hits} == {"2020-05-20/s1"}
    july = search_service.search("crise date:2020-07-03", page_size=200)
    assert july.total and {h.date for h in july.hits} == {"2020-07-03"}
    crise = search_service.search("crise")
    assert july.total == sum(n for s, n in crise.facets["session"].items()
                             if s.startswith("2020-07-03"))
    assert in_s1.total == crise.facets["session"]["2020-05-20/s1"]


def test_excluding_a_kind(search_service: SearchService) -> None:
    found = search_service.search("cairn -type:ressource")
    assert all(h.kind != "resource" for h in found.hits)
    assert found.total == search_service.search("cairn").total - \
        search_service.search("cairn").facets["kind"]["resource"]


def test_facets_ignore_their_own_filter(search_service: SearchService) -> None:
    """The kind counts stay those of the whole query when a kind is chosen (so the
    filter bar can offer the others); the session counts follow the kind filter."""
    plain = search_service.search("crise")
    leads = search_service.search("crise", kinds=["lead"])
    assert leads.facets["kind"] == plain.facets["kind"]
    assert sum(leads.facets["session"].values()) == leads.total == plain.facets["kind"]["lead"]
    both = search_service.search("crise", kinds=["lead"], sessions=["2020-05-20/s1"])
    assert both.facets["session"] == leads.facets["session"]
    assert both.total == leads.facets["session"]["2020-05-20/s1"]
    assert sum(plain.facets["kind"].values()) == plain.total


def test_paging(search_service: SearchService) -> None:
    everything = all_ids(search_service, "crise")
    pages = [search_service.search("crise", page=p, page_size=7) for p in (1, 2, 3)]
    assert [h.id for page in pages for h in page.hits] == everything[:21]
    assert pages[0].pages == -(-len(everything) // 7)


# --- suggestions, related items -------------------------------------------------------

@pytest.mark.parametrize(("query", "suggestion"), [
    ("telettravail", "télétravail"), ("gestion de crisse", "gestion de crise"),
    ("pharmacein", "pharmaciens"), ("Mulhose", "Mulhouse"),
])
def test_did_you_mean(search_service: SearchService, query: str, suggestion: str) -> None:
    results = search_service.search(query)
    assert results.suggestion == suggestion
    strict = 0 if any("au moins un" in n for n in results.notices) else results.total
    assert search_service.search(suggestion).total > strict


def test_no_suggestion_for_known_words(search_service: SearchService) -> None:
    assert search_service.search("pharmacien").suggestion is None
    assert search_service.search("gestion de crise").suggestion is None


def test_related_items_cross_sessions(search_service: SearchService,
                                      corpus_store: CorpusStore) -> None:
    related = search_service.related(PHARMACIENS_LEAD)
    ids = [h.id for h in related]
    assert PHARMACIENS_LEAD not in ids and len(ids) == 10
    assert any(not i.startswith("2020-05-20/s1/") for i in ids)
    # "préparation (collective) aux crises" is what the lead is about. (Issue 15: items
    # of the lead's own session, like 2020-05-20/s1/lead/16, now come after the others.)
    assert ids[0] == "2020-07-03/s1/field_site/04"
    assert all("<mark" in h.highlight for h in related)  # what they share is shown


def test_related_items_of_a_session_come_from_other_sessions(
        search_service: SearchService) -> None:
    ids = [h.id for h in search_service.related("2020-05-20/s1", limit=5)]
    assert ids and not any(i.startswith("2020-05-20/s1") for i in ids)


def test_related_of_an_unknown_item_is_empty(search_service: SearchService) -> None:
    assert search_service.related("2020-05-20/s9/lead/99") == []
    assert search_service.related("n'importe quoi") == []
