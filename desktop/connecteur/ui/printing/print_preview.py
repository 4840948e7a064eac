"""The preview of the real handout: the PDF bytes the builder produced, shown by
QtPdf, with page navigation and zoom, from which the trainer prints (system print
dialog) or saves the PDF.

What is shown is exactly what is printed or saved: one ``QPdfDocument`` loaded from
the bytes (through a ``QBuffer`` that lives as long as the window), rendered to the
printer page by page, or the bytes written as they are.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QLocale,
    QPointF,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from connecteur.app.print_plan import suggested_filename
from connecteur.errors import ConnecteurError
from connecteur.ui.printing.print_job import BuiltHandout
from connecteur.ui.printing.print_output import prepare_printer, print_document, save_pdf
from connecteur.ui.shell import settings
from connecteur.ui.shell.context import ApplicationContext

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
FIT_WIDTH, FIT_PAGE = "width", "page"
PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}


class PrintPreview(QDialog):
    """A window of its own (not modal): the trainer may read the handout beside the
    library, print it, save it, then close it."""

    def __init__(self, context: ApplicationContext, built: BuiltHandout,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("print-preview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._context = context
        self.built = built
        self.error_box: QMessageBox | None = None
        self.saved_to: Path | None = None
        self._target_page = 0  # where a zoom change must bring the view back
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(built.data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("print-pdf-view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setDocument(self.document)
        self._build()
        self.document.statusChanged.connect(self._loaded)
        self.document.load(self._buffer)
        self._retranslate()
        self.set_zoom(FIT_WIDTH)
        screen = self.screen().availableGeometry()
        self.resize(min(900, screen.width() - 40), min(1000, screen.height() - 60))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # arrows and PgDown scroll

    # --- layout ------------------------------------------------------------------------

    def _action(self, name: str, shortcuts: list[QKeySequence | str],
                icon: QStyle.StandardPixmap | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        self.addAction(action)
        return action

    def _build(self) -> None:
        pix = QStyle.StandardPixmap
        key = QKeySequence.StandardKey
        self.previous_page = self._action("preview-previous", ["Ctrl+PgUp"], pix.SP_ArrowUp)
        self.next_page = self._action("preview-next", ["Ctrl+PgDown"], pix.SP_ArrowDown)
        self.zoom_in = self._action("preview-zoom-in", [key.ZoomIn, "Ctrl+="])
        self.zoom_out = self._action("preview-zoom-out", [key.ZoomOut])
        self.print_action = self._action("preview-print", [key.Print])
        self.save_action = self._action("preview-save", [key.Save])
        self.page_spin = QSpinBox(self, objectName="preview-page")
        self.page_spin.setMinimum(1)
        self.page_count = QLabel(self, objectName="preview-page-count")
        self.zoom_combo = QComboBox(self, objectName="preview-zoom")
        self.zoom_combo.addItem("", FIT_WIDTH)
        self.zoom_combo.addItem("", FIT_PAGE)
        for factor in ZOOMS:
            self.zoom_combo.addItem(f"{round(factor * 100)} %", factor)
        bar = QToolBar(self)
        bar.setObjectName("preview-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)  # text: zoom − and +
        bar.addActions([self.previous_page, self.next_page])
        bar.addWidget(self.page_spin)
        bar.addWidget(self.page_count)
        bar.addSeparator()
        bar.addAction(self.zoom_out)
        bar.addWidget(self.zoom_combo)
        bar.addAction(self.zoom_in)
        self.toolbar = bar
        self.info = QLabel(self, objectName="preview-info")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self, objectName="preview-print-button")
        self.save_button = QPushButton(self, objectName="preview-save-button")
        self.save_button.setDefault(True)
        for button, action in ((self.print_button, self.print_action),
                               (self.save_button, self.save_action)):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(action.trigger)
        self.buttons.rejected.connect(self.close)
        footer = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        footer.setContentsMargins(10, 0, 10, 0)
        footer.addWidget(self.info)
        footer.addWidget(self.buttons)
        layout.addLayout(footer)
        self._wire()

    def _wire(self) -> None:
        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._page_changed)
        self.previous_page.triggered.connect(lambda: self.go_to_page(self.current_page - 1))
        self.next_page.triggered.connect(lambda: self.go_to_page(self.current_page + 1))
        self.page_spin.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.zoom_in.triggered.connect(lambda: self._step_zoom(1))
        self.zoom_out.triggered.connect(lambda: self._step_zoom(-1))
        self.zoom_combo.activated.connect(
            lambda index: self.set_zoom(self.zoom_combo.itemData(index)))
        self.print_action.triggered.connect(self.print_with_dialog)
        self.save_action.triggered.connect(self.save_as)

    # --- pages and zoom ----------------------------------------------------------------

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        """Show page ``page`` (0-based, clamped)."""
        count = self.document.pageCount()
        if count:
            page = max(0, min(count - 1, page))
            self._target_page = page
            if page != self.current_page:
                self._jump(page)

    def _jump(self, page: int) -> None:
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def _page_changed(self, page: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self.previous_page.setEnabled(page > 0)
        self.next_page.setEnabled(page < self.document.pageCount() - 1)

    def set_zoom(self, zoom: str | float) -> None:
        """``FIT_WIDTH``, ``FIT_PAGE`` or a factor (1.0 = 100 %)."""
        mode = QPdfView.ZoomMode
        page = self.current_page
        if zoom == FIT_WIDTH:
            self.view.setZoomMode(mode.FitToWidth)
        elif zoom == FIT_PAGE:
            self.view.setZoomMode(mode.FitInView)
        else:
            self.view.setZoomMode(mode.Custom)
            self.view.setZoomFactor(float(zoom))
        index = self.zoom_combo.findData(zoom)
        if index >= 0:
            self.zoom_combo.setCurrentIndex(index)
        if self.document.pageCount():  # stay on the page being read, once re-laid out
            self._target_page = page
            QTimer.singleShot(0, self, lambda: self._jump(self._target_page))

    def _step_zoom(self, delta: int) -> None:
        current = self.view.zoomFactor()
        if delta > 0:
            target = next((z for z in ZOOMS if z > current + 0.01), ZOOMS[-1])
        else:
            target = next((z for z in reversed(ZOOMS) if z < current - 0.01), ZOOMS[0])
        self.set_zoom(target)

    def _loaded(self, status: QPdfDocument.Status) -> None:
        """Only Ready and Error matter (the document also reports its unloading, while
        the window is being destroyed)."""
        if status == QPdfDocument.Status.Ready:
            count = self.document.pageCount()
            self.page_spin.setMaximum(max(1, count))
            self._page_changed(self.current_page)
            self._retranslate()
        elif status == QPdfDocument.Status.Error:
            self._show_error(self.tr("L'aperçu n'a pas pu être affiché."),
                             self.tr("Le PDF produit est illisible ({0}).").format(
                                 self.document.error().name))

    # --- printing and saving -----------------------------------------------------------

    def print_with_dialog(self) -> int:
        """The system print dialog, then the pages; returns how many were printed."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.document, self.built.title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Imprimer le support"))
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Send the pages to a configured printer, with a progress dialog that can stop."""
        progress = QProgressDialog(self.tr("Impression en cours…"), self.tr("Arrêter"), 0,
                                   self.document.pageCount(), self)
        progress.setWindowTitle(self.tr("Impression"))
        progress.setMinimumDuration(400)

        def step(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            printed = print_document(self.document, printer, step=step)
        except ConnecteurError as exc:
            self._show_error(self.tr("Le support n'a pas été imprimé."), str(exc))
            return 0
        finally:
            progress.close()
            progress.deleteLater()
        self.info.setText(self.tr("Envoyé à l'impression : 1 page.") if printed == 1 else
                          self.tr("Envoyé à l'impression : {0} pages.").format(printed))
        return printed

    def default_save_path(self) -> str:
        folder = self._context.settings.get(settings.PRINT_SAVE_FOLDER) or \
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = suggested_filename(self.built.title, self.built.edition)
        return str(Path(folder) / name) if folder else name

    def ask_save_path(self) -> Path | None:
        """The file dialog (kept apart so that tests can answer it)."""
        dialog = QFileDialog(self, self.tr("Enregistrer le support en PDF"),
                             self.default_save_path())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setNameFilter(self.tr("Documents PDF (*.pdf)"))
        dialog.selectFile(self.default_save_path())
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def save_as(self) -> bool:
        """"Enregistrer en PDF…": choose a file, write the PDF there (all or nothing)."""
        target = self.ask_save_path()
        return self.save_to(target) if target is not None else False

    def save_to(self, target: Path) -> bool:
        try:
            path = save_pdf(self.built.data, target)
        except ConnecteurError as exc:
            self._show_error(self.tr("Le support n'a pas été enregistré."), str(exc))
            return False
        self.saved_to = path
        self._context.settings.set(settings.PRINT_SAVE_FOLDER, str(path.parent))
        self.info.setText(self.tr("Enregistré : {0}").format(str(path)))
        return True

    def _show_error(self, message: str, details: str) -> None:
        """A French message that does not block (the trainer may retry elsewhere)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Connecteur"), message,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("preview-error")
        box.setInformativeText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.error_box = box

    # --- language ----------------------------------------------------------------------

    def _summary(self) -> str:
        built = self.built
        edition = self.tr("édition formateur·rice") if built.edition == "trainer" \
            else self.tr("édition participant·e")
        seconds = QLocale().toString(built.seconds, "f", 1)
        return self.tr("{0} pages · {1} · {2} · mis en page en {3} s").format(
            self.document.pageCount() or built.pages, edition,
            PAPER_NAMES.get(built.paper, built.paper), seconds)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Aperçu : {0}").format(self.built.title))
        texts = {self.previous_page: self.tr("Page précédente"),
                 self.next_page: self.tr("Page suivante"),
                 self.zoom_in: self.tr("Zoom avant"), self.zoom_out: self.tr("Zoom arrière"),
                 self.print_action: self.tr("&Imprimer…"),
                 self.save_action: self.tr("&Enregistrer en PDF…")}
        for action, text in texts.items():
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            plain = text.replace("&", "")
            action.setToolTip(f"{plain} ({shortcut})" if shortcut else plain)
        self.zoom_out.setIconText("−")
        self.zoom_in.setIconText("+")
        self.print_button.setText(self.print_action.text())
        self.save_button.setText(self.save_action.text())
        self.print_button.setToolTip(self.print_action.toolTip())
        self.save_button.setToolTip(self.save_action.toolTip())
        self.page_count.setText(self.tr(" sur {0} ").format(self.document.pageCount()))
        self.page_spin.setAccessibleName(self.tr("Page affichée"))
        self.zoom_combo.setItemText(0, self.tr("Pleine largeur"))
        self.zoom_combo.setItemText(1, self.tr("Page entière"))
        self.zoom_combo.setAccessibleName(self.tr("Zoom"))
        self.view.setAccessibleName(self.tr("Aperçu du support"))
        self.toolbar.setWindowTitle(self.tr("Barre d'outils de l'aperçu"))
        if self.saved_to is None:
            self.info.setText(self._summary())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
