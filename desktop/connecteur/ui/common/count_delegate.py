"""Draws a row's label with its count right-aligned and muted ("Terrains   3"),
eliding the label rather than the count when the pane is narrow."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from connecteur.ui.common.palette import muted_text
from connecteur.ui.reading.navigation_model import CountRole

COUNT_GAP = 10
COUNT_MARGIN = 6  # keeps the number clear of the focus ring and the scroll bar
ROW_PADDING = 6  # a little air between rows: easier to aim at and to read


class CountDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + ROW_PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        count = index.data(CountRole)
        if count is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget else None
        if style is None:
            super().paint(painter, option, index)
            return
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        label, opt.text = opt.text, ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        metrics = QFontMetrics(opt.font)
        number = str(count)
        number_width = metrics.horizontalAdvance(number)
        text_rect = text_rect.adjusted(0, 0, -COUNT_MARGIN, 0)
        label_rect = text_rect.adjusted(0, 0, -(number_width + COUNT_GAP), 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(label_rect, align,
                         metrics.elidedText(label, Qt.TextElideMode.ElideRight,
                                            max(0, label_rect.width())))
        painter.setPen(opt.palette.color(role) if selected else muted_text(opt.palette))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         number)
        painter.restore()
