"""The main window: layout and wiring only.

Left, the search box above the table of contents (replaced by the results while
a query is typed); centre, the reading pane or one of the two library-wide
indexes; right, the side panel for later features. Everything the reader can go
to is a *location* (see ``location.py``); ``navigate`` is the one way to show one,
and it feeds history, the tree's selection, the status bar and the settings.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from connecteur import paths
from connecteur.app import place as location
from connecteur.app.history import History
from connecteur.corpus import Event
from connecteur.ui.annotations.user_features import UserFeatures
from connecteur.ui.common import labels
from connecteur.ui.reading.navigation_pane import NavigationPane
from connecteur.ui.reading.reading_pane import ReadingPane
from connecteur.ui.search.search_box import SearchBox
from connecteur.ui.search.search_panel import SearchPanel
from connecteur.ui.shell import settings
from connecteur.ui.shell.actions import Actions
from connecteur.ui.shell.context import ApplicationContext
from connecteur.ui.shell.side_panel import SidePanel
from connecteur.ui.shell.status_bar import StatusBar

DEFAULT_SIZE = (1200, 780)


def app_icon() -> QIcon:
    icon = QIcon()
    for png in sorted((paths.icons_dir() / "app").glob("connecteur-*.png")):
        icon.addFile(str(png))
    return icon


class MainWindow(QMainWindow):
    location_changed = Signal(str)

    def __init__(self, context: ApplicationContext) -> None:
        super().__init__()
        self.context = context
        self.store = context.store
        self.history = History()
        self._walking = False
        self._index_views: dict[str, QWidget] = {}
        self.setObjectName("main-window")
        self.setWindowIcon(app_icon())
        self._build()
        self.actions = Actions(self)
        self._toolbar()
        self._wire()
        self._restore()
        self._retranslate()
        QApplication.instance().installEventFilter(self)
        # The trainer's layer: notes, highlights, stars, folders (issue 5).
        self.user_features = UserFeatures(self)

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
        a.zoom_in.triggered.connect(self.reading.zoom_in)
        a.zoom_out.triggered.connect(self.reading.zoom_out)
        a.zoom_reset.triggered.connect(lambda: self.reading.set_zoom(0))
        a.side_panel.toggled.connect(self._toggle_side_panel)
        self.side_panel.panels_changed.connect(self._side_panel_changed)
        self._side_panel_changed()
        a.back.triggered.connect(self.go_back)
        a.forward.triggered.connect(self.go_forward)
        a.home.triggered.connect(lambda: self.navigate(location.HOME))
        a.previous_session.triggered.connect(lambda: self._step_session(-1))
        a.next_session.triggered.connect(lambda: self._step_session(1))
        a.speakers.triggered.connect(lambda: self.navigate(location.SPEAKERS))
        a.bibliography.triggered.connect(lambda: self.navigate(location.BIBLIOGRAPHY))
        a.focus_tree.triggered.connect(self._focus_tree)
        a.focus_reading.triggered.connect(self._focus_reading)
        a.about.triggered.connect(self.show_about)
        a.welcome.triggered.connect(self.show_welcome)
        a.languages.triggered.connect(lambda action: self.set_language(action.data()))
        self.navigation.location_selected.connect(self.navigate)
        self.reading.location_requested.connect(self.navigate)
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
        self.context.search.status_changed.connect(self.status.show_index)
        self.status.show_index(self.context.search.status)

    # --- navigation --------------------------------------------------------------

    def navigate(self, where: str, *, record: bool = True, walking: bool = False) -> bool:
        """Show a location; False (and a message) when it names nothing."""
        canonical = location.normalised(where)
        if canonical is None or not (canonical in location.INDEX_PAGES
                                     or self.reading.can_show(canonical)):
            self.status.flash(self.tr("Introuvable dans la bibliothèque : {0}").format(where))
            return False
        if canonical in location.INDEX_PAGES:
            self.centre.setCurrentWidget(self._index_view(canonical))
        else:
            self.reading.show_location(canonical)
            self.centre.setCurrentWidget(self.reading)
        if record:
            self.history.visit(canonical, replace=walking and self._walking)
        self._walking = walking
        self.navigation.select_location(canonical)
        self._update_place()
        self._update_history_actions()
        self.location_changed.emit(canonical)
        return True

    @property
    def current_location(self) -> str | None:
        return self.history.current

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
                      self.store.sessions[0].id if self.store.sessions else location.HOME]
        if requested and location.normalised(requested) is None:
            QTimer.singleShot(0, lambda: self.status.flash(
                self.tr("Lien non reconnu : {0}").format(requested)))
        for candidate in candidates:
            if candidate and self.navigate(candidate):
                return
        self.navigate(location.HOME)

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

    def _index_view(self, page: str) -> QWidget:
        """The two index pages are built the first time they are shown (start-up)."""
        if page not in self._index_views:
            if page == location.SPEAKERS:
                from connecteur.ui.indexes.speakers_view import SpeakersView as View
            else:
                from connecteur.ui.indexes.bibliography_view import BibliographyView as View  # type: ignore[assignment]
            view = View(self.context, self)
            view.location_requested.connect(self.navigate)
            view.summary_changed.connect(lambda _text: self._update_place())
            self.centre.addWidget(view)
            self._index_views[page] = view
        return self._index_views[page]

    def index_view(self, page: str) -> QWidget:
        return self._index_view(page)

    # --- search ------------------------------------------------------------------

    def focus_search(self) -> None:
        self.left_stack.setCurrentWidget(self.search_panel)
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _query_changed(self, text: str) -> None:
        self.search_panel.set_query(text)
        if text.strip():
            self.left_stack.setCurrentWidget(self.search_panel)

    def _search_idle(self) -> None:
        """An empty box left for elsewhere than the results: show the contents again."""
        focused = QApplication.focusWidget()
        in_search = focused is self.search_box or (
            focused is not None and self.search_panel.isAncestorOf(focused))
        if not self.search_box.text().strip() and not in_search:
            self.left_stack.setCurrentWidget(self.navigation)

    def _leave_search(self) -> None:
        self.left_stack.setCurrentWidget(self.navigation)
        self.reading.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_result(self, target: str, walking: bool) -> None:
        self.navigate(target, walking=walking)
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
        """The F9 toggle only makes sense once a later feature has added a panel."""
        empty = self.side_panel.is_empty()
        self.actions.side_panel.setEnabled(not empty)
        self.actions.side_panel.setChecked(not empty and self.side_panel.isVisibleTo(self))

    def _focus_tree(self) -> None:
        self.left_stack.setCurrentWidget(self.navigation)
        self.navigation.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_reading(self) -> None:
        self.centre.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def print_handout(self, content: str | None = None, folder: str | None = None) -> None:
        """"Imprimer / Exporter en PDF…" (Ctrl+P). ``content`` preselects "session",
        "sessions", "library", "folder", "results" or "favorites"; ``folder`` (ID or
        name) a course folder — the folders panel's "Imprimer…" calls this."""
        from connecteur.ui.printing.print_dialog import open_print_dialog

        self.print_dialog = open_print_dialog(self, content, folder)

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
        where = self.history.current or ""
        view = self._index_views.get(where)
        if view is not None and self.centre.currentWidget() is view:
            return view.summary()  # type: ignore[attr-defined]
        return labels.describe_location(self.store, where)

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
        self.splitter.setSizes(s.get(settings.SPLITTER_SIZES))
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
            s.set(settings.LAST_LOCATION, self.history.current)
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
        """The mouse's back and forward buttons, wherever the pointer is in the window."""
        if (event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent)
                and isinstance(watched, QWidget) and watched.window() is self):
            button = event.button()
            if button == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if button == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        QApplication.instance().removeEventFilter(self)
        self.save_settings()
        super().closeEvent(event)

    @staticmethod
    def clipboard_text() -> str:
        return QGuiApplication.clipboard().text()
