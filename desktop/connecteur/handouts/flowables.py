"""The handout's own flowables: headings that feed the outline and table of contents,
ruled space to write on, boxed notes that may run over several pages, and entries
with QR codes beside them."""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import getAscent
from reportlab.platypus import Flowable, Paragraph

from connecteur.handouts import linebreaks, qr
from connecteur.handouts.fonts import SANS, SANS_BOLD, text_width
from connecteur.handouts.linebreaks import Hyphenator
from connecteur.handouts.styles import MUTED, RULE, WRITING_RULE, Geometry
from connecteur.handouts.typography import french_text

_BIG = 1e7  # "as much height as needed" when measuring a box's content


class Text(Paragraph):
    """A paragraph that breaks its lines by the rules of :mod:`.linebreaks`, once per
    width, and whose split parts keep the lines already broken.

    ReportLab's ``Paragraph`` breaks all its lines again on every ``wrap`` (layout calls
    it several times per page) and its second half after every page break; a note of
    100,000 characters then costs seconds per page. Here both halves of a split reuse
    the lines computed for that width, so a long paragraph is broken once. Lines that
    hold a web address (and the line before one that starts with it) are set ragged:
    justifying them would open wide gaps between the words. A page break never falls
    between two lines of one web address.
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_width == availWidth and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return size

    def breakLines(self, width):
        style = self.style
        wanted = style.hyphenationLang
        if not wanted:
            return _ragged_urls(super().breakLines(width))
        refused: set[int] = set()
        try:
            for _ in range(_MAX_REBREAKS):
                hyphenator = Hyphenator(frozenset(refused))
                style.hyphenationLang = hyphenator
                broken = super().breakLines(width)
                texts, forced = _line_texts(broken)
                again = linebreaks.refusal(texts, forced, hyphenator.taken())
                if again is None:
                    break
                refused.add(again)
        finally:
            style.hyphenationLang = wanted
        return _ragged_urls(broken)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        lines = self.blPara.lines
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        count = len(parts[0].blPara.lines)
        kept = count
        while 0 < kept < len(lines) and _same_link(lines[kept - 1], lines[kept]):
            kept -= 1  # never part a web address from its end
        if kept != count:
            if kept < 2:
                return []
            parts = super().split(availWidth, kept * self.style.leading + 0.01)
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


_MAX_REBREAKS = 6


def _line_texts(broken) -> tuple[list[str], list[bool]]:
    """The text of each broken line, and whether it ends on a forced break."""
    if broken.kind == 0:
        return [" ".join(words) for _, words in broken.lines], [False] * len(broken.lines)
    texts = ["".join(getattr(word, "text", "") for word in line.words)
             for line in broken.lines]
    return texts, [bool(line.lineBreak) for line in broken.lines]


def _links(line) -> list:
    return [word.link for word in getattr(line, "words", ()) if getattr(word, "link", None)]


def _same_link(first, second) -> bool:
    """Whether a web address runs on from line ``first`` into line ``second``."""
    before = [w for w in getattr(first, "words", ()) if getattr(w, "text", "")]
    after = [w for w in getattr(second, "words", ()) if getattr(w, "text", "")]
    if not before or not after:
        return False
    end, start = before[-1], after[0]
    return bool(getattr(end, "link", None)) and getattr(end, "link", None) == \
        getattr(start, "link", None) and not end.text.endswith(" ")


def _ragged_urls(broken):
    """Mark the lines holding a web address, and the line before one that opens with
    it, as not justified (ReportLab does not justify a line that ends a paragraph or
    a forced break)."""
    if broken.kind == 0:
        return broken
    lines = broken.lines
    for index, line in enumerate(lines):
        if not _links(line):
            continue
        _ragged(line)
        if index and _opens_with_link(line):
            _ragged(lines[index - 1])
    return broken


def _ragged(line) -> None:
    """Not justified, unless the line is a little too long: then its spaces must
    shrink, as justification does."""
    if line.extraSpace >= 0:
        line.lineBreak = True


_LABEL = re.compile(r"^\s*(?:\[\d+\])?[\s\u00a0]*$")


def _opens_with_link(line) -> bool:
    """Whether the line starts with a web address (or its ``[n]`` label)."""
    before = []
    for word in line.words:
        if getattr(word, "link", None):
            return bool(_LABEL.match("".join(before)))
        before.append(getattr(word, "text", ""))
    return False


def _rebased(line, offset: int):
    line = copy.copy(line)
    line.sFW -= offset
    return line


class PlainLines(Flowable):
    """Plain text (set the French way) wrapped at ordinary spaces, so that no-break
    spaces hold, and drawn as it is: no markup to parse. Never cut between pages."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = french_text(text)
        self.style = style
        self._lines: list[str] = []
        self._for_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._for_width != availWidth:
            style = self.style
            room = availWidth - style.leftIndent - style.rightIndent
            self._lines = wrapped_lines(self.text, style.fontName, style.fontSize, room)
            self._for_width = availWidth
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def getPlainText(self) -> str:
        return self.text

    def draw_lines(self) -> float:
        """Draw the lines; returns the baseline of the last one."""
        canvas, style = self.canv, self.style
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        y = self.height - getAscent(style.fontName, style.fontSize)
        for line in self._lines:
            canvas.drawString(style.leftIndent, y, line)
            y -= style.leading
        return y + style.leading


class Heading(PlainLines):
    """A heading that the document turns into a bookmark, outline entry and TOC line.

    ``outline`` is the title for the PDF outline (None: no entry); ``toc`` the text of
    its table-of-contents line (None: not listed); ``toc_style`` its style there
    (``session``, ``part``, ``theme``, ``theme_in_part``); ``running`` the label shown
    in the running header from this page on.
    """

    def __init__(self, text: str, style: ParagraphStyle, *,
                 outline: str | None = None, level: int = 0, toc: str | None = None,
                 toc_style: str = "session", running: str | None = None,
                 rule: bool = False) -> None:
        super().__init__(text, style)
        self.outline = outline
        self.level = level
        self.toc = toc
        self.toc_style = toc_style
        self.running = running
        self.rule = rule  # a thin rule under the heading (the parts of a session)
        self.key: str | None = None  # its bookmark, given when the story is complete

    def draw(self) -> None:
        self.draw_lines()
        if self.rule:
            canvas = self.canv
            canvas.saveState()
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.6)
            canvas.line(0, -2.5, self.width, -2.5)
            canvas.restoreState()


def wrapped_lines(text: str, font: str, size: float, room: float) -> list[str]:
    """``text`` in lines of at most ``room`` points, cut at ordinary spaces only (a
    no-break space holds); a word wider than a line stands alone on its line."""
    space = text_width(" ", font, size)
    lines: list[list[str]] = [[]]
    used = -space
    for word in text.split(" "):
        width = text_width(word, font, size)
        if lines[-1] and used + space + width > room:
            lines.append([])
            used = -space
        lines[-1].append(word)
        used += space + width
    return [" ".join(words) for words in lines]


class Label(Flowable):
    """One short line in a style's font, size and colour, drawn as it is: the labels
    that come back on every page ("MA NOTE", a session's kicker) need no paragraph
    markup parsed each time."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = french_text(text)
        self.style = style

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        canvas.drawString(style.leftIndent,
                          self.height - getAscent(style.fontName, style.fontSize), self.text)


class SideColumn:
    """How far down the side column of the page being laid out is taken (absolute y).

    QR codes taller than their entry's text hang below it, into the free margin beside
    the entries that follow; the next codes start below them, and ruled lines (which
    run across the side column) start below them too.
    """

    def __init__(self, geometry: Geometry) -> None:
        self.top = geometry.bottom + geometry.frame_height
        self.bottom = geometry.bottom
        self.gutter = geometry.gutter
        self.width = geometry.side
        self.floor = self.top + 1 * cm  # a code may start level with the first line

    def new_page(self) -> None:
        self.floor = self.top + 1 * cm


# ``wrap`` is called with a huge height when ReportLab only measures (keep-together
# groups): the flowable's place on the page is then unknown.
_PROBE = 1e6
_KEEP_WHOLE = 8  # lines of an entry with QR codes that are never parted


class WritingSpace(Flowable):
    """A label and ruled lines across the text and side columns.

    ``max_lines=None`` fills the rest of the page; the lines start below any QR code
    hanging in the side column.
    """

    gap = 19.0
    head = 16.0

    def __init__(self, label: str, side: SideColumn, min_lines: int = 5,
                 max_lines: int | None = 12) -> None:
        super().__init__()
        self.label = label
        self.side = side
        self.min_lines = min_lines
        self.max_lines = max_lines
        self.lines = min_lines
        self.offset = 0.0
        self.spaceBefore = 10
        self.spaceAfter = 12

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.offset = 0.0
        if availHeight < _PROBE:
            top = self.side.bottom + availHeight
            self.offset = max(0.0, top - self.side.floor)
        fit = int((availHeight - self.offset - self.head) // self.gap)
        most = fit if self.max_lines is None else min(self.max_lines, fit)
        self.lines = max(self.min_lines, most)
        self.width = availWidth
        self.height = self.offset + self.head + self.lines * self.gap
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []  # never cut: on the next page it gets its full size

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        super().drawOn(canvas, x, y, _sW)
        self.side.floor = min(self.side.floor, y)

    def draw(self) -> None:
        canvas = self.canv
        right = self.width + self.side.gutter + self.side.width
        top = self.height - self.offset
        canvas.saveState()
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(0, top - 10, self.label)
        canvas.setStrokeColor(WRITING_RULE)
        canvas.setLineWidth(0.5)
        for i in range(1, self.lines + 1):
            y = top - self.head - i * self.gap
            canvas.line(0, y, right, y)
        canvas.restoreState()


class SectionStart(Flowable):
    """Where a section starts: on a new page, and when the handout is printed on both
    sides (``recto``) on a right-hand page; a left-hand page left empty before it
    takes ruled lines when ``notes``. Handled by the document template."""

    def __init__(self, *, recto: bool, notes: bool) -> None:
        super().__init__()
        self.recto = recto
        self.notes = notes
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class NotesToPageEnd(SectionStart):
    """Ruled lines to the foot of the page, when at least ``min_lines`` fit there
    (otherwise nothing: the margin is there to write in). Handled by the document
    template."""

    def __init__(self, min_lines: int) -> None:
        super().__init__(recto=False, notes=True)
        self.min_lines = min_lines


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


@dataclass(frozen=True)
class PlacedCode:
    """One QR code laid out in the side column (y relative to the column's top)."""

    url: str
    top: float
    size: float
    caption: tuple[str, ...]
    caption_top: float


class WithCodes(Flowable):
    """An entry (a resource, a field site) with the QR code of each of its web
    addresses in the side column, numbered when there are several (the text numbers
    its addresses the same way).

    Each code is sized from its module count (modules of at least 0.5 mm) and keeps
    its quiet zone of four modules clear: its caption sits below that zone and fits the
    side column. Codes may hang below the entry's text (see :class:`SideColumn`).
    """

    caption_size = 6.5
    caption_leading = 8.0

    def __init__(self, paragraph: Paragraph, urls: Sequence[str], side: SideColumn) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.urls = list(urls)
        self.side = side
        self.spaceAfter = paragraph.getSpaceAfter()
        self._text_height = 0.0
        self._y = 0.0
        self.pad = 0.0

    def _layout(self, top: float) -> tuple[list[PlacedCode], float]:
        """The codes placed from absolute ``top`` down (the first one level with it),
        and the lowest ink."""
        numbered = len(self.urls) > 1
        placed: list[PlacedCode] = []
        floor = self.side.floor
        for number, url in enumerate(self.urls, 1):
            quiet = qr.quiet_zone(url)
            size = qr.code_size(url)
            code_top = min(top, floor - quiet)
            caption = caption_lines(url, number if numbered else None, self.side.width,
                                    self.caption_size)
            caption_top = code_top - size - quiet
            floor = caption_top - len(caption) * self.caption_leading
            placed.append(PlacedCode(url, code_top, size, caption, caption_top))
            top = floor
        return placed, floor

    def _pad(self, availHeight: float) -> float:
        """How far the entry moves down so that its first code, below the codes of the
        entries before it, stands level with its first line."""
        if availHeight >= _PROBE:
            return 0.0
        top = self.side.bottom + availHeight
        return max(0.0, top - (self.side.floor - qr.quiet_zone(self.urls[0])))

    def _fits(self, availHeight: float) -> bool:
        if availHeight >= _PROBE:
            return True
        top = self.side.bottom + availHeight - self._pad(availHeight)
        return self._layout(top)[1] >= self.side.bottom

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.pad = self._pad(availHeight)
        self._text_height = self.paragraph.wrap(availWidth, availHeight - self.pad)[1]
        self.width = availWidth
        self.height = self.pad + self._text_height
        if not self._fits(availHeight):
            return self.width, availHeight + 1  # the codes would run off the page
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if not self._fits(availHeight):
            return []
        pad = self._pad(availHeight)
        if len(getattr(self.paragraph, "blPara", None).lines) <= _KEEP_WHOLE:
            return []  # a reference stays whole, beside its code
        parts = self.paragraph.split(availWidth, availHeight - pad)
        if len(parts) < 2:
            return []
        return [WithCodes(parts[0], self.urls, self.side), *parts[1:]]

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        self._y = y
        super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        canvas = self.canv
        self.paragraph.drawOn(canvas, 0, self.height - self.pad - self._text_height)
        placed, floor = self._layout(self._y + self.height - self.pad)
        x = self.width + self.side.gutter
        for code in placed:
            y = code.top - self._y
            qr.draw_qr(canvas, code.url, x, y - code.size, code.size)
            canvas.saveState()
            canvas.setFont(SANS, self.caption_size)
            canvas.setFillColor(MUTED)
            baseline = code.caption_top - self._y - self.caption_size * 0.9
            for line in code.caption:
                canvas.drawString(x, baseline, line)
                baseline -= self.caption_leading
            canvas.restoreState()
        self.side.floor = floor


@lru_cache(maxsize=1024)
def caption_lines(url: str, number: int | None, width: float, size: float) -> tuple[str, ...]:
    """The caption under a code: its number when the entry has several, and the site's
    name, on at most two lines of ``width``."""
    text = (f"[{number}] " if number is not None else "") + qr.caption(url)
    if text_width(text, SANS, size) <= width:
        return (text,)
    cut = len(text)
    while cut > 1 and text_width(text[:cut], SANS, size) > width:
        cut -= 1
    dot = text.rfind(".", 0, cut)
    cut = dot + 1 if dot > cut // 2 else cut
    rest = text[cut:]
    while len(rest) > 1 and text_width(rest + "…", SANS, size) > width:
        rest = rest[:-1]
    return (text[:cut], rest if rest == text[cut:] else rest + "…")
