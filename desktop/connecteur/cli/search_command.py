"""``connecteur search``: the search service from the command line.

Human-readable by default (numbered results, kind in French, reference, excerpt with
the matched words between « »); ``--json`` prints exactly the shape of the design
notes, for scripts. Remarks about the query (words ignored, fallback to any word) go
to stderr so that the JSON on stdout stays exactly as documented.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from connecteur import paths
from connecteur.cli.terminal import json_safe, say
from connecteur.corpus import Session
from connecteur.corpus.reference import session_reference
from connecteur.corpus.text import fold
from connecteur.errors import ConnecteurError
from connecteur.search import SearchResults, SearchService
from connecteur.search.french import KIND_ALIASES, KIND_LABELS
from connecteur.search.highlight import plain
from connecteur.store import CorpusStore

DEFAULT_LIMIT = 10


def register(subparsers: argparse._SubParsersAction) -> None:
    search = subparsers.add_parser(
        "search", help="cherche dans la bibliothèque (et les notes)",
        description="Cherche dans les sessions, pistes, terrains, ressources, "
                    "intervenant·e·s et notes. Syntaxe : mots (tous requis), "
                    "\"expression exacte\", OU/OR, -mot ou SAUF mot, préfixe*, "
                    "orthographe approchée~, type:piste, session:2020-05-20/s1, "
                    "date:2020-07-03.")
    search.add_argument("query", nargs="+", metavar="REQUÊTE",
                        help="mots cherchés (réunis par des espaces)")
    search.add_argument("--json", action="store_true", help="sortie JSON")
    search.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                        help=f"nombre de résultats affichés (par défaut {DEFAULT_LIMIT})")
    search.add_argument("--kind", action="append", metavar="TYPE",
                        help="ne garde que ce type (session, piste, terrain, ressource, "
                             "intervenant, note) ; répétable")
    search.add_argument("--session", action="append", metavar="ID",
                        help="ne garde que cette session (ex. 2020-05-20/s1) ; répétable")
    search.set_defaults(run=run_search)


def _kinds(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    kinds = []
    for value in values:
        kind = KIND_ALIASES.get(fold(value))
        if kind is None:
            raise ConnecteurError(f"Type inconnu : « {value} ».",
                                  hint="Types : session, piste, terrain, ressource, "
                                       "intervenant, note.")
        kinds.append(kind)
    return kinds


def open_service(store: CorpusStore) -> SearchService:
    """The service, saying on stderr when the index has to be (re)built first."""
    state = SearchService.check(store)
    if state.usable:
        return SearchService.open(store)
    print(f"Construction de l'index de recherche ({state.label})… ", end="", file=sys.stderr,
          flush=True)
    started = time.perf_counter()
    service = SearchService.open(store)
    elapsed = f"{time.perf_counter() - started:.1f}".replace(".", ",")
    where = "" if service.directory is not None else \
        " (gardé en mémoire pour cette fois : le dossier du cache ne peut pas être écrit)"
    print(f"prêt en {elapsed} s{where}.", file=sys.stderr)
    return service


def sync_user_notes(store: CorpusStore, service: SearchService) -> None:
    """Bring the trainer's notes into the index: they may have changed (an import, the
    window) since it last saw them. Without a user database there is nothing to do."""
    if not paths.user_db_path().is_file():
        return
    from connecteur.store import UserStore

    try:
        with UserStore.open(store, backup=False) as user:
            service.sync_notes(user.searchable_notes())
    except ConnecteurError as exc:
        say(f"Remarque : notes non consultées ({exc.message})", file=sys.stderr)


def run_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise ConnecteurError("--limit doit être un nombre entier positif.")
    store = CorpusStore.open(getattr(args, "db", None))
    service = open_service(store)
    try:
        sync_user_notes(store, service)
        results = service.search(" ".join(args.query), kinds=_kinds(args.kind),
                                 sessions=args.session, page_size=args.limit)
    finally:
        service.close()
    for notice in results.notices:
        say(f"Remarque : {notice}", file=sys.stderr)
    if args.json:
        sys.stdout.write(json_safe(json.dumps(as_json(results), ensure_ascii=False,
                                              indent=2)) + "\n")
    else:
        say("\n".join(as_text(results, store)))
    return 0


def as_json(results: SearchResults) -> dict:
    """Exactly the documented shape (see DESIGN.md)."""
    return {
        "query": results.query,
        "total": results.total,
        "suggestion": results.suggestion,
        "facets": results.facets,
        "hits": [{"id": h.id, "kind": h.kind, "date": h.date, "session": h.session,
                  "text": h.text, "highlight": h.highlight, "score": h.score}
                 for h in results.hits],
    }


def _count_phrase(total: int, query: str) -> str:
    if total == 0:
        return f"Aucun résultat pour « {query} »."
    noun = "résultat" if total == 1 else "résultats"
    return f"{total} {noun} pour « {query} »"


def as_text(results: SearchResults, store: CorpusStore) -> list[str]:
    lines = [_count_phrase(results.total, results.query)]
    if results.total > len(results.hits):
        lines[0] += f" ({len(results.hits)} premiers affichés ; --limit pour en voir plus)"
    if results.suggestion:
        lines.append(f"Vouliez-vous dire : « {results.suggestion} » ?")
    for rank, hit in enumerate(results.hits, start=1):
        session = store.find(hit.session_id) if hit.session_id else None
        where = session_reference(session) if isinstance(session, Session) else hit.date
        label = KIND_LABELS.get(hit.kind, hit.kind)
        lines += ["", f"{rank:>2}. {label[:1].upper()}{label[1:]} — {where}"]
        if hit.title and hit.kind not in ("session", "speaker") and \
                (not isinstance(session, Session) or hit.title != session.title):
            lines.append(f"    {hit.title}")
        excerpt = " ".join(plain(hit.highlight).split())
        lines += [f"    {excerpt}", f"    [{hit.target_id}]"]
    if results.facets.get("kind"):
        counts = ", ".join(f"{KIND_LABELS.get(k, k)} {n}"
                           for k, n in results.facets["kind"].items())
        lines += ["", f"Par type : {counts}."]
    return lines
