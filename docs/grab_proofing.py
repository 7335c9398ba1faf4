"""Grab the editor with proofing at work to ``docs/proofing-window.png``: spelling underlined in
the body, the spelling menu, and the Problems pane with its findings and quick fixes.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/grab_proofing.py``. Settings, documents
and recovery files go to a temporary folder, so nothing of the user's is touched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402

from desktop_app.gui import paths  # noqa: E402
from desktop_app.gui.app import make_app  # noqa: E402
from desktop_app.resources import demo_dir  # noqa: E402

OUT = Path(__file__).resolve().parent / "proofing-window.png"
MENU = Path(__file__).resolve().parent / "proofing-menu.png"
TYPED = ("Every event is a full day, free to attend and open to anyone involved in local work on "
         "serious and organised crime. That includes community safety and licencing officers, "
         "youth workers, housing staff and colleagues in buisness! [Click here]"
         "(https://www.example.org/roadshows) to book by December 1st.")


def settle(app, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


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
    window.select_article("regional-roadshows")
    body = window.editor.body.edit
    text = window.doc.issue.article("regional-roadshows").body
    start = text.index("Every event is a full day")
    end = text.index("\n\n", start)
    from desktop_app.gui.commands import SetArticleFieldCommand

    window.doc.push(SetArticleFieldCommand(window.doc, "regional-roadshows", "body",
                                           text[:start] + TYPED + text[end:]))
    window.resizeDocks([window.problems_dock], [300], Qt.Orientation.Vertical)
    deadline = time.monotonic() + 30
    while (window.preview.busy or window.problems.busy or window.problems.timer.isActive()
           or not window.problems.report.findings) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    settle(app, 1.0)
    from desktop_app.gui.problems import FINDING_ROLE

    found = [i for i in window.problems.items() if i.data(0, FINDING_ROLE) is not None]
    item = next((i for i in found if i.data(0, FINDING_ROLE).fix is not None), found[0])
    window.problems.tree.setCurrentItem(item)
    settle(app)
    window.grab().save(str(OUT))
    cursor = body.document().find("buisness")
    body.setTextCursor(cursor)
    body.ensureCursorVisible()
    settle(app)
    point = body.cursorRect(cursor).center()
    menu = window.spelling.menu_for(body, point)
    menu.popup(body.viewport().mapToGlobal(point))
    settle(app)
    menu.grab().save(str(MENU))
    menu.close()
    print(f"wrote {OUT} and {MENU}")
    window.doc.undo_stack.setClean()
    window.close()
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
