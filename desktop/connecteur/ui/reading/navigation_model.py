"""The library as a tree: presentation, days → sessions → sections → themes → items
(leads under their theme, field sites, resources and speakers under their section),
and the two library-wide indexes.

A read-only ``QAbstractItemModel`` over the store. The tree down to the themes is
built once, and again only when a document is imported or removed (``use_library``);
the items of a theme or section are made the first time a view asks for them (few
readers open them all, and start-up stays as fast as before). Labels are computed when
asked for, so a language switch only needs a repaint.
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
from connecteur.app.citation import item_text
from connecteur.app.place import Place
from connecteur.corpus import Item, Session
from connecteur.corpus.ids import kind_of, session_of
from connecteur.store import CorpusStore
from connecteur.ui.common import labels
from connecteur.ui.common.item_summary import excerpt
from connecteur.ui.common.model_types import AnyIndex

LocationRole = Qt.ItemDataRole.UserRole + 1
NodeKindRole = Qt.ItemDataRole.UserRole + 2
CountRole = Qt.ItemDataRole.UserRole + 3

ROOT = QModelIndex()  # the invalid index, as a default argument
ITEM_KINDS = ("lead", "field_site", "resource", "speaker")
ITEM_LABEL_CHARS = 90  # a row of the tree: the beginning of the item's text


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
    later: Callable[[], list[NavNode]] | None = None  # children made when first needed

    def add(self, child: NavNode) -> NavNode:
        child.parent, child.row = self, len(self.children)
        self.children.append(child)
        return child

    def made_later(self) -> list[NavNode]:
        """Make the children left for later (once); the new nodes."""
        if self.later is None:
            return []
        make, self.later = self.later, None
        return [self.add(child) for child in make()]


def _translated(text: str) -> Callable[[], str]:
    return lambda: labels.tr(text)


def _item_node(item: Item) -> NavNode:
    """A lead, field site, resource or speaker: the beginning of its text (a speaker:
    the name), the whole text in the tooltip."""
    text = item_text(item)
    if item.kind == "speaker":
        name = getattr(item, "name", "") or text
        return NavNode("speaker", item.id, lambda: name, tooltip=lambda: text)
    return NavNode(item.kind, item.id, lambda: excerpt(text, ITEM_LABEL_CHARS),
                   tooltip=lambda: text)


def _items_later(items: list) -> Callable[[], list[NavNode]]:
    return lambda: [_item_node(item) for item in items]


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
                                        len(theme.leads), tooltip=lambda t=theme: t.title,
                                        later=_items_later(list(theme.leads))))
    for lead in session.leads:  # a lead under no theme (an imported document's)
        if not lead.theme_id:
            leads.add(_item_node(lead))
    for name, items in (("field_sites", session.field_sites),
                        ("resources", session.resources), ("speakers", session.speakers)):
        node.add(NavNode("section", location.section(session.id, name),
                         lambda n=name: labels.section_title(n), len(items),
                         later=_items_later(list(items))))
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
        nodes = list(_walk(self._root))  # a part is named after its first theme:
        for node in sorted(nodes, key=lambda n: n.kind == "part"):  # the theme's row wins
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
        children = self._children(node)
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

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
        return len(self._children(self._node(parent)))

    def hasChildren(self, parent: AnyIndex = ROOT) -> bool:
        """Without making them: a theme or section has items when its count says so."""
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        return bool(node.children) or (node.later is not None and bool(node.count))

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
        node = self._by_location.get(where)
        if node is None:
            node = self._by_location.get(self._fallback(place))
            if node is not None and place.is_item:  # the item's row, once made
                self._children(node)
                node = self._by_location.get(where, node)
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

    def _children(self, node: NavNode) -> list[NavNode]:
        """A node's children, making those left for later (they are new rows no view
        has counted yet, so no insertion needs announcing)."""
        for child in node.made_later():
            self._by_location.setdefault(child.location, child)
        return node.children

    def _fallback(self, place: Place) -> str:
        if place.anchor is None:
            return place.location
        kind = kind_of(place.anchor)
        session = session_of(place.anchor) or place.page
        if kind == "lead":
            return self._lead_themes.get(place.anchor) or location.section(session, "leads")
        section = {"field_site": "field_sites", "resource": "resources", "speaker": "speakers"}
        if kind in section:
            return location.section(session, section[kind])
        return session

    @staticmethod
    def _spoken(node: NavNode) -> str:
        if node.kind in ITEM_KINDS:
            return QCoreApplication.translate("Labels", "{0} : {1}").format(
                labels.kind_name(node.kind), node.label())
        if node.count is None:
            return node.label()
        return labels.plural(node.count, QCoreApplication.translate("Labels", "{0}, {1} élément"),
                             QCoreApplication.translate("Labels", "{0}, {1} éléments")).format(
            node.label(), node.count)
