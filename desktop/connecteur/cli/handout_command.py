"""``handout``: print sessions, the whole library, a course folder, the favourites or
the results of a search as a PDF handout, or as its accessible HTML edition.

The file is built in memory and written in one go, so an error (unknown session or
folder, a folder that cannot be written) never leaves a partial file behind. The
trainer's own data (folders, favourites, notes for ``--edition trainer``) is read
from the user database, which is never created nor changed by this command.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from connecteur import paths
from connecteur.cli.terminal import say
from connecteur.cli.wording import count
from connecteur.errors import ConnecteurError

if TYPE_CHECKING:  # the handouts package (and ReportLab) loads only when the command runs
    from connecteur.app.print_plan import PrintPlan
    from connecteur.handouts import HandoutRequest
    from connecteur.store import CorpusStore, UserStore

EDITIONS = ("participant", "trainer")
PAPERS = ("a4", "letter")
FORMATS = ("pdf", "html")
_PAPER_LABELS = {"a4": "A4", "letter": "US Letter"}
_SOURCES = "--session, --all, --folder, --favorites ou --query"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "handout", help="imprime un support de formation en PDF",
        description="Construit un support PDF (couverture, sommaire, sessions, ressources "
                    "avec liens et QR codes) à partir de sessions, de toute la bibliothèque, "
                    "d'un dossier de cours, de vos favoris ou des résultats d'une recherche.")
    parser.add_argument("--session", metavar="ID", action="append", default=[],
                        help="session à imprimer, par ex. 2020-05-20/s1 (répétable)")
    parser.add_argument("--all", action="store_true", help="toutes les sessions")
    parser.add_argument("--folder", metavar="NOM",
                        help="un dossier de cours, dans son ordre, avec son titre, son public "
                             "et sa date")
    parser.add_argument("--favorites", "--favourites", action="store_true",
                        help="les éléments marqués d'une étoile, dans l'ordre de lecture")
    parser.add_argument("--query", metavar="RECHERCHE",
                        help="les résultats d'une recherche, dans l'ordre de lecture")
    parser.add_argument("--edition", choices=EDITIONS, default="participant",
                        help="participant (par défaut, sans notes personnelles) ou trainer "
                             "(avec vos notes, surlignages et notes de dossier)")
    parser.add_argument("--paper", choices=PAPERS, default="a4",
                        help="a4 (par défaut) ou letter")
    parser.add_argument("--title", metavar="TITRE", help="titre de la couverture")
    parser.add_argument("--subtitle", metavar="TEXTE", help="sous-titre de la couverture")
    parser.add_argument("--audience", metavar="PUBLIC", default="",
                        help="public visé, imprimé sur la couverture (par défaut, pour un "
                             "dossier : le sien)")
    parser.add_argument("--date", metavar="DATE",
                        help="date imprimée (AAAA-MM-JJ ou texte libre ; par défaut la date "
                             "du dossier, sinon aujourd'hui ; \"\" pour aucune)")
    parser.add_argument("--trainer", metavar="NOM", default="",
                        help="nom du formateur ou de la formatrice")
    parser.add_argument("--no-writing-space", action="store_true",
                        help="sans les lignes pour prendre des notes")
    parser.add_argument("--single-sided", action="store_true",
                        help="pour une impression recto seul : les sessions commencent sur "
                             "la page suivante, sans page laissée pour le verso (par défaut, "
                             "chaque session commence sur une page de droite)")
    parser.add_argument("--format", choices=FORMATS, default="pdf",
                        help="pdf (par défaut) ou html : l'édition accessible, un seul fichier "
                             "lisible par les lecteurs d'écran, même contenu")
    parser.add_argument("-o", "--output", metavar="FICHIER", type=Path, required=True,
                        help="fichier à écrire (.pdf, ou .html avec --format html)")
    parser.set_defaults(run=run_handout)


# --- the trainer's data ------------------------------------------------------------------

def open_user_store(store: CorpusStore) -> UserStore | None:
    """The user database, or None when there is none yet (nothing is created: a
    command that only reads must not leave an empty database behind)."""
    from connecteur.store import UserStore

    if not paths.user_db_path().is_file():
        return None
    user = UserStore.open(store)
    for message in user.startup.messages:
        say(f"connecteur : {message}", file=sys.stderr)
    return user


def search_item_ids(store: CorpusStore, query: str) -> list[str]:
    """Every item a search finds (a note stands for the item it is written on)."""
    from connecteur.app.print_plan import result_ids
    from connecteur.cli.search_command import open_service

    service = open_service(store)
    try:
        ids, notices = result_ids(service, query)
    finally:
        service.close()
    for notice in notices:
        say(f"Remarque : {notice}", file=sys.stderr)
    return ids


# --- the command -------------------------------------------------------------------------

def _check_output(path: Path) -> Path:
    """Fail before the (long) build when the file could not be written anyway."""
    path = path.expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ConnecteurError(f"{path} est un dossier : donnez un nom de fichier "
                              "(par ex. support.pdf ou support.html).")
    if not folder.is_dir():
        raise ConnecteurError(f"Le dossier {folder} n'existe pas.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ConnecteurError(f"Impossible d'écrire dans {folder} (permission refusée).")
    return path


def _check_sources(args: argparse.Namespace) -> None:
    from connecteur.handouts import HandoutError

    chosen = [bool(args.session), args.all, args.folder is not None, args.favorites,
              args.query is not None]
    if not any(chosen):
        raise HandoutError("Rien à imprimer : choisissez des sessions (--session ID), "
                           "toute la bibliothèque (--all), un dossier (--folder NOM), vos "
                           "favoris (--favorites) ou une recherche (--query TEXTE).")
    if sum(chosen) > 1:
        raise HandoutError(f"Choisissez une seule source : {_SOURCES}.")
    if args.query is not None and not args.query.strip():
        raise HandoutError("La recherche (--query) est vide.")


def plan_of(args: argparse.Namespace) -> PrintPlan:
    """The options as the plan the print dialog would make of the same choice."""
    from connecteur.app import print_plan as plans

    if args.folder is not None:
        content = plans.FOLDER
    elif args.favorites:
        content = plans.FAVOURITES
    elif args.query is not None:
        content = plans.RESULTS
    else:
        content = plans.LIBRARY if args.all else plans.SESSIONS
    return plans.PrintPlan(
        content, tuple(args.session), folder=args.folder or "", query=args.query or "",
        edition=args.edition, paper=args.paper, title=args.title or "",
        subtitle=args.subtitle or "", audience=args.audience, date=args.date,
        trainer_name=args.trainer, writing_space=not args.no_writing_space,
        two_sided=not args.single_sided)


def _request(args: argparse.Namespace, store: CorpusStore,
             user: UserStore | None) -> HandoutRequest:
    from connecteur.app.print_plan import FAVOURITES, FOLDER, RESULTS, request_for_plan
    from connecteur.handouts import HandoutError

    plan = plan_of(args)
    if plan.content == FOLDER and user is None:
        raise HandoutError(f"Dossier inconnu : « {plan.folder} ». Aucun dossier de formation "
                           "n'existe encore.")
    if plan.content == FAVOURITES and user is None:
        raise HandoutError("Aucun favori à imprimer.",
                           hint="Marquez d'abord des éléments d'une étoile (Ctrl+D).")
    ids = search_item_ids(store, plan.query) if plan.content == RESULTS else []
    return request_for_plan(plan, store, user, ids)


def _needs_user(args: argparse.Namespace) -> bool:
    return args.edition == "trainer" or args.folder is not None or args.favorites


def run_handout(args: argparse.Namespace) -> int:
    from connecteur.handouts import build_handout, build_handout_html
    from connecteur.handouts.request import EDITION_LABELS
    from connecteur.store import CorpusStore

    _check_sources(args)
    output = _check_output(args.output)
    store = CorpusStore.open(getattr(args, "db", None))
    user = open_user_store(store) if _needs_user(args) else None
    try:
        request = _request(args, store, user)
    finally:
        if user is not None:
            user.close()
    if args.format == "html":
        result = build_handout_html(request, output)
        say(f"Support écrit : {result.path} (HTML accessible, "
            f"{EDITION_LABELS[request.edition]}).")
        return 0
    result = build_handout(request, output)
    pages = count(result.pages, "page")
    say(f"Support écrit : {result.path} ({pages}, {EDITION_LABELS[request.edition]}, "
        f"{_PAPER_LABELS[request.paper]}).")
    return 0
