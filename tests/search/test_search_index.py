"""Where the index lives and when it is rebuilt: missing, corrupt, stale, locked."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from connecteur import paths
from connecteur.corpus import parse_text
from connecteur.search import IndexState, SearchService
from connecteur.search import service as service_module
from connecteur.search.index_files import INDEX_NAME, MANIFEST
from connecteur.store import CorpusStore, build_database


def test_built_in_the_users_cache_on_first_use(corpus_store: CorpusStore,
                                               isolated_home: Path) -> None:
    assert SearchService.check(corpus_store) == IndexState(False, "missing")
    calls: list[tuple[int, int]] = []
    service = SearchService.open(corpus_store, progress=lambda done, total: calls.append(
        (done, total)))
    assert service.rebuilt_because == "missing"
    assert service.directory == paths.index_dir()
    assert paths.index_dir().is_relative_to(isolated_home)
    total = calls[-1][1]
    assert calls[-1] == (total, total) and total == 299 + 1  # the documents, then commit
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    service.close()
    assert SearchService.check(corpus_store) == IndexState(True, None)
    again = SearchService.open(corpus_store)
    assert again.rebuilt_because is None
    assert again.search("pharmacien").total == 1
    again.close()


def _segment(directory: Path) -> Path:
    return next(directory.glob(f"{INDEX_NAME}_*.seg"))


def test_truncated_segment_is_detected_and_rebuilt(corpus_store: CorpusStore,
                                                   tmp_path: Path) -> None:
    directory = tmp_path / "index"
    SearchService.open(corpus_store, directory).close()
    segment = _segment(directory)
    with segment.open("r+b") as stream:
        stream.truncate(segment.stat().st_size // 2)
    assert SearchService.check(corpus_store, directory) == IndexState(False, "corrupt")
    service = SearchService.open(corpus_store, directory)
    assert service.rebuilt_because == "corrupt"
    assert service.search("pharmacien").total == 1
    assert SearchService.check(corpus_store, directory).usable
    service.close()


def test_unreadable_manifest_or_other_format(corpus_store: CorpusStore,
                                             tmp_path: Path) -> None:
    directory = tmp_path / "index"
    SearchService.open(corpus_store, directory).close()
    manifest = directory / MANIFEST
    data = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps({**data, "format": data["format"] + 1}), encoding="utf-8")
    assert SearchService.check(corpus_store, directory).reason == "version"
    manifest.write_text("{ pas du json", encoding="utf-8")
    assert SearchService.check(corpus_store, directory).reason == "corrupt"
    service = SearchService.open(corpus_store, directory)
    assert service.rebuilt_because == "corrupt" and service.search("cairn").total > 0
    service.close()


def test_corpus_change_rebuilds(corpus_store: CorpusStore, tmp_path: Path) -> None:
    directory = tmp_path / "index"
    SearchService.open(corpus_store, directory).close()
    text = paths.corpus_text_path().read_text(encoding="utf-8")
    changed = text.replace("Par exemple les pharmaciens", "Par exemple les herboristes")
    assert changed != text
    db = build_database(parse_text(changed), changed, tmp_path / "changed.db")
    store = CorpusStore.open(db)
    assert SearchService.check(store, directory) == IndexState(False, "corpus-changed")
    service = SearchService.open(store, directory)
    assert service.rebuilt_because == "corpus-changed"
    assert [h.id for h in service.search("herboristes").hits] == ["2020-05-20/s1/lead/05"]
    assert service.search("pharmaciens").total == 0
    service.close()


def test_locked_index_is_waited_for_then_rebuilt(corpus_store: CorpusStore, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    directory = tmp_path / "index"
    first = SearchService.open(corpus_store, directory)
    writer = first._ix.writer()  # another window in the middle of a write
    try:
        assert SearchService.check(corpus_store, directory) == IndexState(False, "locked")
        monkeypatch.setattr(service_module, "LOCK_WAIT", 0.3)
        second = SearchService.open(corpus_store, directory)
        assert second.rebuilt_because == "locked"
        assert second.search("pharmacien").total == 1
        second.close()
    finally:
        with contextlib.suppress(OSError):  # its folder was replaced under it
            writer.cancel()
    first.close()


def test_unwritable_cache_falls_back_to_memory(corpus_store: CorpusStore,
                                               tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    service = SearchService.open(corpus_store, blocker / "index")
    assert service.directory is None and service.rebuilt_because == "missing"
    assert service.search("pharmacien").total == 1
    service.index_note("n1", "2020-05-20/s1/lead/05", "Question d'ouverture")
    assert service.search("ouverture type:note").total == 1
    service.close()


def test_a_failed_build_leaves_the_old_index_in_place(corpus_store: CorpusStore,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    directory = tmp_path / "index"
    SearchService.open(corpus_store, directory).close()
    before = sorted(p.name for p in directory.iterdir())

    def broken_progress(done: int, total: int) -> None:
        raise KeyboardInterrupt  # the user quit in the middle of a rebuild

    manifest = directory / MANIFEST
    data = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps({**data, "corpus": "autre"}), encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        SearchService.open(corpus_store, directory, progress=broken_progress)
    assert sorted(p.name for p in directory.iterdir()) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".index-")] == []


def test_search_on_an_index_broken_mid_session_rebuilds_it(corpus_store: CorpusStore,
                                                           tmp_path: Path) -> None:
    directory = tmp_path / "index"
    service = SearchService.open(corpus_store, directory)
    service.index_note("n1", "2020-05-20/s1/lead/05", "Question d'ouverture")
    service.close()  # the searcher is reopened by the next search
    for segment in directory.glob(f"{INDEX_NAME}_*.seg"):
        with segment.open("r+b") as stream:
            stream.truncate(100)
    results = service.search("pharmacien")
    assert results.total == 1 and any("reconstruit" in n for n in results.notices)
    assert service.rebuilt_because == "corrupt"
    assert service.search("ouverture type:note").total == 1  # the note was kept
    service.close()


def test_first_start_copies_a_fitting_prebuilt_index(corpus_store: CorpusStore,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundle ships an index (packaging/prebuild_index.py): the first start copies
    it instead of building, then adds the user's notes to the copy only."""
    prebuilt = tmp_path / "_index"
    SearchService.open(corpus_store, prebuilt).close()
    shipped = json.loads((prebuilt / MANIFEST).read_text(encoding="utf-8"))
    monkeypatch.setattr(paths, "prebuilt_index_dir", lambda: prebuilt)
    notes = [("n1", "2020-05-20/s1/lead/05", "question d'amorce")]
    service = SearchService.open(corpus_store, notes=notes, progress=pytest.fail)
    copied = json.loads((paths.index_dir() / MANIFEST).read_text(encoding="utf-8"))
    assert copied["built"] == shipped["built"] and service.rebuilt_because == "missing"
    assert [h.id for h in service.search("amorce").hits] == ["n1"]
    service.close()
    assert SearchService.open(corpus_store, prebuilt).search("amorce").total == 0


def test_a_prebuilt_index_for_another_corpus_is_not_copied(
        corpus_store: CorpusStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prebuilt = tmp_path / "_index"
    SearchService.open(corpus_store, prebuilt).close()
    manifest = prebuilt / MANIFEST
    data = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps({**data, "corpus": "autre"}), encoding="utf-8")
    monkeypatch.setattr(paths, "prebuilt_index_dir", lambda: prebuilt)
    service = SearchService.open(corpus_store)
    built = json.loads((paths.index_dir() / MANIFEST).read_text(encoding="utf-8"))
    assert built["corpus"] == corpus_store.fingerprint
    assert service.search("pharmacien").total == 1
    service.close()
