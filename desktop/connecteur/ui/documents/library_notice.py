"""What of the trainer's imported documents could not be loaded, told without getting
in the way: a status message and a "⚠ Documents importés" button in the status bar that
opens the full story (non-blocking). The library still opens: the bundled corpus and
every document that could be read."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QStatusBar, QToolButton, QWidget


class LibraryNotice(QObject):
    def __init__(self, status: QStatusBar, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._status = status
        self.lines: tuple[str, ...] = ()
        self.button = QToolButton(status, objectName="library-notice")
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self.show_details)
        self.button.hide()
        status.addPermanentWidget(self.button)
        self.box: QMessageBox | None = None

    def show_notices(self, notices: tuple[str, ...]) -> None:
        """The library's ``notices`` (French sentences); none hides the button."""
        self.lines = tuple(notices)
        if not self.lines:
            self.button.hide()
            return
        title = self.tr("Documents importés")
        self.button.setText("⚠ " + title)
        self.button.setToolTip(self.tr("Afficher les détails"))
        self.button.setAccessibleName(title)
        self.button.show()
        self._status.showMessage(self.lines[0], 15_000)

    def show_details(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Documents importés"),
                          self.tr("Une partie de vos documents importés n'a pas pu être "
                                  "chargée ; le reste de la bibliothèque est disponible."),
                          QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("library-notice-details")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("\n\n".join(self.lines))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.box = box
        return box
