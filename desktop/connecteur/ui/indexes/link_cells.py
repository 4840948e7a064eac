"""Cells of the bibliography whose web addresses are links: the reference text (its
http and https addresses underlined, as in the reading pane) and the "Sites" column
(each site a link to the resource's address there). A click on a link opens it in
the browser — through the ``LinkOpener``, so only http and https ever open; the
pointer becomes a hand over a link."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from connecteur.app.reading_document import linked
from connecteur.ui.common.rich_text import colour_html
from connecteur.ui.indexes.bibliography_model import UrlsRole, site_of
from connecteur.ui.shell.links import LinkOpener

AnyIndex = QModelIndex | QPersistentModelIndex
SEPARATOR = ", "


def site_urls(urls: list[str]) -> dict[str, str]:
    """Each site of a resource with the first of its addresses there, in order."""
    found: dict[str, str] = {}
    for url in urls:
        site = site_of(url)
        if site and site not in found:
            found[site] = url
    return found


class LinkCellDelegate(QStyledItemDelegate):
    """What both link cells share: the click that opens, the hand over a link."""

    def __init__(self, links: LinkOpener, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._links = links
        self._view = view
        view.setMouseTracking(True)

    def link_at(self, option: QStyleOptionViewItem, index: AnyIndex,
                point: QPoint) -> str | None:
        raise NotImplementedError

    def _prepared(self, option: QStyleOptionViewItem, index: AnyIndex,
                  painter: QPainter) -> tuple[QStyleOptionViewItem, QRect]:
        """Draw the cell without its text; the option and the text's rectangle."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = self._view.style()
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, self._view)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self._view)
        return opt, area

    def _colour(self, opt: QStyleOptionViewItem, role: QPalette.ColorRole):
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        return opt.palette.color(QPalette.ColorRole.HighlightedText if selected else role)

    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem,
                    index: AnyIndex) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove):
            return super().editorEvent(event, model, option, index)
        assert isinstance(event, QMouseEvent)
        hit = self.link_at(option, index, event.position().toPoint())
        if kind == QEvent.Type.MouseMove:
            viewport: QWidget = self._view.viewport()
            if hit:
                viewport.setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                viewport.unsetCursor()
            return False
        if hit and event.button() == Qt.MouseButton.LeftButton:
            self._links.open(QUrl(hit))
            return True
        return super().editorEvent(event, model, option, index)


class ReferenceLinksDelegate(LinkCellDelegate):
    """The reference, laid out as the table lays out plain text (same font, width and
    wrapping, so the row heights the table computes still fit), its addresses links."""

    def _document(self, opt: QStyleOptionViewItem, index: AnyIndex,
                  area: QRect) -> tuple[QTextDocument, QPoint]:
        margin = self._view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                                None, self._view) + 1
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(opt.font)
        wrapping = QTextOption()
        wrapping.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(wrapping)
        link = colour_html(self._colour(opt, QPalette.ColorRole.Link))
        document.setDefaultStyleSheet(f"a {{ color: {link}; }}")
        reference_html = linked(str(index.data() or ""))
        document.setHtml(reference_html)
        document.setTextWidth(max(1, area.width() - 2 * margin))
        top = max(0, (area.height() - round(document.size().height())) // 2)
        return document, QPoint(area.left() + margin, area.top() + top)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """The plain text's size, taller if the links wrap onto one more line."""
        size = super().sizeHint(option, index)
        if option.rect.width() <= 0:
            return size
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        area = self._view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt,
                                                 self._view)
        document, _origin = self._document(opt, index, area)
        padding = max(0, option.rect.height() - area.height())
        return QSize(size.width(), max(size.height(),
                                       round(document.size().height()) + padding + 2))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt, area = self._prepared(option, index, painter)
        document, origin = self._document(opt, index, area)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text,
                                 self._colour(opt, QPalette.ColorRole.Text))
        painter.save()
        painter.setClipRect(option.rect)
        painter.translate(origin)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def link_at(self, option: QStyleOptionViewItem, index: AnyIndex,
                point: QPoint) -> str | None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        area = self._view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt,
                                                 self._view)
        document, origin = self._document(opt, index, area)
        return document.documentLayout().anchorAt((point - origin).toPointF()) or None


class SiteLinksDelegate(LinkCellDelegate):
    """Each site a link, one after the other, wrapping when the cell is full."""

    def link_rects(self, option: QStyleOptionViewItem,
                   index: AnyIndex) -> list[tuple[QRect, str, str]]:
        """(where, site, address) of each link of a cell, as they are drawn."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        area = self._view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt,
                                                 self._view)
        metrics = QFontMetrics(self._link_font(opt.font))
        x, y, found = area.left(), area.top(), []
        for site, url in site_urls(index.data(UrlsRole) or []).items():
            width = metrics.horizontalAdvance(site)
            if x > area.left() and x + width > area.right():
                x, y = area.left(), y + metrics.lineSpacing()
            found.append((QRect(x, y, width, metrics.height()), site, url))
            x += width + metrics.horizontalAdvance(SEPARATOR)
        height = (found[-1][0].bottom() - area.top()) if found else 0
        shift = max(0, (area.height() - height) // 2)  # centred, as the other columns
        return [(rect.translated(0, shift), site, url) for rect, site, url in found]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt, _area = self._prepared(option, index, painter)
        painter.save()
        painter.setClipRect(option.rect)
        painter.setPen(self._colour(opt, QPalette.ColorRole.Link))
        links = self.link_rects(option, index)
        ascent = QFontMetrics(opt.font).ascent()
        for number, (rect, site, _url) in enumerate(links):
            painter.setFont(self._link_font(opt.font))
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, site)
            if number < len(links) - 1:
                painter.setFont(opt.font)
                painter.drawText(QPoint(rect.right() + 1, rect.top() + ascent),
                                 SEPARATOR.rstrip())
        painter.restore()

    def link_at(self, option: QStyleOptionViewItem, index: AnyIndex,
                point: QPoint) -> str | None:
        return next((url for rect, _site, url in self.link_rects(option, index)
                     if rect.contains(point)), None)

    @staticmethod
    def _link_font(font: QFont) -> QFont:
        underlined = QFont(font)
        underlined.setUnderline(True)
        return underlined
