"""Page geometry, colours and paragraph styles of a handout.

Body text is a condensed serif, justified, with French hyphenation (pyphen, through
ReportLab's ``hyphenationLang``); headings are a condensed sans and always stay with
what follows them (``keepWithNext``). One :class:`Styles` object per build, so that
two builds in two threads never share a mutable style.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from connecteur.handouts.fonts import SANS, SANS_BOLD, SERIF, SERIF_ITALIC
from connecteur.handouts.request import Paper

ACCENT = colors.HexColor("#1d4f91")
ACCENT_DARK = colors.HexColor("#15365f")
MUTED = colors.HexColor("#5d6b78")
RULE = colors.HexColor("#c5cfd9")
WRITING_RULE = colors.HexColor("#d5dbe1")
NOTE_BACK = colors.HexColor("#fbf6e6")
NOTE_BAR = colors.HexColor("#d29a1e")
FOLDER_BACK = colors.HexColor("#eaf1f8")
FOLDER_BAR = ACCENT

# Highlight colours by name (as the window stores them) → a light tint that keeps the
# text readable once printed in black and white.
HIGHLIGHT_TINTS = {
    "yellow": "#fff0a0", "jaune": "#fff0a0",
    "green": "#cdeccd", "vert": "#cdeccd",
    "blue": "#cfe3f7", "bleu": "#cfe3f7",
    "pink": "#f8d3e2", "rose": "#f8d3e2",
    "orange": "#fddcb5",
    "purple": "#e2d6f3", "violet": "#e2d6f3",
}
DEFAULT_TINT = HIGHLIGHT_TINTS["yellow"]


def highlight_tint(colour: str) -> str:
    """A printable tint for a colour name or ``#rrggbb`` (yellow when unknown)."""
    value = (colour or "").strip().lower()
    if value in HIGHLIGHT_TINTS:
        return HIGHLIGHT_TINTS[value]
    if len(value) == 7 and value[0] == "#" and all(c in "0123456789abcdef" for c in value[1:]):
        return value
    return DEFAULT_TINT


@dataclass(frozen=True)
class Geometry:
    """Paper size and margins (points).

    The text runs in a column of about 70 characters (``frame_width``); to its right,
    after a gutter, a side column holds the QR codes of the web addresses and leaves
    room to write in the margin.
    """

    width: float
    height: float
    left: float
    right: float
    top: float = 2.4 * cm
    bottom: float = 2.2 * cm
    gutter: float = 0.7 * cm
    side: float = 4.2 * cm

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right - self.gutter - self.side

    @property
    def full_width(self) -> float:
        """The text column, the gutter and the side column."""
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


TEXT_COLUMN = 11.7 * cm  # about 70 characters of body text per line


def geometry(paper: Paper) -> Geometry:
    """The page of ``paper``: the same text column on both, centred leftovers."""
    width, height = LETTER if paper == "letter" else A4
    spare = width - TEXT_COLUMN - 0.7 * cm - 4.2 * cm - 4.4 * cm
    return Geometry(width, height, left=2.2 * cm + spare / 2, right=2.2 * cm + spare / 2)


BODY_SIZE = 10
LEAD_INDENT = 14
ITEM_INDENT = 30


class Styles:
    """The paragraph styles of one build.

    Headings step down in size and weight: session title, section ("Pistes de
    réflexion", "Terrains"…), part (upper case, ruled), theme. Every paragraph style
    that hyphenates names ``fr_FR``; the paragraph itself applies the rules of
    :mod:`.linebreaks`.
    """

    def __init__(self) -> None:
        body = ParagraphStyle(
            "body", fontName=SERIF, fontSize=BODY_SIZE, leading=13.6, alignment=TA_JUSTIFY,
            hyphenationLang="fr_FR", embeddedHyphenation=0, uriWasteReduce=0,
            splitLongWords=1, allowWidows=0, allowOrphans=0, spaceAfter=4,
            bulletFontName=SERIF)
        self.body = body
        self.intro = ParagraphStyle("intro", body, fontName=SERIF_ITALIC, fontSize=10.5,
                                    leading=14.6, textColor=colors.HexColor("#2b3640"),
                                    leftIndent=10, spaceAfter=6)
        self.lead = ParagraphStyle("lead", body, leftIndent=LEAD_INDENT, bulletIndent=0,
                                   bulletFontName=SANS_BOLD, bulletColor=ACCENT,
                                   spaceAfter=5)
        self.lead_item = ParagraphStyle("lead_item", body, leftIndent=ITEM_INDENT,
                                        bulletIndent=LEAD_INDENT + 2, bulletColor=MUTED,
                                        spaceAfter=3)
        self.entry = ParagraphStyle("entry", self.lead, spaceAfter=6)
        self.speaker = ParagraphStyle("speaker", body, alignment=TA_LEFT, spaceShrinkage=0,
                                      leftIndent=LEAD_INDENT,
                                      bulletIndent=0, bulletColor=ACCENT, spaceAfter=3)
        self.kicker = ParagraphStyle("kicker", fontName=SANS_BOLD, fontSize=9, leading=12,
                                     textColor=ACCENT, spaceAfter=4, keepWithNext=1)
        self.session_title = ParagraphStyle(
            "session_title", fontName=SANS_BOLD, fontSize=19, leading=23,
            textColor=ACCENT_DARK, spaceAfter=10, keepWithNext=1)
        self.context_title = ParagraphStyle(
            "context_title", self.session_title, fontSize=14, leading=17.5, spaceBefore=14,
            spaceAfter=6)
        self.section = ParagraphStyle(
            "section", fontName=SANS_BOLD, fontSize=13, leading=16.5, textColor=ACCENT,
            spaceBefore=14, spaceAfter=6, keepWithNext=1)
        self.part = ParagraphStyle(
            "part", fontName=SANS_BOLD, fontSize=11.5, leading=14.5, textColor=ACCENT_DARK,
            spaceBefore=14, spaceAfter=5, keepWithNext=1, borderWidth=0)
        self.theme = ParagraphStyle(
            "theme", fontName=SANS_BOLD, fontSize=10.5, leading=13.5, textColor=ACCENT_DARK,
            spaceBefore=9, spaceAfter=4, keepWithNext=1)
        self.about_heading = ParagraphStyle("about_heading", self.theme, fontSize=11.5,
                                            leading=14.5, spaceBefore=12)
        self.note_label = ParagraphStyle(
            "note_label", fontName=SANS_BOLD, fontSize=8, leading=10, textColor=NOTE_BAR,
            spaceAfter=2, keepWithNext=1)
        self.folder_label = ParagraphStyle("folder_label", self.note_label,
                                           textColor=FOLDER_BAR)
        self.note = ParagraphStyle("note", body, fontSize=9.2, leading=12.4, spaceAfter=3)
        self.note_item = ParagraphStyle("note_item", self.note, leftIndent=12,
                                        bulletIndent=2, bulletColor=MUTED)
        self.tags = ParagraphStyle("tags", self.note, fontSize=8.6, leading=11.4,
                                   textColor=MUTED, leftIndent=LEAD_INDENT, spaceAfter=4)
        self.toc_title = ParagraphStyle(
            "toc_title", fontName=SANS_BOLD, fontSize=19, leading=23, textColor=ACCENT_DARK,
            spaceAfter=12)
        self.toc = {
            "session": ParagraphStyle("toc_session", fontName=SANS_BOLD, fontSize=10.5,
                                      leading=13.5, textColor=ACCENT_DARK, rightIndent=28,
                                      spaceBefore=7),
            "part": ParagraphStyle("toc_part", fontName=SANS_BOLD, fontSize=8.6, leading=11.6,
                                   textColor=ACCENT_DARK, leftIndent=16, rightIndent=28,
                                   spaceBefore=3),
            "theme": ParagraphStyle("toc_theme", fontName=SERIF, fontSize=9.2, leading=11.8,
                                    leftIndent=16, rightIndent=28, spaceBefore=1.5),
            "theme_in_part": ParagraphStyle("toc_theme_in_part", fontName=SERIF,
                                            fontSize=9.2, leading=11.8, leftIndent=30,
                                            rightIndent=28, spaceBefore=1.5),
        }
        self.cover_brand = ParagraphStyle(
            "cover_brand", fontName=SANS_BOLD, fontSize=11, leading=14, textColor=ACCENT)
        self.cover_title = ParagraphStyle(
            "cover_title", fontName=SANS_BOLD, fontSize=28, leading=33,
            textColor=ACCENT_DARK, spaceBefore=6, spaceAfter=12)
        self.cover_subtitle = ParagraphStyle(
            "cover_subtitle", fontName=SANS, fontSize=14, leading=18.5,
            textColor=colors.HexColor("#2b3640"), spaceAfter=26)
        self.cover_detail = ParagraphStyle(
            "cover_detail", fontName=SERIF, fontSize=11, leading=16, spaceAfter=2)
        self.cover_toc_title = ParagraphStyle(
            "cover_toc_title", fontName=SANS_BOLD, fontSize=12, leading=15,
            textColor=ACCENT_DARK, spaceBefore=24, spaceAfter=4, keepWithNext=1)
        self.about_title = ParagraphStyle("about_title", self.session_title, fontSize=16,
                                          leading=20)
        self.about_item = ParagraphStyle("about_item", body, leftIndent=LEAD_INDENT,
                                         bulletIndent=2, bulletColor=ACCENT)
