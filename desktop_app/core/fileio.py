"""Writing files safely: a temporary file beside the target, fsync, then an atomic rename.

A replaced file keeps its permissions and group (``mkstemp`` makes files only their owner can
read, which locked colleagues on a shared folder out of the issue); a new file gets the mode
the user's umask gives any new file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_writer(target: Path | str, backup: bool = False,
                  private: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``target`` only if the block completes.

    On any error the temporary file is removed and the target is left as it was. With
    ``backup`` the previous version is kept as ``target + '.bak'`` (itself written atomically).
    The file gets the target's mode and group, or the usual mode of a new file; ``private``
    keeps it readable by its owner only (a recovery file of unsaved work).
    """
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        if not private:
            give_usual_mode(fd, target)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if backup and target.exists():
            keep_backup(target)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def staged_folder(target: Path | str, replace: bool = False) -> Iterator[Path]:
    """Yield a new folder beside ``target``; when the block completes it becomes ``target``.

    ``target`` must not exist or be an empty folder, unless ``replace``: then a folder there
    is moved aside, put back if the new one cannot take its place, and removed once it has.
    On any error the staging folder is removed and ``target`` is left as it was: never a
    half-made folder.
    """
    target = Path(target)
    parent = target.resolve().parent
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    old: Path | None = None
    try:
        with contextlib.suppress(OSError):
            os.chmod(staging, 0o777 & ~current_umask())  # mkdtemp's 0700 is for staging only
        yield staging
        if target.exists():
            if replace:
                old = parent / f".{target.name}.{secrets.token_hex(6)}.old"
                os.replace(target, old)
            else:
                target.rmdir()
        try:
            os.replace(staging, target)
        except BaseException:
            if old is not None:
                with contextlib.suppress(OSError):
                    os.replace(old, target)  # put the earlier folder back
                old = None
            raise
        fsync_dir(parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_bytes_atomic(target: Path | str, data: bytes, backup: bool = False,
                       private: bool = False) -> None:
    """Write ``data`` to ``target`` atomically (``private``: owner only)."""
    with atomic_writer(target, backup=backup, private=private) as handle:
        handle.write(data)


def keep_backup(target: Path) -> None:
    """Copy ``target`` to ``target.bak`` atomically."""
    bak = target.with_name(target.name + ".bak")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{bak.name}.", suffix=".tmp", dir=target.parent)
    try:
        give_usual_mode(fd, target)
        os.close(fd)
        shutil.copyfile(target, tmp_name)
        os.replace(tmp_name, bak)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable; not every platform allows it."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class NotRegularFile(OSError):
    """A name that is a folder, pipe, device or socket where a file was expected."""

    def __init__(self, path: Path | str, mode: int) -> None:
        self.is_folder = stat.S_ISDIR(mode)
        what = "a folder" if self.is_folder else "not a regular file (a pipe, device or socket)"
        super().__init__(f"{Path(path).name} is {what}")


class FileTooBig(OSError):
    """A file over the size a reader accepts."""

    def __init__(self, size: int, limit: int) -> None:
        self.size, self.limit = size, limit
        super().__init__(f"{size / 1e6:.1f} MB; the limit is {limit // 2**20} MB")


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    A FIFO would hang the read and a device has no end, so only a regular file is read,
    checked before opening and again on the open descriptor (the name could be swapped in
    between). Raises FileNotFoundError, NotRegularFile, FileTooBig or another OSError.
    """
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(path, info.st_mode)
    if info.st_size > limit:
        raise FileTooBig(info.st_size, limit)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(path, mode)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooBig(len(data), limit)
    return data


def digest_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_inside(folder: Path, candidate: Path) -> bool:
    """True if ``candidate`` (resolved, links followed) lies inside ``folder``."""
    try:
        candidate.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


_umask_lock = threading.Lock()


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _umask_lock:
        # Elsewhere the only way to read it is to set it: put it back at once.
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def give_usual_mode(fd: int, target: Path) -> None:
    """Give a fresh temporary file the mode (and group) it should have as ``target``.

    An existing target's permission bits and group are kept; a new file gets what the umask
    gives (0664 or 0644 as a rule) and its folder's group, as colleagues sharing the folder
    expect. Windows has no such bits to set.
    """
    if sys.platform == "win32" or not hasattr(os, "fchmod"):
        return
    try:
        info = os.stat(target)
    except OSError:
        os.fchmod(fd, 0o666 & ~current_umask())
        with contextlib.suppress(OSError):  # only a member of the group may give it
            os.fchown(fd, -1, os.stat(target.parent).st_gid)
        return
    os.fchmod(fd, stat.S_IMODE(info.st_mode))
    with contextlib.suppress(OSError):
        os.fchown(fd, -1, info.st_gid)


def remove_leftovers(folder: Path, name: str, stale_after: float = 3600.0) -> list[Path]:
    """Remove what interrupted writes of ``name`` left in ``folder``; returns what went.

    Call under the folder's write lock: temporary files of ``name`` (and of its backup) can
    then belong to no running save. Import staging folders are removed once they are
    ``stale_after`` seconds old, since an import stages before it takes the lock.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        path = Path(entry.path)
        try:
            if entry.name.startswith((f".{name}.", f".{name}.bak.")) and \
                    entry.name.endswith(".tmp") and entry.is_file(follow_symlinks=False):
                path.unlink()
                removed.append(path)
            elif entry.name.startswith(".import-") and entry.is_dir(follow_symlinks=False) \
                    and now - entry.stat(follow_symlinks=False).st_mtime > stale_after:
                shutil.rmtree(path)
                removed.append(path)
        except OSError:
            continue
    return removed


@contextlib.contextmanager
def removed_on_failure(folder: Path | str) -> Iterator[list[Path]]:
    """Yield a list for the files a step writes into ``folder``; if the step fails, remove them.

    The folder itself is removed too if it did not exist before the step (and is empty again),
    so a failed import or save leaves the disk as it found it. The error is raised on.
    """
    folder = Path(folder)
    made_folder = not folder.exists()
    written: list[Path] = []
    try:
        yield written
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        if made_folder:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
