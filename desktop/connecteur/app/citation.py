"""What "copy with its reference" puts on the clipboard (no Qt: tested alone)."""

from __future__ import annotations

from connecteur.corpus import Event, Item, Session, Theme
from connecteur.corpus.reference import session_reference


def item_text(item: Event | Item) -> str:
    """The words of an item as a trainer would quote them."""
    if isinstance(item, Session | Theme | Event):
        return item.title
    return item.text


def citation(text: str, session: Session) -> str:
    """A quotation followed by where it comes from, ready to paste in a course."""
    return f"{text.strip()}\n\n{session_reference(session)}"


def link(item_id: str) -> str:
    return f"connecteur://{item_id}"
