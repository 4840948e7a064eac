"""``connecteur related ID``: « Voir aussi » from the command line — the leads, field
sites and resources of other sessions that speak of the same things as an item, each
with what they share. ``--json`` prints the shape documented in docs/formats.md."""

from __future__ import annotations

import argparse
import json
import sys

from connecteur.cli.search_command import open_service
from connecteur.cli.terminal import terminal_safe
from connecteur.cli.wording import count
from connecteur.corpus import Session
from connecteur.corpus.reference import session_reference
from connecteur.errors import ConnecteurError
from connecteur.search.french import KIND_LABELS
from connecteur.search.highlight import plain
from connecteur.search.results import RelatedHit
from connecteur.store import CorpusStore

DEFAULT_LIMIT = 10
MAX_LIMIT = 100


def register(subparsers: argparse._SubParsersAction) -> None:
    related = subparsers.add_parser(
        "related", help="éléments liés à un élément (« Voir aussi »)",
        description="Les pistes, terrains et ressources qui parlent des mêmes choses "
                    "qu'un élément, ceux des autres sessions d'abord, avec les mots "
                    "qu'ils ont en commun.")
    related.add_argument("id", metavar="ID",
                         help="identifiant, par ex. 2020-05-20/s1/lead/03")
    related.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                         help=f"nombre d'éléments affichés (par défaut {DEFAULT_LIMIT}, "
                              f"au plus {MAX_LIMIT})")
    related.add_argument("--json", action="store_true", help="sortie JSON")
    related.set_defaults(run=run_related)


def run_related(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= MAX_LIMIT:
        raise ConnecteurError(f"--limit doit être un nombre entier entre 1 et {MAX_LIMIT}.")
    store = CorpusStore.open(getattr(args, "db", None))
    item = store.get(args.id)  # a French error for a malformed or unknown ID
    if item.kind == "event":
        raise ConnecteurError(f"« {terminal_safe(args.id)} » est une journée entière : donnez une "
                              "session ou un élément.",
                              hint="Exemple : connecteur related 2020-05-20/s1/lead/03")
    service = open_service(store)
    try:
        hits = service.related(item.id, limit=args.limit)
    finally:
        service.close()
    if args.json:
        json.dump(as_json(item.id, hits), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print("\n".join(as_text(item, hits, store)))
    return 0


def as_json(item_id: str, hits: list[RelatedHit]) -> dict:
    """The documented shape (docs/formats.md, "Les éléments apparentés")."""
    return {"id": item_id,
            "hits": [{"id": h.id, "kind": h.kind, "date": h.date, "session": h.session,
                      "text": h.text, "reason": h.reason, "score": h.score}
                     for h in hits]}


def _title(item: object) -> str:
    text = " ".join(str(getattr(item, "text", "") or getattr(item, "title", "")).split())
    return text if len(text) <= 80 else text[:79].rstrip() + "…"


def as_text(item: object, hits: list[RelatedHit], store: CorpusStore) -> list[str]:
    head = f"« {terminal_safe(_title(item))} » [{getattr(item, 'id', '')}]"
    if not hits:
        return [f"Aucun élément lié à {head}."]
    lines = [f"{count(len(hits), 'élément lié', 'éléments liés')} à {head} :"]
    for rank, hit in enumerate(hits, start=1):
        session = store.find(hit.session_id) if hit.session_id else None
        where = session_reference(session) if isinstance(session, Session) else hit.date
        label = KIND_LABELS.get(hit.kind, hit.kind)
        excerpt = " ".join(plain(hit.highlight).split())
        lines += ["", f"{rank:>2}. {label[:1].upper()}{label[1:]} — {where}",
                  f"    {terminal_safe(excerpt)}"]
        if hit.reason:
            lines.append(f"    {terminal_safe(hit.reason)}")
        lines.append(f"    [{hit.id}]")
    return lines

