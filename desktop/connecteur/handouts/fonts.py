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
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (OSError, TTFError) as exc:
                raise HandoutError(f"La police {filename} est introuvable ou illisible "
                                   f"({path}).",
                                   hint=f"Réinstallez Connecteur ({exc}).") from None
        pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD,
                                      italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC)
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS,
                                      boldItalic=SANS_BOLD)
        _registered = True


def text_width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)
