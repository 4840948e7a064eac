"""Imported documents in the search index: added and removed incrementally (the index
built for the bundled text stays, its manifest says which documents it holds), and
an index that holds them is usable as is at the next start."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_parts import document, session_texts

from connecteur.corpus import Library, parse_text
from connecteur.search import SearchService, index_files
from connecteur.store import CorpusStore
from connecteur.store.library.imported import NewDocument, delete_document, write_document

QUERY = "pharmaciens"  # in 20 May session 1 only, hence in its October copy


@pytest.fixture(scope="module")
def october() -> Library:
    return parse_text(document("CONNECTEUR RECHERCHE – 9 OCTOBRE 2020", [session_texts()[0]]))


def hits(service: SearchService, query: str = QUERY) -> list[str]:
    return [hit.id for hit in service.search(query, page_size=50).hits]


def test_an_import_is_indexed_without_a_rebuild(tmp_path: Path, october: Library) -> None:
    index = tmp_path / "index"
    service = SearchService.open(CorpusStore.open(), index)
    assert hits(service) == ["2020-05-20/s1/lead/05"]
    built = index_files.read_manifest(index)["built"]

    write_document(NewDocument(october, "octobre.txt", "text", "0" * 64))
    library = CorpusStore.open()
    added = service.use_library(library)
    assert added == 1 + 16 + 3 + 9 + 5  # the session, its leads, sites, resources, speakers
    assert hits(service) == ["2020-05-20/s1/lead/05", "2020-10-09/s1/lead/05"]
    assert service.search(QUERY, sessions=["2020-10-09/s1"]).hits[0].date == "2020-10-09"
    manifest = index_files.read_manifest(index)
    assert manifest["built"] == built  # the same index, not a new one
    assert manifest["imported"] == {"2020-10-09": {"content": library.documents[0].content_sha256,
                                                   "dates": ["2020-10-09"]}}
    assert service.use_library(library) == 0  # nothing new
    service.close()

    # Next start: the index is usable as is, and holds the document.
    assert SearchService.check(library, index).usable
    again = SearchService.open(library, index)
    assert again.rebuilt_because is None and again.last_added == 0
    assert hits(again) == ["2020-05-20/s1/lead/05", "2020-10-09/s1/lead/05"]
    again.close()


def test_a_removal_takes_its_items_out_and_keeps_the_notes(tmp_path: Path,
                                                           october: Library) -> None:
    write_document(NewDocument(october, "octobre.txt", "text", "0" * 64))
    index = tmp_path / "index"
    service = SearchService.open(CorpusStore.open(), index)
    service.index_note("n1", "2020-05-20/s1/lead/05", "appeler les pharmaciens du quartier")
    assert len(hits(service)) == 3
    delete_document("2020-10-09")
    assert service.use_library(CorpusStore.open()) == 0
    assert sorted(hits(service)) == ["2020-05-20/s1/lead/05", "n1"]
    assert index_files.read_manifest(index)["imported"] == {}
    service.close()


def test_documents_imported_while_the_index_was_closed(tmp_path: Path,
                                                       october: Library) -> None:
    """Imported from the command line with no index to update: the next opening adds
    them to the existing index rather than building it again."""
    index = tmp_path / "index"
    SearchService.open(CorpusStore.open(), index).close()
    write_document(NewDocument(october, "octobre.txt", "text", "0" * 64))
    service = SearchService.open(CorpusStore.open(), index)
    assert service.rebuilt_because is None and service.last_added == 34
    assert "2020-10-09/s1/lead/05" in hits(service)
    service.close()


def test_two_processes_following_the_same_import(tmp_path: Path, october: Library) -> None:
    """The window's index and the command line's follow the same import: the second
    finds it done (the manifest says so) and nothing is indexed twice."""
    index = tmp_path / "index"
    window = SearchService.open(CorpusStore.open(), index)
    write_document(NewDocument(october, "octobre.txt", "text", "0" * 64))
    command_line = SearchService.open(CorpusStore.open(), index)
    assert command_line.last_added == 34
    command_line.close()
    assert window.use_library(CorpusStore.open()) == 0
    assert hits(window) == ["2020-05-20/s1/lead/05", "2020-10-09/s1/lead/05"]
    window.close()
