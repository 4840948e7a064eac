"""Fixtures for the window tests: real library, real search index, real window.

The search index is built once per test session (in a temporary folder) and shared;
everything else a window writes (settings) goes to the per-test CONNECTEUR_HOME.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QUrl

import connecteur.ui  # noqa: F401  (applies the PySide6 emit work-around first)
from connecteur.store import CorpusStore
from connecteur.ui.shell.context import ApplicationContext
from connecteur.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def french_locale() -> Iterator[None]:
    """Dates are formatted in the UI language; tests read them in French."""
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))


@pytest.fixture(scope="session")
def shared_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ui-index")


class Browser:
    """Stands in for the system browser: records what it was asked to open."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def __call__(self, url: QUrl) -> bool:
        self.opened.append(url.toString())
        return True


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot, corpus_store: CorpusStore, shared_index: Path) -> Iterator[WindowFactory]:
    """Build a window as ``connecteur`` does (French, first page, index opened)."""
    created: list[tuple[MainWindow, ApplicationContext]] = []

    def make(store: CorpusStore | None = None, *, index_dir: Path | None = None,
             url: str | None = None, language: str = "fr", wait_index: bool = True,
             size: tuple[int, int] | None = (1200, 780)) -> MainWindow:
        context = ApplicationContext(store or corpus_store,
                                     index_dir=index_dir or shared_index)
        context.links.browser = Browser()
        context.languages.apply(language)
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.open_first(url)
        if size and not created:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        context.search.open_index()  # as launch does after the first paint
        if wait_index:  # then the annotation layers, once the search has settled
            qtbot.waitUntil(lambda: context.search.ready, timeout=30_000)
            qtbot.waitUntil(lambda: window.layers_installed, timeout=10_000)
        created.append((window, context))
        return window

    yield make
    for window, context in created:
        window.close()
        context.shutdown()
        _forget_notes(context)


def _forget_notes(context: ApplicationContext) -> None:
    """The index is shared by the whole session: the notes a test wrote leave it
    with the test, or the next test's first searches (made before its own notes are
    reconciled) would find them."""
    service = context.search.service
    if service is not None:
        service.sync_notes([])
