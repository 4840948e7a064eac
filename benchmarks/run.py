"""Run every benchmark (``benchmarks/bench_*.py``), each in its own process so that
start-up figures are not warmed by the previous one; print what each reports.

A benchmark prints its figures and, for each, the ratio to a baseline it measured in
the same run (an empty Qt window, a plain ReportLab rendering, …): the ratio is what
carries over from one machine to another.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if any(n in s.stem for n in names)]
    failed = 0
    for script in scripts:
        print(f"== {script.stem} ==", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], check=False)
        print(f"   ({time.perf_counter() - started:.1f} s)\n", flush=True)
        failed += result.returncode != 0
    if not scripts:
        print("Aucun banc d'essai trouvé.")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
