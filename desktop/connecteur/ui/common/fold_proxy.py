"""Filtering and sorting of the library-wide tables the way people type: words in
any order, without accents or capitals (``elus`` finds "Élus"), sorted likewise."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from connecteur.corpus.text import fold

SearchTextRole = Qt.ItemDataRole.UserRole + 20  # folded text of the whole row
SortKeyRole = Qt.ItemDataRole.UserRole + 21  # what a column sorts by

RowTest = Callable[[int], bool]


class FoldFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._row_test: RowTest | None = None
        self.setSortRole(SortKeyRole)
        self.setDynamicSortFilter(True)

    @property
    def words(self) -> tuple[str, ...]:
        return self._words

    def set_text(self, text: str) -> None:
        """Keep rows containing every word of ``text`` (accents and case ignored)."""
        words = tuple(fold(text).split())
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange()

    def set_row_test(self, test: RowTest | None) -> None:
        """An extra condition on source rows (e.g. "has a link to this site")."""
        self.beginFilterChange()
        self._row_test = test
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self._row_test is not None and not self._row_test(source_row):
            return False
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        haystack = index.data(SearchTextRole) or ""
        return all(word in haystack for word in self._words)
