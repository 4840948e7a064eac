"""How long the process has been running: the figure ``--exit-when-ready`` prints.

Measured from the moment the kernel started the process (``/proc/self/stat``), so
the interpreter's own start and every import count; elsewhere (no /proc) from the
first import of this module, which is the best the process can know.
"""

from __future__ import annotations

import os
import time

_FALLBACK_START = time.perf_counter()


def _kernel_start_seconds() -> float | None:
    try:
        with open("/proc/self/stat", encoding="ascii") as stream:
            fields = stream.read().rsplit(")", 1)[1].split()
        return int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def process_age_ms() -> float:
    start = _kernel_start_seconds()
    if start is not None and hasattr(time, "CLOCK_BOOTTIME"):
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - start) * 1000
    return (time.perf_counter() - _FALLBACK_START) * 1000
