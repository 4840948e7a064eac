"""The trainer's own layer in one object: open it once, use its services.

::

    corpus = CorpusStore.open()
    user = UserStore.open(corpus)          # recovers, backs up, migrates, re-attaches
    for message in user.startup.messages:  # tell the trainer what happened, if anything
        ...
    unsubscribe = user.subscribe(on_change)
    note = user.notes.add("2020-05-20/s1/lead/03", "question d'ouverture", origin=panel)
    user.undo()                            # "Annuler : ajouter une note"

Every method that changes something has committed before it returns, announces a
:class:`~connecteur.store.user.changes.Change` to subscribers and can be undone.
Methods are safe to call from a worker thread (one connection behind a lock).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from connecteur import paths
from connecteur.corpus import Resource
from connecteur.fileio import write_atomically
from connecteur.store.library.corpus_store import CorpusStore
from connecteur.store.user.backup import backup_now
from connecteur.store.user.changes import Change, ChangeHub, change
from connecteur.store.user.context import UserContext
from connecteur.store.user.db import UserDatabase
from connecteur.store.user.exporter import export_document
from connecteur.store.user.folders import Folders
from connecteur.store.user.highlights import Highlights
from connecteur.store.user.importer import (
    Cancelled,
    ImportAnnotations,
    ImportReport,
    Progress,
    check_document,
    parse_document,
    read_document,
)
from connecteur.store.user.items import ItemCatalogue
from connecteur.store.user.markdown import document_markdown
from connecteur.store.user.markup import note_plain
from connecteur.store.user.model import ItemAnnotations, Orphan, StartupReport, TrainerMaterial
from connecteur.store.user.notes import Notes
from connecteur.store.user.opening import open_database
from connecteur.store.user.reanchor import AnchorReport, Resolver, reanchor
from connecteur.store.user.rows import fetch, fetch_all
from connecteur.store.user.stars import Stars
from connecteur.store.user.tags import Tags
from connecteur.store.user.undo import Step, UndoStack

FINGERPRINT_KEY = "corpus_fingerprint"
_RESET_TABLES = ("folder_items", "folders", "notes", "highlights", "stars", "tags")


class UserStore:
    """Notes, highlights, stars, tags and course folders over one corpus text."""

    def __init__(self, db: UserDatabase, corpus: CorpusStore,
                 startup: StartupReport | None = None) -> None:
        self.db = db
        self.hub = ChangeHub()
        self.history = UndoStack(self._apply)
        self._ctx = UserContext(db, ItemCatalogue(corpus), self.history)
        self.notes = Notes(self._ctx)
        self.highlights = Highlights(self._ctx)
        self.stars = Stars(self._ctx)
        self.tags = Tags(self._ctx)
        self.folders = Folders(self._ctx)
        self.startup = startup or StartupReport(str(db.path))

    # --- opening ----------------------------------------------------------------------
    @classmethod
    def open(cls, corpus: CorpusStore, path: Path | None = None, *, backup: bool = True,
             now: datetime | None = None) -> UserStore:
        """Open the user database (``paths.user_db_path()`` by default).

        In order (see ``opening``): a home that cannot be written is opened read-only;
        a log left by a crash is kept and checked; a damaged, empty or missing file is
        replaced by the newest sound backup; the daily backup is made; migrations run;
        annotations are re-attached if the corpus text changed since the last run.
        ``startup`` says what happened.
        """
        path = path or paths.user_db_path()
        opened = open_database(path, backup=backup, now=now)
        store = cls(opened.db, corpus)
        try:
            anchoring = None if opened.db.read_only else store._reanchor_if_needed()
        except BaseException:
            opened.db.close()
            raise
        messages = list(opened.messages)
        if anchoring is not None and anchoring.summary():
            messages.append(anchoring.summary())
        recovery = opened.recovery
        store.startup = StartupReport(
            str(path), created=opened.created, migrated_from=opened.migrated_from,
            backup=str(opened.backup) if opened.backup else None,
            corrupt_copy=str(recovery.corrupt_copy) if recovery and recovery.corrupt_copy
            else None,
            restored_from=str(recovery.restored_from) if recovery and recovery.restored_from
            else None, messages=tuple(messages), anchoring=anchoring,
            read_only=opened.db.read_only)
        return store

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> UserStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def corpus(self) -> CorpusStore:
        return self._ctx.catalogue.corpus

    @property
    def catalogue(self) -> ItemCatalogue:
        return self._ctx.catalogue

    # --- changes, undo ------------------------------------------------------------------
    def _apply(self, step: Step, origin: object, reason: str) -> Any:
        with self.db.transaction():
            changes = step()
        self.hub.emit(changes or [], origin, reason)  # type: ignore[arg-type]
        return changes

    def subscribe(self, listener: Callable[[Change], None]) -> Callable[[], None]:
        """``listener(change)`` after every committed change; returns the unsubscriber."""
        return self.hub.subscribe(listener)

    def undo(self, origin: object = None) -> str | None:
        """Undo the last change; returns its label ("supprimer la note") or None."""
        command = self.history.undo(origin)
        return command.label if command else None

    def redo(self, origin: object = None) -> str | None:
        command = self.history.redo(origin)
        return command.label if command else None

    @property
    def can_undo(self) -> bool:
        return self.history.can_undo

    @property
    def can_redo(self) -> bool:
        return self.history.can_redo

    def check_external_changes(self, origin: object = None) -> bool:
        """Whether another window saved something since we last looked; if so, announce
        a ``Change(kind="external")`` so that views reload. Call it on a timer or when
        the window gets the focus."""
        if not self.db.changed_elsewhere():
            return False
        self.hub.emit([change("external", "changed")], origin, "external")
        return True

    # --- starting over ---------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """How many notes, highlights, stars, tags and folders there are (what a reset
        would remove, for its confirmation)."""
        return {table: int(self.db.value(f"SELECT count(*) FROM {table}") or 0)
                for table in _RESET_TABLES if table != "folder_items"}

    def reset_annotations(self, origin: object = None, now: datetime | None = None) -> Path:
        """Remove every annotation and folder, for a trainer who wants a clean start;
        return the backup made just before (the way back: it is never pruned while the
        newer backups hold nothing). Not undoable: the undo history is cleared, and
        every view hears a ``Change(kind="external")`` and reloads."""
        self.db.check_writable()
        made = backup_now(self.db.path, now=now)
        with self.db.transaction() as conn:
            for table in _RESET_TABLES:
                conn.execute(f"DELETE FROM {table}")
        self.db.checkpoint()
        self.history.clear()
        self.hub.emit([change("external", "changed")], origin, "edit")
        return made

    # --- corpus text changes -------------------------------------------------------------
    def _reanchor_if_needed(self) -> AnchorReport | None:
        if self.db.meta(FINGERPRINT_KEY) == self.catalogue.fingerprint:
            return None
        return self._reanchor()

    def _reanchor(self) -> AnchorReport:
        with self.db.transaction() as conn:
            report = reanchor(conn, Resolver(self.catalogue))
            self.db.set_meta(conn, FINGERPRINT_KEY, self.catalogue.fingerprint)
        if report.events:
            moved = [e.id for e in report.events]
            items = [i for e in report.events for i in (e.old_item_id, e.new_item_id) if i]
            self.hub.emit([change("anchoring", "changed", moved, items)], None, "anchoring")
        return report

    def use_corpus(self, corpus: CorpusStore) -> AnchorReport:
        """Switch to another corpus text and re-attach every annotation to it. The undo
        history is cleared: its commands refer to the previous text."""
        self._ctx.catalogue = ItemCatalogue(corpus)
        self.history.clear()
        return self._reanchor()

    # --- reading, for the window and the handouts ------------------------------------------
    def annotations_for(self, item_ids: Iterable[str]) -> dict[str, ItemAnnotations]:
        """Notes, highlights, star and tags of each item (items without any included)."""
        wanted = list(dict.fromkeys(item_ids))
        return {item_id: ItemAnnotations(
            item_id, tuple(self.notes.for_item(item_id)),
            tuple(self.highlights.for_item(item_id)), self.stars.is_starred(item_id),
            tuple(self.tags.for_item(item_id))) for item_id in wanted}

    def trainer_material(self, item_ids: Iterable[str],
                         folder: str | None = None) -> TrainerMaterial:
        """Notes, highlights, tags and (with ``folder``) folder notes of these items,
        shaped for the trainer edition of a handout."""
        found = self.annotations_for(item_ids)
        folder_notes = {e.item_id: e.note for e in self.folders.entries(folder)
                        if e.note and not e.orphan} if folder is not None else {}
        return TrainerMaterial(
            {i: tuple(n.body for n in a.notes) for i, a in found.items() if a.notes},
            {i: a.highlights for i, a in found.items() if a.highlights},
            {i: note for i, note in folder_notes.items() if i in found},
            {i: a.tags for i, a in found.items() if a.tags})

    def searchable_notes(self) -> list[tuple[str, str, str]]:
        """What the search index should hold of the trainer's writing, as
        (note id, item id, plain text): every note, and the note of every highlight
        (id ``highlight:<id>``). Orphans are left out: they have no item to open."""
        found = [(note.id, note.item_id, note_plain(note.body)) for note in self.notes.all()]
        found += [(f"highlight:{h.id}", h.item_id, note_plain(h.note))
                  for h in self.highlights.all() if h.note and h.note.strip()]
        return found

    def orphans(self) -> list[Orphan]:
        """"Annotations orphelines": everything whose passage is gone from the text."""
        out: list[Orphan] = []
        with self.db.reading() as conn:
            for row in fetch_all(conn, "notes", "orphan = 1", (), "created"):
                out.append(_orphan("note", row, text=row["body"]))
            for row in fetch_all(conn, "highlights", "orphan = 1", (), "created"):
                out.append(_orphan("highlight", row, quote=row["quote"], text=row["note"]))
            for row in fetch_all(conn, "stars", "orphan = 1", (), "created"):
                out.append(_orphan("star", row))
            for row in fetch_all(conn, "tags", "orphan = 1", (), "created"):
                out.append(_orphan("tag", row, text=row["tag"]))
            for row in fetch_all(conn, "folder_items", "orphan = 1", (), "added"):
                folder = fetch(conn, "folders", row["folder_id"]) or {"name": ""}
                out.append(_orphan("folder_item", row, text=row["note"],
                                   folder=folder["name"], created=row["added"]))
        return out

    # --- exchange --------------------------------------------------------------------------
    def export_document(self, folder: str | None = None) -> dict:
        """The JSON export (as a dict) of everything, or of one folder (name or ID)."""
        row = None
        if folder is not None:
            found = self.folders.require(folder)
            row = {"id": found.id, "name": found.name}
        return export_document(self.db, self.catalogue.fingerprint, row)

    def export_json(self, folder: str | None = None) -> str:
        return json.dumps(self.export_document(folder), ensure_ascii=False, indent=2) + "\n"

    def export_markdown(self, folder: str | None = None) -> str:
        return document_markdown(self.export_document(folder), self.catalogue.rank)

    def export_to(self, target: Path, fmt: str = "json", folder: str | None = None) -> Path:
        """Write the export to ``target`` atomically (never half a file)."""
        text = self.export_json(folder) if fmt == "json" else self.export_markdown(folder)
        return write_atomically(Path(target), text)

    def import_document(self, document: dict | str | Path, origin: object = None, *,
                        progress: Progress | None = None,
                        cancelled: Cancelled | None = None) -> ImportReport:
        """Merge an export into this installation (one undoable step); see ``importer``.

        ``document`` is a file (read with a size limit; anything but an ordinary file is
        refused before reading), JSON text or an already parsed export. Meant to run in
        a worker thread: ``progress(done, total)`` is called from that thread every few
        hundred records, and ``cancelled()`` (``threading.Event().is_set`` fits) is
        polled as often — once it returns True the import stops, rolls back and raises
        ``ImportCancelled``. Meanwhile this store still reads normally (the import has
        a connection of its own), while every write, here or in another window, is
        refused with a message saying that an import is running.
        """
        if isinstance(document, Path):
            document = read_document(document)
        elif isinstance(document, str):
            document = parse_document(document)
        else:
            document = check_document(document)
        command = ImportAnnotations(self._ctx, document, progress, cancelled)
        changes = command.run()
        self.history.record(command)
        self.hub.emit(changes, origin, "edit")
        return command.report

    # --- resources, for citations -----------------------------------------------------------
    def folder_resources(self, folder: str) -> list[Resource]:
        """Resources in the folder, and those of the sessions it holds, in folder order."""
        out: dict[str, Resource] = {}
        for item_id in self.folders.item_ids(folder):
            item = self.catalogue.find(item_id)
            if item is None:
                continue
            if item.kind == "resource":
                out.setdefault(item.id, item)
            elif item.kind == "session":
                for resource in item.resources:
                    out.setdefault(resource.id, resource)
        return list(out.values())


def _orphan(kind: str, row: dict, *, quote: str = "", text: str = "", folder: str = "",
            created: str | None = None) -> Orphan:
    return Orphan(kind, row["id"], row["item_id"], row["item_kind"], row["item_reference"],
                  row["item_text"], quote, text, folder, created or row["created"])
