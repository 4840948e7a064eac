"""Backups of the user database, and recovery when it is found damaged at start-up.

Backups use SQLite's online backup API (a consistent copy even while another window
writes), go to a temporary file that is checked and then renamed, are made at most once
a day, and the last ten are kept. A damaged database is never deleted: it is moved
aside as ``user.db.corrupt-<timestamp>`` (with its WAL files) before the latest sound
backup is put in its place.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from connecteur import paths
from connecteur.corpus.reference import french_date
from connecteur.errors import ConnecteurError
from connecteur.fileio import current_umask

KEEP_BACKUPS = 10
_NAME_RE = re.compile(r"^user-(\d{8})-(\d{6})\.db$")
_SIDE_FILES = ("-wal", "-shm", "-journal")


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def backup_time(path: Path) -> datetime | None:
    match = _NAME_RE.match(path.name)
    return datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S") if match else None


def describe_backup(path: Path) -> str:
    """``du 12 mars 2026 à 09:14``, for "la sauvegarde du …" in messages."""
    when = backup_time(path)
    if when is None:
        return path.name
    return f"du {french_date(when.date().isoformat())} à {when:%H:%M}"


def list_backups(directory: Path | None = None) -> list[Path]:
    """Backups, newest first."""
    directory = directory or paths.backups_dir()
    if not directory.is_dir():
        return []
    found = [p for p in directory.iterdir() if _NAME_RE.match(p.name) and p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


_DAMAGE_WORDS = ("not a database", "malformed", "corrupt", "disk image")


def integrity_problem(path: Path) -> str | None:
    """None when ``path`` is a sound SQLite database, else what is wrong (in SQLite's words).

    Only damage counts: a file that is merely busy (another window in a long write) or
    unreadable (permissions) raises a French error instead, so that a sound database is
    never taken for a damaged one and moved aside.
    """
    try:
        conn = sqlite3.connect(path, timeout=15)
    except sqlite3.Error as exc:
        return _damage_or_raise(exc, path)
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
        return None if rows == ["ok"] else "; ".join(rows[:3])
    except sqlite3.Error as exc:
        return _damage_or_raise(exc, path)
    finally:
        conn.close()


def _damage_or_raise(exc: sqlite3.Error, path: Path) -> str:
    if any(word in str(exc).lower() for word in _DAMAGE_WORDS):
        return str(exc)
    raise ConnecteurError(f"Impossible de vérifier le fichier de vos annotations ({path}) : "
                          f"{exc}.", hint="Fermez les autres fenêtres de Connecteur puis "
                          "réessayez ; le fichier n'a pas été modifié.") from None


def _copy_database(source: Path, target: Path) -> None:
    """Copy with the backup API into a temporary file, check it, rename it over ``target``."""
    tmp = target.with_name(f".{target.name}.part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=15)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    problem = integrity_problem(tmp)
    if problem:
        tmp.unlink(missing_ok=True)
        raise ConnecteurError(f"La copie de {source} est incorrecte ({problem}).")
    os.chmod(tmp, 0o666 & ~current_umask())
    os.replace(tmp, target)


def backup_now(db_path: Path | None = None, directory: Path | None = None,
               now: datetime | None = None, keep: int = KEEP_BACKUPS) -> Path:
    """Back the user database up now; keep the newest ``keep`` backups."""
    db_path = db_path or paths.user_db_path()
    directory = paths.ensure_dir(directory or paths.backups_dir())
    target = directory / f"user-{_stamp(now or datetime.now())}.db"
    try:
        _copy_database(db_path, target)
    except (sqlite3.Error, OSError) as exc:
        raise ConnecteurError(f"La sauvegarde de vos annotations a échoué : {exc}.") from None
    prune(directory, keep)
    return target


def backup_daily(db_path: Path | None = None, directory: Path | None = None,
                 now: datetime | None = None, keep: int = KEEP_BACKUPS) -> Path | None:
    """The start-up backup: made when none exists for today; None when skipped."""
    db_path = db_path or paths.user_db_path()
    now = now or datetime.now()
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    latest = next(iter(list_backups(directory)), None)
    latest_time = backup_time(latest) if latest else None
    if latest_time is not None and latest_time.date() == now.date():
        return None
    return backup_now(db_path, directory, now, keep)


def prune(directory: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    removed = list_backups(directory)[keep:]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


@dataclass(frozen=True)
class Recovery:
    """What was done about a damaged user database; ``message`` is for the user."""

    corrupt_copy: Path
    restored_from: Path | None
    problem: str
    message: str


def _move_aside(db_path: Path, now: datetime) -> Path:
    aside = db_path.with_name(f"{db_path.name}.corrupt-{_stamp(now)}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = db_path.with_name(f"{db_path.name}.corrupt-{_stamp(now)}-{counter}")
    os.replace(db_path, aside)
    for suffix in _SIDE_FILES:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside


def recover_if_corrupt(db_path: Path | None = None, directory: Path | None = None,
                       now: datetime | None = None) -> Recovery | None:
    """At start-up: None when the user database is sound (or absent); otherwise move it
    aside, restore the newest sound backup (or start empty) and say so in French."""
    db_path = db_path or paths.user_db_path()
    if not db_path.is_file():
        return None
    problem = integrity_problem(db_path)
    if problem is None:
        return None
    now = now or datetime.now()
    try:
        aside = _move_aside(db_path, now)
    except OSError as exc:
        raise ConnecteurError(
            f"Le fichier de vos annotations ({db_path}) est abîmé et n'a pas pu être mis de "
            f"côté ({exc.strerror}).", hint="Déplacez-le vous-même puis relancez Connecteur.") \
            from None
    restored = _restore_latest(db_path, directory)
    return Recovery(aside, restored, problem, _recovery_message(aside, restored))


def _restore_latest(db_path: Path, directory: Path | None) -> Path | None:
    for backup in list_backups(directory):  # newest first; a bad one is skipped
        try:
            if integrity_problem(backup) is not None:
                continue
            _copy_database(backup, db_path)
        except (ConnecteurError, sqlite3.Error, OSError):
            continue
        return backup
    return None


def _recovery_message(aside: Path, restored: Path | None) -> str:
    if restored is not None:
        return (f"Le fichier de vos annotations était abîmé. La sauvegarde "
                f"{describe_backup(restored)} a été restaurée : les modifications faites "
                f"depuis n'y figurent pas. Le fichier abîmé est conservé sous le nom "
                f"{aside.name} (dans {aside.parent}).")
    return (f"Le fichier de vos annotations était abîmé et aucune sauvegarde n'était "
            f"disponible : Connecteur repart avec des annotations vides. Le fichier abîmé "
            f"est conservé sous le nom {aside.name} (dans {aside.parent}).")
