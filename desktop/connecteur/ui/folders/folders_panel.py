"""The "Dossiers" side panel: course folders and their items.

Create, rename (F2), set the handout's title, audience and date, delete (asks first;
Ctrl+Z brings it back); drop items from the results, the favourites or the text onto
a folder; drag items within a folder (or Ctrl+↑ / Ctrl+↓) to reorder them; Suppr
removes an item; each item of a folder has its own note for that folder.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from connecteur.store import Folder, FolderEntry
from connecteur.ui.annotations.note_editor import Answer, NoteDialog
from connecteur.ui.annotations.user_layer import UserLayer
from connecteur.ui.common import labels
from connecteur.ui.common.focus_ring import add_focus_ring
from connecteur.ui.common.item_delegate import TwoLineDelegate
from connecteur.ui.folders.folder_dialog import FolderDialog
from connecteur.ui.folders.folders_model import FoldersModel, ItemIdRole, KindRole
from connecteur.ui.shell.context import ApplicationContext

Confirm = Callable[[str, str], bool]
ExportMenu = Callable[[QMenu, str], None]  # fills a menu with a folder's exports


def ask(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes
                                  | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class FolderTree(QTreeView):
    """Keyboard commands of the tree: Suppr, Ctrl+↑ / Ctrl+↓."""

    delete_requested = Signal()
    move_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit()
        elif ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Two-line items wrap to the width: their heights change with it."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()


class FoldersPanel(QWidget):
    location_requested = Signal(str)
    offered_changed = Signal()  # the selected row changed (ItemSource)

    def __init__(self, context: ApplicationContext, layer: UserLayer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layer = layer
        self.confirm: Confirm = lambda title, text: ask(self, title, text)
        self.export_menu: ExportMenu | None = None
        self.print_folder: Callable[[str], None] | None = None  # the print dialog, if any
        self.model = FoldersModel(layer, context.store, self)
        self.dialog: QWidget | None = None
        self._build()
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset,
                       self.model.dataChanged):
            signal.connect(self._show_state)
        self.model.rowsInserted.connect(self._expand_new)
        layer.opened.connect(lambda _user: self._show_state())
        self._retranslate()
        self._show_state()

    # --- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        icon = self.style().standardIcon
        self.new_button = QToolButton(self, objectName="folders-new")
        self.new_button.setIcon(icon(QStyle.StandardPixmap.SP_FileDialogNewFolder))
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_button.clicked.connect(self.new_folder)
        self.properties_button = QToolButton(self, objectName="folders-properties")
        self.properties_button.clicked.connect(lambda: self.edit_folder())
        self.more_button = QToolButton(self, objectName="folders-more")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_menu.aboutToShow.connect(self._fill_more_menu)
        self.more_button.setMenu(self.more_menu)
        self.tree = FolderTree(self, objectName="folders-tree")
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(TwoLineDelegate(self.tree))
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAnimated(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.activated.connect(self._activated)
        self.tree.delete_requested.connect(self.delete_selected)
        self.tree.move_requested.connect(self.move_current)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_entry_note())
        self.tree.selectionModel().currentChanged.connect(lambda *_: self.offered_changed.emit())
        add_focus_ring(self.tree)
        self.empty = QLabel(self, objectName="folders-empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.entry_note = QLabel(self, objectName="folders-entry-note")
        self.entry_note.setWordWrap(True)
        self.entry_note.setTextFormat(Qt.TextFormat.PlainText)
        self.entry_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_button = QPushButton(self, objectName="folders-entry-note-edit")
        self.note_button.clicked.connect(lambda: self.edit_entry_note())
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.properties_button)
        buttons.addWidget(self.more_button)
        buttons.addStretch(1)
        note = QHBoxLayout()
        note.addWidget(self.entry_note, 1)
        note.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(note)

    # --- selection -------------------------------------------------------------------

    def current_folder(self) -> Folder | None:
        return self.model.folder(self.tree.currentIndex())

    def current_entry(self) -> FolderEntry | None:
        return self.model.entry(self.tree.currentIndex())

    def offered_item(self) -> str | None:
        """The item of the selected entry (ItemSource); a folder row offers none."""
        entry = self.current_entry()
        return entry.item_id if entry is not None and not entry.orphan else None

    def select_folder(self, folder_id: str) -> None:
        index = self.model.folder_index(folder_id)
        if index.isValid():
            self.tree.expand(index)
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.tree.scrollTo(index)

    def _selected_entries(self) -> list[FolderEntry]:
        found = [self.model.entry(i) for i in self.tree.selectionModel().selectedIndexes()]
        entries = [e for e in found if e is not None]
        current = self.current_entry()
        return entries or ([current] if current else [])

    # --- commands --------------------------------------------------------------------

    def new_folder(self) -> FolderDialog:
        dialog = FolderDialog(self._layer, None, self)
        dialog.saved.connect(lambda folder: self.select_folder(folder.id))
        dialog.open()
        self.dialog = dialog
        return dialog

    def edit_folder(self, folder: Folder | None = None) -> FolderDialog | None:
        folder = folder or self.current_folder()
        if folder is None:
            return None
        dialog = FolderDialog(self._layer, folder, self)
        dialog.open()
        self.dialog = dialog
        return dialog

    def rename_current(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid() and index.data(KindRole) == "entry":
            index = index.parent()
        if index.isValid():
            self.tree.edit(index)

    def delete_folder(self, folder: Folder | None = None) -> bool:
        folder = folder or self.current_folder()
        if folder is None:
            return False
        size = len(self.model.entries(folder.id))
        question = self.tr("Supprimer le dossier vide « {1} » ?") if size == 0 else \
            labels.plural(size, self.tr("Supprimer le dossier « {1} » et son élément ?"),
                          self.tr("Supprimer le dossier « {1} » et ses {0} éléments ?"))
        text = question.format(size, folder.name) + "\n\n" + self.tr(
            "Les éléments restent dans la bibliothèque, et Édition › Annuler (Ctrl+Z) "
            "rétablit le dossier.")
        if not self.confirm(self.tr("Supprimer le dossier"), text):
            return False
        said = self.tr("Dossier « {0} » supprimé (Ctrl+Z pour annuler).").format(folder.name)
        return self._layer.write(lambda u: u.folders.delete(folder.id, origin=self),
                                 done=lambda _r: self._layer.message.emit(said)) is not None

    def remove_entries(self, entries: list[FolderEntry]) -> bool:
        if not entries:
            return False
        folder_id = entries[0].folder_id
        ids = [e.id for e in entries if e.folder_id == folder_id]
        said = self.tr("Retiré du dossier (Ctrl+Z pour annuler).")
        return self._layer.write(lambda u: u.folders.remove_items(folder_id, ids, origin=self),
                                 done=lambda _r: self._layer.message.emit(said)) is not None

    def delete_selected(self) -> None:
        if self.tree.currentIndex().data(KindRole) == "folder":
            self.delete_folder()
        else:
            self.remove_entries(self._selected_entries())

    def move_current(self, step: int) -> None:
        """Ctrl+↑ / Ctrl+↓: the keyboard's drag and drop."""
        entry = self.current_entry()
        if entry is None:
            return
        index = self.tree.currentIndex()
        target = index.row() + (2 if step > 0 else -1)
        if 0 <= target <= self.model.rowCount(index.parent()):
            self.model.reorder(entry.folder_id, [entry.id], target, done=lambda _r:
                               self.tree.setCurrentIndex(self.model.entry_index(entry.id)))

    def edit_entry_note(self, entry: FolderEntry | None = None) -> NoteDialog | None:
        entry = entry or self.current_entry()
        folder = self.model.folder(self.model.folder_index(entry.folder_id)) if entry else None
        if entry is None or folder is None:
            return None

        def save(text: str, answer: Answer) -> None:
            self._layer.write(lambda u: u.folders.set_item_note(
                entry.folder_id, entry.id, text, origin=self),
                done=lambda _r: answer(None), failed=answer)

        dialog = NoteDialog(self.tr("Note pour le dossier « {0} »").format(folder.name),
                            self.tr("Cette note n'accompagne l'élément que dans ce dossier "
                                    "(elle s'imprime dans le livret du formateur)."),
                            entry.note, save, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _activated(self, index: QModelIndex) -> None:
        if index.data(KindRole) == "entry" and not self.model.entry(index).orphan:
            self.location_requested.emit(index.data(ItemIdRole))

    # --- menus -----------------------------------------------------------------------

    def _menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        menu = QMenu(self)
        if not index.isValid():
            menu.addAction(self.tr("&Nouveau dossier…"), self.new_folder)
        elif index.data(KindRole) == "folder":
            self._folder_entries(menu, self.model.folder(index))
        else:
            entry = self.model.entry(index)
            if not entry.orphan:
                menu.addAction(self.tr("&Ouvrir"), lambda: self._activated(index))
            menu.addAction(self.tr("&Note pour ce dossier…"), lambda: self.edit_entry_note(entry))
            menu.addAction(self.tr("&Retirer du dossier"),
                           lambda: self.remove_entries(self._selected_entries()))
            menu.addSeparator()
            menu.addAction(self.tr("Monter (Ctrl+↑)"), lambda: self.move_current(-1))
            menu.addAction(self.tr("Descendre (Ctrl+↓)"), lambda: self.move_current(1))
        menu.exec(self.tree.viewport().mapToGlobal(point))
        menu.deleteLater()

    def _folder_entries(self, menu: QMenu, folder: Folder) -> None:
        menu.addAction(self.tr("&Propriétés (titre, public, date)…"),
                       lambda: self.edit_folder(folder))
        menu.addAction(self.tr("Re&nommer"), self.rename_current)
        menu.addAction(self.tr("&Supprimer le dossier…"), lambda: self.delete_folder(folder))
        if self.print_folder is not None:
            menu.addSeparator()
            printing = self.print_folder
            menu.addAction(self.tr("&Imprimer le livret…"), lambda: printing(folder.id))
        if self.export_menu is not None:
            menu.addSeparator()
            self.export_menu(menu, folder.id)

    def _fill_more_menu(self) -> None:
        self.more_menu.clear()
        folder = self.current_folder()
        if folder is None:
            self.more_menu.addAction(self.tr("Choisissez d'abord un dossier")).setEnabled(False)
            return
        self._folder_entries(self.more_menu, folder)

    # --- state -----------------------------------------------------------------------

    def _expand_new(self, parent: QModelIndex, first: int, _last: int) -> None:
        if not parent.isValid():
            self.tree.expand(self.model.index(first, 0))

    def _show_state(self, *_args: object) -> None:
        empty = self.model.rowCount() == 0
        self.tree.setVisible(not empty)
        self.empty.setVisible(empty)
        for widget in (self.new_button, self.properties_button, self.more_button):
            widget.setEnabled(self._layer.ready)
        self.new_button.setEnabled(self._layer.writable)
        self.properties_button.setEnabled(self._layer.writable and not empty)
        self.empty.setText(self._layer.unavailable_message() if not self._layer.ready else
                           self.tr("Aucun dossier de formation.\n\n« Nouveau » en crée un ; "
                                   "glissez-y ensuite des pistes depuis les résultats de "
                                   "recherche, les favoris ou le texte (ou clic droit › "
                                   "Ajouter au dossier)."))
        self._show_entry_note()

    def _show_entry_note(self) -> None:
        entry = self.current_entry()
        self.note_button.setVisible(entry is not None)
        self.entry_note.setVisible(entry is not None)
        if entry is not None:
            self.entry_note.setText(self.tr("Note dans ce dossier : {0}").format(entry.note)
                                    if entry.note else self.tr("Pas de note dans ce dossier."))
            self.note_button.setText(self.tr("Modifier…") if entry.note
                                     else self.tr("Écrire…"))

    def _retranslate(self) -> None:
        self.new_button.setText(self.tr("Nouveau"))
        self.new_button.setToolTip(self.tr("Nouveau dossier de formation"))
        self.properties_button.setText(self.tr("Propriétés…"))
        self.properties_button.setToolTip(self.tr("Titre, public et date du livret"))
        self.more_button.setText(self.tr("Plus"))
        self.more_button.setAccessibleName(self.tr("Autres commandes du dossier"))
        self.tree.setAccessibleName(self.tr("Dossiers de formation"))
        self.tree.setAccessibleDescription(self.tr(
            "F2 renomme, Suppr retire, Ctrl+flèches réordonnent, Entrée ouvre."))
        self.note_button.setAccessibleName(self.tr("Note de l'élément dans ce dossier"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
