"""The library as plain, immutable Python objects (no Qt, no SQL).

Names follow the glossary of docs/formats.md: a dated ``Event`` (one Connecteur
Recherche day) holds numbered ``Session``s; a session's "Pistes de réflexion" are ``Lead``s grouped
under ``Theme``s (optionally under an upper-case part), its "Terrains" are
``FieldSite``s, its "Ressources" are ``Resource``s and its "Intervenant·e·s" are
``Speaker``s.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

MONTH_NAMES_FR = ("", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                  "septembre", "octobre", "novembre", "décembre")

Kind = Literal["event", "session", "theme", "lead", "field_site", "resource", "speaker"]
ITEM_KINDS: tuple[Kind, ...] = ("session", "lead", "field_site", "resource", "speaker")


def full_text(body: str, items: tuple[str, ...]) -> str:
    """An entry's complete text: its body, then one ``- `` line per sub-bullet."""
    return "\n".join([body, *(f"- {item}" for item in items)]) if items else body


@dataclass(frozen=True)
class Speaker:
    id: str
    session_id: str
    position: int
    name: str
    affiliation: str

    kind: Kind = field(default="speaker", init=False)

    @property
    def text(self) -> str:
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name


@dataclass(frozen=True)
class Lead:
    id: str
    session_id: str
    position: int
    theme_id: str
    theme: str
    part: str | None
    body: str
    items: tuple[str, ...] = ()

    kind: Kind = field(default="lead", init=False)

    @property
    def text(self) -> str:
        return full_text(self.body, self.items)


@dataclass(frozen=True)
class FieldSite:
    id: str
    session_id: str
    position: int
    body: str
    items: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()

    kind: Kind = field(default="field_site", init=False)

    @property
    def text(self) -> str:
        return full_text(self.body, self.items)


@dataclass(frozen=True)
class Resource:
    id: str
    session_id: str
    position: int
    text: str
    urls: tuple[str, ...] = ()

    kind: Kind = field(default="resource", init=False)


@dataclass(frozen=True)
class Theme:
    id: str
    session_id: str
    position: int
    title: str
    part: str | None
    leads: tuple[Lead, ...]

    kind: Kind = field(default="theme", init=False)


@dataclass(frozen=True)
class Session:
    id: str
    event_id: str
    date: str
    number: int
    title: str
    introduction: str
    themes: tuple[Theme, ...]
    field_sites: tuple[FieldSite, ...]
    resources: tuple[Resource, ...]
    speakers: tuple[Speaker, ...]

    kind: Kind = field(default="session", init=False)

    @property
    def leads(self) -> tuple[Lead, ...]:
        return tuple(lead for theme in self.themes for lead in theme.leads)

    @property
    def parts(self) -> tuple[str, ...]:
        """The upper-level headings, in order, for sessions that have two levels."""
        seen: list[str] = []
        for theme in self.themes:
            if theme.part and theme.part not in seen:
                seen.append(theme.part)
        return tuple(seen)

    @property
    def text(self) -> str:
        return self.title


@dataclass(frozen=True)
class Event:
    id: str
    date: str
    title: str
    sessions: tuple[Session, ...]

    kind: Kind = field(default="event", init=False)


@dataclass(frozen=True)
class AboutBlock:
    """One block of the document's own introduction: a paragraph or a list item."""

    kind: Literal["paragraph", "item"]
    text: str

    @property
    def heading(self) -> str | None:
        """The block's text as a subheading when the paragraph is one ("Comment lire
        ce document ?", "Contacts :"): a few words ending with ``?`` or ``:``, which
        every presentation sets as a heading (the colon then dropped)."""
        text = self.text.strip()
        if self.kind != "paragraph" or len(text.split()) > 5 or not text.endswith(("?", ":")):
            return None
        return text[:-1].rstrip() if text.endswith(":") else text


@dataclass(frozen=True)
class About:
    title: str
    blocks: tuple[AboutBlock, ...]
    links: tuple[str, ...]


@dataclass(frozen=True)
class ParseWarning:
    """Something in the source text that was kept as is but deserves a human look."""

    line: int
    message: str


Item = Session | Theme | Lead | FieldSite | Resource | Speaker


@dataclass(frozen=True)
class Library:
    about: About
    events: tuple[Event, ...]
    warnings: tuple[ParseWarning, ...] = ()

    @property
    def sessions(self) -> tuple[Session, ...]:
        return tuple(s for e in self.events for s in e.sessions)

    def items(self) -> Iterator[Item]:
        """Every addressable item, in reading order."""
        for session in self.sessions:
            yield session
            for theme in session.themes:
                yield theme
                yield from theme.leads
            yield from session.field_sites
            yield from session.resources
            yield from session.speakers

    def index(self) -> dict[str, Event | Item]:
        """All items (and events) by ID."""
        found: dict[str, Event | Item] = {e.id: e for e in self.events}
        found.update((item.id, item) for item in self.items())
        return found
