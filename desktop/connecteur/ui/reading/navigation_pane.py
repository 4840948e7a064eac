"""The table of contents on the left: a tree view over ``NavigationModel``, down to
the items, so every lead, field site, resource and speaker can be reached (and
starred, noted, put in a folder) with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from connecteur.app.place import ANNOTATABLE, Place
from connecteur.store import CorpusStore
from connecteur.ui.common.count_delegate import CountDelegate
from connecteur.ui.common.focus_ring import add_focus_ring
from connecteur.ui.reading.navigation_model import LocationRole, NavigationModel, NodeKindRole
from connecteur.ui.shell.context import ApplicationContext


class NavigationPane(QTreeView):
    location_selected = Signal(str)
    offered_changed = Signal()  # the current row changed (ItemSource)

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nav_model = NavigationModel(context.store, self)
        self.setModel(self.nav_model)
        self.setItemDelegate(CountDelegate(self))
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setObjectName("navigation")
        self._expand_days()
        add_focus_ring(self)
        self._shown: str | None = None  # the location the window shows (and we mirror)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.selectionModel().currentChanged.connect(lambda *_: self.offered_changed.emit())
        self.clicked.connect(self._chosen)
        self.activated.connect(self._chosen)
        context.languages.language_changed.connect(lambda _lang: self.nav_model.retranslate())
        self._retranslate()

    def _expand_days(self) -> None:
        for row in range(self.nav_model.rowCount()):
            index = self.nav_model.index(row, 0)
            if self.nav_model.rowCount(index):
                self.expand(index)

    def use_library(self, store: CorpusStore) -> None:
        """Another library (a document imported or removed): its tree, days open. The
        window then selects where the reader is (``select_place``)."""
        self._shown = None
        self.nav_model.use_library(store)
        self._expand_days()
    @staticmethod
    def item_of(index: QModelIndex) -> str | None:
        """The item a row stands for: a session or an item (not a day, section or
        theme)."""
        if not index.isValid() or index.data(NodeKindRole) not in ANNOTATABLE:
            return None
        return index.data(LocationRole)

    def offered_item(self) -> str | None:
        """The current row's item (ItemSource)."""
        return self.item_of(self.currentIndex())

    def select_place(self, place: Place) -> None:
        """Mirror where the reader is, without navigating again."""
        index = self.nav_model.index_for_place(place)
        if not index.isValid():
            return
        self._shown = index.data(LocationRole)
        if index == self.currentIndex():
            return
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self.selectionModel().setCurrentIndex(index,
                                              QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """The reader moved in the tree (arrows): go there, unless it is where the
        window already is (the tree was only mirroring it)."""
        if current.isValid() and current.data(LocationRole) != self._shown:
            self._shown = current.data(LocationRole)
            self.location_selected.emit(self._shown)

    def _chosen(self, index: QModelIndex) -> None:
        """A click or Enter on the current row goes there again (back to its top)."""
        if index.isValid():
            self.location_selected.emit(index.data(LocationRole))

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Sommaire de la bibliothèque"))
        self.setAccessibleDescription(self.tr(
            "Journées, sessions, rubriques et leurs éléments ; Entrée ou clic pour "
            "afficher, Ctrl+D ajoute l'élément choisi aux favoris."))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
