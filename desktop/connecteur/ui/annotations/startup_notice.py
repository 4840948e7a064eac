"""What happened to the trainer's data at start-up, told without getting in the way.

A recovery from a backup (a damaged, empty or missing file), a damaged write-ahead
log kept as evidence, a daily backup that failed, annotations opened read-only (a
read-only home, a full disk), annotations re-attached to a corrected corpus text, or
a user database that cannot be opened at all: a short message in the status bar and
a button next to it (⚠ for anything but a re-attachment) that opens the full story
(non-blocking). The window stays usable for reading and searching; when the
annotations are read-only, the editing commands are disabled (``UserLayer.writable``)
and the button says so for as long as the window is open.
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
        startup = user.startup
        messages = list(startup.messages)
        if not messages:
            return
        anchoring = startup.anchoring.summary() if startup.anchoring is not None else ""
        title = self.tr("Annotations en lecture seule") if startup.read_only \
            else self.tr("Vos annotations")
        self._notify(title, messages, warning=any(m != anchoring for m in messages))

    def _failed(self, message: str) -> None:
        self._notify(self.tr("Annotations indisponibles"), [
            message, self.tr("Vous pouvez lire et chercher dans la bibliothèque ; les notes, "
                             "favoris et dossiers reviendront quand le fichier pourra être "
                             "ouvert (redémarrez Connecteur).")], warning=True)

    def _notify(self, title: str, lines: list[str], warning: bool) -> None:
        self.title, self.lines = title, lines
        self.button.setText(("⚠ " if warning else "ⓘ ") + title)
        self.button.setToolTip(self.tr("{0}\n(cliquez pour les détails)").format(lines[0]))
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
