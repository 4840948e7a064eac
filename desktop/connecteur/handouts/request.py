"""What to print: plain, immutable descriptions filled by the caller.

The handout builder never reads a database: the CLI, the window or the user store
describe what they want printed with these objects (see :mod:`.builders` for the usual
cases), then hand them to :func:`connecteur.handouts.build_handout`, possibly in a
worker thread. Everything here is frozen, so handing it to another thread is safe.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from connecteur.corpus import About, FieldSite, Lead, Resource, Session, Speaker, Theme
from connecteur.errors import ConnecteurError

Edition = Literal["participant", "trainer"]
Paper = Literal["a4", "letter"]
EDITIONS: tuple[Edition, ...] = ("participant", "trainer")
PAPERS: tuple[Paper, ...] = ("a4", "letter")
EDITION_LABELS = {"participant": "édition participant·e", "trainer": "édition formateur·rice"}

# A note as the user typed it: plain text with light formatting (paragraphs, "- " lists,
# **bold**, links), rendered safely by :mod:`.markup`.
NoteText = str

# What an item list may hold: anything below a session (a whole session is printed as
# a SessionSection instead).
ListedItem = Theme | Lead | FieldSite | Resource | Speaker


class HandoutError(ConnecteurError):
    """A handout that cannot be built as asked (nothing selected, unknown folder, …)."""


@dataclass(frozen=True)
class Highlight:
    """A highlighted span of an item's ``.text`` (offsets in characters).

    ``quote`` is the text that was highlighted: when the offsets no longer match (the
    corpus text was corrected), the highlight is found again by its quote.
    """

    start: int
    end: int
    quote: str = ""
    colour: str = "yellow"
    note: NoteText = ""


@dataclass(frozen=True)
class Annotations:
    """The trainer's own material, printed in the trainer edition only.

    ``notes`` and ``highlights`` are keyed by item ID; ``folder_notes`` holds the note
    written on an item inside a course folder (also keyed by item ID); ``tags`` the
    trainer's tags on each item (the way they sorted the material: worth having on
    paper when preparing a session).
    """

    notes: Mapping[str, Sequence[NoteText]] = field(default_factory=dict)
    highlights: Mapping[str, Sequence[Highlight]] = field(default_factory=dict)
    folder_notes: Mapping[str, NoteText] = field(default_factory=dict)
    tags: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.notes or self.highlights or self.folder_notes or self.tags)

    def notes_on(self, item_id: str) -> list[NoteText]:
        return [n for n in self.notes.get(item_id, ()) if n and n.strip()]

    def highlights_on(self, item_id: str) -> list[Highlight]:
        return list(self.highlights.get(item_id, ()))

    def tags_on(self, item_id: str) -> list[str]:
        return [t.strip() for t in self.tags.get(item_id, ()) if t and t.strip()]

    def folder_note_on(self, item_id: str) -> NoteText:
        note = self.folder_notes.get(item_id, "")
        return note if note and note.strip() else ""


NO_ANNOTATIONS = Annotations()


@dataclass(frozen=True)
class SessionSection:
    """One whole session, in reading order."""

    session: Session


@dataclass(frozen=True)
class ListedEntry:
    """One item of a chosen list, with the session that gives it its context."""

    item: ListedItem
    session: Session


@dataclass(frozen=True)
class ItemsSection:
    """Items in the order the user chose (a folder, search results, favourites).

    Each item is printed under its session (and, for a lead, its theme); the heading is
    repeated only when the context changes from one item to the next.
    """

    entries: tuple[ListedEntry, ...]


Section = SessionSection | ItemsSection


@dataclass(frozen=True)
class HandoutRequest:
    """Everything the builder needs: contents, edition, paper and cover details."""

    title: str
    sections: tuple[Section, ...]
    subtitle: str = ""
    edition: Edition = "participant"
    paper: Paper = "a4"
    audience: str = ""
    date: str = ""  # ISO date (printed in French) or free text; empty: no date
    trainer_name: str = ""
    annotations: Annotations = NO_ANNOTATIONS
    about: About | None = None  # the corpus's own introduction, printed after the TOC
    writing_space: bool = True  # ruled lines to write on, after each session or group
    # Printed on both sides: every session starts on a right-hand page (the left-hand
    # page this may leave empty gets ruled lines, or stays blank without writing space).
    two_sided: bool = True

    def __post_init__(self) -> None:
        if not self.title or not self.title.strip():
            raise HandoutError("Donnez un titre au support.")
        if self.edition not in EDITIONS:
            raise HandoutError(f"Édition inconnue : « {self.edition} ».",
                               hint="Choisissez « participant » ou « trainer ».")
        if self.paper not in PAPERS:
            raise HandoutError(f"Format de papier inconnu : « {self.paper} ».",
                               hint="Choisissez « a4 » ou « letter ».")
        if not self.sections or not any(_has_content(s) for s in self.sections):
            raise HandoutError("Rien à imprimer : la sélection est vide.",
                               hint="Choisissez au moins une session ou un élément.")

    @property
    def is_trainer(self) -> bool:
        return self.edition == "trainer"

    def sessions(self) -> Iterator[Session]:
        """Every session the handout shows (whole or in part), once, in order."""
        seen: set[str] = set()
        for section in self.sections:
            found = [section.session] if isinstance(section, SessionSection) else \
                [entry.session for entry in section.entries]
            for session in found:
                if session.id not in seen:
                    seen.add(session.id)
                    yield session

    def known_ids(self) -> frozenset[str]:
        """The ids of everything the handout's sessions hold: a cross-reference to one
        of them becomes an internal link, any other stays plain text."""
        ids: set[str] = set()
        for session in self.sessions():
            ids.add(session.id)
            for theme in session.themes:
                ids.add(theme.id)
                ids.update(lead.id for lead in theme.leads)
            ids.update(x.id for x in (*session.field_sites, *session.resources,
                                      *session.speakers))
        return frozenset(ids)


def _has_content(section: Section) -> bool:
    return isinstance(section, SessionSection) or bool(section.entries)
