"""A combo box for choices with a count at the end ("Toutes les sessions (12)",
"3 juillet 2020, session 2 — Le management en temps de crise (5)").

Its size hint is the width its current text needs, so a layout that has the room shows
the text whole; when the box is narrower than that, the text loses its middle rather
than its end, so the count stays readable. The list that drops down is as wide as its
longest choice.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

MIN_CHARS = 8  # the narrowest the box may get, in characters
POPUP_MARGIN = 32  # room for the scroll bar and the item padding


class ElidingComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None, objectName: str = "") -> None:
        super().__init__(parent, objectName=objectName)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(MIN_CHARS)
        self.currentIndexChanged.connect(lambda _i: self.updateGeometry())

    def sizeHint(self) -> QSize:
        """What the current text needs to show whole."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        contents = QSize(metrics.horizontalAdvance(self.currentText()) + 2, metrics.height())
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                             contents, self)
        return size.expandedTo(self.minimumSizeHint())

    def shown_text(self) -> str:
        """The text as painted in the box (elided in the middle when too long)."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideMiddle,
                                             field.width())

    def showPopup(self) -> None:
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + POPUP_MARGIN)
        super().showPopup()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
