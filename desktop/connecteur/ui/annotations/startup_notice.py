"""What happened to the trainer's data at start-up, told without getting in the way.

A recovery from a backup, annotations re-attached to a corrected corpus text, or a
user database that cannot be opened at all: a short message in the status bar and
a "Détails…" button next to it that opens the full story (non-blocking). When the
database cannot be opened the window stays usable for reading and searching.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QStatusBar, QToolButton, QWidget

from connecteur.ui.annotations.user_layer import UserLayer

if TYPE_CHECKING:  # the user layer loads after the first paint
    from connecteur.store import UserStore


class StartupNotice(QObject):
    def __init__(self, layer: UserLayer, status: QStatusBar, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._status = status
        self.title = ""
        self.lines: list[str] = []
        self.button = QToolButton(status, objectName="user-notice")
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self.show_details)
        self.button.hide()
        status.addPermanentWidget(self.button)
        self.box: QMessageBox | None = None
        layer.opened.connect(self._opened)
        layer.open_failed.connect(self._failed)

    def _opened(self, user: UserStore) -> None:
        messages = list(user.startup.messages)
        if not messages:
            return
        self._notify(self.tr("Vos annotations"), messages, warning=user.startup.recovered)

    def _failed(self, message: str) -> None:
        self._notify(self.tr("Annotations indisponibles"), [
            message, self.tr("Vous pouvez lire et chercher dans la bibliothèque ; les notes, "
                             "favoris et dossiers reviendront quand le fichier pourra être "
                             "ouvert (redémarrez Connecteur).")], warning=True)

    def _notify(self, title: str, lines: list[str], warning: bool) -> None:
        self.title, self.lines = title, lines
        self.button.setText(("⚠ " if warning else "ⓘ ") + title)
        self.button.setToolTip(self.tr("Afficher les détails"))
        self.button.setAccessibleName(title)
        self.button.show()
        self._status.showMessage(lines[0], 15_000)

    def show_details(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, self.title, self.lines[0],
                          QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("user-notice-details")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("\n\n".join(self.lines[1:]))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.box = box
        return box
