"""Fichier › Importer un document… and Fichier › Documents importés…

The work is ``connecteur.app.documents``' (shared with the command line); this module
asks for a file, runs the work as operations (off the UI thread), shows the preview,
the progress and the outcome:

* reading and parsing the file runs on the work lane — it writes nothing, and a long
  PDF takes a moment (progress by page, Cancel);
* the preview dialog comes next; nothing is written before the trainer confirms;
* the import itself runs on the write lane: besides the library file it re-attaches
  the trainer's annotations in the user database, whose single writer that lane is
  (a star asked for meanwhile waits its turn rather than racing the re-anchoring), and
  keeps the open search index in step. Its stages are named in the progress dialog;
  Cancel holds until the writing starts;
* removing asks first, then runs on the write lane too.

After an import or a removal, ``library_changed`` carries the new library for the
window to show everywhere; a report says what became of the annotations.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from connecteur import paths
from connecteur.app.documents import (
    DocumentPreview,
    ImportOutcome,
    RemovalOutcome,
    import_document,
    preview_document,
    remove_document,
)
from connecteur.corpus.reference import french_date
from connecteur.ui.annotations.user_layer import CLOSED
from connecteur.ui.common.progress import background_progress
from connecteur.ui.documents import wording
from connecteur.ui.documents.documents_dialog import DocumentsDialog
from connecteur.ui.documents.preview_dialog import PreviewDialog
from connecteur.ui.shell.context import ApplicationContext
from connecteur.ui.shell.operations import WORK, WRITE, Operation, Ticket

OpenPath = Callable[[str, Path, str], Path | None]  # title, folder, filters


def _open_dialog(parent: Callable[[], QWidget]) -> OpenPath:
    def ask(title: str, folder: Path, filters: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent(), title, str(folder), filters)
        return Path(chosen) if chosen else None
    return ask


class LibraryDocuments(QObject):
    library_changed = Signal(object)  # the CorpusStore to show everywhere
    show_requested = Signal(str)  # a place to show (the first day just imported)
    orphans_requested = Signal()  # "Annotations orphelines…" from a report
    message = Signal(str)  # news for the status bar
    failed = Signal(str)  # a refusal or a failure (French), for the status bar
    library_touched = Signal()  # a write failed midway: the library file may have changed
    _stage_incoming = Signal(str)

    def __init__(self, context: ApplicationContext, window: QWidget) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self.ask_open_path: OpenPath = _open_dialog(self._dialog_parent)
        self.directory = paths.documents_dir()
        self.ticket: Ticket | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.preview_dialog: PreviewDialog | None = None
        self.documents_dialog: DocumentsDialog | None = None
        self.report_box: QMessageBox | None = None
        self.last_preview: DocumentPreview | None = None
        self.last_outcome: ImportOutcome | None = None
        self.last_removal: RemovalOutcome | None = None
        self._name = ""
        self.stage = ""  # what the import running (or the last one) was doing, in French
        # A slot of this object: stages named in the worker arrive on the UI thread.
        self._stage_incoming.connect(self._stage)

    @property
    def busy(self) -> bool:
        """Reading, importing or removing a document right now."""
        return self.ticket is not None and self.ticket.running

    def _refuse_if_busy(self) -> bool:
        if self.busy:
            self.failed.emit(self.tr("Un document est déjà en cours d'import ou de retrait."))
        return self.busy

    # --- importing -----------------------------------------------------------------------

    def start_import(self) -> None:
        """Fichier › Importer un document… : choose a file, then read it."""
        if self._refuse_if_busy():
            return
        path = self.ask_open_path(
            self.tr("Importer un document"), self.directory,
            self.tr("Synthèses Connecteur (*.pdf *.txt);;PDF (*.pdf);;Texte (*.txt);;"
                    "Tous les fichiers (*)"))
        if path is not None:
            self.directory = path.parent
            self.preview(path)

    def preview(self, path: Path) -> Ticket | None:
        """Read and parse ``path`` in the background (nothing is written), then show
        what it holds."""
        if self._refuse_if_busy():
            return None
        path, corpus = Path(path), self._context.library
        self._name = path.name
        self._open_progress(self.tr("Lecture de « {0} »…").format(path.name))
        return self._track(self._context.operations.run(Operation(
            lambda progress, cancelled: preview_document(
                path, corpus=corpus, progress=progress, cancelled=cancelled),
            label=self.tr("Lecture du document…"), lane=WORK, done=self._previewed,
            failed=self._refused, on_cancel=self._cancelled, progress=self._progressed)))

    def _previewed(self, preview: DocumentPreview) -> None:
        self._close_progress()
        self.last_preview = preview
        dialog = PreviewDialog(preview, self._dialog_parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.write(preview, replace=dialog.replace))
        dialog.open()
        self.preview_dialog = dialog

    def write(self, preview: DocumentPreview, replace: bool = False) -> Ticket | None:
        """Import a previewed document (the trainer confirmed), in the background."""
        if self._refuse_if_busy():
            return None
        layer, search = self._context.user, self._context.search
        if layer.state == CLOSED:
            layer.open()  # its opening goes first on the write lane
        corpus, service = self._context.library, search.service
        self._name = preview.document.source.name
        self._open_progress(self.tr("Import de « {0} »…").format(self._name))

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]
                 ) -> ImportOutcome:
            return import_document(preview, replace=replace, corpus=corpus, user=layer.user,
                                   search=service, progress=progress,
                                   stage=self._stage_incoming.emit, cancelled=cancelled)

        return self._track(self._context.operations.run(Operation(
            work, label=self.tr("Import du document…"), lane=WRITE, done=self._imported,
            failed=self._write_failed, on_cancel=self._cancelled,
            progress=self._progressed)))

    def _imported(self, outcome: ImportOutcome) -> None:
        self._close_progress()
        self.last_outcome = outcome
        preview = outcome.preview
        name = preview.document.source.name
        if not outcome.changed:
            self.message.emit(self.tr("« {0} » est déjà dans la bibliothèque, à "
                                      "l'identique : rien n'a changé.").format(name))
            return
        self.library_changed.emit(outcome.corpus)
        if self.documents_dialog is not None:
            self.documents_dialog.set_library(outcome.corpus)
        self.show_requested.emit(preview.library.events[0].id)
        headline = self.tr("« {0} » ajouté à la bibliothèque : {1}, {2} ; {3}.").format(
            name, wording.days(len(preview.library.events)),
            wording.sessions(len(preview.sessions)), wording.contents(preview.totals))
        lines = [self.tr("Remplace le document « {0} » (importé le {1}).").format(
            d.name, french_date(d.imported[:10])) for d in outcome.replaced]
        lines += wording.anchoring_lines(outcome.anchoring)
        if outcome.indexed is not None:
            lines.append(wording.counted(
                outcome.indexed, self.tr("Recherche : {0} élément ajouté à l'index."),
                self.tr("Recherche : {0} éléments ajoutés à l'index.")))
        lines += list(outcome.notes)
        orphans = outcome.anchoring.counts["orphaned"] if outcome.anchoring else 0
        self._report(self.tr("Document importé"), headline, lines, orphans)
        self.message.emit(headline)

    # --- the documents, removing -----------------------------------------------------------

    def show_documents(self) -> DocumentsDialog:
        """Fichier › Documents importés…"""
        dialog = self.documents_dialog
        if dialog is None:
            dialog = DocumentsDialog(self._context.library, self._window)
            dialog.remove_requested.connect(self.remove)
            dialog.import_requested.connect(self.start_import)
            self.documents_dialog = dialog
        else:
            dialog.set_library(self._context.library)
        dialog.set_busy("")
        dialog.open()
        dialog.raise_()
        return dialog

    def remove(self, document_id: str) -> Ticket | None:
        """Take an imported document out of the library, in the background."""
        if self._refuse_if_busy():
            return None
        layer, search = self._context.user, self._context.search
        if layer.state == CLOSED:
            layer.open()
        corpus, service = self._context.library, search.service
        if self.documents_dialog is not None:
            self.documents_dialog.set_busy(self.tr("Retrait en cours…"))
        return self._track(self._context.operations.run(Operation(
            lambda: remove_document(document_id, corpus=corpus, user=layer.user,
                                    search=service),
            label=self.tr("Retrait du document…"), lane=WRITE, done=self._removed,
            failed=self._write_failed)))

    def _removed(self, outcome: RemovalOutcome) -> None:
        self.last_removal = outcome
        self.library_changed.emit(outcome.corpus)
        if self.documents_dialog is not None:
            self.documents_dialog.set_library(outcome.corpus)
            self.documents_dialog.set_busy("")
        document = outcome.document
        headline = self.tr("« {0} » retiré de la bibliothèque ({1}).").format(
            document.name, ", ".join(french_date(d) for d in document.dates))
        lines = [wording.orphans(outcome.orphans)] if outcome.orphans else []
        self._report(self.tr("Document retiré"), headline, lines + list(outcome.notes),
                     outcome.orphans)
        self.message.emit(headline)

    # --- refusals, failures, cancellation ------------------------------------------------

    def _refused(self, message: str) -> None:
        """The file is not a document that can be imported: say why, in French."""
        self._close_progress()
        self._warn(self.tr("Document refusé"), message)

    def _write_failed(self, message: str) -> None:
        self._close_progress()
        if self.documents_dialog is not None:
            self.documents_dialog.set_busy("")
        self._warn(self.tr("Opération impossible"), message)
        self.library_touched.emit()

    def _cancelled(self) -> None:
        self._close_progress()
        self.message.emit(self.tr("Import annulé : rien n'a été écrit."))

    def _warn(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message,
                          QMessageBox.StandardButton.Ok, self._dialog_parent())
        box.setObjectName("documents-refusal")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.report_box = box
        self.failed.emit(message)

    def _report(self, title: str, headline: str, lines: list[str], orphans: int) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, headline,
                          QMessageBox.StandardButton.Ok, self._dialog_parent())
        box.setObjectName("documents-report")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("\n\n".join(lines))
        if orphans:
            show = box.addButton(self.tr("Annotations orphelines…"),
                                 QMessageBox.ButtonRole.ActionRole)
            show.setObjectName("documents-report-orphans")
            show.clicked.connect(self.orphans_requested)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.report_box = box

    # --- progress ------------------------------------------------------------------------

    def _dialog_parent(self) -> QWidget:
        dialog = self.documents_dialog
        return dialog if dialog is not None and dialog.isVisible() else self._window

    def _open_progress(self, text: str) -> None:
        self._close_progress()
        self.progress_dialog = background_progress(
            text, self.tr("Importer un document"), "document-progress", self._dialog_parent())

    def _track(self, ticket: Ticket) -> Ticket:
        self.ticket = ticket
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.connect(self._cancel_requested)
        return ticket

    def _cancel_requested(self) -> None:
        """Cancel in the progress dialog (not its closing once the work is over)."""
        if self.progress_dialog is not None and self.ticket is not None:
            self.ticket.cancel()

    def _progressed(self, done: int, total: int) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.setMaximum(max(total, 0))
            self.progress_dialog.setValue(min(done, total) if total else 0)

    def _stage(self, label: str) -> None:
        """The import names what it does; once it writes, it can no longer stop."""
        self.stage = label
        dialog = self.progress_dialog
        if dialog is None:
            return
        dialog.setLabelText(self.tr("Import de « {0} » : {1}…").format(self._name, label))
        dialog.setCancelButton(None)

    def _close_progress(self) -> None:
        dialog = self.progress_dialog
        if dialog is not None:
            self.progress_dialog = None
            dialog.close()
            dialog.deleteLater()
