"""Helper processes die with the editor, however the editor ends.

A helper blocked on its job queue never learns that the editor was killed (its own copy of the
queue's pipe stays open), so after a crash the export helper (about 90 MB) and multiprocessing's
resource tracker kept running. Each helper now follows its parent:

- everywhere, a daemon thread watches the parent and ends the helper when it is gone: on
  Windows by waiting on the parent's process handle, elsewhere by seeing ``getppid()`` change
  (a dead parent's children are handed to another process);
- on Linux, the kernel also sends SIGKILL at once when the parent dies (``PR_SET_PDEATHSIG``),
  but only when the helper was started from the parent's main thread: the signal follows the
  thread that started the child, and a worker thread may end long before the editor does.

When the last helper is gone, the resource tracker reads the end of its pipe and exits too.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

POLL_SECONDS = 0.25
_PR_SET_PDEATHSIG = 1


def started_from_main_thread() -> bool:
    """True in the parent when a child started now belongs to the main thread."""
    return threading.current_thread() is threading.main_thread()


def follow_parent(parent_pid: int, kernel_signal: bool = True) -> None:
    """In a helper process: end this process as soon as ``parent_pid`` is gone."""
    if kernel_signal and sys.platform.startswith("linux"):
        _parent_death_signal()
    if os.getppid() != parent_pid and sys.platform != "win32":
        os._exit(0)  # the parent died before we got here
    watcher = _watch_windows if sys.platform == "win32" else _watch_posix
    threading.Thread(target=watcher, args=(parent_pid,), name="follow-parent",
                     daemon=True).start()


def _parent_death_signal() -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the watcher thread still covers it


def _watch_posix(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(POLL_SECONDS)
    os._exit(0)


def _watch_windows(parent_pid: int) -> None:  # pragma: no cover - Windows only
    synchronize, infinite = 0x00100000, 0xFFFFFFFF
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(synchronize, False, parent_pid)
    if not handle:
        os._exit(0)  # no such process: the parent is already gone
    kernel32.WaitForSingleObject(handle, infinite)
    os._exit(0)
