"""Every resource of the library with its session and its links: a table model for
the "Bibliographie" index, with the web sites it points to for filtering."""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QObject,
    Qt,
)

from connecteur.corpus import Resource, Session
from connecteur.corpus.text import fold
from connecteur.store import CorpusStore
from connecteur.ui.common import labels
from connecteur.ui.common.fold_proxy import SearchTextRole, SortKeyRole
from connecteur.ui.common.model_types import AnyIndex, IndexTableModel

TargetRole = Qt.ItemDataRole.UserRole + 1
UrlsRole = Qt.ItemDataRole.UserRole + 2

REFERENCE, SESSION, SITES = range(3)


def site_of(url: str) -> str:
    """``https://www.fing.org/x`` → ``fing.org``: what a trainer calls a site."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


class BibliographyModel(IndexTableModel):
    columns = 3
    translated_column = SESSION

    def __init__(self, store: CorpusStore, parent: QObject | None = None) -> None:
        self._resources: list[Resource] = store.resources()
        super().__init__(self._resources, parent)
        self._sessions: dict[str, Session] = {s.id: s for s in store.sessions}
        self._order = {s.id: n for n, s in enumerate(store.sessions)}
        self._sites = [tuple(dict.fromkeys(site_of(u) for u in r.urls if site_of(u)))
                       for r in self._resources]

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Référence"), self.tr("Session"), self.tr("Sites"))

    def resource(self, row: int) -> Resource:
        return self._resources[row]

    def sites_of_row(self, row: int) -> tuple[str, ...]:
        return self._sites[row]

    def site_counts(self) -> list[tuple[str, int]]:
        """Sites by number of resources pointing to them, most cited first."""
        counts = Counter(site for sites in self._sites for site in sites)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        resource = self._resources[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and column == SITES:
                return "\n".join(resource.urls)
            if role == Qt.ItemDataRole.ToolTipRole and column == SESSION:
                session = self._sessions[resource.session_id]
                return f"{labels.session_place(session)} — {session.title}"
            return self._text(row, column)
        if role == SortKeyRole:
            if column == SESSION:
                return self._order[resource.session_id] * 1000 + resource.position
            return fold(self._text(row, column))
        if role == SearchTextRole:
            session = self._sessions[resource.session_id]
            return fold(" ".join((resource.text, session.title, *resource.urls)))
        if role == TargetRole:
            return resource.id
        if role == UrlsRole:
            return list(resource.urls)
        return None

    def _text(self, row: int, column: int) -> str:
        resource = self._resources[row]
        if column == REFERENCE:
            return resource.text
        if column == SESSION:  # short: the reference needs the width (title in the tooltip)
            return labels.session_place(self._sessions[resource.session_id])
        return ", ".join(self._sites[row])

