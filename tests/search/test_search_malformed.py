"""Whatever is typed, the service answers: usable words are searched, the rest is
dropped with a French sentence saying so."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from connecteur.search import SearchResults, SearchService


@pytest.mark.parametrize(("query", "total_at_least", "notice"), [
    ('"unclosed', 0, "Guillemet non fermé"),
    ('"gestion de crise', 1, "Guillemet non fermé"),
    ("AND OR", 0, "aucun mot utilisable"),
    ("*", 0, "aucun mot utilisable"),
    (")(", 0, "aucun mot utilisable"),
    ("\U0001F642", 0, "ni lettre ni chiffre"),
    ("\U0001F642 crise", 100, "ni lettre ni chiffre"),
    ("crise " * 900, 100, "premiers caractères"),
    ("les plus cette comme", 0, "trop courants"),
    ("crise type:licorne", 100, "Type inconnu"),
    ("t*", 0, "au moins 2 lettres"),
    ("crise )", 100, "Parenthèse fermante"),
    ("(" * 300 + "crise" + ")" * 300, 100, "Parenthèses imbriquées sur plus de 10 niveaux"),
    ("(" * 11 + "crise" + ")" * 11 + " (élus OR maires)", 2, "Parenthèses imbriquées"),
])
def test_malformed_queries(search_service: SearchService, query: str, total_at_least: int,
                           notice: str) -> None:
    results = search_service.search(query)
    assert results.total >= total_at_least
    assert any(notice in n for n in results.notices), results.notices
    assert results.facets.keys() == {"kind", "session"}


def test_five_thousand_characters_answer_quickly(search_service: SearchService) -> None:
    results = search_service.search("é" * 2500 + " crise " * 357)
    assert isinstance(results, SearchResults)


@pytest.mark.parametrize("value", [None, 42, "", "   "])
def test_empty_or_odd_values(search_service: SearchService, value: object) -> None:
    results = search_service.search(value)  # type: ignore[arg-type]
    assert results.total == 0 and results.hits == ()


def test_odd_paging_values_are_clamped(search_service: SearchService) -> None:
    results = search_service.search("crise", page=-3, page_size=0)
    assert results.page == 1 and results.page_size == 1 and len(results.hits) == 1
    far = search_service.search("crise", page=999)
    assert far.hits == () and far.total > 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60))
def test_search_never_raises(search_service: SearchService, query: str) -> None:
    results = search_service.search(query)
    assert results.total >= len(results.hits)
