"""``import``, ``notes``, ``cite`` and ``folders``: the trainer's own layer from the
command line (the same services as the window)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from connecteur.corpus.citations import FORMATS, citations, export_citations
from connecteur.corpus.reference import french_date
from connecteur.errors import ConnecteurError
from connecteur.fileio import write_atomically
from connecteur.store import CorpusStore
from connecteur.store.user.markup import note_plain
from connecteur.store.user.model import KIND_LABELS
from connecteur.store.user.store import UserStore


def register(subparsers: argparse._SubParsersAction) -> None:
    imp = subparsers.add_parser(
        "import", help="importe des annotations exportées (fusion sans doublons)",
        description="Ajoute à vos annotations celles d'un export JSON de Connecteur ; ce qui "
                    "est déjà là est ignoré, et un compte rendu dit ce qui a été ajouté.")
    imp.add_argument("file", metavar="FICHIER.json", type=Path, help="export JSON à importer")
    imp.set_defaults(run=run_import)
    _register_notes(subparsers)
    _register_cite(subparsers)
    folders = subparsers.add_parser("folders", help="liste vos dossiers de formation")
    folders.set_defaults(run=run_folders)


def _output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FICHIER", type=Path,
                        help="écrit dans ce fichier au lieu de la sortie standard")


def _register_notes(subparsers: argparse._SubParsersAction) -> None:
    notes = subparsers.add_parser("notes", help="vos notes : exporter, lister")
    actions = notes.add_subparsers(title="actions", metavar="ACTION", dest="notes_action",
                                   parser_class=subparsers._parser_class)
    export = actions.add_parser("export", help="exporte vos annotations (Markdown ou JSON)")
    export.add_argument("--folder", metavar="NOM", help="seulement ce dossier de formation")
    export.add_argument("--format", choices=("markdown", "json"), default="markdown",
                        help="markdown (par défaut, lisible) ou json (complet, réimportable)")
    _output_option(export)
    export.set_defaults(run=run_notes_export)
    listing = actions.add_parser("list", help="liste vos notes")
    listing.add_argument("--orphans", action="store_true",
                         help="liste plutôt les annotations orphelines")
    listing.set_defaults(run=run_notes_list)
    notes.set_defaults(run=lambda args: _usage(notes))


def _register_cite(subparsers: argparse._SubParsersAction) -> None:
    cite = subparsers.add_parser("cite", help="exporte les ressources pour Zotero "
                                              "(BibTeX, RIS, CSL-JSON)")
    scope = cite.add_mutually_exclusive_group()
    scope.add_argument("--session", metavar="ID",
                       help="les ressources d'une session (ex. 2020-05-20/s1)")
    scope.add_argument("--folder", metavar="NOM",
                       help="les ressources d'un dossier de formation (et de ses sessions)")
    scope.add_argument("--all", action="store_true", help="toutes les ressources (par défaut)")
    cite.add_argument("--format", choices=tuple(FORMATS), default="bibtex",
                      help="bibtex (par défaut), ris ou csl-json")
    _output_option(cite)
    cite.set_defaults(run=run_cite)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def open_user(args: argparse.Namespace) -> UserStore:
    """The user layer over the corpus of ``--db``; start-up news go to stderr."""
    store = UserStore.open(CorpusStore.open(getattr(args, "db", None)))
    for message in store.startup.messages:
        print(f"connecteur : {message}", file=sys.stderr)
    return store


def _emit(text: str, output: Path | None, what: str) -> None:
    if output:
        write_atomically(output, text)
        print(f"{what} dans {output}.", file=sys.stderr)
    else:
        sys.stdout.write(text)


# --- import ---------------------------------------------------------------------------

def run_import(args: argparse.Namespace) -> int:
    with open_user(args) as user:
        report = user.import_document(Path(args.file))
    print(f"Import de {args.file} :")
    for line in report.lines():
        print(f"  {line}")
    return 0


# --- notes ----------------------------------------------------------------------------

def run_notes_export(args: argparse.Namespace) -> int:
    with open_user(args) as user:
        text = user.export_json(args.folder) if args.format == "json" else \
            user.export_markdown(args.folder)
    what = f"Dossier « {args.folder} » exporté" if args.folder else "Annotations exportées"
    _emit(text, args.output, what)
    return 0


def _preview(text: str, width: int = 70) -> str:
    flat = " ".join(note_plain(text).split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"


def run_notes_list(args: argparse.Namespace) -> int:
    with open_user(args) as user:
        if args.orphans:
            return _list_orphans(user)
        notes = user.notes.all()
        if not notes:
            print("Aucune note pour l'instant.")
        for note in sorted(notes, key=lambda n: (user.catalogue.rank(n.item_id), n.created)):
            print(f"{note.item_id}  ({french_date(note.modified[:10])})  "
                  f"{_preview(note.body)}")
    return 0


def _list_orphans(user: UserStore) -> int:
    orphans = user.orphans()
    if not orphans:
        print("Aucune annotation orpheline.")
    labels = {"note": "Note", "highlight": "Surlignage", "star": "Favori", "tag": "Étiquette",
              "folder_item": "Élément de dossier"}
    for orphan in orphans:
        where = orphan.item_reference or orphan.item_id
        detail = f" « {orphan.quote} »" if orphan.quote else ""
        text = f" : {_preview(orphan.text)}" if orphan.text else ""
        print(f"{labels[orphan.kind]} — {where}{detail}{text}")
    return 0


# --- cite -----------------------------------------------------------------------------

def run_cite(args: argparse.Namespace) -> int:
    corpus = CorpusStore.open(getattr(args, "db", None))
    if args.folder:
        with open_user(args) as user:
            resources = user.folder_resources(args.folder)
        if not resources:
            raise ConnecteurError(f"Le dossier « {args.folder} » ne contient aucune ressource.",
                                  hint="Ajoutez-y des ressources ou des sessions entières.")
    elif args.session:
        session = corpus.get(args.session)
        if session.kind != "session":
            raise ConnecteurError(f"« {args.session} » n'est pas une session "
                                  f"({KIND_LABELS.get(session.kind, session.kind).lower()}).",
                                  hint="Exemple : 2020-05-20/s1.")
        resources = list(session.resources)
    else:
        resources = corpus.resources()
    pairs = [(r, corpus.session_of(r)) for r in resources]
    text = export_citations(pairs, args.format)
    entries = len(citations(pairs))
    what = f"{len(resources)} ressource(s) exportée(s)"
    if entries != len(resources):  # a bullet may hold several references
        what += f" ({entries} références)"
    _emit(text, args.output, what)
    return 0


# --- folders --------------------------------------------------------------------------

def run_folders(args: argparse.Namespace) -> int:
    with open_user(args) as user:
        folders = user.folders.list()
    if not folders:
        print("Aucun dossier de formation pour l'instant.")
        return 0
    print(f"{len(folders)} dossier(s) de formation :")
    for folder in folders:
        details = [f"{folder.size} élément(s)"]
        if folder.title:
            details.append(f"titre : {folder.title}")
        if folder.audience:
            details.append(f"public : {folder.audience}")
        if folder.date:
            details.append(french_date(folder.date))
        print(f"  {folder.name} — " + " · ".join(details))
    return 0
