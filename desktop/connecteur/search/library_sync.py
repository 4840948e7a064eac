"""Keeping the index in step with the trainer's imported documents, without a rebuild.

The index is built for the bundled text (its manifest's ``corpus``); the documents a
trainer imports come and go on top of it. The manifest lists them too (``imported``:
their ID, content digest and meeting dates), so that opening the index compares that
list with the library's and only adds what was imported, and deletes what was removed
or replaced — a few hundred index documents, a fraction of a second each — instead of
rebuilding everything on every start.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from whoosh import query as wq

from connecteur.corpus import Library
from connecteur.fileio import write_atomically
from connecteur.search import index_files
from connecteur.search.documents import library_documents, without_none

if TYPE_CHECKING:
    from connecteur.store import CorpusStore

log = logging.getLogger(__name__)

LIBRARY_KINDS = ("session", "lead", "field_site", "resource", "speaker")
MANIFEST_KEY = "imported"


@dataclass(frozen=True)
class DocumentChange:
    """What an index must change to match a library: dates whose items go, documents
    whose items come."""

    stale_dates: tuple[str, ...]
    fresh: tuple[str, ...]  # imported document IDs

    @property
    def empty(self) -> bool:
        return not self.stale_dates and not self.fresh


def listing(store: CorpusStore) -> dict[str, dict]:
    """The manifest's view of a library's imported documents."""
    return {d.id: {"content": d.content_sha256, "dates": list(d.dates)}
            for d in getattr(store, "documents", ())}


def indexed_listing(directory: Path) -> dict[str, dict]:
    try:
        found = index_files.read_manifest(directory).get(MANIFEST_KEY, {})
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def change_for(indexed: dict[str, dict], store: CorpusStore) -> DocumentChange:
    wanted = listing(store)
    stale = [doc for doc, entry in indexed.items() if wanted.get(doc) != entry]
    fresh = [doc for doc, entry in wanted.items() if indexed.get(doc) != entry]
    dates = [date for doc in stale for date in indexed[doc].get("dates", [])
             if isinstance(date, str)]
    return DocumentChange(tuple(dict.fromkeys(dates)), tuple(fresh))


def _items_of(store: CorpusStore, document_ids: Iterable[str]) -> list[dict]:
    wanted = set(document_ids)
    events = tuple(e for e in store.library.events
                   if (doc := store.document_of(e)) is not None and doc.id in wanted)
    return list(library_documents(Library(store.library.about, events)))


def apply(ix, store: CorpusStore, change: DocumentChange, timeout: float = 2.0) -> int:
    """Delete the stale dates' items and add the fresh documents' items in one commit;
    returns how many index documents were added. Adding replaces a document of the
    same ID (``update_document``): two processes following the same import (the
    command line and an open window) cannot index an item twice."""
    added = _items_of(store, change.fresh)
    writer = ix.writer(timeout=timeout)
    try:
        for date in change.stale_dates:
            writer.delete_by_query(wq.And([
                wq.Term("date", date), wq.Or([wq.Term("kind", k) for k in LIBRARY_KINDS])]))
        for doc in added:
            writer.update_document(**without_none(doc))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    return len(added)


def record(directory: Path, store: CorpusStore) -> None:
    """Write in the manifest which imported documents the index now holds."""
    manifest = index_files.read_manifest(directory)
    manifest[MANIFEST_KEY] = listing(store)
    write_atomically(directory / index_files.MANIFEST, json.dumps(manifest, indent=2) + "\n")
