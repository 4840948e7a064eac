"""A damaged index or a cache folder that cannot be written: the command still answers,
with one French line at most on the terminal; the details go to the log file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from connecteur import paths

BIN = Path(sys.executable).parent


def search(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "connecteur"), "search", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)


def _truncate_segments(index: Path) -> None:
    for segment in index.glob("*.seg"):
        segment.write_bytes(segment.read_bytes()[:1000])


def _garble_toc(index: Path) -> None:
    for toc in index.glob("_MAIN_*.toc"):
        toc.write_bytes(b"\x80\x04garbage" * 10)


@pytest.mark.parametrize("damage", [_truncate_segments, _garble_toc])
def test_a_damaged_index_is_rebuilt_with_one_french_line(damage) -> None:
    assert search("crise").returncode == 0
    damage(paths.index_dir())
    result = search("--limit", "1", "crise")
    assert result.returncode == 0
    assert result.stdout.startswith("119 résultats pour « crise »")  # the whole library
    assert result.stderr.startswith("Construction de l'index de recherche (l'index de "
                                    "recherche était abîmé)… prêt en ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    log = (paths.logs_dir() / "connecteur.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "search index at" in log  # the details, for whoever needs


def test_a_cache_folder_that_cannot_be_written(isolated_home: Path, run_read_only) -> None:
    cache = paths.ensure_dir(paths.cache_dir())
    result = run_read_only(cache, "search", "--limit", "1", "crise")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("119 résultats pour « crise »")  # the whole library
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "gardé en mémoire pour cette fois" in result.stderr
