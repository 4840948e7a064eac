"""Text or PDF to domain model: pure Python, no Qt, no SQL (pypdf reads PDFs).

The parser's names are imported on first use (PEP 562): the window and most commands
read the library from its database and never parse, and the parser's patterns are a
noticeable share of the start-up time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

_PARSER = ("load_corpus", "parse_text", "read_corpus_text")

__all__ = [
    "About", "AboutBlock", "Event", "FieldSite", "Item", "Lead", "Library", "ParseWarning",
    "Resource", "Session", "Speaker", "Theme", "load_corpus", "parse_text", "read_corpus_text",
]


def __getattr__(name: str) -> Any:
    if name not in _PARSER:
        raise AttributeError(f"module 'connecteur.corpus' has no attribute {name!r}")
    from connecteur.corpus import parser

    value = getattr(parser, name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from connecteur.corpus.parser import load_corpus, parse_text, read_corpus_text
