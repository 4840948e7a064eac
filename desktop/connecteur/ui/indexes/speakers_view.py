"""The "Intervenant·e·s" index: every person, filterable as you type, sortable by
any column; Enter or a double click shows the person in their session."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHeaderView, QMenu, QVBoxLayout, QWidget

from connecteur.ui.common import labels
from connecteur.ui.indexes.index_view import IndexView
from connecteur.ui.indexes.speakers_model import (
    AFFILIATION,
    NAME,
    SESSIONS,
    OccurrencesRole,
    SpeakersModel,
    TargetRole,
)
from connecteur.ui.shell.context import ApplicationContext


class SpeakersView(IndexView):
    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(context, SpeakersModel(context.store), "speakers", AFFILIATION,
                         TargetRole, parent)
        self.source.setParent(self)
        self._store = context.store
        for column in (NAME, SESSIONS):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def summary_text(self, shown: int, total: int) -> str:
        if shown == total:
            return labels.count(total, self.tr("Intervenant·e·s : {0} personne"),
                                self.tr("Intervenant·e·s : {0} personnes"))
        return labels.plural(shown, self.tr("Intervenant·e·s : {0} personne sur {1}"),
                             self.tr("Intervenant·e·s : {0} personnes sur {1}")).format(
            shown, total)

    def fill_menu(self, menu: QMenu, index: QModelIndex) -> None:
        for item_id, session_id in index.data(OccurrencesRole):
            session = self._store.get(session_id)
            menu.addAction(self.tr("Voir dans la session : {0}").format(
                labels.session_label(session)),  # type: ignore[arg-type]
                lambda target=item_id: self.location_requested.emit(target))

    def retranslate(self) -> None:
        self.title.setText(self.tr("<h2>Index des intervenant·e·s</h2>"))
        self.filter.setPlaceholderText(self.tr(
            "Filtrer par nom, affiliation ou session (accents facultatifs)"))
        self.filter.setAccessibleName(self.tr("Filtrer les intervenant·e·s"))
        self.table.setAccessibleName(self.tr("Intervenant·e·s"))
        self.table.setAccessibleDescription(self.tr(
            "Entrée ou double clic : voir la personne dans sa session."))
        super().retranslate()
