"""The item commands — star (Ctrl+D), write a note (Ctrl+Alt+N), add to a folder —
and the item they act on.

The commands follow the keyboard focus (``target``): while a view that offers items
(a search result list, the table of contents, "Mes favoris", a folder: see
``ItemSource``) has the focus, they act on its selected row; elsewhere, on the
*current item* — the one the trainer last chose: clicked or marked in the text (J/K),
gone to, or picked in a list. Choosing it shows its notes (the window does that on
``chosen``); the commands run as operations (off the UI thread) and say in the status
bar which item they touched.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget

from connecteur.app.place import ANNOTATABLE, Place
from connecteur.store import Change, CorpusStore
from connecteur.ui.annotations.user_layer import UserLayer
from connecteur.ui.common import labels
from connecteur.ui.common.item_source import ItemSource, holds_focus
from connecteur.ui.folders import folder_menu
from connecteur.ui.shell.actions import set_text


class ItemCommands(QObject):
    chosen = Signal(object, str, bool, bool)  # item ID or None, focus, show panel, mark it
    note_requested = Signal(str)  # open the notes panel's editor for this item
    open_requested = Signal(str)  # show this item

    def __init__(self, library: CorpusStore, layer: UserLayer, star: QAction,
                 add_note: QAction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._layer = layer
        self._star, self._add_note = star, add_note
        self.current_item: str | None = None
        self._sources: list[QWidget] = []
        self._before_menu_bar: QWidget | None = None  # the focus before Alt+letter
        self._folder_menu: QMenu | None = None
        star.triggered.connect(lambda: self.toggle_star(self.target()))
        add_note.triggered.connect(lambda: self.start_note(self.target()))
        layer.changed.connect(self._on_change)
        layer.opened.connect(lambda _user: self.update_actions())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.update_actions()

    # --- the current item --------------------------------------------------------------

    def follow(self, place: Place) -> None:
        """The window went somewhere: its item (or session) becomes current."""
        item_id = place.item_id
        if item_id is not None and self._library.find(item_id) is None:
            item_id = None
        self.choose(item_id, show_panel=False, mark=False)

    def choose(self, item_id: str | None, focus: str = "", *, show_panel: bool = True,
               mark: bool = True) -> None:
        """Make ``item_id`` current (``focus``: an annotation to bring forward)."""
        self.current_item = item_id
        self.chosen.emit(item_id, focus, show_panel, mark)
        self.update_actions()

    # --- the item acted on ------------------------------------------------------------

    def watch(self, *sources: ItemSource) -> None:
        """Views whose selected row the commands act on while they have the focus."""
        for source in sources:
            assert isinstance(source, QWidget) and isinstance(source, ItemSource)
            self._sources.append(source)
            source.offered_changed.connect(self.update_actions)

    def target(self) -> str | None:
        """The item the commands act on now: the selected row of the focused view that
        offers items (None when that row is no item), else the current item."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QMenuBar):  # Alt+letter: the menu bar took the focus
            focused = self._before_menu_bar
        for source in self._sources:
            if holds_focus(source, focused):
                item_id = source.offered_item()  # type: ignore[attr-defined]
                found = self._library.find(item_id) if item_id else None
                return item_id if found is not None and found.kind in ANNOTATABLE else None
        return self.current_item

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QMenuBar):
            self._before_menu_bar = old
            return
        if any(holds_focus(s, old) or holds_focus(s, new) for s in self._sources):
            self.update_actions()

    def set_folder_menu(self, menu: QMenu, parent: QWidget) -> None:
        """Édition › Ajouter au dossier: the folders, for the item the commands act on
        (filled when it opens)."""
        self._folder_menu = menu

        def fill() -> None:
            item_id = self.target()
            folder_menu.fill(menu, self._layer, lambda: [item_id] if item_id else [],
                             parent, self)

        menu.aboutToShow.connect(fill)
        self.update_actions()

    # --- commands ------------------------------------------------------------------------

    def _no_item(self) -> None:
        self._layer.message.emit(self.tr("Choisissez d'abord un élément : un clic dans le "
                                         "texte, J ou K, ou une ligne d'une liste."))

    def describe(self, item_id: str) -> str:
        """"20 mai 2020, session 1, piste 03": the item a status message is about."""
        item = self._library.find(item_id)
        return labels.item_reference(self._library, item) if item is not None else item_id

    def toggle_star(self, item_id: str | None) -> None:
        if not item_id:
            self._no_item()
            return
        name = self.describe(item_id)
        added = self.tr("Ajouté aux favoris : {0}").format(name)
        removed = self.tr("Retiré des favoris : {0} (Ctrl+Z pour annuler)").format(name)
        self._layer.write(lambda u: u.stars.toggle(item_id, origin=self),
                          done=lambda starred: self._layer.message.emit(
                              added if starred else removed))

    def start_note(self, item_id: str | None) -> None:
        if not item_id:
            self._no_item()
            return
        if item_id != self.current_item:
            self.choose(item_id, show_panel=False)
        self.note_requested.emit(item_id)
        self._layer.message.emit(self.tr("Nouvelle note : {0}").format(self.describe(item_id)))

    def item_menu(self, parent: QWidget, item_id: str | None) -> QMenu | None:
        """The menu of an item in a list (a search result, a row of the table of
        contents): open, star, note, add to a folder."""
        if not item_id or self._library.find(item_id) is None or not self._layer.ready:
            return None
        menu = QMenu(parent)
        menu.addAction(self.tr("&Ouvrir"), lambda: self.open_requested.emit(item_id))
        starred = self._layer.read(lambda u: u.stars.is_starred(item_id), False)
        text = self.tr("Retirer des favoris") if starred else self.tr("Ajouter aux favoris")
        star = menu.addAction(text, lambda: self.toggle_star(item_id))
        star.setObjectName("list-star")
        note = menu.addAction(self.tr("Ajouter une note…"), lambda: self.start_note(item_id))
        for action in (star, note):
            action.setEnabled(self._layer.writable)
        folder_menu.folder_submenu(menu, self._layer, lambda: [item_id], parent.window(), self)
        return menu

    def use_library(self, library: CorpusStore) -> None:
        """Another library (a document imported or removed): items are looked up there."""
        self._library = library
        if self.current_item is not None and library.find(self.current_item) is None:
            self.choose(None, show_panel=False, mark=False)
        self.update_actions()

    # --- the actions' state ------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.kind in ("star", "anchoring", "external"):
            self.update_actions()

    def update_actions(self, *_args: object) -> None:
        item = self.target()
        ready = self._layer.ready and item is not None
        starred = ready and self._layer.read(lambda u: u.stars.is_starred(item), False)
        ready = ready and self._layer.writable  # (read-only: nothing can be saved)
        self._star.setEnabled(ready)
        self._star.setChecked(bool(starred))
        set_text(self._star, self.tr("★ Retirer des &favoris") if starred
                 else self.tr("☆ Ajouter aux &favoris"))
        self._add_note.setEnabled(ready)
        if self._folder_menu is not None:
            self._folder_menu.menuAction().setEnabled(ready)
