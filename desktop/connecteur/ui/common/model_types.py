"""Names shared by the Qt item models of the window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

# What Qt passes as an index to a model's methods.
AnyIndex = QModelIndex | QPersistentModelIndex
# The invisible root: "no parent".
ROOT = QModelIndex()


class IndexTableModel(QAbstractTableModel):
    """A read-only table over a fixed list of rows (the library-wide indexes).

    Subclasses give their rows, their number of columns (``columns``: views ask for
    it constantly, so it is not derived from the translated titles), their column
    titles (``headers``, through ``tr`` so that they follow the language) and the
    column whose text depends on the language (``translated_column``); ``retranslate``
    repaints both.
    """

    columns = 0
    translated_column = 0

    def __init__(self, rows: list, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = rows

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else self.columns

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            column = self.translated_column
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))
