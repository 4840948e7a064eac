"""Fichier › Documents importés… : the syntheses the trainer added, and « Retirer ».

The dialog only lists and asks: removing runs elsewhere (``remove_requested`` with the
document's ID, one of its meeting dates), and the dialog is given the new library
afterwards (``set_library``). Names come from files: shown as plain text only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from connecteur.store import CorpusStore
from connecteur.store.library.imported import ImportedDocument
from connecteur.ui.common import labels
from connecteur.ui.documents import wording

NAME, DAYS, SESSIONS, IMPORTED = range(4)


def _plain(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent, objectName=name, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def session_count(store: CorpusStore, document: ImportedDocument) -> int:
    dates = set(document.dates)
    return sum(len(e.sessions) for e in store.events if e.date in dates)


class DocumentsDialog(QDialog):
    remove_requested = Signal(str)  # the document's ID (its first meeting date)
    import_requested = Signal()

    def __init__(self, store: CorpusStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documents-dialog")
        self._documents: dict[str, ImportedDocument] = {}
        self.confirm_box: QMessageBox | None = None
        self._busy = False
        self._build()
        self._retranslate()
        self.set_library(store)
        self.resize(720, 360)

    # --- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.intro = _plain(self, "documents-intro")
        self.list = QTreeWidget(self, objectName="documents-list")
        self.list.setColumnCount(4)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (DAYS, SESSIONS, IMPORTED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = _plain(self, "documents-empty")
        self.status = _plain(self, "documents-status")
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self, objectName="documents-import")
        self.remove_button = QPushButton(self, objectName="documents-remove")
        self.close_button = QPushButton(self, objectName="documents-close")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.import_requested)
        self.remove_button.clicked.connect(self.ask_removal)
        self.close_button.clicked.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Documents importés"))
        self.intro.setText(self.tr(
            "Les synthèses que vous avez ajoutées à la bibliothèque. Le corpus livré avec "
            "Connecteur n'y figure pas : il ne peut pas être retiré."))
        self.empty.setText(self.tr("Aucun document importé : la bibliothèque contient le "
                                   "corpus livré. « Importer un document… » en ajoute un."))
        self.list.setHeaderLabels([self.tr("Document"), self.tr("Journées"),
                                   self.tr("Sessions"), self.tr("Importé le")])
        self.list.setAccessibleName(self.tr("Documents importés"))
        self.import_button.setText(self.tr("Importer un document…"))
        self.remove_button.setText(self.tr("Retirer…"))
        self.close_button.setText(self.tr("Fermer"))

    # --- content -----------------------------------------------------------------------

    def set_library(self, store: CorpusStore) -> None:
        """List the documents of ``store`` (the library after an import or a removal)."""
        chosen = self.selected_id()
        self.list.clear()
        self._documents = {d.id: d for d in store.documents}
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for document in store.documents:
            row = QTreeWidgetItem(self.list, [
                document.name, ", ".join(labels.format_date(d) for d in document.dates),
                str(session_count(store, document)),
                labels.format_date(document.imported[:10])])
            row.setData(NAME, Qt.ItemDataRole.UserRole, document.id)
            row.setTextAlignment(SESSIONS, Qt.AlignmentFlag.AlignRight
                                 | Qt.AlignmentFlag.AlignVCenter)
            row.setToolTip(NAME, document.about.title or document.name)
            if document.notes:
                row.setIcon(NAME, warning)
                row.setToolTip(NAME, "\n".join([wording.counted(
                    len(document.notes), self.tr("{0} point à vérifier :"),
                    self.tr("{0} points à vérifier :"))] + [str(n) for n in document.notes]))
            if document.id == chosen:
                row.setSelected(True)
        if self.list.topLevelItemCount() and not self.list.selectedItems():
            self.list.topLevelItem(0).setSelected(True)
        self.list.setVisible(bool(self._documents))
        self.empty.setVisible(not self._documents)
        self._update_buttons()

    def selected_id(self) -> str | None:
        rows = self.list.selectedItems()
        return rows[0].data(NAME, Qt.ItemDataRole.UserRole) if rows else None

    def set_busy(self, message: str) -> None:
        """A removal runs (``message``), or not (empty): no second one meanwhile."""
        self.status.setText(message)
        self._busy = bool(message)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_id() is not None and not self._busy)
        self.import_button.setEnabled(not self._busy)

    # --- removing ----------------------------------------------------------------------

    def ask_removal(self) -> QMessageBox | None:
        """Ask first (without blocking); « Retirer » sends ``remove_requested``."""
        document = self._documents.get(self.selected_id() or "")
        if document is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Retirer un document"),
                          self.tr("Retirer « {0} » de la bibliothèque ?").format(document.name),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("documents-confirm")
        box.setTextFormat(Qt.TextFormat.PlainText)
        days = ", ".join(labels.format_date(d) for d in document.dates)
        box.setInformativeText(self.tr(
            "Sa journée du {0} quitte la bibliothèque (le fichier d'origine n'est pas "
            "touché). Vos annotations sur ce document deviennent orphelines : elles restent "
            "dans « Annotations orphelines » et retrouvent leur place si vous l'importez de "
            "nouveau.").format(days) if len(document.dates) == 1 else self.tr(
            "Ses journées ({0}) quittent la bibliothèque (le fichier d'origine n'est pas "
            "touché). Vos annotations sur ce document deviennent orphelines : elles restent "
            "dans « Annotations orphelines » et retrouvent leur place si vous l'importez de "
            "nouveau.").format(days))
        remove = box.addButton(self.tr("Retirer"), QMessageBox.ButtonRole.DestructiveRole)
        remove.setObjectName("documents-confirm-remove")
        keep = box.addButton(self.tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.buttonClicked.connect(
            lambda button: self.remove_requested.emit(document.id) if button is remove else None)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.confirm_box = box
        return box
