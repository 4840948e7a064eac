"""A new document from a file: what it is, its text, and the library it holds.

A trainer imports a Connecteur synthesis as a PDF (its text layer, see
:mod:`connecteur.corpus.pdf`) or as plain text (UTF-8, or Windows-1252 as older
Windows tools save it). Anything else — a novel, a scan, a protected or cut-short
PDF, a file too large — is refused with a French sentence saying what was and was not
recognised, before anything is written anywhere.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from connecteur.corpus.model import Library
from connecteur.corpus.parser import parse_outcome
from connecteur.corpus.reference import french_date
from connecteur.errors import CorpusError
from connecteur.fileio import check_user_file, read_user_file, refusals_in_french

MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_TEXT_BYTES = 16 * 1024 * 1024
MAX_SESSIONS = 200

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class SourceText:
    """A document's text and where it came from."""

    name: str                      # the file name, for messages and the library list
    kind: str                      # "pdf" or "text"
    text: str
    sha256: str                    # of the file's bytes: the same file is recognised again
    encoding: str = "utf-8"        # of a text file
    pages: int = 0                 # of a PDF
    line_pages: tuple[int, ...] = ()

    def where(self, line: int) -> str:
        """"page 3" for a PDF, "ligne 12" for a text (empty when unknown)."""
        if self.kind == "pdf":
            page = self.line_pages[line - 1] if 0 < line <= len(self.line_pages) else 0
            return f"page {page}" if page else ""
        return f"ligne {line}" if line > 0 else ""


@dataclass(frozen=True)
class DocumentNote:
    """Something in the document kept as is but worth a look, and where it is."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where} : {self.message}" if self.where else self.message


@dataclass(frozen=True)
class ParsedDocument:
    """A document read and understood, not yet stored."""

    source: SourceText
    library: Library
    notes: tuple[DocumentNote, ...]

    @property
    def dates(self) -> tuple[str, ...]:
        return tuple(event.date for event in self.library.events)


# --- what a file is -------------------------------------------------------------------------

def sniff(data: bytes) -> str:
    """``pdf``, ``json`` (an annotation export, or any JSON), ``office`` (a zipped Word or
    OpenDocument file), ``binary`` or ``text``, from the first bytes."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "office"
    stripped = head.lstrip(codecs.BOM_UTF8).lstrip()
    if stripped.startswith((b"{", b"[")):
        return "json"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "text"
    if b"\x00" in head:
        return "binary"
    return "text"


def sniff_file(path: Path) -> str:
    """What the file at ``path`` is (see :func:`sniff`); a French error when unreadable,
    or when it is not an ordinary file (a FIFO, /dev/zero…): nothing is read then."""
    check_user_file(path, MAX_PDF_BYTES)
    with refusals_in_french(path), Path(path).open("rb") as stream:
        return sniff(stream.read(1024))


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without its mark), UTF-16 with its mark, or
    Windows-1252 when the bytes are not UTF-8."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise CorpusError("Ce fichier texte est abîmé (UTF-16 illisible).") from None
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise CorpusError("Ce fichier n'est ni en UTF-8 ni en Windows-1252 : Connecteur ne "
                          "sait pas lire son texte.", hint="Enregistrez-le en UTF-8, puis "
                          "importez-le de nouveau.") from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > len(text) // 100:
        raise CorpusError("Ce fichier n'est pas un texte (il contient des données binaires).")
    return text, "windows-1252"


def _read_bytes(path: Path) -> bytes:
    with refusals_in_french(path):
        size = path.stat().st_size
        kind_limit = MAX_PDF_BYTES if sniff_file(path) == "pdf" else MAX_TEXT_BYTES
        if size > kind_limit:
            raise CorpusError(
                f"Ce fichier fait {size / 1024 / 1024:.0f} Mo : Connecteur importe des "
                f"documents de {kind_limit // 1024 // 1024} Mo au plus.",
                hint="Une synthèse du Connecteur Recherche pèse quelques centaines de Ko.")
        return read_user_file(path, kind_limit)


def read_source(path: Path, *, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> SourceText:
    """The text of a document file (PDF or plain text), or a French refusal."""
    path = Path(path)
    data = _read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    kind = sniff(data)
    if kind == "pdf":
        from connecteur.corpus.pdf import pdf_text  # pypdf, only when a PDF comes

        extracted = pdf_text(data, progress=progress, cancelled=cancelled)
        return SourceText(path.name, "pdf", extracted.text, digest, "", extracted.pages,
                          extracted.line_pages)
    if kind == "office":
        raise CorpusError("Ce fichier est un document de traitement de texte (Word ou "
                          "OpenDocument) : Connecteur lit les PDF et les textes.",
                          hint="Enregistrez-le en PDF (ou en texte), puis importez ce fichier.")
    if kind == "binary":
        raise CorpusError("Ce fichier n'est ni un PDF ni un texte : Connecteur ne sait pas "
                          "le lire.")
    if kind == "json":
        raise CorpusError("Ce fichier est du JSON, pas une synthèse du Connecteur Recherche.",
                          hint="Pour des annotations exportées, utilisez « connecteur import » "
                               "(qui les reconnaît) ou Fichier › Annotations › Importer.")
    text, encoding = decode_text(data)
    return SourceText(path.name, "text", text, digest, encoding)


# --- what a text holds -----------------------------------------------------------------------

_WHAT = (("event", "journée « CONNECTEUR RECHERCHE – date »", "journées"),
         ("session", "session « SESSION n – titre »", "sessions"),
         ("leads", "section « Pistes de réflexion »", "sections « Pistes de réflexion »"),
         ("field_sites", "section « Terrains »", "sections « Terrains »"),
         ("resources", "section « Ressources »", "sections « Ressources »"),
         ("speakers", "encadré « Intervenant·e·s »", "encadrés « Intervenant·e·s »"))
_REQUIRED = ("event", "session", "leads")


def recognition(found: dict[str, int]) -> str:
    """What was and was not recognised, as the end of a French sentence."""
    seen = [f"{found[key]} {many if found[key] > 1 else one}" for key, one, many in _WHAT
            if found.get(key)]
    missing = [f"aucune {one}" for key, one, _ in _WHAT
               if key in _REQUIRED and not found.get(key)]  # (all three are feminine)
    parts = []
    if seen:
        parts.append("reconnu : " + ", ".join(seen))
    if missing:
        parts.append("introuvable : " + ", ".join(missing))
    return " ; ".join(parts)


def _notes(source: SourceText, library: Library) -> tuple[DocumentNote, ...]:
    notes = [DocumentNote(source.where(w.line), w.message) for w in library.warnings]
    for session in library.sessions:
        where = f"{french_date(session.date)}, session {session.number}"
        empty = [label for label, items in (
            ("pistes de réflexion", session.leads), ("terrains", session.field_sites),
            ("ressources", session.resources), ("intervenant·e·s", session.speakers))
            if not items]
        if empty:
            notes.append(DocumentNote(where, "sans " + ", ni ".join(empty)))
    return tuple(notes)


def parse_source(source: SourceText) -> ParsedDocument:
    """The library in a document's text; a French refusal when it is not a Connecteur
    synthesis (saying what was and was not found)."""
    outcome = parse_outcome(source.text, from_pdf=source.kind == "pdf")
    library = outcome.library
    if library is None or not outcome.found.get("leads") or not any(
            s.leads for s in library.sessions):
        what = "Ce PDF" if source.kind == "pdf" else "Ce texte"
        raise CorpusError(f"{what} n'est pas une synthèse du Connecteur Recherche "
                          f"({recognition(outcome.found)}).",
                          hint="Une synthèse compte des journées datées, des sessions "
                               "numérotées et leurs « Pistes de réflexion ».")
    if len(library.sessions) > MAX_SESSIONS:
        raise CorpusError(f"Ce document compte {len(library.sessions)} sessions : au plus "
                          f"{MAX_SESSIONS} sont acceptées par document.")
    return ParsedDocument(source, library, _notes(source, library))


def read_document(path: Path, *, progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> ParsedDocument:
    """A document file read and parsed; nothing is written."""
    return parse_source(read_source(path, progress=progress, cancelled=cancelled))
