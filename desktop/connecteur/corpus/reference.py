"""How an item is cited: the reference a trainer pastes under a quotation."""

from __future__ import annotations

from datetime import date

from connecteur.corpus.model import MONTH_NAMES_FR, Session


def french_date(iso_date: str) -> str:
    """``2020-07-03`` → ``3 juillet 2020``. Anything that is not such a date comes back
    as it is: dates in the trainer's data may come from a damaged or hand-edited file,
    and a listing must still show the rest."""
    try:
        year, month, day = (int(part) for part in iso_date.split("-"))
        date(year, month, day)
    except (ValueError, TypeError, AttributeError):
        return iso_date
    return f"{'1er' if day == 1 else day} {MONTH_NAMES_FR[month]} {year}"


def session_reference(session: Session) -> str:
    """``Connecteur Recherche, 20 mai 2020, session 1 — La gestion de crise``."""
    return (f"Connecteur Recherche, {french_date(session.date)}, "
            f"session {session.number} — {session.title}")
