"""``connecteur search``: the search service from the command line.

Human-readable by default (numbered results, kind in French, reference, excerpt with
the matched words between « », words of the same family between ‹ ›, and why a result
that matched only through its context was found); ``--json`` prints exactly the shape
documented in docs/formats.md, for scripts. Remarks about the query (words ignored,
fallback to any word) go to stderr so that the JSON on stdout stays exactly as documented.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from connecteur import paths
from connecteur.cli.terminal import json_safe, say, terminal_safe
from connecteur.cli.wording import count
from connecteur.corpus import Session
from connecteur.corpus.reference import session_reference
from connecteur.corpus.text import fold
from connecteur.errors import ConnecteurError
from connecteur.search import Hit, SearchResults, SearchService
from connecteur.search.french import KIND_ALIASES, KIND_LABELS, KIND_PLURALS
from connecteur.search.highlight import STEM_MARK_OPEN, plain
from connecteur.search.results import CONTEXT
from connecteur.store import CorpusStore

DEFAULT_LIMIT = 10
STEM_MARKS = ("‹", "›")


def register(subparsers: argparse._SubParsersAction) -> None:
    search = subparsers.add_parser(
        "search", help="cherche dans la bibliothèque (et les notes)",
        usage="connecteur search [--json] [--limit N] [--kind TYPE] [--session ID] [--] "
              "REQUÊTE…",
        description="Cherche dans les sessions, pistes, terrains, ressources, "
                    "intervenant·e·s et notes. Syntaxe : mots (tous requis), "
                    "\"expression exacte\", OU/OR, -mot ou SAUF mot, préfixe*, "
                    "orthographe approchée~, type:piste, -type:ressource, "
                    "session:2020-05-20/s1, date:2020-07-03, tag:étiquette (vos "
                    "étiquettes ; tag:\"deux mots\"). Tout ce qui n'est pas une option de "
                    "la commande, écrite en entier, fait partie de la requête "
                    "(crise -covid) ; après --, tout en fait partie.")
    search.free_text = "query"
    search.add_argument("query", nargs="*", metavar="REQUÊTE",
                        help="mots cherchés, tels que vous les tapez")
    search.add_argument("--json", action="store_true", help="sortie JSON")
    search.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                        help=f"nombre de résultats affichés (par défaut {DEFAULT_LIMIT})")
    search.add_argument("--kind", action="append", metavar="TYPE",
                        help="ne garde que ce type (session, piste, terrain, ressource, "
                             "intervenant, note) ; répétable")
    search.add_argument("--session", action="append", metavar="ID",
                        help="ne garde que cette session (ex. 2020-05-20/s1) ; répétable")
    search.set_defaults(run=run_search, free_text="query")


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


@contextmanager
def user_layer(store: CorpusStore, service: SearchService) -> Iterator[None]:
    """While open: the index holds the trainer's current notes, and ``tag:`` finds
    their tags. Without a user database, no note and no tag."""
    if not paths.user_db_path().is_file():
        yield
        return
    from connecteur.store import UserStore

    try:
        user = UserStore.open(store, backup=False)
    except ConnecteurError as exc:
        say(f"Remarque : notes et étiquettes non consultées ({exc.message})",
            file=sys.stderr)
        yield
        return
    with user:
        try:
            service.sync_notes(user.searchable_notes())
        except ConnecteurError as exc:
            say(f"Remarque : notes non consultées ({exc.message})", file=sys.stderr)
        service.use_tags(user.tags.item_ids)
        try:
            yield
        finally:
            service.use_tags(None)


def run_search(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise ConnecteurError("--limit doit être un nombre entier positif.")
    store = CorpusStore.open(getattr(args, "db", None))
    service = open_service(store)
    try:
        with user_layer(store, service):
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
        say("\n".join(as_text(results, store,
                               filtered=bool(args.kind or getattr(args, "session", None)))))
    return 0


def as_json(results: SearchResults) -> dict:
    """The documented shape (docs/formats.md, "La recherche"): each hit also says what
    the query matched (``matched_in``) and how (``match``: exact, stem, context), and
    ``hidden`` how many results the kind and session filters hide."""
    return {
        "query": results.query,
        "total": results.total,
        "suggestion": results.suggestion,
        "facets": results.facets,
        "hits": [{"id": h.id, "kind": h.kind, "date": h.date, "session": h.session,
                  "text": h.text, "highlight": h.highlight, "score": h.score,
                  "matched_in": list(h.matched_in), "match": h.match}
                 for h in results.hits],
        "hidden": results.hidden,
    }


def _count_phrase(total: int, query: str) -> str:
    if total == 0:
        return f"Aucun résultat pour « {terminal_safe(query)} »."
    return f"{count(total, 'résultat')} pour « {terminal_safe(query)} »"


def _why(hit: Hit, store: CorpusStore) -> str | None:
    """Why a hit was found, when its excerpt cannot show it."""
    if hit.match == CONTEXT:
        places = []
        for part in hit.matched_in:
            if part == "session_title":
                session = store.find(hit.session_id) if hit.session_id else None
                places.append(f"la session « {getattr(session, 'title', '')} »")
            elif part == "theme":
                places.append(f"l'intertitre « {hit.title} »")
            elif part == "item":
                places.append(f"l'élément annoté « {hit.title} »")
        if places:
            where = " et ".join(places)
            if "text" in hit.matched_in:
                return f"(certains mots trouvés seulement dans {where})"
            return f"(trouvé dans {where}, pas dans le texte)"
    if hit.matched_in == ("title",):
        return "(trouvé dans le titre de la session)"
    return None


def as_text(results: SearchResults, store: CorpusStore, *, filtered: bool = False) -> list[str]:
    """Numbered hits; ``filtered``: --kind or --session narrowed them (then the footer
    says how many results they hide; a filter typed in the query is what was asked)."""
    lines = [_count_phrase(results.total, results.query)]
    if results.total > len(results.hits):
        shown = count(len(results.hits), "premier affiché", "premiers affichés")
        lines[0] += f" ({shown} ; --limit pour en voir plus)"
    if results.suggestion:
        lines.append(f"Vouliez-vous dire : « {results.suggestion} » ?")
    for rank, hit in enumerate(results.hits, start=1):
        session = store.find(hit.session_id) if hit.session_id else None
        where = session_reference(session) if isinstance(session, Session) else hit.date
        label = KIND_LABELS.get(hit.kind, hit.kind)
        lines += ["", f"{rank:>2}. {label[:1].upper()}{label[1:]} — {where}"]
        if hit.title and hit.kind not in ("session", "speaker") and \
                (not isinstance(session, Session) or hit.title != session.title):
            lines.append(f"    {terminal_safe(hit.title)}")
        excerpt = " ".join(plain(hit.highlight, stem_marks=STEM_MARKS).split())
        lines.append(f"    {terminal_safe(excerpt)}")
        why = _why(hit, store)
        if why:
            lines.append(f"    {terminal_safe(why)}")
        lines.append(f"    [{hit.target_id}]")
    return lines + _footer(results, filtered)


def _footer(results: SearchResults, filtered: bool) -> list[str]:
    lines = []
    by_kind = results.facets.get("kind") or {}
    # The kind facet ignores the kind filter (what a filter bar shows beside each
    # choice): it describes these results only when no kind filter narrowed them.
    if results.total and sum(by_kind.values()) == results.total:
        counts = ", ".join(count(n, KIND_LABELS.get(k, k), KIND_PLURALS.get(k))
                           for k, n in by_kind.items())
        lines.append(f"Par type : {counts}.")
    hidden = _hidden_phrase(results.hidden) if filtered else None
    if hidden:
        lines.append(hidden)
    if any(STEM_MARK_OPEN in hit.highlight for hit in results.hits):
        lines.append(f"{STEM_MARKS[0]} {STEM_MARKS[1]} : mot de la même famille que le mot "
                     "cherché.")
    return ["", *lines] if lines else []


def _hidden_phrase(hidden: dict[str, int]) -> str | None:
    """« 12 résultats masqués par le filtre de type. » (None when nothing is hidden)."""
    total = hidden.get("all", 0)
    if not total:
        return None
    masked = count(total, "résultat masqué", "résultats masqués")
    kind, session = hidden.get("kind", 0), hidden.get("session", 0)
    if kind and not session and kind == total:
        return f"{masked} par le filtre de type."
    if session and not kind and session == total:
        return f"{masked} par le filtre de session."
    return f"{masked} par les filtres (type : {kind} ; session : {session})."
