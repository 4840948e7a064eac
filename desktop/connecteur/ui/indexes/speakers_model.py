"""Every person who spoke, once, with affiliation(s) and sessions: a table model
for the "Intervenant·e·s" index."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QObject,
    Qt,
)

from connecteur.corpus.text import fold
from connecteur.store import CorpusStore, SpeakerEntry
from connecteur.ui.common import labels
from connecteur.ui.common.fold_proxy import SearchTextRole, SortKeyRole
from connecteur.ui.common.model_types import AnyIndex, IndexTableModel

TargetRole = Qt.ItemDataRole.UserRole + 1  # the first occurrence's item ID
OccurrencesRole = Qt.ItemDataRole.UserRole + 2  # every (item ID, session ID)

NAME, AFFILIATION, SESSIONS = range(3)


class SpeakersModel(IndexTableModel):
    columns = 3
    translated_column = SESSIONS

    def __init__(self, store: CorpusStore, parent: QObject | None = None) -> None:
        self._entries: list[SpeakerEntry] = store.speaker_entries()
        super().__init__(self._entries, parent)
        self._store = store
        self._order = {s.id: n for n, s in enumerate(store.sessions)}

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Nom"), self.tr("Affiliation"), self.tr("Sessions"))

    def entry(self, row: int) -> SpeakerEntry:
        return self._entries[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(entry, column)
        if role == SortKeyRole:
            if column == SESSIONS:
                return min(self._order[s.session_id] for s in entry.speakers)
            return fold(self._text(entry, column))
        if role == SearchTextRole:
            return fold(" ".join(self._text(entry, c) for c in range(3)))
        if role == TargetRole:
            return entry.speakers[0].id
        if role == OccurrencesRole:
            return [(s.id, s.session_id) for s in entry.speakers]
        return None

    def _text(self, entry: SpeakerEntry, column: int) -> str:
        if column == NAME:
            return entry.name
        if column == AFFILIATION:
            return " ; ".join(a for a in entry.affiliations if a)
        sessions = (self._store.get(s.session_id) for s in entry.speakers)
        return " ; ".join(labels.session_place(s) for s in sessions)  # type: ignore[arg-type]

