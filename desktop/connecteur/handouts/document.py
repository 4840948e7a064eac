"""The page machinery: cover, table of contents and content pages, running header,
"page N / M" footer, PDF outline and bookmarks, where sections start (right-hand
pages when printed two-sided), progress and cancellation — in a single layout pass.

Numbers that are only known at the end (the page total, the pages of the table of
contents) are PDF forms referenced where they are printed and defined by
:class:`Finish`, the story's last flowable (see :mod:`.toc`).
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Spacer

from connecteur import __version__
from connecteur.handouts.flowables import (
    Heading,
    NotesToPageEnd,
    SectionStart,
    SideColumn,
    WritingSpace,
)
from connecteur.handouts.fonts import SANS, SANS_BOLD, SERIF
from connecteur.handouts.markup import clean
from connecteur.handouts.styles import (
    ACCENT,
    ACCENT_DARK,
    MUTED,
    NOTE_BAR,
    RULE,
    Geometry,
    Styles,
)
from connecteur.handouts.toc import define_number_form, number_form
from connecteur.handouts.typography import french_text

SOURCE_LINE = "Connecteur Recherche 2020 — CNFPT, Fing, Riposte créative territoriale"
TRAINER_WARNING = "ne pas distribuer"
WRITING_LABEL = "PRISE DE NOTES"
FOOTER_SIZE = 8
COVER_FRAME_LOSS = 3.5 * cm  # the cover's frame is this much shorter than a page's

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
        for key, (page, style_name) in doc.toc_pages.items():
            style = self.styles.toc[style_name]
            define_number_form(canvas, number_form(key), str(page), style.fontName,
                               style.fontSize, style.textColor)


class HandoutDocTemplate(BaseDocTemplate):
    """Cover page without header; the table of contents across the text and side
    columns; content pages with header, footer and the side column for QR codes."""

    def __init__(self, target, *, geometry: Geometry, title: str, edition_label: str,
                 trainer: bool, toc_styles: dict[str, str], side: SideColumn,
                 progress: Progress | None, should_cancel: ShouldCancel | None,
                 **metadata) -> None:
        self.geometry = geometry
        self.handout_title = title
        self.edition_label = edition_label
        self.trainer = trainer
        self.side = side
        self.toc_styles = toc_styles  # bookmark key → TOC style, for the listed headings
        self.toc_pages: dict[str, tuple[int, str]] = {}
        self._progress = progress
        self._should_cancel = should_cancel
        self.flowable_count = 1
        self._done = 0
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
        padding = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        frame = Frame(geometry.left, geometry.bottom, geometry.frame_width,
                      geometry.frame_height, id="body", **padding)
        wide = Frame(geometry.left, geometry.bottom, geometry.full_width,
                     geometry.frame_height, id="wide", **padding)
        cover_frame = Frame(geometry.left, geometry.bottom + 2 * cm, geometry.full_width,
                            geometry.frame_height - COVER_FRAME_LOSS, id="cover", **padding)
        self.addPageTemplates([
            PageTemplate("cover", [cover_frame], onPage=self._draw_cover,
                         autoNextPageTemplate="wide"),
            PageTemplate("wide", [wide], onPage=self._page_begins,
                         onPageEnd=self._draw_running),
            PageTemplate("content", [frame], onPage=self._page_begins,
                         onPageEnd=self._draw_running),
        ])
        self.setProgressCallBack(self._on_progress)

    # --- where sections start, and the lines to write on ----------------------------------

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        first = flowables[0] if flowables else None
        if isinstance(first, NotesToPageEnd):
            del flowables[0]
            if self._lines_left() >= first.min_lines:
                flowables.insert(0, WritingSpace(WRITING_LABEL, self.side,
                                                 min_lines=first.min_lines, max_lines=None))
            return
        if isinstance(first, SectionStart):
            del flowables[0]
            flowables[0:0] = self._section_start(first)
            return
        super().handle_flowable(flowables)

    def _lines_left(self) -> int:
        frame = self.frame
        room = frame._y - frame._y1p - max(0.0, frame._y - self.side.floor)
        return int((room - 10 - WritingSpace.head) // WritingSpace.gap)

    def _section_start(self, marker: SectionStart) -> list[Flowable]:
        """A new page (unless this one is still empty); on a left-hand page when printed
        two-sided, a page to write on (or a blank page) first."""
        out: list[Flowable] = []
        page = self.page
        if self._curPageFlowableCount:
            out.append(PageBreak())
            page += 1
        if marker.recto and page % 2 == 0:
            filler = WritingSpace(WRITING_LABEL, self.side, min_lines=1, max_lines=None) \
                if marker.notes else Spacer(1, 1)
            out += [filler, PageBreak()]
        return out

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
            self.canv.addOutlineEntry(french_text(clean(flowable.outline)), key,
                                      level=flowable.level)
        if key in self.toc_styles:
            self.toc_pages[key] = (self.page, self.toc_styles[key])

    # --- the running header's label ------------------------------------------------

    def _page_begins(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.side.new_page()
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
                               self._edition_mark().capitalize() if self.trainer
                               else self.edition_label.capitalize())
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(g.left, g.bottom + 1.3 * cm, g.width - g.right, g.bottom + 1.3 * cm)
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 9)
        canvas.drawString(g.left, g.bottom + 0.7 * cm, french_text(f"Source : {SOURCE_LINE}"))
        canvas.restoreState()

    def _edition_mark(self) -> str:
        return f"{self.edition_label} — {TRAINER_WARNING}"

    def _draw_running(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Header and footer, drawn at the end of the page so that the header names
        the session that starts on it; the trainer edition says on every page that it
        is not to be handed out."""
        g = self.geometry
        label = self._page_running if self._page_running is not None else self._running
        top = g.height - g.top + 0.9 * cm
        right = g.width - g.right
        canvas.saveState()
        canvas.setFont(SANS, FOOTER_SIZE)
        canvas.setFillColor(MUTED)
        canvas.drawString(g.left, top, _fit(canvas, self.handout_title, FOOTER_SIZE,
                                            g.full_width * (0.55 if label else 1)))
        if label:
            canvas.drawRightString(right, top, _fit(canvas, label, FOOTER_SIZE,
                                                    g.full_width * 0.42))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(g.left, top - 4, right, top - 4)
        bottom = g.bottom - 1.1 * cm
        if self.trainer:
            canvas.setFont(SANS_BOLD, FOOTER_SIZE)
            canvas.setFillColor(NOTE_BAR)
            canvas.drawString(g.left, bottom, self._edition_mark().upper())
        else:
            canvas.drawString(g.left, bottom, _fit(canvas, SOURCE_LINE, FOOTER_SIZE,
                                                   g.full_width * 0.7))
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
            # monotonic: a section start may put several flowables back on the list
            done = self._done = max(self._done, min(int(value), self.flowable_count - 1))
            percent = done * 100 // self.flowable_count
            if percent != self._last_reported:
                self._last_reported = percent
                self._progress(done, self.flowable_count)


def _fit(canvas: Canvas, text: str, size: float, width: float) -> str:
    """``text`` on one line, shortened with an ellipsis to fit ``width``."""
    text = french_text(" ".join(clean(text).split())[:300])
    if canvas.stringWidth(text, SANS, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", SANS, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
