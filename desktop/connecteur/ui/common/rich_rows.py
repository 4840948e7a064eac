"""Rows of a list painted from Qt rich text: the style's own background (selection,
hover, focus), the text laid out by one reused document, a hairline under the row.

A delegate keeps one :class:`QTextDocument` and refills it for each row: a new
document per row and paint would make Qt build a new layout each time (slower, and
PySide6 6.11 leaks references to None whenever a layout is created).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

MIN_TEXT_WIDTH = 40.0


def is_selected(option: QStyleOptionViewItem) -> bool:
    return bool(option.state & QStyle.StateFlag.State_Selected)


def refill(doc: QTextDocument, option: QStyleOptionViewItem, html: str,
           width: float) -> QTextDocument:
    """``doc`` holding ``html`` in the row's font, laid out at ``width``."""
    doc.setDefaultFont(option.font)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setTextWidth(max(MIN_TEXT_WIDTH, width))
    return doc


def paint_row(painter: QPainter, option: QStyleOptionViewItem, doc: QTextDocument,
              padding: int) -> None:
    """The background of ``option`` (its text already emptied), ``doc`` inside the
    padding, clipped to the row, and the hairline in the palette's own colour."""
    style = option.widget.style() if option.widget else None
    if style:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                          option.widget)
    rect = option.rect
    painter.save()
    painter.translate(QPointF(rect.left() + padding, rect.top() + padding))
    painter.setClipRect(QRectF(0, 0, rect.width() - 2 * padding,
                               rect.height() - 2 * padding))
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette = option.palette
    doc.documentLayout().draw(painter, context)
    painter.restore()
    painter.save()
    painter.setPen(option.palette.color(QPalette.ColorRole.Midlight))
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())
    painter.restore()
