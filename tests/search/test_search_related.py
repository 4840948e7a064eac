"""« Voir aussi » (issue 15): related items ranked by distinctive shared words and
phrases, items of other sessions first, each with the reason (what it shares).

The expected neighbours were chosen by reading the texts (quoted in the comments)."""

from __future__ import annotations

import pytest

from connecteur.corpus.ids import session_of
from connecteur.corpus.text import fold
from connecteur.search import SearchService
from connecteur.search.results import RelatedHit
from connecteur.store import CorpusStore

MEMORY_LEAD = "2020-05-20/s1/lead/03"         # « mémoire des expertises passées … »
CRISES_MEMORY = "2020-07-03/s1/field_site/05"  # « Sur la mémoire des crises : est-ce
#                                                qu'on apprend des crises précédentes ? »
COMMONS_CHARTER = "2020-07-03/s1/field_site/03"  # « il existe des chartes des communs …
#                                                  mise en place d'une culture du commun »


def related_ids(service: SearchService, item_id: str, limit: int = 10) -> list[str]:
    return [h.id for h in service.related(item_id, limit)]


def test_the_memory_of_crises_comes_first_not_a_charter_of_commons(
        search_service: SearchService) -> None:
    ids = related_ids(search_service, MEMORY_LEAD, 20)
    assert CRISES_MEMORY in ids[:2]  # was 5th, behind the charter of commons
    assert COMMONS_CHARTER not in ids  # it shared only « existe » and « mise »
    hit = search_service.related(MEMORY_LEAD)[ids.index(CRISES_MEMORY)]
    assert hit.shared == ("mémoire",) and hit.reason == "En commun : mémoire"
    assert "<mark>mémoire</mark>" in hit.highlight


@pytest.mark.parametrize(("item_id", "expected"), [
    # « … préparation collective aux crises ? Par exemple les pharmaciens … » →
    # « La préparation aux crises dans l'armée … une réponse incorporée aux crises »
    ("2020-05-20/s1/lead/05", "2020-07-03/s1/field_site/04"),
    # « En quoi le télétravail complexifie l'exercice du travail domestique, effectué en
    # majorité par les femmes ? » → « … Sur le travail domestique des femmes : … »
    ("2020-05-20/s4/lead/10", "2020-05-20/s4/resource/05"),
    # « Construire une culture commune de la gestion de crise … Décentralisation … » →
    # « … Comment la décentralisation est apparue … cadrer … la gestion de crise »
    ("2020-05-20/s1/lead/14", "2020-07-03/s2/lead/03"),
])
def test_best_related_item(search_service: SearchService, item_id: str,
                           expected: str) -> None:
    assert related_ids(search_service, item_id)[0] == expected


def test_shared_phrases_are_named_first(search_service: SearchService) -> None:
    first = search_service.related("2020-05-20/s4/lead/10")[0]
    assert first.shared[:2] == ("travail domestique", "femmes")
    first = search_service.related("2020-05-20/s1/lead/14")[0]
    assert first.shared[0] == "gestion de crise"


def test_reasons_name_words_both_items_hold(search_service: SearchService,
                                            corpus_store: CorpusStore) -> None:
    source = fold(corpus_store.get(MEMORY_LEAD).text)
    for hit in search_service.related(MEMORY_LEAD):
        assert isinstance(hit, RelatedHit) and hit.reason.startswith("En commun : ")
        assert hit.shared and all(fold(term) in fold(hit.text) for term in hit.shared)
        assert all(fold(term)[:5] in source for term in hit.shared)  # same stem


def test_other_sessions_first(search_service: SearchService) -> None:
    for item_id in (MEMORY_LEAD, "2020-05-20/s1/lead/05"):
        ids = related_ids(search_service, item_id, 3)
        assert all(session_of(i) != session_of(item_id) for i in ids)


def test_only_leads_field_sites_and_resources(search_service: SearchService) -> None:
    for item_id in (MEMORY_LEAD, "2020-05-20/s1", "2020-05-20/s1/speaker/05"):
        hits = search_service.related(item_id, 30)
        assert hits and {h.kind for h in hits} <= {"lead", "field_site", "resource"}


def test_related_items_of_a_theme(search_service: SearchService,
                                  corpus_store: CorpusStore) -> None:
    theme = corpus_store.sessions[0].themes[0]
    ids = related_ids(search_service, theme.id)
    assert ids and not {lead.id for lead in theme.leads} & set(ids)
