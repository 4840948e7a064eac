"""``stats``, ``show``, ``export`` and ``build``: the library from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from connecteur import paths
from connecteur.cli.terminal import json_safe, say
from connecteur.cli.wording import count
from connecteur.corpus import Event, FieldSite, Lead, Resource, Session, Speaker, Theme, load_corpus
from connecteur.corpus.counts import COUNT_LABELS, session_counts
from connecteur.corpus.export import library_dict, library_markdown
from connecteur.corpus.reference import session_reference
from connecteur.fileio import write_atomically
from connecteur.store import CorpusStore, build_database, schema_sql, text_fingerprint


def open_store(args: argparse.Namespace) -> CorpusStore:
    return CorpusStore.open(getattr(args, "db", None))


def register(subparsers: argparse._SubParsersAction) -> None:
    stats = subparsers.add_parser("stats", help="compte les éléments de chaque session")
    stats.add_argument("--json", action="store_true", help="sortie JSON")
    stats.add_argument("--warnings", action="store_true",
                       help="liste aussi ce que le texte source a de douteux")
    stats.set_defaults(run=run_stats)

    show = subparsers.add_parser("show", help="affiche un élément (session, piste, …)")
    show.add_argument("id", metavar="ID", help="identifiant, par ex. 2020-05-20/s1/lead/03")
    show.set_defaults(run=run_show)

    export = subparsers.add_parser("export", help="exporte toute la bibliothèque")
    export.add_argument("--format", choices=("json", "markdown"), default="json",
                        help="json (par défaut) ou markdown")
    export.add_argument("-o", "--output", metavar="FICHIER", type=Path,
                        help="écrit dans ce fichier au lieu de la sortie standard")
    export.set_defaults(run=run_export)

    build = subparsers.add_parser("build", help="reconstruit la base du corpus depuis le texte")
    build.add_argument("--corpus", metavar="TEXTE", type=Path,
                       help="texte source (par défaut : celui de resources/)")
    build.add_argument("-o", "--output", metavar="FICHIER", type=Path,
                       help="base à écrire (par défaut : la base livrée, db/connecteur.db)")
    build.set_defaults(run=run_build)


# --- stats ------------------------------------------------------------------------------

_COLUMNS = COUNT_LABELS


def session_table(rows: list[dict], title_width: int = 46) -> list[str]:
    """Sessions as a table: date, number, title and the counts of each (then the total)."""
    totals = {key: sum(r[key] for r in rows) for key, _ in _COLUMNS}
    out = [f"{'Date':<11}{'N°':>3}  {'Titre':<{title_width}}" + "".join(
        f"{label:>{len(label) + 2}}" for _, label in _COLUMNS)]
    for row in rows:
        title = row["title"] if len(row["title"]) <= title_width - 2 else \
            row["title"][:title_width - 3] + "…"
        out.append(f"{row['date']:<11}{row['number']:>3}  {title:<{title_width}}" + "".join(
            f"{row[key]:>{len(label) + 2}}" for key, label in _COLUMNS))
    out.append(f"{'Total':<{11 + 3 + 2 + title_width}}" + "".join(
        f"{totals[key]:>{len(label) + 2}}" for key, label in _COLUMNS))
    return out


def session_rows(sessions: tuple[Session, ...]) -> list[dict]:
    return [{"id": s.id, "date": s.date, "number": s.number, "title": s.title,
             **session_counts(s)} for s in sessions]


def run_stats(args: argparse.Namespace) -> int:
    store = open_store(args)
    rows = session_rows(store.sessions)
    totals = {key: sum(r[key] for r in rows) for key, _ in _COLUMNS}
    warnings = [{"line": w.line, "message": w.message} for w in store.library.warnings]
    documents = [{"id": d.id, "name": d.name, "kind": d.kind, "dates": list(d.dates),
                  "imported": d.imported, "warnings": [str(n) for n in d.notes]}
                 for d in store.documents]
    if args.json:
        sys.stdout.write(json_safe(json.dumps(
            {"events": len(store.events), "sessions": rows, "totals": totals,
             "warnings": warnings, "documents": documents},
            ensure_ascii=False, indent=2)) + "\n")
        return 0
    name = "Connecteur Recherche 2020" if not documents else "Bibliothèque"
    extra = (f" (dont {count(len(documents), 'document importé', 'documents importés')})"
             if documents else "")
    say(f"{name} — {count(len(store.events), 'journée')}, "
        f"{count(len(rows), 'session')}{extra}\n")
    say("\n".join(session_table(rows)))
    for notice in store.notices:
        say(f"\nRemarque : {notice}")
    if warnings and args.warnings:
        say("\nÀ vérifier dans le texte source :")
        for w in warnings:
            say(f"  ligne {w['line']} : {w['message']}")
    elif warnings:
        say(f"\n{count(len(warnings), 'point', 'points')} du texte source à vérifier "
              "(connecteur stats --warnings).")
    for document in documents if args.warnings else ():
        if document["warnings"]:
            print(f"\nÀ vérifier dans « {document['name']} » :")
            print("\n".join(f"  {w}" for w in document["warnings"]))
    return 0


# --- show -------------------------------------------------------------------------------

def _lines_session(session: Session) -> list[str]:
    out = [session_reference(session), session.id, "", session.introduction, ""]
    out.append(f"PISTES DE RÉFLEXION ({len(session.leads)})")
    for theme in session.themes:
        out += _lines_theme(theme, indent="  ")
    if session.field_sites:
        out += ["", f"TERRAINS ({len(session.field_sites)})"]
        out += [line for f in session.field_sites for line in _bullet(f.text, f.id)]
    if session.resources:
        out += ["", f"RESSOURCES ({len(session.resources)})"]
        out += [line for r in session.resources for line in _bullet(r.text, r.id)]
    if session.speakers:
        out += ["", f"INTERVENANT·E·S ({len(session.speakers)})"]
        out += [f"  • {s.text}  [{s.id}]" for s in session.speakers]
    return out


def _bullet(text: str, identifier: str, indent: str = "  ") -> list[str]:
    first, *rest = text.split("\n")
    return [f"{indent}→ {first}  [{identifier}]", *(f"{indent}    {line}" for line in rest)]


def _lines_theme(theme: Theme, indent: str = "") -> list[str]:
    head = f"{theme.part} › {theme.title}" if theme.part else theme.title
    return [f"{indent}{head}  [{theme.id}]",
            *(line for lead in theme.leads for line in _bullet(lead.text, lead.id, indent + "  "))]


def describe(store: CorpusStore, identifier: str) -> list[str]:
    """Human-readable lines for one item, with its place in the library."""
    item = store.get(identifier)
    if isinstance(item, Event):
        return [item.title, item.id, ""] + [
            f"  Session {s.number} — {s.title}  [{s.id}]" for s in item.sessions]
    if isinstance(item, Session):
        return _lines_session(item)
    session = store.session_of(item)
    out = [session_reference(session)]
    if isinstance(item, Theme):
        return [*out, "", *_lines_theme(item)]
    if isinstance(item, Lead):
        where = f"{item.part} › {item.theme}" if item.part else item.theme
        out += [f"Piste de réflexion — {where}", item.id, "", item.text]
    elif isinstance(item, FieldSite):
        out += ["Terrain", item.id, "", item.text]
    elif isinstance(item, Resource):
        out += ["Ressource", item.id, "", item.text]
    elif isinstance(item, Speaker):
        out += ["Intervenant·e", item.id, "", item.name]
        out += [item.affiliation] if item.affiliation else []
    urls = getattr(item, "urls", ())
    if urls:
        out += ["", "Liens :"] + [f"  {url}" for url in urls]
    return out


def run_show(args: argparse.Namespace) -> int:
    say("\n".join(describe(open_store(args), args.id)))
    return 0


# --- export -----------------------------------------------------------------------------

def run_export(args: argparse.Namespace) -> int:
    library = open_store(args).library
    if args.format == "json":
        text = json.dumps(library_dict(library), ensure_ascii=False, indent=2) + "\n"
    else:
        text = library_markdown(library)
    if args.output:
        write_atomically(args.output, text)
        say(f"Bibliothèque exportée dans {args.output}.", file=sys.stderr)
    elif args.format == "json":
        sys.stdout.write(json_safe(text))
    else:
        say(text, end="")
    return 0


# --- build ------------------------------------------------------------------------------

def run_build(args: argparse.Namespace) -> int:
    source = args.corpus or paths.corpus_text_path()
    target = args.output or paths.bundled_db_path()
    library = load_corpus(source)
    text = source.read_text(encoding="utf-8")
    build_database(library, text, target)
    if target.resolve() == paths.bundled_db_path().resolve():
        write_atomically(paths.schema_sql_path(), schema_sql(target))
    counts = [session_counts(s) for s in library.sessions]
    say(f"Base écrite : {target}")
    say(f"  {len(library.events)} journées, {len(counts)} sessions, "
          f"{sum(c['leads'] for c in counts)} pistes, "
          f"{sum(c['field_sites'] for c in counts)} terrains, "
          f"{sum(c['resources'] for c in counts)} ressources, "
          f"{sum(c['speakers'] for c in counts)} intervenant·e·s")
    say(f"  empreinte du texte : {text_fingerprint(text)[:16]}…")
    for warning in library.warnings:
        say(f"  à vérifier, ligne {warning.line} : {warning.message}")
    return 0

