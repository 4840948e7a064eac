"""Text or PDF to domain model: pure Python, no Qt, no SQL (pypdf reads PDFs)."""

from connecteur.corpus.model import (
    About,
    AboutBlock,
    Event,
    FieldSite,
    Item,
    Lead,
    Library,
    ParseWarning,
    Resource,
    Session,
    Speaker,
    Theme,
)
from connecteur.corpus.parser import load_corpus, parse_text, read_corpus_text

__all__ = [
    "About", "AboutBlock", "Event", "FieldSite", "Item", "Lead", "Library", "ParseWarning",
    "Resource", "Session", "Speaker", "Theme", "load_corpus", "parse_text", "read_corpus_text",
]
