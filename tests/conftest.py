"""Shared fixtures: the real shipped corpus, and a throwaway CONNECTEUR_HOME per test
(and one for the whole session, for what runs before a test's own exists). The run
fails when it changed the real home folder (see home_watch.py).

QT_QPA_PLATFORM must be set before any QApplication exists, hence at import time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from connecteur import paths
from connecteur.corpus import Library, load_corpus
from connecteur.store import CorpusStore
from home_watch import changes, snapshot

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def home_untouched() -> Iterator[None]:
    """Fails the run (an error at the last teardown) when the tests wrote in the real
    home folder: ~/.cache, ~/.config, ~/.local, or a new entry at its top."""
    home = Path.home()
    before = snapshot(home)
    yield
    changed = changes(before, snapshot(home))
    assert not changed, (f"les tests ont modifié {home} :\n  " + "\n  ".join(changed[:20]))


@pytest.fixture(scope="session", autouse=True)
def session_home(tmp_path_factory: pytest.TempPathFactory,
                 home_untouched: None) -> Iterator[Path]:
    """CONNECTEUR_HOME for session-scoped fixtures, which run before a test's own is set:
    the handouts built once (tests/handouts/conftest.py) keep their QR codes there,
    not in the real ~/.cache."""
    home = tmp_path_factory.mktemp("session-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(paths.HOME_ENV, str(home))
        yield home


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


ReadOnlyRunner = Callable[..., subprocess.CompletedProcess]


@pytest.fixture
def run_read_only() -> Iterator[ReadOnlyRunner]:
    """``run_read_only(folder, *argv)``: the real ``connecteur`` command run while
    ``folder`` cannot be written — a read-only bind mount in a mount namespace of its
    own when the tests run as root (root ignores permissions), the folder's write
    permissions removed otherwise (and given back afterwards)."""
    changed: list[tuple[Path, int]] = []

    def run(folder: Path, *argv: str) -> subprocess.CompletedProcess:
        command = [str(Path(sys.executable).parent / "connecteur"), *argv]
        env = os.environ.copy()
        if os.geteuid() == 0:
            if shutil.which("unshare") is None or shutil.which("mount") is None:
                pytest.skip("unshare and mount are needed to make a folder read-only as root")
            env["RO_FOLDER"] = str(folder)
            command = ["unshare", "-m", "sh", "-c", 'mount --bind "$RO_FOLDER" "$RO_FOLDER" '
                       '&& mount -o remount,bind,ro "$RO_FOLDER" && exec "$@"', "sh", *command]
        else:
            for path in [folder, *folder.rglob("*")]:
                changed.append((path, path.stat().st_mode))
                path.chmod(path.stat().st_mode & ~0o222)
        try:
            result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                                    env=env, timeout=120, check=False)
        finally:
            for path, mode in reversed(changed):
                path.chmod(mode)
            changed.clear()
        if "unshare:" in result.stderr or "mount:" in result.stderr:
            pytest.skip(f"cannot make a read-only mount here: {result.stderr.strip()}")
        return result

    yield run
