"""A guard against a reference-counting bug in PySide6 6.12 on CPython before 3.12.

In that combination every ``SignalInstance.emit()`` called from Python hands back ``True``
without taking a reference to it, so each emit lowers ``True``'s reference count by one (and
some slot calls do the same to ``None``). After a few thousand emits the interpreter frees
``True`` and aborts ("Fatal Python error: bool_dealloc"). CPython 3.12 made these singletons
immortal, which hides the bug; here we do the same by hand, once, at start-up, and only if a
probe shows the bug is present.
"""

from __future__ import annotations

import ctypes
import sys

_BUMP = 1 << 40  # far more emits than any session will make
_done = False


def _emit_drops_true() -> bool:
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) < before


def protect_singletons() -> None:
    """Make True, False and None effectively immortal if PySide drops references to them."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        _done = True
        return
    _done = True
    if not _emit_drops_true():
        return
    for obj in (True, False, None):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(obj)).value += _BUMP
