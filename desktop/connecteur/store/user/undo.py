"""Undo and redo in pure Python (no Qt), git-cola style.

Every change to the user data is a :class:`Command` with ``do`` and ``undo``. The
stack does not know about SQL: it hands each step to an ``apply`` function (the user
store runs it in one transaction and announces the changes it returns). A Qt front end
maps Ctrl+Z / Ctrl+Shift+Z to :meth:`UndoStack.undo` / :meth:`UndoStack.redo` and
labels its menu entries with :attr:`UndoStack.undo_text` / :attr:`UndoStack.redo_text`.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from connecteur.errors import BusyError, ConnecteurError

Step = Callable[[], Any]
Apply = Callable[[Step, object, str], Any]


class Command(ABC):
    """One user action that can be undone.

    ``label`` is a French verb phrase in lower case ("supprimer la note") used in
    "Annuler : supprimer la note". ``do`` runs again on redo, so it must not depend on
    state captured before the first run other than what ``undo`` restored.
    """

    label: str = "modification"

    @abstractmethod
    def do(self) -> Any:
        """Make the change; return what the apply function expects (the changes)."""

    @abstractmethod
    def undo(self) -> Any:
        """Put things back as they were before :meth:`do`."""


def _run_directly(step: Step, origin: object, reason: str) -> Any:
    return step()


class UndoStack:
    """Commands done, and commands undone that can be redone."""

    def __init__(self, apply: Apply = _run_directly, limit: int = 200) -> None:
        self._apply = apply
        self._limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._listeners: list[Callable[[], None]] = []
        self._lock = threading.RLock()

    # --- state, for menus -----------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_label(self) -> str:
        return self._done[-1].label if self._done else ""

    @property
    def redo_label(self) -> str:
        return self._undone[-1].label if self._undone else ""

    @property
    def undo_text(self) -> str:
        """``Annuler : supprimer la note`` (or plain ``Annuler`` when there is nothing)."""
        return f"Annuler : {self.undo_label}" if self._done else "Annuler"

    @property
    def redo_text(self) -> str:
        return f"Rétablir : {self.redo_label}" if self._undone else "Rétablir"

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener()`` whenever the stack changes (to enable or relabel menus)."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners \
            else None

    # --- actions --------------------------------------------------------------------
    def push(self, command: Command, origin: object = None) -> Any:
        """Do ``command`` and remember it; what was undone can no longer be redone."""
        with self._lock:
            result = self._apply(command.do, origin, "edit")
            self._done.append(command)
            del self._done[:-self._limit]
            self._undone.clear()
        self._notify()
        return result

    def record(self, command: Command) -> None:
        """Remember ``command`` as done, without running it: it already ran outside the
        stack (an import, which runs on its own connection so that the stack's lock is
        not held for its whole length)."""
        with self._lock:
            self._done.append(command)
            del self._done[:-self._limit]
            self._undone.clear()
        self._notify()

    def undo(self, origin: object = None) -> Command | None:
        """Undo the last command; None when there is nothing to undo."""
        return self._move(self._done, self._undone, "undo", origin)

    def redo(self, origin: object = None) -> Command | None:
        return self._move(self._undone, self._done, "redo", origin)

    def clear(self) -> None:
        with self._lock:
            self._done.clear()
            self._undone.clear()
        self._notify()

    def _move(self, source: list[Command], target: list[Command], reason: str,
              origin: object) -> Command | None:
        with self._lock:
            if not source:
                return None
            command = source.pop()
            step = command.undo if reason == "undo" else command.do
            try:
                self._apply(step, origin, reason)
            except BusyError:
                source.append(command)  # nothing was done: it can be tried again later
                raise
            except ConnecteurError as exc:
                # The data changed under the command (another window): it cannot be
                # replayed safely, so it leaves the stack and the user is told why.
                self._notify()
                verb = "d'annuler" if reason == "undo" else "de rétablir"
                raise ConnecteurError(f"Impossible {verb} « {command.label} » : "
                                      f"{exc.message}", hint=exc.hint) from None
            target.append(command)
        self._notify()
        return command

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()
