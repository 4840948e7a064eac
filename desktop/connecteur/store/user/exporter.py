"""The JSON export of annotations: complete, versioned, and readable by another
installation (``user_import``) even when its corpus text differs.

Shape::

    {"format": "connecteur-annotations", "version": 1, "exported": "…Z",
     "application": "Connecteur 0.1.0", "corpus": {"fingerprint": "…"},
     "scope": {"kind": "all"} | {"kind": "folder", "folder": ID, "name": NAME},
     "notes": [...], "highlights": [...], "stars": [...], "tags": [...],
     "folders": [{..., "entries": [...]}]}

Every record keeps its stable ID (so a re-import is recognised) and the snapshot of
the item it was made on (so it can be re-attached to another text). Orphans are
exported too: an export is a complete copy.
"""

from __future__ import annotations

import sqlite3

import connecteur
from connecteur.store.user.db import UserDatabase
from connecteur.store.user.model import utc_now
from connecteur.store.user.rows import fetch_all

FORMAT = "connecteur-annotations"
VERSION = 1

_SNAPSHOT = ("item_id", "item_kind", "item_reference", "item_text", "orphan")
# exported field -> column, per kind
FIELDS: dict[str, dict[str, str]] = {
    "notes": {k: k for k in ("id", *_SNAPSHOT, "body", "created", "modified")},
    "highlights": {**{k: k for k in ("id", *_SNAPSHOT, "quote")}, "start": "start_offset",
                   "end": "end_offset", **{k: k for k in ("prefix", "suffix", "colour", "note",
                                                          "created", "modified")}},
    "stars": {k: k for k in ("id", *_SNAPSHOT, "created")},
    "tags": {k: k for k in ("id", *_SNAPSHOT, "tag", "created")},
    "folders": {k: k for k in ("id", "name", "title", "audience", "date", "created",
                               "modified")},
    "entries": {k: k for k in ("id", *_SNAPSHOT, "position", "note", "added")},
}


def _record(kind: str, row: dict) -> dict:
    out = {field: row[column] for field, column in FIELDS[kind].items()}
    if "orphan" in out:
        out["orphan"] = bool(out["orphan"])
    return out


def _folder_records(conn: sqlite3.Connection, folder_ids: list[str] | None) -> list[dict]:
    folders = fetch_all(conn, "folders", order="name_key")
    out = []
    for folder in folders:
        if folder_ids is not None and folder["id"] not in folder_ids:
            continue
        entries = fetch_all(conn, "folder_items", "folder_id = ?", (folder["id"],),
                            "position, rowid")
        out.append({**_record("folders", folder),
                    "entries": [_record("entries", e) for e in entries]})
    return out


def export_document(db: UserDatabase, fingerprint: str, folder: dict | None = None) -> dict:
    """All annotations, or one folder with the annotations on its items.

    ``folder`` is a row of the ``folders`` table (``id`` and ``name``) or None.
    """
    with db.reading() as conn:
        if folder is None:
            scope: dict = {"kind": "all"}
            where, params = "1", ()
            folders = _folder_records(conn, None)
        else:
            scope = {"kind": "folder", "folder": folder["id"], "name": folder["name"]}
            folders = _folder_records(conn, [folder["id"]])
            items = sorted({e["item_id"] for f in folders for e in f["entries"]
                            if not e["orphan"]})
            marks = ", ".join("?" for _ in items) or "NULL"
            where, params = f"orphan = 0 AND item_id IN ({marks})", tuple(items)
        records = {kind: [_record(kind, r) for r in fetch_all(conn, kind, where, params,
                                                                "created, rowid")]
                   for kind in ("notes", "highlights", "stars", "tags")}
    return {"format": FORMAT, "version": VERSION, "exported": utc_now(),
            "application": f"{connecteur.APP_NAME} {connecteur.__version__}",
            "corpus": {"fingerprint": fingerprint}, "scope": scope, **records,
            "folders": folders}
