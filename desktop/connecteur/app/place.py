"""Where the reader is: a typed :class:`Place`, parsed once from its text.

A place is what history records, what settings remember and what a
``connecteur://`` link names. Its text (``location``) is an item ID, an item ID with a
``#section``, or one of the named pages below; it is parsed once, at the edge (a
click on a link, a setting read back, a command-line argument), and travels as a
``Place`` from there: the window, the tree, the reading pane and the item commands all
read its fields instead of parsing the string again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from connecteur.corpus.ids import kind_of, normalise, session_of

HOME = "library"
SPEAKERS = "index:speakers"
BIBLIOGRAPHY = "index:bibliography"
INDEX_PAGES = (SPEAKERS, BIBLIOGRAPHY)

SECTIONS = ("leads", "field_sites", "resources", "speakers")
# What a trainer can annotate: a session and the items under it (not a day, not a theme).
ANNOTATABLE = ("session", "lead", "field_site", "resource", "speaker")
MAX_LOCATION_CHARS = 200  # far above any real ID: longer text names nothing


def section(session_id: str, name: str) -> str:
    """The location of one section ("Terrains", …) of a session."""
    if name not in SECTIONS:
        raise ValueError(f"unknown section {name!r}")
    return f"{session_id}#{name}"


@dataclass(frozen=True)
class Place:
    """A location taken apart: which page to render and where to scroll in it."""

    page: str  # HOME, an index page, an event ID or a session ID
    anchor: str | None  # the item or section to scroll to and mark (None: the top)
    kind: str  # "home", "index", "event", "session", "section" or an item kind

    @classmethod
    def parse(cls, text: str) -> Place | None:
        """The place a text names; None when it names nothing we know how to show
        (the caller then says so rather than showing a blank page)."""
        return _parse(text.strip()) if len(text) <= MAX_LOCATION_CHARS else None

    @property
    def location(self) -> str:
        """The canonical text (``connecteur://…/lead/3`` → ``…/lead/03``)."""
        if self.kind in ("home", "index"):
            return self.page
        return self.anchor or self.page

    @property
    def is_index(self) -> bool:
        return self.kind == "index"

    @property
    def is_item(self) -> bool:
        """An item inside a page (a lead, a speaker…), rather than a page or section."""
        return self.anchor is not None and self.kind != "section"

    @property
    def target(self) -> str | None:
        """The library object to find: the item, else the page (None: a named page)."""
        if self.kind in ("home", "index"):
            return None
        return self.anchor.split("#", 1)[0] if self.anchor else self.page

    @property
    def item_id(self) -> str | None:
        """The item this place stands for, for the item commands: the item itself, or
        the session of a session page or section; None for the presentation, a day,
        an index or a theme."""
        if self.kind in ANNOTATABLE[1:]:
            return self.anchor
        if self.kind in ("session", "section"):
            return self.page
        return None

    @property
    def session_id(self) -> str | None:
        return self.page if self.kind not in ("home", "index", "event") else None

    def __str__(self) -> str:
        return self.location


@lru_cache(maxsize=512)
def _parse(value: str) -> Place | None:
    if value in ("", HOME):
        return Place(HOME, None, "home")
    if value in INDEX_PAGES:
        return Place(value, None, "index")
    base, _, name = value.partition("#")
    base = normalise(base)
    kind = kind_of(base)
    if name:
        if kind != "session" or name not in SECTIONS:
            return None
        return Place(base, f"{base}#{name}", "section")
    if kind is None:
        return None
    if kind in ("event", "session"):
        return Place(base, None, kind)
    return Place(session_of(base) or base, base, kind)


HOME_PLACE = Place(HOME, None, "home")


def parse(location: str) -> Place | None:
    """``Place.parse`` (kept short for callers that only need the fields)."""
    return Place.parse(location)


def normalised(location: str) -> str | None:
    """The canonical spelling of a location, or None when it names nothing."""
    place = Place.parse(location)
    return place.location if place is not None else None
