"""Which links may leave the application, and how.

Corpus links open in the system browser, only when the user clicks them and only
for http and https. Anything else (``file:``, ``javascript:``, ``mailto:``, …) is
refused with a message in the status bar: a text extracted from a PDF must not be
able to start a program or read a local file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl, Signal

WEB_SCHEMES = ("http", "https")
INTERNAL_SCHEME = "connecteur"


def is_web_link(url: QUrl) -> bool:
    return url.isValid() and url.scheme().lower() in WEB_SCHEMES and bool(url.host())


def is_internal_link(url: QUrl) -> bool:
    return url.scheme().lower() == INTERNAL_SCHEME


def internal_location(url: QUrl) -> str:
    """``connecteur://2020-05-20/s1/lead/03`` → ``2020-05-20/s1/lead/03``."""
    text = url.toString()
    return text.split("://", 1)[1] if "://" in text else text.split(":", 1)[-1]


def _system_browser(url: QUrl) -> bool:
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(url)


class LinkOpener(QObject):
    """The single door to the outside: every external link goes through ``open``."""

    opened = Signal(str)
    refused = Signal(str)  # a French sentence for the status bar

    def __init__(self, browser: Callable[[QUrl], bool] = _system_browser,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.browser = browser

    def open(self, url: QUrl) -> bool:
        if not is_web_link(url):
            scheme = url.scheme() or self.tr("sans protocole")
            self.refused.emit(self.tr(
                "Lien refusé ({0}) : seuls les liens web http et https s'ouvrent depuis "
                "Connecteur.").format(scheme))
            return False
        if not self.browser(url):
            self.refused.emit(self.tr("Le navigateur n'a pas pu ouvrir {0}.")
                              .format(url.toDisplayString()))
            return False
        self.opened.emit(url.toString())
        return True
