"""The shipped TrueType fonts, registered once with ReportLab.

Handouts use DejaVu (Bitstream Vera licence, ``resources/fonts/LICENSE-DejaVu.txt``):
its glyphs cover French text completely (``é œ « » ’ →``), and a registered TTF is
embedded (subset) in the PDF, so every reader shows the same letters.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus import paragraph

from connecteur import paths
from connecteur.handouts.request import HandoutError

SERIF = "ConnecteurSerif"
SERIF_BOLD = "ConnecteurSerif-Bold"
SERIF_ITALIC = "ConnecteurSerif-Italic"
SERIF_BOLD_ITALIC = "ConnecteurSerif-BoldItalic"
SANS = "ConnecteurSans"
SANS_BOLD = "ConnecteurSans-Bold"

_FILES = {
    SERIF: "DejaVuSerifCondensed.ttf",
    SERIF_BOLD: "DejaVuSerifCondensed-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerifCondensed-Italic.ttf",
    SERIF_BOLD_ITALIC: "DejaVuSerifCondensed-BoldItalic.ttf",
    SANS: "DejaVuSansCondensed.ttf",
    SANS_BOLD: "DejaVuSansCondensed-Bold.ttf",
}
LICENCE_FILE = "LICENSE-DejaVu.txt"

_lock = threading.Lock()
_registered = False
NBSP, NARROW_NBSP = 0x00A0, 0x202F


class _Font(TTFont):
    """A TrueType font whose no-break spaces stay no-break spaces in the PDF's text.

    ReportLab writes U+00A0 as an ordinary space (code 32), so a reader copying
    « Pourquoi ? » or a text check would find a breakable space where French
    typography put a no-break one. Here it is written as U+202F (narrow no-break
    space) drawn with the space's glyph and width: it looks the same, and the text
    layer keeps it.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        face = self.face
        face.charToGlyph[NARROW_NBSP] = face.charToGlyph[0x20]
        face.charWidths[NARROW_NBSP] = face.charWidths[0x20]

    def splitString(self, text, doc, encoding="utf-8"):
        if isinstance(text, str) and "\u00a0" in text:
            text = text.replace("\u00a0", "\u202f")
        return super().splitString(text, doc, encoding)


def _fixed_no_break_spaces() -> None:
    """No-break spaces keep their width in justified lines.

    ReportLab stretches them with the word spaces because it writes them as code 32,
    which the PDF's word spacing applies to; :class:`_Font` writes them apart, and
    French typography wants them fixed anyway.
    """
    paragraph._nbspCount = lambda text: 0


def font_files() -> dict[str, str]:
    """Font name → file name in :func:`connecteur.paths.fonts_dir`."""
    return dict(_FILES)


def register_fonts() -> None:
    """Register the fonts and their bold/italic families (idempotent, thread-safe)."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            path = paths.fonts_dir() / filename
            try:
                pdfmetrics.registerFont(_Font(name, str(path)))
            except (OSError, TTFError) as exc:
                raise HandoutError(f"La police {filename} est introuvable ou illisible "
                                   f"({path}).",
                                   hint=f"Réinstallez Connecteur ({exc}).") from None
        pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD,
                                      italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC)
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS,
                                      boldItalic=SANS_BOLD)
        _fixed_no_break_spaces()
        _registered = True


def text_width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)
