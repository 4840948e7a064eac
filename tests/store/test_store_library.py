"""The bundled database: round trip, freshness against the text, schema, errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from connecteur import paths
from connecteur.corpus import Library, parse_text
from connecteur.corpus.export import library_dict
from connecteur.errors import LibraryError, NotFoundError
from connecteur.store import CorpusStore, build_database, schema_sql, text_fingerprint


@pytest.fixture(scope="module")
def fresh_db(tmp_path_factory: pytest.TempPathFactory, library: Library) -> Path:
    text = paths.corpus_text_path().read_text(encoding="utf-8")
    return build_database(library, text, tmp_path_factory.mktemp("db") / "fresh.db")


def test_round_trip_model_database_model(fresh_db: Path, library: Library) -> None:
    assert CorpusStore.open(fresh_db).library == library


def test_bundled_database_is_not_stale(corpus_store: CorpusStore, library: Library) -> None:
    """Fails when the text or the parser changed without `make db`."""
    text = paths.corpus_text_path().read_text(encoding="utf-8")
    assert corpus_store.fingerprint == text_fingerprint(text), "make db: the text changed"
    assert corpus_store.library == library, "make db: the parser changed"


def test_schema_file_is_up_to_date(fresh_db: Path) -> None:
    assert paths.schema_sql_path().read_text(encoding="utf-8") == schema_sql(fresh_db)


# SHA-256 of the reference text, as extracted from the published PDF. A deliberate
# correction of resources/connecteur-recherche-2020.txt changes it here too (and in
# the CHANGELOG), so that an accidental edit of the text cannot go unnoticed.
REFERENCE_SHA256 = "30d0c29bb6a20c6f20a61226b3113e030877d8d17c52e89d5af648836186f7f6"


def test_shipped_text_is_the_reference_corpus() -> None:
    assert text_fingerprint(paths.corpus_text_path().read_text(encoding="utf-8")) == \
        REFERENCE_SHA256


def test_export_json_carries_every_item_and_url(corpus_store: CorpusStore,
                                                library: Library) -> None:
    exported = json.loads(json.dumps(library_dict(corpus_store.library), ensure_ascii=False))
    sessions = [s for e in exported["events"] for s in e["sessions"]]
    seen = {x["id"] for s in sessions for key in ("speakers", "leads", "field_sites", "resources")
            for x in s[key]} | {s["id"] for s in sessions}
    expected = {i.id for i in library.items() if i.kind != "theme"}
    assert seen == expected
    urls = [u for s in sessions for key in ("field_sites", "resources") for x in s[key]
            for u in x["urls"]]
    assert urls == [u for s in library.sessions for x in (*s.field_sites, *s.resources)
                    for u in x.urls]
    assert len(urls) == 96


def test_schema_has_foreign_keys_and_indexes(fresh_db: Path) -> None:
    conn = sqlite3.connect(fresh_db)
    try:
        fks = {(table, row[2]) for table in ("sessions", "themes", "leads", "resource_urls",
                                             "speakers", "field_site_urls")
               for row in conn.execute(f"PRAGMA foreign_key_list({table})")}
        assert ("leads", "themes") in fks and ("resource_urls", "resources") in fks
        assert ("sessions", "events") in fks and ("speakers", "sessions") in fks
        indexes = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND name NOT LIKE 'sqlite_%'")}
        assert "idx_leads_session_id" in indexes and "idx_resource_urls_url" in indexes
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_bundled_database_is_opened_read_only(corpus_store: CorpusStore) -> None:
    before = paths.bundled_db_path().stat().st_mtime_ns
    CorpusStore.open()
    assert paths.bundled_db_path().stat().st_mtime_ns == before


def test_lookup(corpus_store: CorpusStore) -> None:
    lead = corpus_store.get("connecteur://2020-05-20/s1/lead/3")
    assert lead.id == "2020-05-20/s1/lead/03"
    assert corpus_store.session_of(lead).title == "La gestion de crise"
    with pytest.raises(NotFoundError, match="aucun élément"):
        corpus_store.get("2020-05-20/s9")
    with pytest.raises(NotFoundError, match="mal formé"):
        corpus_store.get("n'importe quoi")


def test_speaker_entries_are_sorted_without_accents(corpus_store: CorpusStore) -> None:
    names = [entry.name for entry in corpus_store.speaker_entries()]
    assert len(names) == 43
    assert names.index("Zoé Aegerter") == len(names) - 1
    assert names[0] == "Arnaud Lecourt"


@pytest.mark.parametrize("content", [None, b"", b"ceci n'est pas une base", b"SQLite format 3\0"
                                     + b"\xff" * 200])
def test_unusable_database_gives_a_french_error(tmp_path: Path, content: bytes | None) -> None:
    target = tmp_path / "connecteur.db"
    if content is not None:
        target.write_bytes(content)
    with pytest.raises(LibraryError) as error:
        CorpusStore.open(target)
    assert "connecteur build" in error.value.hint


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "other.db"
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="n'est pas une base du Connecteur"):
        CorpusStore.open(target)


def test_build_refuses_unwritable_target_and_leaves_nothing(tmp_path: Path,
                                                            library: Library) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    with pytest.raises(LibraryError):
        build_database(library, "texte", blocker / "sous" / "base.db")
    assert blocker.read_text() == "x"


def test_build_replaces_atomically(tmp_path: Path, library: Library) -> None:
    target = tmp_path / "base.db"
    build_database(library, "v1", target)
    changed = parse_text(paths.corpus_text_path().read_text(encoding="utf-8").replace(
        "Crise Covid\u00a0: contradictions", "Crise Covid : incohérences"))
    build_database(changed, "v2", target)
    store = CorpusStore.open(target)
    assert store.fingerprint == text_fingerprint("v2")
    assert store.get("2020-05-20/s1/lead/01").body.startswith("Crise Covid : incohérences")
    assert [p.name for p in tmp_path.iterdir()] == ["base.db"]


@pytest.mark.parametrize("link", [
    "connecteur://2020-05-20/s1/lead/" + "9" * 5000,
    "connecteur://2020-05-20/s" + "9" * 5000 + "/lead/03",
    "2020-05-20/s0000001/lead/03",
])
def test_a_link_with_an_absurd_number_is_simply_not_found(corpus_store: CorpusStore,
                                                           link: str) -> None:
    """The window opens connecteur:// links through find(): it must answer, not raise."""
    assert corpus_store.find(link) is None
    with pytest.raises(NotFoundError, match="un numéro de plus de 6 chiffres") as caught:
        corpus_store.get(link)
    assert len(caught.value.message) < 200


def test_ids_with_up_to_six_digits_still_resolve(corpus_store: CorpusStore) -> None:
    assert corpus_store.find("connecteur://2020-05-20/s000001/lead/000003").id == \
        "2020-05-20/s1/lead/03"
