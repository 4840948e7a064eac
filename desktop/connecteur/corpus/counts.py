"""How much a session holds: what ``stats``, an import's preview and its report count."""

from __future__ import annotations

from connecteur.corpus.model import Session

# (key, French column label), in the order the tables show them.
COUNT_LABELS = (("themes", "Intertitres"), ("leads", "Pistes"), ("field_sites", "Terrains"),
                ("resources", "Ressources"), ("urls", "Liens"),
                ("speakers", "Intervenant·e·s"))


def session_counts(session: Session) -> dict[str, int]:
    return {
        "themes": len(session.themes), "leads": len(session.leads),
        "field_sites": len(session.field_sites), "resources": len(session.resources),
        "urls": sum(len(x.urls) for x in (*session.field_sites, *session.resources)),
        "speakers": len(session.speakers),
    }


def totals(counts: list[dict[str, int]]) -> dict[str, int]:
    return {key: sum(c[key] for c in counts) for key, _ in COUNT_LABELS}
