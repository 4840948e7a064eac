"""The right-hand side area: notes, favourites, folders, tags and « Voir aussi », one
tab each. Hidden while it holds nothing. Dragging something over a tab brings that tab
forward, so a favourite can be dragged into a folder of the "Dossiers" tab."""

from __future__ import annotations

from PySide6.QtCore import QRect, Signal
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleOption,
    QTabWidget,
    QWidget,
)

TAB_SQUEEZE = 10  # px taken off the room around each tab's name
TEXT_ROOM = 3  # px above and below a tab's name where accents may be drawn


class CompactTabs(QProxyStyle):
    """The application's style, with tabs a little narrower: the five panels' names
    fit in the panel's default width without scroll arrows hiding the last ones. The
    name's box is also made taller: the style clips the text to a box one pixel short
    of the font's height, which cut the accent off « Étiquettes »."""

    def subElementRect(self, element: QStyle.SubElement, option: QStyleOption,
                       widget: QWidget | None = None) -> QRect:
        found = super().subElementRect(element, option, widget)
        if element == QStyle.SubElement.SE_TabBarTabText:
            found.adjust(0, -TEXT_ROOM, 0, TEXT_ROOM)  # (the text stays centred)
        return found

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        found = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
            return max(8, found - TAB_SQUEEZE)
        return found


class SidePanel(QTabWidget):
    panels_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("side-panel")
        self.setDocumentMode(True)
        self._tab_style = CompactTabs()
        self._tab_style.setParent(self)
        self.tabBar().setStyle(self._tab_style)
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
