"""What is shown (left, replaced for a moment by short messages) and the state of
the search index (right, with a progress bar while it is rebuilt)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from connecteur.ui.search.controller import BUILDING, FAILED, OPENING, READY, IndexStatus

MESSAGE_MS = 6000


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.place = QLabel(self)
        self.place.setObjectName("status-place")
        self.index_state = QLabel(self)
        self.index_state.setObjectName("status-index")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.addWidget(self.place, 1)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.index_state)
        self._status = IndexStatus()
        self._retranslate()

    def show_place(self, text: str) -> None:
        self.place.setText(text)
        self.place.setToolTip(text)

    def flash(self, message: str) -> None:
        """A short message (a refused link, a copy); empty clears it."""
        if message:
            self.showMessage(message, MESSAGE_MS)
        else:
            self.clearMessage()

    def show_index(self, status: IndexStatus) -> None:
        self._status = status
        building = status.state == BUILDING
        self.progress.setVisible(building)
        if building:
            self.progress.setRange(0, status.total or 0)  # 0..0: busy indicator
            self.progress.setValue(status.done)
        texts = {
            OPENING: self.tr("Ouverture de l'index…"),
            BUILDING: self.tr("Index en cours de reconstruction…"),
            READY: self.tr("Recherche prête"),
            FAILED: self.tr("Recherche indisponible"),
        }
        self.index_state.setText(texts.get(status.state, ""))
        tip = status.message
        if status.state == READY and status.message:
            tip = self.tr("Index reconstruit : {0}.").format(status.message)
        self.index_state.setToolTip(tip)
        self.index_state.setAccessibleName(self.index_state.text())

    def _retranslate(self) -> None:
        self.place.setAccessibleName(self.tr("Élément affiché"))
        self.progress.setAccessibleName(self.tr("Progression de l'indexation"))
        self.show_index(self._status)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
