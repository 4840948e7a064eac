"""What the print dialog decided, as a plain value, and how it becomes a handout
request.

:class:`PrintPlan` is built on the UI thread from the dialog's fields; the request is
built from it in the worker (reading the trainer's notes for a whole library is not
instant), by :func:`request_for_plan`, which holds no Qt and is tested on its own.
The handouts package (ReportLab) is imported only when a request is built, never when
the window starts.
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
    ISO date, or "" for none.
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
    date: str = ""
    trainer_name: str = ""
    writing_space: bool = True

    def cover_options(self) -> dict[str, Any]:
        return {"edition": self.edition, "paper": self.paper,
                "title": self.title.strip() or None,
                "subtitle": self.subtitle.strip() or None,
                "audience": self.audience.strip(), "date": self.date.strip(),
                "trainer_name": self.trainer_name.strip(),
                "writing_space": self.writing_space}


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


def suggested_filename(title: str, edition: str) -> str:
    """A file name a trainer recognises: ``la-gestion-de-crise-formateur.pdf``."""
    plain = unicodedata.normalize("NFKD", title.replace("œ", "oe").replace("Œ", "Oe"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].rstrip("-") or "support"
    suffix = "formateur" if edition == "trainer" else "participant"
    return f"{slug}-{suffix}.pdf"
