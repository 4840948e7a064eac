"""The services a window needs, gathered in one object that is passed around.

Panes receive the context instead of importing singletons: tests build one on a
temporary database, and later features (the user's notes, stars and folders,
handouts, single-instance messages) add an attribute here rather than a global.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer

from connecteur.store import CorpusStore
from connecteur.ui.search.controller import SearchController
from connecteur.ui.shell.i18n import LanguageManager
from connecteur.ui.shell.links import LinkOpener
from connecteur.ui.shell.settings import Settings
from connecteur.ui.shell.tasks import BackgroundRunner

USER_STORE_WAIT_MS = 10_000  # a damaged database being restored from a backup


class ApplicationContext(QObject):
    """Owns the long-lived services; Qt parent of the QObjects among them."""

    def __init__(self, store: CorpusStore, *, settings: Settings | None = None,
                 index_dir: Path | None = None, languages: LanguageManager | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings or Settings()
        self.runner = BackgroundRunner(self)
        self.search = SearchController(store, self.runner, index_dir, self)
        self.languages = languages or LanguageManager()
        self.languages.setParent(self)
        self.links = LinkOpener(parent=self)
        # Filled in by later features (user database, handouts, …).
        self.extensions: dict[str, Any] = {}

    def user_store(self) -> Any:
        """The trainer's ``UserStore`` (folders, favourites, notes), or None when it
        cannot be opened. The window's user layer (``extensions["user"]``) is used when
        installed; otherwise the store is opened here on first use (printing, tests)."""
        layer = self.extensions.get("user")
        if layer is not None:
            state = getattr(layer, "state", "")
            if getattr(layer, "user", None) is None and state == "closed":
                layer.open(background=False)
            elif state == "opening":  # opened in the background right now: milliseconds
                waiting = QEventLoop()
                layer.opened.connect(waiting.quit)
                layer.open_failed.connect(waiting.quit)
                QTimer.singleShot(USER_STORE_WAIT_MS, waiting, waiting.quit)
                if layer.state == "opening":
                    waiting.exec()
                layer.opened.disconnect(waiting.quit)
                layer.open_failed.disconnect(waiting.quit)
            return getattr(layer, "user", None)
        if "user-store" not in self.extensions:
            from connecteur.errors import ConnecteurError
            from connecteur.store import UserStore

            try:
                self.extensions["user-store"] = UserStore.open(self.store)
            except ConnecteurError:
                self.extensions["user-store"] = None
        return self.extensions["user-store"]

    def shutdown(self) -> None:
        """Wait for background work so that no thread outlives the window."""
        self.runner.wait()
        self.settings.sync()
        own = self.extensions.pop("user-store", None)
        if own is not None:
            own.close()
