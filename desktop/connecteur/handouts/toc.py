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
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from connecteur.handouts.flowables import PlainLines

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


class TocEntry(PlainLines):
    """One entry of the table: its text, dot leaders and its page number on the last
    line; the whole entry is one link to its heading. Plain lines: the table is
    measured before layout and no paragraph markup needs parsing."""

    def __init__(self, text: str, style: ParagraphStyle, key: str) -> None:
        super().__init__(text, style)
        self.key = key

    def draw(self) -> None:
        style = self.style
        last_y = self.draw_lines()
        end = style.leftIndent + stringWidth(self._lines[-1], style.fontName, style.fontSize)
        self._leaders_and_number(end, last_y)
        self.canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1,
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
