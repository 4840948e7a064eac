"""Helpers for the search tests: expected answers read from the library itself."""

from __future__ import annotations

from connecteur.corpus.text import fold
from connecteur.search import SearchService
from connecteur.store import CorpusStore


def all_ids(service: SearchService, query: str, **options) -> list[str]:
    """Every hit of a query, in rank order."""
    results = service.search(query, page_size=200, **options)
    assert results.total == len(results.hits) or results.total > 200
    return [hit.id for hit in results.hits]


def searchable_items(store: CorpusStore):
    """(id, kind, text) of every indexed item, as the index documents them."""
    for session in store.sessions:
        yield session.id, "session", f"{session.title}\n{session.introduction}"
        for lead in session.leads:
            yield lead.id, "lead", lead.text
        for site in session.field_sites:
            yield site.id, "field_site", site.text
        for resource in session.resources:
            yield resource.id, "resource", resource.text
        for speaker in session.speakers:
            yield speaker.id, "speaker", speaker.text


def ids_containing(store: CorpusStore, *needles: str) -> set[str]:
    """Items whose folded text contains any of the folded needles."""
    wanted = [fold(n) for n in needles]
    return {item_id for item_id, _, text in searchable_items(store)
            if any(n in fold(text) for n in wanted)}
