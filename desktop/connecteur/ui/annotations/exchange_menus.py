"""Fichier › Annotations and Fichier › Ressources, and a folder's export entries.

The work is ``connecteur.app.exchange``'s (shared with the command line); this module
asks for a path, runs the work as an operation (off the UI thread) and says what
happened. An import shows its progress and can be cancelled: the store then rolls
everything back, so nothing is half-imported.

The dialogs only choose a path (``ask_save_path`` / ``ask_open_path`` can be replaced,
which is how tests drive it); ``write_annotations``, ``read_annotations`` and
``write_resources`` take a path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QWidget

from connecteur import paths
from connecteur.app import exchange
from connecteur.app.exchange import ResourceScope
from connecteur.store import CorpusStore
from connecteur.ui.annotations.user_layer import UserLayer
from connecteur.ui.common import labels
from connecteur.ui.common.progress import background_progress
from connecteur.ui.shell.operations import WORK, Operation, OperationRunner, Ticket

if TYPE_CHECKING:  # the user layer loads after the first paint
    from connecteur.store import ImportReport

SavePath = Callable[[str, Path, str], Path | None]  # title, suggested path, filter
OpenPath = Callable[[str, Path, str], Path | None]
Report = Callable[[str, str, str], None]  # title, text, details


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
    imported = Signal(object)  # the ImportReport, once an import is committed

    def __init__(self, layer: UserLayer, library: CorpusStore, operations: OperationRunner,
                 window: QWidget, current_session: Callable[[], str | None]) -> None:
        super().__init__(window)
        self._layer = layer
        self._library = library
        self._operations = operations
        self._window = window
        self._current_session = current_session
        self.ask_save_path: SavePath = _save_dialog(window)
        self.ask_open_path: OpenPath = _open_dialog(window)
        self.show_report: Report = _report_box(window)
        self.directory = paths.documents_dir()
        self.last_report: ImportReport | None = None
        self.import_ticket: Ticket | None = None
        self.progress_dialog: QProgressDialog | None = None

    def use_library(self, library: CorpusStore) -> None:
        """Another library (a document imported or removed): resources come from it."""
        self._library = library

    # --- the work (no dialog) --------------------------------------------------------

    def write_annotations(self, target: Path, fmt: str, folder: str | None = None) -> None:
        """Export in the background; the status bar says where it went."""
        said = self.tr("Annotations exportées dans {0}")
        self._layer.write(lambda u: exchange.write_annotations(u, target, fmt, folder),
                          done=lambda written: self._layer.message.emit(said.format(written)),
                          label=self.tr("Export des annotations…"))

    def read_annotations(self, source: Path) -> Ticket | None:
        """Import in the background, with a progress dialog and Cancel."""
        if self.import_ticket is not None and self.import_ticket.running:
            self._layer.failed.emit(self.tr("Un import est déjà en cours."))
            return None
        source = Path(source)
        dialog = self._progress_dialog(source.name)
        ticket = self._layer.write(
            lambda u, progress, cancelled: exchange.import_annotations(
                u, source, origin=self, progress=progress, cancelled=cancelled),
            label=self.tr("Import des annotations…"),
            progress=self._progressed, done=lambda report: self._imported(source, report),
            failed=self._import_failed, on_cancel=self._import_cancelled)
        self.import_ticket = ticket
        if ticket is None:
            dialog.close()
        else:
            dialog.canceled.connect(ticket.cancel)
        return ticket

    def _progress_dialog(self, name: str) -> QProgressDialog:
        dialog = background_progress(self.tr("Import de {0}…").format(name),
                                     self.tr("Import des annotations"), "import-progress",
                                     self._window)
        self.progress_dialog = dialog
        return dialog

    def _progressed(self, done: int, total: int) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(max(total, 0))
            self.progress_dialog.setValue(min(done, total) if total else 0)

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect()
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _imported(self, source: Path, report: ImportReport) -> None:
        self._close_progress()
        self.last_report = report
        self.show_report(self.tr("Import des annotations"),
                         self.tr("Import de {0} terminé.").format(source.name),
                         "\n".join(report.lines()))
        self._layer.message.emit(self.tr("Annotations importées (Ctrl+Z pour annuler)."))
        self.imported.emit(report)

    def _import_failed(self, message: str) -> None:
        self._close_progress()
        self._layer.failed.emit(message)

    def _import_cancelled(self) -> None:
        self._close_progress()
        self._layer.message.emit(self.tr("Import annulé : aucune annotation n'a été "
                                         "ajoutée."))

    def resources(self, scope: ResourceScope) -> list:
        """The resources of a scope (read now, for the menus and the tests)."""
        user = self._layer.user if self._layer.ready else None
        return exchange.resources_in_scope(self._library, user, scope)

    def write_resources(self, target: Path, fmt: str, scope: ResourceScope) -> None:
        user = self._layer.user if self._layer.ready else None
        library = self._library

        def work() -> tuple[Path, int]:
            found = exchange.resources_in_scope(library, user, scope)
            return exchange.write_citations(target, found, fmt), len(found)

        one, many = (self.tr("{0} ressource exportée dans {1}"),
                     self.tr("{0} ressources exportées dans {1}"))
        self._operations.run(Operation(
            work, label=self.tr("Export des ressources…"), lane=WORK,
            done=lambda result: self._layer.message.emit(
                labels.plural(result[1], one, many).format(result[1], result[0])),
            failed=self._layer.failed.emit))

    # --- with dialogs ----------------------------------------------------------------

    def _folder_name(self, folder: str | None) -> str | None:
        if folder is None:
            return None
        return self._layer.read(lambda u: u.folders.get(folder).name, folder)

    def export_annotations(self, fmt: str, folder: str | None = None) -> None:
        name = self._folder_name(folder)
        suggested = paths.export_path(self.directory, exchange.annotations_filename(name, fmt))
        filters = (self.tr("Markdown (*.md)") if fmt == "markdown"
                   else self.tr("JSON (*.json)"))
        title = (self.tr("Exporter le dossier « {0} »").format(name) if name
                 else self.tr("Exporter toutes les annotations"))
        target = self.ask_save_path(title, suggested, filters)
        if target is not None:
            self.directory = target.parent
            self.write_annotations(target, fmt, folder)

    def import_annotations(self) -> None:
        source = self.ask_open_path(self.tr("Importer des annotations"), self.directory,
                                    self.tr("Export d'annotations Connecteur (*.json)"))
        if source is not None:
            self.directory = source.parent
            self.read_annotations(source)

    def export_resources(self, fmt: str, scope: ResourceScope) -> None:
        if scope.kind == exchange.SESSION and not scope.key:
            scope = ResourceScope(exchange.SESSION, self._current_session() or "")
        name = self._folder_name(scope.key) if scope.kind == exchange.FOLDER else None
        filters = {"bibtex": self.tr("BibTeX (*.bib)"), "ris": self.tr("RIS (*.ris)"),
                   "csl-json": self.tr("CSL-JSON (*.json)")}[fmt]
        suggested = paths.export_path(
            self.directory, exchange.resources_filename(scope, self._library, fmt, name))
        target = self.ask_save_path(self.tr("Exporter les ressources"), suggested, filters)
        if target is not None:
            self.directory = target.parent
            self.write_resources(target, fmt, scope)

    # --- menus -----------------------------------------------------------------------

    def fill_folder_menu(self, menu: QMenu, folder_id: str) -> None:
        """A folder's exports (folders panel)."""
        menu.addAction(self.tr("Exporter le dossier en &Markdown…"),
                       lambda: self.export_annotations("markdown", folder_id))
        menu.addAction(self.tr("Exporter le dossier en &JSON…"),
                       lambda: self.export_annotations("json", folder_id))
        sub = menu.addMenu(self.tr("Exporter les &ressources du dossier"))
        self._resource_entries(sub, ResourceScope(exchange.FOLDER, folder_id))

    def _resource_entries(self, menu: QMenu, scope: ResourceScope) -> None:
        for fmt, text in (("bibtex", self.tr("BibTeX (.bib)…")), ("ris", self.tr("RIS (.ris)…")),
                          ("csl-json", self.tr("CSL-JSON (.json)…"))):
            menu.addAction(text, lambda f=fmt: self.export_resources(f, scope))

    def fill_file_menu(self, menu: QMenu) -> None:
        """Fichier › Annotations ▸ (filled when it opens)."""
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
        action.setObjectName("import-annotations")
        action.setEnabled(self._layer.writable)

    def fill_resources_menu(self, menu: QMenu) -> None:
        """Fichier › Ressources ▸ (filled when it opens)."""
        menu.clear()
        self._resource_entries(menu.addMenu(self.tr("&Toutes les ressources")), ResourceScope())
        session = menu.addMenu(self.tr("Ressources de la &session affichée"))
        current = self._current_session() or ""
        session.setEnabled(self._library.find(current) is not None
                           and self._library.find(current).kind == "session")
        self._resource_entries(session, ResourceScope(exchange.SESSION))
        folders = self._layer.read(lambda u: u.folders.list(), [])
        if folders:
            sub = menu.addMenu(self.tr("Ressources d'un &dossier"))
            for folder in folders:
                self._resource_entries(sub.addMenu(folder.name),
                                       ResourceScope(exchange.FOLDER, folder.id))
