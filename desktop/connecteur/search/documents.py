"""Library items and notes as index documents (plain dicts of field values).

Each document carries its own text (``body``; and again unstemmed, with its web
addresses' host and path words, in ``exact``), the words around it (``context``),
and the stored values a result list shows.
"""

from __future__ import annotations

from collections.abc import Iterator

from connecteur.corpus import FieldSite, Item, Lead, Library, Resource, Session, Speaker, Theme
from connecteur.corpus.ids import ID_PATTERN, session_of
from connecteur.corpus.text import find_urls
from connecteur.search.analysis import url_words, without_urls

Document = dict[str, object]


def without_none(doc: Document) -> Document:
    """The fields Whoosh should see (it refuses None values)."""
    return {key: value for key, value in doc.items() if value is not None}


def item_label(item: Item, session: Session | None) -> str:
    """The short label a result list shows beside an item's text."""
    if isinstance(item, Lead):
        return f"{item.part} › {item.theme}" if item.part else item.theme
    if isinstance(item, Theme):
        return f"{item.part} › {item.title}" if item.part else item.title
    if isinstance(item, Speaker):
        return item.name
    if isinstance(item, Session):
        return item.title
    if session is not None:
        return session.title
    return getattr(item, "title", "")


def document(item_id: str, kind: str, session: Session | None, title: str, text: str,
             *, context: str = "", urls: tuple[str, ...] = (),
             target_id: str | None = None) -> Document:
    """One index document from its parts (also used to index synthetic libraries in
    the benchmark)."""
    own = without_urls(text)
    links = url_words(urls or tuple(u.url for u in find_urls(text)))
    doc: Document = {
        "id": item_id, "kind": kind, "target_id": target_id or item_id,
        "title": title, "text": text, "body": own,
        "exact": f"{own}\n{links}" if links else own,
        "number": session.number if session else None,
    }
    if session is not None:
        doc.update(session_id=session.id, date=session.date)
    if context:
        doc["context"] = context
    return doc


def _item_document(item: Item, session: Session) -> Document | None:
    label = item_label(item, session)
    if isinstance(item, Session):
        doc = document(item.id, "session", session, label, item.introduction)
        doc["body"], doc["exact"] = (f"{item.title}\n{doc[name]}" for name in ("body", "exact"))
        return doc
    if isinstance(item, Lead):
        return document(item.id, "lead", session, label, item.text,
                         context=f"{label}\n{session.title}")
    if isinstance(item, FieldSite | Resource):
        return document(item.id, item.kind, session, label, item.text, urls=item.urls)
    if isinstance(item, Speaker):
        return document(item.id, "speaker", session, label, item.text)
    return None  # themes are searched through their leads


def library_documents(library: Library) -> Iterator[Document]:
    """One document per session, lead, field site, resource and speaker."""
    for session in library.sessions:
        for item in _items_of(session):
            doc = _item_document(item, session)
            if doc is not None:
                yield doc


def _items_of(session: Session) -> Iterator[Item]:
    yield session
    for theme in session.themes:
        yield from theme.leads
    yield from session.field_sites
    yield from session.resources
    yield from session.speakers


def note_document(note_id: str, item_id: str, text: str, item: object | None,
                  session: Session | None) -> Document:
    """A trainer's note: its own text, found under the item it annotates."""
    label = item_label(item, session) if item is not None else ""  # type: ignore[arg-type]
    doc = document(note_id, "note", session, label, text, context=label, target_id=item_id)
    if session is None:
        match = ID_PATTERN.match(item_id)
        if match:
            doc["date"] = match["event"]
        sid = session_of(item_id)
        if sid:
            doc["session_id"] = sid
    return doc
