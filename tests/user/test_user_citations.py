"""Resources to BibTeX, RIS and CSL-JSON, read back with real parsers: names as family
and given, entries typed only where the reference says so, nothing guessed, no access
date claimed, one entry per reference when a bullet holds several."""

from __future__ import annotations

import json

import bibtexparser
import jsonschema
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts
from csl_data_schema import SCHEMA

from connecteur.corpus import Resource, Session
from connecteur.corpus.citations import citation, citations, export_citations, split_name
from connecteur.store import CorpusStore

# 85 resources; three bullets hold 2, 3 and 2 references: 89 entries.
ENTRIES = 89


@pytest.fixture(scope="module")
def pairs(corpus_store: CorpusStore) -> list[tuple[Resource, object]]:
    return [(r, corpus_store.session_of(r)) for r in corpus_store.resources()]


def _by_start(pairs: list, start: str) -> tuple[Resource, object]:
    (found,) = [p for p in pairs if p[0].text.startswith(start)]
    return found


def _key(resource: Resource, suffix: str = "") -> str:
    return "connecteur-" + resource.id.replace("/", "-") + suffix


def test_reading_references_out_of_free_text(pairs: list) -> None:
    blondiaux = citation(*_by_start(pairs, "Loïc Blondiaux"))
    assert blondiaux.title == "La démocratie participative, sous conditions et malgré tout"
    assert [(a.given, a.family) for a in blondiaux.authors] == [("Loïc", "Blondiaux")]
    assert (blondiaux.year, blondiaux.container, blondiaux.kind) == (2007, "Mouvements",
                                                                     "article")
    callon = citation(*_by_start(pairs, "Michel Callon"))
    assert [a.family for a in callon.authors] == ["Callon", "Lascoumes", "Barthe"]
    assert callon.title == "Agir dans un monde incertain, essai sur la démocratie technique"
    assert callon.year is None  # the text gives none: nothing invented
    covid = citation(*_by_start(pairs, "Covid-Initiatives"))
    assert (covid.title, covid.authors, covid.csl_type) == ("Covid-Initiatives", (), "webpage")
    dubet = citation(*_by_start(pairs, "François Dubet"))
    assert (dubet.title, dubet.csl_type, dubet.urls) == ("Le déclin de l'institution",
                                                         "document", ())
    assert dubet.note.startswith("Cité lors de : Connecteur Recherche, 3 juillet 2020, "
                                 "session 3 — Les apprentissages en situation de crise")


def test_names_are_family_and_given(pairs: list) -> None:
    fernandez = citation(*_by_start(pairs, "Fernandez Valérie"))  # written family first
    assert [(a.family, a.given) for a in fernandez.authors] == [
        ("Fernandez", "Valérie"), ("Guillot", "Caroline"), ("Marrauld", "Laurie")]
    weller = citation(*_by_start(pairs, "JM. Weller"))
    assert [(a.family, a.given) for a in weller.authors] == [("Weller", "JM.")]
    assert [(a.family, a.given) for a in citation(*_by_start(pairs, "M. Bergström")).authors] \
        == [("Bergström", "M."), ("Pasquier", "D.")]
    assert split_name("Pierre-Henri Castel") == split_name("Pierre-Henri Castel", False)
    assert (split_name("Pierre-Henri Castel").family, split_name("Nassim Nicholas Taleb").given
            ) == ("Castel", "Nassim Nicholas")
    unknown = split_name("Widiane Ferchakhi")  # which is the given name? not guessed
    assert (unknown.literal, unknown.family) == (True, "Widiane Ferchakhi")


def test_entries_are_typed_where_the_reference_says_so(pairs: list) -> None:
    kinds = {c.resource_id: c.kind for c in citations(pairs)}
    dejours = _by_start(pairs, "Christophe Dejours, « Effets")[0]
    fernandez = _by_start(pairs, "Fernandez Valérie")[0]
    cardon = _by_start(pairs, "Dominique Cardon")[0]
    thiriez = _by_start(pairs, "Rapport Thiriez")[0]
    assert (kinds[dejours.id], kinds[fernandez.id]) == ("article", "article")
    assert kinds[cardon.id] == "chapter"
    assert citation(*_by_start(pairs, "Dominique Cardon")).container == "Culture numérique"
    assert kinds[thiriez.id] == "report"
    assert citation(*_by_start(pairs, "Fernandez Valérie")).container == \
        "Revue française de gestion"
    assert sum(kind == "webpage" for kind in kinds.values()) > 50


def test_titles_are_whole_and_capitalised(pairs: list) -> None:
    found = citations(pairs)
    assert not [c.title for c in found if "…" in c.title]
    assert not [c.title for c in found if c.title[:1].islower()]
    assert citation(*_by_start(pairs, "Daniel Thierry")).title == \
        "Limites et enjeux des visioguichets"
    assert citation(*_by_start(pairs, "Enquête des étudiants")).title == \
        "Enquête des étudiants de l’EM Lyon auprès de 500 managers"


def test_one_entry_per_reference_and_no_year_for_several_works(pairs: list) -> None:
    found = citations(pairs)
    assert len(found) == ENTRIES
    taleb = [c for c in found if c.resource_id == "2020-07-03/s3/resource/08"]
    assert [(c.key[-2:], c.title, c.urls) for c in taleb] == [
        ("-1", "Antifragile : Les bienfaits du désordre", ()),
        ("-2", "Sur l’antifragilité", taleb[1].urls)]
    assert [a.family for a in taleb[0].authors] == ["Taleb"] and len(taleb[1].urls) == 1
    care = [c for c in found if c.resource_id == "2020-05-20/s4/resource/04"]
    assert [(c.year, [a.full for a in c.authors]) for c in care] == [
        (2014, ["Fabienne Brugère"]), (None, ["Joan Tronto"]),
        (None, [])]  # "Marie Garrau, URL. URL": two works, whose authors are not said
    ensosp = [c.title for c in found if c.resource_id == "2020-05-20/s1/resource/05"]
    assert ensosp == ["Revue de l'ENSOSP dossier Gestion de crise",
                      "Plateforme nationale risques et crises"]
    several = citation(*_by_start(pairs, "Analyse féministe"))  # two works in one line
    assert (several.year, several.authors) == (None, ())


def test_bibtex_parses_back(pairs: list) -> None:
    text = export_citations(pairs, "bibtex")
    raw = bibtexparser.parse_string(text)
    assert len(raw.entries) == ENTRIES and raw.failed_blocks == []
    assert len({e.key for e in raw.entries}) == ENTRIES
    assert "urldate" not in text
    urls = {e.key: e.fields_dict["url"].value for e in raw.entries if "url" in e.fields_dict}
    assert len(urls) == sum(1 for c in citations(pairs) if c.urls)
    blondiaux = _by_start(pairs, "Loïc Blondiaux")[0]
    assert urls[_key(blondiaux)] == blondiaux.urls[0]  # verbatim, even with % and #
    decoded = bibtexparser.parse_string(text, append_middleware=[
        LatexDecodingMiddleware(), SeparateCoAuthors(), SplitNameParts()])
    fields = {e.key: {k: f.value for k, f in e.fields_dict.items()} for e in decoded.entries}
    types = {e.key: e.entry_type for e in decoded.entries}
    entry = fields[_key(blondiaux)]
    assert entry["title"] == "La démocratie participative, sous conditions et malgré tout"
    assert (types[_key(blondiaux)], entry["journal"], entry["year"]) == ("article",
                                                                         "Mouvements", "2007")
    assert [(n.last, n.first) for n in entry["author"]] == [(["Blondiaux"], ["Loïc"])]
    assert entry["abstract"] == blondiaux.text
    fernandez = fields[_key(_by_start(pairs, "Fernandez Valérie")[0])]
    assert [(n.last, n.first) for n in fernandez["author"]] == [
        (["Fernandez"], ["Valérie"]), (["Guillot"], ["Caroline"]), (["Marrauld"], ["Laurie"])]
    weller = fields[_key(_by_start(pairs, "JM. Weller")[0])]
    assert [(n.last, n.first) for n in weller["author"]] == [(["Weller"], ["JM."])]
    assert "author = {Weller, {JM.}}" in text  # braced: no style abbreviates it to "J."


def test_bibtex_escapes_what_latex_would_eat() -> None:
    session = Session("2020-05-20/s1", "2020-05-20", "2020-05-20", 1, "Titre", "", (), (), (),
                      ())
    odd = Resource("2020-05-20/s1/resource/99", "2020-05-20/s1", 99,
                   "R&D {brouillon} à 50 % #1 ~ $ _x_ \\ : https://ex.fr/a_b?c=1&d=%20#f",
                   ("https://ex.fr/a_b?c=1&d=%20#f",))
    text = export_citations([(odd, session)], "bibtex")
    decoded = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    (entry,) = decoded.entries
    assert entry.fields_dict["title"].value == "R&D {brouillon} à 50 % #1 ~ $ _x_ \\"
    raw = bibtexparser.parse_string(text).entries[0]
    assert raw.fields_dict["url"].value == "https://ex.fr/a_b?c=1&d=%20#f"


def test_ris_parses_back(pairs: list) -> None:
    text = export_citations(pairs, "ris")
    records = rispy.loads(text)
    assert len(records) == ENTRIES and "Y2  -" not in text
    by_id = {r["id"]: r for r in records}
    callon = _by_start(pairs, "Michel Callon")[0]
    record = by_id[_key(callon)]
    assert record["type_of_reference"] == "ELEC"
    assert record["authors"] == ["Callon, Michel", "Lascoumes, Pierre", "Barthe, Yannick"]
    assert record["urls"] == list(callon.urls) and record["abstract"] == callon.text
    fernandez = by_id[_key(_by_start(pairs, "Fernandez Valérie")[0])]
    assert fernandez["type_of_reference"] == "JOUR"
    assert fernandez["authors"] == ["Fernandez, Valérie", "Guillot, Caroline",
                                    "Marrauld, Laurie"]
    assert fernandez["secondary_title"] == "Revue française de gestion"
    several = _by_start(pairs, "Travaux de Laure Bereni")[0]  # one line, two addresses
    assert by_id[_key(several)]["urls"] == list(several.urls) and len(several.urls) == 2
    assert all(r["title"] and r["notes"][0].startswith("Cité lors de") for r in records)


def test_csl_json_validates_against_the_schema(pairs: list,
                                               corpus_store: CorpusStore) -> None:
    items = json.loads(export_citations(pairs, "csl-json"))
    jsonschema.validate(items, SCHEMA)
    assert len(items) == ENTRIES and len({i["id"] for i in items}) == ENTRIES
    assert not [i for i in items if "accessed" in i]
    by_id = {i["id"]: i for i in items}
    fernandez = by_id[_key(_by_start(pairs, "Fernandez Valérie")[0])]
    assert fernandez["type"] == "article-journal"
    assert fernandez["author"][0] == {"family": "Fernandez", "given": "Valérie"}
    assert fernandez["container-title"] == "Revue française de gestion"
    assert fernandez["issued"] == {"date-parts": [[2014]]}
    names = [a for i in items for a in i.get("author", [])]
    assert {"literal": "Widiane Ferchakhi"} in names
    session = corpus_store.sessions[0]
    only = json.loads(export_citations([(r, session) for r in session.resources], "csl-json"))
    assert len(only) == 10  # 9 resources, one holding two references


def test_the_schema_refuses_what_it_should() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "misc"}], SCHEMA)  # not a CSL type
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "book", "author": [{"name": "X"}]}], SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "book", "urldate": "2020"}], SCHEMA)
