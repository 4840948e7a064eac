"""Small SQL helpers shared by the user services: whole rows in, whole rows out.

Commands keep the whole row they delete so that undo puts back exactly what was there
(same ID, same dates): an undone deletion is indistinguishable from no deletion, which
also keeps exports and merges free of duplicates.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from connecteur.errors import ConnecteurError
from connecteur.store.user.model import (
    FolderEntry,
    Highlight,
    Note,
    Snapshot,
    Star,
    Tag,
)


class UserInputError(ConnecteurError):
    """Something the trainer typed or chose that cannot be saved as is."""


def insert(conn: sqlite3.Connection, table: str, row: dict, *, replace: bool = False) -> None:
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"{verb} INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))


def fetch(conn: sqlite3.Connection, table: str, row_id: str) -> dict | None:
    found = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return dict(found) if found is not None else None


def fetch_all(conn: sqlite3.Connection, table: str, where: str = "1",
              params: Iterable = (), order: str = "rowid") -> list[dict]:
    return [dict(r) for r in conn.execute(
        f"SELECT * FROM {table} WHERE {where} ORDER BY {order}", tuple(params))]


def delete(conn: sqlite3.Connection, table: str, row_id: str) -> None:
    conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))


def update(conn: sqlite3.Connection, table: str, row_id: str, values: dict) -> None:
    sets = ", ".join(f"{k} = ?" for k in values)
    conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), row_id))


def snapshot_columns(snap: Snapshot) -> dict:
    return {"item_id": snap.item_id, "item_kind": snap.item_kind,
            "item_text": snap.item_text, "item_reference": snap.item_reference, "orphan": 0}


def _common(row: dict) -> dict:
    return {"item_kind": row["item_kind"], "item_text": row["item_text"],
            "item_reference": row["item_reference"], "orphan": bool(row["orphan"])}


def to_note(row: dict) -> Note:
    return Note(row["id"], row["item_id"], row["body"], row["created"], row["modified"],
                **_common(row))


def to_highlight(row: dict) -> Highlight:
    return Highlight(row["id"], row["item_id"], row["start_offset"], row["end_offset"],
                     row["quote"], row["prefix"], row["suffix"], row["colour"], row["note"],
                     row["created"], row["modified"], **_common(row))


def to_star(row: dict) -> Star:
    return Star(row["id"], row["item_id"], row["created"], **_common(row))


def to_tag(row: dict) -> Tag:
    return Tag(row["id"], row["item_id"], row["tag"], row["created"], **_common(row))


def to_entry(row: dict) -> FolderEntry:
    return FolderEntry(row["id"], row["folder_id"], row["item_id"], row["position"],
                       row["note"], row["added"], **_common(row))


@dataclass(frozen=True)
class Limits:
    """Sizes past which input is refused with a message rather than stored."""

    note_chars: int = 1_000_000
    short_chars: int = 200


LIMITS = Limits()


def check_text(value: object, what: str, *, required: bool, limit: int) -> str:
    """``value`` as given (never trimmed: the trainer's text is kept exactly), or a French
    error when it is not text, empty when required, or too long."""
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise UserInputError(f"{what} doit être du texte.")
    if required and not value.strip():
        raise UserInputError(f"{what} est vide.")
    if len(value) > limit:
        raise UserInputError(f"{what} dépasse la longueur permise ({_count(len(value))} "
                             f"caractères pour {_count(limit)} au plus).")
    return value


def _count(n: int) -> str:
    """``100 000``: thousands separated the French way (narrow no-break space)."""
    return f"{n:,}".replace(",", "\u202f")
