"""The trainer's layer in the window: installed by the main window in one line.

Opens the user database once the first page is painted (the library is readable
at once; notes, stars and folders arrive a moment later), adds the "Notes", "Mes
favoris" and "Dossiers" side panels, the reading pane's annotations and context
menu entries, the menu entries (Annuler / Rétablir, Ctrl+D, exports and import,
"Annotations orphelines"), and keeps track of the *current item* — the one clicked
in the text or gone to — on which Ctrl+D and "Ajouter une note" act.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from connecteur.app import place as location
from connecteur.store import Change
from connecteur.ui.annotations.exchange_menus import AnnotationExchange
from connecteur.ui.annotations.favorites_view import FavoritesView
from connecteur.ui.annotations.notes_panel import NotesPanel
from connecteur.ui.annotations.orphans_view import OrphansView
from connecteur.ui.annotations.startup_notice import StartupNotice
from connecteur.ui.annotations.undo_actions import UndoActions
from connecteur.ui.annotations.user_layer import UserLayer
from connecteur.ui.folders import folder_menu
from connecteur.ui.folders.folders_panel import FoldersPanel
from connecteur.ui.reading.decorations import ReadingAnnotations
from connecteur.ui.reading.highlight_actions import HighlightActions
from connecteur.ui.reading.navigation_model import LocationRole, NodeKindRole
from connecteur.ui.search.controller import FAILED, READY, IndexStatus
from connecteur.ui.search.note_indexing import NoteIndexer
from connecteur.ui.search.results_model import TargetRole
from connecteur.ui.shell import hotkeys, settings

ANNOTATABLE = ("session", "lead", "field_site", "resource", "speaker")
SIDE_PANEL_WIDTH = 340
MIN_PANEL_WIDTH = 200
OPEN_AT_LATEST_MS = 2000


def item_of_location(where: str | None) -> str | None:
    """The item a location stands for: the item itself, or the session of a page or
    section; None for the presentation, a day or an index."""
    place = location.parse(where or "")
    if place is None or place.kind in ("home", "index", "event"):
        return None
    if place.kind in ANNOTATABLE[1:]:
        return place.anchor
    return place.page  # a session, one of its sections or themes


def _action(parent: QObject, name: str, shortcuts: tuple = ()) -> QAction:
    action = QAction(parent)
    action.setObjectName(name)
    action.setShortcuts(hotkeys.sequences(shortcuts))
    return action


class UserFeatures(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context  # type: ignore[attr-defined]
        self.layer = UserLayer(self.context.store, self.context.runner, self)
        self.context.extensions["user"] = self.layer
        self.note_indexer = NoteIndexer(self.context.search, self.layer, self)
        self.current_item: str | None = None
        self.orphans_view: OrphansView | None = None
        self._closed = False
        self._actions()
        self._panels()
        self._reading()
        self.exchange = AnnotationExchange(self.layer, self.context.store, window,
                                           lambda: window.reading.page_key)
        self.folders.export_menu = self.exchange.fill_folder_menu
        printing = getattr(window, "print_handout", None)
        if callable(printing):
            self.folders.print_folder = lambda folder_id: printing("folder", folder_id)
        self._menus()
        self._wire()
        self.notice = StartupNotice(self.layer, window.status, window)  # type: ignore[attr-defined]
        self.retranslate()
        window.installEventFilter(self)
        # Page first, then search, then annotations: opening both at once makes them
        # fight over the interpreter and delays the first answer to Ctrl+K.
        self.context.search.status_changed.connect(self._search_status)
        if self.context.search.ready:
            QTimer.singleShot(0, self, self.open)
        QTimer.singleShot(OPEN_AT_LATEST_MS, self, self.open)  # a slow (re)build

    def _search_status(self, status: IndexStatus) -> None:
        if status.state in (READY, FAILED):
            self.open()

    def open(self) -> None:
        """Open the user database off the UI thread (once search is ready)."""
        if not self._closed:
            self.layer.open()

    # --- building --------------------------------------------------------------------

    def _actions(self) -> None:
        self.undo = UndoActions(self.layer, self)
        self.star = _action(self, "toggle-star", hotkeys.TOGGLE_STAR)
        self.star.setCheckable(True)
        self.add_note = _action(self, "add-note", hotkeys.ADD_NOTE)
        self.new_folder = _action(self, "new-folder", hotkeys.NEW_FOLDER)
        self.show_orphans = _action(self, "orphans")
        self.go_notes = _action(self, "go-notes", hotkeys.NOTES_PANEL)
        self.go_favorites = _action(self, "go-favorites", hotkeys.FAVORITES_PANEL)
        self.go_folders = _action(self, "go-folders", hotkeys.FOLDERS_PANEL)
        for action in (self.undo.undo, self.undo.redo, self.star, self.add_note,
                       self.new_folder, self.go_notes, self.go_favorites, self.go_folders):
            self.window.addAction(action)  # shortcuts work even with the menu bar hidden

    def _panels(self) -> None:
        window, side = self.window, self.window.side_panel  # type: ignore[attr-defined]
        self.notes = NotesPanel(self.context, self.layer, side)
        self.notes.set_star_action(self.star)
        self.favorites = FavoritesView(self.context, self.layer, side)
        self.folders = FoldersPanel(self.context, self.layer, side)
        side.add_panel(self.notes, self.tr("Notes"), "notes-panel")
        side.add_panel(self.favorites, self.tr("Mes favoris"), "favorites-panel")
        side.add_panel(self.folders, self.tr("Dossiers"), "folders-panel")
        for panel in (self.notes, self.favorites, self.folders):
            panel.setMinimumWidth(MIN_PANEL_WIDTH)  # the text column keeps the room
        sizes = self.context.settings.get(settings.SPLITTER_SIZES)
        if len(sizes) == 3 and sizes[2] < MIN_PANEL_WIDTH:  # never shown before: make room
            centre = max(MIN_PANEL_WIDTH, sum(sizes) - sizes[0] - SIDE_PANEL_WIDTH)
            window.splitter.setSizes([sizes[0], centre, SIDE_PANEL_WIDTH])  # type: ignore[attr-defined]

    def _reading(self) -> None:
        reading = self.window.reading  # type: ignore[attr-defined]
        self.reading_annotations = ReadingAnnotations(self.layer, reading, self.toggle_star,
                                                      self.start_note, self)
        self.highlights = HighlightActions(self.layer, reading, self)

    def _menus(self) -> None:
        menus = self.window.actions.menus  # type: ignore[attr-defined]
        edit = menus["edit"]
        first = edit.actions()[0] if edit.actions() else None
        edit.insertActions(first, [self.undo.undo, self.undo.redo])
        edit.insertSeparator(first)
        edit.addSeparator()
        edit.addActions([self.star, self.add_note, self.new_folder])
        file_menu = menus["file"]
        quit_action = self.window.actions.quit  # type: ignore[attr-defined]
        self.annotations_menu = QMenu(file_menu, objectName="menu-annotations")
        self.annotations_menu.aboutToShow.connect(
            lambda: self.exchange.fill_file_menu(self.annotations_menu))
        self.resources_menu = QMenu(file_menu, objectName="menu-resources")
        self.resources_menu.aboutToShow.connect(
            lambda: self.exchange.fill_resources_menu(self.resources_menu))
        file_menu.insertMenu(quit_action, self.annotations_menu)
        file_menu.insertMenu(quit_action, self.resources_menu)
        file_menu.insertSeparator(quit_action)
        view = menus["view"]
        view.addSeparator()
        view.addAction(self.show_orphans)
        go = menus["go"]
        go.addActions([self.go_notes, self.go_favorites, self.go_folders])

    def _wire(self) -> None:
        w, layer = self.window, self.layer
        layer.message.connect(w.status.flash)  # type: ignore[attr-defined]
        layer.failed.connect(w.status.flash)  # type: ignore[attr-defined]
        layer.changed.connect(self._on_change)
        layer.opened.connect(lambda _user: self._update_actions())
        w.location_changed.connect(self._location_changed)  # type: ignore[attr-defined]
        self.star.triggered.connect(lambda: self.toggle_star(self.current_item))
        self.add_note.triggered.connect(lambda: self.start_note(self.current_item))
        self.new_folder.triggered.connect(self.create_folder)
        self.show_orphans.triggered.connect(self.open_orphans)
        self.go_notes.triggered.connect(lambda: self._focus_panel(self.notes, self.notes.view))
        self.go_favorites.triggered.connect(
            lambda: self._focus_panel(self.favorites, self.favorites.list))
        self.go_folders.triggered.connect(
            lambda: self._focus_panel(self.folders, self.folders.tree))
        self.reading_annotations.item_chosen.connect(self.choose_item)
        self.highlights.show_requested.connect(self.choose_item)
        self.highlights.highlighted.connect(lambda h: self.choose_item(h.item_id, h.id))
        for view in (self.notes, self.favorites, self.folders):
            view.location_requested.connect(w.navigate)  # type: ignore[attr-defined]
        self.notes.folder_requested.connect(self.show_folder)
        self.notes.highlight_requested.connect(self.select_highlight)
        self._context_menus()
        self.context.languages.language_changed.connect(lambda _lang: self.retranslate())

    def _context_menus(self) -> None:
        results = self.window.search_panel.list  # type: ignore[attr-defined]
        results.setDragEnabled(True)
        results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        results.customContextMenuRequested.connect(
            lambda point: self._list_menu(results, point, results.indexAt(point)
                                          .data(TargetRole)))
        tree = self.window.navigation  # type: ignore[attr-defined]
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(
            lambda point: self._list_menu(tree, point, self._tree_item(tree.indexAt(point))))

    @staticmethod
    def _tree_item(index: QModelIndex) -> str | None:
        if not index.isValid() or index.data(NodeKindRole) != "session":
            return None
        return index.data(LocationRole)

    # --- the current item ------------------------------------------------------------

    def _location_changed(self, where: str) -> None:
        item_id = item_of_location(where)
        if item_id is not None and self.context.store.find(item_id) is None:
            item_id = None
        self.choose_item(item_id, "", show_panel=False, mark=False)

    def choose_item(self, item_id: str | None, focus: str = "", *,
                    show_panel: bool = True, mark: bool = True) -> None:
        """Make ``item_id`` the current item; show its notes (``focus``: an annotation
        to bring forward) and mark it in the text."""
        self.current_item = item_id
        self.notes.show_item(item_id, focus or None)
        reading = self.window.reading  # type: ignore[attr-defined]
        if mark and item_id and item_id in reading.anchors and item_id != reading.page_key:
            reading.mark_item(item_id)
        if show_panel and (focus or self._side_panel_visible()):
            self._show_panel(self.notes)
        self._update_actions()

    def _side_panel_visible(self) -> bool:
        return self.window.side_panel.isVisible()  # type: ignore[attr-defined]

    def _show_panel(self, panel: QWidget) -> bool:
        side = self.window.side_panel  # type: ignore[attr-defined]
        if not side.isVisible():
            self.window.actions.side_panel.setChecked(True)  # type: ignore[attr-defined]
            side.setVisible(True)
        side.setCurrentWidget(panel)
        return True

    def _focus_panel(self, panel: QWidget, widget: QWidget) -> None:
        self._show_panel(panel)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- commands --------------------------------------------------------------------

    def toggle_star(self, item_id: str | None) -> bool | None:
        if not item_id:
            self.layer.message.emit(self.tr("Choisissez d'abord un élément (clic dans le "
                                            "texte)."))
            return None
        starred = self.layer.attempt(lambda u: u.stars.toggle(item_id, origin=self))
        if starred is not None:
            self.layer.message.emit(self.tr("Ajouté aux favoris.") if starred
                                    else self.tr("Retiré des favoris (Ctrl+Z pour annuler)."))
        return starred

    def start_note(self, item_id: str | None) -> None:
        if not item_id:
            self.layer.message.emit(self.tr("Choisissez d'abord un élément (clic dans le "
                                            "texte)."))
            return
        if item_id != self.current_item:
            self.choose_item(item_id, show_panel=False)
        self._show_panel(self.notes)
        self.notes.start_new_note()

    def create_folder(self) -> None:
        self._show_panel(self.folders)
        self.folders.new_folder()

    def show_folder(self, folder_id: str) -> None:
        self._show_panel(self.folders)
        self.folders.select_folder(folder_id)

    def select_highlight(self, item_id: str, start: int, end: int) -> None:
        reading = self.window.reading  # type: ignore[attr-defined]
        if item_id not in reading.anchors and reading.page_key != item_id:
            self.window.navigate(item_id)  # type: ignore[attr-defined]
        reading.select_item_text(item_id, start, end)
        reading.ensureCursorVisible()

    def open_orphans(self) -> OrphansView:
        if self.orphans_view is None:
            self.orphans_view = OrphansView(self.layer, lambda: self.current_item, self.window)
            self.orphans_view.location_requested.connect(self.window.navigate)  # type: ignore[attr-defined]
        self.orphans_view.show()
        self.orphans_view.raise_()
        self.orphans_view.refresh()
        return self.orphans_view

    def _list_menu(self, view: QWidget, point: QPoint, item_id: str | None) -> None:
        menu = self.item_menu(view, item_id)
        if menu is not None:
            target = view.viewport() if hasattr(view, "viewport") else view
            menu.exec(target.mapToGlobal(point))
            menu.deleteLater()

    def item_menu(self, parent: QWidget, item_id: str | None) -> QMenu | None:
        """The menu of an item in a list (a search result, a session of the table of
        contents): open, star, note, add to a folder."""
        if not item_id or self.context.store.find(item_id) is None or not self.layer.ready:
            return None
        menu = QMenu(parent)
        menu.addAction(self.tr("&Ouvrir"), lambda: self.window.navigate(item_id))  # type: ignore[attr-defined]
        starred = self.layer.read(lambda u: u.stars.is_starred(item_id), False)
        text = self.tr("Retirer des favoris") if starred else self.tr("Ajouter aux favoris")
        star = menu.addAction(text, lambda: self.toggle_star(item_id))
        star.setObjectName("list-star")
        menu.addAction(self.tr("Ajouter une note…"), lambda: self.start_note(item_id))
        folder_menu.folder_submenu(menu, self.layer, lambda: [item_id], self.window, self)
        return menu

    # --- refreshing ------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.kind in ("star", "anchoring", "external"):
            self._update_actions()

    def _update_actions(self) -> None:
        item = self.current_item
        ready = self.layer.ready and item is not None
        starred = ready and self.layer.read(lambda u: u.stars.is_starred(item), False)
        self.star.setEnabled(ready)
        self.star.setChecked(bool(starred))
        self.star.setText(self.tr("★ Retirer des &favoris") if starred
                          else self.tr("☆ Ajouter aux &favoris"))
        self.add_note.setEnabled(ready)
        for action in (self.new_folder, self.show_orphans):
            action.setEnabled(self.layer.ready)
        self._tooltips()

    def _tooltips(self) -> None:
        for action in (self.star, self.add_note, self.new_folder, self.go_notes,
                       self.go_favorites, self.go_folders, self.show_orphans):
            shortcut = action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)
            plain = action.text().replace("&", "")
            action.setToolTip(f"{plain} ({shortcut})" if shortcut else plain)

    def retranslate(self) -> None:
        side = self.window.side_panel  # type: ignore[attr-defined]
        for panel, title in ((self.notes, self.tr("Notes")),
                             (self.favorites, self.tr("Mes favoris")),
                             (self.folders, self.tr("Dossiers"))):
            side.setTabText(side.indexOf(panel), title)
            panel.setAccessibleName(title)
        self.add_note.setText(self.tr("Ajouter une &note…"))
        self.new_folder.setText(self.tr("Nouveau &dossier de formation…"))
        self.show_orphans.setText(self.tr("Annotations &orphelines…"))
        self.go_notes.setText(self.tr("Aller aux &notes"))
        self.go_favorites.setText(self.tr("Aller aux &favoris"))
        self.go_folders.setText(self.tr("Aller aux &dossiers"))
        self.annotations_menu.setTitle(self.tr("&Annotations"))
        self.resources_menu.setTitle(self.tr("&Ressources (Zotero)"))
        self.undo.retranslate()
        self._update_actions()

    # --- window events ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() == QEvent.Type.WindowActivate:
                self.layer.check_external_changes()
            elif event.type() == QEvent.Type.Close:
                self._closed = True
                self.layer.close()
        return False
