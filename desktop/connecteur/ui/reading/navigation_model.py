"""The library as a tree: presentation, days → sessions → sections → themes, and
the two library-wide indexes.

A read-only ``QAbstractItemModel`` over the store. The tree is built once, and again
only when a document is imported or removed (``use_library``); labels are computed
when asked for, so a language switch only needs a repaint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QFont

from connecteur.app import place as location
from connecteur.app.place import Place
from connecteur.corpus import Session
from connecteur.corpus.ids import kind_of, session_of
from connecteur.store import CorpusStore
from connecteur.ui.common import labels
from connecteur.ui.common.model_types import AnyIndex

LocationRole = Qt.ItemDataRole.UserRole + 1
NodeKindRole = Qt.ItemDataRole.UserRole + 2
CountRole = Qt.ItemDataRole.UserRole + 3

ROOT = QModelIndex()  # the invalid index, as a default argument


@dataclass(eq=False)
class NavNode:
    kind: str  # home, event, session, section, part, theme, index
    location: str
    label: Callable[[], str]
    count: int | None = None
    tooltip: Callable[[], str] | None = None
    parent: NavNode | None = None
    children: list[NavNode] = field(default_factory=list)
    row: int = 0

    def add(self, child: NavNode) -> NavNode:
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child


def _translated(text: str) -> Callable[[], str]:
    return lambda: labels.tr(text)


def _session_node(session: Session) -> NavNode:
    node = NavNode("session", session.id, lambda: f"{session.number}. {session.title}",
                   tooltip=lambda: f"{labels.session_label(session)}\n"
                                   f"{labels.format_date(session.date)}")
    leads = node.add(NavNode("section", location.section(session.id, "leads"),
                             lambda: labels.section_title("leads"), len(session.leads)))
    parents: dict[str | None, NavNode] = {None: leads}
    for theme in session.themes:
        if theme.part not in parents:
            parents[theme.part] = leads.add(NavNode(
                "part", theme.id, lambda p=theme.part: p,
                sum(len(t.leads) for t in session.themes if t.part == theme.part)))
        parents[theme.part].add(NavNode("theme", theme.id, lambda t=theme: t.title,
                                        len(theme.leads), tooltip=lambda t=theme: t.title))
    for name, items in (("field_sites", session.field_sites),
                        ("resources", session.resources), ("speakers", session.speakers)):
        node.add(NavNode("section", location.section(session.id, name),
                         lambda n=name: labels.section_title(n), len(items)))
    return node


HOME_LABEL = QT_TRANSLATE_NOOP("Labels", "Présentation")
HOME_TIP = QT_TRANSLATE_NOOP("Labels", "Ce qu'est le Connecteur Recherche")
SPEAKERS_LABEL = QT_TRANSLATE_NOOP("Labels", "Index des intervenant·e·s")
SPEAKERS_TIP = QT_TRANSLATE_NOOP("Labels", "Toutes les personnes intervenues, avec leurs sessions")
BIBLIOGRAPHY_LABEL = QT_TRANSLATE_NOOP("Labels", "Bibliographie")
BIBLIOGRAPHY_TIP = QT_TRANSLATE_NOOP("Labels", "Toutes les ressources citées, avec leurs liens")


def build_tree(store: CorpusStore) -> NavNode:
    root = NavNode("root", "", lambda: "")
    root.add(NavNode("home", location.HOME, _translated(HOME_LABEL),
                     tooltip=_translated(HOME_TIP)))
    for event in store.events:
        node = root.add(NavNode("event", event.id, lambda e=event: labels.format_date(e.date),
                                len(event.sessions), tooltip=lambda e=event: e.title))
        for session in event.sessions:
            node.add(_session_node(session))
    root.add(NavNode("index", location.SPEAKERS, _translated(SPEAKERS_LABEL),
                     len(store.speaker_entries()), tooltip=_translated(SPEAKERS_TIP)))
    root.add(NavNode("index", location.BIBLIOGRAPHY, _translated(BIBLIOGRAPHY_LABEL),
                     len(store.resources()), tooltip=_translated(BIBLIOGRAPHY_TIP)))
    return root


def _walk(node: NavNode):
    yield node
    for child in node.children:
        yield from _walk(child)


class NavigationModel(QAbstractItemModel):
    def __init__(self, store: CorpusStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._build(store)

    def _build(self, store: CorpusStore) -> None:
        self._root = build_tree(store)
        self._by_location: dict[str, NavNode] = {}
        for node in _walk(self._root):
            self._by_location.setdefault(node.location, node)
        self._lead_themes = {lead.id: lead.theme_id
                             for session in store.sessions for lead in session.leads}

    def use_library(self, store: CorpusStore) -> None:
        """A document was imported or removed: the tree is built again."""
        self.beginResetModel()
        self._build(store)
        self.endResetModel()

    # --- Qt model API ------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        node = self._node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, child: AnyIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        node = child.internalPointer().parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: NavNode = index.internalPointer()
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label()
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip() if node.tooltip else node.label()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(node)
        if role == Qt.ItemDataRole.FontRole and node.kind in ("event", "home", "index"):
            font = QFont()
            font.setBold(True)
            return font
        if role == LocationRole:
            return node.location
        if role == NodeKindRole:
            return node.kind
        if role == CountRole:
            return node.count
        return None

    # --- lookups -----------------------------------------------------------------

    def index_for_place(self, place: Place) -> QModelIndex:
        """The tree row that best stands for a place (a lead → its theme, …)."""
        where = place.location
        node = self._by_location.get(where) or self._by_location.get(self._fallback(place))
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def retranslate(self) -> None:
        """Labels changed language: ask views to repaint every row."""
        for node in _walk(self._root):
            if node.children:
                first = self.createIndex(0, 0, node.children[0])
                last = self.createIndex(len(node.children) - 1, 0, node.children[-1])
                self.dataChanged.emit(first, last)

    # --- internals ---------------------------------------------------------------

    def _node(self, index: AnyIndex) -> NavNode:
        return index.internalPointer() if index.isValid() else self._root

    def _fallback(self, place: Place) -> str:
        if place.anchor is None:
            return place.location
        kind = kind_of(place.anchor)
        session = session_of(place.anchor) or place.page
        if kind == "lead":
            return self._lead_themes.get(place.anchor, session)
        section = {"field_site": "field_sites", "resource": "resources", "speaker": "speakers"}
        if kind in section:
            return location.section(session, section[kind])
        return session

    @staticmethod
    def _spoken(node: NavNode) -> str:
        if node.count is None:
            return node.label()
        return labels.plural(node.count, QCoreApplication.translate("Labels", "{0}, {1} élément"),
                             QCoreApplication.translate("Labels", "{0}, {1} éléments")).format(
            node.label(), node.count)
