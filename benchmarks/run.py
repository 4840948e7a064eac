"""Run every benchmark (``benchmarks/bench_*.py``), each in its own process so that
start-up figures are not warmed by the previous one; print what each reports, then a
summary of the targets met and missed (see targets.py).

A benchmark prints its figures and, for each, the ratio to a baseline it measured in
the same run (an empty Qt window, a plain ReportLab rendering, …): the ratio is what
carries over from one machine to another. A missed target is reported, not an error
(a busy machine misses some); a benchmark that fails is.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from targets import ENV, Target, read

HERE = Path(__file__).resolve().parent


def run_one(script: Path) -> tuple[int, list[Target]]:
    with tempfile.TemporaryDirectory(prefix="connecteur-bench-targets-") as folder:
        handed = Path(folder) / "targets.jsonl"
        result = subprocess.run([sys.executable, str(script)], check=False,
                                env={**os.environ, ENV: str(handed)})
        return result.returncode, read(str(handed))


def summary(results: dict[str, tuple[int, list[Target]]]) -> list[str]:
    lines = ["== bilan des objectifs =="]
    for name, (code, targets) in results.items():
        if code != 0:
            lines.append(f"   ÉCHEC    {name} (code {code})")
        lines += [f"   {t.line()}" for t in targets]
        if code == 0 and not targets:
            lines.append(f"   ?        {name} : aucun objectif rapporté")
    every = [t for _, targets in results.values() for t in targets]
    missed = sum(not t.met for t in every)
    met = len(every) - missed
    lines.append(f"   {met} objectif{'s' if met > 1 else ''} atteint{'s' if met > 1 else ''}, "
                 f"{missed} manqué{'s' if missed > 1 else ''}.")
    return lines


def main(names: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if names:
        scripts = [s for s in scripts if any(n in s.stem for n in names)]
    if not scripts:
        print("Aucun banc d'essai trouvé.")
        return 0
    results = {}
    for script in scripts:
        print(f"== {script.stem} ==", flush=True)
        started = time.perf_counter()
        results[script.stem] = run_one(script)
        print(f"   ({time.perf_counter() - started:.1f} s)\n", flush=True)
    print("\n".join(summary(results)))
    return 1 if any(code != 0 for code, _ in results.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
