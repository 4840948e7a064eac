"""Work-arounds for defects of the Qt binding, applied once when ``connecteur.ui``
is imported.

PySide6 6.12.0: every ``SignalInstance.emit()`` called from Python returns
``True`` without owning a reference to it, so each emit takes one reference away
from ``True``; after a few hundred emits the interpreter aborts with "Fatal Python
error: bool_dealloc". The check below measures the defect on a throw-away signal
and, only if it is present, wraps ``emit`` to give back the missing reference, so
a fixed PySide6 makes the wrapper disappear by itself.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def emit_loses_reference() -> bool:
    """Measure the defect (and give back what the measure itself took)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(3):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):
        _incref(True)
    return lost > 0


def apply() -> bool:
    """Patch ``SignalInstance.emit`` when needed; True when the patch is in place."""
    if getattr(SignalInstance.emit, "_connecteur_fixed", False):
        return True
    if not emit_loses_reference():
        return False
    original = SignalInstance.emit

    def emit(self: SignalInstance, *args: object) -> object:
        result = original(self, *args)
        if result is True or result is False:
            _incref(result)
        return result

    emit._connecteur_fixed = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True
