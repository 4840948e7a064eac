"""The library's resources as BibTeX, RIS and CSL-JSON, for Zotero and the like.

A resource is free text plus URLs, typed by people during a meeting. When the text
reads like a reference — "Gilles Jeannot, Les métiers flous, …", "Loïc Blondiaux,
« La démocratie participative … », Mouvements, 2007" — authors, title, container and
year are taken from it; otherwise the text before the first URL is the title. Nothing
is invented: no year unless the text gives exactly one, no author unless the text
starts with names. Every entry keeps the full original text (abstract), the URLs, the
session where it was cited (note) and that session's date as the access date.
Pure functions: no I/O.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from connecteur.corpus.model import Resource, Session
from connecteur.corpus.reference import session_reference
from connecteur.corpus.text import find_urls

FORMATS = {"bibtex": ".bib", "ris": ".ris", "csl-json": ".json"}
MAX_TITLE = 160

_YEAR = re.compile(r"(?<![\d/])(1[89]\d\d|20\d\d)(?!\d)")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w’'\-]*\.?|[A-ZÀ-ÖØ-Þ]{1,3}\.|d[’']\w+|de|du|des|"
                        r"van|von|da|di|le|la)$")
_PARTICLES = {"de", "du", "des", "van", "von", "da", "di", "le", "la"}
# Capitalised words that start a description, not a person's name.
_NOT_GIVEN_NAMES = {"Rapport", "Projet", "Projets", "Travaux", "Revue", "Article", "Guide",
                    "Ressources", "Plateforme", "Sur", "Le", "La", "Les", "Un", "Une", "Des"}


@dataclass(frozen=True)
class Name:
    given: str
    family: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}".strip()


@dataclass(frozen=True)
class Citation:
    key: str
    resource_id: str
    title: str
    authors: tuple[Name, ...]
    year: int | None
    container: str | None
    urls: tuple[str, ...]
    accessed: str  # ISO date: the session's
    note: str
    text: str

    @property
    def csl_type(self) -> str:
        return "webpage" if self.urls else "document"


# --- reading a resource's text --------------------------------------------------------

def _without_urls(text: str) -> str:
    for found in reversed(find_urls(text)):
        text = text[:found.start] + text[found.end:]
    return text


def _head(text: str) -> str:
    """The text before the first URL, without the punctuation that introduced it."""
    urls = find_urls(text)
    head = text[:urls[0].start] if urls else text
    return head.strip().rstrip(":;,-–—/ ").strip()


def _looks_like_name(segment: str) -> bool:
    words = segment.split()
    if not 2 <= len(words) <= 5 or any(ch in segment for ch in ":()«»\"0123456789"):
        return False
    capitalised = [w for w in words if w not in _PARTICLES]
    return (len(capitalised) >= 2 and words[0] not in _NOT_GIVEN_NAMES
            and all(_NAME_WORD.match(w) for w in words))


def _split_name(full: str) -> Name:
    words = full.split()
    family_start = len(words) - 1
    while family_start > 1 and words[family_start - 1] in _PARTICLES:
        family_start -= 1
    return Name(" ".join(words[:family_start]), " ".join(words[family_start:]))


def _authors(segments: list[str]) -> tuple[list[Name], int]:
    """Leading comma-separated segments that are person names (``et`` joins two), when
    something other than a year follows them (the title)."""
    names: list[Name] = []
    used = 0
    last_title = max((i for i, s in enumerate(segments) if s.strip()
                      and not _YEAR.fullmatch(s.strip())), default=-1)
    for segment in segments[:last_title]:
        parts = [p.strip() for p in re.split(r"\s+et\s+", segment.strip()) if p.strip()]
        parts = [re.sub(r"^et\s+", "", p) for p in parts]
        if not parts or not all(_looks_like_name(p) for p in parts):
            break
        names += [_split_name(p) for p in parts]
        used += 1
    return names, used


def _short_title(title: str) -> str:
    title = title.strip().rstrip(",;:").strip()
    if len(title) <= MAX_TITLE:
        return title
    sentence = re.split(r"(?<=[.?!])\s", title, maxsplit=1)[0]
    if len(sentence) <= MAX_TITLE:
        return sentence.rstrip(".")
    return title[:MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"


def _year(text: str) -> int | None:
    years = set(_YEAR.findall(_without_urls(text)))
    return int(years.pop()) if len(years) == 1 else None


def _quoted(head: str) -> tuple[int, int] | None:
    """The span inside the first « … » of ``head``, nested guillemets included."""
    start = head.find("«")
    depth = 0
    for index in range(start, len(head)) if start >= 0 else ():
        depth += {"«": 1, "»": -1}.get(head[index], 0)
        if depth == 0:
            return start + 1, index
    return None


def _parse(text: str) -> tuple[str, list[Name], str | None]:
    head = _head(text) or text.strip()
    quoted = _quoted(head)
    if quoted:
        names, used = _authors([*head[:quoted[0] - 1].split(","), "«»"])
        if names and used == len(head[:quoted[0] - 1].rstrip(", ").split(",")):
            after = head[quoted[1] + 1:].strip(" ,.:")
            container = after.split(",")[0].strip() or None if after else None
            if container and _YEAR.fullmatch(container):
                container = None
            return _short_title(head[quoted[0]:quoted[1]]), names, container
    segments = head.split(", ")
    names, used = _authors(segments)
    rest = [s for s in segments[used:] if not _YEAR.fullmatch(s.strip())]
    title = ", ".join(rest) if names else head
    return _short_title(title or head), names, None


def citation(resource: Resource, session: Session) -> Citation:
    """What can honestly be said about one resource, ready for any of the formats."""
    title, authors, container = _parse(resource.text)
    urls = tuple(resource.urls)
    note = f"Cité lors de : {session_reference(session)}. connecteur://{resource.id}"
    if len(urls) > 1:
        note += ". Autres liens : " + " ; ".join(urls[1:])
    key = "connecteur-" + re.sub(r"[^0-9A-Za-z]+", "-", resource.id).strip("-")
    return Citation(key, resource.id, title or resource.text, tuple(authors),
                    _year(resource.text), container, urls, session.date, note, resource.text)


def citations(resources: Iterable[tuple[Resource, Session]]) -> list[Citation]:
    return [citation(r, s) for r, s in resources]


# --- BibTeX ----------------------------------------------------------------------------

_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                "^": r"\textasciicircum{}"}


def _bib_text(value: str) -> str:
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in value)


def _bib_url(url: str) -> str:
    """URLs stay verbatim (biblatex reads them so); only unbalanced braces are escaped."""
    return url.replace("{", "%7B").replace("}", "%7D")


def _bib_entry(c: Citation) -> str:
    fields = [("title", "{" + _bib_text(c.title) + "}")]  # double braces keep its case
    if c.authors:
        fields.append(("author", " and ".join(
            _bib_text(f"{a.family}, {a.given}" if a.given else a.family) for a in c.authors)))
    if c.year:
        fields.append(("year", str(c.year)))
    if c.container:
        fields.append(("howpublished", _bib_text(c.container)))
    if c.urls:
        fields += [("url", _bib_url(c.urls[0])), ("urldate", c.accessed)]
    fields += [("note", _bib_text(c.note)), ("abstract", _bib_text(c.text)),
               ("langid", "french")]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{c.key},\n{body}\n}}\n"


def to_bibtex(items: Iterable[Citation]) -> str:
    entries = [_bib_entry(c) for c in items]
    header = "% Ressources du Connecteur Recherche 2020 (exportées par Connecteur)\n\n"
    return header + "\n".join(entries)


# --- RIS --------------------------------------------------------------------------------

def _ris_value(value: str) -> str:
    return " ".join(value.split())  # one line per tag


def _ris_entry(c: Citation) -> str:
    lines = [("TY", "ELEC" if c.urls else "GEN"), ("ID", c.key), ("TI", c.title)]
    lines += [("AU", f"{a.family}, {a.given}" if a.given else a.family) for a in c.authors]
    if c.year:
        lines.append(("PY", str(c.year)))
    if c.container:
        lines.append(("T2", c.container))
    lines += [("UR", url) for url in c.urls]
    if c.urls:
        lines.append(("Y2", c.accessed.replace("-", "/")))
    lines += [("N1", c.note), ("AB", c.text), ("LA", "fr"), ("ER", "")]
    return "\n".join(f"{tag}  - {_ris_value(value)}".rstrip() if tag == "ER"
                     else f"{tag}  - {_ris_value(value)}" for tag, value in lines) + "\n"


def to_ris(items: Iterable[Citation]) -> str:
    return "\n".join(_ris_entry(c) for c in items)


# --- CSL-JSON -----------------------------------------------------------------------------

def _date_parts(iso: str) -> dict:
    return {"date-parts": [[int(p) for p in iso.split("-")]]}


def csl_item(c: Citation) -> dict:
    item: dict = {"id": c.key, "type": c.csl_type, "title": c.title, "language": "fr",
                  "note": c.note, "abstract": c.text}
    if c.authors:
        item["author"] = [{"family": a.family, "given": a.given} if a.given
                          else {"literal": a.family} for a in c.authors]
    if c.year:
        item["issued"] = {"date-parts": [[c.year]]}
    if c.container:
        item["container-title"] = c.container
    if c.urls:
        item["URL"] = c.urls[0]
        item["accessed"] = _date_parts(c.accessed)
    return item


def to_csl_json(items: Iterable[Citation]) -> str:
    return json.dumps([csl_item(c) for c in items], ensure_ascii=False, indent=2) + "\n"


def export_citations(resources: Iterable[tuple[Resource, Session]], fmt: str) -> str:
    """``fmt`` is ``bibtex``, ``ris`` or ``csl-json``."""
    writers = {"bibtex": to_bibtex, "ris": to_ris, "csl-json": to_csl_json}
    if fmt not in writers:
        raise ValueError(f"unknown citation format {fmt!r}")
    return writers[fmt](citations(resources))
