"""A table of contents laid out in a single pass.

ReportLab's ``TableOfContents`` needs two or three layout passes (``multiBuild``): the
first to learn the page numbers, the next to print them. Here every entry is known
before layout (the headings are in the story already), so the table takes its final
height at once; each page number is a PDF form (XObject) referenced where it goes and
defined at the end of the build, when the page is known. The footer's "page N / M"
uses the same device. One pass instead of two or three: the build is twice as fast.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from connecteur.handouts.flowables import wrapped_lines
from connecteur.handouts.typography import french_text

NUMBER_COLUMN = 26.0  # room kept at the right of every entry for its page number
_DOT = " . "


def number_form(key: str) -> str:
    """The name of the form that prints the page of bookmark ``key``."""
    return f"tocpage_{key}"


def define_number_form(canvas: Canvas, name: str, text: str, font: str, size: float,
                       colour) -> None:
    """Define form ``name``: ``text`` right-aligned on the form's origin."""
    canvas.beginForm(name, lowerx=-200, lowery=-size, upperx=2, uppery=2 * size)
    canvas.setFont(font, size)
    canvas.setFillColor(colour)
    canvas.drawRightString(0, 0, text)
    canvas.endForm()


class TocEntry(Flowable):
    """One entry of the table: its text (wrapped at spaces only, so no-break spaces
    hold), dot leaders and its page number on the last line; the whole entry is one
    link to its heading. Plain text drawn as it is: the table is measured before
    layout and no paragraph markup needs parsing."""

    def __init__(self, text: str, style: ParagraphStyle, key: str) -> None:
        super().__init__()
        self.key = key
        self.style = style
        self.text = french_text(text)
        self._lines: list[str] = []
        self._for_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._for_width != availWidth:
            room = availWidth - self.style.leftIndent - self.style.rightIndent
            self._lines = wrapped_lines(self.text, self.style.fontName, self.style.fontSize,
                                        room)
            self._for_width = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list:
        return []  # an entry is never cut between two pages

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        y = self.height - getAscent(style.fontName, style.fontSize)
        for line in self._lines:
            canvas.drawString(style.leftIndent, y, line)
            last_y = y
            y -= style.leading
        end = style.leftIndent + stringWidth(self._lines[-1], style.fontName, style.fontSize)
        self._leaders_and_number(end, last_y)
        canvas.linkRect("", self.key, (0, 0, self.width, self.height), relative=1,
                        thickness=0)

    def _leaders_and_number(self, x: float, y: float) -> None:
        canvas, style = self.canv, self.style
        right = self.width
        dot_width = stringWidth(_DOT, style.fontName, style.fontSize)
        count = int((right - NUMBER_COLUMN + 4 - x) // dot_width)
        canvas.saveState()
        if count > 0:
            canvas.drawRightString(right - NUMBER_COLUMN + 4, y, _DOT * count)
        canvas.translate(right, y)
        canvas.doForm(number_form(self.key))
        canvas.restoreState()
