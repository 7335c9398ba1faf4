"""Two locks on an issue folder: who has it open, and who is writing it right now.

``.issue.lock`` names who has the issue open in the editor. It is created with exclusive create
(``open(path, "x")``), so two copies of the app that start together cannot both believe they
hold it. A lock left by a crashed copy on this machine (its process is gone) is taken over; one
from another machine is respected, because we cannot tell whether that machine is still editing.

``folder_lock`` is an operating-system lock (``filelock``: ``flock`` on Unix, ``LockFileEx`` on
Windows, both honoured on network drives as far as the server allows) held for the few
milliseconds of a read-compare-write: every save, and every take-over of a stale open-lock. The
OS drops it when its holder dies, so a crash never leaves it behind, and its file is removed
when it is released.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import getpass
import json
import os
import socket
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import BulletinError
from .fileio import write_bytes_atomic

LOCK_FILE = ".issue.lock"
WRITE_LOCK_FILE = ".issue.write-lock"
WRITE_LOCK_TIMEOUT = 10.0

_held = threading.local()


class FolderBusy(BulletinError):
    """Another program held the folder's write lock for longer than we wait."""


@contextlib.contextmanager
def folder_lock(folder: Path | str, timeout: float = WRITE_LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the operating-system write lock of an issue folder for the block.

    Re-entrant within a thread (an import that saves already holds it). Waits up to
    ``timeout`` seconds for another writer, then FolderBusy. OSError (a read-only folder)
    is passed on.
    """
    key = str(Path(folder).resolve())
    counts: dict[str, int] = _held.__dict__.setdefault("counts", {})
    if counts.get(key):
        counts[key] += 1
        try:
            yield
        finally:
            counts[key] -= 1
        return
    path = Path(key) / WRITE_LOCK_FILE
    lock = FileLock(str(path), timeout=timeout, is_singleton=False, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise FolderBusy(f"{folder}: another program has been writing this issue for "
                         f"{timeout:.0f} s; try again in a moment") from None
    counts[key] = 1
    try:
        yield
    finally:
        counts.pop(key, None)
        if sys.platform != "win32":
            # Removed while still held: a waiter that then locks the removed file sees it has
            # no name left and tries again on a fresh one (Windows removes it on release).
            with contextlib.suppress(OSError):
                path.unlink()
        lock.release()


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock: user, machine, process and when they opened the issue."""

    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        """A line for the read-only banner."""
        when = self.since
        with contextlib.suppress(ValueError):
            when = _dt.datetime.fromisoformat(self.since).strftime("%d %b %Y at %H:%M")
        return f"{self.user} on {self.host} (since {when})"


class IssueLocked(Exception):
    """Someone else has the issue open; ``holder`` says who."""

    def __init__(self, holder: LockInfo) -> None:
        self.holder = holder
        super().__init__(f"the issue is open in another copy of the app: {holder.describe()}")


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser raises a variety of errors with no user
        return "someone"


def read_lock(folder: Path | str) -> LockInfo | None:
    """The lock in a folder, or None if there is none or it cannot be read."""
    try:
        data = json.loads((Path(folder) / LOCK_FILE).read_text(encoding="utf-8"))
        return LockInfo(str(data["user"]), str(data["host"]), int(data["pid"]),
                        str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _stale(info: LockInfo | None) -> bool:
    """A lock whose owner is gone: unreadable, or from a dead process on this machine."""
    if info is None:
        return True
    return info.host == socket.gethostname() and not _process_alive(info.pid)


class IssueLock:
    """A held lock; release it when the issue is closed."""

    def __init__(self, folder: Path, info: LockInfo) -> None:
        self.folder = folder
        self.info = info

    @property
    def path(self) -> Path:
        return self.folder / LOCK_FILE

    def release(self) -> None:
        """Remove the lock file if it is still ours."""
        with contextlib.suppress(OSError, BulletinError), folder_lock(self.folder, timeout=2):
            if read_lock(self.folder) == self.info:
                self.path.unlink()


def acquire_lock(folder: Path | str) -> IssueLock:
    """Take the lock on an issue folder; IssueLocked if another copy has it.

    Creating, reading and taking over happen under the folder's write lock, so two copies
    that find the same stale lock cannot both take it over, and a lock being written is never
    read half-made. OSError (a read-only folder, say) is passed on: the caller decides.
    """
    folder = Path(folder)
    info = LockInfo(current_user(), socket.gethostname(), os.getpid(),
                    _dt.datetime.now().isoformat(timespec="seconds"))
    payload = json.dumps(info.__dict__).encode("utf-8")
    with folder_lock(folder):
        try:
            with open(folder / LOCK_FILE, "xb") as handle:
                handle.write(payload)
            return IssueLock(folder, info)
        except FileExistsError:
            holder = read_lock(folder)
            if not _stale(holder):
                raise IssueLocked(holder or LockInfo("someone", "unknown", 0, "")) from None
        write_bytes_atomic(folder / LOCK_FILE, payload)
        return IssueLock(folder, info)


def live_holder(folder: Path | str) -> LockInfo | None:
    """Who has the issue open in an editor right now (not this process), or None."""
    holder = read_lock(folder)
    if holder is None or _stale(holder):
        return None
    if holder.host == socket.gethostname() and holder.pid == os.getpid():
        return None
    return holder
