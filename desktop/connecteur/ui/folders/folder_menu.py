""""Ajouter au dossier ▸": the same submenu in the reading pane, the search results,
"Mes favoris", the table of contents and the notes panel. Filled when it opens, so
it always lists the folders as they are now (another window may have made one)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from connecteur.store import Folder, FolderEntry
from connecteur.ui.annotations.user_layer import UserLayer
from connecteur.ui.common import labels
from connecteur.ui.common.item_summary import excerpt
from connecteur.ui.folders.folder_dialog import FolderDialog

ItemSource = Callable[[], list[str]]


def folder_description(folder: Folder) -> str:
    """Title, audience and date of a folder, one per line (its tooltip)."""
    lines = [folder.display_title]
    if folder.audience:
        text = QCoreApplication.translate("FolderMenu", "Public : {0}")
        lines.append(text.format(folder.audience))
    if folder.date:
        text = QCoreApplication.translate("FolderMenu", "Date : {0}")
        lines.append(text.format(labels.format_date(folder.date)))
    lines.append(labels.count(folder.size,
                              QCoreApplication.translate("FolderMenu", "{0} élément"),
                              QCoreApplication.translate("FolderMenu", "{0} éléments")))
    return "\n".join(lines)


def orphan_entry_text(entry: FolderEntry) -> str:
    """An entry whose passage is gone from the corpus text: what it was."""
    text = QCoreApplication.translate("FolderMenu", "⚠ Introuvable dans le texte actuel : {0}")
    return text.format(entry.item_reference) + f"\n{excerpt(entry.item_text, 90)}"


def add_items(layer: UserLayer, folder_id: str, item_ids: list[str], origin: object = None,
              index: int | None = None) -> None:
    """Add items to a folder (in the background) and say so in the status bar."""
    if not item_ids:
        return

    def added(entries: list) -> None:
        name = layer.read(lambda u: u.folders.get(folder_id).name, "")
        layer.message.emit(_added_text(layer, name, item_ids, len(entries)))

    layer.write(lambda u: u.folders.add_items(folder_id, item_ids, index, origin), done=added)


def _added_text(layer: UserLayer, folder: str, item_ids: list[str], added: int) -> str:
    """"Ajouté au dossier « X » : 20 mai 2020, session 1, piste 03" (the item named
    when there is one)."""
    translate = QCoreApplication.translate
    item = layer.corpus.find(item_ids[0]) if len(item_ids) == 1 else None
    if item is not None:
        what = labels.item_reference(layer.corpus, item)
        if added:
            return translate("FolderMenu", "Ajouté au dossier « {0} » : {1}").format(folder, what)
        return translate("FolderMenu", "Déjà dans le dossier « {0} » : {1}").format(folder, what)
    if not added:
        return translate("FolderMenu", "Déjà dans le dossier « {0} ».").format(folder)
    if added == 1:
        return translate("FolderMenu", "Ajouté au dossier « {0} ».").format(folder)
    return translate("FolderMenu", "{1} éléments ajoutés au dossier « {0} ».").format(
        folder, added)


def new_folder_with(layer: UserLayer, item_ids: list[str], parent: QWidget,
                    origin: object = None) -> FolderDialog:
    """Ask for a new folder, then put the items in it."""
    dialog = FolderDialog(layer, None, parent)
    dialog.saved.connect(lambda folder: add_items(layer, folder.id, item_ids, origin))
    dialog.open()
    return dialog


def fill(menu: QMenu, layer: UserLayer, items: ItemSource, parent: QWidget,
         origin: object = None) -> None:
    menu.clear()
    folders = layer.read(lambda u: u.folders.list(), [])
    for folder in folders:
        action = menu.addAction(folder.name)
        action.setObjectName(f"add-to-{folder.id}")
        action.triggered.connect(
            lambda _checked=False, f=folder.id: add_items(layer, f, items(), origin))
    if folders:
        menu.addSeparator()
    new = menu.addAction(QCoreApplication.translate("FolderMenu", "Nouveau dossier…"))
    new.setObjectName("add-to-new-folder")
    new.triggered.connect(lambda: new_folder_with(layer, items(), parent, origin))
    menu.setEnabled(layer.writable)


def folder_submenu(menu: QMenu, layer: UserLayer, items: ItemSource, parent: QWidget,
                   origin: object = None) -> QMenu:
    """Append "Ajouter au dossier ▸" to ``menu`` (filled when it opens)."""
    sub = menu.addMenu(QCoreApplication.translate("FolderMenu", "Ajouter au &dossier"))
    sub.setObjectName("add-to-folder-menu")
    fill(sub, layer, items, parent, origin)
    sub.aboutToShow.connect(lambda: fill(sub, layer, items, parent, origin))
    sub.setEnabled(layer.writable)
    return sub
