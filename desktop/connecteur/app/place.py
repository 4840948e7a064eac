"""Where the reader is: one string per place the window can show.

A location is what history records, what settings remember and what a
``connecteur://`` link names. Keeping it a plain string (an item ID, an item ID with
a ``#section``, or one of the named pages below) makes it trivial to store and
compare, and keeps Qt out of the decision of *what* to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from connecteur.corpus.ids import kind_of, normalise, session_of

HOME = "library"
SPEAKERS = "index:speakers"
BIBLIOGRAPHY = "index:bibliography"
INDEX_PAGES = (SPEAKERS, BIBLIOGRAPHY)

SECTIONS = ("leads", "field_sites", "resources", "speakers")


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


def parse(location: str) -> Place | None:
    """Split a location into its page and anchor; None when it names nothing we know
    how to show (the caller then says so rather than showing a blank page)."""
    value = location.strip()
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
    if kind == "event":
        return Place(base, None, "event")
    if kind == "session":
        return Place(base, None, "session")
    return Place(session_of(base) or base, base, kind)


def normalised(location: str) -> str | None:
    """The canonical spelling of a location (``connecteur://…/lead/3`` → ``…/lead/03``)."""
    place = parse(location)
    if place is None:
        return None
    if place.kind in ("home", "index"):
        return place.page
    return place.anchor or place.page
