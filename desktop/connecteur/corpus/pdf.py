"""A PDF's text layer (read with pypdf) as text the parser can read.

pypdf's plain extraction gives the lines in drawing order but drops what ``pdftotext``
kept: blank lines between blocks, and any sense of the page. Its text visitor also
hands over where each piece of text sits and in which font, and that is enough to put
the blocks back:

* a blank line where the gap between two lines is clearly wider than the usual line
  spacing of their font size, or where the font changes between two lines (a bold
  heading, a smaller box);
* across a page or column break, a blank line only when the last line was short (its
  paragraph ended there);
* a line that starts in a bold or larger font and goes on in the body font (a run-in
  session title) is cut in two there;
* running headers and footers — the same line, page numbers aside, at the top or the
  bottom of several pages — are left out.

Pages whose geometry cannot be trusted (rotated text, a visitor that disagrees with
the extraction) keep their plain lines; the parser copes with dense text too.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from connecteur.corpus.text import fold
from connecteur.errors import CorpusError, OperationCancelled

MAX_PAGES = 400
# Fewer letters than this in the whole file: there is no text layer to speak of.
MIN_LETTERS = 40
_EDGE_LINES = 2
_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF, and the page each of its lines came from (0 for the blank
    lines put back between blocks)."""

    text: str
    pages: int
    line_pages: tuple[int, ...]

    def page_of(self, line: int) -> int:
        """The page of a 1-based line number (0 when unknown)."""
        return self.line_pages[line - 1] if 0 < line <= len(self.line_pages) else 0


@dataclass
class _Line:
    """One extracted line and where it was drawn."""

    page: int
    parts: list[tuple[str, str]] = field(default_factory=list)  # (text, style)
    x: float | None = None
    y: float | None = None
    size: float = 0.0

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.parts)

    @property
    def style(self) -> str:
        """The style most of the line is set in."""
        weights: Counter[str] = Counter()
        for text, style in self.parts:
            weights[style] += len(text.strip())
        return weights.most_common(1)[0][0] if weights else ""


def _mult(m: list[float], n: list[float]) -> list[float]:
    return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]]


class _PageReader:
    """Collects pypdf's visitor calls for one page into positioned lines."""

    def __init__(self, page: int) -> None:
        self.page = page
        self.lines: list[_Line] = [_Line(page)]
        self.upright = True

    def visit(self, text: str, cm: list[float], tm: list[float], font: object,
              size: float) -> None:
        if not text:
            return
        m = _mult(list(tm), list(cm))
        if abs(m[1]) > 1e-3 or abs(m[2]) > 1e-3 or m[0] <= 0 or m[3] <= 0:
            self.upright = False
        scale = math.hypot(m[2], m[3]) or 1.0
        name = str(font.get("/BaseFont", "")) if hasattr(font, "get") else ""
        style = f"{'B' if _BOLD_RE.search(name) else 'R'}{round(size * scale)}"
        for index, piece in enumerate(text.split("\n")):
            if index:
                self.lines.append(_Line(self.page))
            if piece:
                self._add(self.lines[-1], piece, m, size * scale, style)

    @staticmethod
    def _add(line: _Line, piece: str, m: list[float], size: float, style: str) -> None:
        line.parts.append((piece, style))
        if piece.strip() and line.y is None:
            line.x, line.y = m[4], m[5]
        if piece.strip():
            line.size = max(line.size, size)

    def result(self, plain: str) -> list[_Line]:
        lines = [line for line in self.lines if line.text.strip()]
        if "".join(line.text for line in self.lines) != plain.rstrip("\n") and \
                "\n".join(line.text for line in self.lines) != plain:
            self.upright = False
        if not self.upright:  # keep pypdf's lines, without geometry
            return [_Line(self.page, [(text, "")]) for text in plain.split("\n")
                    if text.strip()]
        return lines


def _styles(line: _Line) -> list[str]:
    return [style for text, style in line.parts if text.strip()]


def _cut_at_style_change(line: _Line) -> list[_Line]:
    first = _styles(line)[0]
    cut = next(i for i, (text, style) in enumerate(line.parts)
               if text.strip() and style != first)
    return [_Line(line.page, line.parts[:cut], line.x, line.y, line.size),
            _Line(line.page, line.parts[cut:], line.x, line.y, line.size)]


def _split_run_ins(lines: list[_Line]) -> list[_Line]:
    """A session title set in its own style and running into its paragraph (on its
    first line, or on the next one when the title wraps) is cut off the paragraph."""
    body = Counter(style for line in lines for style in _styles(line)).most_common(1)
    body_style = body[0][0] if body else ""
    out: list[_Line] = []
    title_style: str | None = None
    for line in lines:
        styles = _styles(line)
        starts_title = line.text.lstrip().upper().startswith("SESSION")
        if styles and styles[0] != body_style and (starts_title or styles[0] == title_style):
            if len(set(styles)) > 1:
                out += _cut_at_style_change(line)
                title_style = None
                continue
            title_style = styles[0]  # the whole line is title: it may go on below
        else:
            title_style = None
        out.append(line)
    return out


# --- the document ------------------------------------------------------------------------

def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", fold(" ".join(text.split())))


def _furniture(pages: list[list[_Line]]) -> set[int]:
    """ids of the lines repeated at the top or the bottom of several pages."""
    edges: list[list[_Line]] = []
    for lines in pages:
        placed = [line for line in lines if line.y is not None]
        by_height = sorted(placed, key=lambda line: line.y or 0.0)
        edges.append(by_height[:_EDGE_LINES] + by_height[-_EDGE_LINES:]
                     if len(by_height) > 2 * _EDGE_LINES else by_height)
    seen: Counter[str] = Counter()
    for edge in edges:
        seen.update({_edge_key(line.text) for line in edge})
    needed = 2 if len(pages) <= 4 else 3
    found = {id(line) for edge in edges for line in edge
             if seen[_edge_key(line.text)] >= needed and not _structural(line.text)}
    return found | _repeated_headings(pages, edges)


def _repeated_headings(pages: list[list[_Line]], edges: list[list[_Line]]) -> set[int]:
    """A day's or a session's heading printed again atop a later page: a running head."""
    from connecteur.corpus.parser import EVENT_RE, SESSION_RE

    at_edge = {id(line) for edge in edges for line in edge}
    met: set[str] = set()
    found: set[int] = set()
    for line in (line for page in pages for line in page):
        text = " ".join(line.text.split())
        if not (EVENT_RE.match(text) or SESSION_RE.match(text)):
            continue
        key = _edge_key(text)
        if key in met and id(line) in at_edge:
            found.add(id(line))
        met.add(key)
    return found


def _structural(text: str) -> bool:
    from connecteur.corpus.parser import is_heading  # the parser's own definition

    return is_heading(" ".join(text.split()))


def _leading(lines: list[_Line]) -> dict[int, float]:
    """The usual distance between two lines of each font size (rounded)."""
    gaps: dict[int, Counter[float]] = {}
    for prev, line in itertools.pairwise(lines):
        if prev.y is None or line.y is None or round(prev.size) != round(line.size):
            continue
        gap = round(prev.y - line.y, 1)
        if 0 < gap < 3 * line.size:
            gaps.setdefault(round(line.size), Counter())[gap] += 1
    return {size: counter.most_common(1)[0][0] for size, counter in gaps.items()
            if sum(counter.values()) >= 3}


def _width(lines: list[_Line]) -> int:
    lengths = sorted(len(line.text.strip()) for line in lines if len(line.text.strip()) >= 20)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 80


def _blank_between(prev: _Line, line: _Line, leading: dict[int, float], width: int) -> bool:
    """Whether a block ends between two consecutive lines."""
    if prev.style and line.style and prev.style != line.style:
        return True
    if prev.y is None or line.y is None or prev.page != line.page:
        return len(prev.text.strip()) < 0.8 * width  # a page or column break
    gap = prev.y - line.y
    if gap < -1 or abs((line.x or 0) - (prev.x or 0)) > 0.4 * width * line.size:
        return len(prev.text.strip()) < 0.8 * width  # next column
    usual = leading.get(round(line.size), 1.2 * line.size)
    return gap > 1.25 * usual + 0.5


def _assemble(pages: list[list[_Line]]) -> tuple[str, tuple[int, ...]]:
    pages = [_split_run_ins(page) for page in pages]
    furniture = _furniture(pages)
    lines = [line for page in pages for line in page if id(line) not in furniture]
    leading = _leading(lines)
    width = _width(lines)
    out: list[str] = []
    where: list[int] = []
    for index, line in enumerate(lines):
        if index and _blank_between(lines[index - 1], line, leading, width):
            out.append("")
            where.append(0)
        out.append(line.text.strip())
        where.append(line.page)
    return "\n".join(out) + "\n", tuple(where)


# --- opening the file ----------------------------------------------------------------------

def _reader(data: bytes):
    """The pypdf reader of a checked file, decrypted when it opens without a password."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if not data[:1024].lstrip().startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise CorpusError("Ce fichier n'est pas un PDF (son en-tête « %PDF- » manque).")
    if b"%%EOF" not in data[-2048:]:
        raise CorpusError("Ce PDF est incomplet : il s'arrête avant sa fin (fichier tronqué "
                          "ou mal copié). Demandez-en une copie complète.")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                opened = 0
            if not opened:
                raise CorpusError("Ce PDF est protégé par un mot de passe : Connecteur ne "
                                  "peut pas le lire.", hint="Enregistrez-en une copie sans "
                                  "mot de passe (ou exportez son texte), puis importez-la.")
        count = len(reader.pages)
    except CorpusError:
        raise
    except (PdfReadError, FileNotDecryptedError, ValueError, KeyError, TypeError,
            AttributeError, IndexError, RecursionError, OSError) as exc:
        raise CorpusError(f"Ce PDF est illisible ou abîmé ({type(exc).__name__}).") from None
    if count == 0:
        raise CorpusError("Ce PDF ne contient aucune page.")
    if count > MAX_PAGES:
        raise CorpusError(f"Ce PDF a {count} pages : une synthèse du Connecteur Recherche en "
                          f"compte quelques dizaines (au plus {MAX_PAGES} acceptées).")
    return reader


def pdf_text(data: bytes, *, progress: Progress | None = None,
             cancelled: Cancelled | None = None) -> PdfText:
    """The text of a PDF, blocks separated by blank lines, page furniture left out.

    Raises :class:`CorpusError` (in French) for a file that is not a PDF, is cut short,
    protected by a password, damaged, or has no text layer (a scan).
    """
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are ours to word
    reader = _reader(data)
    total = len(reader.pages)
    pages: list[list[_Line]] = []
    letters = 0
    for number, page in enumerate(reader.pages, start=1):
        if cancelled and cancelled():
            raise OperationCancelled("Import annulé : rien n'a été écrit.")
        collector = _PageReader(number)
        try:
            plain = page.extract_text(visitor_text=collector.visit)
        except Exception as exc:  # pypdf raises many kinds on damaged content streams
            raise CorpusError(f"La page {number} de ce PDF est illisible "
                              f"({type(exc).__name__}).") from None
        letters += sum(ch.isalpha() for ch in plain)
        pages.append(collector.result(plain))
        if progress:
            progress(number, total)
    if letters < MIN_LETTERS:
        raise CorpusError("Ce PDF ne contient pas de texte (document scanné ?) : Connecteur "
                          "lit le texte d'un PDF, pas ses images.",
                          hint="Demandez la version numérique du document, ou passez-le "
                               "d'abord dans un logiciel de reconnaissance de caractères.")
    text, where = _assemble(pages)
    return PdfText(text, total, where)
