"""The index on disk: checking it, building it, opening it.

The index is derived data in the user's cache. A manifest written last records
what it was built from (corpus fingerprint, index format, a digest of the analysis
word lists, Whoosh version); a build
goes to a fresh sibling folder that replaces the old one only once complete, so a
crash or a full disk never leaves a half-built index in place.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import whoosh
from whoosh import index as windex
from whoosh.filedb.filestore import RamStorage

import connecteur
from connecteur import paths
from connecteur.fileio import write_atomically
from connecteur.search.analysis import analysis_digest
from connecteur.search.documents import Document, without_none
from connecteur.search.results import (
    CORPUS_CHANGED,
    CORRUPT,
    LOCKED,
    MISSING,
    VERSION,
    IndexState,
)
from connecteur.search.schema import INDEX_FORMAT, build_schema

log = logging.getLogger(__name__)

MANIFEST = "connecteur-index.json"
INDEX_NAME = "MAIN"
WRITE_LOCK = "WRITELOCK"
_BUILD_PREFIX, _OLD_PREFIX = "build", "old"
_LEFTOVER_AGE = 3600.0
# From this many documents on, build with several processes: measured with whoosh-ng on
# 2 cores, 300,000 items build in 225-244 s in one process and 93 s with procs=2,
# multisegment=True, limitmb=1024 (30,000: 14 s and 8.8 s).
PARALLEL_BUILD_FROM = 20_000

Progress = Callable[[int, int], None]


def whoosh_version() -> str:
    return whoosh.versionstring()


def read_manifest(directory: Path) -> dict:
    return json.loads((directory / MANIFEST).read_text(encoding="utf-8"))


def is_locked(directory: Path) -> bool:
    """Whether another writer (this process or another) holds the index's lock."""
    try:
        ix = windex.open_dir(str(directory), indexname=INDEX_NAME)
    except Exception:  # an unreadable index is not "locked"
        return False
    lock = ix.lock(WRITE_LOCK)
    try:
        if lock.acquire(blocking=False):
            lock.release()
            return False
    except OSError:  # a read-only folder (the prebuilt index): nobody can write there
        return False
    return True


def check(directory: Path, fingerprint: str) -> IndexState:
    """Whether the index in ``directory`` can be used as is (no building)."""
    if not (directory / MANIFEST).is_file():
        return IndexState(False, MISSING)
    try:
        manifest = read_manifest(directory)
    except (OSError, ValueError):
        return IndexState(False, CORRUPT)
    if not isinstance(manifest, dict) or manifest.get("format") != INDEX_FORMAT \
            or manifest.get("analysis") != analysis_digest() \
            or manifest.get("whoosh") != whoosh_version():
        return IndexState(False, VERSION)
    if manifest.get("corpus") != fingerprint:
        return IndexState(False, CORPUS_CHANGED)
    if is_locked(directory):
        return IndexState(False, LOCKED)
    try:
        ix = open_index(directory)
        with ix.reader() as reader:
            reader.doc_count()
    except Exception:  # whatever Whoosh finds wrong, the index is unusable
        log.warning("search index at %s is unreadable", directory, exc_info=True)
        return IndexState(False, CORRUPT)
    return IndexState(True, None)


def open_index(directory: Path) -> windex.Index:
    return windex.open_dir(str(directory), indexname=INDEX_NAME)


def _writer_options(count: int) -> dict:
    if count < PARALLEL_BUILD_FROM:
        return {}
    procs = max(1, min(os.cpu_count() or 1, 4))
    return {"procs": procs, "multisegment": True, "limitmb": 1024} if procs > 1 else \
        {"limitmb": 1024}


def _fill(ix: windex.Index, documents: Sequence[Document], progress: Progress | None) -> None:
    total = len(documents) + 1  # the last step is the commit
    step = max(1, len(documents) // 100)
    writer = ix.writer(**_writer_options(len(documents)))
    try:
        for done, doc in enumerate(documents, start=1):
            writer.add_document(**without_none(doc))
            if progress and (done % step == 0 or done == len(documents)):
                progress(done, total)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


def build(directory: Path, documents: Sequence[Document], fingerprint: str,
          progress: Progress | None = None, *, notes: int = 0,
          imported: dict | None = None) -> Path:
    """Build a complete index for ``documents`` and put it at ``directory``
    (``imported``: the trainer's documents it holds, see ``library_sync``).

    Returns where the index ended up: ``directory``, or — when the old index could
    not be moved away (a file held open on Windows) — the fresh folder beside it.
    """
    parent = paths.ensure_dir(directory.parent)
    _remove_leftovers(parent, directory.name)
    fresh = Path(tempfile.mkdtemp(prefix=f".{directory.name}-{_BUILD_PREFIX}-", dir=parent))
    try:
        ix = windex.create_in(str(fresh), build_schema(), indexname=INDEX_NAME)
        _fill(ix, documents, progress)
        ix.close()
        manifest = {"format": INDEX_FORMAT, "analysis": analysis_digest(),
                    "whoosh": whoosh_version(), "corpus": fingerprint,
                    "documents": len(documents), "notes": notes,
                    "imported": imported or {}, "app": connecteur.__version__,
                    "built": datetime.now(UTC).isoformat(timespec="seconds")}
        write_atomically(fresh / MANIFEST, json.dumps(manifest, indent=2) + "\n")
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    if progress:
        progress(len(documents) + 1, len(documents) + 1)
    return _swap(fresh, directory)


def install_copy(source: Path, directory: Path) -> Path:
    """Put a copy of the complete index in ``source`` at ``directory`` (the prebuilt
    index of a bundle, copied on first start instead of building one)."""
    parent = paths.ensure_dir(directory.parent)
    fresh = Path(tempfile.mkdtemp(prefix=f".{directory.name}-{_BUILD_PREFIX}-", dir=parent))
    try:
        shutil.copytree(source, fresh, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(f"{INDEX_NAME}_{WRITE_LOCK}"))
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return _swap(fresh, directory)


def memory_index(documents: Sequence[Document]) -> windex.Index:
    """An index in memory, for a session whose cache folder cannot be written."""
    ix = RamStorage().create_index(build_schema(), indexname=INDEX_NAME)
    _fill(ix, documents, None)
    return ix


def _swap(fresh: Path, directory: Path) -> Path:
    if not directory.exists():
        os.replace(fresh, directory)
        return directory
    old = Path(tempfile.mkdtemp(prefix=f".{directory.name}-{_OLD_PREFIX}-",
                                dir=directory.parent))
    try:
        os.replace(directory, old / directory.name)
    except OSError:
        log.warning("could not move the old search index away; using %s", fresh)
        shutil.rmtree(old, ignore_errors=True)
        return fresh
    os.replace(fresh, directory)
    shutil.rmtree(old, ignore_errors=True)
    return directory


def _remove_leftovers(parent: Path, name: str) -> None:
    """Folders left by an interrupted build or swap (older than an hour, so that a
    build running in another process is left alone)."""
    now = time.time()
    for prefix in (_BUILD_PREFIX, _OLD_PREFIX):
        for leftover in parent.glob(f".{name}-{prefix}-*"):
            try:
                if now - leftover.stat().st_mtime > _LEFTOVER_AGE:
                    shutil.rmtree(leftover, ignore_errors=True)
            except OSError:
                continue
