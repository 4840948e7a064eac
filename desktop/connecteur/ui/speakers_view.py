"""The "Intervenant·e·s" index: every person, filterable as you type, sortable by
any column; Enter or a double click shows the person in their session."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QMenu, QVBoxLayout, QWidget

from connecteur.ui import labels
from connecteur.ui.context import ApplicationContext
from connecteur.ui.index_table import FilterField, make_proxy, make_table
from connecteur.ui.speakers_model import (
    AFFILIATION,
    NAME,
    SESSIONS,
    OccurrencesRole,
    SpeakersModel,
    TargetRole,
)


class SpeakersView(QWidget):
    location_requested = Signal(str)
    summary_changed = Signal(str)

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakers-view")
        self._store = context.store
        self.source = SpeakersModel(context.store, self)
        self.proxy = make_proxy(self.source, self)
        self.title = QLabel(self)
        self.filter = FilterField(self)
        self.filter.setObjectName("speakers-filter")
        self.table = make_table(self.proxy, self, AFFILIATION)
        self.table.setObjectName("speakers-table")
        for column in (NAME, SESSIONS):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        self.filter.textChanged.connect(self._filter)
        self.table.activated.connect(self._open)
        self.table.setContextMenuPolicy(self.table.contextMenuPolicy().CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        context.languages.language_changed.connect(lambda _lang: self.source.retranslate())
        self.setFocusProxy(self.filter)
        self._retranslate()

    def summary(self) -> str:
        shown, total = self.proxy.rowCount(), self.source.rowCount()
        if shown == total:
            return self.tr("Intervenant·e·s : {0} personnes").format(total)
        return self.tr("Intervenant·e·s : {0} personnes sur {1}").format(shown, total)

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self.summary_changed.emit(self.summary())

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.location_requested.emit(index.data(TargetRole))

    def _menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        for item_id, session_id in index.data(OccurrencesRole):
            session = self._store.get(session_id)
            menu.addAction(self.tr("Voir dans la session : {0}").format(
                labels.session_label(session)),  # type: ignore[arg-type]
                lambda target=item_id: self.location_requested.emit(target))
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("<h2>Index des intervenant·e·s</h2>"))
        self.filter.setPlaceholderText(self.tr(
            "Filtrer par nom, affiliation ou session (accents facultatifs)"))
        self.filter.setAccessibleName(self.tr("Filtrer les intervenant·e·s"))
        self.table.setAccessibleName(self.tr("Intervenant·e·s"))
        self.table.setAccessibleDescription(self.tr(
            "Entrée ou double clic : voir la personne dans sa session."))
        self.summary_changed.emit(self.summary())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
