"""Grab the editor window on a working copy of the demo to ``docs/editor-window.png``.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/grab_editor_window.py`` (or under
``xvfb-run``). Settings, documents and recovery files go to a temporary folder, so nothing of
the user's is touched. Options: ``--size 1280x680`` (the window's size; by default 1400×900
cut down to the screen), ``--article ID``, ``--section ID``, ``--out FILE``, ``--screen`` (grab
the whole screen instead of the window, to see it as a user would under Xvfb).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, QSettings  # noqa: E402

from desktop_app.gui import paths  # noqa: E402
from desktop_app.gui.app import make_app  # noqa: E402
from desktop_app.resources import demo_dir  # noqa: E402

OUT = Path(__file__).resolve().parent / "editor-window.png"


def settle(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="")
    parser.add_argument("--article", default="operation-harbour")
    parser.add_argument("--section", default="")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--screen", action="store_true")
    parser.add_argument("--find", default="", help="open Find and replace with these words")
    parser.add_argument("--menu", action="store_true",
                        help="open the structure's context menu from the keyboard")
    args = parser.parse_args(argv)
    app = make_app()
    home = Path(tempfile.mkdtemp(prefix="bulletin-grab-"))
    paths.documents_dir = lambda: home / "Documents"  # type: ignore[assignment]
    paths.data_dir = lambda: home / "data"  # type: ignore[assignment]
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home))
    folder = home / "Documents" / "SOC Bulletin" / "autumn-2026"
    shutil.copytree(demo_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    from desktop_app.gui.mainwindow import MainWindow

    window = MainWindow()
    if args.size:
        width, height = (int(n) for n in args.size.split("x"))
        window.place_on_screen(QRect(0, 0, width, height))
    else:
        window.place_on_screen()
    window.show()
    window.open_folder(folder)
    if args.section:
        window.select_section(args.section)
    else:
        window.select_article(args.article)
        window.editor.tabs.setCurrentIndex(0)
    deadline = time.monotonic() + 30
    preview = window.preview
    while (preview.page_count() == 0 or preview.busy or preview.timer.isActive()) \
            and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    if args.section:
        window.select_section(args.section)
    else:
        window.select_article(args.article)
    settle(app, 1.0)
    if args.find:
        dialog = window.open_find()
        dialog.find_box.setText(args.find)
        dialog.replace_box.setText(args.find.upper())
        dialog.find()
        dialog.move(window.x() + 180, window.y() + 120)
        dialog.results.setCurrentIndex(dialog.model.index(2, 0))
        settle(app, 0.5)
    if args.menu:
        window.tree.setFocus()
        window.structure.menus.open_at(window.structure.menus.keyboard_point())
        settle(app, 0.5)
    if args.screen:
        image = window.screen().grabWindow(0)
    else:
        image = window.grab()
    image.save(str(args.out))
    print(f"wrote {args.out} ({image.width()}x{image.height()})")
    window.doc.undo_stack.setClean()
    window.close()
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
