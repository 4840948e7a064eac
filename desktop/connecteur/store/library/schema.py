"""The bundled corpus database: its schema, written once, and how it is built.

The database is derived data: ``connecteur build`` rebuilds it from the corpus text
and the app only ever opens it read-only. The schema is normalised (one table per
kind, URLs and sub-bullets in their own tables) with foreign keys and indexes.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import connecteur
from connecteur.corpus import Library
from connecteur.errors import LibraryError, os_reason
from connecteur.fileio import current_umask

if TYPE_CHECKING:
    import sqlite_utils

SCHEMA_VERSION = 1

# (table, columns, primary key, foreign keys, indexed columns)
TABLES: list[tuple[str, dict[str, type], str | tuple[str, ...], list[tuple[str, str, str]],
                   list[str]]] = [
    ("meta", {"key": str, "value": str}, "key", [], []),
    ("about_blocks", {"position": int, "kind": str, "text": str}, "position", [], []),
    ("about_links", {"position": int, "url": str}, "position", [], []),
    ("events", {"id": str, "position": int, "date": str, "title": str}, "id", [], ["date"]),
    ("sessions", {"id": str, "event_id": str, "position": int, "number": int, "title": str,
                  "introduction": str}, "id", [("event_id", "events", "id")], ["event_id"]),
    ("themes", {"id": str, "session_id": str, "position": int, "part": str, "title": str},
     "id", [("session_id", "sessions", "id")], ["session_id"]),
    ("leads", {"id": str, "session_id": str, "theme_id": str, "position": int, "body": str,
               "text": str}, "id",
     [("session_id", "sessions", "id"), ("theme_id", "themes", "id")],
     ["session_id", "theme_id"]),
    ("lead_items", {"lead_id": str, "position": int, "text": str}, ("lead_id", "position"),
     [("lead_id", "leads", "id")], []),
    ("field_sites", {"id": str, "session_id": str, "position": int, "body": str, "text": str},
     "id", [("session_id", "sessions", "id")], ["session_id"]),
    ("field_site_items", {"field_site_id": str, "position": int, "text": str},
     ("field_site_id", "position"), [("field_site_id", "field_sites", "id")], []),
    ("field_site_urls", {"field_site_id": str, "position": int, "url": str},
     ("field_site_id", "position"), [("field_site_id", "field_sites", "id")], ["url"]),
    ("resources", {"id": str, "session_id": str, "position": int, "text": str}, "id",
     [("session_id", "sessions", "id")], ["session_id"]),
    ("resource_urls", {"resource_id": str, "position": int, "url": str},
     ("resource_id", "position"), [("resource_id", "resources", "id")], ["url"]),
    ("speakers", {"id": str, "session_id": str, "position": int, "name": str,
                  "affiliation": str}, "id", [("session_id", "sessions", "id")],
     ["session_id", "name"]),
    ("parse_warnings", {"position": int, "line": int, "message": str}, "position", [], []),
]


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _create_schema(db: sqlite_utils.Database) -> None:
    for name, columns, pk, foreign_keys, indexes in TABLES:
        db[name].create(columns, pk=pk, foreign_keys=foreign_keys, not_null=set(columns) - {
            "part"})
        for column in indexes:
            db[name].create_index([column])


def _rows(library: Library) -> dict[str, list[dict]]:
    """Every row of every table, in reading order."""
    rows: dict[str, list[dict]] = {name: [] for name, *_ in TABLES}
    about = library.about
    rows["about_blocks"] = [{"position": i, "kind": b.kind, "text": b.text}
                            for i, b in enumerate(about.blocks, start=1)]
    rows["about_links"] = [{"position": i, "url": u} for i, u in enumerate(about.links, start=1)]
    rows["meta"].append({"key": "about_title", "value": about.title})
    for e_pos, event in enumerate(library.events, start=1):
        rows["events"].append({"id": event.id, "position": e_pos, "date": event.date,
                               "title": event.title})
        for s_pos, session in enumerate(event.sessions, start=1):
            rows["sessions"].append({"id": session.id, "event_id": event.id, "position": s_pos,
                                     "number": session.number, "title": session.title,
                                     "introduction": session.introduction})
            session_rows(session, rows)
    rows["parse_warnings"] = [{"position": i, "line": w.line, "message": w.message}
                              for i, w in enumerate(library.warnings, start=1)]
    return rows


def session_rows(session, rows: dict[str, list[dict]]) -> None:
    for theme in session.themes:
        rows["themes"].append({"id": theme.id, "session_id": session.id,
                               "position": theme.position, "part": theme.part,
                               "title": theme.title})
        for lead in theme.leads:
            rows["leads"].append({"id": lead.id, "session_id": session.id, "theme_id": theme.id,
                                  "position": lead.position, "body": lead.body,
                                  "text": lead.text})
            rows["lead_items"] += [{"lead_id": lead.id, "position": i, "text": t}
                                   for i, t in enumerate(lead.items, start=1)]
    for site in session.field_sites:
        rows["field_sites"].append({"id": site.id, "session_id": session.id,
                                    "position": site.position, "body": site.body,
                                    "text": site.text})
        rows["field_site_items"] += [{"field_site_id": site.id, "position": i, "text": t}
                                     for i, t in enumerate(site.items, start=1)]
        rows["field_site_urls"] += [{"field_site_id": site.id, "position": i, "url": u}
                                    for i, u in enumerate(site.urls, start=1)]
    for res in session.resources:
        rows["resources"].append({"id": res.id, "session_id": session.id,
                                  "position": res.position, "text": res.text})
        rows["resource_urls"] += [{"resource_id": res.id, "position": i, "url": u}
                                  for i, u in enumerate(res.urls, start=1)]
    for spk in session.speakers:
        rows["speakers"].append({"id": spk.id, "session_id": session.id,
                                 "position": spk.position, "name": spk.name,
                                 "affiliation": spk.affiliation})


def build_database(library: Library, source_text: str, target: Path) -> Path:
    """Write the library to ``target`` atomically: a reader never sees half a file."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".connecteur-", suffix=".db", dir=target.parent)
    except OSError as exc:
        raise LibraryError(f"Impossible d'écrire la base du corpus dans {target.parent} "
                           f"({os_reason(exc)}).") from None
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, 0o666 & ~current_umask())
    import sqlite_utils  # only the builder needs it; readers use plain sqlite3

    try:
        conn = sqlite3.connect(tmp)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        _create_schema(db)
        rows = _rows(library)
        rows["meta"] += [
            {"key": "schema_version", "value": str(SCHEMA_VERSION)},
            {"key": "corpus_sha256", "value": text_fingerprint(source_text)},
            {"key": "app_version", "value": connecteur.__version__},
        ]
        with conn:
            for name, *_ in TABLES:
                if rows[name]:
                    db[name].insert_all(rows[name])
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise LibraryError(f"Base incohérente : {len(problems)} références cassées.")
        conn.execute("VACUUM")
        conn.close()
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise LibraryError(f"La base du corpus n'a pas pu être écrite dans {target} : {exc}.") \
            from None
    except OSError as exc:
        raise LibraryError(
            f"La base du corpus n'a pas pu être écrite dans {target} ({os_reason(exc)}).") from None
    finally:
        tmp.unlink(missing_ok=True)
    return target


def schema_sql(db_path: Path) -> str:
    """The CREATE statements of a built database, for ``db/schema.sql``."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        statements = [row[0] for row in conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC, name")]
    finally:
        conn.close()
    header = ("-- Schema of the bundled corpus database (db/connecteur.db).\n"
              "-- Generated by `connecteur build`; edit store/library/schema.py instead.\n")
    return header + "".join(f"{s};\n" for s in statements)
