"""Handouts from the trainer's own data: a course folder, the favourites, search
results, and the trainer edition's notes, highlights and folder notes.

The command line (``connecteur handout --folder …``) and the window's print dialog
both build their requests here, so the same choice prints the same document from
either. The user store is only read; every function may run in a worker thread
(the store serialises its connection).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from connecteur.corpus.ids import session_of
from connecteur.handouts.builders import LIBRARY_TITLE, request_for_items
from connecteur.handouts.request import (
    Annotations,
    HandoutError,
    HandoutRequest,
    Highlight,
)
from connecteur.store import CorpusStore

if TYPE_CHECKING:  # the user layer is imported by whoever opened it
    from connecteur.store import Folder, UserStore

FAVOURITES_TITLE = "Sélection"
SELECTION_SUBTITLE = f"Extraits choisis du {LIBRARY_TITLE}"
RESULTS_SUBTITLE = f"Résultats de la recherche dans le {LIBRARY_TITLE}"
ORPHAN_RANKS = 9000  # item ranks that no session reaches: keys for orphan notes


# --- the trainer's material ---------------------------------------------------------------

def printed_item_ids(request: HandoutRequest) -> list[str]:
    """Every item the request may show: all items of the sessions it touches (a listed
    lead is printed under its session, whose own notes then show too)."""
    ids: list[str] = []
    for session in request.sessions():
        ids.append(session.id)
        for theme in session.themes:
            ids.append(theme.id)
            ids.extend(lead.id for lead in theme.leads)
        ids.extend(x.id for x in (*session.field_sites, *session.resources, *session.speakers))
    return ids


def _orphan_notes(user: UserStore, session_ids: set[str]) -> dict[str, list[str]]:
    """Notes (and highlight notes) whose passage left the corpus text, under a key of
    their last known session that names no current item: the handout prints them at
    the end of that session ("Notes sur des passages disparus"), never under the item
    that took over their old ID."""
    found: dict[str, list[str]] = {}
    for number, orphan in enumerate(user.orphans(), ORPHAN_RANKS):
        session = session_of(orphan.item_id)
        if session not in session_ids or not orphan.text.strip():
            continue
        passage = " ".join(orphan.item_text.split())
        passage = passage if len(passage) <= 90 else passage[:90].rstrip() + "…"
        about = f"« {orphan.quote} »" if orphan.kind == "highlight" and orphan.quote else \
            f"« {passage} »" if passage else ""
        text = f"{about} : {orphan.text}" if about else orphan.text
        if orphan.kind in ("note", "highlight"):
            found[f"{session}/lead/{number}"] = [text]
    return found


def trainer_annotations(user: UserStore, request: HandoutRequest,
                        folder: str | None = None) -> Annotations:
    """The trainer's notes, highlights and tags on what ``request`` prints; with
    ``folder`` (an ID or name) also that folder's per-item notes."""
    material = user.trainer_material(printed_item_ids(request), folder=folder)
    notes: dict[str, list[str]] = {k: list(v) for k, v in material.notes.items()}
    for item_id, texts in _orphan_notes(user, {s.id for s in request.sessions()}).items():
        notes.setdefault(item_id, []).extend(texts)
    highlights = {item_id: tuple(Highlight(h.start, h.end, h.quote, h.colour, h.note)
                                 for h in found)
                  for item_id, found in material.highlights.items()}
    return Annotations(notes=notes, highlights=highlights,
                       folder_notes=dict(material.folder_notes), tags=dict(material.tags))


def with_trainer_material(request: HandoutRequest, user: UserStore | None,
                          folder: str | None = None) -> HandoutRequest:
    """The request with the trainer's material when it is a trainer edition (the
    participant edition never carries personal notes, not even in memory)."""
    if not request.is_trainer or user is None:
        return request
    return replace(request, annotations=trainer_annotations(user, request, folder))


# --- what the trainer gathered --------------------------------------------------------------

def find_folder(user: UserStore, name: str) -> Folder:
    """The folder called ``name`` (any case) or with that ID; a French error listing
    the existing folders otherwise."""
    found = user.folders.find(name) if name and name.strip() else None
    if found is None:
        names = ", ".join(f"« {f.name} »" for f in user.folders.list())
        known = f"Dossiers existants : {names}." if names else \
            "Aucun dossier de formation n'existe encore."
        raise HandoutError(f"Dossier inconnu : « {name} ». {known}")
    return found


def request_for_folder(user: UserStore, name: str, *, title: str | None = None,
                       **options: Any) -> HandoutRequest:
    """A course folder in its order, under its title, audience and date (options given
    explicitly win); the trainer edition adds the notes written in the folder."""
    folder = find_folder(user, name)
    ids = user.folders.item_ids(folder.id)
    if not ids:
        raise HandoutError(f"Le dossier « {folder.name} » est vide.",
                           hint="Ajoutez-y des éléments avant de l'imprimer.")
    if not options.get("audience"):
        options["audience"] = folder.audience
    if options.get("date") is None and folder.date:
        options["date"] = folder.date
    if options.get("subtitle") is None:
        options["subtitle"] = SELECTION_SUBTITLE
    request = request_for_items(user.corpus, ids, title or folder.display_title, **options)
    return with_trainer_material(request, user, folder.id)


def request_for_favourites(user: UserStore, *, title: str | None = None,
                           **options: Any) -> HandoutRequest:
    """The starred items, in reading order."""
    ids = user.stars.item_ids()
    if not ids:
        raise HandoutError("Aucun favori à imprimer.",
                           hint="Marquez d'abord des éléments d'une étoile (Ctrl+D).")
    if options.get("subtitle") is None:
        options["subtitle"] = SELECTION_SUBTITLE
    request = request_for_items(user.corpus, ids, title or FAVOURITES_TITLE, **options)
    return with_trainer_material(request, user)


def reading_order(store: CorpusStore, item_ids: Iterable[str]) -> list[str]:
    """Known IDs, once each, in the order of the library (a handout reads in that order,
    not in the order of relevance)."""
    rank = {item.id: i for i, item in enumerate(store.library.items())}
    for event in store.events:
        rank.setdefault(event.id, -1)
    known = [i for i in dict.fromkeys(item_ids) if i in rank]
    return sorted(known, key=rank.__getitem__)


def request_for_results(store: CorpusStore, query: str, item_ids: Iterable[str], *,
                        title: str | None = None, user: UserStore | None = None,
                        **options: Any) -> HandoutRequest:
    """The items a search found (a note stands for the item it is written on), in
    reading order. A session that matched is printed whole."""
    ids = reading_order(store, item_ids)
    if not ids:
        raise HandoutError(f"Aucun résultat à imprimer pour « {query.strip()} ».",
                           hint="Essayez une autre recherche.")
    if options.get("subtitle") is None:
        options["subtitle"] = RESULTS_SUBTITLE
    request = request_for_items(store, ids, title or f"« {query.strip()} »", **options)
    return with_trainer_material(request, user)

