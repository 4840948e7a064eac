"""Fichier › Annotations and Ressources: exports to Markdown / JSON with sensible
default names, an import into an empty installation with its merge report, the
resources to BibTeX / RIS / CSL-JSON read back with real parsers; errors in French
and no half-written file."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import rispy
from user_ui_helpers import LEAD_03, LEAD_04, NASTY, SESSION_1, open_window, user, written

from connecteur import paths
from connecteur.app.exchange import FOLDER, SESSION, ResourceScope
from connecteur.corpus.citations import citations
from connecteur.store.user.markdown import neutral

RESOURCE = "2020-05-20/s1/resource/01"


class Chooser:
    """Stands in for the file dialogs: records what was suggested, answers a path."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.suggested: list[Path] = []
        self.answer: Path | None = None

    def save(self, _title: str, suggested: Path, _filters: str) -> Path:
        self.suggested.append(suggested)
        self.chosen = self.answer or self.folder / suggested.name
        return self.chosen

    def open(self, _title: str, _folder: Path, _filters: str) -> Path | None:
        return self.answer


def _annotate(window) -> str:
    store = user(window)
    store.notes.add(LEAD_03, NASTY + "\n\n- premier point\n- **second**")
    store.highlights.add_quote(LEAD_03, "mémoire des expertises", colour="green",
                               note="à citer")
    store.stars.star(LEAD_04)
    store.tags.add(LEAD_04, "ouverture")
    folder = store.folders.create("Manager en crise — session de mars", audience="Encadrants")
    store.folders.add_items(folder.id, [SESSION_1, LEAD_03, RESOURCE])
    store.folders.set_item_note(folder.id, LEAD_03, "question d'ouverture")
    return folder.id


def test_export_then_import_into_an_empty_home(qtbot, make_window, tmp_path, monkeypatch) -> None:
    window = open_window(qtbot, make_window)
    folder_id = _annotate(window)
    exchange = window.exchange
    chooser = Chooser(tmp_path)
    exchange.ask_save_path, exchange.ask_open_path = chooser.save, chooser.open
    assert exchange.directory == paths.documents_dir()

    # Fichier › Annotations ▸ and Ressources ▸ are filled when they open.
    file_menu = window.actions.menus["annotations"]
    file_menu.aboutToShow.emit()
    texts = [a.text() for a in file_menu.actions()]
    assert texts[:2] == ["Exporter toutes les annotations en &Markdown…",
                         "Exporter toutes les annotations en &JSON…"]
    assert "Exporter un &dossier" in texts and "&Importer des annotations (JSON)…" in texts
    resources_menu = window.actions.menus["resources"]
    resources_menu.aboutToShow.emit()
    assert [a.text() for a in resources_menu.actions()] == [
        "&Toutes les ressources", "Ressources de la &session affichée",
        "Ressources d'un &dossier"]
    file_menu.actions()[1].trigger()  # "… en JSON…": the dialog is asked for a path
    assert chooser.suggested[-1].name.startswith("annotations-connecteur-")
    assert chooser.suggested[-1].suffix == ".json"

    def export(fmt: str, folder: str | None = None) -> Path:
        exchange.export_annotations(fmt, folder)  # written in the background
        written(qtbot, window)
        return chooser.chosen

    markdown = export("markdown")
    assert chooser.suggested[-1].name.startswith("annotations-connecteur-")
    assert chooser.suggested[-1].suffix == ".md" and markdown.is_file()
    text = markdown.read_text(encoding="utf-8")
    assert f"connecteur://{LEAD_03}" in text and neutral(NASTY) in text  # no raw HTML
    assert "Connecteur Recherche, 20 mai 2020, session 1" in text
    folder_json = export("json", folder_id)
    assert folder_json.name.startswith("dossier-manager-en-crise-session-de-mars-")
    scope = json.loads(folder_json.read_text(encoding="utf-8"))["scope"]
    assert scope == {"kind": "folder", "folder": folder_id,
                     "name": "Manager en crise — session de mars"}
    everything = export("json")
    document = json.loads(everything.read_text(encoding="utf-8"))
    assert [len(document[k]) for k in ("notes", "highlights", "stars", "tags", "folders")] \
        == [1, 1, 1, 1, 1]
    assert "Annotations exportées" in window.status.currentMessage()

    # Another installation: an empty home, the same corpus.
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "other-home"))
    other = open_window(qtbot, make_window)
    assert user(other).notes.all() == []
    reports: list[tuple[str, str, str]] = []
    imported = other.exchange
    imported.show_report = lambda *report: reports.append(report)
    imported.ask_open_path = lambda *_args: everything
    imported.import_annotations()  # in the background, with a progress dialog
    written(qtbot, other)
    report = imported.last_report
    assert report is not None and reports
    assert "Ajouté : 1 note, 1 surlignage, 1 favori, 1 étiquette, 1 dossier, " \
        "3 éléments de dossier." in reports[0][2]
    assert [n.body for n in user(other).notes.for_item(LEAD_03)] == \
        [NASTY + "\n\n- premier point\n- **second**"]
    [folder] = user(other).folders.list()
    assert user(other).folders.item_ids(folder.id) == [SESSION_1, LEAD_03, RESOURCE]
    assert other.folders.model.rowCount() == 1
    assert other.favorites.model.item_ids == [LEAD_04]
    assert other.undo.undo.text() == "&Annuler : importer des annotations"
    # Again: nothing is duplicated.
    imported.import_annotations()
    written(qtbot, other)
    again = imported.last_report
    assert again is not report and not again.changed_anything and "Ajouté : rien." in reports[-1][2]
    assert len(user(other).notes.all()) == 1


def test_refused_files_say_why_in_french_and_write_nothing(qtbot, make_window, tmp_path) -> None:
    window = open_window(qtbot, make_window)
    _annotate(window)
    exchange = window.exchange
    missing = tmp_path / "absent" / "notes.md"
    exchange.write_annotations(missing, "markdown")
    written(qtbot, window)
    assert "n'existe pas" in window.status.currentMessage() and not missing.parent.exists()
    foreign = tmp_path / "autre.json"
    foreign.write_text('{"format": "autre chose"}', encoding="utf-8")
    before = len(user(window).notes.all())
    exchange.read_annotations(foreign)
    written(qtbot, window)
    assert "n'est pas un export d'annotations Connecteur" in window.status.currentMessage()
    assert exchange.progress_dialog is None  # closed
    assert len(user(window).notes.all()) == before
    exchange.ask_save_path = lambda *_args: None  # the dialog was cancelled
    exchange.export_annotations("json")
    written(qtbot, window)
    assert list(tmp_path.iterdir()) == [foreign]


def test_resources_export_to_bibtex_ris_and_csl_json(qtbot, make_window, tmp_path,
                                                     corpus_store) -> None:
    window = open_window(qtbot, make_window)
    folder_id = _annotate(window)
    exchange = window.exchange
    chooser = Chooser(tmp_path)
    exchange.ask_save_path = chooser.save
    window.navigate(SESSION_1)
    session = corpus_store.get(SESSION_1)
    def entries(resources) -> int:  # one per reference: a bullet may hold several
        return len(citations([(r, corpus_store.session_of(r)) for r in resources]))

    expected = [(ResourceScope(), entries(corpus_store.resources())),
                (ResourceScope(SESSION), entries(session.resources)),
                # the folder holds the whole session
                (ResourceScope(FOLDER, folder_id), entries(session.resources))]

    def export(fmt: str, scope: ResourceScope) -> Path:
        exchange.export_resources(fmt, scope)
        written(qtbot, window)
        return chooser.chosen

    for scope, count in expected:
        bib = export("bibtex", scope)
        assert len(bibtexparser.parse_string(bib.read_text(encoding="utf-8")).entries) == count
        ris = export("ris", scope)
        assert len(rispy.loads(ris.read_text(encoding="utf-8"))) == count
        csl = export("csl-json", scope)
        assert len(json.loads(csl.read_text(encoding="utf-8"))) == count
    names = [p.name for p in chooser.suggested]
    assert names[:3] == ["ressources-connecteur.bib", "ressources-connecteur.ris",
                         "ressources-connecteur.json"]
    assert names[3] == "ressources-2020-05-20-session-1.bib"
    assert names[6] == "ressources-manager-en-crise-session-de-mars.bib"
    assert "ressources exportées dans" in window.status.currentMessage()
    # A folder without resources: said, nothing written.
    empty = user(window).folders.create("Vide")
    before = list(tmp_path.iterdir())
    export("ris", ResourceScope(FOLDER, empty.id))
    assert "Aucune ressource" in window.status.currentMessage()
    assert list(tmp_path.iterdir()) == before
