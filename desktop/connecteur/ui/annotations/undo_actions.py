"""Édition › Annuler / Rétablir for the trainer's layer.

The entries name what they will undo ("Annuler : supprimer la note"), follow the
store's history live, and leave a text field alone: while the focus is in an
editable field, Ctrl+Z is the field's own (Qt gives it the key first) and the menu
entries act on the field too.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from connecteur.ui.annotations.user_layer import UserLayer
from connecteur.ui.shell.actions import set_text

CONTEXT = "UndoLabels"
# The store's labels (French verb phrases), translated when shown.
LABELS = (
    QT_TRANSLATE_NOOP("UndoLabels", "ajouter une note"),
    QT_TRANSLATE_NOOP("UndoLabels", "modifier la note"),
    QT_TRANSLATE_NOOP("UndoLabels", "rattacher la note"),
    QT_TRANSLATE_NOOP("UndoLabels", "supprimer la note"),
    QT_TRANSLATE_NOOP("UndoLabels", "surligner"),
    QT_TRANSLATE_NOOP("UndoLabels", "changer la couleur du surlignage"),
    QT_TRANSLATE_NOOP("UndoLabels", "modifier la note du surlignage"),
    QT_TRANSLATE_NOOP("UndoLabels", "supprimer le surlignage"),
    QT_TRANSLATE_NOOP("UndoLabels", "ajouter aux favoris"),
    QT_TRANSLATE_NOOP("UndoLabels", "retirer des favoris"),
    QT_TRANSLATE_NOOP("UndoLabels", "créer le dossier"),
    QT_TRANSLATE_NOOP("UndoLabels", "renommer le dossier"),
    QT_TRANSLATE_NOOP("UndoLabels", "modifier le dossier"),
    QT_TRANSLATE_NOOP("UndoLabels", "supprimer le dossier"),
    QT_TRANSLATE_NOOP("UndoLabels", "ajouter au dossier"),
    QT_TRANSLATE_NOOP("UndoLabels", "retirer du dossier"),
    QT_TRANSLATE_NOOP("UndoLabels", "réordonner le dossier"),
    QT_TRANSLATE_NOOP("UndoLabels", "modifier la note du dossier"),
    QT_TRANSLATE_NOOP("UndoLabels", "importer des annotations"),
)
# Labels with a value in them: pattern -> translatable template.
PATTERNS = (
    (re.compile(r"^ajouter l'étiquette « (.*) »$"),
     QT_TRANSLATE_NOOP("UndoLabels", "ajouter l'étiquette « {0} »")),
    (re.compile(r"^retirer l'étiquette « (.*) »$"),
     QT_TRANSLATE_NOOP("UndoLabels", "retirer l'étiquette « {0} »")),
    (re.compile(r"^renommer l'étiquette « (.*) »$"),
     QT_TRANSLATE_NOOP("UndoLabels", "renommer l'étiquette « {0} »")),
    (re.compile(r"^fusionner (.*) dans « (.*) »$"),
     QT_TRANSLATE_NOOP("UndoLabels", "fusionner {0} dans « {1} »")),
    (re.compile(r"^ajouter (\d+) éléments au dossier$"),
     QT_TRANSLATE_NOOP("UndoLabels", "ajouter {0} éléments au dossier")),
    (re.compile(r"^retirer (\d+) éléments du dossier$"),
     QT_TRANSLATE_NOOP("UndoLabels", "retirer {0} éléments du dossier")),
)


def translated_label(label: str) -> str:
    """The store's French label in the UI language (unknown labels as they are)."""
    if label in LABELS:
        return QCoreApplication.translate(CONTEXT, label)
    for pattern, template in PATTERNS:
        match = pattern.match(label)
        if match:
            return QCoreApplication.translate(CONTEXT, template).format(*match.groups())
    return label


def editable_field(widget: QWidget | None) -> QWidget | None:
    """The focused widget when it is a text field the user types in."""
    if isinstance(widget, QLineEdit) and not widget.isReadOnly():
        return widget
    if isinstance(widget, QTextEdit | QPlainTextEdit) and not widget.isReadOnly():
        return widget
    return None


class UndoActions(QObject):
    """Drives the window's Annuler / Rétablir actions (``Actions.undo``/``redo``)."""

    def __init__(self, layer: UserLayer, undo: QAction, redo: QAction,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layer = layer
        self.undo, self.redo = undo, redo
        self.undo.triggered.connect(self.do_undo)
        self.redo.triggered.connect(self.do_redo)
        layer.history_changed.connect(self.update)
        layer.opened.connect(lambda _user: self.update())
        self.update()

    def do_undo(self) -> None:
        field = editable_field(QApplication.focusWidget())
        if field is not None:
            field.undo()  # type: ignore[attr-defined]
            return
        said = self.tr("Annulé : {0}")
        self._layer.write(lambda u: u.undo(origin=self), done=lambda label: label and
                          self._layer.message.emit(said.format(translated_label(label))))

    def do_redo(self) -> None:
        field = editable_field(QApplication.focusWidget())
        if field is not None:
            field.redo()  # type: ignore[attr-defined]
            return
        said = self.tr("Rétabli : {0}")
        self._layer.write(lambda u: u.redo(origin=self), done=lambda label: label and
                          self._layer.message.emit(said.format(translated_label(label))))

    def update(self) -> None:
        """Relabel and enable the entries from the store's history."""
        user = self._layer.user
        history = user.history if user is not None else None
        can_undo = bool(history and history.can_undo) and self._layer.writable
        can_redo = bool(history and history.can_redo) and self._layer.writable
        self.undo.setText(self.tr("&Annuler : {0}").format(translated_label(
            history.undo_label)) if can_undo else self.tr("&Annuler"))
        self.redo.setText(self.tr("&Rétablir : {0}").format(translated_label(
            history.redo_label)) if can_redo else self.tr("&Rétablir"))
        self.undo.setEnabled(can_undo)
        self.redo.setEnabled(can_redo)
        for action in (self.undo, self.redo):
            set_text(action, action.text())

    def retranslate(self) -> None:
        self.update()
