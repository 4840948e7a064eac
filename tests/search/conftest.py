"""Fixtures for the search tests: one service over the real library, built once, and
services of their own for the tests that write or break an index."""

from __future__ import annotations

from pathlib import Path

import pytest

from connecteur.search import SearchService
from connecteur.store import CorpusStore


@pytest.fixture(scope="session")
def search_service(corpus_store: CorpusStore,
                   tmp_path_factory: pytest.TempPathFactory) -> SearchService:
    """The real library's index, read-only for the tests that share it."""
    service = SearchService.open(corpus_store, tmp_path_factory.mktemp("shared") / "index")
    yield service
    service.close()


@pytest.fixture
def own_service(corpus_store: CorpusStore, tmp_path: Path) -> SearchService:
    """A service of its own, for tests that write notes or break the index."""
    service = SearchService.open(corpus_store, tmp_path / "index")
    yield service
    service.close()
