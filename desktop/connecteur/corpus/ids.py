"""Readable, stable identifiers.

An ID is the item's address in the document: event date, session number, then the
kind and the item's rank in its session (``2020-05-20/s1/lead/03``). Ranks come from
the order of the text, so rebuilding the same text gives the same IDs; when the text
changes, annotations fall back on the quoted text they store (see the store layer).
"""

from __future__ import annotations

import re

ITEM_SEGMENTS = ("theme", "lead", "field_site", "resource", "speaker")
# Session numbers and ranks have at most this many digits: an ID that says otherwise is
# malformed (and its number is never converted: Python refuses over 4,300 digits).
MAX_NUMBER_DIGITS = 6

ID_PATTERN = re.compile(
    r"^(?P<event>\d{4}-\d{2}-\d{2})"
    rf"(?:/s(?P<session>\d{{1,{MAX_NUMBER_DIGITS}}})"
    r"(?:/(?P<kind>theme|lead|field_site|resource|speaker)"
    rf"/(?P<rank>\d{{1,{MAX_NUMBER_DIGITS}}}))?)?$"
)
_LONG_NUMBER = re.compile(rf"\d{{{MAX_NUMBER_DIGITS + 1},}}")

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


def shown(identifier: str, width: int = 60) -> str:
    """An identifier as a message quotes it: cut short when someone pasted a novel."""
    return identifier if len(identifier) <= width else identifier[:width - 1] + "…"


def malformed_reason(identifier: str) -> str:
    """Why ``identifier`` is not an ID, in French, for "« … » : <reason>."."""
    if _LONG_NUMBER.search(identifier):
        return (f"identifiant mal formé (un numéro de plus de {MAX_NUMBER_DIGITS} chiffres ne "
                "désigne aucun élément)")
    return "identifiant mal formé"


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
