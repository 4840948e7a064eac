""""Imprimer / Exporter en PDF…" (Ctrl+P): choose what to print, the edition, the
paper, recto-verso and the cover, then build in the background and open the preview —
or save the same handout at once as one accessible HTML file ("Enregistrer en HTML
accessible…": headings, lists and links a screen reader follows, which ReportLab's
untagged PDF lacks).

The dialog is filled from what the window shows (:class:`PrintScope`: the session on
screen, the search in the box, the trainer's folders and favourites) and turns its
fields into a :class:`PrintPlan`. While the handout is laid out, the form is locked,
a progress bar moves, and "Annuler" stops the build (a second "Annuler" closes).
The dialog steps aside while the preview is open and comes back when it closes, so
the other edition is one click away. Every print starts on the participant edition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from connecteur import paths
from connecteur.app.print_plan import (
    CONTENTS,
    FAVOURITES,
    FOLDER,
    LIBRARY,
    RESULTS,
    SESSION,
    SESSIONS,
    PrintPlan,
    suggested_filename,
)
from connecteur.corpus import Session
from connecteur.ui.common import labels
from connecteur.ui.printing.print_job import BuiltHandout, PrintJob
from connecteur.ui.shell import settings
from connecteur.ui.shell.context import ApplicationContext

if TYPE_CHECKING:
    from connecteur.store import Folder
    from connecteur.ui.printing.print_preview import PrintPreview

PAPER_CHOICES = (("a4", "A4"), ("letter", "US Letter"))


@dataclass
class PrintScope:
    """What the window offers to print right now (the window fills it in)."""

    session_id: str | None = None  # the session on screen (or holding the item shown)
    event_id: str | None = None  # the day on screen, to pre-tick its sessions
    query: str = ""
    kinds: tuple[str, ...] | None = None
    sessions_filter: tuple[str, ...] | None = None
    results_total: int | None = None
    user_ready: bool = False  # the trainer's annotations are open
    folders: list[Folder] = field(default_factory=list)
    favourites: int = 0


class PrintDialog(QDialog):
    preview_opened = Signal(object)  # the PrintPreview, once the handout is built
    html_saved = Signal(object)  # the Path of the accessible HTML edition, once written

    def __init__(self, context: ApplicationContext, scope: PrintScope,
                 content: str | None = None, folder: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print-dialog")
        self._context = context
        self._store = context.library
        self._scope = scope
        self.preview: PrintPreview | None = None
        self._previewed = False  # a preview was shown and closed: "Annuler" becomes "Fermer"
        self.job = PrintJob(self._context, self)
        self.job.progressed.connect(self._progressed)
        self.job.finished.connect(self._built)
        self.job.html_written.connect(self._html_written)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self._build()
        self._restore()
        self._choose(content, folder)
        self._retranslate()

    # --- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.form = QWidget(self)
        grid = QGridLayout(self.form)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self._contents_box(), 0, 0, 3, 1)
        grid.addWidget(self._edition_box(), 0, 1)
        grid.addWidget(self._layout_box(), 1, 1)
        grid.addWidget(self._cover_box(), 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.status = QLabel(self, objectName="print-status", wordWrap=True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self, objectName="print-progress")
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.preview_button = QPushButton(self, objectName="print-preview-button")
        self.preview_button.setDefault(True)
        self.cancel_button = QPushButton(self, objectName="print-cancel-button")
        self.html_button = QPushButton(self, objectName="print-html-button")
        self.buttons.addButton(self.html_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.preview_button.clicked.connect(self.start)
        self.html_button.clicked.connect(self.save_html)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    def _contents_box(self) -> QGroupBox:
        self.contents_box = QGroupBox(self)
        self.content_group = QButtonGroup(self)
        self.content_buttons: dict[str, QRadioButton] = {}
        column = QVBoxLayout(self.contents_box)
        for name in CONTENTS:
            button = QRadioButton(self.contents_box, objectName=f"print-content-{name}")
            self.content_group.addButton(button)
            self.content_buttons[name] = button
            column.addWidget(button)
            if name == SESSIONS:
                self.session_list = self._session_list()
                column.addWidget(self.session_list, 1)
            elif name == FOLDER:
                self.folder_combo = QComboBox(self.contents_box, objectName="print-folder")
                for folder in self._scope.folders:
                    self.folder_combo.addItem(folder.name, folder.id)
                self.folder_combo.currentIndexChanged.connect(self._folder_changed)
                column.addWidget(self.folder_combo)
        self.content_group.buttonToggled.connect(self._content_toggled)
        return self.contents_box

    def _session_list(self) -> QListWidget:
        widget = QListWidget(self.contents_box, objectName="print-sessions")
        ticked = {self._scope.session_id}
        if self._scope.event_id:
            ticked |= {s.id for s in self._store.sessions if s.event_id == self._scope.event_id}
        for session in self._store.sessions:
            item = QListWidgetItem(widget)
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if session.id in ticked
                               else Qt.CheckState.Unchecked)
        widget.itemChanged.connect(  # one session ticked or several: another title
            lambda _item: self.title_edit.setPlaceholderText(self._default_title()))
        widget.setMinimumHeight(150)
        widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return widget

    def _edition_box(self) -> QGroupBox:
        self.edition_box = QGroupBox(self)
        self.participant = QRadioButton(self.edition_box, objectName="print-participant")
        self.trainer = QRadioButton(self.edition_box, objectName="print-trainer")
        self.edition_note = QLabel(self.edition_box, wordWrap=True,
                                   objectName="print-edition-note")
        column = QVBoxLayout(self.edition_box)
        for widget in (self.participant, self.trainer, self.edition_note):
            column.addWidget(widget)
        self.trainer.toggled.connect(lambda _on: self._update_notes())
        return self.edition_box

    def _layout_box(self) -> QGroupBox:
        self.layout_box = QGroupBox(self)
        self.paper = QComboBox(self.layout_box, objectName="print-paper")
        for key, name in PAPER_CHOICES:
            self.paper.addItem(name, key)
        self.writing_space = QCheckBox(self.layout_box, objectName="print-writing-space")
        self.two_sided = QCheckBox(self.layout_box, objectName="print-two-sided")
        self.paper_label = QLabel(self.layout_box)
        self.paper_label.setBuddy(self.paper)
        column = QVBoxLayout(self.layout_box)
        row = QHBoxLayout()
        row.addWidget(self.paper_label)
        row.addWidget(self.paper)
        row.addSpacing(12)
        row.addWidget(self.writing_space, 1)
        column.addLayout(row)
        column.addWidget(self.two_sided)
        return self.layout_box

    def _cover_box(self) -> QGroupBox:
        self.cover_box = QGroupBox(self)
        self.title_edit = QLineEdit(self.cover_box, objectName="print-title")
        self.subtitle_edit = QLineEdit(self.cover_box, objectName="print-subtitle")
        self.audience_edit = QLineEdit(self.cover_box, objectName="print-audience")
        self.trainer_edit = QLineEdit(self.cover_box, objectName="print-trainer-name")
        self.date_check = QCheckBox(self.cover_box, objectName="print-date-check")
        self.date_edit = QDateEdit(QDate.currentDate(), self.cover_box, objectName="print-date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_check.toggled.connect(self.date_edit.setEnabled)
        self.date_check.setChecked(True)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_check)
        date_row.addWidget(self.date_edit, 1)
        self.cover_form = QFormLayout(self.cover_box)
        self.cover_labels: list[QLabel] = []
        for field_widget, buddy in ((self.title_edit, None), (self.subtitle_edit, None),
                                    (self.audience_edit, None), (date_row, self.date_check),
                                    (self.trainer_edit, None)):
            label = QLabel(self.cover_box)
            label.setBuddy(buddy or field_widget)
            self.cover_labels.append(label)
            self.cover_form.addRow(label, field_widget)
        return self.cover_box

    # --- filling in --------------------------------------------------------------------

    def _restore(self) -> None:
        s = self._context.settings
        self.participant.setChecked(True)  # always: the trainer edition is a choice
        self.paper.setCurrentIndex(max(0, self.paper.findData(s.get(settings.PRINT_PAPER))))
        self.writing_space.setChecked(s.get(settings.PRINT_WRITING_SPACE))
        self.two_sided.setChecked(s.get(settings.PRINT_TWO_SIDED))
        self.trainer_edit.setText(s.get(settings.PRINT_TRAINER))
        self.audience_edit.setText(s.get(settings.PRINT_AUDIENCE))

    def _remember(self, plan: PrintPlan) -> None:
        s = self._context.settings
        s.set(settings.PRINT_PAPER, plan.paper)
        s.set(settings.PRINT_WRITING_SPACE, plan.writing_space)
        s.set(settings.PRINT_TWO_SIDED, plan.two_sided)
        s.set(settings.PRINT_TRAINER, plan.trainer_name.strip())
        if plan.content != FOLDER:  # a folder's audience is the folder's, not a habit
            s.set(settings.PRINT_AUDIENCE, plan.audience.strip())
        s.sync()

    def _available(self) -> dict[str, bool]:
        scope = self._scope
        return {SESSION: scope.session_id is not None, SESSIONS: True, LIBRARY: True,
                FOLDER: bool(scope.folders), RESULTS: bool(scope.query),
                FAVOURITES: scope.favourites > 0}

    def _choose(self, content: str | None, folder: str | None) -> None:
        available = self._available()
        for name, button in self.content_buttons.items():
            button.setEnabled(available[name])
        if folder is not None:
            wanted = folder.strip().casefold()
            index = next((i for i in range(self.folder_combo.count())
                          if folder == self.folder_combo.itemData(i)
                          or wanted == self.folder_combo.itemText(i).casefold()), -1)
            if index >= 0:
                self.folder_combo.setCurrentIndex(index)
                content = content or FOLDER
        if content not in available or not available[content]:
            content = SESSION if available[SESSION] else SESSIONS if self._scope.event_id \
                else LIBRARY
        self.content_buttons[content].setChecked(True)
        self._content_toggled()

    @property
    def content(self) -> str:
        return next((name for name, b in self.content_buttons.items() if b.isChecked()), "")

    def _content_toggled(self, *_args: Any) -> None:
        content = self.content
        self.session_list.setEnabled(content == SESSIONS)
        self.folder_combo.setEnabled(content == FOLDER and self.folder_combo.count() > 0)
        if content == FOLDER:
            self._folder_changed()
        self.title_edit.setPlaceholderText(self._default_title())
        self._update_notes()

    def _selected_folder(self) -> Any:
        folder_id = self.folder_combo.currentData()
        return next((f for f in self._scope.folders if f.id == folder_id), None)

    def _folder_changed(self, *_args: Any) -> None:
        """A folder brings its own audience and date to the cover."""
        folder = self._selected_folder()
        if folder is None or self.content != FOLDER:
            return
        if folder.audience:
            self.audience_edit.setText(folder.audience)
        if folder.date:
            self.date_check.setChecked(True)
            self.date_edit.setDate(QDate.fromString(folder.date, "yyyy-MM-dd"))
        self.title_edit.setPlaceholderText(self._default_title())

    def _default_title(self) -> str:
        """The title printed when the field is left empty (the builders' defaults)."""
        from connecteur.handouts.builders import LIBRARY_TITLE
        from connecteur.handouts.user_requests import FAVOURITES_TITLE

        content = self.content
        if content == SESSION and self._scope.session_id:
            return self._store.get(self._scope.session_id).title
        if content == SESSIONS:
            ticked = self.ticked_sessions()
            return self._store.get(ticked[0]).title if len(ticked) == 1 else LIBRARY_TITLE
        if content == FOLDER:
            folder = self._selected_folder()
            return folder.display_title if folder is not None else ""
        if content == RESULTS:
            return f"« {self._scope.query} »"
        return FAVOURITES_TITLE if content == FAVOURITES else LIBRARY_TITLE

    def ticked_sessions(self) -> list[str]:
        items = (self.session_list.item(i) for i in range(self.session_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def _update_notes(self) -> None:
        if self.trainer.isChecked() and not self._scope.user_ready:
            self.edition_note.setText(self.tr(
                "Vos annotations sont indisponibles : l'édition formateur·rice sera "
                "imprimée sans vos notes."))
        elif self.trainer.isChecked():
            self.edition_note.setText(self.tr(
                "Avec vos notes, vos surlignages et les notes de dossier : à garder pour "
                "vous."))
        else:
            self.edition_note.setText(self.tr(
                "Le contenu seul, sans aucune note personnelle : à distribuer."))

    # --- building ----------------------------------------------------------------------

    def plan(self) -> PrintPlan:
        """The dialog's choices as a plan."""
        content = self.content
        session_ids: tuple[str, ...] = ()
        if content == SESSION and self._scope.session_id:
            session_ids = (self._scope.session_id,)
        elif content == SESSIONS:
            session_ids = tuple(self.ticked_sessions())
        date = self.date_edit.date().toString("yyyy-MM-dd") if self.date_check.isChecked() \
            else ""
        return PrintPlan(
            content, session_ids, folder=self.folder_combo.currentData() or "",
            query=self._scope.query, kinds=self._scope.kinds,
            sessions_filter=self._scope.sessions_filter,
            edition="trainer" if self.trainer.isChecked() else "participant",
            paper=self.paper.currentData(), title=self.title_edit.text(),
            subtitle=self.subtitle_edit.text(), audience=self.audience_edit.text(),
            date=date, trainer_name=self.trainer_edit.text(),
            writing_space=self.writing_space.isChecked(),
            two_sided=self.two_sided.isChecked())

    def start(self) -> None:
        """Build the handout in the background (the "Aperçu" button)."""
        if self.job.running:
            return
        plan = self.plan()
        self._remember(plan)
        self._set_busy(True)
        self.status.setText(self.tr("Préparation du support…"))
        self.job.start(plan)

    def cancel_build(self) -> None:
        self.job.cancel()

    def default_html_path(self) -> Path:
        folder = self._context.settings.get(settings.PRINT_SAVE_FOLDER)
        title = self.title_edit.text().strip() or self._default_title()
        edition = "trainer" if self.trainer.isChecked() else "participant"
        name = Path(suggested_filename(title, edition)).with_suffix(".html").name
        return paths.export_path(Path(folder) if folder else paths.documents_dir(), name)

    def ask_html_path(self) -> Path | None:
        """The file dialog (kept apart so that tests can answer it)."""
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer le support en HTML accessible"),
            str(self.default_html_path()), self.tr("Pages web (*.html)"))
        if not chosen:
            return None
        target = Path(chosen)
        return target if target.suffix.lower() in (".html", ".htm") \
            else target.with_name(target.name + ".html")

    def save_html(self) -> None:
        """"Enregistrer en HTML accessible…": the same handout as the PDF, written as
        one HTML file in the background (the dialog stays open)."""
        if self.job.running:
            return
        target = self.ask_html_path()
        if target is None:
            return
        plan = self.plan()
        self._remember(plan)
        self._set_busy(True)
        self.status.setText(self.tr("Enregistrement en HTML…"))
        self.job.start(plan, html_target=target)

    def _html_written(self, path: Path) -> None:
        self._set_busy(False)
        self._context.settings.set(settings.PRINT_SAVE_FOLDER, str(path.parent))
        self.status.setText(self.tr("Enregistré en HTML accessible : {0}").format(path))
        self.html_saved.emit(path)

    def _set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.preview_button.setEnabled(not busy)
        self.html_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.cancel_button.setToolTip(self.tr("Interrompt la préparation du support")
                                      if busy else "")
        if not busy:  # the build moved the focus (and Entrée) to "Annuler": give them back
            self.preview_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.preview_button.setDefault(True)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if total:
            self.status.setText(self.tr("Mise en page du support… {0} %").format(
                round(100 * done / total)))

    def _built(self, built: BuiltHandout) -> None:
        from connecteur.ui.printing.print_preview import PrintPreview

        self._set_busy(False)
        self.preview = PrintPreview(self._context, built, self.parentWidget())
        self.preview.finished.connect(self._preview_closed)
        self.hide()
        self.preview.show()
        self.preview_opened.emit(self.preview)

    def _preview_closed(self, _result: int = 0) -> None:
        """Back from the preview: the same choices, ready for the other edition."""
        self.preview, self._previewed = None, True
        self.status.setText(self.tr("Aperçu fermé. Changez d'édition ou de contenu pour "
                                    "un autre support, ou fermez."))
        self.cancel_button.setText(self.tr("Fermer"))
        self.show()
        self.raise_()
        self.activateWindow()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.status.setText(message)

    def _cancelled(self) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Préparation interrompue : aucun fichier n'a été écrit."))

    @property
    def building(self) -> bool:
        """A handout is being made: closing now would throw that work away."""
        return self.job.running

    def reject(self) -> None:
        """"Annuler" stops a build in progress; pressed again (or idle), it closes."""
        if self.job.running:
            self.job.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.job.cancel()
        super().closeEvent(event)

    # --- language ----------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Imprimer / Exporter en PDF"))
        self.contents_box.setTitle(self.tr("Contenu"))
        self.edition_box.setTitle(self.tr("Édition"))
        self.layout_box.setTitle(self.tr("Mise en page"))
        self.cover_box.setTitle(self.tr("Couverture"))
        self._content_texts()
        self.session_list.setAccessibleName(self.tr("Sessions à imprimer"))
        for i, session in enumerate(self._store.sessions):
            item = self.session_list.item(i)
            item.setText(self._session_text(session))
            item.setToolTip(item.text())
        self.folder_combo.setAccessibleName(self.tr("Dossier de formation à imprimer"))
        self.participant.setText(self.tr("&Participant·e (à distribuer)"))
        self.trainer.setText(self.tr("&Formateur·rice (avec vos notes)"))
        self.paper_label.setText(self.tr("Pap&ier :"))
        self.writing_space.setText(self.tr("&Lignes pour prendre des notes"))
        self.two_sided.setText(self.tr("Impression recto &verso (chaque session commence "
                                       "sur une page de droite)"))
        rows = (self.tr("&Titre :"), self.tr("&Sous-titre :"), self.tr("P&ublic :"),
                self.tr("&Date :"), self.tr("Formateur·&rice :"))
        for label, text in zip(self.cover_labels, rows, strict=True):
            label.setText(text)
        self.subtitle_edit.setPlaceholderText(self.tr("par défaut selon le contenu"))
        self.audience_edit.setPlaceholderText(self.tr("ex. : encadrant·e·s de proximité"))
        self.trainer_edit.setPlaceholderText(self.tr("votre nom, imprimé sur la couverture"))
        self.date_check.setText(self.tr("imprimer la date"))
        self.date_check.setAccessibleName(self.tr("Imprimer une date sur la couverture"))
        self.preview_button.setText(self.tr("&Aperçu…"))
        self.html_button.setText(self.tr("Enregistrer en &HTML accessible…"))
        self.html_button.setToolTip(self.tr(
            "Le même support en une page web lisible par les lecteurs d'écran (titres, "
            "listes et liens balisés), à ouvrir dans un navigateur ou à imprimer."))
        self.cancel_button.setText(self.tr("Fermer") if self._previewed else self.tr("Annuler"))
        self.progress.setAccessibleName(self.tr("Progression de la mise en page"))
        self._update_notes()

    @staticmethod
    def _session_text(session: Session) -> str:
        return f"{labels.session_place(session)} — {session.title}"

    def _content_texts(self) -> None:
        scope = self._scope
        shown = self._store.get(scope.session_id) if scope.session_id else None
        texts = {
            SESSION: self.tr("La session affichée : {0}").format(
                self._session_text(shown)) if shown else self.tr("La session affichée"),
            SESSIONS: self.tr("Les sessions cochées :"),
            LIBRARY: labels.count(len(self._store.sessions),
                                  self.tr("Toute la bibliothèque ({0} session)"),
                                  self.tr("Toute la bibliothèque ({0} sessions)")),
            FOLDER: self.tr("Un dossier de formation :"),
            RESULTS: self._results_text(),
            FAVOURITES: self.tr("Mes favoris ({0})").format(scope.favourites),
        }
        for name, text in texts.items():
            self.content_buttons[name].setText(text)
        tips = {FOLDER: self.tr("Aucun dossier de formation pour l'instant."),
                FAVOURITES: self.tr("Aucun élément marqué d'une étoile pour l'instant."),
                RESULTS: self.tr("Tapez d'abord une recherche.")}
        if not scope.user_ready:
            unavailable = self.tr("Vos annotations sont indisponibles.")
            tips[FOLDER] = tips[FAVOURITES] = unavailable
        for name, tip in tips.items():
            button = self.content_buttons[name]
            button.setToolTip("" if button.isEnabled() else tip)

    def _results_text(self) -> str:
        scope = self._scope
        if not scope.query:
            return self.tr("Les résultats de la recherche")
        if scope.results_total is None:
            return self.tr("Les résultats de la recherche « {0} »").format(scope.query)
        return self.tr("Les résultats de la recherche « {0} » ({1})").format(
            scope.query, scope.results_total)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
