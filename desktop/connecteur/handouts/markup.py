"""Text to ReportLab paragraph markup, safely.

ReportLab's ``Paragraph`` parses an XML-like markup, so every character that comes
from the corpus or from the user goes through :func:`escape` first: a note holding
``<b>``, ``&``, ``<font>`` or an unclosed tag prints literally. The markup we add
ourselves (links, highlights, bold, line breaks) is built here from *marks* over the
raw text, never by pasting strings into tags.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr

from connecteur.corpus.text import find_urls
from connecteur.handouts.typography import Shown, french, protected_spans

# Characters XML (and so ReportLab's parser) refuses, and the lone surrogates a broken
# clipboard may leave: they are dropped. Tabs become spaces.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

MarkKind = Literal["link", "highlight", "bold"]

def clean(text: str) -> str:
    """The text with what cannot be printed removed; line breaks normalised to ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = unicodedata.normalize("NFC", _FORBIDDEN.sub("", text))
    # NFC may not remove every forbidden character (a surrogate pair is not one), so
    # filter once more after normalising.
    return _FORBIDDEN.sub("", text)


def typeset(text: str) -> str:
    """The text as printed: French typography (see :mod:`.typography`)."""
    return french(clean(text)).text


def escape(text: str) -> str:
    """Plain text as ReportLab markup that prints that text, set the French way."""
    return _xml_escape(typeset(text))


def attribute(value: str) -> str:
    """A quoted attribute value (``"…"``), for ``href`` and colours."""
    return quoteattr(clean(value))


@dataclass(frozen=True)
class Mark:
    """A span ``[start, end)`` of the raw text drawn as a link, highlight or bold."""

    start: int
    end: int
    kind: MarkKind
    value: str = ""  # the URL of a link, the colour of a highlight


@dataclass(frozen=True)
class Insert:
    """Markup inserted at an offset of the raw text (a note call such as ``¹``)."""

    at: int
    markup: str


@dataclass(frozen=True)
class Dialect:
    """How marks, line breaks and text are written: ReportLab's paragraph markup or
    HTML."""

    open: Callable[[Mark], str]
    closing: dict[str, str]
    line_break: str
    escape: Callable[[str], str]


def _reportlab_open(mark: Mark) -> str:
    if mark.kind == "link":
        return f'<a href={attribute(mark.value)} color="#1d4f91">'
    if mark.kind == "highlight":
        return f"<span backColor={attribute(mark.value)}>"
    return "<b>"


def _html_open(mark: Mark) -> str:
    if mark.kind == "link":
        return f"<a href={attribute(mark.value)}>"
    if mark.kind == "highlight":
        return f"<mark style={attribute('background-color: ' + mark.value)}>"
    return "<strong>"


REPORTLAB = Dialect(_reportlab_open, {"link": "</a>", "highlight": "</span>", "bold": "</b>"},
                    "<br/>", _xml_escape)
HTML = Dialect(_html_open, {"link": "</a>", "highlight": "</mark>", "bold": "</strong>"},
               "<br>", _xml_escape)
_ORDER = {"link": 0, "highlight": 1, "bold": 2}  # outermost first


def render(text: str, marks: Sequence[Mark] = (), inserts: Sequence[Insert] = (),
           breaks: Iterable[int] = (), dialect: Dialect = REPORTLAB) -> str:
    """Markup for ``text`` set the French way, with marks, inserts and forced line
    breaks (ReportLab's by default).

    The text is cut at every mark boundary (a sweep over the boundaries, so a note
    with thousands of marks stays linear); each run opens and closes its own tags, so
    overlapping marks (a highlight across a link) always give well-formed markup.
    ``breaks`` are offsets before which a line break goes, inside the run's tags (long
    words, see :func:`long_word_breaks`), or before what is inserted there.
    """
    text = clean(text)
    size = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= size]
    links = [(m.start, m.end) for m in marks if m.kind == "link"]
    shown = french(text, sorted({*links, *protected_spans(text)}))
    starts: dict[int, list[Mark]] = defaultdict(list)
    ends: dict[int, list[Mark]] = defaultdict(list)
    for mark in marks:
        starts[mark.start].append(mark)
        ends[mark.end].append(mark)
    extra: dict[int, list[str]] = defaultdict(list)
    for insert in inserts:
        extra[min(max(insert.at, 0), size)].append(insert.markup)
    line_breaks = sorted({at for at in breaks if 0 < at < size})
    early = set(extra) & set(line_breaks)  # a break goes before what is inserted there
    line_breaks = [at for at in line_breaks if at not in early]
    cuts = sorted({0, size, *extra, *starts, *ends})
    active: list[Mark] = []
    out: list[str] = []
    for start, end in zip(cuts, [*cuts[1:], size], strict=True):
        for mark in ends.get(start, ()):
            active.remove(mark)
        if start in early:
            out.append(dialect.line_break)
        out.extend(extra.get(start, ()))
        active.extend(starts.get(start, ()))
        if start >= end:
            continue
        ordered = sorted(active, key=lambda m: _ORDER[m.kind])
        out.extend(dialect.open(m) for m in ordered)
        out.append(_with_breaks(shown, start, end, line_breaks, dialect))
        out.extend(dialect.closing[m.kind] for m in reversed(ordered))
    return "".join(out)


def _with_breaks(shown: Shown, start: int, end: int, line_breaks: list[int],
                 dialect: Dialect) -> str:
    """The printed text of source offsets ``[start, end)`` escaped, with a line break
    before each break offset in it."""
    first = bisect.bisect_left(line_breaks, start)
    last = bisect.bisect_left(line_breaks, end)
    points = [shown.at(p) for p in (start, *line_breaks[first:last], end)]
    pieces = [dialect.escape(shown.text[a:b]) for a, b in itertools.pairwise(points)]
    return dialect.line_break.join(pieces)


# --- links and long URLs ------------------------------------------------------------

# Longer addresses are printed as text, not links: no browser takes them, and each
# line of a link repeats the whole address in the PDF.
MAX_LINK_LENGTH = 2048


def link_marks(text: str) -> list[Mark]:
    """A link mark over every web address of the text."""
    return [Mark(u.start, u.end, "link", u.url) for u in find_urls(clean(text))
            if len(u.url) <= MAX_LINK_LENGTH]


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def email_marks(text: str) -> list[Mark]:
    """A ``mailto:`` link over every e-mail address of the text."""
    return [Mark(m.start(), m.end(), "link", f"mailto:{m.group()}")
            for m in _EMAIL.finditer(text)]


_URL_BREAK_AFTER = "/-_.?&=#"


def long_word_breaks(text: str, width_of: Callable[[str], float], line_width: float,
                     font_size: float) -> list[int]:
    """Where to force line breaks so that no word runs into the margin.

    ReportLab cuts a web address at most once (at a ``/``) and never cuts what is left;
    a longer address would run into the margin (so would any word wider than a line
    that its hyphenation starts to cut). Such a word starts on a line of its own and
    is cut into lines that fit: after one of ``/-_.?&=#`` when possible, else anywhere.
    Only words of at least ``line_width / font_size`` characters can be that wide (no
    glyph of the text fonts is wider than one em), so the rest are not measured.
    """
    breaks: list[int] = []
    known: dict[str, float] = {}  # the width of each character met
    shortest = max(int(line_width // max(font_size, 1.0)), 1)
    for match in re.finditer(rf"\S{{{shortest},}}", text):
        word = match.group()
        if width_of(word) <= line_width:
            continue
        widths = [known[ch] if ch in known else known.setdefault(ch, width_of(ch))
                  for ch in word]  # no kerning: a string's width is the sum
        if match.start() > 0:
            breaks.append(match.start())
        line_start, used, last_fit = 0, 0.0, None
        scheme = word.find("://")
        keep = scheme + 4 if scheme > 0 else 0  # never cut right after "https://"
        for i, width in enumerate(widths):
            if used + width > line_width and i > line_start:
                cut = last_fit if last_fit is not None and last_fit > line_start else i
                breaks.append(match.start() + cut)
                used = sum(widths[cut:i])
                line_start, last_fit = cut, None
            used += width
            if word[i] in _URL_BREAK_AFTER and i + 1 > keep:
                last_fit = i + 1
    return breaks


# --- the trainer's light formatting -------------------------------------------------

@dataclass(frozen=True)
class Block:
    """One paragraph (``kind="para"``) or list item (``kind="item"``) of a note."""

    kind: Literal["para", "item"]
    text: str
    marks: tuple[Mark, ...]


_ITEM_RE = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_INLINE_RE = re.compile(r"\*\*(?P<bold>[^*\n](?:.*?[^*\n])?)\*\*"
                        r"|\[(?P<label>[^\]\n]+)\]\((?P<url>(?:https?|ftp)://[^\s)]+)\)")


def inline(raw: str) -> tuple[str, tuple[Mark, ...]]:
    """``**bold**``, ``[label](url)`` and bare URLs: the visible text and its marks."""
    out: list[str] = []
    marks: list[Mark] = []
    pos = length = 0
    for match in _INLINE_RE.finditer(raw):
        out.append(raw[pos:match.start()])
        length += match.start() - pos
        shown = match["bold"] if match["bold"] is not None else match["label"]
        kind, value = ("bold", "") if match["bold"] is not None else ("link", match["url"])
        if kind == "bold" or len(value) <= MAX_LINK_LENGTH:
            marks.append(Mark(length, length + len(shown), kind, value))
        out.append(shown)
        length += len(shown)
        pos = match.end()
    out.append(raw[pos:])
    text = "".join(out)
    # Bare addresses, except inside a label: labels do not overlap, so only the last
    # one starting before the address ends can overlap it.
    linked = sorted((m.start, m.end) for m in marks if m.kind == "link")
    link_starts = [start for start, _ in linked]
    for mark in link_marks(text):
        before = bisect.bisect_left(link_starts, mark.end)
        if before == 0 or linked[before - 1][1] <= mark.start:
            marks.append(mark)
    return text, tuple(marks)


def note_blocks(note: str) -> list[Block]:
    """Paragraphs (separated by blank lines) and ``- `` items of a note.

    A single line break inside a paragraph is kept as a line break: trainers put them
    there on purpose.
    """
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            text, marks = inline("\n".join(paragraph))
            blocks.append(Block("para", text, marks))
            paragraph.clear()

    for line in clean(note).split("\n"):
        if not line.strip():
            flush()
        elif _ITEM_RE.match(line):
            flush()
            text, marks = inline(_ITEM_RE.sub("", line, count=1).strip())
            blocks.append(Block("item", text, marks))
        else:
            paragraph.append(line.strip())
    flush()
    return blocks


def block_markup(block: Block, width_of: Callable[[str], float], line_width: float,
                 font_size: float) -> str:
    """A note block as markup: escaped text, its marks, ``<br/>`` for its line breaks
    and inside words too long for a line."""
    text = block.text.replace("\n", " ")
    breaks = [i + 1 for i, ch in enumerate(block.text) if ch == "\n"]
    breaks += long_word_breaks(text, width_of, line_width, font_size)
    return render(text, block.marks, breaks=breaks)
