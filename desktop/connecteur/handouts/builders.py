"""Requests for the usual cases: some sessions, the whole library, a list of items.

These resolve IDs against the corpus store (unknown IDs raise its French
``NotFoundError``) and fill sensible cover texts; the caller may override any of them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from connecteur.corpus import About, Event, Session
from connecteur.corpus.reference import french_date
from connecteur.handouts.request import (
    NO_ANNOTATIONS,
    Annotations,
    Edition,
    HandoutError,
    HandoutRequest,
    ItemsSection,
    ListedEntry,
    Paper,
    Section,
    SessionSection,
)
from connecteur.store import CorpusStore

LIBRARY_TITLE = "Connecteur Recherche 2020"


@dataclass(frozen=True)
class CoverDetails:
    """The optional cover texts and options shared by every builder."""

    edition: Edition = "participant"
    paper: Paper = "a4"
    subtitle: str | None = None
    audience: str = ""
    date: str | None = None  # None: today
    trainer_name: str = ""
    annotations: Annotations = NO_ANNOTATIONS
    writing_space: bool = True
    two_sided: bool = True


def today() -> str:
    return datetime.date.today().isoformat()


def _request(title: str, sections: tuple[Section, ...], default_subtitle: str,
             details: CoverDetails, *, about: About | None = None) -> HandoutRequest:
    return HandoutRequest(
        title=title.strip(), sections=sections,
        subtitle=default_subtitle if details.subtitle is None else details.subtitle.strip(),
        edition=details.edition, paper=details.paper, audience=details.audience.strip(),
        date=today() if details.date is None else details.date.strip(),
        trainer_name=details.trainer_name.strip(), annotations=details.annotations,
        about=about, writing_space=details.writing_space, two_sided=details.two_sided)


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i.strip() for i in ids if i and i.strip()))


def _of_days(sessions: Iterable[Session]) -> str:
    """``du 20 mai 2020`` or ``des 20 mai et 3 juillet 2020``: the days of the sessions."""
    dates = list(dict.fromkeys(s.date for s in sessions))
    days = [french_date(d) for d in dates]
    if len(days) == 1:
        return f"du {days[0]}"
    if len({d[:4] for d in dates}) == 1:  # the year once, at the end
        days = [day.rsplit(" ", 1)[0] for day in days[:-1]] + days[-1:]
    return "des " + ", ".join(days[:-1]) + " et " + days[-1]


def request_for_sessions(store: CorpusStore, session_ids: Iterable[str], *,
                         title: str | None = None, **options: Any) -> HandoutRequest:
    """Whole sessions, in the order given (duplicates dropped).

    ``options`` are the fields of :class:`CoverDetails` (edition, paper, subtitle, …).
    """
    details = CoverDetails(**options)
    sessions: list[Session] = []
    for identifier in _unique(session_ids):
        found = store.get(identifier)
        if isinstance(found, Event):
            sessions.extend(s for s in found.sessions if s not in sessions)
        elif isinstance(found, Session):
            if found not in sessions:
                sessions.append(found)
        else:
            raise HandoutError(f"« {identifier} » n'est pas une session.",
                               hint="Exemple de session : 2020-05-20/s1 "
                                    "(« connecteur stats » les liste toutes).")
    if not sessions:
        raise HandoutError("Rien à imprimer : aucune session choisie.",
                           hint="Donnez au moins une session (--session ID) ou --all.")
    if len(sessions) == 1:
        only = sessions[0]
        default_title = only.title
        subtitle = f"Connecteur Recherche du {french_date(only.date)} — session {only.number}"
    else:
        default_title = LIBRARY_TITLE
        subtitle = f"{len(sessions)} sessions du Connecteur Recherche {_of_days(sessions)}"
    return _request(title or default_title, tuple(SessionSection(s) for s in sessions),
                    subtitle, details)


def request_for_library(store: CorpusStore, *, title: str | None = None,
                        **options: Any) -> HandoutRequest:
    """Every session, with the corpus's own introduction (options: see CoverDetails)."""
    details = CoverDetails(**options)
    sessions = store.sessions
    subtitle = f"Les {len(sessions)} sessions {_of_days(sessions)} : pistes de réflexion, " \
               "terrains et ressources"
    return _request(title or LIBRARY_TITLE, tuple(SessionSection(s) for s in sessions),
                    subtitle, details, about=store.library.about)


def request_for_items(store: CorpusStore, item_ids: Iterable[str], title: str,
                      **options: Any) -> HandoutRequest:
    """A folder, search results or favourites: items in the given order.

    A session in the list is printed whole; an event stands for all its sessions; any
    other item is printed under its session (and theme) heading. ``options``: see
    :class:`CoverDetails`.
    """
    details = CoverDetails(**options)
    sections: list[Section] = []
    run: list[ListedEntry] = []

    def close_run() -> None:
        if run:
            sections.append(ItemsSection(tuple(run)))
            run.clear()

    for identifier in _unique(item_ids):
        found = store.get(identifier)
        if isinstance(found, Event | Session):
            close_run()
            sessions = found.sessions if isinstance(found, Event) else (found,)
            sections.extend(SessionSection(s) for s in sessions)
        else:
            run.append(ListedEntry(found, store.session_of(found)))
    close_run()
    if not sections:
        raise HandoutError("Rien à imprimer : la liste d'éléments est vide.")
    if not title or not title.strip():
        raise HandoutError("Donnez un titre au support (par exemple le nom du dossier).")
    return _request(title, tuple(sections), "", details)
