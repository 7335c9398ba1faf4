"""Errors the core raises for bad input; each one reads as a single line to a user."""

from __future__ import annotations

from pathlib import Path


class BulletinError(Exception):
    """Bad input or a refused operation: shown to the user as one line, exit code 2."""


class IssueFileError(BulletinError):
    """An issue file that cannot be read: names the file and, where known, the line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")


class ChangedOnDiskError(BulletinError):
    """The file was changed by someone else since it was loaded; saving would lose that."""


class ExportError(BulletinError):
    """An export that could not be written."""
