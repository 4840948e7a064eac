"""The "Mes favoris" side panel: the starred items, filtered by tag, in reading order
or most recent first. A click or Enter opens an item; Suppr unstars it; drag one onto
a course folder — hovering over the "Dossiers" tab brings it forward — or use
"Ajouter au dossier ▸"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from connecteur.store import Change
from connecteur.ui.annotations.favorites_model import READING, RECENT, FavoritesModel, ItemIdRole
from connecteur.ui.annotations.user_layer import UserLayer, concerns
from connecteur.ui.common.focus_ring import add_focus_ring
from connecteur.ui.common.item_delegate import TwoLineDelegate
from connecteur.ui.folders import folder_menu
from connecteur.ui.shell.context import ApplicationContext


class FavoritesList(QListView):
    """Suppr / Retour arrière unstar the current favourite."""

    remove_requested = Signal(str)
    plain_click = True  # the last click had no Ctrl or Maj (it opens, not only selects)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.plain_click = event.modifiers() == Qt.KeyboardModifier.NoModifier
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and \
                self.currentIndex().isValid():
            self.remove_requested.emit(self.currentIndex().data(ItemIdRole))
            return
        super().keyPressEvent(event)


class FavoritesView(QWidget):
    location_requested = Signal(str)
    offered_changed = Signal()  # the selected favourite changed (ItemSource)

    def __init__(self, context: ApplicationContext, layer: UserLayer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layer = layer
        self.model = FavoritesModel(layer, context.store, self)
        self.tag_filter = QComboBox(self, objectName="favorites-tag")
        self.tag_filter.currentIndexChanged.connect(self._tag_chosen)
        self.order = QComboBox(self, objectName="favorites-order")
        self.order.currentIndexChanged.connect(
            lambda _i: self.model.set_order(self.order.currentData() or READING))
        self.list = FavoritesList(self, objectName="favorites-list")
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.activated.connect(self._open)
        self.list.clicked.connect(self._clicked)
        self.list.selectionModel().currentChanged.connect(
            lambda *_: self.offered_changed.emit())
        self.list.remove_requested.connect(self.unstar)
        add_focus_ring(self.list)
        self.empty = QLabel(self, objectName="favorites-empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        filters = QHBoxLayout()
        filters.addWidget(self.tag_filter, 1)
        filters.addWidget(self.order)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._show_state)
        layer.changed.connect(self._on_change)
        layer.opened.connect(lambda _user: self._fill_tags())
        self._retranslate()

    # --- commands --------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.list.selectionModel().selectedIndexes()})
        if not rows and self.list.currentIndex().isValid():
            rows = [self.list.currentIndex().row()]
        return [self.model.item_id(r) for r in rows]

    def unstar(self, item_id: str) -> None:
        said = self.tr("Retiré des favoris (Ctrl+Z pour annuler).")
        self._layer.write(lambda u: u.stars.unstar(item_id, origin=self),
                          done=lambda _r: self._layer.message.emit(said))

    def offered_item(self) -> str | None:
        """The selected favourite (ItemSource)."""
        index = self.list.currentIndex()
        return index.data(ItemIdRole) if index.isValid() and self.list.isVisible() else None

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.location_requested.emit(index.data(ItemIdRole))

    def _clicked(self, index: QModelIndex) -> None:
        """A plain click opens the favourite (Ctrl or Maj + click only select)."""
        if self.list.plain_click:
            self._open(index)

    def _menu(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        if not index.isValid():
            return
        ids = self.selected_ids() or [index.data(ItemIdRole)]
        menu = QMenu(self)
        menu.addAction(self.tr("&Ouvrir"), lambda: self._open(index))
        menu.addAction(self.tr("&Retirer des favoris"),
                       lambda: [self.unstar(i) for i in ids])
        folder_menu.folder_submenu(menu, self._layer, lambda: ids, self.window(), self)
        menu.exec(self.list.viewport().mapToGlobal(point))
        menu.deleteLater()

    # --- filters ---------------------------------------------------------------------

    def _tag_chosen(self, _index: int) -> None:
        self.model.set_filter(self.tag_filter.currentData() or None)
        self._show_state()

    def _fill_tags(self) -> None:
        chosen = self.tag_filter.currentData()
        tags = self._layer.read(lambda u: u.tags.all(), [])
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("Toutes les étiquettes"), "")
        for tag in tags:
            self.tag_filter.addItem(f"{tag.tag} ({tag.count})", tag.tag)
        found = self.tag_filter.findData(chosen) if chosen else 0
        self.tag_filter.setCurrentIndex(max(0, found))
        self.tag_filter.blockSignals(False)
        if chosen and found < 0:  # the tag is gone: show everything again
            self.model.set_filter(None)

    def _on_change(self, change: Change) -> None:
        if concerns(change, ("tag",)):
            self._fill_tags()
        self._show_state()

    def _show_state(self, *_args: object) -> None:
        empty = self.model.rowCount() == 0
        self.list.setVisible(not empty)
        self.empty.setVisible(empty)
        if not self._layer.ready:
            self.empty.setText(self._layer.unavailable_message())
        elif self.model.tag:
            self.empty.setText(self.tr("Aucun favori ne porte l'étiquette « {0} ».").format(
                self.model.tag))
        else:
            self.empty.setText(self.tr(
                "Aucun favori pour l'instant.\n\nCtrl+D ajoute aux favoris l'élément choisi "
                "dans le texte (ou le retire) ; les favoris se retrouvent ici, se filtrent "
                "par étiquette et se glissent dans un dossier de formation."))

    # --- language --------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.tag_filter.setAccessibleName(self.tr("Filtrer les favoris par étiquette"))
        self.order.setAccessibleName(self.tr("Ordre des favoris"))
        current = self.order.currentData() or READING
        self.order.blockSignals(True)
        self.order.clear()
        self.order.addItem(self.tr("Ordre de lecture"), READING)
        self.order.addItem(self.tr("Les plus récents"), RECENT)
        self.order.setCurrentIndex(max(0, self.order.findData(current)))
        self.order.blockSignals(False)
        self.list.setAccessibleName(self.tr("Mes favoris"))
        self._fill_tags()
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
