"""Reading and checking an annotation export before anything is written.

An import file comes from another laptop, a colleague, a mail: it is hostile until
checked. The whole file is checked first, and anything this version cannot store
exactly as the app would have made it is refused with a French sentence that says
where (``notes[12].created``) — nothing is written. What is checked, beyond the shape
of each record: the file is an ordinary file of at most :data:`MAX_IMPORT_BYTES`;
numbers fit (no 5,000-digit integer, no offset of 2**70); text is valid Unicode (no lone
surrogate); dates are real dates; folder names and tags are what the app accepts.
Record IDs outside the app's own alphabet are not refused but re-issued by the merge
(see :func:`safe_id`), so that an ID can never carry markup or break a link.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime
from pathlib import Path

from connecteur.errors import ConnecteurError
from connecteur.fileio import read_user_file
from connecteur.store.user.exporter import FIELDS, FORMAT, VERSION
from connecteur.store.user.folders import clean_name
from connecteur.store.user.rows import LIMITS, UserInputError
from connecteur.store.user.tags import clean_tag

# An export of 40,000 notes with their items' text is about 25 MiB.
MAX_IMPORT_BYTES = 64 * 2**20
# The app's own IDs are 32 hexadecimal digits; these characters are all safe in a URL,
# a file name and HTML, so an ID made of them needs no escaping anywhere.
ID_ALPHABET = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_OFFSET = LIMITS.note_chars      # no item's text is longer than a note may be
MAX_POSITION = 10**9

NOT_OURS = "Ce fichier n'est pas un export d'annotations Connecteur"
_TYPES: dict[str, type | tuple[type, ...]] = {
    "start": int, "end": int, "position": int, "orphan": bool, "date": (str, type(None))}
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?"
                        r"(Z|[+-]\d{2}:\d{2})?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ITEM_KIND = re.compile(r"^[a-z_]{0,20}$")
_STAMPS = ("created", "modified", "added")


def read_document(path: Path) -> dict:
    """The checked document of an export file; a French error for anything else."""
    try:
        raw = read_user_file(Path(path), MAX_IMPORT_BYTES)
    except UserInputError:
        raise
    except ConnecteurError as exc:
        raise UserInputError(exc.message, hint=exc.hint) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserInputError(f"{NOT_OURS} ({Path(path).name} n'est pas un fichier texte "
                             "UTF-8).") from None
    del raw
    return parse_document(text)


def parse_document(text: str) -> dict:
    """The checked document; a French error for anything that is not a version we read."""
    try:
        document = json.loads(text)
    except RecursionError:
        raise UserInputError(f"{NOT_OURS} : ses données sont imbriquées trop "
                             "profondément.") from None
    except json.JSONDecodeError:
        raise UserInputError(f"{NOT_OURS} : ce n'est pas du JSON lisible.") from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise UserInputError(f"{NOT_OURS} valide : il contient un nombre de plus de 4 300 "
                             "chiffres.") from None
    return check_document(document)


def check_document(document: object) -> dict:
    """``document`` itself when it is an export this version can read and store."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UserInputError(f"{NOT_OURS}.", hint="Exportez vos annotations depuis "
                             "Connecteur (connecteur notes export --format json).")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UserInputError(f"{NOT_OURS} : numéro de version absent ou invalide.")
    if version > VERSION:
        raise UserInputError("Ce fichier vient d'une version plus récente de Connecteur "
                             f"(format {version}) : mettez Connecteur à jour pour l'importer.")
    shared: dict[str, str] = {}
    for kind in ("notes", "highlights", "stars", "tags", "folders"):
        records = document.get(kind, [])
        if not isinstance(records, list):
            raise UserInputError(f"{NOT_OURS} valide : « {kind} » devrait être une liste.")
        for index, record in enumerate(records):
            _check(kind, record, f"{kind}[{index}]")
            _share_snapshot(record, shared)
            if kind != "folders":
                continue
            entries = record.get("entries", [])
            if not isinstance(entries, list):
                raise UserInputError(f"{NOT_OURS} valide : {kind}[{index}].entries n'est pas "
                                     "une liste.")
            for sub, entry in enumerate(entries):
                _check("entries", entry, f"{kind}[{index}].entries[{sub}]")
                _share_snapshot(entry, shared)
    return document


_SNAPSHOT_FIELDS = ("item_id", "item_kind", "item_text", "item_reference")


def _share_snapshot(record: dict, shared: dict[str, str]) -> None:
    """One copy of each item's snapshot text for all the records made on that item:
    an export repeats it in every record (40,000 notes on 300 items: 40,000 copies of
    a few hundred texts), and memory would grow with them."""
    for name in _SNAPSHOT_FIELDS:
        if name in record:
            record[name] = shared.setdefault(record[name], record[name])


def record_count(document: dict) -> int:
    """How many records an import of ``document`` goes through (for its progress)."""
    return sum(len(document.get(kind, [])) for kind in ("notes", "highlights", "stars",
                                                         "tags", "folders")) + \
        sum(len(folder.get("entries", [])) for folder in document.get("folders", []))


def _bad(where: str, what: str) -> UserInputError:
    return UserInputError(f"{NOT_OURS} valide : {where} {what}.")


def _check(kind: str, record: object, where: str) -> None:
    if not isinstance(record, dict):
        raise _bad(where, "n'est pas un objet")
    for name in FIELDS[kind]:
        _check_field(record.get(name), _TYPES.get(name, str), f"{where}.{name}")
    if not record["id"]:
        raise _bad(f"{where}.id", "est vide")
    if len(record.get("item_id", "")) > LIMITS.short_chars:
        raise _bad(f"{where}.item_id", "est trop long")
    if "item_kind" in record and not _ITEM_KIND.match(record["item_kind"]):
        raise _bad(f"{where}.item_kind", "n'est pas un type d'élément")
    if kind == "highlights" and not 0 <= record["start"] < record["end"] <= MAX_OFFSET:
        raise _bad(where, "a des positions impossibles")
    if kind == "entries" and not 0 <= record["position"] <= MAX_POSITION:
        raise _bad(f"{where}.position", "est impossible")
    for name in _STAMPS:
        if name in record and not _is_timestamp(record[name]):
            raise _bad(f"{where}.{name}", f"n'est pas une date valide (« {_shown(record[name])} »)")
    if kind == "folders":
        _check_folder(record, where)
    if kind == "tags":
        _check_clean(clean_tag, record["tag"], f"{where}.tag")


def _check_field(value: object, expected: type | tuple[type, ...], where: str) -> None:
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise _bad(where, "est absent ou mal formé")
    if isinstance(value, str):
        if len(value) > LIMITS.note_chars:
            raise _bad(where, "est trop long")
        if _SURROGATE.search(value):
            raise _bad(where, "contient un caractère invalide (un demi-caractère Unicode "
                              "isolé, comme \\ud800)")


def _check_folder(record: dict, where: str) -> None:
    _check_clean(clean_name, record["name"], f"{where}.name")
    for name in ("title", "audience"):
        if len(record[name]) > LIMITS.short_chars:
            raise _bad(f"{where}.{name}", "est trop long")
    day = record["date"]
    if day is not None and not _is_day(day):
        raise _bad(f"{where}.date", f"n'est pas une date valide (« {_shown(day)} » ; "
                                    "attendu : 2026-03-12)")


def _check_clean(clean, value: str, where: str) -> None:
    try:
        clean(value)
    except UserInputError as exc:
        raise _bad(where, f"est refusé ({exc.message.rstrip('.')})") from None


def _is_timestamp(value: str) -> bool:
    if not _TIMESTAMP.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _is_day(value: str) -> bool:
    if not _DAY.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _shown(value: str, width: int = 40) -> str:
    """A bit of a bad value for a message: printable characters only, cut short."""
    cleaned = "".join(c if c.isprintable() else "?" for c in value[:width])
    return cleaned + ("…" if len(value) > width else "")


def safe_id(record_id: str) -> tuple[str, bool]:
    """``record_id`` when it is made of the app's own ID characters; otherwise a new ID
    derived from it (the same one on every import of the same file, so that a
    re-import is still recognised) and True."""
    if ID_ALPHABET.match(record_id):
        return record_id, False
    return hashlib.sha256(record_id.encode("utf-8")).hexdigest()[:32], True
