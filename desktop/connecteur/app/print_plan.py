"""What to print, as a plain value, and how it becomes a handout request.

:class:`PrintPlan` is what the print dialog decided, or what ``connecteur handout``'s
options say: both front ends build one and call :func:`request_for_plan` (in a worker,
for the window: reading the trainer's notes for a whole library is not instant), so
the same choice prints the same document from either. :func:`result_ids` collects
every item a search finds, for "the results of a search". The handouts package
(ReportLab) is imported only when a request is built, never when the window starts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from connecteur.store import CorpusStore

if TYPE_CHECKING:
    from connecteur.handouts import HandoutRequest
    from connecteur.store import UserStore

SESSION, SESSIONS, LIBRARY, FOLDER, RESULTS, FAVOURITES = (
    "session", "sessions", "library", "folder", "results", "favorites")
CONTENTS = (SESSION, SESSIONS, LIBRARY, FOLDER, RESULTS, FAVOURITES)
# Contents that need the trainer's own database (folders, stars).
NEEDS_USER = (FOLDER, FAVOURITES)


@dataclass(frozen=True)
class PrintPlan:
    """One handout to build: what, which edition, which paper, which cover texts.

    Empty ``title``/``subtitle`` mean "the default for these contents"; ``date`` is an
    ISO date (or free text), "" for none, None for the default (the folder's date, or
    today).
    """

    content: str
    session_ids: tuple[str, ...] = ()
    folder: str = ""  # folder ID (or name)
    query: str = ""
    kinds: tuple[str, ...] | None = None  # the search panel's filters, for RESULTS
    sessions_filter: tuple[str, ...] | None = None
    edition: str = "participant"
    paper: str = "a4"
    title: str = ""
    subtitle: str = ""
    audience: str = ""
    date: str | None = ""
    trainer_name: str = ""
    writing_space: bool = True
    two_sided: bool = True  # each session starts on a right-hand page

    def cover_options(self) -> dict[str, Any]:
        return {"edition": self.edition, "paper": self.paper,
                "title": self.title.strip() or None,
                "subtitle": self.subtitle.strip() or None,
                "audience": self.audience.strip(),
                "date": None if self.date is None else self.date.strip(),
                "trainer_name": self.trainer_name.strip(),
                "writing_space": self.writing_space, "two_sided": self.two_sided}


def request_for_plan(plan: PrintPlan, store: CorpusStore, user: UserStore | None,
                     result_ids: Sequence[str] = ()) -> HandoutRequest:
    """The handout request for ``plan`` (a French ``HandoutError`` when it cannot be
    printed: empty folder, no favourites, no result…)."""
    from connecteur.handouts import HandoutError, request_for_library, request_for_sessions
    from connecteur.handouts import user_requests as from_user

    options = plan.cover_options()
    if plan.content in NEEDS_USER and user is None:
        raise HandoutError("Vos dossiers et favoris sont indisponibles : la base de vos "
                           "annotations n'a pas pu être ouverte.")
    if plan.content == FOLDER:
        return from_user.request_for_folder(user, plan.folder, **options)
    if plan.content == FAVOURITES:
        return from_user.request_for_favourites(user, **options)
    if plan.content == RESULTS:
        return from_user.request_for_results(store, plan.query, result_ids, user=user,
                                             **options)
    if plan.content == LIBRARY:
        request = request_for_library(store, **options)
    elif plan.content in (SESSION, SESSIONS):
        if not plan.session_ids:
            raise HandoutError("Cochez au moins une session à imprimer.")
        request = request_for_sessions(store, plan.session_ids, **options)
    else:
        raise HandoutError(f"Contenu à imprimer inconnu : « {plan.content} ».")
    return from_user.with_trainer_material(request, user)


def result_ids(service: Any, query: str, kinds: Sequence[str] | None = None,
               sessions: Sequence[str] | None = None) -> tuple[list[str], list[str]]:
    """Every item a search finds, in rank order (a note stands for the item it is
    written on), and the search's notices (what it did not understand)."""
    from connecteur.search.service import MAX_PAGE_SIZE

    ids: list[str] = []
    page, notices = 1, []
    while True:
        results = service.search(query, kinds=tuple(kinds) if kinds else None,
                                 sessions=tuple(sessions) if sessions else None,
                                 page=page, page_size=MAX_PAGE_SIZE)
        notices = list(results.notices)
        ids.extend(hit.target_id for hit in results.hits)
        if not results.hits or page * MAX_PAGE_SIZE >= results.total:
            return ids, notices
        page += 1


def suggested_filename(title: str, edition: str) -> str:
    """A file name a trainer recognises: ``la-gestion-de-crise-formateur.pdf``."""
    plain = unicodedata.normalize("NFKD", title.replace("œ", "oe").replace("Œ", "Oe"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].rstrip("-") or "support"
    suffix = "formateur" if edition == "trainer" else "participant"
    return f"{slug}-{suffix}.pdf"
