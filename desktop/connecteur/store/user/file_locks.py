"""Advisory locks on small files beside the user database, which the operating system
releases when the process that holds them ends — however it ends.

Two uses: the importer holds an exclusive lock on ``user.db.import`` while its long
transaction runs (:class:`ImportMarker`), so that other writers get an honest message
at once instead of waiting on SQLite; and each open database holds a shared lock on
``user.db.open`` (:class:`OpenMarker`), so that the next process to open it can tell
a crash (nobody holds it, yet a write-ahead log is there) from another open window.
A crashed process never leaves a lock behind: the file may stay, its lock does not.

``flock`` locks belong to an open file, not to a process: two stores open in one
process (a test, a worker) see each other's locks, as two processes do. Where the file
cannot be created (a read-only home), there is simply no marker.
"""

from __future__ import annotations

import os
import time
from contextlib import suppress
from pathlib import Path

from connecteur import paths

try:  # POSIX
    import fcntl

    def _try_lock(fd: int, exclusive: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _lock(fd: int, exclusive: bool) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
except ImportError:  # Windows: one locked byte stands for the file
    import msvcrt

    def _try_lock(fd: int, exclusive: bool) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _lock(fd: int, exclusive: bool) -> None:
        _try_lock(fd, exclusive)  # no shared locks here: whoever came first keeps it

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

IMPORT_WAIT = 1.0   # seconds a writer waits for an import to end before giving up


def _open(path: Path, create: bool) -> int | None:
    flags = os.O_RDWR | (os.O_CREAT if create else 0)
    try:
        return os.open(path, flags, 0o666)
    except OSError:
        with suppress(OSError):
            return os.open(path, os.O_RDONLY)
        return None


class _Marker:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def release(self) -> None:
        if self._fd is not None:
            with suppress(OSError):
                _unlock(self._fd)
            os.close(self._fd)
            self._fd = None


class ImportMarker(_Marker):
    """Held by an import for as long as its transaction is open."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(paths.import_marker_path(db_path))

    def acquire(self) -> bool:
        """True when held; False when another import holds it. Without a marker file
        (read-only folder) it counts as held: that import cannot write anyway."""
        self._fd = _open(self.path, create=True)
        if self._fd is None:
            return True
        if _try_lock(self._fd, exclusive=True):
            return True
        self.release()
        return False


def import_running(db_path: Path) -> bool:
    """Whether an import holds the marker of this database now (any process)."""
    fd = _open(paths.import_marker_path(db_path), create=False)
    if fd is None:
        return False
    try:
        if _try_lock(fd, exclusive=False):
            _unlock(fd)
            return False
        return True
    finally:
        os.close(fd)


def wait_for_import(db_path: Path, wait: float = IMPORT_WAIT) -> bool:
    """Whether an import still runs after waiting up to ``wait`` seconds for it to end."""
    deadline = time.monotonic() + wait
    while import_running(db_path):
        if time.monotonic() >= deadline:
            return True
        time.sleep(0.05)
    return False


class OpenMarker(_Marker):
    """Share-locked by every open user database."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(paths.open_marker_path(db_path))

    def acquire(self) -> bool:
        """Take the shared lock; return True when nobody else had the database open."""
        self._fd = _open(self.path, create=True)
        if self._fd is None:
            return False  # cannot tell: assume another window has it
        alone = _try_lock(self._fd, exclusive=True)
        with suppress(OSError):
            _lock(self._fd, exclusive=False)  # flock converts: never unlocked in between
        return alone
