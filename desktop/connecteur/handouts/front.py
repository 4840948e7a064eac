"""The front matter: cover page, table of contents, and the corpus's "À propos"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.platypus import Flowable, PageBreak, Spacer

from connecteur.corpus import About
from connecteur.corpus.reference import french_date
from connecteur.handouts import markup
from connecteur.handouts.entries import SPEAKER_BULLET
from connecteur.handouts.flowables import Heading, Text
from connecteur.handouts.request import HandoutRequest
from connecteur.handouts.styles import Styles
from connecteur.handouts.toc import TocEntry

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def printed_date(value: str) -> str:
    """``2026-03-12`` → ``12 mars 2026``; anything else as typed."""
    value = value.strip()
    if _ISO_DATE.match(value):
        try:
            return french_date(value)
        except (ValueError, IndexError):
            return value
    return value


def _counts(request: HandoutRequest) -> str:
    """``3 sessions · 42 pistes de réflexion`` for the cover."""
    sessions = list(request.sessions())
    leads = sum(len(s.leads) for s in sessions)
    whole = [s for s in request.sections if hasattr(s, "session")]
    if len(whole) == len(request.sections):
        parts = [f"{len(sessions)} session{'s' if len(sessions) > 1 else ''}",
                 f"{leads} piste{'s' if leads > 1 else ''} de réflexion"]
        return " · ".join(parts)
    entries = sum(len(getattr(s, "entries", ())) for s in request.sections)
    return f"{entries} élément{'s' if entries > 1 else ''} choisi{'s' if entries > 1 else ''}" \
        f" dans {len(sessions)} session{'s' if len(sessions) > 1 else ''}"


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
        if value.strip():
            out.append(Text(f"<b>{label} :</b> {markup.escape(value)}",
                                 styles.cover_detail))
    out.append(Text(f"<b>Contenu :</b> {markup.escape(_counts(request))}",
                         styles.cover_detail))
    if request.is_trainer:
        edition = "<b>Édition formateur·rice</b> — avec les notes et surlignages personnels, " \
                  "à ne pas distribuer"
    else:
        edition = "<b>Édition participant·e</b> — avec de l'espace pour vos notes"
    out += [Spacer(1, 18), Text(edition, styles.cover_detail), PageBreak()]
    return out


def table_of_contents(headings: Sequence[Heading], styles: Styles) -> list[Flowable]:
    """The "Sommaire": one line per listed heading (their ``key`` must be set)."""
    out: list[Flowable] = [Heading("Sommaire", styles.toc_title, outline="Sommaire",
                                   level=0)]
    levels = styles.toc_levels
    for heading in headings:
        if heading.toc is not None:
            style = levels[min(heading.toc_level, len(levels) - 1)]
            out.append(TocEntry(heading.toc, style, heading.key))
    return out


def about_page(about: About, styles: Styles) -> list[Flowable]:
    """The corpus's own introduction (who organised the sessions, how to read them)."""
    if not about.blocks:
        return []
    title = markup.escape(about.title or "À propos du Connecteur Recherche")
    out: list[Flowable] = [PageBreak(),
                           Heading(title, styles.about_title,
                                   outline=about.title or "À propos", level=0, toc=title,
                                   toc_level=0)]
    for block in about.blocks:
        text = markup.render(block.text, markup.link_marks(block.text))
        if block.kind == "item":
            out.append(Text(text, styles.about_item, bulletText=SPEAKER_BULLET))
        else:
            out.append(Text(text, styles.body))
    return out
