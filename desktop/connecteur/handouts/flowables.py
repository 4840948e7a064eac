"""The handout's own flowables: headings that feed the outline and table of contents,
ruled space to write on, boxed notes that may run over several pages, and entries
with QR codes beside them."""

from __future__ import annotations

import copy
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from connecteur.handouts import qr
from connecteur.handouts.fonts import SANS, SANS_BOLD
from connecteur.handouts.styles import MUTED, QR_SIZE, WRITING_RULE

_BIG = 1e7  # "as much height as needed" when measuring a box's content


class Text(Paragraph):
    """A paragraph that breaks its lines once per width, and whose split parts keep
    the lines already broken.

    ReportLab's ``Paragraph`` breaks all its lines again on every ``wrap`` (layout calls
    it several times per page) and its second half after every page break; a note of
    100,000 characters then costs seconds per page. Here both halves of a split reuse
    the lines computed for that width, so a long paragraph is broken once.
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_width == availWidth and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        lines = self.blPara.lines
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        count = len(parts[0].blPara.lines)
        rest = lines[count:]
        offset = getattr(rest[0], "sFW", 0) if rest else 0
        if offset:  # lines index their first word in the frags, which the part restarts
            rest = [_rebased(line, offset) for line in rest]
        for part, part_lines in zip(parts, (lines[:count], rest), strict=True):
            part.blPara = copy.copy(self.blPara)
            part.blPara.lines = part_lines
            part.width = availWidth
            part.height = len(part_lines) * part.style.leading
            part._wrapped_width = availWidth
        return parts


def _rebased(line, offset: int):
    line = copy.copy(line)
    line.sFW -= offset
    return line


class Heading(Text):
    """A heading that the document turns into a bookmark, outline entry and TOC line.

    ``outline`` is the plain-text title for the PDF outline (None: no entry);
    ``toc`` the escaped markup of its table-of-contents line (None: not listed);
    ``toc_level`` its level there (0 or 1); ``running`` the label shown in the running
    header from this page on.
    """

    def __init__(self, text: str | None, style: ParagraphStyle, *,
                 outline: str | None = None, level: int = 0, toc: str | None = None,
                 toc_level: int = 0, running: str | None = None, **kwargs) -> None:
        super().__init__(text, style, **kwargs)
        self.outline = outline
        self.level = level
        self.toc = toc
        self.toc_level = toc_level
        self.running = running
        self.key: str | None = None  # its bookmark, given when the story is complete


class WritingSpace(Flowable):
    """A label and ruled lines, to fill the rest of the page (within limits)."""

    gap = 19.0

    def __init__(self, label: str, min_lines: int = 5, max_lines: int = 12) -> None:
        super().__init__()
        self.label = label
        self.min_lines = min_lines
        self.max_lines = max_lines
        self.lines = min_lines
        self.spaceBefore = 10
        self.spaceAfter = 12

    def _height(self, lines: int) -> float:
        return 16 + lines * self.gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        fit = int((availHeight - 16) // self.gap)
        self.lines = max(self.min_lines, min(self.max_lines, fit))
        self.width = availWidth
        self.height = self._height(self.lines)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []  # never cut: on the next page it gets its full size

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(0, self.height - 10, self.label)
        canvas.setStrokeColor(WRITING_RULE)
        canvas.setLineWidth(0.5)
        for i in range(1, self.lines + 1):
            y = self.height - 16 - i * self.gap
            canvas.line(0, y, self.width, y)
        canvas.restoreState()


class NoteBox(Flowable):
    """Paragraphs on a tinted background with a coloured bar, split across pages when
    long (a note of 100,000 characters runs on as many pages as it needs)."""

    pad = 6.0
    bar = 2.5

    def __init__(self, content: Sequence[Flowable], back: colors.Color, bar: colors.Color,
                 *, space_before: float = 3, space_after: float = 6) -> None:
        super().__init__()
        self.content = list(content)
        self.back = back
        self.bar_colour = bar
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self._sizes: list[float] = []

    def _inner(self, availWidth: float) -> float:
        return availWidth - 2 * self.pad - self.bar

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        inner = self._inner(availWidth)
        self._sizes = [f.wrap(inner, _BIG)[1] for f in self.content]
        gaps = sum(f.getSpaceAfter() for f in self.content[:-1])
        self.width = availWidth
        self.height = sum(self._sizes) + gaps + 2 * self.pad
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        inner = self._inner(availWidth)
        room = availHeight - 2 * self.pad
        first: list[Flowable] = []
        rest = list(self.content)
        while rest:
            flowable = rest[0]
            height = flowable.wrap(inner, room)[1]
            if height <= room:
                first.append(rest.pop(0))
                room -= height + flowable.getSpaceAfter()
                continue
            parts = flowable.split(inner, room) if room > 0 else []
            if len(parts) > 1:
                first.append(parts[0])
                rest[0:1] = parts[1:]
            break
        if not first or all(f.getKeepWithNext() for f in first):
            return []  # nothing, or only the label, would stay on this page
        if not rest:
            return [self]
        return [NoteBox(first, self.back, self.bar_colour, space_before=self.spaceBefore,
                        space_after=0),
                NoteBox(rest, self.back, self.bar_colour, space_before=0,
                        space_after=self.spaceAfter)]

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.back)
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setFillColor(self.bar_colour)
        canvas.rect(0, 0, self.bar, self.height, stroke=0, fill=1)
        canvas.restoreState()
        y = self.height - self.pad
        for flowable, height in zip(self.content, self._sizes, strict=True):
            y -= height
            flowable.drawOn(canvas, self.bar + self.pad, y)
            y -= flowable.getSpaceAfter()


class WithCodes(Flowable):
    """An entry (a resource, a field site) with a QR code per web address beside it."""

    gap = 10.0
    caption_height = 9.0

    def __init__(self, paragraph: Paragraph, urls: Sequence[str]) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.urls = list(urls)
        self.spaceAfter = paragraph.getSpaceAfter()
        self._text_height = 0.0

    @property
    def codes_height(self) -> float:
        return len(self.urls) * (QR_SIZE + self.caption_height) + (len(self.urls) - 1) * 4

    def text_width(self, availWidth: float) -> float:
        return availWidth - QR_SIZE - self.gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._text_height = self.paragraph.wrap(self.text_width(availWidth), availHeight)[1]
        self.width = availWidth
        self.height = max(self._text_height, self.codes_height)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self.codes_height > availHeight:
            return []
        parts = self.paragraph.split(self.text_width(availWidth), availHeight)
        if len(parts) < 2:
            return []
        return [WithCodes(parts[0], self.urls), *parts[1:]]

    def draw(self) -> None:
        canvas = self.canv
        self.paragraph.drawOn(canvas, 0, self.height - self._text_height)
        x = self.width - QR_SIZE
        y = self.height
        for url in self.urls:
            y -= QR_SIZE
            qr.draw_qr(canvas, url, x, y, QR_SIZE)
            canvas.saveState()
            canvas.setFont(SANS, 6)
            canvas.setFillColor(MUTED)
            label = qr.caption(url)
            while len(label) > 4 and canvas.stringWidth(label, SANS, 6) > QR_SIZE + 8:
                label = label[:-2] + "…"
            canvas.drawCentredString(x + QR_SIZE / 2, y - 6.5, label)
            canvas.restoreState()
            y -= self.caption_height + 4
