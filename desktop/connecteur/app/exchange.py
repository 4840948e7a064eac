"""Exchanging the trainer's layer and the library's resources with other tools.

The command line (``notes export``, ``import``, ``cite``) and the window (Fichier ›
Annotations, Fichier › Ressources, a folder's menu) do the same things through these
functions: which resources a scope holds, the text of an export, writing it without
ever leaving half a file, suggested file names. No Qt, no SQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from connecteur.corpus import Resource, Session
from connecteur.corpus.text import fold
from connecteur.errors import ConnecteurError
from connecteur.fileio import write_atomically
from connecteur.store import CorpusStore

if TYPE_CHECKING:  # the user layer is loaded by whoever opened it
    from connecteur.store import ImportReport, UserStore

ANNOTATION_FORMATS = {"markdown": ".md", "json": ".json"}
RESOURCE_FORMATS = {"bibtex": ".bib", "ris": ".ris", "csl-json": ".json"}

ALL, SESSION, FOLDER = "all", "session", "folder"


@dataclass(frozen=True)
class ResourceScope:
    """Which resources to cite: all of them, one session's, or one folder's (the
    folder's resources and those of the sessions it holds)."""

    kind: str = ALL
    key: str = ""  # the session ID, or the folder's name or ID


def slug(text: str, limit: int = 48) -> str:
    """``Manager en crise — session de mars`` → ``manager-en-crise-session-de-mars``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:limit].strip("-") or "export"


# --- annotations -------------------------------------------------------------------------

def annotations_text(user: UserStore, fmt: str, folder: str | None = None) -> str:
    """The export of everything (or of one folder, by name or ID) as Markdown or JSON."""
    if fmt not in ANNOTATION_FORMATS:
        raise ConnecteurError(f"Format d'export inconnu : « {fmt} » (markdown ou json).")
    return user.export_json(folder) if fmt == "json" else user.export_markdown(folder)


def write_annotations(user: UserStore, target: Path, fmt: str,
                      folder: str | None = None) -> Path:
    return write_atomically(Path(target), annotations_text(user, fmt, folder))


def annotations_filename(folder_name: str | None, fmt: str, day: date | None = None) -> str:
    stem = f"dossier-{slug(folder_name)}" if folder_name else "annotations-connecteur"
    return f"{stem}-{(day or date.today()).isoformat()}{ANNOTATION_FORMATS[fmt]}"


def import_annotations(user: UserStore, source: Path, *, origin: object = None,
                       progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Merge an annotation export into this installation (one undoable step)."""
    options = {name: value for name, value in (("progress", progress),
                                                ("cancelled", cancelled)) if value is not None}
    return user.import_document(Path(source), origin=origin, **options)


# --- resources -----------------------------------------------------------------------------

def resources_in_scope(library: CorpusStore, user: UserStore | None,
                       scope: ResourceScope) -> list[tuple[Resource, Session]]:
    """The resources of ``scope`` with their sessions, in reading (or folder) order."""
    if scope.kind == SESSION:
        session = library.get(scope.key)
        if not isinstance(session, Session):
            raise ConnecteurError(f"« {scope.key} » n'est pas une session.",
                                  hint="Exemple : 2020-05-20/s1.")
        found = list(session.resources)
    elif scope.kind == FOLDER:
        if user is None:
            raise ConnecteurError(f"Dossier inconnu : « {scope.key} ». Aucun dossier de "
                                  "formation n'existe encore.")
        found = user.folder_resources(scope.key)
    else:
        found = library.resources()
    return [(resource, library.session_of(resource)) for resource in found]


def citations_text(resources: list[tuple[Resource, Session]], fmt: str) -> str:
    from connecteur.corpus.citations import export_citations

    return export_citations(resources, fmt)


def write_citations(target: Path, resources: list[tuple[Resource, Session]],
                    fmt: str) -> Path:
    if not resources:
        raise ConnecteurError("Aucune ressource à exporter ici (un dossier exporte ses "
                              "ressources et celles de ses sessions).")
    return write_atomically(Path(target), citations_text(resources, fmt))


def resources_filename(scope: ResourceScope, library: CorpusStore, fmt: str,
                       folder_name: str | None = None) -> str:
    if scope.kind == SESSION:
        session = library.find(scope.key)
        stem = (f"ressources-{session.date}-session-{session.number}"
                if isinstance(session, Session) else "ressources-session")
    elif scope.kind == FOLDER:
        stem = f"ressources-{slug(folder_name or 'dossier')}"
    else:
        stem = "ressources-connecteur"
    return stem + RESOURCE_FORMATS[fmt]
