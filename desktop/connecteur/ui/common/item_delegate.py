"""Paints an item of "Mes favoris" or of a course folder on two lines: where it comes
from, small and muted, then the beginning of its text; a hairline between items.

The model's display text carries both, separated by the first line break (so the
plain text stays meaningful for accessibility and for tests); a row without a line
break (a folder) is painted as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from connecteur.ui.common.model_types import AnyIndex
from connecteur.ui.common.palette import muted_text
from connecteur.ui.common.rich_rows import is_selected, paint_row, refill
from connecteur.ui.common.rich_text import colour_html, h

PADDING = 6


def two_lines_html(text: str, palette: QPalette, selected: bool) -> str:
    head, _, rest = text.partition("\n")
    role = QPalette.ColorRole
    colour = palette.color(role.HighlightedText if selected else role.Text)
    colour_text_html = colour_html(colour)
    muted_html = colour_text_html if selected else colour_html(muted_text(palette))
    body_html = "<br>".join(h(line) for line in rest.split("\n"))
    return (f'<div style="color:{colour_text_html}"><div style="color:{muted_html}; '
            f'font-size:small">{h(head)}</div><div>{body_html}</div></div>')


class TwoLineDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = QTextDocument(self)  # refilled for each row (see rich_rows)

    def _document(self, option: QStyleOptionViewItem, text: str, width: float) -> QTextDocument:
        html = two_lines_html(text, option.palette, is_selected(option))
        return refill(self._doc, option, html, width)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if "\n" not in text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        paint_row(painter, opt, self._document(opt, text, opt.rect.width() - 2 * PADDING),
                  PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if "\n" not in text:
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        width = (view.viewport().width() if view is not None and hasattr(view, "viewport")
                 else opt.rect.width()) - 2 * PADDING - 40  # room for a tree's indentation
        doc = self._document(opt, text, width)
        return QSize(int(width), int(doc.size().height()) + 2 * PADDING)
