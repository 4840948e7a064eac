"""Importing a document, replacing it, removing it — the operations both front ends call
(connecteur.app.documents): what is written, what is refused, and what becomes of the
trainer's annotations, the search index and everything built on the library."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from connecteur import paths
from connecteur.app.documents import (
    import_document,
    imported_documents,
    preview_document,
    remove_document,
)
from connecteur.corpus.citations import export_citations
from connecteur.corpus.counts import session_counts
from connecteur.corpus.export import library_dict, library_markdown
from connecteur.errors import ConnecteurError, OperationCancelled
from connecteur.handouts import build_handout, request_for_sessions
from connecteur.search import SearchService
from connecteur.store import CorpusStore, UserStore

LEAD_03, LEAD_06, LEAD_07 = (f"2020-10-09/s1/lead/{n:02d}" for n in (3, 6, 7))


def written(home: Path) -> list[str]:
    return sorted(str(p.relative_to(home)) for p in home.rglob("*"))


def test_a_preview_says_what_would_come_and_writes_nothing(
        files: dict[str, Path], isolated_home: Path, corpus_store: CorpusStore) -> None:
    preview = preview_document(files["pdf"])
    assert written(isolated_home) == []
    assert preview.document.source.kind == "pdf" and preview.document.source.pages > 3
    assert [s.id for s in preview.sessions] == ["2020-10-09/s1", "2020-10-09/s2"]
    originals = [corpus_store.get(sid) for sid in ("2020-05-20/s1", "2020-07-03/s1")]
    assert list(preview.counts.values()) == [session_counts(s) for s in originals]
    assert preview.counts["2020-10-09/s1"] == {"themes": 6, "leads": 16, "field_sites": 3,
                                               "resources": 9, "urls": 8, "speakers": 5}
    assert preview.totals["leads"] == 16 + 20
    assert preview.conflicts == () and not preview.unchanged and not preview.blocked


def test_import_then_the_same_file_or_its_text_again(files: dict[str, Path]) -> None:
    outcome = import_document(files["pdf"])
    assert outcome.changed and outcome.document_id == "2020-10-09"
    assert outcome.anchoring is None and outcome.indexed is None  # no user data, no index yet
    store = CorpusStore.open()
    assert store.get("2020-10-09/s2/lead/20").text == outcome.corpus.get(
        "2020-10-09/s2/lead/20").text
    fingerprint = store.fingerprint
    for again in (files["pdf"], files["text"]):  # the same content, as a PDF or as text
        repeat = import_document(again)
        assert not repeat.changed and repeat.preview.unchanged
    assert CorpusStore.open().fingerprint == fingerprint
    assert [d.name for d in imported_documents()] == ["synthese-octobre.pdf"]


def test_a_date_already_in_the_library_is_refused_unless_replaced(
        files: dict[str, Path]) -> None:
    import_document(files["pdf"])
    with pytest.raises(ConnecteurError, match="9 octobre 2020 est déjà dans la bibliothèque") \
            as refused:
        import_document(files["corrected"])
    assert "--replace" in refused.value.hint
    assert [d.name for d in imported_documents()] == ["synthese-octobre.pdf"]
    preview = preview_document(files["corrected"])
    assert preview.conflicts[0].document.name == "synthese-octobre.pdf"


def test_the_bundled_days_cannot_be_imported_or_removed(tmp_path: Path) -> None:
    copy = tmp_path / "corpus.txt"
    copy.write_bytes(paths.corpus_text_path().read_bytes())
    assert preview_document(copy).blocked
    with pytest.raises(ConnecteurError, match="fait partie du corpus livré"):
        import_document(copy, replace=True)
    with pytest.raises(ConnecteurError, match="ne peut pas être retirée"):
        remove_document("20/05/2020")
    assert not paths.imported_library_path().exists()


def annotate(user: UserStore) -> dict[str, str]:
    folder = user.folders.create("Octobre")
    user.folders.add_items(folder.id, [LEAD_03, LEAD_07])
    return {
        "note": user.notes.add(LEAD_03, "question d'ouverture").id,
        "mark": user.highlights.add_quote(LEAD_03, "travaux de recherche").id,
        "star": user.stars.star(LEAD_06).id,
        "next": user.notes.add(LEAD_07, "sur la piste suivante").id,
    }


def test_replacing_re_anchors_every_annotation(files: dict[str, Path]) -> None:
    import_document(files["pdf"])
    with UserStore.open(CorpusStore.open()) as user:
        ids = annotate(user)
    outcome = import_document(files["corrected"], replace=True)
    assert [d.name for d in outcome.replaced] == ["synthese-octobre.pdf"]
    counts = outcome.anchoring.counts
    assert (counts["orphaned"], counts["moved"]) == (1, 2)  # the star; the next lead's note
    with UserStore.open(outcome.corpus) as user:
        note = user.notes.get(ids["note"])
        assert (note.item_id, note.orphan) == (LEAD_03, False)
        assert "travaux de la recherche" in note.item_text
        assert user.highlights.get(ids["mark"]).quote == "travaux de la recherche"
        assert user.notes.get(ids["next"]).item_id == LEAD_06  # lead 7 is lead 6 now
        assert [o.id for o in user.orphans()] == [ids["star"]]  # shown, not dropped
        assert user.folders.item_ids("Octobre") == [LEAD_03, LEAD_06]


def test_removal_makes_orphans_that_come_back_with_the_document(
        files: dict[str, Path]) -> None:
    import_document(files["pdf"])
    with UserStore.open(CorpusStore.open()) as user:
        ids = annotate(user)
    removal = remove_document("9/10/2020")
    assert removal.document.name == "synthese-octobre.pdf"
    assert removal.orphans == 6  # two notes, a highlight, a star, two folder entries
    assert [e.date for e in removal.corpus.events] == ["2020-05-20", "2020-07-03"]
    with UserStore.open(removal.corpus) as user:
        assert {o.id for o in user.orphans()} >= set(ids.values())
    with pytest.raises(ConnecteurError, match="Aucun document importé"):
        remove_document("2020-10-09")
    back = import_document(files["text"])
    assert back.anchoring.counts["reattached"] == 6
    with UserStore.open(back.corpus) as user:
        assert user.orphans() == [] and user.notes.get(ids["note"]).item_id == LEAD_03


def test_progress_and_cancellation(files: dict[str, Path], isolated_home: Path) -> None:
    with pytest.raises(OperationCancelled, match="rien n'a été écrit"):
        import_document(files["pdf"], cancelled=lambda: True)
    assert written(isolated_home) == []
    steps: list[tuple[int, int]] = []
    stages: list[str] = []
    import_document(files["pdf"], progress=lambda done, total: steps.append((done, total)),
                    stage=stages.append)
    assert steps == sorted(steps) and steps[-1][0] == steps[-1][1] == steps[0][1]
    assert stages[0] == "Lecture du document"
    assert stages[-1] == "Rattachement des annotations et mise à jour de la recherche"


def test_the_window_keeps_its_open_stores_in_step(files: dict[str, Path],
                                                  tmp_path: Path) -> None:
    corpus = CorpusStore.open()
    search = SearchService.open(corpus, tmp_path / "index")
    with UserStore.open(corpus) as user:
        user.notes.add("2020-05-20/s1/lead/05", "pharmaciens : les appeler")
        search.sync_notes(user.searchable_notes())
        preview = preview_document(files["pdf"], corpus=corpus)
        outcome = import_document(preview, corpus=corpus, user=user, search=search)
        assert outcome.indexed == 1 + 16 + 3 + 9 + 5 + 1 + 20 + 5 + 10 + 5
        assert user.catalogue.find("2020-10-09/s2/lead/20") is not None
        hits = [h.id for h in search.search("pharmaciens").hits]
        assert "2020-10-09/s1/lead/05" in hits and len(hits) == 3
        remove_document("2020-10-09", corpus=outcome.corpus, user=user, search=search)
        assert "2020-10-09/s1/lead/05" not in [h.id for h in search.search("pharmaciens").hits]
    search.close()


def test_an_imported_document_is_exported_cited_and_printed(files: dict[str, Path],
                                                           tmp_path: Path) -> None:
    store = import_document(files["pdf"]).corpus
    exported = json.loads(json.dumps(library_dict(store.library), ensure_ascii=False))
    october = exported["events"][-1]
    assert october["id"] == "2020-10-09" and len(october["sessions"]) == 2
    assert "# Connecteur Recherche – 9 octobre 2020" in library_markdown(store.library)
    session = store.get("2020-10-09/s1")
    ris = export_citations([(r, store.session_of(r)) for r in session.resources], "ris")
    assert ris.count("TY  - ") == 9 and "connecteur-2020-10-09-s1-resource-04" in ris
    target = build_handout(request_for_sessions(store, ["2020-10-09/s2"]),
                           tmp_path / "octobre.pdf")
    text = " ".join(page.extract_text() for page in
                    PdfReader(io.BytesIO(target.path.read_bytes())).pages)
    assert "9 octobre 2020" in text and "Organisation territoriale et démocratie" in text
