"""New documents from the command line: ``import FILE`` (when FILE is a PDF or a text,
see ``user_commands.run_import``), ``remove-document DATE`` and ``documents``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from connecteur.app.documents import (
    DocumentPreview,
    ImportOutcome,
    RemovalOutcome,
    import_document,
    preview_document,
    remove_document,
)
from connecteur.cli.library_commands import open_store, session_rows, session_table
from connecteur.cli.terminal import one_line as safe
from connecteur.cli.terminal import say
from connecteur.cli.wording import count
from connecteur.corpus.reference import french_date


def register(subparsers: argparse._SubParsersAction) -> None:
    remove = subparsers.add_parser(
        "remove-document", help="retire un document importé de la bibliothèque",
        description="Retire le document importé qui contient cette journée (toutes ses "
                    "journées). Vos annotations sur ce document deviennent orphelines ; elles "
                    "retrouvent leur place s'il est importé de nouveau.")
    remove.add_argument("date", metavar="DATE", help="une journée du document, ex. 2020-10-09")
    remove.set_defaults(run=run_remove)
    listing = subparsers.add_parser("documents", help="liste les documents importés")
    listing.set_defaults(run=run_documents)


# --- import ---------------------------------------------------------------------------------

def _source_line(preview: DocumentPreview) -> str:
    source = preview.document.source
    what = f"PDF, {count(source.pages, 'page')}" if source.kind == "pdf" else \
        f"texte {source.encoding}"
    return f"Document : {safe(source.name)} ({what})"


def preview_lines(preview: DocumentPreview, conflicts: bool = True) -> list[str]:
    """What a document holds and what importing it would do, in French."""
    events = preview.library.events
    days = ", ".join(f"{french_date(e.date)} ({count(len(e.sessions), 'session')})"
                     for e in events)
    out = [_source_line(preview), f"Journées : {days}", ""]
    out += [safe(line) for line in session_table(session_rows(preview.sessions))]
    if preview.notes:
        out += ["", f"À vérifier ({len(preview.notes)}) :"]
        out += [f"  {safe(str(note))}" for note in preview.notes]
    if preview.unchanged and conflicts:
        out += ["", "Ce document est déjà dans la bibliothèque, à l'identique."]
    elif preview.conflicts and conflicts:
        out += ["", "Déjà dans la bibliothèque :"]
        out += [f"  {safe(c.sentence)}" for c in preview.conflicts]
    return out


def outcome_lines(outcome: ImportOutcome) -> list[str]:
    preview = outcome.preview
    if not outcome.changed:
        return [_source_line(preview), "Déjà dans la bibliothèque, à l'identique : rien n'a "
                "changé."]
    totals = preview.totals
    out = preview_lines(preview, conflicts=False)
    out += ["", "Ajouté à la bibliothèque : " + ", ".join((
        count(len(preview.library.events), "journée"), count(len(preview.sessions), "session"),
        count(totals["leads"], "piste"), count(totals["field_sites"], "terrain"),
        count(totals["resources"], "ressource"),
        count(totals["speakers"], "intervenant·e", "intervenant·e·s"))) + "."]
    out += [f"Remplace le document « {safe(d.name)} » (importé le "
            f"{french_date(d.imported[:10])})." for d in outcome.replaced]
    if outcome.anchoring is not None and outcome.anchoring.summary():
        out.append(outcome.anchoring.summary())
    if outcome.indexed is not None:
        out.append(f"Recherche : {count(outcome.indexed, 'élément indexé')}.")
    out += list(outcome.notes)
    out.append(f"({outcome.seconds:.1f} s)".replace(".", ","))
    return out


def run_document_import(args: argparse.Namespace) -> int:
    """``connecteur import FILE`` for a PDF or a text document."""
    corpus = open_store(args)
    if args.dry_run:
        preview = preview_document(Path(args.file), corpus=corpus)
        say("\n".join(preview_lines(preview)))
        say("\nRien n'a été écrit (--dry-run).")
        return 0
    outcome = import_document(Path(args.file), replace=args.replace, corpus=corpus)
    say("\n".join(outcome_lines(outcome)))
    return 0


# --- remove, list ---------------------------------------------------------------------------

def removal_lines(outcome: RemovalOutcome) -> list[str]:
    document = outcome.document
    days = ", ".join(french_date(d) for d in document.dates)
    out = [f"Document retiré : « {safe(document.name)} » ({days})."]
    if outcome.orphans:
        orphans = count(outcome.orphans, "annotation devenue orpheline",
                        "annotations devenues orphelines")
        again = "elle retrouvera sa" if outcome.orphans == 1 else "elles retrouveront leur"
        out.append(f"{orphans} (gardée{'s' if outcome.orphans > 1 else ''} dans « Annotations "
                   f"orphelines ») : {again} place si le document est importé de nouveau.")
    out += list(outcome.notes)
    return out


def run_remove(args: argparse.Namespace) -> int:
    outcome = remove_document(args.date, corpus=open_store(args))
    say("\n".join(removal_lines(outcome)))
    return 0


def run_documents(args: argparse.Namespace) -> int:
    store = open_store(args)
    for notice in store.notices:
        say(f"connecteur : {notice}", file=sys.stderr)
    if not store.documents:
        say("Aucun document importé : la bibliothèque contient le corpus livré.")
        return 0
    say(f"{count(len(store.documents), 'document importé')} :")
    for document in store.documents:
        sessions = sum(len(e.sessions) for e in store.events
                       if store.document_of(e) is document)
        days = ", ".join(french_date(d) for d in document.dates)
        say(f"  {document.id}  {safe(document.name)} — {days} — {count(sessions, 'session')}, "
              f"importé le {french_date(document.imported[:10])}")
    return 0
