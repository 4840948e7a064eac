"""Scores: the same BM25F as Whoosh's, field weights that put a lead's own words
before its context, and the positions bug of whoosh-ng 5.4.0 kept away."""

from __future__ import annotations

import itertools

import pytest

from connecteur.search import SearchService
from connecteur.search.analysis import stemmed_terms, words
from connecteur.search.positions import VarintPositions
from connecteur.search.query_builder import compile_query
from connecteur.search.query_syntax import parse
from connecteur.store import CorpusStore


@pytest.mark.parametrize("query", ["crise", "gestion crise", "tele*", "teletravial~",
                                   "crise -covid", "élus OR maires", "l'usager"])
def test_scores_are_whooshs_bm25f(search_service: SearchService, query: str) -> None:
    view = search_service._current_view()
    compiled = compile_query(parse(query), view.vocabulary)
    ours = view.evaluator.scores(compiled.query)
    whoosh = view.evaluator._by_whoosh(compiled.query)
    assert ours.keys() == whoosh.keys() and ours
    assert all(ours[d] == pytest.approx(whoosh[d], rel=1e-9) for d in ours)


@pytest.mark.parametrize("phrase", ['"gestion de crise"', '"travail social"',
                                    '"fonction publique"'])
def test_phrases_match_the_documents_whoosh_matches(search_service: SearchService,
                                                    phrase: str) -> None:
    view = search_service._current_view()
    compiled = compile_query(parse(phrase), view.vocabulary)
    ours = view.evaluator.scores(compiled.query)
    assert ours.keys() == view.evaluator._by_whoosh(compiled.query).keys() and ours


@pytest.mark.parametrize("word", ["gouvernance", "capacitation", "vigilance", "numérique",
                                  "management", "crise", "territoire", "démocratie"])
def test_a_leads_own_words_outrank_its_context(search_service: SearchService,
                                               corpus_store: CorpusStore, word: str) -> None:
    stem = stemmed_terms(word)[0]
    leads = [h for h in search_service.search(word, page_size=200).hits if h.kind == "lead"]
    own = [stem in stemmed_terms(h.text) for h in leads]
    assert any(own) and not all(own)  # both kinds of match are present
    assert own == sorted(own, reverse=True), [h.id for h in leads]


def test_position_gap_of_46_does_not_break_phrases(own_service: SearchService) -> None:
    """whoosh-ng 5.4.0 reads the positions [0, 46] (bytes ending in ".") as a pickle."""
    fillers = ["zq" + "".join(p) for p in itertools.product("bcdfg", "aeiou", "rst")][:45]
    text = " ".join(["alpaga", *fillers, "alpaga", "berger"])
    assert [w.exact for w in words(text)].index("alpaga", 1) == 46
    own_service.index_note("n1", "2020-05-20/s1/lead/05", text)
    results = own_service.search('"alpaga berger"')
    assert [h.id for h in results.hits] == ["n1"] and results.notices == ()
    # Whoosh's own phrase matcher reads the positions through the schema's format.
    view = own_service._current_view()
    compiled = compile_query(parse('"alpaga berger"'), view.vocabulary)
    assert len(view.evaluator._by_whoosh(compiled.query)) == 1


@pytest.mark.parametrize("positions", [[0, 46], [3, 5891], [46], [], [1, 2, 500, 100_000]])
def test_varint_positions_round_trip(positions: list[int]) -> None:
    fmt = VarintPositions()
    assert fmt.decode_positions(fmt.encode(positions)) == positions
