"""What a document would add, shown before anything is written.

The tree lays out what the file was understood to hold — days, their sessions, each
session's themes — with the counts of every session; warnings are marked (⚠ on the
session they concern, and listed); dates the library already holds are said in full.
The trainer then imports, or not:

* a date of the bundled corpus: there is nothing to confirm (no import button);
* the very same content already imported: nothing to do either;
* a date of an imported document: importing needs « Remplacer le document existant ».

Everything here comes from a file: it is shown as plain text only (tree items and
labels set to ``PlainText``), never as rich text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from connecteur.corpus.reference import french_date
from connecteur.ui.common import labels
from connecteur.ui.documents import wording

if TYPE_CHECKING:
    from connecteur.app.documents import DocumentPreview
    from connecteur.corpus import Session

COUNT_KEYS = ("leads", "field_sites", "resources", "urls", "speakers")
WARNING_MARK = "⚠"


def _plain(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent, objectName=name, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def session_notes(preview: DocumentPreview) -> tuple[dict[str, list[str]], list[str]]:
    """The warnings about one session (by session ID), and the others ("page 3 : …")."""
    where = {f"{french_date(s.date)}, session {s.number}": s.id for s in preview.sessions}
    by_session: dict[str, list[str]] = {}
    others: list[str] = []
    for note in preview.notes:
        if note.where in where:
            by_session.setdefault(where[note.where], []).append(note.message)
        else:
            others.append(str(note))
    return by_session, others


class PreviewDialog(QDialog):
    """``accepted`` means: import it (with ``replace`` when the box is ticked)."""

    def __init__(self, preview: DocumentPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document-preview")
        self.preview = preview
        self._can_replace = bool(preview.conflicts) and self.importable
        self._warning_icon = self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._build()
        self._fill()
        self.resize(780, 600)

    @property
    def replace(self) -> bool:
        return self._can_replace and self.replace_box.isChecked()

    @property
    def importable(self) -> bool:
        return not (self.preview.blocked or self.preview.unchanged)

    # --- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.source = _plain(self, "document-preview-source")
        self.summary = _plain(self, "document-preview-summary")
        self.tree = QTreeWidget(self, objectName="document-preview-tree")
        self.tree.setColumnCount(1 + len(COUNT_KEYS))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 1 + len(COUNT_KEYS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.notes_title = _plain(self, "document-preview-notes-title")
        self.notes = QListWidget(self, objectName="document-preview-notes")
        self.notes.setMaximumHeight(110)
        self.notes.setIconSize(QSize(16, 16))
        self.conflicts = _plain(self, "document-preview-conflicts")
        self.replace_box = QCheckBox(self, objectName="document-preview-replace")
        self.replace_note = _plain(self, "document-preview-replace-note")
        self.state = _plain(self, "document-preview-state")
        self.buttons = QDialogButtonBox(self)
        self.import_button: QPushButton | None = None
        if self.importable:
            self.import_button = self.buttons.addButton(
                self.tr("Importer"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.import_button.setObjectName("document-import-button")
            self.import_button.setDefault(True)
        self.close_button = self.buttons.addButton(
            self.tr("Annuler") if self.importable else self.tr("Fermer"),
            QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("document-preview-close")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.replace_box.toggled.connect(lambda _on: self._update_import())
        layout = QVBoxLayout(self)
        for widget in (self.source, self.summary):
            layout.addWidget(widget)
        layout.addWidget(self.tree, 1)
        for widget in (self.notes_title, self.notes, self.conflicts, self.replace_box,
                       self.replace_note, self.state, self.buttons):
            layout.addWidget(widget)

    # --- content -----------------------------------------------------------------------

    def _fill(self) -> None:
        preview = self.preview
        source = preview.document.source
        self.setWindowTitle(self.tr("Importer un document — aperçu"))
        what = (self.tr("PDF, {0}").format(wording.pages(source.pages)) if source.kind == "pdf"
                else self.tr("texte {0}").format(source.encoding))
        self.source.setText(self.tr("Document : « {0} » ({1})").format(source.name, what))
        self.summary.setText(self.tr("{0}, {1} : {2}.").format(
            wording.days(len(preview.library.events)), wording.sessions(len(preview.sessions)),
            wording.contents(preview.totals)))
        self.tree.setHeaderLabels([self.tr("Contenu"), self.tr("Pistes"), self.tr("Terrains"),
                                   self.tr("Ressources"), self.tr("Liens"),
                                   self.tr("Intervenant·e·s")])
        by_session, others = session_notes(preview)
        self._fill_tree(by_session)
        self._fill_notes(by_session, others)
        self._fill_state()

    def _fill_tree(self, by_session: dict[str, list[str]]) -> None:
        counts = self.preview.counts
        for event in self.preview.library.events:
            day = QTreeWidgetItem(self.tree, [labels.event_label(event)])
            day.setToolTip(0, event.title)
            self._set_counts(day, [counts[s.id] for s in event.sessions])
            font = day.font(0)
            font.setBold(True)
            day.setFont(0, font)
            for session in event.sessions:
                self._session_row(day, session, by_session.get(session.id, []))
            day.setExpanded(True)

    def _session_row(self, parent: QTreeWidgetItem, session: Session,
                     notes: list[str]) -> None:
        row = QTreeWidgetItem(parent, [labels.session_label(session)])
        row.setData(0, Qt.ItemDataRole.UserRole, session.id)
        self._set_counts(row, [self.preview.counts[session.id]])
        if notes:
            row.setIcon(0, self._warning_icon)
            row.setToolTip(0, self.tr("À vérifier : {0}").format(" ; ".join(notes)))
        for theme in session.themes:
            title = f"{theme.part} › {theme.title}" if theme.part else theme.title
            item = QTreeWidgetItem(row, [title or self.tr("(sans intertitre)")])
            item.setText(1, str(len(theme.leads)))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight
                                  | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, title)
        row.setExpanded(True)

    def _set_counts(self, row: QTreeWidgetItem, counts: list[dict[str, int]]) -> None:
        for column, key in enumerate(COUNT_KEYS, start=1):
            row.setText(column, str(sum(c[key] for c in counts)))
            row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                 | Qt.AlignmentFlag.AlignVCenter)

    def _fill_notes(self, by_session: dict[str, list[str]], others: list[str]) -> None:
        sessions = {s.id: s for s in self.preview.sessions}
        lines = [self.tr("{0} : {1}").format(labels.session_place(sessions[sid]), message)
                 for sid, messages in by_session.items() for message in messages] + others
        for line in lines:
            QListWidgetItem(self._warning_icon, line, self.notes)
        self.notes_title.setText(
            f"{WARNING_MARK} " + wording.counted(len(lines), self.tr("{0} point à vérifier "
                                                                    "(gardé tel quel) :"),
                                                 self.tr("{0} points à vérifier (gardés "
                                                         "tels quels) :")))
        self.notes_title.setVisible(bool(lines))
        self.notes.setVisible(bool(lines))

    def _fill_state(self) -> None:
        preview = self.preview
        sentences = [c.sentence[:1].upper() + c.sentence[1:] + "." for c in preview.conflicts]
        self.conflicts.setText("\n".join(sentences))
        self.conflicts.setVisible(bool(sentences) and not preview.unchanged)
        choice = self._can_replace
        self.replace_box.setVisible(choice)
        self.replace_note.setVisible(choice)
        self.replace_box.setText(self.tr("Remplacer le document existant"))
        self.replace_note.setText(self.tr(
            "Le document déjà importé sera remplacé par celui-ci ; vos annotations le "
            "suivent (celles dont le passage a disparu deviennent orphelines, jamais "
            "perdues)."))
        if preview.unchanged:
            self.state.setText(self.tr("Ce document est déjà dans la bibliothèque, à "
                                       "l'identique : l'importer ne changerait rien."))
        elif preview.blocked:
            self.state.setText(self.tr("Ce document ne peut pas être importé : le corpus livré "
                                       "avec Connecteur ne peut pas être remplacé."))
        else:
            self.state.setText(self.tr("Rien n'est encore enregistré : « Importer » ajoute ce "
                                       "document à votre bibliothèque."))
        self._update_import()

    def _update_import(self) -> None:
        if self.import_button is not None:
            self.import_button.setEnabled(not self.preview.conflicts
                                          or self.replace_box.isChecked())
