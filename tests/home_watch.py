"""What the test run may not change in the real home folder, and how to see it did.

A snapshot lists every file under ~/.cache, ~/.config and ~/.local (path, size and
modification time) and the names at the top of the home folder. Left out: pip's own
cache (~/.cache/pip: pip may run in the tests that install the wheel, and its cache is
pip's business, like the download cache of `make`'s set-up). pytest's cache provider
writes .pytest_cache in the checkout, not in the home folder, so it needs no exception.
"""

from __future__ import annotations

import os
from pathlib import Path

WATCHED = (".cache", ".config", ".local")
IGNORED = (".cache/pip",)

Snapshot = dict[str, tuple[int, int]]


def snapshot(home: Path) -> Snapshot:
    found: Snapshot = {}
    try:
        found |= {name: (0, 0) for name in os.listdir(home)}
    except OSError:
        return found
    for top in WATCHED:
        for folder, dirs, files in os.walk(home / top):
            relative = Path(folder).relative_to(home).as_posix()
            dirs[:] = [d for d in dirs if f"{relative}/{d}" not in IGNORED]
            for name in files:
                try:
                    info = os.lstat(os.path.join(folder, name))
                except OSError:
                    continue
                found[f"{relative}/{name}"] = (info.st_size, info.st_mtime_ns)
    return found


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """Created, deleted and modified entries, sorted."""
    return sorted([f"créé : {p}" for p in after.keys() - before.keys()]
                  + [f"supprimé : {p}" for p in before.keys() - after.keys()]
                  + [f"modifié : {p}" for p in before.keys() & after.keys()
                     if before[p] != after[p]])
