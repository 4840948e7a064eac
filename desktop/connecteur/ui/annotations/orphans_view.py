""""Annotations orphelines": what could not be re-attached to the current corpus text
(its passage was removed or rewritten beyond recognition). Nothing is ever dropped:
each keeps its quote, the trainer's text and the last reference it was known by.
From here a note can be attached to the item now shown, or an orphan deleted.
The list refreshes itself on every change that may make or settle an orphan.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from connecteur.store import Change, Orphan
from connecteur.store.user.markup import note_html
from connecteur.ui.annotations.user_layer import UserLayer
from connecteur.ui.common import labels
from connecteur.ui.common.item_summary import excerpt, when
from connecteur.ui.common.rich_text import h

if TYPE_CHECKING:  # the user layer loads after the first paint
    from connecteur.store import UserStore

KINDS = ("note", "highlight", "star", "tag", "folder", "folder_item")
OrphanRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = 5


def remove_orphan(user: UserStore, orphan: Orphan, origin: object) -> None:
    """Delete one orphan (undoable like every change)."""
    if orphan.kind == "note":
        user.notes.delete(orphan.id, origin=origin)
    elif orphan.kind == "highlight":
        user.highlights.delete(orphan.id, origin=origin)
    elif orphan.kind == "star":
        user.stars.delete(orphan.id, origin=origin)
    elif orphan.kind == "tag":
        user.tags.delete(orphan.id, origin=origin)
    elif orphan.kind == "folder_item":
        user.folders.remove_items(orphan.folder, [orphan.id], origin=origin)


class OrphansView(QDialog):
    location_requested = Signal(str)

    def __init__(self, layer: UserLayer, current_item: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orphans-view")
        self._layer = layer
        self._current_item = current_item
        self.orphans: list[Orphan] = []
        self._stale = False
        self.summary = QLabel(self, objectName="orphans-summary")
        self.summary.setWordWrap(True)
        self.table = QTreeWidget(self, objectName="orphans-table")
        self.table.setColumnCount(COLUMNS)
        self.table.setRootIsDecorated(False)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.currentItemChanged.connect(lambda *_: self._show_current())
        self.details = QTextBrowser(self, objectName="orphans-details")
        self.details.setOpenLinks(False)
        self.details.setMaximumHeight(170)
        self.attach_button = QPushButton(self, objectName="orphans-attach")
        self.attach_button.clicked.connect(self.attach_current)
        self.delete_button = QPushButton(self, objectName="orphans-delete")
        self.delete_button.clicked.connect(self.delete_current)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        self.table.header().setStretchLastSection(False)
        self.table.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        row = QHBoxLayout()
        row.addWidget(self.attach_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(row)
        layer.changed.connect(self._on_change)
        self._retranslate()
        self.resize(900, 420)
        self.refresh()

    # --- content ---------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        current = self.current()
        self.orphans = self._layer.read(lambda u: u.orphans(), [])
        self.table.clear()
        for orphan in self.orphans:
            item = QTreeWidgetItem(self._row(orphan))
            item.setData(0, OrphanRole, orphan.id)
            item.setToolTip(1, orphan.quote or orphan.item_text)
            item.setToolTip(2, orphan.text)
            item.setToolTip(3, orphan.item_reference)
            self.table.addTopLevelItem(item)
            if current is not None and orphan.id == current.id:
                self.table.setCurrentItem(item)
        for column, width in ((0, 130), (1, 230), (3, 230), (4, 150)):
            self.table.setColumnWidth(column, width)
        if self.table.currentItem() is None and self.table.topLevelItemCount():
            self.table.setCurrentItem(self.table.topLevelItem(0))
        self._update_summary()
        self._show_current()

    def _row(self, orphan: Orphan) -> list[str]:
        kinds = {"note": self.tr("Note"), "highlight": self.tr("Surlignage"),
                 "star": self.tr("Favori"), "tag": self.tr("Étiquette"),
                 "folder_item": self.tr("Élément de dossier")}
        passage = f"« {excerpt(orphan.quote, 120)} »" if orphan.quote \
            else excerpt(orphan.item_text, 120)
        text = excerpt(orphan.text, 160)
        if orphan.folder:
            text = self.tr("Dossier « {0} » : {1}").format(orphan.folder, text) if text \
                else self.tr("Dossier « {0} »").format(orphan.folder)
        return [kinds.get(orphan.kind, orphan.kind), passage, text, orphan.item_reference,
                when(orphan.created)]

    def _show_current(self) -> None:
        """The chosen orphan in full under the list (the columns are cut short)."""
        orphan = self.current()
        self._update_buttons()
        if orphan is None:
            self.details.clear()
            return
        parts = [f"<p><b>{h(self._row(orphan)[0])}</b> — {h(orphan.item_reference)}"
                 "</p>"]
        if orphan.quote:
            parts.append(f"<p>« {h(orphan.quote)} »</p>")
        if orphan.text:
            parts.append(note_html(orphan.text) if orphan.kind in ("note", "highlight",
                                                                    "folder_item")
                         else f"<p>{h(orphan.text)}</p>")
        label = self.tr("Texte de l'élément à l'époque :")
        parts.append(f"<p><i>{h(label)}</i> {h(orphan.item_text)}</p>")
        self.details.setHtml("".join(parts))

    def current(self) -> Orphan | None:
        item = self.table.currentItem()
        wanted = item.data(0, OrphanRole) if item is not None else None
        return next((o for o in self.orphans if o.id == wanted), None)

    def _on_change(self, change: Change) -> None:
        """Refresh now if shown; otherwise when next shown (an import announces one
        change per record)."""
        if change.kind in KINDS or change.kind in ("anchoring", "external"):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # --- commands --------------------------------------------------------------------

    def attach_current(self) -> bool:
        """Attach the chosen orphan note to the item shown in the window."""
        orphan, item_id = self.current(), self._current_item()
        if orphan is None or orphan.kind != "note" or not item_id:
            return False
        said = self.tr("Note rattachée à l'élément affiché (Ctrl+Z pour annuler).")
        return self._layer.write(lambda u: u.notes.move(orphan.id, item_id, origin=self),
                                 done=lambda _r: self._layer.message.emit(said)) is not None

    def delete_current(self) -> bool:
        orphan = self.current()
        if orphan is None:
            return False
        said = self.tr("Annotation orpheline supprimée (Ctrl+Z pour annuler).")
        return self._layer.write(lambda u: remove_orphan(u, orphan, self),
                                 done=lambda _r: self._layer.message.emit(said)) is not None

    def _copy(self, orphan: Orphan) -> None:
        parts = [orphan.quote and f"« {orphan.quote} »", orphan.text, orphan.item_reference]
        QGuiApplication.clipboard().setText("\n\n".join(p for p in parts if p))

    def _menu(self, point: QPoint) -> None:
        orphan = self.current()
        if orphan is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("&Copier le texte"), lambda: self._copy(orphan))
        if orphan.kind == "note":
            menu.addAction(self.attach_button.text(), self.attach_current)
        menu.addAction(self.delete_button.text(), self.delete_current)
        menu.exec(self.table.viewport().mapToGlobal(point))
        menu.deleteLater()

    # --- state and language ------------------------------------------------------------

    def _update_summary(self) -> None:
        if not self._layer.ready:
            self.summary.setText(self._layer.unavailable_message())
        elif not self.orphans:
            self.summary.setText(self.tr("Aucune annotation orpheline : toutes vos annotations "
                                         "sont rattachées au texte actuel."))
        else:
            self.summary.setText(labels.count(len(self.orphans), self.tr(
                "{0} annotation n'a pas pu être rattachée au texte actuel du corpus "
                "(passage supprimé ou trop modifié). Elle est conservée ici avec sa "
                "citation et votre texte."), self.tr(
                "{0} annotations n'ont pas pu être rattachées au texte actuel du corpus "
                "(passages supprimés ou trop modifiés). Elles sont conservées ici avec leur "
                "citation et votre texte.")))

    def _update_buttons(self) -> None:
        orphan = self.current()
        self.delete_button.setEnabled(orphan is not None)
        self.attach_button.setEnabled(orphan is not None and orphan.kind == "note"
                                      and bool(self._current_item()))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Annotations orphelines"))
        self.table.setHeaderLabels([self.tr("Type"), self.tr("Passage"), self.tr("Votre texte"),
                                    self.tr("Dernière référence connue"), self.tr("Créée le")])
        self.table.setAccessibleName(self.tr("Annotations orphelines"))
        self.details.setAccessibleName(self.tr("Détail de l'annotation choisie"))
        self.attach_button.setText(self.tr("&Rattacher à l'élément affiché"))
        self.delete_button.setText(self.tr("&Supprimer"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.refresh()
