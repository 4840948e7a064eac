"""Paints one search hit: where it comes from, its title, and the excerpt with the
matched words highlighted, in palette colours (light or dark); under it, muted and in
italics, why a hit found through its context was found (or what a related item
shares)."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, QSize
from PySide6.QtGui import QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from connecteur.ui.common.model_types import AnyIndex
from connecteur.ui.common.palette import match_background, muted_text
from connecteur.ui.common.rich_rows import is_selected, paint_row, refill
from connecteur.ui.common.rich_text import colour_html, h
from connecteur.ui.search.results_model import HitRole, NoteRole, hit_place

PADDING = 8
_MARK_RE = re.compile(r'(<mark(?: class="stem")?>|</mark>)')
STEM_STYLE = "text-decoration:underline;"  # a word of the same family: a lighter mark


def marked_excerpt(highlight: str, mark_style: str, stem_style: str = STEM_STYLE) -> str:
    """The service's excerpt (escaped text with ``<mark>`` around the words typed and
    ``<mark class="stem">`` around words that only share their stem) as Qt rich text.
    Any other ``<`` is escaped again, so nothing but the marks can become markup even
    if an excerpt arrived unescaped."""
    out, open_ = [], False
    for part in _MARK_RE.split(highlight):
        if part.startswith("<mark"):
            if not open_:
                style = stem_style if "stem" in part else mark_style
                out.append(f'<span style="{h(style)}">')
                open_ = True
        elif part == "</mark>":
            if open_:
                out.append("</span>")
                open_ = False
        else:
            out.append(part.replace("<", "&lt;").replace(">", "&gt;"))
    if open_:
        out.append("</span>")
    return "".join(out)


def hit_html(hit, palette: QPalette, selected: bool, note: str = "") -> str:
    role = QPalette.ColorRole
    if selected:
        text_html = colour_html(palette.color(role.HighlightedText))
        muted_html, mark = text_html, "font-weight:700; text-decoration:underline;"
    else:
        text_html = colour_html(palette.color(role.Text))
        muted_html = colour_html(muted_text(palette))
        mark = f"font-weight:700; background-color:{colour_html(match_background(palette))};"
    excerpt_html = marked_excerpt(hit.highlight or h(hit.text[:240]), mark)
    note_html = (f'<div style="color:{muted_html}; font-style:italic; margin-top:3px">'
                 f"{h(note)}</div>") if note else ""
    return (f'<div style="color:{text_html}">'
            f'<div style="color:{muted_html}; font-size:small">{h(hit_place(hit))}</div>'
            f'<div style="font-weight:600">{h(hit.title)}</div>'
            f"<div>{excerpt_html}</div>{note_html}</div>")


class ResultDelegate(QStyledItemDelegate):
    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view
        self._doc = QTextDocument(self)  # refilled for each row (see rich_rows)

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex,
                  width: float) -> QTextDocument:
        html = hit_html(index.data(HitRole), option.palette, is_selected(option),
                        index.data(NoteRole) or "")
        return refill(self._doc, option, html, width)

    def _width(self) -> float:
        viewport = getattr(self._view, "viewport", None)
        width = viewport().width() if viewport else self._view.width()
        return width - 2 * PADDING

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        paint_row(painter, opt, self._document(opt, index, opt.rect.width() - 2 * PADDING),
                  PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index, self._width())
        return QSize(int(self._width()), int(doc.size().height()) + 2 * PADDING)


def show_hits(view: QListView, model: QAbstractItemModel) -> None:
    """``view`` lists ``model``'s hits as the search results do: each painted by a
    :class:`ResultDelegate`, as tall as its text, scrolled by the pixel, read-only."""
    view.setModel(model)
    view.setItemDelegate(ResultDelegate(view))
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
