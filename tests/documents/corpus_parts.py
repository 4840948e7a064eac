"""Pieces of the real shipped text, cut and put together as other documents would be:
sessions under another date, renumbered, with a section or the speakers box left out."""

from __future__ import annotations

import re

from connecteur import paths

_SESSION_RE = re.compile(r"^ ?SESSION \d+ – ", re.MULTILINE)
_EVENT_RE = re.compile(r"^ ?CONNECTEUR RECHERCHE – .*$", re.MULTILINE)
_SECTION_RE = re.compile(r"^ ?(PISTES DE RÉFLEXION|TERRAINS|RESSOURCES)\s*$", re.MULTILINE)


def corpus_text() -> str:
    return paths.corpus_text_path().read_text(encoding="utf-8")


def session_texts() -> list[str]:
    """The seven sessions of the shipped text, each from its heading to the next one."""
    text = corpus_text()
    starts = [m.start() for m in _SESSION_RE.finditer(text)]
    chunks = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        chunk = text[start:end]
        day = _EVENT_RE.search(chunk)
        chunks.append(chunk[:day.start()] if day else chunk)
    return chunks


def renumbered(chunk: str, number: int) -> str:
    return _SESSION_RE.sub(f"SESSION {number} – ", chunk, count=1)


def without_section(chunk: str, name: str) -> str:
    """The session without one of its sections (heading and entries)."""
    sections = list(_SECTION_RE.finditer(chunk))
    found = next(m for m in sections if m.group(1) == name)
    following = [m.start() for m in sections if m.start() > found.start()]
    return chunk[:found.start()] + (chunk[following[0]:] if following else "")


def without_speakers(chunk: str) -> str:
    """The session without its speakers box (up to the lead after it)."""
    start = chunk.index("Intervenant.e.s")
    start = chunk.rindex("\n", 0, start) + 1
    end = chunk.index("\n→", start) + 1
    return chunk[:start] + "\n" + chunk[end:]


def document(heading: str, chunks: list[str]) -> str:
    """A text of one meeting day holding ``chunks``, renumbered from 1."""
    body = "".join(renumbered(chunk, n) for n, chunk in enumerate(chunks, start=1))
    return f"{heading}\n\n{body}"
