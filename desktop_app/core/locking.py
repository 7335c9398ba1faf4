"""One editor at a time: a lock file in the issue folder naming who has the issue open.

The lock is created with exclusive create (``open(path, "x")``), so two copies of the app that
start together cannot both believe they hold it. A lock left by a crashed copy on this machine
(its process is gone) is taken over; one from another machine is respected, because we cannot
tell whether that machine is still editing.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import getpass
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

LOCK_FILE = ".issue.lock"


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
        if read_lock(self.folder) == self.info:
            with contextlib.suppress(OSError):
                self.path.unlink()


def acquire_lock(folder: Path | str) -> IssueLock:
    """Take the lock on an issue folder; IssueLocked if another copy has it.

    OSError (a read-only folder, say) is passed on: the caller decides whether to go on.
    """
    folder = Path(folder)
    info = LockInfo(current_user(), socket.gethostname(), os.getpid(),
                    _dt.datetime.now().isoformat(timespec="seconds"))
    for attempt in range(2):
        try:
            with open(folder / LOCK_FILE, "x", encoding="utf-8") as handle:
                json.dump(info.__dict__, handle)
            return IssueLock(folder, info)
        except FileExistsError:
            holder = read_lock(folder)
            if attempt == 0 and _stale(holder) and holder != info:
                # Remove only a stale lock; a race here at worst makes both copies retry.
                with contextlib.suppress(OSError):
                    (folder / LOCK_FILE).unlink()
                continue
            raise IssueLocked(holder or LockInfo("someone", "unknown", 0, "")) from None
    raise IssueLocked(read_lock(folder) or LockInfo("someone", "unknown", 0, ""))
