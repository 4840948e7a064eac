"""« Bienvenue » : a short page shown at the first start, and from Aide › Bienvenue.

It says what the library holds (counted from the store, not written down) and the
five gestures worth knowing: search, star, annotate, gather, print. The keys it
names are read from the window's own actions, so the page cannot promise a
shortcut the window does not have.

When it opens by itself: once, after the first page is painted (it must not delay
it), never for ``--exit-when-ready``. "Ne plus afficher au démarrage" is ticked by
default, so a fresh home shows it once; untick it to see it at every start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from connecteur.app.reading_document import stylesheet
from connecteur.ui.common import labels
from connecteur.ui.common.palette import render_style
from connecteur.ui.common.rich_text import h
from connecteur.ui.shell import settings
from connecteur.ui.shell.single_instance import report

if TYPE_CHECKING:
    from connecteur.ui.shell.main_window import MainWindow

ICON_SIZE = 64
NATIVE = QKeySequence.SequenceFormat.NativeText
# The keys the page teaches, in the portable spelling (shown in the native one).
FIND_KEY, STAR_KEY, PANEL_KEY, PRINT_KEY = "Ctrl+K", "Ctrl+D", "F9", "Ctrl+P"

PAGE_CSS = """
td { padding: 4px 8px 10px 0px; vertical-align: top; }
.key { font-weight: 600; white-space: pre; }
.lead { margin-bottom: 12px; }
"""


def key_in_window(window: QWidget, portable: str) -> str | None:
    """The native text of ``portable`` (e.g. "Ctrl+K") when one of the window's
    actions answers to it, else None."""
    wanted = QKeySequence(portable)
    for action in window.findChildren(QAction):
        if wanted in action.shortcuts():
            return wanted.toString(NATIVE)
    return None


class WelcomeDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("welcome-dialog")
        self._window = window
        self._settings = window.context.settings
        self.icon = QLabel(self)
        self.icon.setPixmap(window.windowIcon().pixmap(ICON_SIZE, ICON_SIZE))
        self.title = QLabel(self, objectName="welcome-title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self, objectName="welcome-subtitle")
        self.subtitle.setWordWrap(True)
        self.text = self._browser()
        self.dont_show = QCheckBox(self, objectName="welcome-dont-show")
        self.dont_show.setChecked(not self._settings.get(settings.WELCOME_AT_START))
        self.dont_show.toggled.connect(self._remember)
        # A button of our own: a standard one gets its text back ("OK") at a language change.
        self.buttons = QDialogButtonBox(self)
        self.start = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.start.setObjectName("welcome-start")
        self.start.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self._layout()
        self.resize(640, 520)
        self._retranslate()

    def _browser(self) -> QTextBrowser:
        browser = QTextBrowser(self, objectName="welcome-text")
        browser.setOpenLinks(False)  # nothing here leaves the application
        browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        browser.viewport().setAutoFillBackground(False)
        browser.document().setDefaultStyleSheet(
            stylesheet(render_style(self.palette())) + PAGE_CSS)
        return browser

    def _layout(self) -> None:
        header = QHBoxLayout()
        header.setSpacing(14)
        header.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        header.addLayout(heading, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.dont_show, 1)
        footer.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.addLayout(header)
        layout.addWidget(self.text, 1)
        layout.addLayout(footer)

    def _remember(self, dont_show: bool) -> None:
        self._settings.set(settings.WELCOME_AT_START, not dont_show)
        self._settings.sync()

    # --- the page --------------------------------------------------------------------

    def _library_html(self) -> str:
        store = self._window.context.store
        dates = [labels.format_date(event.date) for event in store.events]
        days = dates[0] if len(dates) < 2 else self.tr("{0} et {1}").format(
            ", ".join(dates[:-1]), dates[-1])
        sessions = store.sessions
        counts = [len(sessions), sum(len(s.leads) for s in sessions),
                  sum(len(s.field_sites) for s in sessions),
                  sum(len(s.resources) for s in sessions), len(store.speaker_entries())]
        return self.tr(
            "<p class='lead'>Connecteur vous donne, <b>hors ligne</b>, toute la matière du "
            "<b>Connecteur Recherche 2020</b>&nbsp;: {0} journées d'échanges ({1}), {2} "
            "sessions, {3} pistes de réflexion, {4} terrains, {5} ressources et {6} "
            "intervenant·e·s. Une compilation publiée par le <b>CNFPT</b> et la "
            "<b>Fing</b> avec la <b>Riposte créative territoriale</b>.</p>").format(
            h(len(dates)), h(days), *(h(count) for count in counts))

    def _row(self, key: str | None, title_html: str, text_html: str) -> str:
        badge_html = f"<span class='key'>{h(key)}</span>" if key else ""
        return f"<tr><td>{badge_html}</td><td><b>{title_html}</b> — {text_html}</td></tr>"

    def _gestures_html(self) -> str:
        find = key_in_window(self._window, FIND_KEY)
        star = key_in_window(self._window, STAR_KEY)
        panel = key_in_window(self._window, PANEL_KEY)
        print_key = key_in_window(self._window, PRINT_KEY)
        rows = [
            self._row(find, self.tr("Chercher"), self.tr(
                "dans tout le corpus. Les accents sont facultatifs (<i>teletravail</i> "
                "trouve «&nbsp;télétravail&nbsp;»)&nbsp;; des guillemets cherchent une "
                "expression exacte (<i>\"gestion de crise\"</i>)&nbsp;; <i>type:piste</i> "
                "ne garde que les pistes de réflexion.")),
            self._row(star, self.tr("Mettre en favori"), self.tr(
                "l'élément choisi dans le texte&nbsp;; vos favoris se retrouvent dans le "
                "panneau latéral.") if star else self.tr(
                "l'élément choisi dans le texte, depuis le panneau latéral.")),
            self._row(panel, self.tr("Annoter"), self.tr(
                "le panneau latéral accueille vos notes sur l'élément choisi&nbsp;; pour "
                "surligner un passage, sélectionnez-le puis clic droit › Surligner.")),
            self._row(None, self.tr("Préparer une formation"), self.tr(
                "rassemblez pistes, terrains et ressources dans des dossiers de cours.")),
            self._row(print_key, self.tr("Imprimer"), self.tr(
                "un support en PDF&nbsp;: pour les participant·e·s (sans vos notes) ou "
                "pour vous (avec).")),
        ]
        return "<table cellspacing='0'>" + "".join(rows) + "</table>"

    def _footer_html(self) -> str:
        return self.tr(
            "<p class='muted'>Vos notes, favoris et dossiers restent sur cet "
            "ordinateur&nbsp;: "
            "Connecteur n'utilise jamais le réseau. Cette page reste accessible par "
            "Aide › Bienvenue.</p>")

    def page_html(self) -> str:
        return self._library_html() + self._gestures_html() + self._footer_html()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Bienvenue dans Connecteur"))
        self.title.setText(self.tr("Bienvenue dans Connecteur"))
        self.subtitle.setText(self.tr(
            "La bibliothèque du Connecteur Recherche 2020 pour préparer vos formations."))
        self.text.setAccessibleName(self.tr("Présentation de Connecteur"))
        self.text.setHtml(self.page_html())
        self.dont_show.setText(self.tr("Ne plus afficher au démarrage"))
        self.start.setText(self.tr("&Commencer"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()


def open_welcome(window: MainWindow) -> WelcomeDialog:
    """Show the page over the window without blocking it (Aide › Bienvenue)."""
    dialog = WelcomeDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_if_due(window: MainWindow) -> WelcomeDialog | None:
    """At start, after the first paint: the page, the first time (see the module)."""
    user_settings = window.context.settings
    if not user_settings.get(settings.WELCOME_AT_START):
        report("no-welcome")
        return None
    user_settings.set(settings.WELCOME_AT_START, False)  # "Ne plus afficher" is ticked
    user_settings.sync()
    window.show_welcome()
    report("welcome")
    return getattr(window, "welcome_dialog", None)
