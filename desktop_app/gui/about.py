"""What this copy of the app is and where it keeps its files: ``--version`` and Help > About.

Only QtCore is imported here, so ``bulletin --version`` can report Qt's version and the
settings file without loading the window's libraries (a server without a display has QtCore's
few dependencies but perhaps not OpenGL's).
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from desktop_app import __version__

PRODUCT = "SOC Bulletin Editor"


def program_folder() -> Path:
    """Where the app's own files are: the frozen folder, or the installed package."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[1]


def facts() -> list[tuple[str, str]]:
    """(label, value) rows: versions, then where the app is and keeps its files."""
    python = f"{platform.python_version()} ({platform.python_implementation()})"
    rows = [("Version", __version__), ("Python", python)]
    try:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import QCoreApplication, qVersion

        from . import paths
    except ImportError as exc:  # the command line still answers without Qt
        rows.append(("Qt", f"not available ({exc})"))
        return rows + [("Program folder", str(program_folder()))]
    if not QCoreApplication.applicationName() or QCoreApplication.instance() is None:
        # Without a running window the names that place the settings must be set here.
        QCoreApplication.setOrganizationName(paths.ORGANISATION)
        QCoreApplication.setApplicationName(paths.APPLICATION)
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    rows += [
        ("Qt", f"{qVersion()} (PySide6 {pyside_version})"),
        ("System", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Program folder", f"{program_folder()}{frozen}"),
        ("Settings", paths.settings().fileName()),
        ("Recovery files", str(paths.recovery_dir())),
        ("Demo working copy", str(paths.demo_copy_dir())),
    ]
    return rows


def version_text(prog: str) -> str:
    """The ``--version`` answer: the program and version, then one fact a line."""
    rows = facts()
    width = max(len(label) for label, _ in rows[1:])
    lines = [f"{prog} {__version__}"]
    lines += [f"{label + ':':<{width + 1}} {value}" for label, value in rows[1:]]
    return "\n".join(lines) + "\n"


def print_version(prog: str) -> None:
    """Print the ``--version`` answer; a windowed program with no console shows it instead."""
    text = version_text(prog)
    if sys.stdout is not None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    # A windowed program on Windows has no standard output at all.
    from PySide6.QtWidgets import QApplication

    from . import dialogs

    app = QApplication.instance() or QApplication([prog])  # noqa: F841 - must exist
    dialogs.show_info(None, PRODUCT, text)
