"""How an annotated item is named in the side panels: its kind and place ("Piste de
réflexion · 20 mai 2020, session 1") and the beginning of its text.

An item missing from the current corpus text (an orphan's) is named from the
snapshot the annotation kept, so the lists stay readable.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt

from connecteur.app.citation import item_text
from connecteur.corpus import Item, Session
from connecteur.store import CorpusStore
from connecteur.ui.common import labels

EXCERPT_CHARS = 140


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The text on one line, cut at a word boundary with "…" when too long."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return (cut if len(cut) > limit // 2 else flat[:limit]).rstrip(",;:.") + "…"


def place_of(store: CorpusStore, item: Item) -> str:
    """"Piste de réflexion · 20 mai 2020, session 1"."""
    session = item if isinstance(item, Session) else store.session_of(item)
    return f"{labels.kind_name(item.kind)} · {labels.session_place(session)}"


def title_of(store: CorpusStore, item_id: str, fallback: str = "") -> str:
    item = store.find(item_id)
    return place_of(store, item) if item is not None else fallback or item_id


def text_of(store: CorpusStore, item_id: str, fallback: str = "") -> str:
    item = store.find(item_id)
    return item_text(item) if item is not None else fallback


def when(timestamp: str) -> str:
    """``2026-03-12T09:14:03.123456Z`` → "12 mars 2026 à 10:14" (local time)."""
    moment = QDateTime.fromString(timestamp.replace("Z", "+00:00"), Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        moment = QDateTime.fromString(timestamp, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return timestamp
    local = moment.toLocalTime()
    locale = QLocale()
    return QCoreApplication.translate("ItemSummary", "{0} à {1}").format(
        locale.toString(local.date(), "d MMMM yyyy"), locale.toString(local.time(), "HH:mm"))
