"""Search hits as a list model; asks for the next page when the view scrolls to
the end (``canFetchMore`` / ``fetchMore``). A hit found only through its context
(its session's title, its theme) says so on a line of its own (``NoteRole``), as
does a related item (« Voir aussi ») with what it shares."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from connecteur.store import CorpusStore
from connecteur.ui.common import labels
from connecteur.ui.common.item_mime import ITEMS_MIME, items_mime_data
from connecteur.ui.common.model_types import ROOT, AnyIndex

HitRole = Qt.ItemDataRole.UserRole + 1
TargetRole = Qt.ItemDataRole.UserRole + 2
NoteRole = Qt.ItemDataRole.UserRole + 3  # a muted line under the excerpt ("" for none)
CONTEXT_CHARS = 120  # of a theme or session title quoted (the longest in the library: 92)


def hit_place(hit: Any) -> str:
    """"Piste de réflexion · 20 mai 2020, session 1"."""
    if hit.date and hit.session is not None:
        where = labels.place(hit.date, hit.session)
    else:
        where = labels.format_date(hit.date) if hit.date else ""
    return f"{labels.kind_name(hit.kind)} · {where}" if where else labels.kind_name(hit.kind)


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CONTEXT_CHARS else text[:CONTEXT_CHARS - 1].rstrip() + "…"


def context_note(store: CorpusStore | None, hit: Any) -> str:
    """Why a hit whose own text does not hold the words was found: "Trouvé dans la
    session « La gestion de crise »" (its theme, its session, the item a note is on);
    "" for a hit that matched through its own text. A related item: its reason."""
    translate = QCoreApplication.translate
    shared = getattr(hit, "shared", ())
    if shared:  # (the search layer's ``reason`` says the same, in French only)
        return translate("Results", "En commun : {0}").format(", ".join(shared))
    reason = getattr(hit, "reason", "")
    if reason:
        return reason
    if getattr(hit, "match", "") != "context":
        return ""
    parts = []
    for part in getattr(hit, "matched_in", ()):
        if part == "theme":
            parts.append(translate("Results", "dans le thème « {0} »").format(_quoted(hit.title)))
        elif part == "session_title":
            session = store.find(hit.session_id or "") if store is not None else None
            title = getattr(session, "title", "")
            if title:
                parts.append(translate("Results", "dans la session « {0} »").format(_quoted(title)))
        elif part == "item":
            parts.append(translate("Results", "dans l'élément annoté « {0} »").format(
                _quoted(hit.title)))
    if not parts:
        return ""
    return translate("Results", "Trouvé {0}").format(translate("Results", " et ").join(parts))


class ResultsModel(QAbstractListModel):
    more_requested = Signal()

    def __init__(self, parent: QObject | None = None,
                 store: CorpusStore | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._hits: list[Any] = []
        self._total = 0
        self._waiting_for_more = False

    @property
    def total(self) -> int:
        return self._total

    def hit(self, row: int) -> Any:
        return self._hits[row]

    def set_results(self, results: Any) -> None:
        """Replace everything with the first page of a new answer."""
        self.beginResetModel()
        self._hits = list(results.hits)
        self._total = results.total
        self._waiting_for_more = False
        self.endResetModel()

    def set_hits(self, hits: list[Any]) -> None:
        """Show these hits, all of them (« Voir aussi »: no further page)."""
        self.beginResetModel()
        self._hits = list(hits)
        self._total = len(self._hits)
        self._waiting_for_more = False
        self.endResetModel()

    def append(self, results: Any) -> None:
        """Add a following page (duplicates, if the index moved, are skipped)."""
        self._waiting_for_more = False
        known = {h.id for h in self._hits}
        fresh = [h for h in results.hits if h.id not in known]
        self._total = results.total
        if not fresh:
            self._total = len(self._hits)  # nothing more to fetch
            return
        first = len(self._hits)
        self.beginInsertRows(ROOT, first, first + len(fresh) - 1)
        self._hits.extend(fresh)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._hits, self._total, self._waiting_for_more = [], 0, False
        self.endResetModel()

    def more_failed(self) -> None:
        self._waiting_for_more = False

    # --- Qt model API ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            note = context_note(self._store, hit)
            text = f"{hit_place(hit)} — {hit.title} : {hit.text}"
            return f"{text} ({note})" if note else text
        if role == NoteRole:
            return context_note(self._store, hit)
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.title
        if role == HitRole:
            return hit
        if role == TargetRole:
            return hit.target_id
        return None

    # --- dragging a result onto a course folder ----------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:
        return [ITEMS_MIME, "text/plain", "text/uri-list"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return items_mime_data([self._hits[r].target_id for r in rows
                                if 0 <= r < len(self._hits)])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return (not parent.isValid() and not self._waiting_for_more
                and len(self._hits) < self._total)

    def fetchMore(self, parent: AnyIndex) -> None:
        if self.canFetchMore(parent):
            self._waiting_for_more = True
            self.more_requested.emit()
