"""A document imported or removed from the command line while the window is open.

The trainer's library file changes only when a document comes or goes; its size, time
of change and inode (one ``stat``, a few microseconds) are compared when the window
comes back to the front. When they differ, the library is opened afresh in the
background and, if what it holds differs (its fingerprint), handed to the window.
The window's own imports and removals tell the watch what they wrote (``remember``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from connecteur.store import CorpusStore
from connecteur.ui.shell.context import ApplicationContext
from connecteur.ui.shell.operations import WORK, Operation

log = logging.getLogger(__name__)

Signature = tuple[int, int, int] | None


def file_signature(path: Path | None) -> Signature:
    """What changes when a file is rewritten (None: no such file)."""
    if path is None:
        return None
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size, found.st_ino


def reopen(store: CorpusStore) -> tuple[CorpusStore, Signature]:
    """The same library opened again, with the signature of the file it was read from
    (taken first: a change made while reading is seen at the next check)."""
    seen = file_signature(store.imported_path)
    return CorpusStore.open(store.path, imported=store.imported_path or False), seen


class LibraryWatch(QObject):
    changed = Signal(object)  # a freshly opened CorpusStore that differs from the shown one

    def __init__(self, context: ApplicationContext, busy: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._busy = busy
        self._checking = False
        self._seen = file_signature(context.library.imported_path)

    def remember(self, store: CorpusStore) -> None:
        """``store`` is what the window shows now (its file as it is now)."""
        self._seen = file_signature(store.imported_path)

    def check(self) -> bool:
        """Open the library again if its file changed; True when that was started."""
        store = self._context.library
        if self._checking or self._busy() or store.imported_path is None:
            return False
        if file_signature(store.imported_path) == self._seen:
            return False
        self._checking = True
        self._context.operations.run(Operation(
            lambda: reopen(store), lane=WORK, done=self._reopened, failed=self._failed))
        return True

    def _reopened(self, found: tuple[CorpusStore, Signature]) -> None:
        self._checking = False
        fresh, seen = found
        self._seen = seen
        if fresh.fingerprint != self._context.library.fingerprint or \
                fresh.notices != self._context.library.notices:
            self.changed.emit(fresh)

    def _failed(self, message: str) -> None:
        self._checking = False
        log.warning("the library could not be opened again: %s", message)
