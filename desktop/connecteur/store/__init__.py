"""Domain model <-> SQLite: the bundled corpus database (read-only) with the trainer's
imported documents, and the user's database (notes, highlights, stars, tags, folders).
No other package runs SQL.

Names are imported on first use (PEP 562): opening the window needs only
``CorpusStore``, and the builder (sqlite-utils) and the user layer would otherwise
add a sizeable share of the start-up time.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "CorpusStore": "library.corpus_store", "SpeakerEntry": "library.corpus_store",
    "ImportedDocument": "library.imported",
    "build_database": "library.schema", "schema_sql": "library.schema",
    "text_fingerprint": "library.schema",
    # The trainer's own layer (user database).
    "Change": "user.changes", "UserDataError": "user.db", "ImportReport": "user.importer",
    "ImportCancelled": "user.importer",
    "PALETTE": "user.model", "Folder": "user.model", "FolderEntry": "user.model",
    "Highlight": "user.model", "ItemAnnotations": "user.model", "Note": "user.model",
    "Orphan": "user.model", "StartupReport": "user.model", "TrainerMaterial": "user.model",
    "AnchorReport": "user.reanchor", "UserInputError": "user.rows", "UserStore": "user.store",
    "Command": "user.undo", "UndoStack": "user.undo",
}
__all__ = [  # noqa: RUF022 - grouped as in _EXPORTS
    "CorpusStore", "SpeakerEntry", "ImportedDocument", "build_database", "schema_sql",
    "text_fingerprint",
    "Change", "UserDataError", "ImportReport", "ImportCancelled", "PALETTE", "Folder",
    "FolderEntry", "Highlight", "ItemAnnotations", "Note", "Orphan", "StartupReport",
    "TrainerMaterial", "AnchorReport", "UserInputError", "UserStore", "Command", "UndoStack",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'connecteur.store' has no attribute {name!r}")
    value = getattr(import_module(f"connecteur.store.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # what type checkers and IDEs should see
    from connecteur.store.library.corpus_store import CorpusStore, SpeakerEntry
    from connecteur.store.library.imported import ImportedDocument
    from connecteur.store.library.schema import (
        build_database,
        schema_sql,
        text_fingerprint,
    )
    from connecteur.store.user.changes import Change
    from connecteur.store.user.db import UserDataError
    from connecteur.store.user.importer import ImportCancelled, ImportReport
    from connecteur.store.user.model import (
        PALETTE,
        Folder,
        FolderEntry,
        Highlight,
        ItemAnnotations,
        Note,
        Orphan,
        StartupReport,
        TrainerMaterial,
    )
    from connecteur.store.user.reanchor import AnchorReport
    from connecteur.store.user.rows import UserInputError
    from connecteur.store.user.store import UserStore
    from connecteur.store.user.undo import Command, UndoStack
