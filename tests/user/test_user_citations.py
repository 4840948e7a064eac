"""Resources to BibTeX, RIS and CSL-JSON, read back with real parsers."""

from __future__ import annotations

import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from connecteur.corpus import Resource, Session
from connecteur.corpus.citations import citation, export_citations
from connecteur.store import CorpusStore


@pytest.fixture(scope="module")
def pairs(corpus_store: CorpusStore) -> list[tuple[Resource, object]]:
    return [(r, corpus_store.session_of(r)) for r in corpus_store.resources()]


def _by_start(pairs: list, start: str) -> tuple[Resource, object]:
    (found,) = [p for p in pairs if p[0].text.startswith(start)]
    return found


def test_reading_references_out_of_free_text(pairs: list) -> None:
    # "Loïc Blondiaux, « La démocratie participative, sous conditions et malgré tout »,
    #  Mouvements, 2007/2 (n° 50), p. 118-129. https://www.cairn.info/…" in the corpus.
    blondiaux = citation(*_by_start(pairs, "Loïc Blondiaux"))
    assert blondiaux.title == "La démocratie participative, sous conditions et malgré tout"
    assert [(a.given, a.family) for a in blondiaux.authors] == [("Loïc", "Blondiaux")]
    assert (blondiaux.year, blondiaux.container) == (2007, "Mouvements")
    assert blondiaux.urls == ("https://www.cairn.info/revue-mouvements-2007-2-page-118.htm",)
    # "Michel Callon, Pierre Lascoumes, Yannick Barthe, Agir dans un monde incertain, …"
    callon = citation(*_by_start(pairs, "Michel Callon"))
    assert [a.family for a in callon.authors] == ["Callon", "Lascoumes", "Barthe"]
    assert callon.title == "Agir dans un monde incertain, essai sur la démocratie technique"
    assert callon.year is None  # the text gives none: nothing invented
    # No names at the start: the text before the URL is the title.
    covid = citation(*_by_start(pairs, "Covid-Initiatives"))
    assert (covid.title, covid.authors, covid.csl_type) == ("Covid-Initiatives", (), "webpage")
    # No URL at all: a plain document, whole text kept.
    dubet = citation(*_by_start(pairs, "François Dubet"))
    assert (dubet.title, dubet.csl_type, dubet.urls) == ("Le déclin de l'institution",
                                                         "document", ())
    assert dubet.note.startswith("Cité lors de : Connecteur Recherche, 3 juillet 2020, "
                                 "session 3 — Les apprentissages en situation de crise")


def test_bibtex_parses_back(pairs: list) -> None:
    text = export_citations(pairs, "bibtex")
    raw = bibtexparser.parse_string(text)
    assert len(raw.entries) == 85 and raw.failed_blocks == []
    assert len({e.key for e in raw.entries}) == 85
    urls = {e.key: e.fields_dict["url"].value for e in raw.entries if "url" in e.fields_dict}
    assert len(urls) == sum(1 for r, _ in pairs if r.urls)
    for resource, _ in pairs:  # URLs verbatim, even with % and # in them
        key = "connecteur-" + resource.id.replace("/", "-")
        assert urls.get(key) == (resource.urls[0] if resource.urls else None)
    decoded = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    fields = {e.key: {k: f.value for k, f in e.fields_dict.items()} for e in decoded.entries}
    blondiaux = _by_start(pairs, "Loïc Blondiaux")[0]
    entry = fields["connecteur-" + blondiaux.id.replace("/", "-")]
    assert entry["title"] == "La démocratie participative, sous conditions et malgré tout"
    assert (entry["author"], entry["year"], entry["urldate"]) == ("Blondiaux, Loïc", "2007",
                                                                  "2020-07-03")
    assert entry["abstract"] == blondiaux.text


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
    records = rispy.loads(export_citations(pairs, "ris"))
    assert len(records) == 85
    by_id = {r["id"]: r for r in records}
    callon = _by_start(pairs, "Michel Callon")[0]
    record = by_id["connecteur-" + callon.id.replace("/", "-")]
    assert record["type_of_reference"] == "ELEC"
    assert record["authors"] == ["Callon, Michel", "Lascoumes, Pierre", "Barthe, Yannick"]
    assert record["urls"] == list(callon.urls) and record["abstract"] == callon.text
    several = _by_start(pairs, "Travaux sur le care")[0]
    assert by_id["connecteur-" + several.id.replace("/", "-")]["urls"] == list(several.urls)
    assert len(several.urls) == 4
    assert all(r["title"] and r["notes"][0].startswith("Cité lors de") for r in records)


def test_csl_json(pairs: list, corpus_store: CorpusStore) -> None:
    items = json.loads(export_citations(pairs, "csl-json"))
    assert len(items) == 85 and len({i["id"] for i in items}) == 85
    for item, (resource, session) in zip(items, pairs, strict=True):
        assert item["type"] == ("webpage" if resource.urls else "document")
        assert isinstance(item["title"], str) and item["title"]
        assert item["abstract"] == resource.text and item["language"] == "fr"
        if resource.urls:
            assert item["URL"] == resource.urls[0]
            year, month, day = (int(p) for p in session.date.split("-"))
            assert item["accessed"] == {"date-parts": [[year, month, day]]}
        for author in item.get("author", []):
            assert set(author) == {"family", "given"} and author["family"]
    session = corpus_store.sessions[0]
    only = json.loads(export_citations([(r, session) for r in session.resources], "csl-json"))
    assert len(only) == 9
