"""The search field: typing searches; arrows, Page keys and Enter walk the results
without leaving the field; Escape clears it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

_STEPS = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}


class SearchBox(QLineEdit):
    step_requested = Signal(int)  # move the current result by n
    open_requested = Signal()
    escaped = Signal()
    focus_left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setObjectName("search-box")
        self._retranslate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _STEPS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.step_requested.emit(_STEPS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
        elif key == Qt.Key.Key_Escape:
            self.clear()
            self.escaped.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()

    def _retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Chercher dans la bibliothèque (Ctrl+K)"))
        self.setAccessibleName(self.tr("Recherche"))
        self.setAccessibleDescription(self.tr(
            "Les résultats s'affichent pendant la frappe ; flèches pour les parcourir, "
            "Entrée pour ouvrir, Échap pour effacer."))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
