"""Creating a course folder, or changing its name and what its handout prints
(title, audience, date).

The dialog closes only once the store has saved; a refused value (an empty or
taken name…) is explained under the fields and nothing typed is lost.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from connecteur.store import Folder
from connecteur.ui.annotations.user_layer import UserLayer

if TYPE_CHECKING:  # the user layer loads after the first paint
    from connecteur.store import UserStore


class FolderDialog(QDialog):
    saved = Signal(object)  # the Folder, once committed

    def __init__(self, layer: UserLayer, folder: Folder | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("folder-dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per use: never kept
        self._layer = layer
        self.folder = folder
        self.name = QLineEdit(self, objectName="folder-name")
        self.title = QLineEdit(self, objectName="folder-title")
        self.audience = QLineEdit(self, objectName="folder-audience")
        self.has_date = QCheckBox(self, objectName="folder-has-date")
        self.date = QDateEdit(self, objectName="folder-date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setDate(QDate.currentDate())
        self.has_date.toggled.connect(self.date.setEnabled)
        self.error = QLabel(self, objectName="folder-error")
        self.error.setWordWrap(True)
        self.error.hide()
        self._build()
        self._fill(folder)

    def _build(self) -> None:
        dated = QHBoxLayout()
        dated.addWidget(self.has_date)
        dated.addWidget(self.date, 1)
        form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(4)]
        for label, field in zip(self.labels, (self.name, self.title, self.audience, dated),
                                strict=True):
            form.addRow(label, field)
            if isinstance(field, QWidget):
                label.setBuddy(field)
        self.labels[3].setBuddy(self.has_date)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._retranslate()
        self.resize(480, self.sizeHint().height())

    def _retranslate(self) -> None:
        creating = self.folder is None
        self.setWindowTitle(self.tr("Nouveau dossier de formation") if creating
                            else self.tr("Propriétés du dossier"))
        for label, text in zip(self.labels, (self.tr("&Nom :"), self.tr("&Titre du livret :"),
                                             self.tr("&Public :"), self.tr("&Date :")),
                               strict=True):
            label.setText(text)
        self.name.setPlaceholderText(self.tr("p. ex. Manager en crise — session de mars"))
        self.title.setPlaceholderText(self.tr("Imprimé en tête du livret (par défaut : le nom)"))
        self.audience.setPlaceholderText(self.tr("p. ex. Encadrant·e·s de proximité"))
        self.has_date.setText(self.tr("Date de la formation"))
        self.explanation.setText(self.tr(
            "Le titre, le public et la date figurent sur la première page du livret "
            "imprimé à partir de ce dossier."))
        for widget, name in ((self.name, self.tr("Nom du dossier")),
                             (self.title, self.tr("Titre du livret")),
                             (self.audience, self.tr("Public de la formation")),
                             (self.date, self.tr("Date de la formation"))):
            widget.setAccessibleName(name)

    def _fill(self, folder: Folder | None) -> None:
        self.has_date.setChecked(False)
        self.date.setEnabled(False)
        if folder is None:
            return
        self.name.setText(folder.name)
        self.title.setText(folder.title)
        self.audience.setText(folder.audience)
        if folder.date:
            self.has_date.setChecked(True)
            self.date.setDate(QDate.fromString(folder.date, Qt.DateFormat.ISODate))

    def chosen_date(self) -> date | None:
        if not self.has_date.isChecked():
            return None
        chosen = self.date.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def save(self) -> None:
        """Create or update the folder; stay open with the reason when refused."""
        values = {"title": self.title.text(), "audience": self.audience.text(),
                  "date": self.chosen_date()}
        name = self.name.text()

        def apply(user: UserStore) -> Folder:
            if self.folder is None:
                return user.folders.create(name, origin=self, **values)
            user.folders.rename(self.folder.id, name, origin=self)
            return user.folders.update(self.folder.id, origin=self, **values)

        def refused(problem: str) -> None:
            self.buttons.setEnabled(True)
            self.error.setText(problem)
            self.error.show()

        def saved(folder: Folder) -> None:
            self.buttons.setEnabled(True)
            self.folder = folder
            self.saved.emit(folder)
            self.accept()

        self.buttons.setEnabled(False)  # until the store answers
        self._layer.write(apply, done=saved, failed=refused)
