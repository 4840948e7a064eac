"""Readable, stable identifiers.

An ID is the item's address in the document: event date, session number, then the
kind and the item's rank in its session (``2020-05-20/s1/lead/03``). Ranks come from
the order of the text, so rebuilding the same text gives the same IDs; when the text
changes, annotations fall back on the quoted text they store (see the store layer).
"""

from __future__ import annotations

import re

ITEM_SEGMENTS = ("theme", "lead", "field_site", "resource", "speaker")

ID_PATTERN = re.compile(
    r"^(?P<event>\d{4}-\d{2}-\d{2})"
    r"(?:/s(?P<session>\d+)"
    r"(?:/(?P<kind>theme|lead|field_site|resource|speaker)/(?P<rank>\d+))?)?$"
)

# The link scheme in front of an ID, however a browser or a desktop spells it.
LINK_PREFIX = re.compile(r"^connecteur:/*", re.IGNORECASE)


def event_id(date: str) -> str:
    return date


def session_id(date: str, number: int) -> str:
    return f"{date}/s{number}"


def item_id(session: str, kind: str, rank: int) -> str:
    if kind not in ITEM_SEGMENTS:
        raise ValueError(f"unknown item kind {kind!r}")
    return f"{session}/{kind}/{rank:02d}"


def kind_of(identifier: str) -> str | None:
    """``event``, ``session`` or the item kind named in an ID; None when malformed."""
    match = ID_PATTERN.match(identifier.strip())
    if not match:
        return None
    if match["kind"]:
        return match["kind"]
    return "session" if match["session"] else "event"


def session_of(identifier: str) -> str | None:
    """The session ID an item ID belongs to (None for events and malformed IDs)."""
    match = ID_PATTERN.match(identifier.strip())
    if not match or not match["session"]:
        return None
    return session_id(match["event"], int(match["session"]))


def normalise(identifier: str) -> str:
    """Accept the forms people type: ``connecteur://…`` (or ``connecteur:…``, any case,
    as some link handlers pass it), stray slashes, ``lead/3``."""
    value = LINK_PREFIX.sub("", identifier.strip()).strip("/")
    match = ID_PATTERN.match(value)
    if match and match["rank"]:
        return item_id(session_id(match["event"], int(match["session"])),
                       match["kind"], int(match["rank"]))
    if match and match["session"]:
        return session_id(match["event"], int(match["session"]))
    return value
