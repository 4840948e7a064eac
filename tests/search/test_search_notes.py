"""The trainer's notes: indexed at build time, then added, changed and removed one by
one, each in well under a second."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from connecteur.search import SearchService
from connecteur.store import CorpusStore

LEAD = "2020-05-20/s1/lead/05"   # the lead on "pharmaciens"


def test_note_is_found_under_the_item_it_annotates(own_service: SearchService) -> None:
    started = time.perf_counter()
    own_service.index_note("note-1", LEAD, "À relier au cas Mulhouse : question d’amorce")
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"indexing one note took {elapsed:.3f} s"
    results = own_service.search("amorce")
    assert [h.id for h in results.hits] == ["note-1"]
    hit = results.hits[0]
    assert (hit.kind, hit.target_id, hit.session_id, hit.session, hit.date) == (
        "note", LEAD, "2020-05-20/s1", 1, "2020-05-20")
    assert hit.title == "Se rapprocher du terrain et intégrer les métiers connexes"
    assert "question d’<mark>amorce</mark>" in hit.highlight
    assert results.facets["kind"] == {"note": 1}
    assert "note-1" in [h.id for h in own_service.search("Mulhouse").hits]


def test_note_is_replaced_then_removed(own_service: SearchService) -> None:
    own_service.index_note("note-1", LEAD, "première version : bibliographie")
    started = time.perf_counter()
    own_service.index_note("note-1", LEAD, "seconde version : calendrier")
    replaced = time.perf_counter() - started
    assert own_service.search("bibliographie").total == 0
    assert [h.id for h in own_service.search("calendrier").hits] == ["note-1"]
    assert own_service.search("type:note").total == 1
    started = time.perf_counter()
    own_service.remove_note("note-1")
    removed = time.perf_counter() - started
    assert own_service.search("calendrier").total == 0
    assert own_service.search("type:note").total == 0
    assert replaced < 1.0 and removed < 1.0, (replaced, removed)


def test_removing_an_unknown_note_or_a_library_item_changes_nothing(
        own_service: SearchService) -> None:
    own_service.remove_note("no-such-note")
    own_service.remove_note(LEAD)  # only notes can be removed
    assert own_service.search("pharmaciens").total == 1


def test_notes_given_at_build_time(corpus_store: CorpusStore, tmp_path: Path) -> None:
    notes = [("a", LEAD, "question d'amorce"),
             ("b", "2020-07-03/s3/field_site/01", "à relier au cas Mulhouse"),
             ("c", "2020-07-03", "note sur toute la journée")]
    service = SearchService.open(corpus_store, tmp_path / "index", notes=notes)
    assert service.search("type:note").total == 3
    on_day = service.search("journée type:note").hits[0]
    assert (on_day.id, on_day.date, on_day.session_id, on_day.session) == (
        "c", "2020-07-03", None, None)
    # Notes are the trainer's own words, not "related" library items.
    assert all(h.kind != "note" for h in service.related(LEAD, limit=50))
    service.close()


def test_notes_survive_a_rebuild_in_the_middle_of_a_session(own_service: SearchService
                                                            ) -> None:
    own_service.index_note("n1", LEAD, "question d'amorce")
    own_service.close()
    for segment in own_service.directory.glob("*.seg"):
        with segment.open("r+b") as stream:
            stream.truncate(100)
    own_service.search("crise")  # finds the index broken and rebuilds it
    assert [h.id for h in own_service.search("amorce").hits] == ["n1"]


def test_searches_from_worker_threads_while_notes_change(own_service: SearchService) -> None:
    errors: list[BaseException] = []
    totals: list[int] = []

    def searching() -> None:
        try:
            for query in ("crise", "télétravail", "gestion de crise", "tele*", "cairn") * 6:
                totals.append(own_service.search(query).total)
                own_service.related(LEAD, limit=3)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=searching) for _ in range(3)]
    for thread in threads:
        thread.start()
    for n in range(10):
        own_service.index_note(f"n{n}", LEAD, f"note numéro {n}")
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(totals) == 90 and min(totals) > 0
    assert own_service.search("numéro type:note").total == 10
