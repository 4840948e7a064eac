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
from reportlab.pdfgen.canvas import Canvas

from connecteur.handouts.flowables import Text

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


class TocEntry(Text):
    """One line of the table: a link to the heading, dot leaders, its page number
    (measured once: the table's height is known before layout)."""

    def __init__(self, markup: str, style: ParagraphStyle, key: str) -> None:
        self.key = key
        self.toc_style = style
        super().__init__(f'{markup}<onDraw name="toc_end" label="x"/>', style)

    def split(self, availWidth: float, availHeight: float) -> list:
        return []  # an entry is never cut between two pages

    def draw(self) -> None:
        self._ends: list[tuple[float, float]] = []
        self.canv.setNamedCB("toc_end", self._end_of_text)
        super().draw()
        for x, y in self._ends:  # after the text, so that text extraction reads in order
            self._leaders_and_number(x, y)
        # the whole entry, leaders and number included, is one link to its heading
        self.canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1,
                           thickness=0)

    def _end_of_text(self, canvas: Canvas, kind: str, label: str) -> None:
        """Called where the entry's text ends (while the line is being set)."""
        info = canvas._curr_tx_info  # ReportLab's own TOC reads the position here too
        self._ends.append((info["cur_x"], info["cur_y"]))

    def _leaders_and_number(self, x: float, y: float) -> None:
        canvas, style = self.canv, self.toc_style
        right = self.width
        dot_width = canvas.stringWidth(_DOT, style.fontName, style.fontSize)
        count = int((right - NUMBER_COLUMN + 4 - x) // dot_width)
        canvas.saveState()
        if count > 0:
            canvas.setFont(style.fontName, style.fontSize)
            canvas.setFillColor(style.textColor)
            canvas.drawRightString(right - NUMBER_COLUMN + 4, y, _DOT * count)
        canvas.translate(right, y)
        canvas.doForm(number_form(self.key))
        canvas.restoreState()
