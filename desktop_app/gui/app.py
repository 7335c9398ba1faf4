"""``bulletin-editor [DIR] [--demo]``: start the editor window.

With a folder, opens that issue. With ``--demo``, opens a working copy of the demo edition in
the user's documents (the packaged demo is never edited). With neither, opens the last issue,
or offers the demo copy.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.cli import VersionAction
from desktop_app.core.storage import ISSUE_FILE
from desktop_app.resources import icon_files

from . import paths


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bulletin-editor",
                                     description="The SOC Local Partnerships Bulletin editor.")
    parser.add_argument("folder", nargs="?", type=Path,
                        help="an issue folder to open, or a Word or Markdown file to import "
                             "into the last issue (what the desktop's \"Open with\" passes)")
    parser.add_argument("--demo", action="store_true",
                        help="open a working copy of the demo edition in your documents folder")
    parser.add_argument("--self-test", type=Path, metavar="FOLDER",
                        help="check this installation: open a demo copy in FOLDER, export "
                             "every format, quit (log in FOLDER/self-test.log)")
    parser.add_argument("--version", action=VersionAction)
    return parser.parse_args(list(argv))


def split_target(target: Path | None) -> tuple[Path | None, Path | None]:
    """(issue folder to open, file to import) for what the command line or desktop named.

    A contributor's Word or Markdown file opened with the editor goes into the last issue's
    pool; an ``issue.yaml`` opens its folder.
    """
    if target is None or not target.is_file():
        return target, None
    from .importing import importable

    if importable(target):
        return None, target
    if target.name == ISSUE_FILE:
        return target.parent, None
    return target, None


def app_icon() -> QIcon:
    """The app's icon, every drawn size (Qt picks the nearest for a title bar or task bar)."""
    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    return icon


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
    app.setWindowIcon(app_icon())
    QGuiApplication.setDesktopFileName("uk.gov.homeoffice.SocBulletin")  # Wayland: our icon
    # No style or palette is forced: Qt follows the desktop's light or dark scheme, and every
    # colour in the window comes from palette roles so it follows along.
    return app


def main(argv: Sequence[str] | None = None) -> int:
    # A frozen app's export helper process re-runs this program: let it become the helper.
    multiprocessing.freeze_support()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_app()
    if args.self_test is not None:
        from .selftest import run_self_test

        return run_self_test(app, args.self_test)
    from .mainwindow import MainWindow

    window = MainWindow()
    window.place_on_screen()  # within the screen's free area; last time's size and panes
    window.show()
    from desktop_app.core import background

    background.start_helper()  # warm the export process while the issue loads
    folder, to_import = split_target(args.folder)
    window.start(folder, demo=args.demo)
    if to_import is not None and window.doc.folder is not None:
        window.import_files([str(to_import)])
    try:
        return app.exec()
    finally:
        background.shutdown()


if __name__ == "__main__":
    sys.exit(main())
