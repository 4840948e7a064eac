"""The "Étiquettes" side panel: every tag with how many items carry it.

A tag put on an item that is not a favourite used to be findable nowhere; here each
tag is a way in: clicking it (or Entrée) searches ``tag:"NOM"``, which lists every
item carrying it. Tags are renamed (F2) and merged from here — one undo step each
(Ctrl+Z), like every change of the trainer's layer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from connecteur.store import Change
from connecteur.ui.annotations.user_layer import UserLayer, concerns
from connecteur.ui.common.count_delegate import CountDelegate
from connecteur.ui.common.focus_ring import add_focus_ring
from connecteur.ui.reading.navigation_model import CountRole
from connecteur.ui.shell.context import ApplicationContext

TagRole = Qt.ItemDataRole.UserRole + 1


def tag_query(tag: str) -> str:
    """The search for a tag: ``tag:"crise sanitaire"`` (« » when the tag holds a ")."""
    return f'tag:"{tag}"' if '"' not in tag else f"tag:«{tag}»"


class TagList(QListView):
    """F2 renames the current tag."""

    rename_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F2 and self.currentIndex().isValid():
            self.rename_requested.emit()
            return
        super().keyPressEvent(event)


class TagsPanel(QWidget):
    search_requested = Signal(str)  # a query to search: tag:"NOM"

    def __init__(self, context: ApplicationContext, layer: UserLayer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layer = layer
        self.dialog: QInputDialog | None = None  # the rename / merge question open
        self.model = QStandardItemModel(self)
        self.hint = QLabel(self, objectName="tags-hint")
        self.hint.setWordWrap(True)
        self.list = TagList(self, objectName="tags-list")
        self.list.setModel(self.model)
        self.list.setItemDelegate(CountDelegate(self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.clicked.connect(self._clicked)
        self.list.activated.connect(self._search)
        self.list.rename_requested.connect(self.ask_rename)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        add_focus_ring(self.list)
        self.rename_button = QPushButton(self, objectName="tags-rename")
        self.rename_button.clicked.connect(self.ask_rename)
        self.merge_button = QPushButton(self, objectName="tags-merge")
        self.merge_button.clicked.connect(self.ask_merge)
        self.empty = QLabel(self, objectName="tags-empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        layer.changed.connect(self._on_change)
        layer.opened.connect(lambda _user: self.reload())
        self._retranslate()

    # --- what is shown -----------------------------------------------------------------

    def tags(self) -> list[tuple[str, int]]:
        """(tag, count) as listed."""
        return [(self.model.item(r).data(TagRole), self.model.item(r).data(CountRole))
                for r in range(self.model.rowCount())]

    def selected_tags(self) -> list[str]:
        rows = sorted({i.row() for i in self.list.selectionModel().selectedIndexes()})
        if not rows and self.list.currentIndex().isValid():
            rows = [self.list.currentIndex().row()]
        return [self.model.item(r).data(TagRole) for r in rows]

    def reload(self) -> None:
        """Read the tags again, keeping the current one and the selection."""
        selected = set(self.selected_tags())
        current = self.list.currentIndex().data(TagRole)
        found = self._layer.read(lambda u: u.tags.all(), [])
        self.model.clear()
        for tag in found:
            row = QStandardItem(tag.tag)
            row.setData(tag.tag, TagRole)
            row.setData(tag.count, CountRole)
            row.setToolTip(self._count_text(tag.count))
            row.setData(f"{tag.tag}, {self._count_text(tag.count)}",
                        Qt.ItemDataRole.AccessibleTextRole)
            self.model.appendRow(row)
        selection = self.list.selectionModel()
        for r in range(self.model.rowCount()):
            index = self.model.index(r, 0)
            if index.data(TagRole) == current:
                selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)
            if index.data(TagRole) in selected:
                selection.select(index, selection.SelectionFlag.Select)
        self._show_state()

    def _count_text(self, count: int) -> str:
        return self.tr("1 élément") if count == 1 else self.tr("{0} éléments").format(count)

    def _on_change(self, change: Change) -> None:
        if concerns(change, ("tag",)):
            self.reload()

    def _show_state(self) -> None:
        empty = self.model.rowCount() == 0
        self.list.setVisible(not empty)
        self.hint.setVisible(not empty)
        self.empty.setVisible(empty)
        if not self._layer.ready:
            self.empty.setText(self._layer.unavailable_message())
        else:
            self.empty.setText(self.tr(
                "Aucune étiquette pour l'instant.\n\nDans le panneau Notes, donnez une "
                "étiquette à un élément (« à relier au cas Mulhouse », « ouverture ») : "
                "chaque étiquette apparaît ici avec le nombre d'éléments qui la portent, "
                "et un clic les retrouve tous."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = len(self.selected_tags())
        self.rename_button.setEnabled(chosen == 1)
        self.merge_button.setEnabled(chosen >= 1 and self.model.rowCount() >= 2)

    # --- searching ---------------------------------------------------------------------

    def _clicked(self, index: QModelIndex) -> None:
        """A plain click searches; Ctrl/Maj+click only chooses tags (to merge them)."""
        held = QApplication.keyboardModifiers()
        if held & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            return
        self._search(index)

    def _search(self, index: QModelIndex) -> None:
        tag = index.data(TagRole) if index.isValid() else None
        if tag:
            self.search_requested.emit(tag_query(tag))

    # --- renaming and merging ----------------------------------------------------------

    def ask_rename(self) -> QInputDialog | None:
        chosen = self.selected_tags()
        if len(chosen) != 1:
            return None
        old = chosen[0]
        dialog = self._dialog(self.tr("Renommer l'étiquette"),
                              self.tr("Nouveau nom de l'étiquette « {0} » :").format(old))
        dialog.setTextValue(old)
        dialog.textValueSelected.connect(lambda new: self.rename(old, new))
        dialog.open()
        return dialog

    def ask_merge(self) -> QInputDialog | None:
        """Several tags chosen: into which one (or a new name)? One tag chosen: into
        which other one?"""
        chosen = self.selected_tags()
        if not chosen:
            return None
        if len(chosen) == 1:
            names = [t for t, _n in self.tags() if t != chosen[0]]
            label = self.tr("Fusionner l'étiquette « {0} » dans :").format(chosen[0])
        else:
            names = chosen
            label = self.tr("Fusionner {0} étiquettes en une seule :").format(len(chosen))
        dialog = self._dialog(self.tr("Fusionner des étiquettes"), label)
        dialog.setComboBoxItems(names)
        dialog.setComboBoxEditable(True)
        dialog.textValueSelected.connect(lambda into: self.merge(chosen, into))
        dialog.open()
        return dialog

    def _dialog(self, title: str, label: str) -> QInputDialog:
        if self.dialog is not None:
            self.dialog.close()
        dialog = QInputDialog(self)
        dialog.setObjectName("tags-dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setOkButtonText(self.tr("OK"))
        dialog.setCancelButtonText(self.tr("Annuler"))
        dialog.destroyed.connect(lambda _obj=None: self._forget(dialog))
        self.dialog = dialog
        return dialog

    def _forget(self, dialog: QInputDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def rename(self, old: str, new: str) -> None:
        if not new.strip() or new.strip() == old:
            return
        said = self.tr("Étiquette « {0} » renommée en « {1} » (Ctrl+Z pour annuler).")
        self._layer.write(lambda u: u.tags.rename(old, new, origin=self),
                          done=lambda _n: self._layer.message.emit(
                              said.format(old, new.strip())),
                          label=self.tr("Renommer l'étiquette"))

    def merge(self, tags: list[str], into: str) -> None:
        if not into.strip():
            return
        said = self.tr("Étiquettes fusionnées dans « {0} » (Ctrl+Z pour annuler).")
        self._layer.write(lambda u: u.tags.merge(tags, into, origin=self),
                          done=lambda _n: self._layer.message.emit(said.format(into.strip())),
                          label=self.tr("Fusionner des étiquettes"))

    def _menu(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        if not index.isValid():
            return
        menu = self.context_menu(index)
        menu.exec(self.list.viewport().mapToGlobal(point))
        menu.deleteLater()

    def context_menu(self, index: QModelIndex) -> QMenu:
        """Search, rename, merge (built, not shown)."""
        menu = QMenu(self)
        menu.addAction(self.tr("&Chercher les éléments qui la portent"),
                       lambda: self._search(index))
        rename = menu.addAction(self.tr("&Renommer…"), self.ask_rename)
        rename.setEnabled(len(self.selected_tags()) == 1)
        merge = menu.addAction(self.tr("&Fusionner…"), self.ask_merge)
        merge.setEnabled(self.merge_button.isEnabled())
        return menu

    # --- language ----------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.hint.setText(self.tr("Un clic cherche les éléments qui portent l'étiquette ; "
                                  "Ctrl+clic en choisit plusieurs à fusionner."))
        self.rename_button.setText(self.tr("Renommer…"))
        self.merge_button.setText(self.tr("Fusionner…"))
        self.list.setAccessibleName(self.tr("Étiquettes"))
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
