"""Importing a JSON export into this installation: a merge without duplicates.

The whole file is checked before anything is written (a damaged or foreign file gets a
French message and changes nothing). Each record is then re-attached to this
installation's corpus text, and:

* a record whose ID is already here is skipped, or updated when the imported copy was
  modified more recently (notes, highlights, folder details);
* a record whose content is already here (same item and same text, same star, same tag,
  same folder entry) is skipped;
* anything else is added — as an orphan when its item cannot be found here (it is never
  dropped, and the report counts it as "non rattaché");
* a folder whose name is taken by a different folder is added under a new name.

The import is one undoable command.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from connecteur.errors import ConnecteurError
from connecteur.store.user.changes import Change, change
from connecteur.store.user.context import UserContext
from connecteur.store.user.exporter import FIELDS, FORMAT, VERSION
from connecteur.store.user.folders import clean_name, name_key
from connecteur.store.user.model import DEFAULT_COLOUR, colour, new_id
from connecteur.store.user.reanchor import Resolver
from connecteur.store.user.rows import LIMITS, UserInputError, fetch, insert, update
from connecteur.store.user.tags import tag_key
from connecteur.store.user.undo import Command

KIND_NAMES = {"notes": "note(s)", "highlights": "surlignage(s)", "stars": "favori(s)",
              "tags": "étiquette(s)", "folders": "dossier(s)", "entries": "élément(s) de dossier"}
_NOT_OURS = "Ce fichier n'est pas un export d'annotations Connecteur"
_TYPES: dict[str, type | tuple[type, ...]] = {
    "start": int, "end": int, "position": int, "orphan": bool, "date": (str, type(None))}


# --- reading and checking -----------------------------------------------------------

class ImportCancelled(ConnecteurError):
    """The trainer cancelled the import: nothing was imported."""

    def __init__(self) -> None:
        super().__init__("Import annulé : aucune annotation n'a été ajoutée.")


def read_document(path: Path) -> dict:
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise UserInputError(f"Le fichier {path} n'existe pas.") from None
    except OSError as exc:
        raise UserInputError(f"Impossible de lire {path} ({exc.strerror}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserInputError(f"{_NOT_OURS} ({path.name} n'est pas un fichier texte UTF-8).") \
            from None
    return parse_document(text)


def parse_document(text: str) -> dict:
    """The checked document; a French error for anything that is not a version we read."""
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise UserInputError(f"{_NOT_OURS} : ce n'est pas du JSON lisible.") from None
    return check_document(document)


def check_document(document: object) -> dict:
    """``document`` itself when it is an export this version can read."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UserInputError(f"{_NOT_OURS}.", hint="Exportez vos annotations depuis "
                             "Connecteur (connecteur notes export --format json).")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UserInputError(f"{_NOT_OURS} : numéro de version absent ou invalide.")
    if version > VERSION:
        raise UserInputError("Ce fichier vient d'une version plus récente de Connecteur "
                             f"(format {version}) : mettez Connecteur à jour pour l'importer.")
    for kind in ("notes", "highlights", "stars", "tags", "folders"):
        records = document.get(kind, [])
        if not isinstance(records, list):
            raise UserInputError(f"{_NOT_OURS} valide : « {kind} » devrait être une liste.")
        for index, record in enumerate(records):
            _check(kind, record, f"{kind}[{index}]")
            for sub, entry in enumerate(record.get("entries", []) if kind == "folders" else []):
                _check("entries", entry, f"{kind}[{index}].entries[{sub}]")
    return document


def _check(kind: str, record: object, where: str) -> None:
    if not isinstance(record, dict):
        raise UserInputError(f"{_NOT_OURS} valide : {where} n'est pas un objet.")
    for name in FIELDS[kind]:
        expected = _TYPES.get(name, str)
        value = record.get(name)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise UserInputError(f"{_NOT_OURS} valide : {where}.{name} est absent ou "
                                 "mal formé.")
        if isinstance(value, str) and len(value) > LIMITS.note_chars:
            raise UserInputError(f"{_NOT_OURS} valide : {where}.{name} est trop long.")
    if not record["id"]:
        raise UserInputError(f"{_NOT_OURS} valide : {where}.id est vide.")
    if kind == "highlights" and not 0 <= record["start"] < record["end"]:
        raise UserInputError(f"{_NOT_OURS} valide : {where} a des positions impossibles.")
    if kind == "folders" and not isinstance(record.get("entries", []), list):
        raise UserInputError(f"{_NOT_OURS} valide : {where}.entries n'est pas une liste.")


# --- the report ---------------------------------------------------------------------

@dataclass
class ImportReport:
    added: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    unattached: Counter = field(default_factory=Counter)
    renamed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        return bool(sum(self.added.values()) + sum(self.updated.values()))

    def lines(self) -> list[str]:
        """The report in French, one line per outcome."""
        def counts(counter: Counter) -> str:
            return ", ".join(f"{counter[k]} {KIND_NAMES[k]}" for k in KIND_NAMES if counter[k])

        out = [f"Ajouté : {counts(self.added) or 'rien'}."]
        if self.updated:
            out.append(f"Mis à jour (version importée plus récente) : {counts(self.updated)}.")
        out.append(f"Déjà présent, ignoré : {counts(self.skipped) or 'rien'}.")
        if self.unattached:
            out.append(f"Non rattaché au texte de cette installation (gardé dans « Annotations "
                       f"orphelines ») : {counts(self.unattached)}.")
        out += [f"Dossier « {old} » importé sous le nom « {new} » (le nom était déjà pris)."
                for old, new in self.renamed]
        return out


# --- the command --------------------------------------------------------------------

class ImportAnnotations(Command):
    label = "importer des annotations"

    def __init__(self, ctx: UserContext, document: dict) -> None:
        self.ctx, self.document = ctx, document
        self.report = ImportReport()
        self._inserted: list[tuple[str, str]] = []
        self._updated: list[tuple[str, str, dict]] = []
        self._changes: list[Change] = []

    def do(self) -> list[Change]:
        self.report, self._inserted, self._updated, self._changes = ImportReport(), [], [], []
        resolver = Resolver(self.ctx.catalogue)
        with self.ctx.db.transaction() as conn:
            merge = _Merge(conn, resolver, self)
            for kind in ("notes", "highlights", "stars", "tags"):
                for record in self.document.get(kind, []):
                    merge.record(kind, record)
            for folder in self.document.get("folders", []):
                merge.folder(folder)
        return self._changes

    def undo(self) -> list[Change]:
        with self.ctx.db.transaction() as conn:
            for table, row_id, before in reversed(self._updated):
                update(conn, table, row_id, before)
            for table, row_id in reversed(self._inserted):
                conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        return [Change(c.kind, "removed" if c.action == "added" else "changed", c.ids,
                       c.item_ids, c.folder_ids) for c in self._changes]

    # bookkeeping used by _Merge
    def inserted(self, conn: sqlite3.Connection, table: str, kind: str, row: dict) -> None:
        insert(conn, table, row)
        self._inserted.append((table, row["id"]))
        self.report.added[kind] += 1
        if row.get("orphan"):
            self.report.unattached[kind] += 1
        self._changes.append(_change_for(table, "added", row))

    def updated(self, conn: sqlite3.Connection, table: str, kind: str, row: dict,
                values: dict) -> None:
        self._updated.append((table, row["id"], {k: row[k] for k in values}))
        update(conn, table, row["id"], values)
        self.report.updated[kind] += 1
        self._changes.append(_change_for(table, "changed", row))


_KIND_OF_TABLE = {"notes": "note", "highlights": "highlight", "stars": "star", "tags": "tag",
                  "folders": "folder", "folder_items": "folder_item"}


def _change_for(table: str, action: str, row: dict) -> Change:
    folder = row.get("folder_id") or (row["id"] if table == "folders" else None)
    return change(_KIND_OF_TABLE[table], action, [row["id"]],  # type: ignore[arg-type]
                  [row["item_id"]] if "item_id" in row else [], [folder] if folder else [])


def _columns(kind: str, record: dict) -> dict:
    """Table columns from an exported record (``start`` → ``start_offset``…)."""
    return {column: record[name] for name, column in FIELDS[kind].items()}


class _Merge:
    """The decisions of one import, record by record, inside its transaction."""

    def __init__(self, conn: sqlite3.Connection, resolver: Resolver,
                 command: ImportAnnotations) -> None:
        self.conn, self.resolver, self.command = conn, resolver, command

    def _placed(self, table: str, row: dict) -> dict:
        """``row`` re-attached to this corpus text, or marked orphan with its snapshot."""
        row = {**row, "orphan": int(bool(row["orphan"]))}
        placement = self.resolver.place(table, row)
        return {**row, **placement.fields} if placement.fields else {**row, "orphan": 1}

    def record(self, kind: str, record: dict) -> None:
        row = self._placed(kind, _columns(kind, record))
        if kind == "highlights" and colour(row["colour"]) is None:
            row["colour"] = DEFAULT_COLOUR
        if kind == "tags":
            row["tag_key"] = tag_key(row["tag"])
        existing = fetch(self.conn, kind, row["id"])
        if existing is not None:
            self._same_id(kind, existing, row)
        elif self._duplicate(kind, row):
            self.command.report.skipped[kind] += 1
        else:
            self.command.inserted(self.conn, kind, kind, row)

    def _same_id(self, kind: str, existing: dict, row: dict) -> None:
        editable = {"notes": ("body",), "highlights": ("colour", "note")}.get(kind, ())
        values = {k: row[k] for k in editable if row[k] != existing[k]}
        if values and row["modified"] > existing["modified"]:
            self.command.updated(self.conn, kind, kind, existing,
                                 {**values, "modified": row["modified"]})
        else:
            self.command.report.skipped[kind] += 1

    def _duplicate(self, kind: str, row: dict) -> bool:
        if row["orphan"]:
            same = {"notes": "body", "highlights": "quote", "stars": "item_id",
                    "tags": "tag_key"}[kind]
            return self.conn.execute(
                f"SELECT 1 FROM {kind} WHERE orphan = 1 AND item_id = ? AND {same} = ?",
                (row["item_id"], row[same])).fetchone() is not None
        checks = {
            "notes": ("body = ?", (row.get("body"),)),
            "highlights": ("start_offset = ? AND end_offset = ?",
                           (row.get("start_offset"), row.get("end_offset"))),
            "stars": ("1", ()),
            "tags": ("tag_key = ?", (row.get("tag_key"),)),
        }
        where, params = checks[kind]
        return self.conn.execute(
            f"SELECT 1 FROM {kind} WHERE orphan = 0 AND item_id = ? AND {where}",
            (row["item_id"], *params)).fetchone() is not None

    # --- folders ----------------------------------------------------------------------
    def folder(self, record: dict) -> None:
        row = _columns("folders", record)
        existing = fetch(self.conn, "folders", row["id"])
        if existing is None:
            existing = self._new_folder(row)
        else:
            values = {k: row[k] for k in ("title", "audience", "date") if row[k] != existing[k]}
            if values and row["modified"] > existing["modified"]:
                self.command.updated(self.conn, "folders", "folders", existing,
                                     {**values, "modified": row["modified"]})
            else:
                self.command.report.skipped["folders"] += 1
        for entry in record.get("entries", []):
            self.entry(existing["id"], entry)

    def _new_folder(self, row: dict) -> dict:
        name = clean_name(row["name"])
        wanted, counter = name, 1
        while self.conn.execute("SELECT 1 FROM folders WHERE name_key = ?",
                                (name_key(name),)).fetchone():
            counter += 1
            name = f"{wanted} (importé)" if counter == 2 else f"{wanted} (importé {counter - 1})"
        if name != wanted:
            self.command.report.renamed.append((wanted, name))
        row = {**row, "name": name, "name_key": name_key(name)}
        self.command.inserted(self.conn, "folders", "folders", row)
        return row

    def entry(self, folder_id: str, record: dict) -> None:
        row = self._placed("folder_items", {**_columns("entries", record),
                                            "folder_id": folder_id})
        local = fetch(self.conn, "folder_items", row["id"])
        if local is not None and local["folder_id"] != folder_id:
            row["id"], local = new_id(), None  # the same ID in another folder: keep both
        if local is None:
            found = self.conn.execute(
                "SELECT * FROM folder_items WHERE folder_id = ? AND item_id = ? AND orphan = ?",
                (folder_id, row["item_id"], row["orphan"])).fetchone()
            local = dict(found) if found is not None else None
        if local is None:
            row["position"] = self._next_position(folder_id)
            self.command.inserted(self.conn, "folder_items", "entries", row)
            return
        note = row["note"]
        if not note.strip() or note in local["note"]:
            self.command.report.skipped["entries"] += 1
            return
        # Both copies carry a folder note: keep both texts rather than choose.
        merged = note if not local["note"].strip() else f"{local['note']}\n\n{note}"
        self.command.updated(self.conn, "folder_items", "entries", local, {"note": merged})

    def _next_position(self, folder_id: str) -> int:
        found = self.conn.execute("SELECT max(position) FROM folder_items WHERE folder_id = ?",
                                  (folder_id,)).fetchone()[0]
        return 0 if found is None else found + 1
