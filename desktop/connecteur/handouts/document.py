"""The page machinery: cover and content pages, running header, "page N / M" footer,
PDF outline and bookmarks, progress and cancellation — in a single layout pass.

Numbers that are only known at the end (the page total, the pages of the table of
contents) are PDF forms referenced where they are printed and defined by
:class:`Finish`, the story's last flowable (see :mod:`.toc`).
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from connecteur import __version__
from connecteur.handouts.flowables import Heading
from connecteur.handouts.fonts import SANS, SANS_BOLD, SERIF
from connecteur.handouts.markup import clean
from connecteur.handouts.styles import ACCENT, ACCENT_DARK, MUTED, RULE, Geometry, Styles
from connecteur.handouts.toc import define_number_form, number_form

SOURCE_LINE = "Connecteur Recherche 2020 — CNFPT, Fing, Riposte créative territoriale"
FOOTER_SIZE = 8

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]


class HandoutCancelled(Exception):
    """The caller asked to stop (``should_cancel()`` returned true); no file is written."""


def footer_form(page: int) -> str:
    return f"footer_{page}"


class Finish(Flowable):
    """The last flowable: once every page is laid out, define the forms that print
    the page total and the table of contents' page numbers."""

    def __init__(self, styles: Styles) -> None:
        super().__init__()
        self.width = self.height = 0
        self.styles = styles
        self.pages = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        doc = self._doctemplate  # set by ReportLab on the canvas during the build
        self.pages = canvas.getPageNumber()
        for page in range(2, self.pages + 1):
            define_number_form(canvas, footer_form(page), f"page {page} / {self.pages}",
                               SANS, FOOTER_SIZE, MUTED)
        levels = self.styles.toc_levels
        for key, (page, level) in doc.toc_pages.items():
            style = levels[min(level, len(levels) - 1)]
            define_number_form(canvas, number_form(key), str(page), style.fontName,
                               style.fontSize, style.textColor)


class HandoutDocTemplate(BaseDocTemplate):
    """Cover page without header, content pages with header and footer."""

    def __init__(self, target, *, geometry: Geometry, title: str, edition_label: str,
                 toc_levels: dict[str, int], progress: Progress | None,
                 should_cancel: ShouldCancel | None, **metadata) -> None:
        self.geometry = geometry
        self.handout_title = title
        self.edition_label = edition_label
        self.toc_levels = toc_levels  # bookmark key → TOC level, for the listed headings
        self.toc_pages: dict[str, tuple[int, int]] = {}
        self._progress = progress
        self._should_cancel = should_cancel
        self.flowable_count = 1
        self._last_reported = -1
        self._running = ""  # the label of the session being printed
        self._page_running: str | None = None  # the label the current page's header shows
        self._page_start_running = ""
        self._page_has_text = False
        super().__init__(target, pagesize=(geometry.width, geometry.height),
                         leftMargin=geometry.left, rightMargin=geometry.right,
                         topMargin=geometry.top, bottomMargin=geometry.bottom,
                         title=title, creator=f"Connecteur {__version__}", lang="fr-FR",
                         displayDocTitle=1, initialFontName=SERIF, **metadata)
        frame = Frame(geometry.left, geometry.bottom, geometry.frame_width,
                      geometry.frame_height, id="body", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        cover_frame = Frame(geometry.left, geometry.bottom + 2 * cm, geometry.frame_width,
                            geometry.frame_height - 5.5 * cm, id="cover", leftPadding=0,
                            rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [cover_frame], onPage=self._draw_cover,
                         autoNextPageTemplate="content"),
            PageTemplate("content", [frame], onPage=self._page_begins,
                         onPageEnd=self._draw_running),
        ])
        self.setProgressCallBack(self._on_progress)

    # --- bookmarks, outline, TOC pages ---------------------------------------------------

    def afterFlowable(self, flowable: Flowable) -> None:
        self._check_cancel()
        self._follow_running(flowable)
        if not isinstance(flowable, Heading):
            return
        key = getattr(flowable, "key", None)
        if key is None:
            return
        top = self.frame._y + flowable.height + flowable.getSpaceAfter() + 6
        self.canv.bookmarkPage(key, fit="XYZ", left=0, top=round(top, 1))
        if flowable.outline is not None:
            self.canv.addOutlineEntry(clean(flowable.outline), key, level=flowable.level)
        if key in self.toc_levels:
            self.toc_pages[key] = (self.page, self.toc_levels[key])

    # --- the running header's label ------------------------------------------------

    def _page_begins(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._page_start_running = self._running
        self._page_running = None
        self._page_has_text = False

    def _follow_running(self, flowable: Flowable) -> None:
        """The header names the session at the top of the page: the one carried over
        from the previous page, unless the page opens with a new session."""
        running = getattr(flowable, "running", None)
        if running is not None:
            self._running = running
            if self._page_running is None:
                self._page_running = self._page_start_running if self._page_has_text \
                    else running
        elif not getattr(flowable, "prelude", False) and getattr(flowable, "height", 0):
            self._page_has_text = True

    # --- page decoration -------------------------------------------------------------

    def _draw_cover(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        g = self.geometry
        canvas.showOutline()  # readers open with the bookmarks panel
        canvas.saveState()
        canvas.setFillColor(ACCENT_DARK)
        canvas.rect(0, g.height - 1.4 * cm, g.width, 1.4 * cm, stroke=0, fill=1)
        canvas.setFillColor(ACCENT)
        canvas.rect(0, g.height - 1.55 * cm, g.width, 0.15 * cm, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont(SANS_BOLD, 10)
        canvas.drawString(g.left, g.height - 0.9 * cm, "CONNECTEUR RECHERCHE 2020")
        canvas.setFont(SANS, 10)
        canvas.drawRightString(g.width - g.right, g.height - 0.9 * cm,
                               self.edition_label.capitalize())
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(g.left, g.bottom + 1.3 * cm, g.width - g.right, g.bottom + 1.3 * cm)
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 9)
        canvas.drawString(g.left, g.bottom + 0.7 * cm, f"Source : {SOURCE_LINE}")
        canvas.restoreState()

    def _draw_running(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Header and footer, drawn at the end of the page so that the header names
        the session that starts on it."""
        g = self.geometry
        label = self._page_running if self._page_running is not None else self._running
        top = g.height - g.top + 0.9 * cm
        right = g.width - g.right
        canvas.saveState()
        canvas.setFont(SANS, FOOTER_SIZE)
        canvas.setFillColor(MUTED)
        canvas.drawString(g.left, top, _fit(canvas, self.handout_title, FOOTER_SIZE,
                                            g.frame_width * (0.55 if label else 1)))
        if label:
            canvas.drawRightString(right, top, _fit(canvas, label, FOOTER_SIZE,
                                                    g.frame_width * 0.42))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(g.left, top - 4, right, top - 4)
        bottom = g.bottom - 1.1 * cm
        canvas.drawString(g.left, bottom, _fit(canvas, SOURCE_LINE, FOOTER_SIZE,
                                               g.frame_width * 0.7))
        canvas.translate(right, bottom)
        canvas.doForm(footer_form(canvas.getPageNumber()))  # "page N / M", see Finish
        canvas.restoreState()

    # --- progress and cancellation ---------------------------------------------------

    def _check_cancel(self) -> None:
        if self._should_cancel is not None and self._should_cancel():
            raise HandoutCancelled()

    def _on_progress(self, kind: str, value: int) -> None:
        self._check_cancel()
        if kind == "SIZE_EST":
            self.flowable_count = max(int(value), 1)
        elif kind == "PROGRESS" and self._progress is not None:
            done = min(int(value), self.flowable_count - 1)
            percent = done * 100 // self.flowable_count
            if percent != self._last_reported:
                self._last_reported = percent
                self._progress(done, self.flowable_count)


def _fit(canvas: Canvas, text: str, size: float, width: float) -> str:
    """``text`` on one line, shortened with an ellipsis to fit ``width``."""
    text = " ".join(clean(text).split())[:300]
    if canvas.stringWidth(text, SANS, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", SANS, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
