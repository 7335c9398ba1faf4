"""Where the editor keeps its own files: settings, recovery files and the demo working copy.

Every place goes through these functions so tests can point them all at a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

ORGANISATION = "SOC Bulletin"
APPLICATION = "SOC Bulletin Editor"
MIME_TYPE = "application/x-soc-bulletin-items"


def documents_dir() -> Path:
    """The user's documents folder (where the demo working copy goes)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found or Path.home())


def demo_copy_dir() -> Path:
    """The working copy of the demo edition in the user's documents."""
    return documents_dir() / "SOC Bulletin" / "demo-edition"


def data_dir() -> Path:
    """The app's private data folder (recovery files live here)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(found or Path.home() / ".soc-bulletin")


def recovery_dir() -> Path:
    return data_dir() / "recovery"


def settings() -> QSettings:
    """The app's settings (recent issues, window layout)."""
    return QSettings(ORGANISATION, APPLICATION)
