"""How an item is cited: the reference a trainer pastes under a quotation."""

from __future__ import annotations

from connecteur.corpus.model import MONTH_NAMES_FR, Session


def french_date(iso_date: str) -> str:
    """``2020-07-03`` → ``3 juillet 2020``."""
    year, month, day = (int(part) for part in iso_date.split("-"))
    return f"{'1er' if day == 1 else day} {MONTH_NAMES_FR[month]} {year}"


def session_reference(session: Session) -> str:
    """``Connecteur Recherche, 20 mai 2020, session 1 — La gestion de crise``."""
    return (f"Connecteur Recherche, {french_date(session.date)}, "
            f"session {session.number} — {session.title}")
