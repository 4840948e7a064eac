"""The highlight palette as the window shows it: translated names, and colours that
stay readable on a light or a dark background.

The store keeps a colour by its key (``yellow``); its hex value is meant for paper
(the PDF handout). On screen, in a dark palette the colour is deepened towards the
background, and the text colour on it is whichever of the palette's text and base
colours contrasts more, so a highlighted word is never light-on-light.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap

from connecteur.store import PALETTE
from connecteur.ui.common.palette import is_dark, mix

CONTEXT = "HighlightColours"
NAMES = {
    "yellow": QT_TRANSLATE_NOOP("HighlightColours", "Jaune"),
    "green": QT_TRANSLATE_NOOP("HighlightColours", "Vert"),
    "blue": QT_TRANSLATE_NOOP("HighlightColours", "Bleu"),
    "pink": QT_TRANSLATE_NOOP("HighlightColours", "Rose"),
    "orange": QT_TRANSLATE_NOOP("HighlightColours", "Orange"),
}
KEYS = tuple(c.key for c in PALETTE)
DARK_DEPTH = 0.5  # how far a highlight moves towards a dark background, at least
MIN_CONTRAST = 4.5  # WCAG AA for body text


def name(key: str) -> str:
    """``yellow`` → "Jaune" (in the UI language)."""
    return QCoreApplication.translate(CONTEXT, NAMES.get(key, key))


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def background(key: str, palette: QPalette) -> QColor:
    """The colour behind highlighted words: the paper colour on a light background; on
    a dark one, deepened towards the background until the text reads well on it."""
    found = next((c for c in PALETTE if c.key == key), PALETTE[0])
    colour = QColor(found.hex)
    if not is_dark(palette):
        return colour
    base, text = (palette.color(QPalette.ColorRole.Base),
                  palette.color(QPalette.ColorRole.Text))
    depth = DARK_DEPTH
    deepened = mix(colour, base, depth)
    while contrast(deepened, text) < MIN_CONTRAST and depth < 0.9:
        depth += 0.05
        deepened = mix(colour, base, depth)
    return deepened


def foreground(back: QColor, palette: QPalette) -> QColor:
    text, base = (palette.color(QPalette.ColorRole.Text),
                  palette.color(QPalette.ColorRole.Base))
    return text if contrast(text, back) >= contrast(base, back) else base


def marks(palette: QPalette) -> tuple[tuple[str, str, str], ...]:
    """(key, background, text) of each palette colour, for the reading pane's CSS."""
    out = []
    for key in KEYS:
        back = background(key, palette)
        out.append((key, back.name(), foreground(back, palette).name()))
    return tuple(out)


def swatch(key: str, palette: QPalette, size: int = 14) -> QIcon:
    """A small square of the colour, for menus."""
    pixmap = QPixmap(size, size)
    pixmap.fill(background(key, palette))
    return QIcon(pixmap)
