"""The main window: layout and wiring only.

Left, the search box above the table of contents (replaced by the results while a
query is typed); centre, the reading pane or one of the two library-wide indexes;
right, the side panel with the trainer's notes, favourites and course folders.
Everything the reader can go to is a :class:`~connecteur.app.place.Place`;
``navigate`` is the one way to show one, and it feeds history, the tree's selection,
the item commands, the status bar and the settings.

What each part does lives in its feature package; here the parts are made, placed
and connected. The annotation panels are built once the first page is painted, so
the library appears at once (``install_layers``); a command that needs them
sooner installs them on the spot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from connecteur import paths
from connecteur.app.history import History
from connecteur.app.place import BIBLIOGRAPHY, HOME, HOME_PLACE, SPEAKERS, Place
from connecteur.corpus import Event
from connecteur.ui.common import labels
from connecteur.ui.reading.find_in_page import FindInPage
from connecteur.ui.reading.navigation_pane import NavigationPane
from connecteur.ui.reading.reading_pane import ReadingPane
from connecteur.ui.search.controller import FAILED, READY, IndexStatus
from connecteur.ui.search.results_model import TargetRole
from connecteur.ui.search.search_box import SearchBox
from connecteur.ui.search.search_panel import SearchPanel
from connecteur.ui.shell import settings
from connecteur.ui.shell.actions import Actions
from connecteur.ui.shell.context import ApplicationContext
from connecteur.ui.shell.side_panel import SidePanel
from connecteur.ui.shell.status_bar import StatusBar

if TYPE_CHECKING:  # printing is imported when Ctrl+P is first pressed
    from connecteur.store import CorpusStore
    from connecteur.store.user.reanchor import AnchorReport
    from connecteur.ui.documents.library_documents import LibraryDocuments
    from connecteur.ui.printing.print_dialog import PrintDialog, PrintScope

DEFAULT_SIZE = (1200, 780)
SIDE_PANEL_WIDTH = 340
MIN_PANEL_WIDTH = 200
OPEN_USER_AT_LATEST_MS = 2000  # annotations open after search, or after this at most


def app_icon() -> QIcon:
    icon = QIcon()
    for png in sorted((paths.icons_dir() / "app").glob("connecteur-*.png")):
        icon.addFile(str(png))
    return icon


class MainWindow(QMainWindow):
    place_changed = Signal(object)  # the Place now shown
    layers_ready = Signal()  # the annotation panels and the documents are installed

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.store = context.library
        self.history: History[Place] = History()
        self._walking = False
        self._index_views: dict[str, QWidget] = {}
        self.orphans_view: QWidget | None = None
        self.setObjectName("main-window")
        self.setWindowIcon(app_icon())
        self._build()
        self.actions = Actions(self)
        self._toolbar()
        self._wire()
        self._restore()
        self._retranslate()
        QApplication.instance().installEventFilter(self)
        self.layers_installed = False
        self.print_dialog: PrintDialog | None = None  # the open one (Ctrl+P)
        self._open_user_layer_later()

    # --- layout ------------------------------------------------------------------

    def _build(self) -> None:
        self.search_box = SearchBox(self)
        self.navigation = NavigationPane(self.context, self)
        self.search_panel = SearchPanel(self.context, self)
        self.left_stack = QStackedWidget(self)
        self.left_stack.addWidget(self.navigation)
        self.left_stack.addWidget(self.search_panel)
        left = QWidget(self)
        left.setObjectName("left-pane")
        column = QVBoxLayout(left)
        column.setContentsMargins(6, 6, 0, 0)
        column.addWidget(self.search_box)
        column.addWidget(self.left_stack, 1)
        self.reading = ReadingPane(self.context, self)
        self.find_in_page = FindInPage(self.context, self.reading, self)
        self.centre = QStackedWidget(self)
        self.centre.addWidget(self.reading)
        self.side_panel = SidePanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.side_panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.setTabOrder(self.search_box, self.left_stack)
        self.setTabOrder(self.navigation, self.search_panel)
        self.setTabOrder(self.search_panel, self.reading)
        self.setTabOrder(self.reading, self.side_panel)

    def _toolbar(self) -> None:
        bar = QToolBar(self)
        bar.setObjectName("main-toolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addActions([self.actions.back, self.actions.forward])
        bar.addSeparator()
        bar.addAction(self.actions.copy_reference)
        bar.addAction(self.actions.print_handout)
        self.toolbar = bar
        self.addToolBar(bar)

    def _wire(self) -> None:
        a = self.actions
        a.quit.triggered.connect(self.close)
        a.print_handout.triggered.connect(lambda: self.print_handout())
        a.copy.triggered.connect(self._copy)
        a.copy_reference.triggered.connect(lambda: self.reading.copy_with_reference())
        a.copy_link.triggered.connect(lambda: self.reading.copy_link())
        a.find.triggered.connect(self.focus_search)
        a.find_next.triggered.connect(self.find_in_page.next)
        a.find_previous.triggered.connect(self.find_in_page.previous)
        a.zoom_in.triggered.connect(self.reading.zoom_in)
        a.zoom_out.triggered.connect(self.reading.zoom_out)
        a.zoom_reset.triggered.connect(lambda: self.reading.set_zoom(0))
        a.side_panel.toggled.connect(self._toggle_side_panel)
        self.side_panel.panels_changed.connect(self._side_panel_changed)
        self._side_panel_changed()
        a.back.triggered.connect(self.go_back)
        a.forward.triggered.connect(self.go_forward)
        a.home.triggered.connect(lambda: self.navigate(HOME_PLACE))
        a.previous_session.triggered.connect(lambda: self._step_session(-1))
        a.next_session.triggered.connect(lambda: self._step_session(1))
        a.speakers.triggered.connect(lambda: self.navigate(SPEAKERS))
        a.bibliography.triggered.connect(lambda: self.navigate(BIBLIOGRAPHY))
        a.focus_tree.triggered.connect(self._focus_tree)
        a.focus_reading.triggered.connect(self._focus_reading)
        a.about.triggered.connect(self.show_about)
        a.welcome.triggered.connect(self.show_welcome)
        a.languages.triggered.connect(lambda action: self.set_language(action.data()))
        self.navigation.location_selected.connect(self.navigate)
        self.reading.location_requested.connect(self.navigate)
        self.reading.item_stepped.connect(lambda item_id: self.navigate(item_id, walking=True))
        self.reading.status_message.connect(self.status.flash)
        self.reading.zoom_changed.connect(self._zoom_changed)
        self.search_box.textChanged.connect(self._query_changed)
        self.search_box.step_requested.connect(self.search_panel.step)
        self.search_box.open_requested.connect(self.search_panel.open_current)
        self.search_box.escaped.connect(self._leave_search)
        self.search_box.focus_left.connect(lambda: QTimer.singleShot(0, self._search_idle))
        self.search_panel.result_opened.connect(self._open_result)
        self.search_panel.suggestion_taken.connect(self._take_suggestion)
        self.context.links.refused.connect(self.status.flash)
        self.context.operations.failed.connect(self.status.flash)
        self.context.search.status_changed.connect(self.status.show_index)
        self.status.show_index(self.context.search.status)

    # --- the trainer's layer -----------------------------------------------------

    def install_layers(self) -> None:
        """The trainer's annotations and the imported documents, once the first page
        is on screen (their modules and panels are not needed to show it)."""
        if self.layers_installed:
            return
        self.layers_installed = True
        self.install_annotations()
        self.install_documents()
        if self.current_place is not None:
            self.commands.follow(self.current_place)
        self.layers_ready.emit()

    def install_annotations(self) -> None:
        """The notes, favourites and folders panels, the annotations drawn on the
        text, the item commands and the exchange menus (imported here: they are not
        needed for the first page)."""
        from connecteur.ui.annotations.exchange_menus import AnnotationExchange
        from connecteur.ui.annotations.favorites_view import FavoritesView
        from connecteur.ui.annotations.item_commands import ItemCommands
        from connecteur.ui.annotations.notes_panel import NotesPanel
        from connecteur.ui.annotations.reset_annotations import AnnotationReset
        from connecteur.ui.annotations.startup_notice import StartupNotice
        from connecteur.ui.annotations.tags_panel import TagsPanel
        from connecteur.ui.annotations.undo_actions import UndoActions
        from connecteur.ui.folders.folders_panel import FoldersPanel
        from connecteur.ui.reading.decorations import ReadingAnnotations
        from connecteur.ui.reading.highlight_actions import HighlightActions
        from connecteur.ui.search.note_indexing import NoteIndexer
        from connecteur.ui.search.related_panel import RelatedPanel

        context, layer, a = self.context, self.context.user, self.actions
        self.commands = ItemCommands(self.store, layer, a.star, a.add_note, self)
        self.undo = UndoActions(layer, a.undo, a.redo, self)
        self.notes = NotesPanel(context, layer, self.side_panel)
        self.notes.set_star_action(a.star)
        self.favorites = FavoritesView(context, layer, self.side_panel)
        self.folders = FoldersPanel(context, layer, self.side_panel)
        self.tags_panel = TagsPanel(context, layer, self.side_panel)
        self.related = RelatedPanel(context, self.side_panel)
        self._place_side_panels()
        self.reading_annotations = ReadingAnnotations(layer, self.reading,
                                                      self.commands.toggle_star,
                                                      self.commands.start_note, self)
        self.highlights = HighlightActions(layer, self.reading, self)
        self.note_indexer = NoteIndexer(context.search, layer, self)
        self.exchange = AnnotationExchange(layer, self.store, context.operations, self,
                                           lambda: self.reading.page_key)
        self.notice = StartupNotice(layer, self.status, self)
        self.annotation_reset = AnnotationReset(layer, a.reset_annotations, self)
        self._wire_annotations()

    def install_documents(self) -> None:
        """Fichier › Importer un document… and Documents importés… (their module is
        imported at first use), what of the library could not be loaded, and the watch
        on the library file (a document imported from the command line)."""
        from connecteur.ui.documents.library_notice import LibraryNotice
        from connecteur.ui.documents.library_watch import LibraryWatch

        self.documents: LibraryDocuments | None = None
        self.library_notice = LibraryNotice(self.status, self)
        self.library_notice.show_notices(self.store.notices)
        self.library_watch = LibraryWatch(
            self.context, lambda: self.documents is not None and self.documents.busy, self)
        self.library_watch.changed.connect(self._library_changed_elsewhere)
        self.context.search.library_followed.connect(self._search_again)
        a = self.actions
        a.import_document.triggered.connect(lambda: self.library_documents().start_import())
        a.imported_documents.triggered.connect(
            lambda: self.library_documents().show_documents())

    def library_documents(self) -> LibraryDocuments:
        """Importing, listing and removing documents (made at first use)."""
        if self.documents is None:
            from connecteur.ui.documents.library_documents import LibraryDocuments

            documents = LibraryDocuments(self.context, self)
            documents.library_changed.connect(self.use_library)
            documents.show_requested.connect(self.navigate)
            documents.orphans_requested.connect(self.open_orphans)
            documents.message.connect(self.status.flash)
            documents.failed.connect(self.status.flash)
            documents.library_touched.connect(self.library_watch.check)
            self.documents = documents
        return self.documents

    def use_library(self, store: CorpusStore) -> None:
        """Show ``store`` everywhere: a document was imported or removed (here or from
        the command line). Each part takes the new library; the page shown is drawn
        again, or the presentation when its day is gone; the indexes are built again
        when next shown; the print dialog reads ``context.library`` when it opens."""
        self.install_layers()
        self.context.library = self.store = store
        self.library_watch.remember(store)
        self.library_notice.show_notices(store.notices)
        self.navigation.use_library(store)
        self._drop_index_views()
        self.context.search.use_library(store)
        self.context.user.use_library(store, done=self._reanchored_elsewhere)
        for part in (self.commands, self.exchange, self.notes, self.favorites.model,
                     self.folders.model):
            part.use_library(store)
        page_kept = self.reading.use_library(store)
        place = self.history.current
        if place is not None and (place.is_index or self.reading.can_show(place)):
            self.navigate(place, record=False)
        elif page_kept and self.reading.page_key:  # the page is there, not the item
            self.navigate(self.reading.page_key, record=False)
        else:
            self.navigate(HOME_PLACE)
        self._search_again()

    def _drop_index_views(self) -> None:
        for view in self._index_views.values():
            if self.centre.indexOf(view) >= 0:
                if self.centre.currentWidget() is view:
                    self.centre.setCurrentWidget(self.reading)
                self.centre.removeWidget(view)
            view.deleteLater()
        self._index_views.clear()

    def _search_again(self) -> None:
        """The library changed: the results typed are asked for again."""
        if self.search_box.text().strip():
            self.search_panel.set_query(self.search_box.text())
            self.search_panel.run_now()

    def _library_changed_elsewhere(self, store: CorpusStore) -> None:
        self.use_library(store)
        self.status.flash(self.tr("La bibliothèque a changé (document importé ou retiré "
                                  "ailleurs) : elle est à jour."))

    def _reanchored_elsewhere(self, report: AnchorReport | None) -> None:
        """The annotations followed a library changed from the command line."""
        from connecteur.ui.documents.wording import anchoring_lines

        lines = anchoring_lines(report)
        if lines:
            self.status.flash(" ".join(lines))

    def _place_side_panels(self) -> None:
        for panel, name in ((self.notes, "notes-panel"), (self.favorites, "favorites-panel"),
                            (self.folders, "folders-panel"), (self.tags_panel, "tags-panel"),
                            (self.related, "related-panel")):
            self.side_panel.add_panel(panel, "", name)
            panel.setMinimumWidth(MIN_PANEL_WIDTH)  # the text column keeps the room

    def _wire_annotations(self) -> None:
        a, layer, commands = self.actions, self.context.user, self.commands
        layer.message.connect(self.status.flash)
        layer.failed.connect(self.status.flash)
        self.place_changed.connect(commands.follow)
        commands.watch(self.search_panel, self.navigation, self.favorites, self.folders)
        commands.set_folder_menu(a.menus["add-to-folder"], self)
        commands.chosen.connect(self._show_item)
        commands.chosen.connect(lambda item_id, *_rest: self.related.show_item(item_id))
        self.tags_panel.search_requested.connect(self._take_suggestion)
        commands.note_requested.connect(self._write_note)
        commands.open_requested.connect(self.navigate)
        a.new_folder.triggered.connect(self.create_folder)
        layer.opened.connect(lambda _user: a.new_folder.setEnabled(not layer.read_only))
        a.show_orphans.triggered.connect(self.open_orphans)
        a.go_notes.triggered.connect(lambda: self._focus_panel(self.notes, self.notes.view))
        a.go_favorites.triggered.connect(
            lambda: self._focus_panel(self.favorites, self.favorites.list))
        a.go_folders.triggered.connect(lambda: self._focus_panel(self.folders, self.folders.tree))
        a.go_tags.triggered.connect(
            lambda: self._focus_panel(self.tags_panel, self.tags_panel.list))
        a.go_related.triggered.connect(lambda: self._focus_panel(self.related, self.related.list))
        self.reading_annotations.item_chosen.connect(commands.choose)
        self.highlights.show_requested.connect(commands.choose)
        self.highlights.highlighted.connect(lambda h: commands.choose(h.item_id, h.id))
        for view in (self.notes, self.favorites, self.folders, self.related):
            view.location_requested.connect(self.navigate)
        self.notes.folder_requested.connect(self.show_folder)
        self.notes.highlight_requested.connect(self.select_highlight)
        self.folders.export_menu = self.exchange.fill_folder_menu
        self.folders.print_folder = lambda folder_id: self.print_handout("folder", folder_id)
        menus = a.menus
        menus["annotations"].aboutToShow.connect(
            lambda: self.exchange.fill_file_menu(menus["annotations"]))
        menus["resources"].aboutToShow.connect(
            lambda: self.exchange.fill_resources_menu(menus["resources"]))
        self._list_menus()
        self._retranslate_panels()
        self.context.languages.language_changed.connect(lambda _l: self._retranslate_panels())

    def _list_menus(self) -> None:
        """Open, star, note, add to a folder: on a search result and on a session of
        the table of contents."""
        results = self.search_panel.list
        results.setDragEnabled(True)
        results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        results.customContextMenuRequested.connect(
            lambda point: self._list_menu(results, point,
                                          results.indexAt(point).data(TargetRole)))
        tree = self.navigation
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(
            lambda point: self._list_menu(tree, point, _tree_item(tree.indexAt(point))))

    def _list_menu(self, view: QAbstractItemView, point: QPoint, item_id: str | None) -> None:
        menu = self.commands.item_menu(view, item_id)
        if menu is not None:
            menu.exec(view.viewport().mapToGlobal(point))
            menu.deleteLater()

    def _open_user_layer_later(self) -> None:
        """Page first, then search, then annotations (their panels, then their data):
        doing both at once makes them fight over the interpreter and delays the first
        answer to Ctrl+K. A command that needs the panels sooner installs them."""
        search = self.context.search

        def annotations() -> None:
            self.install_layers()
            self.context.user.open()

        def when_search_settles(status: IndexStatus) -> None:
            if status.state in (READY, FAILED):
                annotations()

        search.status_changed.connect(when_search_settles)
        if search.ready:
            QTimer.singleShot(0, self, annotations)
        QTimer.singleShot(OPEN_USER_AT_LATEST_MS, self, annotations)

    def _show_item(self, item_id: str | None, focus: str, show_panel: bool, mark: bool) -> None:
        """The current item changed: its notes in the panel, its mark in the text."""
        self.notes.show_item(item_id, focus or None)
        if mark and item_id and item_id in self.reading.anchors \
                and item_id != self.reading.page_key:
            self.reading.mark_item(item_id)
        keep = self.side_panel.currentWidget() is self.related  # it follows the item too
        if show_panel and (focus or (self.side_panel.isVisible() and not keep)):
            self.show_panel(self.notes)

    def _write_note(self, _item_id: str) -> None:
        self.show_panel(self.notes)
        self.notes.start_new_note()

    def show_panel(self, panel: QWidget) -> None:
        if not self.side_panel.isVisible():
            self.actions.side_panel.setChecked(True)
            self.side_panel.setVisible(True)
        self.side_panel.setCurrentWidget(panel)

    def _focus_panel(self, panel: QWidget, widget: QWidget) -> None:
        self.show_panel(panel)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def create_folder(self) -> None:
        self.show_panel(self.folders)
        self.folders.new_folder()

    def show_folder(self, folder_id: str) -> None:
        self.show_panel(self.folders)
        self.folders.select_folder(folder_id)

    def select_highlight(self, item_id: str, start: int, end: int) -> None:
        if item_id not in self.reading.anchors and self.reading.page_key != item_id:
            self.navigate(item_id)
        self.reading.select_item_text(item_id, start, end)
        self.reading.ensureCursorVisible()

    def open_orphans(self) -> QWidget:
        from connecteur.ui.annotations.orphans_view import OrphansView

        self.install_layers()
        if self.orphans_view is None:
            view = OrphansView(self.context.user, lambda: self.commands.current_item, self)
            view.location_requested.connect(self.navigate)
            self.orphans_view = view
        view = self.orphans_view
        view.show()
        view.raise_()
        view.refresh()  # type: ignore[attr-defined]
        return view

    def _retranslate_panels(self) -> None:
        for panel, title in ((self.notes, self.tr("Notes")),
                             (self.favorites, self.tr("Favoris")),
                             (self.folders, self.tr("Dossiers")),
                             (self.tags_panel, self.tr("Étiquettes")),
                             (self.related, self.tr("Voir aussi"))):
            self.side_panel.setTabText(self.side_panel.indexOf(panel), title)
            panel.setAccessibleName(title)
        self.undo.retranslate()
        self.commands.update_actions()

    # --- navigation --------------------------------------------------------------

    def navigate(self, where: Place | str, *, record: bool = True,
                 walking: bool = False) -> bool:
        """Show a place; False (and a message) when it names nothing."""
        place = where if isinstance(where, Place) else Place.parse(where)
        if place is None or not (place.is_index or self.reading.can_show(place)):
            self.status.flash(self.tr("Introuvable dans la bibliothèque : {0}").format(where))
            return False
        if place.is_index:
            self._show_centre(self._index_view(place.page))
        else:
            self.reading.show_place(place)
            self._show_centre(self.reading)
        if record:
            self.history.visit(place, replace=walking and self._walking)
        self._walking = walking
        self.navigation.select_place(place)
        self._update_place()
        self._update_history_actions()
        self.place_changed.emit(place)
        return True

    @property
    def current_place(self) -> Place | None:
        return self.history.current

    @property
    def current_location(self) -> str | None:
        place = self.history.current
        return place.location if place is not None else None

    def go_back(self) -> None:
        target = self.history.back()
        if target:
            self.navigate(target, record=False)

    def go_forward(self) -> None:
        target = self.history.forward()
        if target:
            self.navigate(target, record=False)

    def open_first(self, requested: str | None = None) -> None:
        """At start: the requested link, else where the reader left, else session 1."""
        candidates = [requested, self.context.settings.get(settings.LAST_LOCATION),
                      self.store.sessions[0].id if self.store.sessions else HOME]
        if requested and Place.parse(requested) is None:
            QTimer.singleShot(0, lambda: self.status.flash(
                self.tr("Lien non reconnu : {0}").format(requested)))
        for candidate in candidates:
            if candidate and self.navigate(candidate):
                return
        self.navigate(HOME_PLACE)

    def _step_session(self, delta: int) -> None:
        sessions = list(self.store.sessions)
        page = self.reading.page_key if self.centre.currentWidget() is self.reading else None
        ids = [s.id for s in sessions]
        if page in ids:
            target = ids.index(page) + delta
        elif isinstance(self.store.find(page or ""), Event):
            first = next(i for i, s in enumerate(sessions) if s.event_id == page)
            target = first if delta > 0 else first - 1
        else:
            target = 0
        if 0 <= target < len(ids):
            self.navigate(ids[target])

    def index_view(self, page: str) -> QWidget:
        """One of the two index pages, built the first time it is shown (start-up)."""
        return self._index_view(page)

    def _index_view(self, page: str) -> QWidget:
        if page not in self._index_views:
            if page == SPEAKERS:
                from connecteur.ui.indexes.speakers_view import SpeakersView as View
            else:
                from connecteur.ui.indexes.bibliography_view import (  # type: ignore[assignment]
                    BibliographyView as View,
                )
            view = View(self.context, self)
            view.location_requested.connect(self.navigate)
            view.summary_changed.connect(lambda _text: self._update_place())
            self._index_views[page] = view
        return self._index_views[page]

    def _show_centre(self, widget: QWidget) -> None:
        """Put ``widget`` in the centre. An index page leaves the stack when another page
        is shown: a hidden page in a stack is still laid out at every resize, and
        re-measuring every row of a word-wrapped table made each navigation slow."""
        if self.centre.currentWidget() is widget:
            return
        if self.centre.indexOf(widget) < 0:
            self.centre.addWidget(widget)
        previous = self.centre.currentWidget()
        self.centre.setCurrentWidget(widget)
        if previous is not None and previous is not self.reading:
            self.centre.removeWidget(previous)
            previous.hide()

    def _show_left(self, widget: QWidget) -> None:
        if self.left_stack.currentWidget() is not widget:
            self.left_stack.setCurrentWidget(widget)

    # --- search ------------------------------------------------------------------

    def focus_search(self) -> None:
        self._show_left(self.search_panel)
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _query_changed(self, text: str) -> None:
        self.search_panel.set_query(text)
        if text.strip():
            self._show_left(self.search_panel)

    def _search_idle(self) -> None:
        """An empty box left for elsewhere than the results: show the contents again."""
        focused = QApplication.focusWidget()
        in_search = focused is self.search_box or (
            focused is not None and self.search_panel.isAncestorOf(focused))
        if not self.search_box.text().strip() and not in_search:
            self._show_left(self.navigation)

    def _leave_search(self) -> None:
        self._show_left(self.navigation)
        self.reading.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_result(self, target: str, walking: bool) -> None:
        self.navigate(target, walking=walking)
        self.find_in_page.show_words(self.search_panel.query, target)
        if not walking:
            self.reading.setFocus(Qt.FocusReason.OtherFocusReason)

    def _take_suggestion(self, text: str) -> None:
        self.search_box.setText(text)
        self.search_panel.run_now()
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- other commands ----------------------------------------------------------

    def _copy(self) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and hasattr(focused, "copy") and focused is not self.reading:
            focused.copy()
        elif self.reading.textCursor().hasSelection():
            self.reading.copy()
        else:
            self.reading.copy_with_reference()

    def _toggle_side_panel(self, visible: bool) -> None:
        self.side_panel.setVisible(visible and not self.side_panel.is_empty())

    def _side_panel_changed(self) -> None:
        """The F9 toggle only makes sense once the side panel holds something."""
        empty = self.side_panel.is_empty()
        self.actions.side_panel.setEnabled(not empty)
        self.actions.side_panel.setChecked(not empty and self.side_panel.isVisibleTo(self))

    def _focus_tree(self) -> None:
        self._show_left(self.navigation)
        self.navigation.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_reading(self) -> None:
        self.centre.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def print_handout(self, content: str | None = None, folder: str | None = None) -> None:
        """"Imprimer / Exporter en PDF…" (Ctrl+P). ``content`` preselects "session",
        "sessions", "library", "folder", "results" or "favorites"; ``folder`` (ID or
        name) a course folder — the folders panel's "Imprimer…" calls this."""
        from connecteur.ui.printing.print_dialog import PrintDialog

        self.install_layers()  # Ctrl+P in the first instant: the folders are needed
        if content is None and folder is None:
            content, folder = self._working_on()
        waiting = self.print_dialog
        if waiting is not None and waiting.building:  # a handout is being made: show it
            waiting.raise_()
            waiting.activateWindow()
            return
        if waiting is not None:  # open, or waiting for its preview: the new one replaces it
            waiting.close()
        dialog = PrintDialog(self.context, self.print_scope(), content, folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "print_dialog", None)
                                 if self.print_dialog is dialog else None)
        dialog.open()
        self.print_dialog = dialog

    def _working_on(self) -> tuple[str | None, str | None]:
        """What Ctrl+P offers first: the results while the search has the focus, the
        folder selected in "Dossiers" while it has the focus or is the side panel
        shown, the favourites while they have the focus; else the session shown."""
        focused = QApplication.focusWidget()

        def within(widget: QWidget) -> bool:
            return focused is not None and (focused is widget or widget.isAncestorOf(focused))

        if self.search_panel.query and (within(self.search_panel) or within(self.search_box)):
            return "results", None
        folder = self.folders.current_folder()
        shown = self.side_panel.isVisible() and self.side_panel.currentWidget() is self.folders
        if folder is not None and (within(self.folders) or shown):
            return "folder", folder.id
        return ("favorites", None) if within(self.favorites) else (None, None)

    def print_scope(self) -> PrintScope:
        """What can be printed right now: the session shown, the search typed, the
        trainer's folders and favourites (read, never waited for)."""
        from connecteur.ui.printing.print_dialog import PrintScope

        scope = PrintScope()
        page = self.reading.page_key if self.centre.currentWidget() is self.reading else None
        found = self.store.find(page or "")
        if found is not None and found.kind == "session":
            scope.session_id = found.id
        elif isinstance(found, Event):
            scope.event_id = found.id
        panel = self.search_panel
        scope.query = panel.query
        if scope.query:
            scope.kinds, scope.sessions_filter = panel.kinds(), panel.sessions()
            results = panel.results
            scope.results_total = results.total if results is not None else None
        layer = self.context.user
        scope.user_ready = layer.ready
        scope.folders = layer.read(lambda u: u.folders.list(), [])
        scope.favourites = layer.read(lambda u: len(u.stars.item_ids()), 0)
        return scope

    def show_welcome(self) -> None:
        """Aide › Bienvenue (and the first start: see welcome_dialog.show_if_due)."""
        from connecteur.ui.shell.welcome_dialog import open_welcome

        self.welcome_dialog = open_welcome(self)

    def show_about(self) -> None:
        from connecteur.ui.shell.about_dialog import AboutDialog

        dialog = AboutDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.about_dialog = dialog

    def set_language(self, choice: str) -> None:
        self.context.settings.set(settings.LANGUAGE, choice)
        self.context.languages.apply(choice)
        self._check_language_action(choice)

    def _check_language_action(self, choice: str) -> None:
        for action in self.actions.languages.actions():
            action.setChecked(action.data() == choice)

    def _zoom_changed(self, level: int) -> None:
        self.context.settings.set(settings.ZOOM, level)
        self.status.flash(self.tr("Zoom : {0} %").format(round(100 * 1.12 ** level)))
        self._update_zoom_actions()

    def _update_zoom_actions(self) -> None:
        self.actions.zoom_in.setEnabled(self.reading.zoom < settings.ZOOM_MAX)
        self.actions.zoom_out.setEnabled(self.reading.zoom > settings.ZOOM_MIN)

    def _update_history_actions(self) -> None:
        self.actions.back.setEnabled(self.history.can_go_back())
        self.actions.forward.setEnabled(self.history.can_go_forward())

    # --- status and title --------------------------------------------------------

    def _place_text(self) -> str:
        place = self.history.current
        view = self._index_views.get(place.page) if place is not None else None
        if view is not None and self.centre.currentWidget() is view:
            return view.summary()  # type: ignore[attr-defined]
        return labels.describe_place(self.store, place)

    def _update_place(self) -> None:
        text = self._place_text()
        self.status.show_place(text)
        self.setWindowTitle(f"{text} — Connecteur" if text else "Connecteur")

    # --- settings ----------------------------------------------------------------

    def _restore(self) -> None:
        s = self.context.settings
        if not self.restoreGeometry(s.get(settings.GEOMETRY)):
            self.resize(*DEFAULT_SIZE)
        self.restoreState(s.get(settings.WINDOW_STATE))
        # The side panel gets its room now, though its panels arrive after the first
        # paint: the text column must not jump when they do.
        sizes = s.get(settings.SPLITTER_SIZES)
        if len(sizes) == 3 and sizes[2] < MIN_PANEL_WIDTH:  # never shown before: make room
            centre = max(MIN_PANEL_WIDTH, sum(sizes) - sizes[0] - SIDE_PANEL_WIDTH)
            sizes = [sizes[0], centre, SIDE_PANEL_WIDTH]
        self.side_panel.setVisible(True)
        self.splitter.setSizes(sizes)
        self.reading.set_zoom(s.get(settings.ZOOM))
        self._check_language_action(s.get(settings.LANGUAGE))
        self._update_zoom_actions()

    def save_settings(self) -> None:
        s = self.context.settings
        s.set(settings.GEOMETRY, self.saveGeometry())
        s.set(settings.WINDOW_STATE, self.saveState())
        s.set(settings.SPLITTER_SIZES, self.splitter.sizes())
        s.set(settings.ZOOM, self.reading.zoom)
        if self.history.current:
            s.set(settings.LAST_LOCATION, self.history.current.location)
        s.sync()

    # --- Qt events ---------------------------------------------------------------

    def _retranslate(self) -> None:
        self.actions.retranslate()
        self.toolbar.setWindowTitle(self.tr("Barre d'outils"))
        self.splitter.setAccessibleName(self.tr("Zones de la fenêtre"))
        self.left_stack.setAccessibleName(self.tr("Sommaire et résultats"))
        self.side_panel.setAccessibleName(self.tr("Panneau latéral"))
        self._update_place()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The mouse's back and forward buttons, wherever the pointer is in the window;
        and, when the window comes back to the front, what another window saved.
        (Every event of the application passes here: one cheap test first.)"""
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            if isinstance(watched, QWidget) and watched.window() is self:
                button = event.button()  # type: ignore[attr-defined]
                if button == Qt.MouseButton.BackButton:
                    self.go_back()
                    return True
                if button == Qt.MouseButton.ForwardButton:
                    self.go_forward()
                    return True
        elif kind == QEvent.Type.WindowActivate and watched is self:
            self.context.user.check_external_changes()
            if self.layers_installed:
                self.library_watch.check()
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        QApplication.instance().removeEventFilter(self)
        self.save_settings()
        super().closeEvent(event)


def _tree_item(index: QModelIndex) -> str | None:
    """A session or item row of the table of contents stands for it."""
    return NavigationPane.item_of(index)

