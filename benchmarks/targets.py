"""Speed targets, as each benchmark reports them, for the summary ``make bench`` ends with.

A benchmark calls :func:`report` with its targets; run.py (which names a file in
``BENCH_TARGETS``) reads them back after the benchmark's process ends. Run alone, a
benchmark just prints them.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

ENV = "BENCH_TARGETS"


@dataclass(frozen=True)
class Target:
    """One target: what is measured, the figure, the goal ("< 1000 ms"), and whether
    the figure meets it."""

    name: str
    measured: str
    goal: str
    met: bool

    def line(self) -> str:
        verdict = "atteint " if self.met else "MANQUÉ  "
        return f"{verdict} {self.name} : {self.measured} (objectif {self.goal})"


def below(name: str, value: float, limit: float, unit: str, digits: int = 0) -> Target:
    """A target met when ``value`` is under ``limit``."""
    figure = f"{value:.{digits}f}".replace(".", ",")
    goal = f"{limit:g}".replace(".", ",")
    return Target(name, f"{figure} {unit}", f"< {goal} {unit}", value < limit)


def report(targets: list[Target]) -> None:
    print("   objectifs :")
    for target in targets:
        print(f"     {target.line()}")
    path = os.environ.get(ENV)
    if path:
        with open(path, "a", encoding="utf-8") as stream:
            for target in targets:
                stream.write(json.dumps(asdict(target), ensure_ascii=False) + "\n")


def read(path: str) -> list[Target]:
    try:
        with open(path, encoding="utf-8") as stream:
            return [Target(**json.loads(line)) for line in stream if line.strip()]
    except (OSError, ValueError, TypeError):
        return []
