"""The reading pane: one page (a session, a day, the presentation) as a document.

Rendering is ``reading_renderer``'s job; this widget shows the result, keeps the
text in a comfortable column whatever the window width, scrolls to and marks the
item asked for, zooms, and decides what a click on a link does (internal links
navigate, web links go through the ``LinkOpener``, nothing else opens).

From the keyboard, J / K (or Alt+↓ / Alt+↑) move the mark from item to item — the
marked item is the one the item commands act on — and Ctrl+Home / Ctrl+End go to
the top or the end of the page.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from dataclasses import replace

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
    QTextCursor,
    QTextFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QMenu, QTextBrowser, QTextEdit, QWidget

from connecteur.app.citation import citation, item_text, link
from connecteur.app.place import ANNOTATABLE, HOME, Place
from connecteur.app.reading_document import (
    NOTES_SCHEME,
    ItemDecoration,
    Page,
    RenderLabels,
    render_event,
    render_home,
    render_session,
    stylesheet,
)
from connecteur.app.text_map import ItemSpan, TextMap
from connecteur.corpus import Event, Session
from connecteur.corpus.ids import kind_of
from connecteur.store import CorpusStore
from connecteur.ui.common import labels
from connecteur.ui.common.focus_ring import add_focus_ring
from connecteur.ui.common.item_mime import items_mime_data
from connecteur.ui.common.palette import marked_background, render_style
from connecteur.ui.reading.highlight_colours import marks as highlight_marks
from connecteur.ui.shell.context import ApplicationContext
from connecteur.ui.shell.links import internal_location, is_internal_link
from connecteur.ui.shell.settings import ZOOM_MAX, ZOOM_MIN

DecorationSource = Callable[[Session], Mapping[str, ItemDecoration]]
MenuExtension = Callable[[QMenu, QPoint], None]

READING_COLUMN_CHARS = 76  # a comfortable line length, in average characters
MIN_SIDE_MARGIN = 24
READING_FONT_BOOST = 1.15  # the reading text is a little larger than the UI's
ZOOM_STEP = 1.12
_ITEM_STEPS = {(Qt.Key.Key_J, Qt.KeyboardModifier.NoModifier): 1,
               (Qt.Key.Key_K, Qt.KeyboardModifier.NoModifier): -1,
               (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier): 1,
               (Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier): -1}
_ENDS = {Qt.Key.Key_Home: False, Qt.Key.Key_End: True}


class ReadingPane(QTextBrowser):
    location_requested = Signal(str)  # a connecteur:// link was followed
    status_message = Signal(str)
    zoom_changed = Signal(int)
    item_clicked = Signal(str, int)  # item ID, offset in its text (-1: not on its text)
    notes_requested = Signal(str)  # the "✎ 2 notes" marker of an item was followed
    page_rendered = Signal(str)  # a page was (re)built: positions in it changed
    notes_requested = Signal(str)  # the "✎ n notes" marker of an item was followed
    item_stepped = Signal(str)  # J / K marked this item (the window makes it current)

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._store = context.store
        self._page_key: str | None = None
        self._place: Place | None = None
        self._anchors: list[tuple[int, str]] = []  # (position, name), by position
        self._marked: str | None = None
        self._keep_anchor: str | None = None
        self._stepped_to: str | None = None  # the item J / K just marked
        self._decorations: DecorationSource | None = None
        self._text_map: TextMap | None = TextMap()
        self._segments: list = []  # of the page shown, for the text map (built on demand)
        # Painted over the page and the marked item: the search words (find_in_page).
        self._search_marks: list[QTextEdit.ExtraSelection] = []
        # Later features add entries to the context menu: fn(menu, viewport point).
        self.menu_extensions: list[MenuExtension] = []
        self._zoom = 0
        self._base_font = QFont(self.font())
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("reading-pane")
        self.anchorClicked.connect(self._follow_link)
        self.highlighted.connect(self._hover_link)
        self.verticalScrollBar().actionTriggered.connect(self._user_scrolled)
        add_focus_ring(self)
        self._apply_zoom()
        self._retranslate()

    # --- public API --------------------------------------------------------------

    @property
    def place(self) -> Place | None:
        return self._place

    @property
    def location(self) -> str | None:
        return self._place.location if self._place is not None else None

    @property
    def marked_id(self) -> str | None:
        return self._marked

    @property
    def page_key(self) -> str | None:
        return self._page_key

    @property
    def zoom(self) -> int:
        return self._zoom

    @property
    def anchors(self) -> dict[str, int]:
        """Named anchors of the shown page and their character positions."""
        return {name: pos for pos, name in self._anchors}

    def can_show(self, place: Place) -> bool:
        if place.is_index:
            return False
        return place.kind == "home" or self._store.find(place.target or "") is not None

    def show_place(self, place: Place) -> bool:
        """Show ``place`` (render its page if needed, scroll to it, mark it)."""
        if not self.can_show(place):
            return False
        if place.page != self._page_key:
            self._render(place.page)
        elif place.is_item and place.anchor == self._stepped_to == self._marked:
            self._place, self._stepped_to = place, None  # J / K already showed it
            return True
        self._stepped_to = None
        self._mark(place.anchor if place.is_item else None)
        self._keep_anchor = place.anchor
        self._scroll_to(place.anchor)
        self._place = place
        return True

    def use_library(self, store: CorpusStore) -> bool:
        """Another library (a document imported or removed): the page shown is drawn
        again from it, the reader kept where they were. False when that page is gone
        from it (nothing is shown then: the window shows another page)."""
        self._store = store
        if self._page_key is None:
            return True
        if self._page_key != HOME and store.find(self._page_key) is None:
            self._page_key, self._place, self._marked, self._keep_anchor = None, None, None, None
            return False
        self.refresh()
        return True

    def set_decorations(self, source: DecorationSource | None) -> None:
        """Let a later layer (notes, stars, highlights) decorate session items."""
        self._decorations = source
        self.refresh()

    def refresh(self) -> None:
        """Render the current page again (palette, language or decorations changed),
        keeping the reader where they were."""
        if self._page_key is None:
            return
        scroll = self.verticalScrollBar().value()
        self._render(self._page_key)
        self._mark(self._marked)
        # Lay the whole page out first: until then the scroll range is too short and
        # the reader would be sent back to the top.
        self.document().documentLayout().blockBoundingRect(self.document().lastBlock())
        self.verticalScrollBar().setValue(scroll)

    def set_zoom(self, level: int) -> None:
        level = max(ZOOM_MIN, min(ZOOM_MAX, level))
        if level == self._zoom:
            return
        self._zoom = level
        self._apply_zoom()
        self.zoom_changed.emit(level)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def item_at(self, pos: QPoint) -> str | None:
        """The ID of the item under a viewport point (None outside any item)."""
        cursor = self.cursorForPosition(pos)
        return self._item_containing(cursor.position())

    @property
    def text_map(self) -> TextMap:
        """Where each item's text is in the document (for clicks, selections and
        highlights): built the first time it is needed after a render, since most
        renders (walking through pages, repaints) never need it."""
        if self._text_map is None:
            self._text_map = TextMap.build(self._segments, self.document().toRawText(),
                                           self.anchors)
        return self._text_map

    def selected_span(self) -> ItemSpan | None:
        """The selection as ``item.text[start:end]`` of one item (None otherwise)."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.text_map.span(cursor.selectionStart(), cursor.selectionEnd())

    def select_item_text(self, item_id: str, start: int, end: int) -> bool:
        """Select ``item.text[start:end]`` as the reader would with the mouse."""
        first = self.text_map.position(item_id, start)
        last = self.text_map.position(item_id, end - 1)
        if first is None or last is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(first)
        cursor.setPosition(last + 1, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        return True

    def page_texts(self) -> dict[str, str]:
        """The full ``.text`` of every item whose text the page shows, by item ID (in
        page order): what find-in-page searches."""
        found: dict[str, str] = {}
        for segment in self._segments:
            if segment.item_id not in found:
                item = self._store.find(segment.item_id)
                text = getattr(item, "text", None)
                if isinstance(text, str):
                    found[segment.item_id] = text
        return found

    def set_search_marks(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Paint ``selections`` (the search words) over the page, above the marked
        item, without rendering the page again."""
        self._search_marks = list(selections)
        self._mark(self._marked)

    def mark_item(self, item_id: str | None) -> None:
        """Mark an item (the one the side panel shows) without scrolling."""
        self._mark(item_id)

    def item_ids(self) -> list[str]:
        """The items of the shown session page (leads, field sites, resources,
        speakers), in reading order."""
        return [name for _pos, name in self._anchors if kind_of(name) in ANNOTATABLE[1:]]

    def step_item(self, delta: int) -> str | None:
        """Mark the next (``delta`` 1) or previous (-1) item, from the marked one when
        it is on screen, else from the top of the view; keep it in view and say so
        (``item_stepped``). Returns the item, None at either end."""
        items = self.item_ids()
        if not items:
            return None
        if self._marked in items and self._on_screen(self._marked):
            at = items.index(self._marked) + delta
        else:
            at = self._first_visible(items)
        if not 0 <= at < len(items):
            return None
        item_id = items[at]
        self._mark(item_id)
        self._keep_anchor = None
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.anchors[item_id])
        self.setTextCursor(cursor)  # Tab then goes on to the links that follow
        self._bring_into_view(item_id)
        self._stepped_to = item_id
        self.item_stepped.emit(item_id)
        return item_id

    def go_to_end(self, end: bool) -> None:
        """Ctrl+Home / Ctrl+End: the top or the end of the page."""
        bar = self.verticalScrollBar()
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End if end
                            else QTextCursor.MoveOperation.Start)
        self.setTextCursor(cursor)
        self._keep_anchor = None
        bar.setValue(bar.maximum() if end else bar.minimum())

    def citation_for(self, item_id: str | None = None) -> str | None:
        """The selected text, or the item (the marked one by default), with its
        reference; None when there is nothing to cite."""
        session = self._page_session()
        selected = self.textCursor().selectedText().replace("\u2029", "\n").strip()
        if item_id is None and selected and session is not None:
            return citation(selected, session)
        item = self._store.find(item_id or self._marked or "") or session
        if item is None or isinstance(item, Event):
            return None
        return citation(item_text(item), self._store.session_of(item))

    def copy_with_reference(self, item_id: str | None = None) -> bool:
        text = self.citation_for(item_id)
        if text is None:
            self.status_message.emit(self.tr(
                "Rien à copier : choisissez d'abord un élément ou sélectionnez du texte."))
            return False
        QGuiApplication.clipboard().setText(text)
        self.status_message.emit(self.tr("Copié avec sa référence."))
        return True

    def copy_link(self, item_id: str | None = None) -> bool:
        target = item_id or self._marked or self._page_key
        if not target or target == HOME:
            return False
        QGuiApplication.clipboard().setText(link(target))
        self.status_message.emit(self.tr("Lien copié : {0}").format(link(target)))
        return True

    # --- rendering ---------------------------------------------------------------

    def _labels(self) -> RenderLabels:
        days = len(self._store.events)
        return RenderLabels(
            leads=labels.section_title("leads"),
            field_sites=labels.section_title("field_sites"),
            resources=labels.section_title("resources"),
            speakers=labels.section_title("speakers"),
            empty=self.tr("Aucun élément."),
            session_kicker=self.tr("{date} · session {number}"),
            event_sessions=self.tr("Les sessions de la journée"),
            library_sessions=self.tr("Les deux journées du Connecteur Recherche") if days == 2
            else self.tr("Les {0} journées de la bibliothèque").format(days),
            counts=self._counts,
            starred=self.tr("Favori"),
            notes=lambda n: labels.count(n, self.tr("{0} note"), self.tr("{0} notes")),
            date=labels.format_date,
        )

    def _counts(self, leads: int, sites: int, resources: int) -> str:
        """"16 pistes · 3 terrains · 1 ressource" under a session's title."""
        return " · ".join((labels.count(leads, self.tr("{0} piste"), self.tr("{0} pistes")),
                           labels.count(sites, self.tr("{0} terrain"),
                                        self.tr("{0} terrains")),
                           labels.count(resources, self.tr("{0} ressource"),
                                        self.tr("{0} ressources"))))

    def _page(self, key: str) -> Page:
        if key == HOME:
            return render_home(self._store.library, self._labels())
        found = self._store.get(key)
        if isinstance(found, Event):
            return render_event(found, self._labels())
        assert isinstance(found, Session)
        decorations = self._decorations(found) if self._decorations else None
        return render_session(found, self._labels(), decorations)

    def _render(self, key: str) -> None:
        page = self._page(key)
        document = self.document()
        style = replace(render_style(self.palette()), marks=highlight_marks(self.palette()))
        document.setDefaultStyleSheet(stylesheet(style))
        self.setHtml(page.html)
        self._page_key = key
        self._anchors = _named_anchors(self)
        self._segments, self._text_map = page.segments, None
        self._search_marks = []  # their positions were in the old document
        self._update_margins(force=True)
        self.page_rendered.emit(key)

    def _page_session(self) -> Session | None:
        found = self._store.find(self._page_key or "")
        return found if isinstance(found, Session) else None

    # --- marking and scrolling ---------------------------------------------------

    def _item_range(self, item_id: str) -> tuple[int, int] | None:
        positions = [pos for pos, name in self._anchors if name == item_id]
        if not positions:
            return None
        start = positions[0]
        later = [pos for pos, _ in self._anchors if pos > start]
        end = (later[0] - 1) if later else self.document().characterCount() - 1
        return start, max(start, end)

    def _item_containing(self, position: int) -> str | None:
        keys = [pos for pos, _ in self._anchors]
        index = bisect.bisect_right(keys, position) - 1
        if index < 0:
            return None
        name = self._anchors[index][1]
        return None if "#" in name or name == self._page_key else name

    def _mark(self, item_id: str | None) -> None:
        self._marked = item_id
        span = self._item_range(item_id) if item_id else None
        if span is None:
            self.setExtraSelections(self._search_marks)
            return
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format.setBackground(marked_background(self.palette()))
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        self.setExtraSelections([selection, *self._coloured_runs(*span), *self._search_marks])

    def _coloured_runs(self, start: int, end: int) -> list[QTextEdit.ExtraSelection]:
        """The highlighted words inside a marked item, painted again over the mark
        (whose background would otherwise hide their colour)."""
        runs = []
        block = self.document().findBlock(start)
        while block.isValid() and block.position() <= end:
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                fmt = fragment.charFormat()
                if fmt.background().style() != Qt.BrushStyle.NoBrush and \
                        fragment.position() < end and fragment.position() >= start:
                    run = QTextEdit.ExtraSelection()
                    run.cursor = QTextCursor(self.document())
                    run.cursor.setPosition(fragment.position())
                    run.cursor.setPosition(fragment.position() + fragment.length(),
                                           QTextCursor.MoveMode.KeepAnchor)
                    run.format.setBackground(fmt.background())
                    run.format.setForeground(fmt.foreground())
                    runs.append(run)
                fragments += 1
            block = block.next()
        return runs

    def _scroll_to(self, anchor: str | None) -> None:
        positions = self.anchors
        if anchor is None or anchor not in positions:
            self.verticalScrollBar().setValue(0)
            return
        block = self.document().findBlock(positions[anchor])
        top = self.document().documentLayout().blockBoundingRect(block).top()
        breathing = QFontMetricsF(self.font()).lineSpacing() * 3.2  # room for a heading
        self.verticalScrollBar().setValue(int(max(0.0, top - breathing)))

    def _user_scrolled(self, _action: int) -> None:
        self._keep_anchor = None

    def _item_rect(self, item_id: str) -> tuple[float, float] | None:
        """Top and bottom of an item in document coordinates."""
        span = self._item_range(item_id)
        if span is None:
            return None
        layout = self.document().documentLayout()
        first = layout.blockBoundingRect(self.document().findBlock(span[0]))
        last = layout.blockBoundingRect(self.document().findBlock(max(span[0], span[1] - 1)))
        return first.top(), max(first.bottom(), last.bottom())

    def _on_screen(self, item_id: str) -> bool:
        """Whether some of the item shows in the view."""
        rect = self._item_rect(item_id)
        top = self.verticalScrollBar().value()
        return rect is not None and rect[1] > top and rect[0] < top + self.viewport().height()

    def _first_visible(self, items: list[str]) -> int:
        top = self.verticalScrollBar().value()
        for at, item_id in enumerate(items):
            rect = self._item_rect(item_id)
            if rect is not None and rect[1] > top:
                return at
        return len(items) - 1

    def _bring_into_view(self, item_id: str) -> None:
        """Scroll as little as needed for the whole item to show (its top first)."""
        rect = self._item_rect(item_id)
        if rect is None:
            return
        bar = self.verticalScrollBar()
        margin = QFontMetricsF(self.font()).lineSpacing()
        height = self.viewport().height()
        if rect[0] - margin < bar.value():
            bar.setValue(int(max(0.0, rect[0] - margin)))
        elif rect[1] + margin > bar.value() + height:
            bar.setValue(int(min(rect[0] - margin, rect[1] + margin - height)))

    # --- reading column and zoom -------------------------------------------------

    def _update_margins(self, force: bool = False) -> None:
        metrics = QFontMetricsF(self.font())
        column = metrics.averageCharWidth() * READING_COLUMN_CHARS
        side = max(MIN_SIDE_MARGIN, (self.viewport().width() - column) / 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if not force and abs(frame.leftMargin() - side) < 1:
            return
        frame.setLeftMargin(side)
        frame.setRightMargin(side)
        frame.setTopMargin(metrics.lineSpacing())
        frame.setBottomMargin(metrics.lineSpacing() * 3)
        root.setFrameFormat(frame)

    def _apply_zoom(self) -> None:
        font = QFont(self._base_font)
        factor = READING_FONT_BOOST * ZOOM_STEP ** self._zoom
        if self._base_font.pointSizeF() > 0:
            font.setPointSizeF(self._base_font.pointSizeF() * factor)
        else:
            font.setPixelSize(max(6, round(self._base_font.pixelSize() * factor)))
        self.setFont(font)
        self._update_margins(force=True)
        if self._keep_anchor:
            self._scroll_to(self._keep_anchor)

    # --- links -------------------------------------------------------------------

    def _follow_link(self, url: QUrl) -> None:
        if url.scheme() == NOTES_SCHEME:
            self.notes_requested.emit(url.path())
        elif is_internal_link(url):
            self.location_requested.emit(internal_location(url))
        else:
            self._context.links.open(url)

    def _hover_link(self, url: QUrl) -> None:
        if url.isEmpty():
            self.status_message.emit("")
        elif url.scheme() == NOTES_SCHEME:
            self.status_message.emit(self.tr("Afficher les notes de cet élément"))
        elif is_internal_link(url):
            self.status_message.emit(self.tr("Aller à {0}").format(internal_location(url)))
        else:
            self.status_message.emit(self.tr("Ouvrir dans le navigateur : {0}")
                                     .format(url.toDisplayString()))

    # --- Qt events ---------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Texte de la session"))
        self.setAccessibleDescription(self.tr(
            "Le document affiché ; J et K (ou Alt+flèches) passent d'un élément à "
            "l'autre, Tab d'un lien à l'autre."))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.refresh()
        elif event.type() == QEvent.Type.PaletteChange:
            self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_margins()
        if self._keep_anchor:
            self._scroll_to(self._keep_anchor)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_margins()
        if self._keep_anchor:
            self._scroll_to(self._keep_anchor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        step = _ITEM_STEPS.get((Qt.Key(event.key()), modifiers))
        if step is not None:
            self.step_item(step)
            event.accept()
            return
        if event.key() in _ENDS and modifiers in (Qt.KeyboardModifier.NoModifier,
                                                  Qt.KeyboardModifier.ControlModifier):
            self.go_to_end(_ENDS[Qt.Key(event.key())])
            event.accept()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & event.modifiers().ControlModifier:
            step = event.angleDelta().y()
            if step:
                self.set_zoom(self._zoom + (1 if step > 0 else -1))
            event.accept()
            return
        super().wheelEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, point: QPoint) -> QMenu:
        """The context menu at a viewport point (built, not shown)."""
        menu = self.createStandardContextMenu(point)
        item_id = self.item_at(point)
        if item_id:
            menu.addSeparator()
            menu.addAction(self.tr("Copier cet élément avec sa référence"),
                           lambda: self.copy_with_reference(item_id))
            menu.addAction(self.tr("Copier le lien vers cet élément"),
                           lambda: self.copy_link(item_id))
        for extend in self.menu_extensions:
            extend(menu, point)
        return menu

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        if (event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection()
                or self.anchorAt(point)):
            return
        cursor = self.cursorForPosition(point)
        found = self.text_map.at(cursor.position())
        if found is None and cursor.position() > 0:
            found = self.text_map.at(cursor.position() - 1)  # clicked just after a letter
        item_id = found[0] if found else self._item_containing(cursor.position())
        if item_id:
            self._mark(item_id)
            self.item_clicked.emit(item_id, found[1] if found else -1)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Dragging selected words carries their item too (dropped on a folder, it
        adds the item)."""
        mime = super().createMimeDataFromSelection()
        cursor = self.textCursor()
        ids = self.text_map.items_in(cursor.selectionStart(), cursor.selectionEnd())
        return items_mime_data(ids, mime) if ids else mime


def _named_anchors(browser: QTextBrowser) -> list[tuple[int, str]]:
    """Every ``<a name>`` of the document with the position of the text it names."""
    found: list[tuple[int, str]] = []
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            found.extend((fragment.position(), name)
                         for name in fragment.charFormat().anchorNames())
            fragments += 1
        block = block.next()
    found.sort(key=lambda pair: pair[0])
    return found
