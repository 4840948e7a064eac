"""Colours for rich text, derived from the current palette (light or dark), never
hard-coded: the reading pane and the result list look right in both."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from connecteur.app.reading_document import RenderStyle


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved towards ``b`` by ``amount`` (0 → a, 1 → b)."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * amount,
                           a.greenF() + (b.greenF() - a.greenF()) * amount,
                           a.blueF() + (b.blueF() - a.blueF()) * amount)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def match_background(palette: QPalette) -> QColor:
    """Behind a search match or a user highlight: the highlight colour, softened."""
    base = palette.color(QPalette.ColorRole.Base)
    return mix(base, palette.color(QPalette.ColorRole.Highlight), 0.45 if is_dark(palette) else 0.3)


def marked_background(palette: QPalette) -> QColor:
    """Behind the item the reader just went to."""
    base = palette.color(QPalette.ColorRole.Base)
    amount = 0.3 if is_dark(palette) else 0.2
    return mix(base, palette.color(QPalette.ColorRole.Highlight), amount)


def muted_text(palette: QPalette) -> QColor:
    return mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.38)


def render_style(palette: QPalette) -> RenderStyle:
    role = QPalette.ColorRole
    link = palette.color(role.Link)
    if is_dark(palette) and link.lightnessF() < 0.55:
        link = mix(link, palette.color(role.Text), 0.45)  # a dark link blue is hard to read
    return RenderStyle(
        text=palette.color(role.Text).name(),
        muted=muted_text(palette).name(),
        link=link.name(),
        accent=link.name(),
        highlight=match_background(palette).name(),
        rule=mix(palette.color(role.Base), palette.color(role.Text), 0.2).name(),
    )
