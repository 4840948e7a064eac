"""Backups of the user database, and recovery when it is found damaged at start-up.

Backups use SQLite's online backup API (a consistent copy even while another window
writes), go to a temporary file that is checked and then renamed, are made at most once
a day, and the last ten are kept — but pruning never removes the newest backup that
holds annotations, even when the ten newer ones are all empty (a trainer who started
over by accident has until they notice). A damaged database is never deleted: it is
moved aside as ``user.db.corrupt-<timestamp>`` (with its WAL files) before the latest
sound backup is put in its place. An empty (zero-byte) database counts as damaged when
there is a backup to restore, and a missing one is restored from the newest backup: a
trainer who wants a clean start asks for it (``UserStore.reset_annotations``), which
keeps a backup first.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import suppress
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
_EMPTY = "fichier vide (0 octet)"


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


def holds_annotations(path: Path) -> bool:
    """Whether the backup at ``path`` holds at least one annotation or folder (read
    without writing anything beside it; an unreadable file holds nothing)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:
        for table in ("notes", "highlights", "stars", "tags", "folders"):
            try:
                if conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
                    return True
            except sqlite3.Error:  # an older schema, or damage: look at the next table
                continue
        return False
    finally:
        conn.close()


def prune(directory: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Remove all but the ``keep`` newest backups — except the newest one holding
    annotations, when none of those ``keep`` holds any."""
    backups = list_backups(directory)
    removed = backups[keep:]
    if removed and not any(holds_annotations(b) for b in backups[:keep]):
        precious = next((b for b in removed if holds_annotations(b)), None)
        if precious is not None:
            removed.remove(precious)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


@dataclass(frozen=True)
class Recovery:
    """What was done about a damaged or missing user database; ``message`` is for the
    user. ``corrupt_copy`` is None when there was no file to set aside."""

    corrupt_copy: Path | None
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
    """At start-up: None when the user database is sound (or absent with no backup to
    restore); otherwise put the newest sound backup in its place, after moving a
    damaged file aside, and say so in French."""
    db_path = db_path or paths.user_db_path()
    now = now or datetime.now()
    if not db_path.exists():
        return _restore_missing(db_path, directory, now)
    problem = _empty_with_backups(db_path, directory) or integrity_problem(db_path)
    if problem is None:
        return None
    try:
        aside = _move_aside(db_path, now)
    except OSError as exc:
        raise ConnecteurError(
            f"Le fichier de vos annotations ({db_path}) est abîmé et n'a pas pu être mis de "
            f"côté ({exc.strerror}).", hint="Déplacez-le vous-même puis relancez Connecteur.") \
            from None
    restored = _restore_latest(db_path, directory)
    return Recovery(aside, restored, problem, _recovery_message(aside, restored, problem))


def _empty_with_backups(db_path: Path, directory: Path | None) -> str | None:
    """"fichier vide" when the database is zero bytes long and a backup exists. With no
    backup an empty file is left alone: it may be a database being created right now
    by another window, and there would be nothing to restore anyway."""
    if db_path.is_file() and db_path.stat().st_size == 0 and list_backups(directory):
        return _EMPTY
    return None


def _restore_missing(db_path: Path, directory: Path | None, now: datetime) -> Recovery | None:
    """The database is gone but backups are there: restore the newest sound one. A
    write-ahead log left behind belongs to the lost file: it is set aside first (SQLite
    would otherwise apply it to the restored copy)."""
    if not list_backups(directory):
        return None
    for suffix in _SIDE_FILES:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            with suppress(OSError):
                os.replace(side, db_path.with_name(f"{db_path.name}{suffix}.orphan-"
                                                   f"{_stamp(now)}"))
    restored = _restore_latest(db_path, directory)
    if restored is None:
        return None
    return Recovery(None, restored, "fichier absent", (
        f"Le fichier de vos annotations ({db_path}) avait disparu. La sauvegarde "
        f"{describe_backup(restored)} a été restaurée : les modifications faites depuis n'y "
        "figurent pas. Pour repartir de zéro, utilisez « Réinitialiser les annotations » "
        "(connecteur reset-annotations), qui garde une sauvegarde."))


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


def _recovery_message(aside: Path, restored: Path | None, problem: str) -> str:
    empty = problem == _EMPTY
    state = "était vide (0 octet)" if empty else "était abîmé"
    kept = f"Le fichier {'vide' if empty else 'abîmé'} est conservé sous le nom " \
           f"{aside.name} (dans {aside.parent})."
    if restored is not None:
        return (f"Le fichier de vos annotations {state}. La sauvegarde "
                f"{describe_backup(restored)} a été restaurée : les modifications faites "
                f"depuis n'y figurent pas. {kept}")
    return (f"Le fichier de vos annotations {state} et aucune sauvegarde n'était "
            f"disponible : Connecteur repart avec des annotations vides. {kept}")
