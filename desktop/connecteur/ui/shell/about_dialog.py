"""« À propos » : what the corpus is, the version, and the licences of what ships
with the application (fonts and libraries)."""

from __future__ import annotations

from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import connecteur
from connecteur import paths
from connecteur.app.reading_document import about_html, stylesheet
from connecteur.ui.common.palette import render_style
from connecteur.ui.common.rich_text import h
from connecteur.ui.shell.context import ApplicationContext
from connecteur.ui.shell.links import is_internal_link

# (name, distribution for the version, licence)
LIBRARIES = (
    ("Qt", None, "LGPL v3"),
    ("PySide6 (Qt for Python)", "PySide6-Essentials", "LGPL v3"),
    ("ReportLab", "reportlab", "BSD"),
    ("Whoosh (whoosh-ng)", "whoosh-ng", "BSD"),
    ("sqlite-utils", "sqlite-utils", "Apache 2.0"),
    ("pypdf", "pypdf", "BSD"),
    ("Pyphen", "pyphen", "LGPL v2.1+ / GPL v2+ / MPL 1.1"),
    ("Python", None, "PSF License"),
)


def _version(distribution: str | None, name: str) -> str:
    if name == "Qt":
        return qVersion()
    if distribution is None:
        import platform

        return platform.python_version()
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return pyside_version if distribution.startswith("PySide6") else "—"


class AboutDialog(QDialog):
    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about-dialog")
        self._context = context
        self.tabs = QTabWidget(self)
        self.about = self._browser("about-text")
        self.licences = self._browser("about-licences")
        self.tabs.addTab(self.about, "")
        self.tabs.addTab(self.licences, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(680, 560)
        self._retranslate()

    def _browser(self, name: str) -> QTextBrowser:
        browser = QTextBrowser(self)
        browser.setObjectName(name)
        browser.setOpenLinks(False)
        browser.anchorClicked.connect(self._link)
        browser.document().setDefaultStyleSheet(stylesheet(render_style(self.palette())))
        return browser

    def _link(self, url: QUrl) -> None:
        if not is_internal_link(url):
            self._context.links.open(url)

    def _about_html(self) -> str:
        library = self._context.store.library
        intro = self.tr(
            "<h1>Connecteur {0}</h1><p>La bibliothèque hors ligne du <b>Connecteur "
            "Recherche 2020</b> pour les formatrices et formateurs du CNFPT : lire, "
            "chercher, annoter et imprimer les pistes de réflexion, terrains, ressources "
            "et intervenant·e·s des sept sessions.</p><p>Le corpus est la compilation "
            "publiée par le <b>CNFPT</b> (Centre national de la fonction publique "
            "territoriale) et la <b>Fing</b> (Fondation internet nouvelle génération) avec "
            "la <b>Riposte créative territoriale</b>, à partir des rencontres des 20 mai "
            "et 3 juillet 2020. Connecteur n'utilise jamais le réseau.</p>").format(
            h(connecteur.__version__))
        return intro + "<hr>" + about_html(library.about)

    def _licences_html(self) -> str:
        rows_html = "".join(
            f"<tr><td>{h(name)}</td><td>{h(_version(dist, name))}</td>"
            f"<td>{h(licence)}</td></tr>" for name, dist, licence in LIBRARIES)
        fonts = sorted(p.name for p in paths.fonts_dir().glob("*.ttf"))
        licence_file = paths.fonts_dir() / "LICENSE-DejaVu.txt"
        licence_text = licence_file.read_text(encoding="utf-8") if licence_file.is_file() else ""
        return self.tr(
            "<h2>Licences</h2><p>Connecteur est distribué sous la licence EUPL 1.2.</p>"
            "<h3>Bibliothèques</h3>"
            "<table cellpadding='3'><tr><th align='left'>Composant</th>"
            "<th align='left'>Version</th><th align='left'>Licence</th></tr>{0}</table>"
            "<h3>Polices</h3><p>Polices DejaVu (licence Bitstream Vera et domaine public, "
            "texte ci-dessous), utilisées dans les documents PDF : {1}.</p>").format(
            rows_html, h(", ".join(fonts))) + f"<pre>{h(licence_text)}</pre>"

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("À propos de Connecteur"))
        self.tabs.setTabText(0, self.tr("À propos"))
        self.tabs.setTabText(1, self.tr("Licences"))
        self.about.setAccessibleName(self.tr("À propos du corpus"))
        self.licences.setAccessibleName(self.tr("Licences des composants"))
        self.about.setHtml(self._about_html())
        self.licences.setHtml(self._licences_html())
