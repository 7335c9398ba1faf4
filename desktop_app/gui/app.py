"""``bulletin-editor [DIR] [--demo]``: start the editor window.

With a folder, opens that issue. With ``--demo``, opens a working copy of the demo edition in
the user's documents (the packaged demo is never edited). With neither, opens the last issue,
or offers the demo copy.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app import __version__

from . import paths


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bulletin-editor",
                                     description="The SOC Local Partnerships Bulletin editor.")
    parser.add_argument("folder", nargs="?", type=Path, help="an issue folder to open")
    parser.add_argument("--demo", action="store_true",
                        help="open a working copy of the demo edition in your documents folder")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(list(argv))


def make_app(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication, set up for sharp text on high-DPI screens and the system palette."""
    existing = QApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    # Fractional scaling (150%) is drawn at its true size instead of rounded to 1x or 2x.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(["bulletin-editor", *argv])
    app.setOrganizationName(paths.ORGANISATION)
    app.setApplicationName(paths.APPLICATION)
    app.setApplicationDisplayName("SOC Bulletin Editor")
    app.setApplicationVersion(__version__)
    # No style or palette is forced: Qt follows the desktop's light or dark scheme, and every
    # colour in the window comes from palette roles so it follows along.
    return app


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_app()
    from .mainwindow import MainWindow

    window = MainWindow()
    window.place_on_screen()  # within the screen's free area; last time's size and panes
    window.show()
    from desktop_app.core import background

    background.start_helper()  # warm the export process while the issue loads
    window.start(args.folder, demo=args.demo)
    try:
        return app.exec()
    finally:
        background.shutdown()


if __name__ == "__main__":
    sys.exit(main())
