"""What the two library-wide indexes (speakers, bibliography) have in common: a
title, a filter field, a sortable table over an accent-insensitive filtering proxy;
Enter or a double click shows the row's item in its session, a right click offers
the index's own actions."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from connecteur.ui.indexes.index_table import FilterField, make_proxy, make_table
from connecteur.ui.shell.context import ApplicationContext


class IndexView(QWidget):
    location_requested = Signal(str)
    summary_changed = Signal(str)

    def __init__(self, context: ApplicationContext, source: QAbstractItemModel, name: str,
                 stretch_column: int, target_role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}-view")
        self._target_role = target_role
        self.source = source
        self.proxy = make_proxy(source, self)
        self.title = QLabel(self)
        self.filter = FilterField(self)
        self.filter.setObjectName(f"{name}-filter")
        self.table = make_table(self.proxy, self, stretch_column)
        self.table.setObjectName(f"{name}-table")
        self.filter.textChanged.connect(self._filter)
        self.table.activated.connect(self._open)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        context.languages.language_changed.connect(lambda _lang: source.retranslate())
        self.setFocusProxy(self.filter)

    def summary(self) -> str:
        return self.summary_text(self.proxy.rowCount(), self.source.rowCount())

    def summary_text(self, shown: int, total: int) -> str:
        """"N personnes", "N références sur M": for the status bar."""
        raise NotImplementedError

    def fill_menu(self, menu: QMenu, index: QModelIndex) -> None:
        """Add the index's actions for the row under the mouse."""

    def retranslate(self) -> None:
        self.summary_changed.emit(self.summary())

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self.summary_changed.emit(self.summary())

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.location_requested.emit(index.data(self._target_role))

    def _menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        self.fill_menu(menu, index)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
