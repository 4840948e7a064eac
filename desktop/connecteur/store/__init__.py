"""Domain model <-> SQLite: the bundled corpus database (read-only) and, later, the
user's database. No other package runs SQL."""

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

__all__ = ["CorpusStore", "SpeakerEntry", "build_database", "schema_sql", "text_fingerprint"]
# The trainer's own layer (user database).
__all__ += ["PALETTE", "AnchorReport", "Change", "Command", "Folder", "FolderEntry",
            "Highlight", "ImportReport", "ItemAnnotations", "Note", "Orphan", "StartupReport",
            "TrainerMaterial", "UndoStack", "UserDataError", "UserInputError", "UserStore"]
