"""The library's resources as BibTeX, RIS and CSL-JSON, for Zotero and the like.

A resource is free text plus URLs, typed by people during a meeting. A bullet may hold
several references on lines of their own (see the parser): each becomes an entry.
When a reference reads like one — "Gilles Jeannot, Les métiers flous, …", "Loïc
Blondiaux, « La démocratie participative … », Mouvements, 2007/2 (n° 50), p. 118-129"
— authors, title, container, year and type are taken from it; otherwise the text
before the first URL is the title. Nothing is guessed: a field the text does not give
plainly is left out (no year unless the reference gives exactly one, a name whose order
cannot be told is kept whole, an entry is typed as an article, a chapter, a book or a
report only when the reference says so), and no access date is claimed. Every entry
keeps the reference's own text (abstract), its URLs, and where it was cited (note).
Pure functions: no I/O.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from connecteur.corpus.given_names import is_given_name
from connecteur.corpus.model import Resource, Session
from connecteur.corpus.reference import session_reference
from connecteur.corpus.text import find_urls

FORMATS = {"bibtex": ".bib", "ris": ".ris", "csl-json": ".json"}
MAX_TITLE = 160

Kind = Literal["article", "chapter", "book", "report", "webpage", "document"]

_YEAR = re.compile(r"(?<![\d/])(1[89]\d\d|20\d\d)(?!\d)")
_INITIALS = re.compile(r"^[A-ZÀ-ÖØ-Þ]{1,3}\.$")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w’'\-]*|[A-ZÀ-ÖØ-Þ]{1,3}\.|d[’']\w+|de|du|des|"
                        r"van|von|da|di|le|la)$")
_PARTICLES = {"de", "du", "des", "van", "von", "da", "di", "le", "la"}
# Capitalised words that start a description, not a person's name.
_NOT_NAMES = {"Rapport", "Projet", "Projets", "Travaux", "Revue", "Article", "Guide",
              "Ressources", "Plateforme", "Sur", "Le", "La", "Les", "Un", "Une", "Des"}
_ISBN = re.compile(r"97[89]\d{10}")
_ISSUE = re.compile(r"\b(?:n°|vol\.|p\.|pp\.)\s*\d", re.IGNORECASE)
_JOURNAL_WORDS = re.compile(r"^(?:Revue|Journal|Cahiers|Annales|Bulletin)\b")
_REPORT = re.compile(r"\b(?:rapport|livre blanc)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Name:
    given: str
    family: str
    literal: bool = False  # order unknown: the name as written, in one piece

    @property
    def full(self) -> str:
        return self.family if self.literal else f"{self.given} {self.family}".strip()


@dataclass(frozen=True)
class Citation:
    key: str
    resource_id: str
    kind: Kind
    title: str
    authors: tuple[Name, ...]
    year: int | None
    container: str | None  # the journal of an article, the book of a chapter
    urls: tuple[str, ...]
    note: str
    text: str

    @property
    def csl_type(self) -> str:
        return _CSL_TYPES[self.kind]


_CSL_TYPES = {"article": "article-journal", "chapter": "chapter", "book": "book",
              "report": "report", "webpage": "webpage", "document": "document"}


# --- names --------------------------------------------------------------------------------

def _looks_like_name(segment: str) -> bool:
    words = segment.split()
    if not 2 <= len(words) <= 5 or any(ch in segment for ch in ":()«»\"0123456789"):
        return False
    capitalised = [w for w in words if w not in _PARTICLES]
    return (len(capitalised) >= 2 and words[0] not in _NOT_NAMES
            and all(_NAME_WORD.match(w) for w in words))


def _family_first(words: list[str]) -> bool:
    return (is_given_name(words[-1]) and not is_given_name(words[0])
            and not _INITIALS.match(words[0]))


def split_name(full: str, family_first: bool = False) -> Name:
    """A person's name as family and given names, or whole when the order is unknown.

    Initials (``JM. Weller``) and known given names (``Pierre-Henri Castel``) come
    first; ``Fernandez Valérie`` is read family first (or every name of a list when
    one of them is).
    """
    words = full.split()
    if family_first or _family_first(words):
        return Name(words[-1], " ".join(words[:-1]))
    given = 0
    while given < len(words) - 1 and (_INITIALS.match(words[given])
                                     or is_given_name(words[given])):
        given += 1
    if given == 0:
        return Name("", full, literal=True)
    while given > 1 and words[given - 1] in _PARTICLES:
        given -= 1
    return Name(" ".join(words[:given]), " ".join(words[given:]))


def _authors(segments: list[str]) -> tuple[list[Name], int]:
    """Leading comma-separated segments that are person names (``et`` joins two), when
    something other than a year follows them (the title)."""
    found: list[str] = []
    used = 0
    last_title = max((i for i, s in enumerate(segments) if s.strip()
                      and not _YEAR.fullmatch(s.strip())), default=-1)
    for segment in segments[:last_title]:
        parts = [p.strip() for p in re.split(r"\s+et\s+", segment.strip()) if p.strip()]
        parts = [re.sub(r"^et\s+", "", p) for p in parts]
        if not parts or not all(_looks_like_name(p) for p in parts):
            break
        found += parts
        used += 1
    reversed_order = any(_family_first(name.split()) for name in found)
    return [split_name(name, reversed_order) for name in found], used


# --- titles, years, types -------------------------------------------------------------------

def _without_urls(text: str) -> str:
    for found in reversed(find_urls(text)):
        text = text[:found.start] + text[found.end:]
    return text


def _head(text: str) -> str:
    """The text before the first URL, without the punctuation that introduced it."""
    urls = find_urls(text)
    head = text[:urls[0].start] if urls else text
    return head.strip().rstrip(":;,-–—/ ").strip()


def _title(title: str) -> str:
    """A title as a reference manager wants it: whole (its first sentence when the text
    is a description), starting with a capital."""
    title = title.strip().rstrip(",;:").strip()
    if len(title) > MAX_TITLE:
        title = re.split(r"(?<=[.?!])\s", title, maxsplit=1)[0].rstrip(".")
    return title[:1].upper() + title[1:]


def _year(text: str) -> int | None:
    """The year of a single work: exactly one in the text, which cites one work."""
    years = set(_YEAR.findall(_without_urls(text)))
    if len(years) != 1 or several_works(text):
        return None
    return int(years.pop())


def _quoted(head: str) -> tuple[int, int] | None:
    """The span inside the first « … » of ``head``, nested guillemets included."""
    start = head.find("«")
    depth = 0
    for index in range(start, len(head)) if start >= 0 else ():
        depth += {"«": 1, "»": -1}.get(head[index], 0)
        if depth == 0:
            return start + 1, index
    return None


@dataclass(frozen=True)
class _Read:
    title: str
    authors: list[Name]
    container: str | None
    after_title: str  # what follows a quoted title (journal, issue, pages)


def _read(text: str) -> _Read:
    head = _head(text) or text.strip()
    quoted = _quoted(head)
    if quoted:
        before = head[:quoted[0] - 1]
        names, used = _authors([*before.split(","), "«»"])
        if names and used == len(before.rstrip(", ").split(",")):
            after = head[quoted[1] + 1:].strip(" ,.:")
            container = after.split(",")[0].strip() or None if after else None
            if container and _YEAR.fullmatch(container):
                container = None
            return _Read(_title(head[quoted[0]:quoted[1]]), names, container, after)
    segments = head.split(", ")
    names, used = _authors(segments)
    if not names and " : " in head:  # "Sur le care : Joan Tronto, …"
        label, rest = head.split(" : ", 1)
        parts = [p for p in rest.split(", ") if not _YEAR.fullmatch(p.strip())]
        later, used = _authors([*parts, "-"]) if all(_is_names(p) for p in parts) \
            else _authors(parts)
        if later:
            title = ", ".join(parts[used:]) or label  # only names after the label
            return _Read(_title(title), later, None, "")
    rest = [s for s in segments[used:] if not _YEAR.fullmatch(s.strip())]
    return _Read(_title(", ".join(rest) or head), names, None, "")


def _is_names(segment: str) -> bool:
    parts = [re.sub(r"^et\s+", "", p.strip()) for p in re.split(r"\s+et\s+", segment)]
    return all(_looks_like_name(p) for p in parts if p)


def several_works(text: str) -> bool:
    """Whether a reference cites several works: several web addresses, or several
    "topic : …" sentences (then no year nor type is given to the whole)."""
    if len(find_urls(text)) > 1:
        return True
    plain = _without_urls(text)
    return len(re.findall(r"\s:\s", plain)) > 1 and bool(re.search(r"[.?!]\s", plain))


def _kind(text: str, read: _Read, urls: tuple[str, ...]) -> Kind:
    """What the reference says it is; a web page or a document otherwise."""
    if several_works(text):
        return "webpage" if urls else "document"
    if read.container and (_ISSUE.search(read.after_title)
                           or _JOURNAL_WORDS.match(read.container)):
        return "article"
    isbn = any(_ISBN.search(url) for url in urls)
    if isbn and any(re.search(r"-page-\d+", url) for url in urls):
        return "chapter"
    if isbn or re.search(r"\b(?:éditions|ouvrage)\b", text, re.IGNORECASE):
        return "book"
    if _REPORT.search(_head(text) or text):
        return "report"
    return "webpage" if urls else "document"


# --- entries --------------------------------------------------------------------------------

def references(resource: Resource) -> list[str]:
    """The references a resource holds: one per source line of its bullet."""
    return [line.strip() for line in resource.text.split("\n") if line.strip()]


def _entry(text: str, key: str, resource: Resource, session: Session) -> Citation:
    read = _read(text)
    urls = tuple(dict.fromkeys(u.url for u in find_urls(text)))
    kind = _kind(text, read, urls)
    container = read.container if kind in ("article", "chapter") else None
    authors = () if several_works(text) else tuple(read.authors)
    note = f"Cité lors de : {session_reference(session)}. connecteur://{resource.id}"
    if len(urls) > 1:
        note += ". Autres liens : " + " ; ".join(urls[1:])
    return Citation(key, resource.id, kind, read.title or text, authors, _year(text),
                    container, urls, note, text)


def citations_of(resource: Resource, session: Session) -> list[Citation]:
    """One entry per reference of the resource (keys ``…-1``, ``…-2`` when several)."""
    base = "connecteur-" + re.sub(r"[^0-9A-Za-z]+", "-", resource.id).strip("-")
    found = references(resource) or [resource.text]
    if len(found) == 1:
        return [_entry(found[0], base, resource, session)]
    return [_entry(text, f"{base}-{n}", resource, session) for n, text in enumerate(found, 1)]


def citation(resource: Resource, session: Session) -> Citation:
    """The first (usually the only) reference of a resource."""
    return citations_of(resource, session)[0]


def citations(resources: Iterable[tuple[Resource, Session]]) -> list[Citation]:
    return [c for r, s in resources for c in citations_of(r, s)]


# --- BibTeX ----------------------------------------------------------------------------

_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                "^": r"\textasciicircum{}"}
_BIB_TYPES = {"article": "article", "chapter": "incollection", "book": "book",
              "report": "techreport", "webpage": "online", "document": "misc"}
_BIB_CONTAINER = {"article": "journal", "chapter": "booktitle"}


def _bib_text(value: str) -> str:
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in value)


def _bib_url(url: str) -> str:
    """URLs stay verbatim (biblatex reads them so); only unbalanced braces are escaped."""
    return url.replace("{", "%7B").replace("}", "%7D")


def _bib_name(name: Name) -> str:
    """``Family, Given``; a name in one piece, or initials, braced so that no style
    splits or abbreviates them again."""
    if name.literal:
        return "{" + _bib_text(name.family) + "}"
    given = " ".join("{" + _bib_text(w) + "}" if _INITIALS.match(w) else _bib_text(w)
                     for w in name.given.split())
    return f"{_bib_text(name.family)}, {given}"


def _bib_entry(c: Citation) -> str:
    fields = [("title", "{" + _bib_text(c.title) + "}")]  # double braces keep its case
    if c.authors:
        fields.append(("author", " and ".join(_bib_name(a) for a in c.authors)))
    if c.year:
        fields.append(("year", str(c.year)))
    if c.container:
        fields.append((_BIB_CONTAINER[c.kind], _bib_text(c.container)))
    if c.urls:
        fields.append(("url", _bib_url(c.urls[0])))
    fields += [("note", _bib_text(c.note)), ("abstract", _bib_text(c.text)),
               ("langid", "french")]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{_BIB_TYPES[c.kind]}{{{c.key},\n{body}\n}}\n"


def to_bibtex(items: Iterable[Citation]) -> str:
    entries = [_bib_entry(c) for c in items]
    header = "% Ressources du Connecteur Recherche 2020 (exportées par Connecteur)\n\n"
    return header + "\n".join(entries)


# --- RIS --------------------------------------------------------------------------------

_RIS_TYPES = {"article": "JOUR", "chapter": "CHAP", "book": "BOOK", "report": "RPRT",
              "webpage": "ELEC", "document": "GEN"}


def _ris_value(value: str) -> str:
    return " ".join(value.split())  # one line per tag


def _ris_entry(c: Citation) -> str:
    lines = [("TY", _RIS_TYPES[c.kind]), ("ID", c.key), ("TI", c.title)]
    lines += [("AU", a.full if a.literal else f"{a.family}, {a.given}") for a in c.authors]
    if c.year:
        lines.append(("PY", str(c.year)))
    if c.container:
        lines.append(("T2", c.container))
    lines += [("UR", url) for url in c.urls]
    lines += [("N1", c.note), ("AB", c.text), ("LA", "fr"), ("ER", "")]
    return "\n".join(f"{tag}  - {_ris_value(value)}".rstrip() if tag == "ER"
                     else f"{tag}  - {_ris_value(value)}" for tag, value in lines) + "\n"


def to_ris(items: Iterable[Citation]) -> str:
    return "\n".join(_ris_entry(c) for c in items)


# --- CSL-JSON -----------------------------------------------------------------------------

def csl_item(c: Citation) -> dict:
    item: dict = {"id": c.key, "type": c.csl_type, "title": c.title, "language": "fr",
                  "note": c.note, "abstract": c.text}
    if c.authors:
        item["author"] = [{"literal": a.family} if a.literal
                          else {"family": a.family, "given": a.given} for a in c.authors]
    if c.year:
        item["issued"] = {"date-parts": [[c.year]]}
    if c.container:
        item["container-title"] = c.container
    if c.urls:
        item["URL"] = c.urls[0]
    return item


def to_csl_json(items: Iterable[Citation]) -> str:
    return json.dumps([csl_item(c) for c in items], ensure_ascii=False, indent=2) + "\n"


def export_citations(resources: Iterable[tuple[Resource, Session]], fmt: str) -> str:
    """``fmt`` is ``bibtex``, ``ris`` or ``csl-json``."""
    writers = {"bibtex": to_bibtex, "ris": to_ris, "csl-json": to_csl_json}
    if fmt not in writers:
        raise ValueError(f"unknown citation format {fmt!r}")
    return writers[fmt](citations(resources))
