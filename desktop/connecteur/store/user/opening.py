"""Opening the user database at start-up: whatever protects the trainer's data runs
before the first read, in this order.

1. Take the shared "open" marker; whether anyone else had the database open tells a
   crash from another window.
2. When the home cannot be written (read-only folder or disk, full disk), open for
   reading only, say why, and stop there: reading still works, writes are refused
   with that reason.
3. After a crash, copy the write-ahead log aside and check it (``wal_evidence``).
4. A damaged or empty database is moved aside, a missing one too, and the newest
   sound backup restored (``backup.recover_if_corrupt``).
5. The daily backup; its failure is reported, it does not stop the start-up.
6. Migrations.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from connecteur.errors import ConnecteurError, os_reason
from connecteur.store.user.backup import Recovery, backup_daily, recover_if_corrupt
from connecteur.store.user.db import UserDatabase
from connecteur.store.user.file_locks import OpenMarker
from connecteur.store.user.wal_evidence import check_leftover_log

MIN_FREE_BYTES = 1 * 2**20   # below this, the disk counts as full


@dataclass
class Opening:
    db: UserDatabase
    created: bool = False
    migrated_from: int | None = None
    backup: Path | None = None
    recovery: Recovery | None = None
    messages: list[str] = field(default_factory=list)


def unwritable_reason(path: Path) -> str | None:
    """Why the user database at ``path`` cannot be written (French), or None."""
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"le dossier {directory} ne peut pas être créé ({os_reason(exc)})"
    if not os.access(directory, os.W_OK):
        return f"le dossier {directory} est en lecture seule"
    if path.exists() and not os.access(path, os.W_OK):
        return f"le fichier {path} est en lecture seule"
    try:
        info = os.statvfs(directory)
    except (OSError, AttributeError):  # no statvfs on Windows
        return None
    if info.f_bavail * info.f_frsize < MIN_FREE_BYTES:
        return f"le disque qui contient {directory} est plein"
    return None


def open_database(path: Path, *, backup: bool = True,
                  now: datetime | None = None) -> Opening:
    """The user database at ``path``, opened as described above."""
    now = now or datetime.now()
    marker = OpenMarker(path)
    reason = unwritable_reason(path)
    if reason is not None:
        return _read_only(path, reason)
    alone = marker.acquire()
    try:
        opening = _writable(path, alone, backup, now)
    except BaseException:
        marker.release()
        raise
    opening.db.keep(marker)
    return opening


def _read_only(path: Path, reason: str) -> Opening:
    db = UserDatabase.open_read_only(path, reason)
    return Opening(db, messages=[
        f"Vos annotations sont ouvertes en lecture seule : {reason}. Vous pouvez les "
        "consulter, mais aucune modification ne sera enregistrée."])


def _writable(path: Path, alone: bool, backup: bool, now: datetime) -> Opening:
    messages: list[str] = []
    existed = path.is_file()
    if alone and existed:
        log_damage = check_leftover_log(path, now)
        messages += [log_damage] if log_damage else []
    recovery = recover_if_corrupt(path, now=now)
    messages[:0] = [recovery.message] if recovery else []
    made = None
    if backup and path.is_file():
        try:
            made = backup_daily(path, now=now)
        except (ConnecteurError, OSError) as exc:
            why = exc.message if isinstance(exc, ConnecteurError) else os_reason(exc)
            messages.append(f"La sauvegarde quotidienne de vos annotations n'a pas pu être "
                            f"faite ({why.rstrip('.')}) ; vos annotations sont intactes.")
    db, migrated_from = UserDatabase.open(path)
    return Opening(db, created=not existed and recovery is None, migrated_from=migrated_from,
                   backup=made, recovery=recovery, messages=messages)
