"""The "Bibliographie" index: every resource, filterable by words and by web site;
Enter shows it in its session; its addresses and web sites are links (a click opens
them in the browser), and the context menu opens its links too."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from connecteur.ui.common import labels
from connecteur.ui.indexes.bibliography_model import (
    REFERENCE,
    SESSION,
    SITES,
    BibliographyModel,
    TargetRole,
    UrlsRole,
)
from connecteur.ui.indexes.index_view import IndexView
from connecteur.ui.indexes.link_cells import ReferenceLinksDelegate, SiteLinksDelegate
from connecteur.ui.shell.context import ApplicationContext


class BibliographyView(IndexView):
    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(context, BibliographyModel(context.store), "bibliography", REFERENCE,
                         TargetRole, parent)
        self.source.setParent(self)
        self._links = context.links
        self.site = QComboBox(self)
        self.site.setObjectName("bibliography-site")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SESSION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SITES, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SITES, 170)
        self.reference_links = ReferenceLinksDelegate(self._links, self.table)
        self.site_links = SiteLinksDelegate(self._links, self.table)
        self.table.setItemDelegateForColumn(REFERENCE, self.reference_links)
        self.table.setItemDelegateForColumn(SITES, self.site_links)
        self.table.sortByColumn(SESSION, Qt.SortOrder.AscendingOrder)  # the document's order
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 2)
        filters.addWidget(self.site, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.site.currentIndexChanged.connect(self._site_changed)
        self.setTabOrder(self.filter, self.site)
        self.setTabOrder(self.site, self.table)
        self.retranslate()

    def summary_text(self, shown: int, total: int) -> str:
        if shown == total:
            return labels.count(total, self.tr("Bibliographie : {0} référence"),
                                self.tr("Bibliographie : {0} références"))
        return labels.plural(shown, self.tr("Bibliographie : {0} référence sur {1}"),
                             self.tr("Bibliographie : {0} références sur {1}")).format(
            shown, total)

    def choose_site(self, site: str) -> bool:
        found = self.site.findData(site)
        if found < 0:
            return False
        self.site.setCurrentIndex(found)
        return True

    def _site_changed(self, _index: int) -> None:
        site = self.site.currentData()
        test = (lambda row: site in self.source.sites_of_row(row)) if site else None
        self.proxy.set_row_test(test)
        self.summary_changed.emit(self.summary())

    def _fill_sites(self) -> None:
        chosen = self.site.currentData()
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem(self.tr("Tous les sites"), "")
        for site, count in self.source.site_counts():
            self.site.addItem(f"{site} ({count})", site)
        self.site.setCurrentIndex(max(0, self.site.findData(chosen)) if chosen else 0)
        self.site.blockSignals(False)

    def fill_menu(self, menu: QMenu, index: QModelIndex) -> None:
        menu.addAction(self.tr("Voir dans la session"), lambda: self._open(index))
        for url in index.data(UrlsRole):
            menu.addAction(self.tr("Ouvrir {0} dans le navigateur").format(url),
                           lambda u=url: self._links.open(QUrl(u)))

    def retranslate(self) -> None:
        self.title.setText(self.tr("<h2>Bibliographie</h2>"))
        self.filter.setPlaceholderText(self.tr("Filtrer par mots (accents facultatifs)"))
        self.filter.setAccessibleName(self.tr("Filtrer la bibliographie par mots"))
        self.site.setAccessibleName(self.tr("Filtrer par site web"))
        self.table.setAccessibleName(self.tr("Bibliographie"))
        self.table.setAccessibleDescription(self.tr(
            "Entrée : voir la ressource dans sa session ; menu contextuel : ouvrir ses liens."))
        self._fill_sites()
        super().retranslate()
