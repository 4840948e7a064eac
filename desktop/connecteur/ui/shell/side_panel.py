"""The right-hand side area: notes, favourites and folders (and later panels) as
tabs. Hidden while it holds nothing. Dragging something over a tab brings that tab
forward, so a favourite can be dragged into a folder of the "Dossiers" tab."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget


class SidePanel(QTabWidget):
    panels_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("side-panel")
        self.setDocumentMode(True)
        self.tabBar().setChangeCurrentOnDrag(True)
        self.tabBar().setAcceptDrops(True)  # needed for the tab to switch on drag-hover
        self.setVisible(False)

    def add_panel(self, widget: QWidget, title: str, name: str) -> None:
        """Add a panel (``name`` is a stable object name for settings and tests)."""
        widget.setObjectName(name)
        widget.setAccessibleName(title)
        self.addTab(widget, title)
        self.setVisible(True)
        self.panels_changed.emit()

    def panel(self, name: str) -> QWidget | None:
        for i in range(self.count()):
            if self.widget(i).objectName() == name:
                return self.widget(i)
        return None

    def is_empty(self) -> bool:
        return self.count() == 0
