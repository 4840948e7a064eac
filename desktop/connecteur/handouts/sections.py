"""Sessions and chosen items as flowables.

A whole session starts on a new page (a right-hand page when the handout is printed
two-sided): its date and title, introduction (paragraph by paragraph), themes (under
their upper-level part where the session has two levels) and leads, then field
sites, resources and speakers (kept with their heading); an empty part leaves no
heading. Ruled lines to write on end the session when they fit on its last page.
Chosen items keep their order and are printed under their session (and theme)
heading, repeated only when the context changes; the table of contents and the
bookmarks list a session once.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from connecteur.corpus import FieldSite, Lead, Resource, Session, Speaker, Theme
from connecteur.corpus.ids import session_of
from connecteur.corpus.reference import french_date
from connecteur.handouts.document import WRITING_LABEL
from connecteur.handouts.entries import EntryRenderer
from connecteur.handouts.flowables import (
    Heading,
    Label,
    NotesToPageEnd,
    SectionStart,
    SideColumn,
    Text,
    WritingSpace,
)
from connecteur.handouts.request import HandoutRequest, ItemsSection, ListedEntry
from connecteur.handouts.styles import Styles

GROUP_TITLES = {"field_site": "Terrains", "resource": "Ressources",
                "speaker": "Intervenant·e·s"}
LEADS_TITLE = "Pistes de réflexion"
MIN_NOTE_LINES = 6


def running_label(session: Session) -> str:
    return f"{french_date(session.date)} · session {session.number}"


def session_line(session: Session) -> str:
    """``20 mai 2020, session 1 — La gestion de crise``: its TOC line and bookmark."""
    return f"{french_date(session.date)}, session {session.number} — {session.title}"


def _kicker(session: Session) -> str:
    return f"CONNECTEUR RECHERCHE · {french_date(session.date).upper()} · " \
           f"SESSION {session.number}"


def introduction_paragraphs(session: Session) -> list[str]:
    """The session's introduction, paragraph by paragraph, as the source has them."""
    return [p.strip() for p in session.introduction.split("\n\n") if p.strip()]


class SectionWriter:
    """Turns the request's sections into flowables (one writer per build)."""

    def __init__(self, request: HandoutRequest, styles: Styles, entries: EntryRenderer,
                 known_ids: frozenset[str], side: SideColumn) -> None:
        self.request = request
        self.styles = styles
        self.entries = entries
        self.known_ids = known_ids
        self.side = side
        self.listed: set[str] = set()  # headings already in the TOC and bookmarks

    # --- headings -----------------------------------------------------------------

    def _kicker(self, session: Session) -> Label:
        """The small line above a session title; it belongs with the title (the
        running header treats it as the title's own)."""
        kicker = Label(_kicker(session), self.styles.kicker)
        kicker.prelude = True
        return kicker

    def _session_heading(self, session: Session, style) -> list[Flowable]:
        """Kicker and title; listed in the TOC and bookmarks the first time only."""
        first = self._first_time(session.id)
        line = session_line(session)
        return [self._kicker(session),
                Heading(session.title, style, outline=line if first else None, level=0,
                        toc=line if first else None, toc_style="session",
                        running=running_label(session))]

    def _first_time(self, key: str) -> bool:
        """Whether a heading is met for the first time (a folder may come back to a
        session or theme: the TOC and bookmarks list it once)."""
        first = key not in self.listed
        self.listed.add(key)
        return first

    def _part_heading(self, session_id: str, part: str) -> Heading:
        first = self._first_time(f"{session_id}#{part}")
        return Heading(part, self.styles.part, outline=part if first else None, level=1,
                       toc=part if first else None, toc_style="part", rule=True)

    def _theme_heading(self, theme: Theme) -> list[Flowable]:
        title = theme.title
        in_part = bool(theme.part)
        first = self._first_time(theme.id)
        return [Heading(title, self.styles.theme, outline=theme.title if first else None,
                        level=2 if in_part else 1, toc=title if first else None,
                        toc_style="theme_in_part" if in_part else "theme"),
                *self.entries.notes(theme.id)]

    def _group_heading(self, kind: str) -> Heading:
        title = GROUP_TITLES[kind]
        return Heading(title, self.styles.section, outline=title, level=1)

    # --- a whole session ---------------------------------------------------------------

    def session(self, session: Session) -> list[Flowable]:
        styles = self.styles
        out: list[Flowable] = [
            SectionStart(recto=self.request.two_sided, notes=self.request.writing_space),
            *self._session_heading(session, styles.session_title)]
        for paragraph in introduction_paragraphs(session):
            out.append(Text(self.entries.markup(paragraph, styles.intro), styles.intro))
        out += self.entries.notes(session.id)
        if session.themes:
            out.append(Label(LEADS_TITLE, styles.section))
            out += self._themes(session.themes)
        for kind, items in (("field_site", session.field_sites),
                            ("resource", session.resources)):
            if items:
                out.append(self._group_heading(kind))
                for item in items:
                    out += self.entries.entry(item)
        if session.speakers:
            speakers: list[Flowable] = [self._group_heading("speaker")]
            for speaker in session.speakers:
                speakers += self.entries.entry(speaker)
            out.append(KeepTogether(speakers))
        out += self._orphans(session)
        if self.request.writing_space:
            out.append(NotesToPageEnd(MIN_NOTE_LINES))
        return out

    def _themes(self, themes: tuple[Theme, ...]) -> list[Flowable]:
        out: list[Flowable] = []
        part = None
        for theme in themes:
            if theme.part and theme.part != part:
                out.append(self._part_heading(theme.session_id, theme.part))
            part = theme.part
            out += self._theme_heading(theme)
            for lead in theme.leads:
                out += self.entries.entry(lead)
        return out

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
        out: list[Flowable] = [SectionStart(recto=False, notes=False)]
        session_id = group = None
        part = None
        for entry in section.entries:
            if entry.session.id != session_id:
                if session_id is not None and self.request.writing_space:
                    out.append(WritingSpace(WRITING_LABEL, self.side, min_lines=3,
                                            max_lines=5))
                out += self._session_heading(entry.session, self.styles.context_title)
                session_id, group, part = entry.session.id, None, None
            current = self._group_of(entry)
            if current != group:
                heading, part = self._items_heading(entry, part)
                out += heading
                group = current
            if isinstance(entry.item, Theme):
                for lead in entry.item.leads:
                    out += self.entries.entry(lead)
            else:
                out += self.entries.entry(entry.item)
        if self.request.writing_space:
            out.append(NotesToPageEnd(MIN_NOTE_LINES))
        return out

    @staticmethod
    def _group_of(entry: ListedEntry) -> tuple[str, str]:
        item = entry.item
        if isinstance(item, Theme):
            return ("theme", item.id)
        if isinstance(item, Lead):
            return ("theme", item.theme_id)
        return (item.kind, "")

    def _items_heading(self, entry: ListedEntry, part: str | None
                       ) -> tuple[list[Flowable], str | None]:
        """The heading of an item's group, and the part now open."""
        item = entry.item
        if isinstance(item, Theme | Lead):
            theme = item if isinstance(item, Theme) else \
                next(t for t in entry.session.themes if t.id == item.theme_id)
            out: list[Flowable] = []
            if theme.part and theme.part != part:
                out.append(self._part_heading(theme.session_id, theme.part))
            return out + self._theme_heading(theme), theme.part
        assert isinstance(item, FieldSite | Resource | Speaker)
        return [self._group_heading(item.kind)], None
