"""The search words, found again in the page: after a result is opened, every
occurrence of the words searched is highlighted in the reading pane, like a
browser's find bar — F3 / Maj+F3 go to the next / previous one, Échap clears them.

The words are found by the search service (``match_spans``: the same analysis as
the index, so « crises » is found for « crise »), on the search worker; the spans
of a page are kept for as long as it is shown with the same words, so a repaint
(a star, a zoom, a note) only maps them to the new document. Words in the form
typed are marked more strongly than words that only share their stem
(« gouvernement » for « gouvernance »); the current occurrence is the strongest.
The page itself is never rendered again: the marks are extra selections.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QTextEdit,
    QToolButton,
    QWidget,
)

from connecteur.ui.common.palette import is_dark, mix
from connecteur.ui.reading.reading_pane import ReadingPane
from connecteur.ui.search.controller import SearchController
from connecteur.ui.shell.context import ApplicationContext

BAR_MARGIN = 8
QUERY_CHARS = 28  # of the words searched, shown in the bar
SCROLL_AT = 0.3  # a match scrolled into view stands at this height of the pane


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of the words in the document shown: [start, end)."""

    start: int
    end: int
    exact: bool
    item_id: str


def occurrence_formats(palette: QPalette) -> dict[str, QTextCharFormat]:
    """"exact", "stem" and "current" marks in the palette's colours: the current one
    as a selection, the exact forms on a clear tint, the stem-only ones on a light
    tint with a dotted underline (they are found, but are not the word typed)."""
    role = QPalette.ColorRole
    base, accent = palette.color(role.Base), palette.color(role.Highlight)
    dark = is_dark(palette)
    exact = QTextCharFormat()
    exact.setBackground(mix(base, accent, 0.7 if dark else 0.55))
    exact.setForeground(palette.color(role.Text))
    stem = QTextCharFormat()
    stem.setBackground(mix(base, accent, 0.35 if dark else 0.22))
    stem.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    stem.setUnderlineColor(accent)
    current = QTextCharFormat()
    current.setBackground(accent)
    current.setForeground(palette.color(role.HighlightedText))
    return {"exact": exact, "stem": stem, "current": current}


class FindBar(QFrame):
    """Floats at the top right of the reading pane: the words, "3 / 12", ▲ ▼ ✕."""

    previous_requested = Signal()
    next_requested = Signal()
    close_requested = Signal()

    def __init__(self, pane: QWidget) -> None:
        super().__init__(pane)
        self.setObjectName("find-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.words = QLabel(self, objectName="find-words")
        self.count = QLabel(self, objectName="find-count")
        self.previous = QToolButton(self, objectName="find-previous", text="▲")
        self.next = QToolButton(self, objectName="find-next", text="▼")
        self.close_button = QToolButton(self, objectName="find-close", text="✕")
        for button, signal in ((self.previous, self.previous_requested),
                               (self.next, self.next_requested),
                               (self.close_button, self.close_requested)):
            button.setAutoRaise(True)
            button.clicked.connect(signal.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.setSpacing(4)
        layout.addWidget(self.words)
        layout.addSpacing(6)
        layout.addWidget(self.count)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)
        layout.addWidget(self.close_button)
        self.hide()
        self._retranslate()

    def show_state(self, query: str, current: int, total: int) -> None:
        shown = query if len(query) <= QUERY_CHARS else query[:QUERY_CHARS - 1] + "…"
        self.words.setText(self.tr("« {0} »").format(shown))
        self.words.setToolTip(query)
        if total:
            self.count.setText(self.tr("{0} / {1}").format(current + 1, total))
        else:
            self.count.setText(self.tr("aucune occurrence ici"))
        self.previous.setEnabled(total > 1)
        self.next.setEnabled(total > 1)
        self.adjustSize()
        self.place()

    def place(self) -> None:
        """Top right of the pane's text area, clear of its scroll bar."""
        pane = self.parentWidget()
        viewport = getattr(pane, "viewport", None)
        right = viewport().geometry().right() if viewport else pane.width()
        top = viewport().geometry().top() if viewport else 0
        self.move(max(0, right - self.width() - BAR_MARGIN), top + BAR_MARGIN)
        self.raise_()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Mots cherchés dans la page"))
        self.previous.setToolTip(self.tr("Occurrence précédente (Maj+F3)"))
        self.next.setToolTip(self.tr("Occurrence suivante (F3)"))
        self.close_button.setToolTip(self.tr("Effacer le surlignage (Échap)"))
        for button in (self.previous, self.next, self.close_button):
            button.setAccessibleName(button.toolTip())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()


class FindInPage(QObject):
    changed = Signal()  # the occurrences or the current one changed (bar, actions, tests)

    def __init__(self, context: ApplicationContext, reading: ReadingPane,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search: SearchController = context.search
        self._reading = reading
        self._query = ""
        self._active = False
        self._focus_item: str | None = None  # the item whose first occurrence is current
        self._spans: dict[str, list[tuple[int, int, bool]]] = {}
        self._spans_key: tuple[str | None, str] | None = None  # (page, words) of _spans
        self._waiting: tuple[str | None, str] | None = None
        self._occurrences: list[Occurrence] = []
        self._current = -1
        self._kept = -1  # the current occurrence, across a repaint of the same page
        self._asked = False  # F3 was pressed: say so even when nothing is found
        self.bar = FindBar(reading)
        self.bar.previous_requested.connect(self.previous)
        self.bar.next_requested.connect(self.next)
        self.bar.close_requested.connect(self.clear)
        reading.page_rendered.connect(self._page_rendered)
        reading.installEventFilter(self)

    # --- what the window calls ---------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    @property
    def active(self) -> bool:
        return self._active

    @property
    def occurrences(self) -> list[Occurrence]:
        return list(self._occurrences)

    @property
    def current(self) -> int:
        """Index of the current occurrence (-1: none)."""
        return self._current

    @property
    def pending(self) -> bool:
        """Whether the occurrences of the page shown are still being looked for."""
        return self._waiting is not None

    def show_words(self, query: str, item_id: str | None = None) -> None:
        """Highlight ``query``'s words in the page (after opening a result); the first
        occurrence in ``item_id`` (the result opened) becomes the current one."""
        query = query.strip()
        if not query:
            self.clear()
            return
        self._query, self._active, self._focus_item = query, True, item_id
        self._asked = False
        self._update()

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def clear(self) -> None:
        """Échap: no more marks (F3 brings them back)."""
        was = self._active
        self._active = False
        self._occurrences, self._current = [], -1
        self._reading.set_search_marks([])
        self.bar.hide()
        if was:
            self.changed.emit()

    # --- finding ------------------------------------------------------------------------

    def _key(self) -> tuple[str | None, str]:
        return self._reading.page_key, self._query

    def _update(self) -> None:
        """Mark the page shown: at once when its spans are known, else ask for them."""
        if not self._active:
            return
        key = self._key()
        if key == self._spans_key:
            self._apply()
            return
        if key == self._waiting:
            return
        self._waiting = key
        self._search.match_spans(self._query, self._reading.page_texts(),
                                 done=lambda spans: self._found(key, spans),
                                 failed=lambda _message: self._found(key, {}))

    def _found(self, key: tuple[str | None, str], spans: dict) -> None:
        if key != self._waiting:
            return  # another page or other words meanwhile
        self._waiting = None
        self._spans, self._spans_key = spans, key
        if self._active and key == self._key():
            self._apply()
        elif self._active:
            self._update()

    def _page_rendered(self, page: str) -> None:
        """The page was built again: the same page keeps its current occurrence (the
        spans come in the same order), another one starts from what is in view."""
        same = (page, self._query) == self._spans_key
        self._kept = self._current if same else -1
        self._occurrences, self._current = [], -1
        if self._active:
            self._update()

    def _apply(self) -> None:
        """Map the spans to the document and paint them."""
        text_map = self._reading.text_map
        found = []
        for item_id, runs in self._spans.items():
            for start, end, exact in runs:
                first = text_map.position(item_id, start)
                last = text_map.position(item_id, max(start, end - 1))
                if first is not None and last is not None and last >= first:
                    found.append(Occurrence(first, last + 1, exact, item_id))
        found.sort(key=lambda o: o.start)
        previous = self._occurrences[self._current] if 0 <= self._current < len(
            self._occurrences) else None
        self._occurrences = found
        kept, self._kept = self._kept, -1
        if self._focus_item is None and 0 <= kept < len(found):
            self._current = kept
        else:
            self._current = self._first_current(previous)
        self._focus_item = None
        self._paint()

    def _first_current(self, previous: Occurrence | None) -> int:
        """The first occurrence in the item opened; else the one that was current;
        else the first one from the top of what is in view."""
        if not self._occurrences:
            return -1
        if self._focus_item is not None:
            for index, occurrence in enumerate(self._occurrences):
                if occurrence.item_id == self._focus_item:
                    return index
        starts = [o.start for o in self._occurrences]
        if previous is not None:
            return min(bisect.bisect_left(starts, previous.start), len(starts) - 1)
        top = self._reading.cursorForPosition(self._reading.viewport().rect().topLeft())
        return min(bisect.bisect_left(starts, top.position()), len(starts) - 1)

    def _step(self, delta: int) -> None:
        if not self._active:
            if self._query:  # F3 after Échap: the marks come back
                self.show_words(self._query)
                self._asked = True
            return
        if not self._occurrences:
            self._asked = True
            if not self.pending:
                self._paint()  # "aucune occurrence ici"
            return
        self._current = (self._current + delta) % len(self._occurrences)
        self._paint()
        self._scroll_to(self._occurrences[self._current])

    # --- painting -----------------------------------------------------------------------

    def _paint(self) -> None:
        formats = occurrence_formats(self._reading.palette())
        document = self._reading.document()
        selections = []
        for index, occurrence in enumerate(self._occurrences):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(occurrence.start)
            cursor.setPosition(occurrence.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            kind = "current" if index == self._current else \
                "exact" if occurrence.exact else "stem"
            selection.format = formats[kind]
            selections.append(selection)
        self._reading.set_search_marks(selections)
        self.bar.show_state(self._query, self._current, len(self._occurrences))
        # Nothing to show on this page (a result found through its session's title, a
        # search by tag only): no bar, unless F3 asked.
        self.bar.setVisible(bool(self._occurrences) or self._asked)
        self.changed.emit()

    def _scroll_to(self, occurrence: Occurrence) -> None:
        """Bring an occurrence into view (the text cursor and selection stay)."""
        cursor = QTextCursor(self._reading.document())
        cursor.setPosition(occurrence.start)
        rect = self._reading.cursorRect(cursor)
        viewport = self._reading.viewport().rect()
        if viewport.top() + self.bar.height() + BAR_MARGIN <= rect.top() and \
                rect.bottom() <= viewport.bottom():
            return
        bar = self._reading.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - int(viewport.height() * SCROLL_AT))

    # --- Qt events ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and self._active and \
                event.key() == Qt.Key.Key_Escape:  # type: ignore[attr-defined]
            self.clear()
            return True
        if kind == QEvent.Type.Resize and self.bar.isVisible():
            self.bar.place()
        return False
