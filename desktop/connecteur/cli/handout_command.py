"""``handout``: print sessions, the whole library or a course folder as a PDF handout.

The PDF is built in memory and written in one go, so an error (unknown session or
folder, a folder that cannot be written) never leaves a partial file behind.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from connecteur.errors import ConnecteurError

if TYPE_CHECKING:  # the handouts package (and ReportLab) loads only when the command runs
    from connecteur.handouts import Annotations, HandoutRequest
    from connecteur.store import CorpusStore

EDITIONS = ("participant", "trainer")
PAPERS = ("a4", "letter")
_PAPER_LABELS = {"a4": "A4", "letter": "US Letter"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "handout", help="imprime un support de formation en PDF",
        description="Construit un support PDF (couverture, sommaire, sessions, ressources "
                    "avec liens et QR codes) à partir de sessions, de toute la bibliothèque "
                    "ou d'un dossier de cours.")
    parser.add_argument("--session", metavar="ID", action="append", default=[],
                        help="session à imprimer, par ex. 2020-05-20/s1 (répétable)")
    parser.add_argument("--all", action="store_true", help="toutes les sessions")
    parser.add_argument("--folder", metavar="NOM", help="un dossier de cours, dans son ordre")
    parser.add_argument("--edition", choices=EDITIONS, default="participant",
                        help="participant (par défaut, sans notes personnelles) ou trainer "
                             "(avec notes et surlignages)")
    parser.add_argument("--paper", choices=PAPERS, default="a4",
                        help="a4 (par défaut) ou letter")
    parser.add_argument("--title", metavar="TITRE", help="titre de la couverture")
    parser.add_argument("--subtitle", metavar="TEXTE", help="sous-titre de la couverture")
    parser.add_argument("--audience", metavar="PUBLIC", default="",
                        help="public visé, imprimé sur la couverture")
    parser.add_argument("--date", metavar="DATE",
                        help="date imprimée (AAAA-MM-JJ ou texte libre ; par défaut "
                             "aujourd'hui ; \"\" pour aucune)")
    parser.add_argument("--trainer", metavar="NOM", default="",
                        help="nom du formateur ou de la formatrice")
    parser.add_argument("--no-writing-space", action="store_true",
                        help="sans les lignes pour prendre des notes")
    parser.add_argument("-o", "--output", metavar="FICHIER.pdf", type=Path, required=True,
                        help="fichier PDF à écrire")
    parser.set_defaults(run=run_handout)


# --- hooks the user store will fill (issue 5) -------------------------------------------

def resolve_folder(store: CorpusStore, name: str, **options: Any) -> HandoutRequest:
    """The request for the course folder called ``name`` (its items in order, its
    title, audience, date and folder notes). No folder exists until the user database
    lands, so every name is unknown for now."""
    from connecteur.handouts import HandoutError

    raise HandoutError(f"Dossier inconnu : « {name} ».",
                       hint="Aucun dossier de cours n'existe encore dans la base "
                            "utilisateur.")


def trainer_annotations(store: CorpusStore) -> Annotations:
    """The trainer's notes and highlights, printed in the trainer edition. Empty
    until the user database lands."""
    from connecteur.handouts import Annotations

    return Annotations()


# --- the command -------------------------------------------------------------------------

def _check_output(path: Path) -> Path:
    """Fail before the (long) build when the file could not be written anyway."""
    path = path.expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ConnecteurError(f"{path} est un dossier : donnez un nom de fichier "
                              "(par ex. support.pdf).")
    if not folder.is_dir():
        raise ConnecteurError(f"Le dossier {folder} n'existe pas.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ConnecteurError(f"Impossible d'écrire dans {folder} (permission refusée).")
    return path


def _request(args: argparse.Namespace, store: CorpusStore) -> HandoutRequest:
    from connecteur.handouts import HandoutError, request_for_library, request_for_sessions

    chosen = [bool(args.session), args.all, args.folder is not None]
    if not any(chosen):
        raise HandoutError("Rien à imprimer : choisissez des sessions (--session ID), "
                           "toute la bibliothèque (--all) ou un dossier (--folder NOM).")
    if sum(chosen) > 1:
        raise HandoutError("Choisissez une seule source : --session, --all ou --folder.")
    options: dict[str, Any] = {
        "edition": args.edition, "paper": args.paper, "subtitle": args.subtitle,
        "audience": args.audience, "date": args.date, "trainer_name": args.trainer,
        "writing_space": not args.no_writing_space,
    }
    if args.edition == "trainer":
        options["annotations"] = trainer_annotations(store)
    if args.folder is not None:
        return resolve_folder(store, args.folder, title=args.title, **options)
    if args.all:
        return request_for_library(store, title=args.title, **options)
    return request_for_sessions(store, args.session, title=args.title, **options)


def run_handout(args: argparse.Namespace) -> int:
    from connecteur.handouts import build_handout
    from connecteur.handouts.request import EDITION_LABELS
    from connecteur.store import CorpusStore

    output = _check_output(args.output)
    store = CorpusStore.open(getattr(args, "db", None))
    request = _request(args, store)
    result = build_handout(request, output)
    pages = f"{result.pages} page{'s' if result.pages > 1 else ''}"
    print(f"Support écrit : {result.path} ({pages}, {EDITION_LABELS[request.edition]}, "
          f"{_PAPER_LABELS[request.paper]}).", file=sys.stdout)
    return 0
