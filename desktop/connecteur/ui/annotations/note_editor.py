"""Writing a note: a plain-text field (the note is kept exactly as typed) with the
light formatting it understands spelled out under it, and Enregistrer / Annuler.

The editor saves nothing itself: it asks (``save_requested``) and is told whether
the store accepted (``saved`` / ``refused``), so it says "Enregistré" only once the
note is really committed, and keeps the text on screen when it was refused.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MIN_LINES = 5


class NoteEditor(QWidget):
    save_requested = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("note-editor")
        self.title = QLabel(self, objectName="note-editor-title")
        self.text = QPlainTextEdit(self, objectName="note-editor-text")
        self.text.setTabChangesFocus(True)
        lines = self.text.fontMetrics().lineSpacing() * MIN_LINES
        self.text.setMinimumHeight(lines + 12)
        self.hint = QLabel(self, objectName="note-editor-hint")
        self.hint.setWordWrap(True)
        self.error = QLabel(self, objectName="note-editor-error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.save_button = QPushButton(self, objectName="note-editor-save")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self, objectName="note-editor-cancel")
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.text.installEventFilter(self)
        self.note_id: str | None = None
        self.item_id: str | None = None
        self.session = 0  # which editing this is: a late answer must not close a newer one
        self._focus_before: QWidget | None = None
        self._original = ""
        self._retranslate()

    # --- API -------------------------------------------------------------------------

    def start(self, item_id: str, note_id: str | None = None, body: str = "",
              title: str = "") -> None:
        """Edit ``body`` (a new note when ``note_id`` is None) and take the focus."""
        self.item_id, self.note_id, self._original = item_id, note_id, body
        self.session += 1
        before = QApplication.focusWidget()
        if before is not None and not self.isAncestorOf(before):
            self._focus_before = before  # where the keyboard goes back after the note
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.text.setPlainText(body)
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)
        self.error.hide()
        self.show()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def editing(self) -> bool:
        return not self.isHidden()

    @property
    def modified(self) -> bool:
        return self.editing and self.text.toPlainText() != self._original

    def body(self) -> str:
        return self.text.toPlainText()

    def refused(self, message: str) -> None:
        """The store said no: show why, keep every character typed."""
        self.error.setText(message)
        self.error.show()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def finish(self) -> None:
        self.session += 1
        self.item_id = self.note_id = None
        self._original = ""
        focused = QApplication.focusWidget()
        typing = focused is not None and self.isAncestorOf(focused)
        self.text.clear()
        self.error.hide()
        self.hide()
        if typing:
            self._give_focus_back()

    def _give_focus_back(self) -> None:
        """The keyboard goes back where it was when the note was started (the text,
        a list), not to whatever follows the editor in the tab order."""
        before, self._focus_before = self._focus_before, None
        try:
            if before is not None and before.isVisible():
                before.setFocus(Qt.FocusReason.OtherFocusReason)
        except RuntimeError:  # that widget is gone
            pass

    def cancel(self) -> None:
        self.finish()
        self.cancelled.emit()

    # --- internals -------------------------------------------------------------------

    def _save(self) -> None:
        self.save_requested.emit(self.text.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Entrée saves, Échap cancels (the text field keeps every other key)."""
        if watched is self.text and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._save()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
                return True
        return super().eventFilter(watched, event)

    def _retranslate(self) -> None:
        self.text.setAccessibleName(self.tr("Texte de la note"))
        self.text.setPlaceholderText(self.tr("Votre note…"))
        self.hint.setText(self.tr(
            "Une ligne vide sépare les paragraphes ; « - » en début de ligne fait une "
            "liste ; **gras** ; les liens https://… et connecteur://… sont cliquables. "
            "Ctrl+Entrée enregistre, Échap annule."))
        self.save_button.setText(self.tr("&Enregistrer"))
        self.cancel_button.setText(self.tr("Annuler"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()


Answer = Callable[[str | None], None]  # None: saved; else the French reason it was not


class NoteDialog(QDialog):
    """A note in a dialog: for a highlight ("Surligner avec une note…") or for an item
    of a course folder. ``on_save(text, answer)`` starts the save (in the background)
    and calls ``answer`` with None once it is committed, or with the French reason it
    was refused; the dialog waits, then closes only once the note is saved."""

    def __init__(self, title: str, label: str, text: str,
                 on_save: Callable[[str, Answer], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("note-dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per use: never kept
        self.setWindowTitle(title)
        self._on_save = on_save
        self.label = QLabel(label, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit(self, objectName="note-dialog-text")
        self.text.setPlainText(text)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(title)
        self.error = QLabel(self, objectName="note-dialog-error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, 300)

    @property
    def saving(self) -> bool:
        return not self.save_button.isEnabled()

    def save(self) -> None:
        if self.saving:
            return
        self.save_button.setEnabled(False)
        self._on_save(self.text.toPlainText(), self._answered)

    def _answered(self, problem: str | None) -> None:
        self.save_button.setEnabled(True)
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()
