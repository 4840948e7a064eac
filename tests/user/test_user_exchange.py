"""Export to JSON and Markdown, import into another installation (merge, no duplicates)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from test_user_notes import NASTY
from user_testing import LEAD_03, LEAD_03_TEXT, LEAD_04, remove_lead_03

from connecteur import paths
from connecteur.store import CorpusStore, UserInputError, UserStore
from connecteur.store.user.markdown import neutral

CorpusMaker = Callable[[Callable[[str], str]], CorpusStore]
FOLDER = "Manager en crise — session de mars"
HIGHLIGHT_BACKWARDS = json.dumps({
    "format": "connecteur-annotations", "version": 1, "highlights": [{
        "id": "h", "item_id": LEAD_03, "item_kind": "lead", "item_reference": "",
        "item_text": "", "orphan": False, "quote": "x", "start": 9, "end": 3, "prefix": "",
        "suffix": "", "colour": "yellow", "note": "", "created": "", "modified": ""}]}).encode()
RESOURCE = "2020-05-20/s1/resource/02"


def _fill(user: UserStore) -> None:
    user.notes.add(LEAD_03, "question d'ouverture")
    user.notes.add(LEAD_04, NASTY)
    user.notes.add(RESOURCE, (NASTY + "\n") * 1500)  # about 100,000 characters
    user.highlights.add_quote(LEAD_03, "mémoire des expertises", colour="vert",
                              note="<b>pas du HTML</b> & co")
    user.stars.star(LEAD_03)
    user.stars.star("2020-07-03/s2")
    user.tags.add(LEAD_04, "Numérique")
    user.folders.create(FOLDER, title="Manager en temps de crise", audience="DGS",
                        date="2026-03-12")
    user.folders.add_items(FOLDER, [LEAD_04, LEAD_03, RESOURCE])
    user.folders.set_item_note(FOLDER, LEAD_03, "à relier au cas Mulhouse")
    user.folders.create("Vide")


def _records(document: dict) -> dict:
    return {k: v for k, v in document.items() if k != "exported"}


def _other_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> Path:
    home = tmp_path / name
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    return home


def test_round_trip_into_an_empty_home_then_reimport_skips_all(
        user: UserStore, corpus_store: CorpusStore, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(user)
    exported = tmp_path / "annotations.json"
    user.export_to(exported, "json")
    original = user.export_document()
    user.close()
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("connecteur-annotations", 1)
    assert document["corpus"]["fingerprint"] == corpus_store.fingerprint
    assert len(document["notes"][2]["body"]) > 99_000

    _other_home(tmp_path, monkeypatch, "laptop-b")
    with UserStore.open(corpus_store) as other:
        assert other.notes.all() == []
        report = other.import_document(exported)
        assert dict(report.added) == {"notes": 3, "highlights": 1, "stars": 2, "tags": 1,
                                      "folders": 2, "entries": 3}
        assert sum(report.skipped.values()) == 0 and not report.unattached
        assert _records(other.export_document()) == _records(original)
        assert [n.body for n in other.notes.for_item(LEAD_04)] == [NASTY]
        assert other.folders.item_ids(FOLDER) == [LEAD_04, LEAD_03, RESOURCE]

        again = other.import_document(exported)
        assert not again.changed_anything
        assert dict(again.skipped) == {"notes": 3, "highlights": 1, "stars": 2, "tags": 1,
                                       "folders": 2, "entries": 3}
        assert again.lines()[0] == "Ajouté : rien."
        assert _records(other.export_document()) == _records(original)

        other.undo()  # the second import did nothing; undo it, then the first
        other.undo()
        assert other.notes.all() == [] and other.folders.list() == []
        other.redo()
        assert _records(other.export_document()) == _records(original)


def test_merge_with_local_work(user: UserStore, corpus_store: CorpusStore, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(user)
    note = user.notes.for_item(LEAD_03)[0]
    document = user.export_document()
    user.close()
    _other_home(tmp_path, monkeypatch, "laptop-b")
    with UserStore.open(corpus_store) as other:
        other.import_document(document)
        other.notes.add(LEAD_03, "question d'ouverture")  # same text, another ID
        other.stars.star(LEAD_04)
        other.folders.set_item_note(FOLDER, LEAD_04, "note écrite ici")
        newer = json.loads(json.dumps(document))
        newer["notes"][0]["body"] = "question d'ouverture, reformulée"
        newer["notes"][0]["modified"] = "2999-01-01T00:00:00.000000Z"
        newer["folders"][0]["entries"][0]["note"] = "note écrite là-bas"
        newer["folders"].append({**newer["folders"][1], "id": "autre-id", "entries": []})
        report = other.import_document(newer)
        assert report.updated["notes"] == 1 and report.updated["entries"] == 1
        assert report.renamed == [("Vide", "Vide (importé)")]
        assert other.notes.get(note.id).body == "question d'ouverture, reformulée"
        assert other.folders.entries(FOLDER)[0].note == "note écrite ici\n\nnote écrite là-bas"
        assert len(other.stars.list()) == 3
        assert [f.name for f in other.folders.list()] == [FOLDER, "Vide", "Vide (importé)"]
        assert any("importé sous le nom « Vide (importé) »" in line for line in report.lines())


def test_annotations_made_on_another_text_are_reattached_or_kept(
        user: UserStore, make_corpus: CorpusMaker, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Here the third lead is gone from the text (the fourth is now the third)."""
    _fill(user)
    document = user.export_document()
    user.close()
    gone = make_corpus(remove_lead_03)
    _other_home(tmp_path, monkeypatch, "laptop-b")
    with UserStore.open(gone) as other:
        report = other.import_document(document)
        assert report.unattached["notes"] == 1 and report.unattached["highlights"] == 1
        assert report.unattached["stars"] == 1 and report.unattached["entries"] == 1
        assert any("Annotations orphelines" in line for line in report.lines())
        orphans = {o.kind: o for o in other.orphans()}
        assert orphans["note"].text == "question d'ouverture"
        assert orphans["highlight"].quote == "mémoire des expertises"
        assert orphans["note"].item_text == LEAD_03_TEXT
        assert [n.body for n in other.notes.for_item(LEAD_03)] == [NASTY]  # followed its lead
        assert other.folders.item_ids(FOLDER) == [LEAD_03, RESOURCE]
        assert other.import_document(document).changed_anything is False  # still no copies


@pytest.mark.parametrize(("content", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "pas un fichier texte UTF-8"),
    (b"pas du json", "ce n'est pas du JSON lisible"),
    (b'{"events": []}', "n'est pas un export d'annotations Connecteur"),
    (b'[1, 2]', "n'est pas un export d'annotations Connecteur"),
    (b'{"format": "connecteur-annotations", "version": 7}', "version plus récente"),
    (b'{"format": "connecteur-annotations", "version": "1"}', "version absent ou invalide"),
    (b'{"format": "connecteur-annotations", "version": 1, "notes": [{"id": "x"}]}',
     r"notes\[0\]\.item_id est absent ou mal formé"),
    (b'{"format": "connecteur-annotations", "version": 1, "notes": {}}',
     "« notes » devrait être une liste"),
    (HIGHLIGHT_BACKWARDS, r"highlights\[0\] a des positions impossibles"),
])
def test_foreign_files_get_a_french_error_and_change_nothing(
        user: UserStore, tmp_path: Path, content: bytes, message: str) -> None:
    user.notes.add(LEAD_03, "à garder")
    path = tmp_path / "fichier.json"
    path.write_bytes(content)
    with pytest.raises(UserInputError, match=message):
        user.import_document(path)
    assert [n.body for n in user.notes.all()] == ["à garder"]
    assert user.history.undo_label == "ajouter une note"


def test_missing_file(user: UserStore, tmp_path: Path) -> None:
    with pytest.raises(UserInputError, match="n'existe pas"):
        user.import_document(tmp_path / "absent.json")


def test_markdown_is_readable_and_links_back(user: UserStore) -> None:
    _fill(user)
    text = user.export_markdown()
    assert text.startswith("# Mes annotations — Connecteur Recherche 2020\n")
    assert ("## Connecteur Recherche, 20 mai 2020, session 1 — La gestion de crise" in text)
    assert f"[connecteur://{LEAD_03}](connecteur://{LEAD_03})" in text
    assert "★ favori" in text and "étiquettes : Numérique" in text
    assert "**Surlignage vert** : « mémoire des expertises »" in text
    assert neutral(NASTY) in text  # notes are Markdown already: written as typed, inert
    assert "&lt;script>alert(\"x\")&lt;/script>" in text and "**gras** - liste" in text
    assert "> Problème de la mémoire des expertises" in text
    assert "## Dossier de formation : Manager en crise — session de mars" in text
    assert "- Date : 12 mars 2026" in text and "*Dossier vide.*" in text
    # the 20 May sessions come before the 3 July ones, as in the document
    assert text.index("20 mai 2020, session 1") < text.index("3 juillet 2020, session 2")


def test_folder_export(user: UserStore, tmp_path: Path) -> None:
    _fill(user)
    user.notes.add("2020-07-03/s1/lead/01", "hors du dossier")
    document = user.export_document(FOLDER)
    assert document["scope"]["kind"] == "folder" and [f["name"] for f in document["folders"]] \
        == [FOLDER]
    assert {n["item_id"] for n in document["notes"]} == {LEAD_03, LEAD_04, RESOURCE}
    assert [s["item_id"] for s in document["stars"]] == [LEAD_03]
    markdown = tmp_path / "dossier.md"
    user.export_to(markdown, "markdown", folder="manager en crise — SESSION de mars")
    text = markdown.read_text(encoding="utf-8")
    assert text.startswith(f"# Dossier de formation : {FOLDER}\n")
    assert "- Public : DGS" in text and "hors du dossier" not in text
    assert text.index("## 1. Apparition dans") < text.index("## 2. Problème de la mémoire")
    assert "**Note pour ce dossier** :\n\nà relier au cas Mulhouse" in text


HOSTILE = ('<script>alert(1)</script> <img src=x onerror="alert(2)"> <iframe src=//a>\x00'
           '\x1b[2J\x1b]0;titre\x07 <!-- commentaire --> [clic](javascript:alert(3)) '
           '<https://www.cnfpt.fr> 2 < 3\r\nfin')


def test_markdown_neutralises_raw_html_and_control_characters(user: UserStore,
                                                              tmp_path: Path) -> None:
    user.notes.add(LEAD_03, HOSTILE)
    user.highlights.add_quote(LEAD_03, "mémoire des expertises", note=HOSTILE)
    user.folders.create("Dossier\x1b[31m", title="titre")
    user.folders.add_items("Dossier\x1b[31m", [LEAD_03])
    user.folders.set_item_note("Dossier\x1b[31m", LEAD_03, HOSTILE)
    for folder in (None, "Dossier\x1b[31m"):
        target = user.export_to(tmp_path / "export.md", "markdown", folder=folder)
        text = target.read_text(encoding="utf-8")
        assert not re.search(r"<(?!https://www\.cnfpt\.fr>)[A-Za-z/!?]", text)  # no raw HTML
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)  # no control character
        assert not re.search(r"[^\\]\]\(javascript:", text)  # no longer a link
        assert "[clic\\](javascript:alert(3))" in text
        assert "&lt;script>alert(1)&lt;/script>" in text and "<https://www.cnfpt.fr>" in text
        assert "2 < 3\nfin" in text


def test_markdown_links_point_to_the_library_addresses(user: UserStore,
                                                       corpus_store: CorpusStore) -> None:
    """Rendered GitHub-style, every web link of the export is one of the annotated
    items' own addresses (or one a note links to), and no escape shows."""
    from markdown_it import MarkdownIt

    items = ["2020-05-20/s2/resource/05", "2020-05-20/s2/resource/18",
             "2020-05-20/s4/resource/04", "2020-07-03/s3/resource/11"]
    for item_id in items:
        user.notes.add(item_id, "à lire, voir [la fiche](https://www.cnfpt.fr/x_y)")
        user.stars.star(item_id)
    user.folders.create("Liens")
    user.folders.add_items("Liens", items)
    renderer = MarkdownIt("gfm-like")
    renderer.linkify.set({"fuzzy_link": False, "fuzzy_email": False})
    expected = {u for i in items for u in corpus_store.get(i).urls} | {
        "https://www.cnfpt.fr/x_y"}
    for text in (user.export_markdown(), user.export_markdown("Liens")):
        tokens = renderer.parse(text)
        children = [c for t in tokens if t.children for c in t.children]
        hrefs = [c.attrs["href"] for c in children if c.type == "link_open"]
        web = {h for h in hrefs if h.startswith("http")}
        assert web == expected
        shown = "".join(c.content for c in children if c.type == "text")
        assert "\\_" not in shown and "\\#" not in shown
        assert not [h for h in hrefs if not h.startswith(("http", "connecteur://"))]
