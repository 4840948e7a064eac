"""What every user service and command needs, injected once (git-cola's
``ApplicationContext``): the database, the corpus catalogue and the undo stack."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from connecteur.store.user.db import UserDatabase
from connecteur.store.user.items import ItemCatalogue
from connecteur.store.user.undo import Command, UndoStack


@dataclass
class UserContext:
    db: UserDatabase
    catalogue: ItemCatalogue
    history: UndoStack

    def run(self, command: Command, origin: object = None) -> Any:
        """Do ``command`` (committed before this returns), announce it, make it undoable."""
        return self.history.push(command, origin)
