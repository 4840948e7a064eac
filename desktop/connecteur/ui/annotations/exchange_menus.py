"""Fichier › export and import of the trainer's layer, and of the resources.

* Annotations (all, or one course folder) to Markdown (readable, with references
  and ``connecteur://`` links) or JSON (complete, versioned).
* A JSON export imported into this installation, with the merge report (added,
  skipped, not attached).
* Resources (all, the session shown, or a folder's) to BibTeX, RIS or CSL-JSON.

Files are written atomically (never half a file). The dialogs only choose a path:
the work is in plain methods (``write_annotations``, ``read_annotations``,
``write_resources``) that tests call with a path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from connecteur import paths
from connecteur.corpus import Resource, Session
from connecteur.corpus.text import fold
from connecteur.errors import ConnecteurError
from connecteur.fileio import write_atomically
from connecteur.store import CorpusStore
from connecteur.ui.annotations.user_layer import UserLayer

if TYPE_CHECKING:  # the user layer loads after the first paint
    from connecteur.store import ImportReport

ANNOTATION_FORMATS = {"markdown": ".md", "json": ".json"}
RESOURCE_FORMATS = {"bibtex": ".bib", "ris": ".ris", "csl-json": ".json"}
SavePath = Callable[[str, Path, str], Path | None]  # title, suggested path, filter
OpenPath = Callable[[str, Path, str], Path | None]
Report = Callable[[str, str, str], None]  # title, text, details


def slug(text: str, limit: int = 48) -> str:
    """``Manager en crise — session de mars`` → ``manager-en-crise-session-de-mars``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:limit].strip("-") or "export"


def _save_dialog(parent: QWidget) -> SavePath:
    def ask(title: str, suggested: Path, filters: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
        return Path(chosen) if chosen else None
    return ask


def _open_dialog(parent: QWidget) -> OpenPath:
    def ask(title: str, folder: Path, filters: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
        return Path(chosen) if chosen else None
    return ask


def _report_box(parent: QWidget) -> Report:
    def show(title: str, text: str, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("exchange-report")
        box.setInformativeText(details)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
    return show


class AnnotationExchange(QObject):
    def __init__(self, layer: UserLayer, store: CorpusStore, window: QWidget,
                 current_session: Callable[[], str | None]) -> None:
        super().__init__(window)
        self._layer = layer
        self._store = store
        self._current_session = current_session
        self.ask_save_path: SavePath = _save_dialog(window)
        self.ask_open_path: OpenPath = _open_dialog(window)
        self.show_report: Report = _report_box(window)
        self.directory = paths.documents_dir()
        self.last_report: ImportReport | None = None

    # --- the work (no dialog) --------------------------------------------------------

    def write_annotations(self, target: Path, fmt: str, folder: str | None = None) -> Path | None:
        written = self._layer.attempt(lambda u: u.export_to(target, fmt, folder))
        if written is not None:
            self._layer.message.emit(self.tr("Annotations exportées dans {0}").format(written))
        return written

    def read_annotations(self, source: Path) -> ImportReport | None:
        report = self._layer.attempt(lambda u: u.import_document(Path(source), origin=self))
        self.last_report = report
        if report is not None:
            self.show_report(self.tr("Import des annotations"),
                             self.tr("Import de {0} terminé.").format(Path(source).name),
                             "\n".join(report.lines()))
            self._layer.message.emit(self.tr("Annotations importées (Ctrl+Z pour annuler)."))
        return report

    def resources(self, scope: str) -> list[tuple[Resource, Session]]:
        """``all``, ``session`` (the one shown) or a folder ID."""
        if scope == "all":
            found = self._store.resources()
        elif scope == "session":
            session = self._store.find(self._current_session() or "")
            found = list(session.resources) if isinstance(session, Session) else []
        else:
            found = self._layer.attempt(lambda u: u.folder_resources(scope)) or []
        return [(r, self._store.session_of(r)) for r in found]

    def write_resources(self, target: Path, fmt: str, scope: str = "all") -> Path | None:
        from connecteur.corpus.citations import export_citations

        resources = self.resources(scope)
        if not resources:
            self._layer.failed.emit(self.tr("Aucune ressource à exporter ici (un dossier "
                                            "exporte ses ressources et celles de ses "
                                            "sessions)."))
            return None
        try:
            written = write_atomically(Path(target), export_citations(resources, fmt))
        except ConnecteurError as exc:
            self._layer.failed.emit(str(exc))
            return None
        self._layer.message.emit(self.tr("{0} ressource(s) exportée(s) dans {1}").format(
            len(resources), written))
        return written

    # --- with dialogs ----------------------------------------------------------------

    def _folder_name(self, folder: str | None) -> str | None:
        if folder is None:
            return None
        return self._layer.read(lambda u: u.folders.get(folder).name, folder)

    def export_annotations(self, fmt: str, folder: str | None = None) -> Path | None:
        name = self._folder_name(folder)
        stem = f"dossier-{slug(name)}" if name else "annotations-connecteur"
        suggested = paths.export_path(self.directory, f"{stem}-{date.today().isoformat()}"
                                                      f"{ANNOTATION_FORMATS[fmt]}")
        filters = (self.tr("Markdown (*.md)") if fmt == "markdown"
                   else self.tr("JSON (*.json)"))
        title = (self.tr("Exporter le dossier « {0} »").format(name) if name
                 else self.tr("Exporter toutes les annotations"))
        target = self.ask_save_path(title, suggested, filters)
        if target is None:
            return None
        self.directory = target.parent
        return self.write_annotations(target, fmt, folder)

    def import_annotations(self) -> ImportReport | None:
        source = self.ask_open_path(self.tr("Importer des annotations"), self.directory,
                                    self.tr("Export d'annotations Connecteur (*.json)"))
        if source is None:
            return None
        self.directory = source.parent
        return self.read_annotations(source)

    def export_resources(self, fmt: str, scope: str = "all") -> Path | None:
        if scope == "all":
            stem = "ressources-connecteur"
        elif scope == "session":
            session = self._store.find(self._current_session() or "")
            stem = (f"ressources-{session.date}-session-{session.number}"
                    if isinstance(session, Session) else "ressources-session")
        else:
            stem = f"ressources-{slug(self._folder_name(scope) or 'dossier')}"
        filters = {"bibtex": self.tr("BibTeX (*.bib)"), "ris": self.tr("RIS (*.ris)"),
                   "csl-json": self.tr("CSL-JSON (*.json)")}[fmt]
        target = self.ask_save_path(self.tr("Exporter les ressources"),
                                    paths.export_path(self.directory,
                                                      stem + RESOURCE_FORMATS[fmt]), filters)
        if target is None:
            return None
        self.directory = target.parent
        return self.write_resources(target, fmt, scope)

    # --- menus -----------------------------------------------------------------------

    def fill_folder_menu(self, menu: QMenu, folder_id: str) -> None:
        """A folder's exports (folders panel)."""
        menu.addAction(self.tr("Exporter le dossier en &Markdown…"),
                       lambda: self.export_annotations("markdown", folder_id))
        menu.addAction(self.tr("Exporter le dossier en &JSON…"),
                       lambda: self.export_annotations("json", folder_id))
        sub = menu.addMenu(self.tr("Exporter les &ressources du dossier"))
        self._resource_entries(sub, folder_id)

    def _resource_entries(self, menu: QMenu, scope: str) -> None:
        for fmt, text in (("bibtex", self.tr("BibTeX (.bib)…")), ("ris", self.tr("RIS (.ris)…")),
                          ("csl-json", self.tr("CSL-JSON (.json)…"))):
            menu.addAction(text, lambda f=fmt: self.export_resources(f, scope))

    def fill_file_menu(self, menu: QMenu) -> None:
        """Fichier › Annotations ▸ and Ressources ▸ (filled when they open)."""
        menu.clear()
        ready = self._layer.ready
        for fmt, text in (("markdown", self.tr("Exporter toutes les annotations en "
                                               "&Markdown…")),
                          ("json", self.tr("Exporter toutes les annotations en &JSON…"))):
            action = menu.addAction(text, lambda f=fmt: self.export_annotations(f))
            action.setEnabled(ready)
        folders = self._layer.read(lambda u: u.folders.list(), [])
        if folders:
            sub = menu.addMenu(self.tr("Exporter un &dossier"))
            for folder in folders:
                entry = sub.addMenu(folder.name)
                entry.addAction(self.tr("Markdown…"),
                                lambda f=folder.id: self.export_annotations("markdown", f))
                entry.addAction(self.tr("JSON…"),
                                lambda f=folder.id: self.export_annotations("json", f))
        menu.addSeparator()
        action = menu.addAction(self.tr("&Importer des annotations (JSON)…"),
                                self.import_annotations)
        action.setEnabled(ready)

    def fill_resources_menu(self, menu: QMenu) -> None:
        menu.clear()
        self._resource_entries(menu.addMenu(self.tr("&Toutes les ressources")), "all")
        session = menu.addMenu(self.tr("Ressources de la &session affichée"))
        session.setEnabled(isinstance(self._store.find(self._current_session() or ""), Session))
        self._resource_entries(session, "session")
        folders = self._layer.read(lambda u: u.folders.list(), [])
        if folders:
            sub = menu.addMenu(self.tr("Ressources d'un &dossier"))
            for folder in folders:
                self._resource_entries(sub.addMenu(folder.name), folder.id)
