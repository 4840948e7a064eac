"""Reading what the user typed: the syntax, and the degraded readings of bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from connecteur.search.query_syntax import (
    MAX_CHARS,
    MAX_TERMS,
    AllOf,
    AnyOf,
    Filter,
    Negated,
    Phrase,
    Term,
    parse,
)


def texts(nodes) -> list:
    """A compact picture of a parsed tree."""
    out = []
    for node in nodes:
        if isinstance(node, Term):
            out.append(node.text + ("*" if node.prefix else "") +
                       (f"~{node.fuzzy}" if node.fuzzy else ""))
        elif isinstance(node, Phrase):
            out.append(f'"{node.text}"')
        elif isinstance(node, AnyOf):
            out.append(("OR", *texts(node.options)))
        elif isinstance(node, AllOf):
            out.append(("AND", *texts(node.parts)))
        elif isinstance(node, Negated):
            out.append(("NOT", *texts([node.node])))
    return out


@pytest.mark.parametrize(("query", "expected"), [
    ("télétravail cadres", ["télétravail", "cadres"]),
    ('"gestion de crise" élus', ['"gestion de crise"', "élus"]),
    ("« gestion de crise »", ['" gestion de crise "']),
    ("crise élus OR maires", ["crise", ("OR", "élus", "maires")]),
    ("élus OU maires", [("OR", "élus", "maires")]),
    ("crise -covid", ["crise", ("NOT", "covid")]),
    ("crise NOT covid", ["crise", ("NOT", "covid")]),
    ("crise SAUF covid", ["crise", ("NOT", "covid")]),
    ('crise -"santé publique"', ["crise", ("NOT", '"santé publique"')]),
    ("(élus OR maires) crise", [("OR", "élus", "maires"), "crise"]),
    ("tele*", ["tele*"]), ("teletravial~", ["teletravial~-1"]),
    ("teletravial~1", ["teletravial~1"]), ("mot~9", ["mot~2"]),
    ("crise AND covid", ["crise", "covid"]),
])
def test_syntax(query: str, expected: list) -> None:
    parsed = parse(query)
    assert texts(parsed.clauses) == expected
    assert parsed.notices == ()


def test_term_spans_point_into_the_query() -> None:
    parsed = parse("crise -teletravial~ tele*")
    spans = [parse("crise -teletravial~ tele*").text[t.start:t.end]
             for t in (parsed.clauses[0], parsed.clauses[1].node, parsed.clauses[2])]
    assert spans == ["crise", "teletravial", "tele"]


@pytest.mark.parametrize(("query", "expected"), [
    ("type:piste", Filter("kind", "lead")), ("type:Intervenante", Filter("kind", "speaker")),
    ("type:terrain", Filter("kind", "field_site")),
    ("type:ressource", Filter("kind", "resource")), ("kind:lead", Filter("kind", "lead")),
    ("type:note", Filter("kind", "note")), ("type:session", Filter("kind", "session")),
    ("-type:ressource", Filter("kind", "resource", negated=True)),
    ("session:2020-05-20/s1", Filter("session", "2020-05-20/s1")),
    ("session:connecteur://2020-07-03/s2/", Filter("session", "2020-07-03/s2")),
    ("date:2020-07-03", Filter("date", "2020-07-03")),
    ("date:3/7/2020", Filter("date", "2020-07-03")),
])
def test_filters(query: str, expected: Filter) -> None:
    parsed = parse(f"crise {query}")
    assert parsed.filters == (expected,)
    assert texts(parsed.clauses) == ["crise"]


@pytest.mark.parametrize(("query", "words", "notice"), [
    ('"unclosed', ["unclosed"], "Guillemet non fermé"),
    ('crise "gestion de', ["crise", "gestion", "de"], "Guillemet non fermé"),
    ("AND OR", [], "« AND » sans mot avant"),
    ("crise OR", ["crise"], "« OR » sans mot après"),
    ("NOT", [], "« NOT » sans mot après"),
    ("*", [], "« * » seul"),
    (")(", [], "Parenthèse fermante sans ouvrante"),
    ("(crise", ["crise"], "Parenthèse ouvrante sans fermante"),
    ("t*l", ["t l"], "le joker * n'est accepté qu'en fin de mot"),
    ("crise type:licorne", ["crise"], "Type inconnu « licorne »"),
    ("crise session:hier", ["crise"], "Session inconnue « hier »"),
    ("crise date:demain", ["crise"], "Date illisible « demain »"),
])
def test_malformed_input_degrades_and_says_so(query: str, words: list, notice: str) -> None:
    parsed = parse(query)
    assert texts(parsed.clauses) == words
    assert any(notice in n for n in parsed.notices), parsed.notices


def test_very_long_input_is_cut() -> None:
    parsed = parse("crise " * 1000)
    assert len(parsed.clauses) == MAX_TERMS
    assert any(str(MAX_CHARS) in n for n in parsed.notices)
    assert any(str(MAX_TERMS) in n for n in parsed.notices)


QUERY_PIECES = st.lists(st.sampled_from(
    [*'ab é"«»“”()-*~:|&!?’\'', "OR", "NOT", "ET", "type:", "session:", "\U0001F642", " "]),
    max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(QUERY_PIECES)
def test_parse_never_raises(query: str) -> None:
    parsed = parse(query)
    assert isinstance(parsed.notices, tuple)
