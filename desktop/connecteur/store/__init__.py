"""Domain model <-> SQLite: the bundled corpus database (read-only) and, later, the
user's database. No other package runs SQL."""

from connecteur.store.corpus_schema import build_database, schema_sql, text_fingerprint
from connecteur.store.library import CorpusStore, SpeakerEntry

__all__ = ["CorpusStore", "SpeakerEntry", "build_database", "schema_sql", "text_fingerprint"]
