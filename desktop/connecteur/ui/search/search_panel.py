"""Results as you type: filters with counts, suggestion, the hit list, and the
states in between (help before typing, no result, index being built, failure).

An active filter is always in sight: a removable chip under the box, and a count of
what it hides ("12 résultats masqués par le filtre Ressources — tout afficher").

The panel sends requests to the ``SearchController`` (debounced while typing) and
shows only the answer to its latest request; it never touches the search library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from connecteur.store import Change
from connecteur.ui.annotations.user_layer import concerns
from connecteur.ui.common import labels
from connecteur.ui.common.eliding_combo import ElidingComboBox
from connecteur.ui.common.focus_ring import add_focus_ring
from connecteur.ui.common.rich_text import command_link, h, parse_command
from connecteur.ui.search.controller import (
    BUILDING,
    FAILED,
    OPENING,
    IndexStatus,
    SearchRequest,
)
from connecteur.ui.search.filter_chips import FilterChips
from connecteur.ui.search.result_delegate import show_hits
from connecteur.ui.search.results_model import ResultsModel, TargetRole
from connecteur.ui.shell.context import ApplicationContext

if TYPE_CHECKING:  # Whoosh stays out of the start-up path
    from connecteur.search import SearchResults

DEBOUNCE_MS = 180
PAGE_SIZE = 30
FILTER_KINDS = ("lead", "field_site", "resource", "speaker", "session", "note")
CHANNEL = "panel"
HELP_EXAMPLES = ("télétravail", "gestion de crise", "inclusion numérique")
_STEP_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
              Qt.Key.Key_Home, Qt.Key.Key_End)


class ResultsList(QListView):
    """The hit list. The arrow and page keys show the result they move to, as they do
    from the search box: the two walk the results the same way."""

    def __init__(self, parent: QWidget | None = None, objectName: str = "") -> None:
        super().__init__(parent, objectName=objectName)
        self.stepping = False  # a key is moving the current row

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.stepping = event.key() in _STEP_KEYS
        try:
            super().keyPressEvent(event)
        finally:
            self.stepping = False


class SearchPanel(QWidget):
    result_opened = Signal(str, bool)  # target location; True while walking with arrows
    suggestion_taken = Signal(str)  # a query to put in the search box
    answered = Signal()  # a new answer (or state) is on screen (tests, start-up probe)
    offered_changed = Signal()  # the selected result changed (ItemSource)

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._controller = context.search
        self._query = ""
        self._request: SearchRequest | None = None
        self._results: SearchResults | None = None
        self._error = ""
        self._facets: dict[str, dict[str, int]] = {"kind": {}, "session": {}}
        self._walking = False
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run)
        self._build()
        self._controller.answered.connect(self._on_answer)
        self._controller.failed.connect(self._on_failure)
        self._controller.status_changed.connect(self._on_status)
        context.user.changed.connect(self._user_changed)
        self._retranslate()
        self._show_state()

    # --- layout ------------------------------------------------------------------

    def _build(self) -> None:
        self.kind_filter = ElidingComboBox(self, objectName="kind-filter")
        self.session_filter = ElidingComboBox(self, objectName="session-filter")
        for combo in (self.kind_filter, self.session_filter):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.summary = QLabel(self, objectName="search-summary")
        self.suggestion = QLabel(self, objectName="search-suggestion")
        self.notices = QLabel(self, objectName="search-notices")
        self.message = QLabel(self, objectName="search-message")
        for label in (self.summary, self.suggestion, self.notices, self.message):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.suggestion, self.message, self.summary):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
            label.linkActivated.connect(self._message_link)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        for label in (self.summary, self.suggestion, self.notices, self.message):
            label.setMargin(4)
        self.model = ResultsModel(self, self._context.store)
        self.model.more_requested.connect(self._fetch_more)
        self.list = ResultsList(self, objectName="search-results")
        show_hits(self.list, self.model)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.selectionModel().currentChanged.connect(lambda *_: self.offered_changed.emit())
        add_focus_ring(self.list)
        self.list.clicked.connect(lambda index: self._open(index, walking=False))
        self.list.activated.connect(lambda index: self._open(index, walking=False))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.message)
        self.filters = QWidget(self)
        filters = QVBoxLayout(self.filters)  # one above the other: each shows its text
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setSpacing(4)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.session_filter)
        self.chips = FilterChips(self)
        self.chips.removed.connect(self.remove_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.chips)
        layout.addWidget(self.filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.notices)
        layout.addWidget(self.stack, 1)
        self.setTabOrder(self.kind_filter, self.session_filter)
        self.setTabOrder(self.session_filter, self.list)

    # --- what the window calls ---------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    @property
    def results(self) -> SearchResults | None:
        return self._results

    def set_query(self, text: str) -> None:
        """The box changed: search after a short pause (or clear at once)."""
        self._query = text.strip()
        if not self._query:
            self._debounce.stop()
            self._controller.cancel(CHANNEL)
            self._request, self._results, self._error = None, None, ""
            self.model.clear()
            self._show_state()
            return
        self._debounce.start()

    def run_now(self) -> None:
        """Enter was pressed: do not wait for the pause."""
        if self._debounce.isActive():
            self._debounce.stop()
            self._run()

    def step(self, delta: int) -> None:
        """Move the current result (arrow keys in the box) and show it."""
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.list.currentIndex().row()
        row = max(0, min(rows - 1, (current if current >= 0 else -1) + delta))
        self._walking = True
        try:
            self.list.setCurrentIndex(self.model.index(row, 0))
        finally:
            self._walking = False

    def open_current(self) -> bool:
        self.run_now()
        index = self.list.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
            self.list.setCurrentIndex(index)
        if not index.isValid():
            return False
        self._open(index, walking=False)
        return True

    def offered_item(self) -> str | None:
        """The selected result's item (ItemSource): what Ctrl+D stars from the list."""
        if self.stack.currentWidget() is not self.list:
            return None
        return self.list.currentIndex().data(TargetRole) or None

    def clear_filters(self) -> None:
        for combo in (self.kind_filter, self.session_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._filters_changed()

    def remove_filter(self, field: str) -> None:
        """A chip was closed: drop that filter only ("kind" or "session")."""
        combo = self.kind_filter if field == "kind" else self.session_filter
        combo.blockSignals(True)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)
        self._filters_changed()

    def active_filters(self) -> list[tuple[str, str]]:
        """(field, name as shown) of each active filter: "Ressources", "20 mai 2020,
        session 1"."""
        found = []
        kind = self.kind_filter.currentData()
        if kind:
            found.append(("kind", labels.kind_plural(kind)))
        session = self._context.store.find(self.session_filter.currentData() or "")
        if session is not None and session.kind == "session":
            found.append(("session", labels.session_place(session)))
        return found

    def kinds(self) -> tuple[str, ...] | None:
        value = self.kind_filter.currentData()
        return (value,) if value else None

    def sessions(self) -> tuple[str, ...] | None:
        value = self.session_filter.currentData()
        return (value,) if value else None

    # --- requests and answers ----------------------------------------------------

    def _run(self) -> None:
        if not self._query:
            return
        self._error = ""
        self._request = self._controller.submit(SearchRequest(
            self._query, self.kinds(), self.sessions(), 1, PAGE_SIZE, CHANNEL))
        if not self._controller.ready:
            self._show_state()

    def _fetch_more(self) -> None:
        if self._results is None or self._request is None:
            self.model.more_failed()
            return
        self._request = self._controller.submit(SearchRequest(
            self._results.query, self._request.kinds, self._request.sessions,
            self._results.page + 1, PAGE_SIZE, CHANNEL))

    def _on_answer(self, request: SearchRequest, results: SearchResults) -> None:
        if self._request is None or request.serial != self._request.serial:
            return
        if request.page > 1:
            self._results = results
            self.model.append(results)
            self.answered.emit()
            return
        self._results = results
        self._remember_facets(results)
        self.model.set_results(results)
        if self.model.rowCount():
            self.list.selectionModel().setCurrentIndex(
                self.model.index(0, 0), self.list.selectionModel().SelectionFlag.ClearAndSelect)
            self.list.scrollToTop()
        self._fill_filters()
        self._show_state()
        self.answered.emit()

    def _on_failure(self, request: SearchRequest, message: str) -> None:
        if self._request is None or request.serial != self._request.serial:
            return
        if request.page > 1:
            self.model.more_failed()
            return
        self._error = message
        self._show_state()
        self.answered.emit()

    def _user_changed(self, change: Change) -> None:
        """A ``tag:`` search follows the tags as they are added, renamed, merged."""
        if self._query and "tag:" in self._query.casefold() and concerns(change, ("tag",)):
            self._debounce.stop()
            self._run()

    def _on_status(self, status: IndexStatus) -> None:
        if self._query and self._results is None:
            self._show_state()

    def _remember_facets(self, results: SearchResults) -> None:
        """The service counts kinds ignoring the kind filter and sessions ignoring the
        session filter, so every choice keeps its count once a filter is set."""
        facets = results.facets or {}
        self._facets = {"kind": dict(facets.get("kind", {})),
                        "session": dict(facets.get("session", {}))}

    # --- filters -----------------------------------------------------------------

    def _filters_changed(self, *_args: Any) -> None:
        self.chips.show_filters(self.active_filters())
        if self._query:
            self._debounce.stop()
            self._run()

    def _fill_filters(self) -> None:
        kinds = self._facets["kind"]
        self._refill(self.kind_filter, self.tr("Tous les types"),
                     [(k, labels.kind_plural(k), kinds.get(k, 0)) for k in FILTER_KINDS])
        sessions = self._facets["session"]
        self._refill(self.session_filter, self.tr("Toutes les sessions"),
                     [(s.id, labels.session_place(s) + " — " + s.title, sessions.get(s.id, 0))
                      for s in self._context.store.sessions])

    def _refill(self, combo: QComboBox, everything: str,
                options: list[tuple[str, str, int]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        total = sum(count for _, _, count in options)
        combo.addItem(f"{everything} ({total})" if total else everything, "")
        for value, text, count in options:
            if count or value == chosen:
                combo.addItem(f"{text} ({count})", value)
        found = combo.findData(chosen) if chosen else 0
        combo.setCurrentIndex(max(0, found))
        combo.blockSignals(False)
        combo.updateGeometry()  # its size hint follows its text

    # --- states ------------------------------------------------------------------

    def _show_state(self) -> None:
        status = self._controller.status
        has_hits = self.model.rowCount() > 0
        results = self._results
        self.filters.setVisible(bool(self._query))
        self.chips.show_filters(self.active_filters())
        self.summary.setVisible(bool(self._query) and results is not None
                                and results.total > 0 and not self._error)
        if results is not None:
            self.summary.setText(self._summary_text(results))
        self._show_suggestion(results)
        notices = tuple(results.notices) if results is not None else ()
        self.notices.setVisible(bool(notices))
        self.notices.setText("<br>".join(h(n) for n in notices))
        if has_hits and not self._error:
            self.stack.setCurrentWidget(self.list)
            return
        self.message.setText(self._message_html(status, results))
        self.stack.setCurrentWidget(self.message)

    def _summary_text(self, results: SearchResults) -> str:
        if results.total == 0:
            return ""
        if results.total == 1:
            count_html = self.tr("<b>1 résultat</b>")
        else:
            count_html = self.tr("<b>{0} résultats</b>").format(h(results.total))
        hidden = self._hidden_count(results)
        if not hidden:
            return count_html
        return self.tr("{0} · {1}").format(count_html, self._hidden_html(hidden, others=True))

    @staticmethod
    def _hidden_count(results: SearchResults) -> int:
        hidden = getattr(results, "hidden", None) or {}
        return hidden.get("all", 0)

    def _hidden_html(self, hidden: int, others: bool = False) -> str:
        """"12 résultats masqués par le filtre Ressources — tout afficher" (``others``:
        "12 autres masqués…", after a count of results)."""
        names = [name for _field, name in self.active_filters()]
        if len(names) > 1:
            by = self.tr("les filtres {0} et {1}").format(", ".join(names[:-1]), names[-1])
        else:
            by = self.tr("le filtre {0}").format(names[0] if names else "")
        if others and hidden > 1:
            text = self.tr("{0} autres masqués par {1}").format(hidden, by)
        elif others:
            text = self.tr("1 autre masqué par {0}").format(by)
        elif hidden > 1:
            text = self.tr("{0} résultats masqués par {1}").format(hidden, by)
        else:
            text = self.tr("1 résultat masqué par {0}").format(by)
        link_html = f'<a href="action:clear-filters">{h(self.tr("tout afficher"))}</a>'
        return self.tr("{0} — {1}").format(h(text), link_html)

    def _show_suggestion(self, results: SearchResults) -> None:
        suggestion = getattr(results, "suggestion", None) if results is not None else None
        self.suggestion.setVisible(bool(suggestion))
        if suggestion:
            link_html = command_link("query", suggestion, h(suggestion))
            self.suggestion.setText(h(self.tr("Vouliez-vous dire {0} ?")).format(link_html))

    def _message_html(self, status: IndexStatus, results: SearchResults | None) -> str:
        if not self._query:
            return self._help_html()
        if self._error:
            return self.tr("<p><b>La recherche n'a pas abouti.</b></p><p>{0}</p>").format(
                h(self._error))
        if results is None:
            return self._waiting_html(status)
        return self._no_result_html()

    def _waiting_html(self, status: IndexStatus) -> str:
        if status.state == FAILED:
            return self.tr("<p><b>La recherche est indisponible.</b></p><p>{0}</p>").format(
                h(status.message))
        if status.state == BUILDING:
            progress = (f" {100 * status.done // status.total} %" if status.total else "")
            return self.tr("<p><b>Index en cours de reconstruction…{0}</b></p><p>Les "
                           "résultats s'afficheront dès qu'il sera prêt ; vous pouvez "
                           "continuer à lire.</p>").format(h(progress))
        if status.state == OPENING:
            return self.tr("<p>Ouverture de l'index de recherche…</p>")
        return self.tr("<p>Recherche en cours…</p>")

    def _no_result_html(self) -> str:
        parts = [self.tr("<p><b>Aucun résultat pour « {0} ».</b></p>").format(
            h(self._query))]
        hidden = self._hidden_count(self._results) if self._results is not None else 0
        if hidden:
            parts.append(f"<p>{self._hidden_html(hidden)}</p>")
        elif self.kinds() or self.sessions():
            parts.append(self.tr('<p>Des filtres sont actifs : <a href="action:clear-filters">'
                                 "retirer les filtres</a>.</p>"))
        parts.append(self.tr(
            "<p>Essayez :</p><ul><li>de vérifier l'orthographe ou d'utiliser moins de mots ;"
            "</li><li>le début d'un mot suivi de * (<i>numéri*</i>) ;</li>"
            "<li>des mots proches reliés par OU (<i>maire OU élu</i>).</li></ul>"))
        return "".join(parts)

    def _help_html(self) -> str:
        links_html = ", ".join(command_link("query", e, h(e)) for e in HELP_EXAMPLES)
        return self.tr(
            "<p><b>Chercher dans les sept sessions</b></p>"
            "<p>Pistes de réflexion, terrains, ressources et intervenant·e·s : les "
            "résultats s'affichent pendant la frappe.</p>"
            "<p>Exemples : {0}</p>"
            "<ul><li>Accents et majuscules sont facultatifs : <i>teletravail</i> trouve "
            "« télétravail ».</li>"
            "<li>Une expression exacte entre guillemets : <i>\"cellule de crise\"</i>.</li>"
            "<li>Exclure un mot : <i>crise -sanitaire</i>.</li>"
            "<li>Vos étiquettes : <i>tag:ouverture</i>, <i>tag:\"crise sanitaire\"</i>."
            "</li>"
            "<li>↑ ↓ parcourent les résultats, Entrée ouvre, Échap revient au sommaire ; "
            "dans le texte, F3 et Maj+F3 vont d'un mot cherché à l'autre.</li></ul>"
            ).format(links_html)

    def _message_link(self, link: str) -> None:
        url = QUrl(link)
        found = parse_command(link, ("query",))
        if found is not None:
            self.suggestion_taken.emit(found[1])
        elif link == "action:clear-filters":  # (from the summary or the message)
            self.clear_filters()
        elif url.isValid():
            self._context.links.open(url)

    # --- opening results ---------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if (self._walking or self.list.stepping) and current.isValid():
            self._open(current, walking=True)

    def _open(self, index: QModelIndex, walking: bool) -> None:
        target = index.data(TargetRole)
        if target:
            self.result_opened.emit(target, walking)

    # --- language ----------------------------------------------------------------

    def _retranslate(self) -> None:
        self.kind_filter.setAccessibleName(self.tr("Filtrer par type"))
        self.session_filter.setAccessibleName(self.tr("Filtrer par session"))
        self.list.setAccessibleName(self.tr("Résultats de la recherche"))
        self.message.setAccessibleName(self.tr("État de la recherche"))
        self.suggestion.setAccessibleName(self.tr("Suggestion d'orthographe"))
        self._fill_filters()
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
