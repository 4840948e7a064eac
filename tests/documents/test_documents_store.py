"""The trainer's library of imported documents, beside the bundled one: stored in one
transaction, read back identical, presented with the bundled events as one library
(look-ups, indexes, fingerprint), and annotations that follow a document's removal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from corpus_parts import document, session_texts

from connecteur import paths
from connecteur.corpus import Library, parse_text
from connecteur.errors import LibraryError
from connecteur.store import CorpusStore, UserStore
from connecteur.store.library.imported import (
    NewDocument,
    delete_document,
    load_documents,
    write_document,
)

OCTOBER = "CONNECTEUR RECHERCHE – 9 OCTOBRE 2020"


@pytest.fixture(scope="module")
def october() -> Library:
    """Two sessions of the shipped text as the meeting of 9 October 2020."""
    chunks = session_texts()
    return parse_text(document(OCTOBER, [chunks[0], chunks[4]]))


def new(library: Library, name: str = "octobre.pdf") -> NewDocument:
    return NewDocument(library, name, "pdf", "f" * 64, pages=12,
                       notes=(("page 3", "adresse web mal formée"),))


def test_nothing_imported_is_the_bundled_library_as_it_was(corpus_store: CorpusStore) -> None:
    store = CorpusStore.open()
    assert not paths.imported_library_path().exists()
    assert store.documents == () and store.notices == ()
    assert store.fingerprint == store.base_fingerprint == corpus_store.fingerprint
    assert store.library == corpus_store.library


def test_a_document_is_stored_and_read_back_identical(october: Library,
                                                      corpus_store: CorpusStore) -> None:
    write_document(new(october))
    ((stored, events),) = load_documents()
    assert events == october.events
    assert (stored.id, stored.name, stored.kind, stored.dates) == (
        "2020-10-09", "octobre.pdf", "pdf", ("2020-10-09",))
    assert [str(n) for n in stored.notes] == ["page 3 : adresse web mal formée"]
    store = CorpusStore.open()
    assert [e.date for e in store.events] == ["2020-05-20", "2020-07-03", "2020-10-09"]
    assert store.fingerprint != corpus_store.fingerprint
    assert store.base_fingerprint == corpus_store.fingerprint
    assert store.bundled == corpus_store.library


def test_the_library_looks_up_imported_items_like_bundled_ones(october: Library) -> None:
    write_document(new(october))
    store = CorpusStore.open()
    lead = store.get("connecteur://2020-10-09/s2/lead/03")
    assert lead.text == october.sessions[1].leads[2].text
    assert store.session_of(lead).id == "2020-10-09/s2"
    assert store.find("2020-10-09/s1/speaker/01").name == "Françoise Clech Del Tedescho"
    assert store.document_of(lead).name == "octobre.pdf"
    assert store.document_of("2020-05-20/s1") is None
    assert len(store.resources()) == 85 + len(october.sessions[0].resources) + \
        len(october.sessions[1].resources)
    # The same person spoke in the bundled session and in its copy: one entry, two sessions.
    entry = next(e for e in store.speaker_entries() if e.name == "Françoise Clech Del Tedescho")
    assert [s.session_id for s in entry.speakers] == ["2020-05-20/s1", "2020-10-09/s1"]


def test_removing_a_document_removes_every_row(october: Library) -> None:
    write_document(new(october))
    assert delete_document("2020-10-09") is True
    conn = sqlite3.connect(paths.imported_library_path())
    try:
        counts = [conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in
                  ("documents", "events", "sessions", "leads", "lead_items", "resource_urls",
                   "speakers", "document_notes")]
    finally:
        conn.close()
    assert counts == [0] * 8
    assert CorpusStore.open().documents == ()
    assert delete_document("2020-10-09") is False


def test_a_date_is_stored_once(october: Library) -> None:
    write_document(new(october))
    with pytest.raises(LibraryError, match="déjà dans vos documents importés"):
        write_document(new(october, "copie.pdf"))
    assert [d.name for d, _ in load_documents()] == ["octobre.pdf"]
    write_document(new(october, "corrigé.pdf"), replacing=("2020-10-09",))
    assert [d.name for d, _ in load_documents()] == ["corrigé.pdf"]


def test_a_damaged_library_file_leaves_the_bundled_library_open(isolated_home: Path) -> None:
    paths.imported_library_path().write_bytes(b"ceci n'est pas une base SQLite" * 100)
    store = CorpusStore.open()
    assert len(store.sessions) == 7
    assert "illisible" in store.notices[0]


def test_annotations_stay_with_their_day(october: Library) -> None:
    """The October copy holds the same texts as May: a note on the copy must not move to
    May when the copy is removed (it becomes an orphan) and comes back with the copy."""
    write_document(new(october))
    with UserStore.open(CorpusStore.open()) as user:
        note = user.notes.add("2020-10-09/s1/lead/03", "sur la copie d'octobre")
        star = user.stars.star("2020-05-20/s1/lead/03")
    delete_document("2020-10-09")
    with UserStore.open(CorpusStore.open()) as user:
        assert user.notes.get(note.id).orphan
        assert user.startup.anchoring.counts["orphaned"] == 1
        assert user.stars.get(star.id).item_id == "2020-05-20/s1/lead/03"
    write_document(new(october))
    with UserStore.open(CorpusStore.open()) as user:
        back = user.notes.get(note.id)
        assert (back.item_id, back.orphan) == ("2020-10-09/s1/lead/03", False)
        assert user.orphans() == []
