"""Grab the editor window on a working copy of the demo to ``docs/editor-window.png``.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/grab_editor_window.py``. Settings,
documents and recovery files go to a temporary folder, so nothing of the user's is touched.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app.resources import demo_dir  # noqa: E402
from PySide6.QtCore import QPointF, QSettings  # noqa: E402

from desktop_app.gui import paths  # noqa: E402
from desktop_app.gui.app import make_app  # noqa: E402

OUT = Path(__file__).resolve().parent / "editor-window.png"


def main() -> int:
    app = make_app()
    home = Path(tempfile.mkdtemp(prefix="bulletin-grab-"))
    paths.documents_dir = lambda: home / "Documents"  # type: ignore[assignment]
    paths.data_dir = lambda: home / "data"  # type: ignore[assignment]
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home))
    folder = home / "Documents" / "SOC Bulletin" / "autumn-2026"
    shutil.copytree(demo_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    from desktop_app.gui.mainwindow import MainWindow

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    window.open_folder(folder)
    window.select_article("operation-harbour")
    window.editor.tabs.setCurrentWidget(window.editor.quotes)
    deadline = time.monotonic() + 30
    preview = window.preview
    while (preview.pdf.pageCount() == 0 or preview.busy or preview.timer.isActive()) \
            and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    navigator = window.preview.view.pageNavigator()
    navigator.jump(5, QPointF(), navigator.currentZoom())
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    window.grab().save(str(OUT))
    print(f"wrote {OUT}")
    window.doc.undo_stack.setClean()
    window.close()
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
