"""``make bench`` is run by hand, not by CI: a benchmark broken by a change (a constant
renamed in a module it borrows from) would only be found the next time someone
measures. Each one is loaded here, as run.py loads it, without running it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
SCRIPTS = sorted(BENCHMARKS.glob("bench_*.py"))


def test_the_benchmarks_are_found() -> None:
    assert {s.stem for s in SCRIPTS} >= {"bench_startup", "bench_search", "bench_handout",
                                         "bench_import", "bench_documents"}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda s: s.stem)
def test_each_benchmark_loads(script: Path) -> None:
    loading = (f"import runpy, sys; sys.path.insert(0, {str(BENCHMARKS)!r}); "
               f"runpy.run_path({str(script)!r}, run_name='loaded')")
    result = subprocess.run([sys.executable, "-c", loading], capture_output=True, text=True,
                            cwd=BENCHMARKS, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
