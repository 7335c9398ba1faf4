"""Writing files safely: a temporary file beside the target, fsync, then an atomic rename."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_writer(target: Path | str, backup: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``target`` only if the block completes.

    On any error the temporary file is removed and the target is left as it was. With
    ``backup`` the previous version is kept as ``target + '.bak'`` (itself written atomically).
    """
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
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
def staged_folder(target: Path | str) -> Iterator[Path]:
    """Yield a new folder beside ``target``; when the block completes it becomes ``target``.

    ``target`` must not exist or be an empty folder. On any error the staging folder is
    removed and ``target`` is left as it was: never a half-made folder.
    """
    target = Path(target)
    parent = target.resolve().parent
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    try:
        yield staging
        if target.exists():
            target.rmdir()
        os.replace(staging, target)
        fsync_dir(parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_bytes_atomic(target: Path | str, data: bytes, backup: bool = False) -> None:
    """Write ``data`` to ``target`` atomically."""
    with atomic_writer(target, backup=backup) as handle:
        handle.write(data)


def keep_backup(target: Path) -> None:
    """Copy ``target`` to ``target.bak`` atomically."""
    bak = target.with_name(target.name + ".bak")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{bak.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
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


def digest_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_inside(folder: Path, candidate: Path) -> bool:
    """True if ``candidate`` (resolved, links followed) lies inside ``folder``."""
    try:
        candidate.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


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
