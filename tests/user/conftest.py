"""Fixtures for the trainer's own layer: a fresh user database per test (in the
per-test CONNECTEUR_HOME of tests/conftest.py) over the real shipped corpus, and
modified copies of the real corpus text for the re-anchoring tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from connecteur import paths
from connecteur.corpus import parse_text, read_corpus_text
from connecteur.store import CorpusStore, UserStore, build_database


@pytest.fixture
def user(corpus_store: CorpusStore) -> Iterator[UserStore]:
    store = UserStore.open(corpus_store)
    yield store
    store.close()


@pytest.fixture(scope="session")
def corpus_text() -> str:
    return read_corpus_text(paths.corpus_text_path())


CorpusMaker = Callable[[Callable[[str], str]], CorpusStore]


@pytest.fixture
def make_corpus(tmp_path: Path, corpus_text: str) -> CorpusMaker:
    """``make_corpus(edit)``: the real text changed by ``edit``, built and opened as the
    app opens its bundled database."""
    counter = iter(range(1000))

    def make(edit: Callable[[str], str]) -> CorpusStore:
        text = edit(corpus_text)
        assert text != corpus_text, "the edit changed nothing"
        target = tmp_path / f"corpus-{next(counter)}.db"
        build_database(parse_text(text), text, target)
        return CorpusStore.open(target)

    return make
