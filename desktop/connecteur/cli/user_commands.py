"""``import``, ``notes`` and ``cite``: the trainer's own layer from the command line (the
same services as the window); ``folders``, ``star`` and ``note`` are in course_commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from connecteur.app import exchange
from connecteur.cli.terminal import json_safe, say
from connecteur.cli.wording import count
from connecteur.corpus.citations import FORMATS, citations
from connecteur.corpus.reference import french_date
from connecteur.corpus.sources import sniff_file
from connecteur.errors import ConnecteurError
from connecteur.fileio import write_atomically
from connecteur.store import CorpusStore
from connecteur.store.user.markup import note_plain
from connecteur.store.user.model import KIND_LABELS
from connecteur.store.user.store import UserStore


def register(subparsers: argparse._SubParsersAction) -> None:
    imp = subparsers.add_parser(
        "import", help="importe des annotations exportées ou un nouveau document (PDF, texte)",
        description="Reconnaît le fichier à son contenu. Un export JSON d'annotations est "
                    "fusionné avec les vôtres (ce qui est déjà là est ignoré). Une synthèse du "
                    "Connecteur Recherche (PDF ou texte) est ajoutée à la bibliothèque ; une "
                    "journée déjà présente n'est remplacée qu'avec --replace. Un compte rendu "
                    "dit ce qui a été ajouté.")
    imp.add_argument("file", metavar="FICHIER", type=Path,
                     help="export JSON d'annotations, ou document PDF ou texte")
    imp.add_argument("--dry-run", action="store_true",
                     help="document : montre ce qui serait ajouté, sans rien écrire")
    imp.add_argument("--replace", action="store_true",
                     help="document : remplace le document importé qui a les mêmes journées")
    imp.set_defaults(run=run_import)
    _register_notes(subparsers)
    _register_cite(subparsers)
    reset = subparsers.add_parser(
        "reset-annotations", help="efface toutes vos annotations (après une sauvegarde)",
        description="Efface toutes vos notes, surlignages, favoris, étiquettes et dossiers "
                    "de formation pour repartir de zéro. Une sauvegarde est faite juste "
                    "avant ; elle n'est jamais supprimée tant que les sauvegardes plus "
                    "récentes sont vides.")
    reset.add_argument("--yes", action="store_true",
                       help="confirme l'effacement (sans cette option, rien n'est effacé)")
    reset.set_defaults(run=run_reset)


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
        say(f"connecteur : {message}", file=sys.stderr)
    return store


def _emit(text: str, output: Path | None, what: str, *, is_json: bool = False) -> None:
    if output:
        write_atomically(output, text)
        say(f"{what} dans {output}.", file=sys.stderr)
    elif is_json:
        sys.stdout.write(json_safe(text))
    else:
        say(text, end="")


# --- import ---------------------------------------------------------------------------

def _progress_on_terminal(done: int, total: int) -> None:
    """``Import… 42 %`` on the same line of a terminal (nothing when redirected)."""
    if total and sys.stderr.isatty():
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\rImport… {100 * done // total} %{end}")
        sys.stderr.flush()


def run_import(args: argparse.Namespace) -> int:
    if sniff_file(args.file) != "json":  # a PDF or a text: a new document
        from connecteur.cli.document_commands import run_document_import

        return run_document_import(args)
    if args.dry_run or args.replace:
        raise ConnecteurError("--dry-run et --replace s'appliquent aux documents (PDF ou "
                              "texte), pas aux annotations exportées.")
    with open_user(args) as user:
        report = exchange.import_annotations(user, Path(args.file),
                                             progress=_progress_on_terminal)
    say(f"Import de {args.file} :")
    for line in report.lines():
        say(f"  {line}")
    return 0


# --- notes ----------------------------------------------------------------------------

def run_notes_export(args: argparse.Namespace) -> int:
    with open_user(args) as user:
        text = exchange.annotations_text(user, args.format, args.folder)
    what = f"Dossier « {args.folder} » exporté" if args.folder else "Annotations exportées"
    _emit(text, args.output, what, is_json=args.format == "json")
    return 0


def _day(stamp: str) -> str:
    """``12 mars 2026`` from a stored timestamp; one from a damaged or hand-edited file
    may not be a date at all, and the rest of the listing must still be shown."""
    day = french_date(stamp[:10])
    return "date illisible" if day == stamp[:10] else day


def _preview(text: str, width: int = 70) -> str:
    flat = " ".join(note_plain(text).split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"


def run_notes_list(args: argparse.Namespace) -> int:
    with open_user(args) as user:
        if args.orphans:
            return _list_orphans(user)
        notes = user.notes.all()
        if not notes:
            say("Aucune note pour l'instant.")
        for note in sorted(notes, key=lambda n: (user.catalogue.rank(n.item_id), n.created)):
            say(f"{note.item_id}  ({_day(note.modified)})  "
                  f"{_preview(note.body)}")
    return 0


def _list_orphans(user: UserStore) -> int:
    orphans = user.orphans()
    if not orphans:
        say("Aucune annotation orpheline.")
    labels = {"note": "Note", "highlight": "Surlignage", "star": "Favori", "tag": "Étiquette",
              "folder_item": "Élément de dossier"}
    for orphan in orphans:
        where = orphan.item_reference or orphan.item_id
        detail = f" « {orphan.quote} »" if orphan.quote else ""
        text = f" : {_preview(orphan.text)}" if orphan.text else ""
        say(f"{labels[orphan.kind]} — {where}{detail}{text}")
    return 0


# --- cite -----------------------------------------------------------------------------

def run_cite(args: argparse.Namespace) -> int:
    corpus = CorpusStore.open(getattr(args, "db", None))
    if args.folder:
        with open_user(args) as user:
            resources = exchange.resources_in_scope(
                corpus, user, exchange.ResourceScope(exchange.FOLDER, args.folder))
        if not resources:
            raise ConnecteurError(f"Le dossier « {args.folder} » ne contient aucune ressource.",
                                  hint="Ajoutez-y des ressources ou des sessions entières.")
    elif args.session:
        session = corpus.get(args.session)
        if session.kind != "session":
            raise ConnecteurError(f"« {args.session} » n'est pas une session "
                                  f"({KIND_LABELS.get(session.kind, session.kind).lower()}).",
                                  hint="Exemple : 2020-05-20/s1.")
        resources = exchange.resources_in_scope(
            corpus, None, exchange.ResourceScope(exchange.SESSION, session.id))
    else:
        resources = exchange.resources_in_scope(corpus, None, exchange.ResourceScope())
    text = exchange.citations_text(resources, args.format)
    what = count(len(resources), "ressource exportée", "ressources exportées")
    entries = len(citations(resources))
    if entries != len(resources):  # a bullet may hold several references
        what += f" ({count(entries, 'référence')})"
    _emit(text, args.output, what, is_json=args.format == "csl-json")
    return 0


# --- reset ----------------------------------------------------------------------------

_COUNT_NAMES = {"notes": ("note", "notes"), "highlights": ("surlignage", "surlignages"),
                "stars": ("favori", "favoris"), "tags": ("étiquette", "étiquettes"),
                "folders": ("dossier de formation", "dossiers de formation")}


def run_reset(args: argparse.Namespace) -> int:
    with open_user(args) as user:
        counts = user.counts()
        what = ", ".join(count(n, *_COUNT_NAMES[k]) for k, n in counts.items() if n) or \
            "aucune annotation"
        if not args.yes:
            raise ConnecteurError(f"Rien n'a été effacé. Cette commande efface toutes vos "
                                  f"annotations ({what}) après en avoir fait une sauvegarde.",
                                  hint="Pour confirmer : connecteur reset-annotations --yes")
        made = user.reset_annotations()
    say(f"Annotations effacées ({what}). Sauvegarde faite juste avant : {made}")
    return 0
