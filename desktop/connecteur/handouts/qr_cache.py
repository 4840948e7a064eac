"""QR codes kept between runs, in the cache folder.

Encoding the ~95 web addresses of the library takes about 0.4 s of pure Python, more
than laying out the text of the whole handout; the codes never change for a given
address, so they are kept in memory and in ``qr-codes.json`` (a cache: missing,
unreadable or unwritable, it is simply rebuilt, never an error).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

from connecteur import paths
from connecteur.errors import ConnecteurError
from connecteur.fileio import write_atomically

FORMAT = 1
MAX_CODES = 5000

Rows = tuple[str, ...]  # one string of "0" and "1" per row of modules

_lock = threading.Lock()
_rows: dict[str, Rows] = {}
_on_disk: dict[Path, frozenset[str]] = {}  # what each cache file already holds


def rows(url: str, encode: Callable[[str], Rows]) -> Rows:
    """The code of ``url``: from memory, from the cache file, or encoded now."""
    with _lock:
        _load(paths.qr_codes_cache_path())
        found = _rows.get(url)
    if found is None:
        found = encode(url)
        with _lock:
            if len(_rows) < MAX_CODES:
                _rows[url] = found
    return found


def save() -> None:
    """Write the codes to the cache file if it lacks some (best effort)."""
    path = paths.qr_codes_cache_path()
    with _lock:
        if not set(_rows) - _on_disk.get(path, frozenset()):
            return
        snapshot = dict(_rows)
    payload = {"format": FORMAT,
               "codes": {url: [format(int(row, 2), "x") for row in code]
                         for url, code in snapshot.items()}}
    try:
        paths.ensure_dir(path.parent)
        write_atomically(path, json.dumps(payload, separators=(",", ":")))
    except (ConnecteurError, OSError):
        return
    with _lock:
        _on_disk[path] = frozenset(snapshot)


def forget() -> None:
    """Empty the memory (as in a new process): benchmarks measure the first build."""
    with _lock:
        _rows.clear()
        _on_disk.clear()


def _load(path: Path) -> None:
    """Merge the cache file into memory, once per file (lock held)."""
    if path in _on_disk:
        return
    _on_disk[path] = frozenset()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    codes = _valid_codes(data)
    for url, code in codes.items():
        _rows.setdefault(url, code)
    _on_disk[path] = frozenset(codes)


def _valid_codes(data: object) -> dict[str, Rows]:
    """The well-formed codes of a cache file's content (anything else is ignored)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    codes = data.get("codes")
    found: dict[str, Rows] = {}
    for url, hex_rows in (codes.items() if isinstance(codes, dict) else ()):
        size = len(hex_rows) if isinstance(hex_rows, list) else 0
        if not (isinstance(url, str) and 21 <= size <= 177 and (size - 17) % 4 == 0):
            continue
        try:
            code = tuple(format(int(row, 16), f"0{size}b") for row in hex_rows)
        except (TypeError, ValueError):
            continue
        if all(len(row) == size and not row.strip("01") for row in code):
            found[url] = code
    return found
