"""Shared fixtures: the real shipped corpus, and a throwaway CONNECTEUR_HOME per test.

QT_QPA_PLATFORM must be set before any QApplication exists, hence at import time.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from connecteur import paths
from connecteur.corpus import Library, load_corpus
from connecteur.store import CorpusStore

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test writes under its own CONNECTEUR_HOME, never in the real one."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    return home


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def library() -> Library:
    """The shipped corpus text, parsed."""
    return load_corpus(paths.corpus_text_path())


@pytest.fixture(scope="session")
def corpus_store() -> CorpusStore:
    """The bundled database, opened read-only as the app opens it."""
    return CorpusStore.open()
