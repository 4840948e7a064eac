"""Change notifications: what changed in the user data, and who started it.

Modelled on Anki's operations: every committed change is announced once, after the
commit, with the kind of record, the action, the records' and items' IDs, and the
opaque ``origin`` the caller passed (a widget, say), so that each view refreshes only
what concerns it and the view that made a change can ignore its own echo. A Qt front
end bridges :meth:`ChangeHub.subscribe` to a signal (queued, since work may run in a
worker thread: callbacks run in the thread that made the change).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Literal

ChangeKind = Literal["note", "highlight", "star", "tag", "folder", "folder_item",
                     "anchoring", "external"]
ChangeAction = Literal["added", "changed", "removed"]
ChangeReason = Literal["edit", "undo", "redo", "anchoring", "external"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """One committed change.

    ``ids`` are the changed records: annotation IDs for notes, highlights, stars and
    tags, folder IDs for folders, folder entry IDs for folder items. ``item_ids`` are
    the corpus items concerned (to repaint them), ``folder_ids`` the folders concerned.
    ``reason`` says whether it was a direct edit, an undo, a redo, the re-anchoring to
    a new corpus text, or a change made by another window of the app (``external``:
    reload what you show).
    """

    kind: ChangeKind
    action: ChangeAction
    ids: tuple[str, ...] = ()
    item_ids: tuple[str, ...] = ()
    folder_ids: tuple[str, ...] = ()
    origin: object = None
    reason: ChangeReason = "edit"


def change(kind: ChangeKind, action: ChangeAction, ids: Iterable[str] = (),
           item_ids: Iterable[str] = (), folder_ids: Iterable[str] = ()) -> Change:
    """A change with de-duplicated, ordered ID tuples (commands build them with this)."""
    return Change(kind, action, tuple(dict.fromkeys(ids)), tuple(dict.fromkeys(item_ids)),
                  tuple(dict.fromkeys(folder_ids)))


Listener = Callable[[Change], None]


class ChangeHub:
    """Subscribers and the broadcast of committed changes."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after each commit; returns a function that unsubscribes."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def emit(self, changes: Iterable[Change], origin: object = None,
             reason: ChangeReason = "edit") -> list[Change]:
        """Announce ``changes`` (already committed) with their origin and reason.

        A failing listener is logged and skipped: the data is saved whatever a view
        does with the news, and the other views must still hear it.
        """
        sent = [replace(c, origin=origin, reason=reason) for c in changes]
        with self._lock:
            listeners = list(self._listeners)
        for item in sent:
            for listener in listeners:
                try:
                    listener(item)
                except Exception:
                    log.exception("A change listener failed on %s", item)
        return sent
