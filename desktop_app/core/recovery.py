"""Recovery files: the unsaved state of an issue, written every minute while there are edits,
so a crash loses at most a minute of work.

Kept in the user's data folder (not the issue folder, which may be read-only or shared), one
file per issue folder, named by a hash of the folder's path. The first line records the folder
and the time so the restore offer can say what it is restoring.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from .fileio import write_bytes_atomic
from .model import Issue
from .storage import ISSUE_FILE, dump_issue, parse_issue

_MARK = "# recovery-of: "


@dataclass(frozen=True)
class Recovery:
    """A recovery file found for an issue folder."""

    path: Path
    folder: Path
    saved_at: str


def recovery_file(recovery_dir: Path | str, folder: Path | str | None) -> Path:
    """The recovery file for an issue folder (or for an issue never saved, when None)."""
    key = str(Path(folder).resolve()) if folder is not None else "untitled"
    name = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return Path(recovery_dir) / f"{name}.yaml"


def write_recovery(recovery_dir: Path | str, folder: Path | str | None, issue: Issue) -> Path:
    """Write the issue's current state to its recovery file, atomically."""
    path = recovery_file(recovery_dir, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now().isoformat(timespec="seconds")
    origin = str(Path(folder).resolve()) if folder is not None else ""
    head = f"{_MARK}{origin}\n# saved-at: {stamp}\n".encode()
    write_bytes_atomic(path, head + dump_issue(issue))
    return path


def find_recovery(recovery_dir: Path | str, folder: Path | str | None) -> Recovery | None:
    """The recovery file for a folder, if a previous session left one."""
    path = recovery_file(recovery_dir, folder)
    try:
        with path.open("r", encoding="utf-8") as handle:
            first, second = handle.readline(), handle.readline()
    except OSError:
        return None
    if not first.startswith(_MARK):
        return None
    saved = second.partition(":")[2].strip()
    origin = Path(first[len(_MARK):].strip() or ".")
    return Recovery(path, origin, saved)


def load_recovery(recovery: Recovery, folder: Path | str) -> Issue:
    """The issue stored in a recovery file; IssueFileError if it is damaged.

    Parsed as if it were the folder's own ``issue.yaml`` so image paths are checked against
    the real folder.
    """
    data = recovery.path.read_bytes()
    return parse_issue(data, Path(folder) / ISSUE_FILE).issue


def discard_recovery(recovery_dir: Path | str, folder: Path | str | None) -> None:
    """Remove the recovery file once the issue is saved or the user declines it."""
    with contextlib.suppress(OSError):
        recovery_file(recovery_dir, folder).unlink()
