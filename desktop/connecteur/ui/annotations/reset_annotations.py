"""Fichier › « Réinitialiser les annotations… »: a clean start for a trainer who wants
one, never by accident.

The confirmation counts what would go (``UserStore.counts()``) and says that a backup
is made just before; "Annuler" is the default button. The reset runs as a write (off
the UI thread); the store announces ``Change(kind="external")`` and every view
reloads; the status bar then names the backup, which is the only way back (the store
clears the undo history: Ctrl+Z cannot bring a reset back).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from connecteur import paths
from connecteur.ui.annotations.user_layer import UserLayer
from connecteur.ui.common import labels


class AnnotationReset(QObject):
    def __init__(self, layer: UserLayer, action: QAction, window: QWidget) -> None:
        super().__init__(window)
        self._layer = layer
        self._action = action
        self._window = window
        self.box: QMessageBox | None = None
        action.triggered.connect(self.ask)
        layer.opened.connect(lambda _user: self.update_action())
        layer.open_failed.connect(lambda _message: self.update_action())
        self.update_action()

    def update_action(self) -> None:
        self._action.setEnabled(self._layer.writable)

    def summary(self, counts: dict[str, int]) -> str:
        """"12 notes, 3 surlignages, 1 favori et 2 dossiers de formation"."""
        forms = {"notes": (self.tr("{0} note"), self.tr("{0} notes")),
                 "highlights": (self.tr("{0} surlignage"), self.tr("{0} surlignages")),
                 "stars": (self.tr("{0} favori"), self.tr("{0} favoris")),
                 "tags": (self.tr("{0} étiquette"), self.tr("{0} étiquettes")),
                 "folders": (self.tr("{0} dossier de formation"),
                             self.tr("{0} dossiers de formation"))}
        parts = [labels.count(counts[key], *forms[key]) for key in forms if counts.get(key)]
        if len(parts) < 2:
            return "".join(parts)
        return self.tr("{0} et {1}").format(", ".join(parts[:-1]), parts[-1])

    def ask(self) -> QMessageBox | None:
        """The confirmation (not blocking: the answer comes back to :meth:`reset`)."""
        self.box = None
        counts = self._layer.read(lambda u: u.counts(), None)
        if counts is None:
            self._layer.failed.emit(self._layer.unavailable_message())
            return None
        if not any(counts.values()):
            self._layer.message.emit(self.tr("Aucune annotation à réinitialiser."))
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Réinitialiser les annotations"),
                          self.tr("Supprimer toutes vos annotations et tous vos dossiers ?"),
                          QMessageBox.StandardButton.NoButton, self._window)
        box.setObjectName("reset-annotations")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(self.tr(
            "À supprimer : {0}.\n\nUne sauvegarde est faite juste avant, dans {1} : c'est "
            "le seul moyen de les retrouver (Ctrl+Z ne peut pas annuler une "
            "réinitialisation).").format(self.summary(counts), paths.backups_dir()))
        confirm = box.addButton(self.tr("&Réinitialiser"),
                                QMessageBox.ButtonRole.DestructiveRole)
        confirm.setObjectName("reset-confirm")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.buttonClicked.connect(lambda button: self.reset() if button is confirm else None)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.box = box
        return box

    def reset(self) -> None:
        """Remove every annotation and folder (a backup first: the store's job)."""
        said = self.tr("Annotations réinitialisées ; la sauvegarde faite juste avant est "
                       "{0}")

        def done(backup: Path) -> None:
            self._layer.message.emit(said.format(backup))

        self._layer.write(lambda u: u.reset_annotations(origin=self), done=done,
                          label=self.tr("Réinitialisation des annotations…"))
