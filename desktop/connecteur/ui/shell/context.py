"""The services a window needs, gathered in one typed object that is passed around.

Panes receive the context instead of importing singletons, and tests build one on a
temporary database. Every member is typed and always present: the user layer exists
from the start and opens in the background (its ``state`` says where it is), so no
feature has to ask whether another one was "installed".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from connecteur.store import CorpusStore
from connecteur.ui.annotations.user_layer import UserLayer
from connecteur.ui.search.controller import SearchController
from connecteur.ui.shell.i18n import LanguageManager
from connecteur.ui.shell.links import LinkOpener
from connecteur.ui.shell.operations import OperationRunner
from connecteur.ui.shell.settings import Settings


class ApplicationContext(QObject):
    """Owns the long-lived services; Qt parent of the QObjects among them.

    * ``library``: the corpus (read-only);
    * ``user``: the trainer's notes, stars and folders (opened in the background);
    * ``search``: the search service, queried off the UI thread;
    * ``operations``: where every write, import, export and build runs;
    * ``links``, ``settings``, ``languages``.
    """

    def __init__(self, library: CorpusStore, *, settings: Settings | None = None,
                 index_dir: Path | None = None, languages: LanguageManager | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings or Settings()
        self.operations = OperationRunner(self)
        self.search = SearchController(library, self.operations, index_dir, self)
        self.user = UserLayer(library, self.operations, self)
        self.languages = languages or LanguageManager()
        self.languages.setParent(self)
        self.links = LinkOpener(parent=self)

    @property
    def store(self) -> CorpusStore:
        """The library (the name the panes have always used)."""
        return self.library

    def shutdown(self) -> None:
        """Let background work end and close the user database: no thread outlives
        the window, no write is lost."""
        self.search.shutdown()
        self.user.close()
        self.operations.wait()
        self.settings.sync()
        self.languages.release()
