"""``tag:NOM`` in the search syntax (issue 15): the trainer's tags, read from a real
user database (in the test's own CONNECTEUR_HOME), on items that are not starred."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from search_helpers import all_ids

from connecteur.search import SearchService
from connecteur.search.query_syntax import Filter, Term, parse
from connecteur.store import CorpusStore, UserStore

LEAD_03 = "2020-05-20/s1/lead/03"      # « Problème de la mémoire des expertises passées… »
LEAD_04 = "2020-05-20/s1/lead/04"
RESOURCE = "2020-07-03/s3/resource/04"  # « Sur le lien entre crises et apprentissage… »


@pytest.fixture
def tagged(search_service: SearchService, corpus_store: CorpusStore
           ) -> Iterator[tuple[SearchService, UserStore]]:
    """The shared service reading the tags of a fresh user database."""
    user = UserStore.open(corpus_store)
    user.tags.add(LEAD_03, "ouverture")
    user.tags.add(RESOURCE, "Ouverture")
    user.tags.add(LEAD_04, "Crise sanitaire")
    assert user.stars.item_ids() == []  # nothing starred: tags alone find them
    search_service.use_tags(user.tags.item_ids)
    yield search_service, user
    search_service.use_tags(None)
    user.close()


def test_tag_lists_the_items_carrying_it(tagged) -> None:
    service, _ = tagged
    assert set(all_ids(service, "tag:ouverture")) == {LEAD_03, RESOURCE}
    assert set(all_ids(service, "TAG:OUVERTURE")) == {LEAD_03, RESOURCE}
    assert set(all_ids(service, "étiquette:ouverture")) == {LEAD_03, RESOURCE}


def test_tag_with_words(tagged) -> None:
    service, _ = tagged
    assert all_ids(service, "mémoire tag:ouverture") == [LEAD_03]
    assert all_ids(service, "apprentissage tag:ouverture") == [RESOURCE]
    crise = set(all_ids(service, "crise"))
    assert set(all_ids(service, "crise -tag:ouverture")) == crise - {LEAD_03, RESOURCE}
    assert all_ids(service, "tag:ouverture tag:#ouverture type:ressource") == [RESOURCE]


@pytest.mark.parametrize("query", ['tag:"crise sanitaire"', "tag:«crise sanitaire»",
                                   "tag:“Crise Sanitaire”"])
def test_tag_of_several_words_in_quotes(tagged, query: str) -> None:
    service, _ = tagged
    assert all_ids(service, query) == [LEAD_04]


def test_unknown_tag_says_so(tagged) -> None:
    service, _ = tagged
    results = service.search("crise tag:licorne")
    assert results.total == 0
    assert "Aucun élément ne porte l'étiquette « licorne »." in results.notices


def test_renamed_and_merged_tags_are_found_at_once(tagged) -> None:
    service, user = tagged
    user.tags.rename("ouverture", "amorce")
    assert set(all_ids(service, "tag:amorce")) == {LEAD_03, RESOURCE}
    assert all_ids(service, "tag:ouverture") == []
    user.undo()
    user.tags.merge(["ouverture", "crise sanitaire"], "Séance 1")
    assert set(all_ids(service, 'tag:"séance 1"')) == {LEAD_03, LEAD_04, RESOURCE}


def test_without_a_user_database_no_item_carries_a_tag(search_service: SearchService
                                                       ) -> None:
    results = search_service.search("tag:ouverture")
    assert results.total == 0 and results.notices


def test_a_note_follows_its_item(own_service: SearchService,
                                 corpus_store: CorpusStore) -> None:
    with UserStore.open(corpus_store) as user:
        user.tags.add(LEAD_03, "ouverture")
        own_service.use_tags(user.tags.item_ids)
        own_service.index_note("n1", LEAD_03, "question d'amorce")
        own_service.index_note("n2", LEAD_04, "autre amorce")
        assert all_ids(own_service, "amorce tag:ouverture") == ["n1"]


def test_tag_syntax() -> None:
    parsed = parse('tag:"crise sanitaire" mot -tag:fini étiquette:x')
    assert parsed.filters == (Filter("tag", "crise sanitaire"), Filter("tag", "fini", True),
                              Filter("tag", "x"))
    assert [c.text for c in parsed.clauses if isinstance(c, Term)] == ["mot"]
    assert parse('tag:"" crise').notices  # an empty tag is ignored, and said so
