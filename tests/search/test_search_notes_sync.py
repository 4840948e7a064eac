"""The index follows the user database: notes written while it was not looking (an
import, another window) are brought in by ``sync_notes``; the CLI does it itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from connecteur.search import SearchService
from connecteur.store import CorpusStore, UserStore

SCRIPT = Path(sys.executable).with_name("connecteur")


def _note_ids(service: SearchService, query: str) -> list[str]:
    return [h.id for h in service.search(query, kinds=["note"]).hits]


def test_sync_adds_replaces_and_removes(own_service: SearchService) -> None:
    own_service.sync_notes([("n1", "2020-05-20/s1/lead/05", "parler aux pharmaciens zygomatique"),
                            ("n2", "2020-07-03/s3/lead/01", "relire avec Mulhouse")])
    assert _note_ids(own_service, "zygomatique") == ["n1"]
    added, removed = own_service.sync_notes([("n1", "2020-05-20/s1/lead/05", "autre chose")])
    assert (added, removed) == (1, 1)
    assert _note_ids(own_service, "zygomatique") == []
    assert _note_ids(own_service, "Mulhouse") == []
    assert own_service.sync_notes([("n1", "2020-05-20/s1/lead/05", "autre chose")]) == (0, 0)


def test_searchable_notes_include_highlight_notes(corpus_store: CorpusStore) -> None:
    with UserStore.open(corpus_store) as user:
        note = user.notes.add("2020-05-20/s1/lead/03", "**question** d'ouverture")
        lead = corpus_store.get("2020-05-20/s1/lead/03")
        start = lead.text.index("mémoire")
        light = user.highlights.add(lead.id, start, start + len("mémoire"), "jaune",
                                    note="à relier au cas Mulhouse")
        user.highlights.add(lead.id, 0, 8, "vert")  # no note: nothing to search
        assert sorted(user.searchable_notes()) == sorted([
            (note.id, lead.id, "question d'ouverture"),
            (f"highlight:{light.id}", lead.id, "à relier au cas Mulhouse")])


def test_cli_search_finds_notes_written_elsewhere(corpus_store: CorpusStore,
                                                  isolated_home: Path, tmp_path: Path) -> None:
    def search(query: str) -> dict:
        result = subprocess.run([str(SCRIPT), "search", "--json", "--kind", "note", query],
                                capture_output=True, text=True, cwd=tmp_path, timeout=60,
                                env={**os.environ, "CONNECTEUR_HOME": str(isolated_home)})
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    assert search("zygomatique")["total"] == 0  # builds the index, without notes
    with UserStore.open(corpus_store) as user:
        note = user.notes.add("2020-05-20/s2/lead/03", "Un exemple zygomatique à raconter")
    found = search("zygomatique")
    assert [(h["id"], h["kind"]) for h in found["hits"]] == [(note.id, "note")]
    assert "<mark>zygomatique</mark>" in found["hits"][0]["highlight"]
    with UserStore.open(corpus_store) as user:
        user.notes.delete(note.id)
    assert search("zygomatique")["total"] == 0
