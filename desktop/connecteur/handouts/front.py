"""The front matter: cover page, table of contents, and the corpus's "À propos".

A short table of contents goes on the cover (a four-page folder handout does not
spend a page on it); a longer one gets its own pages, across the text and side
columns, its spacing tightened when a few lines would otherwise spill onto a page of
their own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Spacer

from connecteur.corpus import About
from connecteur.corpus.reference import french_date
from connecteur.handouts import markup
from connecteur.handouts.entries import SPEAKER_BULLET
from connecteur.handouts.flowables import Heading, Text
from connecteur.handouts.request import HandoutRequest, ItemsSection, SessionSection
from connecteur.handouts.styles import Geometry, Styles
from connecteur.handouts.toc import TocEntry

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CONTENTS_TITLE = "Sommaire"
_SPILL = 0.2  # a last TOC page filled less than this is avoided by tighter spacing


def printed_date(value: str) -> str:
    """``2026-03-12`` → ``12 mars 2026``; anything else as typed."""
    value = value.strip()
    if _ISO_DATE.match(value):
        try:
            return french_date(value)
        except (ValueError, IndexError):
            return value
    return value


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


def counts(request: HandoutRequest) -> str:
    """``3 sessions · 42 pistes de réflexion`` or ``6 éléments choisis dans 4
    sessions`` for the cover: a whole session chosen in a folder is one element."""
    sessions = list(request.sessions())
    if all(isinstance(s, SessionSection) for s in request.sections):
        leads = sum(len(s.leads) for s in sessions)
        return f"{_plural(len(sessions), 'session')} · {_plural(leads, 'piste')} de réflexion"
    chosen = sum(len(s.entries) if isinstance(s, ItemsSection) else 1
                 for s in request.sections)
    return f"{_plural(chosen, 'élément')} {'choisis' if chosen > 1 else 'choisi'} " \
           f"dans {_plural(len(sessions), 'session')}"


def cover(request: HandoutRequest, styles: Styles) -> list[Flowable]:
    """Title, subtitle and the course's details, on the cover page template."""
    out: list[Flowable] = [
        Spacer(1, 40),
        Text("SUPPORT DE FORMATION", styles.cover_brand),
        Text(markup.escape(request.title), styles.cover_title),
    ]
    if request.subtitle:
        out.append(Text(markup.escape(request.subtitle), styles.cover_subtitle))
    else:
        out.append(Spacer(1, 14))
    details = [("Date", printed_date(request.date)), ("Public", request.audience),
               ("Formateur·rice", request.trainer_name)]
    for label, value in details:
        if value:
            out.append(Text(f"<b>{label}\u00a0:</b> {markup.escape(value)}",
                            styles.cover_detail))
    out.append(Text(f"<b>Contenu\u00a0:</b> {markup.escape(counts(request))}",
                    styles.cover_detail))
    if request.is_trainer:
        edition = "<b>Édition formateur·rice</b> — avec les notes et surlignages personnels, " \
                  "à ne pas distribuer"
    else:
        edition = "<b>Édition participant·e</b> — avec de l’espace pour vos notes"
    out += [Spacer(1, 18), Text(edition, styles.cover_detail)]
    return out


def _entries(headings: Sequence[Heading], styles: dict[str, ParagraphStyle]
             ) -> list[Flowable]:
    return [TocEntry(h.toc, styles[h.toc_style], h.key) for h in headings if h.toc is not None]


def _height(flowables: Sequence[Flowable], width: float) -> float:
    total = 0.0
    for index, flowable in enumerate(flowables):
        total += flowable.wrap(width, 1e7)[1] + flowable.getSpaceAfter()
        if index:
            total += flowable.getSpaceBefore()
    return total


def _tightened(styles: dict[str, ParagraphStyle], factor: float
               ) -> dict[str, ParagraphStyle]:
    return {name: ParagraphStyle(f"{style.name}_tight", style,
                                 spaceBefore=style.spaceBefore * factor,
                                 leading=style.leading * (0.94 + 0.06 * factor))
            for name, style in styles.items()}


def table_of_contents(headings: Sequence[Heading], styles: Styles, geometry: Geometry,
                      room_on_cover: float) -> tuple[list[Flowable], bool]:
    """The "Sommaire" (the headings' ``key`` must be set) and whether it sits on the
    cover: when it fits in ``room_on_cover`` points."""
    width = geometry.full_width
    entries = _entries(headings, styles.toc)
    small = Text(CONTENTS_TITLE, styles.cover_toc_title)
    least = sum(e.style.leading + e.style.spaceBefore for e in entries)  # one line each
    if least <= room_on_cover and _height([small, *entries], width) <= room_on_cover:
        return [Heading(CONTENTS_TITLE, styles.cover_toc_title, outline=CONTENTS_TITLE,
                        level=0), *entries], True
    title = Heading(CONTENTS_TITLE, styles.toc_title, outline=CONTENTS_TITLE, level=0)
    page = geometry.frame_height
    height = _height([title, *entries], width)
    pages = math.ceil(height / page)
    spill = height - (pages - 1) * page
    if pages > 1 and spill < _SPILL * page:
        for factor in (0.6, 0.3, 0.0):
            tight = _entries(headings, _tightened(styles.toc, factor))
            if _height([title, *tight], width) <= (pages - 1) * page - 24:
                entries = tight
                break
    return [PageBreak(), title, *entries], False


def about_page(about: About, styles: Styles) -> list[Flowable]:
    """The corpus's own introduction (who organised the sessions, how to read them):
    its short questions and labels as subheadings, its addresses as links."""
    if not about.blocks:
        return []
    title = about.title or "À propos du Connecteur Recherche"
    out: list[Flowable] = [Heading(title, styles.about_title,
                                   outline=about.title or "À propos", level=0, toc=title,
                                   toc_style="session")]
    for block in about.blocks:
        if block.heading:
            out.append(Heading(block.heading, styles.about_heading,
                               outline=block.heading, level=1))
            continue
        links = markup.link_marks(block.text)
        links += [m for m in markup.email_marks(block.text)
                  if not any(m.start < u.end and u.start < m.end for u in links)]
        text = markup.render(block.text, links)
        if block.kind == "item":
            out.append(Text(text, styles.about_item, bulletText=SPEAKER_BULLET))
        else:
            out.append(Text(text, styles.body))
    return out
