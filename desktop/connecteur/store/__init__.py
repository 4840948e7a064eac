"""Domain model <-> SQLite: the bundled corpus database (read-only) and the user's
database (notes, highlights, stars, tags, folders). No other package runs SQL.

Names are imported on first use (PEP 562): opening the window needs only
``CorpusStore``, and the builder (sqlite-utils) and the user layer would otherwise
add a sizeable share of the start-up time.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "CorpusStore": "library", "SpeakerEntry": "library",
    "build_database": "corpus_schema", "schema_sql": "corpus_schema",
    "text_fingerprint": "corpus_schema",
    # The trainer's own layer (user database).
    "Change": "user_changes", "UserDataError": "user_db", "ImportReport": "user_import",
    "PALETTE": "user_model", "Folder": "user_model", "FolderEntry": "user_model",
    "Highlight": "user_model", "ItemAnnotations": "user_model", "Note": "user_model",
    "Orphan": "user_model", "StartupReport": "user_model", "TrainerMaterial": "user_model",
    "AnchorReport": "user_reanchor", "UserInputError": "user_rows", "UserStore": "user_store",
    "Command": "user_undo", "UndoStack": "user_undo",
}
__all__ = [  # noqa: RUF022 - grouped as in _EXPORTS
    "CorpusStore", "SpeakerEntry", "build_database", "schema_sql", "text_fingerprint",
    "Change", "UserDataError", "ImportReport", "PALETTE", "Folder", "FolderEntry",
    "Highlight", "ItemAnnotations", "Note", "Orphan", "StartupReport", "TrainerMaterial",
    "AnchorReport", "UserInputError", "UserStore", "Command", "UndoStack",
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
    from connecteur.store.corpus_schema import build_database, schema_sql, text_fingerprint
    from connecteur.store.library import CorpusStore, SpeakerEntry
    from connecteur.store.user_changes import Change
    from connecteur.store.user_db import UserDataError
    from connecteur.store.user_import import ImportReport
    from connecteur.store.user_model import (
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
    from connecteur.store.user_reanchor import AnchorReport
    from connecteur.store.user_rows import UserInputError
    from connecteur.store.user_store import UserStore
    from connecteur.store.user_undo import Command, UndoStack
