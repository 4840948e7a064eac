"""Sessions and chosen items as flowables.

A whole session starts on a new page: its date and title, introduction, themes (under
their upper-level part where the session has two levels) and leads, then field sites,
resources and speakers; an empty part leaves no heading. Chosen items keep their
order and are printed under their session (and theme) heading, repeated only when the
context changes.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from connecteur.corpus import FieldSite, Lead, Resource, Session, Speaker, Theme
from connecteur.corpus.ids import session_of
from connecteur.corpus.reference import french_date
from connecteur.handouts import markup
from connecteur.handouts.entries import EntryRenderer
from connecteur.handouts.flowables import Heading, Text, WritingSpace
from connecteur.handouts.request import HandoutRequest, ItemsSection, ListedEntry
from connecteur.handouts.styles import Styles

WRITING_LABEL = "PRISE DE NOTES"
_GROUP_TITLES = {"field_site": "Terrains", "resource": "Ressources",
                 "speaker": "Intervenant·e·s"}


def running_label(session: Session) -> str:
    return f"{french_date(session.date)} · session {session.number}"


def _kicker(session: Session) -> str:
    return f"CONNECTEUR RECHERCHE · {french_date(session.date).upper()} · " \
           f"SESSION {session.number}"


def _kicker_paragraph(session: Session, styles: Styles) -> Text:
    """The small line above a session title; it belongs with the title (the running
    header treats it as the title's own)."""
    kicker = Text(markup.escape(_kicker(session)), styles.kicker)
    kicker.prelude = True
    return kicker


def _toc_line(session: Session) -> str:
    return markup.escape(f"{french_date(session.date)}, session {session.number} — "
                         f"{session.title}")


class SectionWriter:
    """Turns the request's sections into flowables (one writer per build)."""

    def __init__(self, request: HandoutRequest, styles: Styles, entries: EntryRenderer,
                 known_ids: frozenset[str]) -> None:
        self.request = request
        self.styles = styles
        self.entries = entries
        self.known_ids = known_ids

    # --- a whole session ---------------------------------------------------------------

    def session(self, session: Session) -> list[Flowable]:
        styles = self.styles
        out: list[Flowable] = [
            PageBreak(),
            _kicker_paragraph(session, styles),
            Heading(markup.escape(session.title), styles.session_title,
                    outline=f"Session {session.number} — {session.title}", level=0,
                    toc=_toc_line(session), toc_level=0, running=running_label(session)),
        ]
        if session.introduction:
            out.append(Text(self.entries.markup(session.introduction, styles.intro),
                                 styles.intro))
        out += self.entries.notes(session.id)
        if session.themes:
            out.append(Text("Pistes de réflexion", styles.section))
            out += self._themes(session.themes)
        for kind, items in (("field_site", session.field_sites),
                            ("resource", session.resources), ("speaker", session.speakers)):
            if items:
                out.append(Heading(_GROUP_TITLES[kind], styles.section,
                                   outline=_GROUP_TITLES[kind], level=1))
                for item in items:
                    out += self.entries.entry(item)
        out += self._orphans(session)
        if self.request.writing_space:
            out.append(WritingSpace(WRITING_LABEL, min_lines=6, max_lines=14))
        return out

    def _themes(self, themes: tuple[Theme, ...]) -> list[Flowable]:
        out: list[Flowable] = []
        part = None
        for theme in themes:
            if theme.part and theme.part != part:
                out.append(Heading(markup.escape(theme.part), self.styles.part,
                                   outline=theme.part, level=1))
            part = theme.part
            out += self._theme_heading(theme, level=2 if theme.part else 1)
            for lead in theme.leads:
                out += self.entries.entry(lead)
        return out

    def _theme_heading(self, theme: Theme, level: int) -> list[Flowable]:
        title = markup.escape(theme.title)
        return [Heading(title, self.styles.theme, outline=theme.title, level=level,
                        toc=title, toc_level=1), *self.entries.notes(theme.id)]

    def _orphans(self, session: Session) -> list[Flowable]:
        """Notes on items that no longer exist in this session (the corpus changed):
        printed at the end of the session, never dropped (trainer edition)."""
        annotations = self.entries.annotations
        if annotations is None:
            return []
        lost = [item_id for item_id in annotations.notes
                if session_of(item_id) == session.id and item_id not in self.known_ids
                and annotations.notes_on(item_id)]
        if not lost:
            return []
        out: list[Flowable] = [Heading("Notes sur des passages disparus", self.styles.section,
                                       outline="Notes sur des passages disparus", level=1)]
        for item_id in lost:
            out += self.entries.notes(item_id)
        return out

    # --- chosen items ----------------------------------------------------------------

    def items(self, section: ItemsSection) -> list[Flowable]:
        out: list[Flowable] = [PageBreak()]
        session_id = group = None
        for entry in section.entries:
            if entry.session.id != session_id:
                if session_id is not None and self.request.writing_space:
                    out.append(WritingSpace(WRITING_LABEL, min_lines=4, max_lines=8))
                out += self._context(entry.session)
                session_id, group = entry.session.id, None
            current = self._group_of(entry)
            if current != group:
                out += self._group_heading(entry)
                group = current
            if isinstance(entry.item, Theme):
                for lead in entry.item.leads:
                    out += self.entries.entry(lead)
            else:
                out += self.entries.entry(entry.item)
        if self.request.writing_space:
            out.append(WritingSpace(WRITING_LABEL, min_lines=6, max_lines=14))
        return out

    def _context(self, session: Session) -> list[Flowable]:
        style = self.styles.context_title
        return [_kicker_paragraph(session, self.styles),
                Heading(markup.escape(session.title), style,
                        outline=f"Session {session.number} — {session.title}", level=0,
                        toc=_toc_line(session), toc_level=0, running=running_label(session))]

    @staticmethod
    def _group_of(entry: ListedEntry) -> tuple[str, str]:
        item = entry.item
        if isinstance(item, Theme):
            return ("theme", item.id)
        if isinstance(item, Lead):
            return ("theme", item.theme_id)
        return (item.kind, "")

    def _group_heading(self, entry: ListedEntry) -> list[Flowable]:
        item = entry.item
        if isinstance(item, Theme | Lead):
            theme = item if isinstance(item, Theme) else \
                next(t for t in entry.session.themes if t.id == item.theme_id)
            out: list[Flowable] = []
            if theme.part:
                out.append(Text(markup.escape(theme.part), self.styles.part))
            return out + self._theme_heading(theme, level=1)
        assert isinstance(item, FieldSite | Resource | Speaker)
        title = _GROUP_TITLES[item.kind]
        return [Heading(title, self.styles.section, outline=title, level=1)]
