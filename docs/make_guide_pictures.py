"""Take the user guide's pictures: the real window, driven through one quarter's work.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_guide_pictures.py

Writes the PNGs into ``docs/user-guide/``, beside ``user-guide.md``. Settings, documents and
recovery files go to a temporary folder, so nothing of the user's is touched. The
contributor's reply and the reviewer's comments are made with the test suite's helpers
(``tests/docmakers.py``, ``tests/reviewing.py``), as a contributor and a reviewer would make
them in Word. The submission form is drawn by LibreOffice and pdftoppm, as a contributor
would see it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt, QThreadPool, QTimer  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop_app.core.importers import write_form  # noqa: E402
from desktop_app.core.model import new_issue  # noqa: E402
from desktop_app.core.storage import copy_demo, save_issue  # noqa: E402
from desktop_app.gui import dialogs, paths  # noqa: E402
from desktop_app.gui.app import make_app  # noqa: E402

OUT = ROOT / "docs" / "user-guide"
SIZE = (1280, 800)


def settle(app: QApplication, seconds: float = 0.4, until: Callable[[], bool] | None = None,
           timeout: float = 60.0) -> None:
    """Let the window finish its work: events, worker threads, the preview's helper."""
    deadline = time.monotonic() + timeout
    while until is not None and not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def save(widget: QWidget, name: str) -> None:
    """The widget as it is drawn, written into the guide's folder."""
    picture = widget.grab()
    path = OUT / name
    picture.save(str(path), "PNG")
    print(f"wrote {path.relative_to(ROOT)} ({picture.width()}x{picture.height()})")


def side_by_side(images: list[Path], name: str, gap: int = 16) -> None:
    """Pages next to each other on the window's background grey."""
    loaded = [QImage(str(p)) for p in images]
    width = sum(i.width() for i in loaded) + gap * (len(loaded) + 1)
    height = max(i.height() for i in loaded) + 2 * gap
    canvas = QImage(width, height, QImage.Format.Format_RGB32)
    canvas.fill(0xD9DCE3)
    painter = QPainter(canvas)
    x = gap
    for image in loaded:
        painter.drawImage(x, gap, image)
        x += image.width() + gap
    painter.end()
    canvas.save(str(OUT / name), "PNG")
    print(f"wrote {(OUT / name).relative_to(ROOT)}")


def grab_next_dialog(app: QApplication, name: str, prepare: Callable[[QWidget], None] = None):
    """Picture the next modal dialog as soon as it is up, then close it."""

    def look() -> None:
        dialog = app.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(100, look)
            return
        if prepare is not None:
            prepare(dialog)
        settle(app, 0.3)
        save(dialog, name)
        dialog.close()

    QTimer.singleShot(300, look)


def pdf_pages(pdf: Path, first: int, last: int, dpi: int, stem: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(first), "-l", str(last),
                    str(pdf), str(stem)], check=True)
    return sorted(stem.parent.glob(stem.name + "*.png"))


def main() -> int:  # noqa: PLR0915 - one walk through the quarter, step by step
    app = make_app()
    home = Path(tempfile.mkdtemp(prefix="editor-"))
    paths.documents_dir = lambda: home / "Documents"  # type: ignore[assignment]
    paths.data_dir = lambda: home / "data"  # type: ignore[assignment]
    settings_file = str(home / "settings.ini")
    paths.settings = lambda: QSettings(settings_file, QSettings.Format.IniFormat)  # type: ignore[assignment]
    issues = home / "Documents" / "SOC Bulletin"
    issues.mkdir(parents=True)
    from desktop_app.gui.mainwindow import MainWindow

    window = MainWindow()
    window.resize(*SIZE)
    window.show()

    # 1. A new issue: the tenth edition, its settings filled in.
    winter = issues / "winter-2026"
    winter.mkdir()
    save_issue(new_issue(edition=10, published="Winter 2026"), winter)
    window.open_folder(winter)
    window.tabs.setCurrentWidget(window.settings_pane)
    preview = window.preview
    settle(app, 2.5, until=lambda: preview.page_count() > 0 and not preview.busy)
    save(window, "new-issue.png")

    # 2. The contributors' form, as LibreOffice draws it.
    form = home / "submission-form.docx"
    write_form(form)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(home),
                    str(form)], check=True, capture_output=True, timeout=180)
    page = pdf_pages(home / "submission-form.pdf", 1, 1, 60, home / "form")[0]
    shutil.copyfile(page, OUT / "form.png")
    print("wrote docs/user-guide/form.png")

    # 3. A filled form comes back and is imported into the pool.
    from tests.docmakers import FORM_ANSWERS, fill_form, png_bytes

    answers = dict(FORM_ANSWERS, **{"Picture 1": png_bytes(480, 300, "#2f6f8f")})
    reply = fill_form(home / "brackenridge-landlords.docx", answers)
    real_report = dialogs.show_report
    grab_next_dialog(app, "import-report.png", lambda d: d.resize(720, 300))
    window.import_files([str(reply)])
    dialogs.show_report = real_report
    settle(app, 0.5)

    # 4. Arranging: the demo edition, an article open, the preview beside it.
    demo = issues / "demo-edition"
    copy_demo(demo)
    window.doc.undo_stack.setClean()
    window.open_folder(demo)
    window.tabs.setCurrentWidget(window.editor)
    window.select_article("operation-harbour")
    settle(app, 2.5, until=lambda: preview.page_count() > 0 and not preview.busy)
    window.statusBar().clearMessage()
    save(window, "arrange.png")

    # 5. Checking: problems and proofing findings together, under their articles: a picture
    # without alt text, a contact's email that is not one, a US spelling and "e.g." typed in.
    article = window.doc.issue.article("regional-roadshows")
    if article.images:
        article.images[0].alt = ""
    harbour = window.doc.issue.article("operation-harbour")
    if harbour.contacts:
        harbour.contacts[0].email = "det.supt.whitmore"
    assert "teachers" in harbour.body
    harbour.body = harbour.body.replace("teachers", "teachers (e.g. from the community center)",
                                        1)
    window.problems.refresh()
    problems = window.problems

    def findings_shown() -> bool:
        text = " ".join(item.text(1) for item in problems.items())
        return "center" in text and "alt text" in text

    settle(app, 1.0, until=findings_shown, timeout=90)
    QThreadPool.globalInstance().waitForDone(30_000)
    window.problems_dock.raise_()
    window.resizeDocks([window.problems_dock], [260], Qt.Orientation.Vertical)
    for item in problems.items():
        if "center" in item.text(1):
            problems.tree.setCurrentItem(item)
            break
    settle(app, 1.0)
    save(window.problems_dock, "check.png")
    window.doc.undo_stack.setClean()
    window.open_folder(demo)  # back to the demo as it was

    # 6. Export for review: the dialog after making the Word file (and the PDF).
    dialog = window.open_export_dialog()
    for name, box in dialog.choices.items():
        box.setChecked(name in ("pdf", "docx"))
    exports = Path(dialog.folder.text())  # the issue's own exports folder, as offered
    dialog.export_button.click()
    settle(app, 0.5, until=lambda: not dialog.running and bool(dialog.reports))
    save(dialog, "export-review.png")
    dialog.close()

    # 7. The comments come back and are read into the Review pane.
    from tests.reviewing import Remark, add_remarks

    word = next(exports.glob("*.docx"))
    reviewed = add_remarks(word, home / "reviewed.docx", [
        Remark(on="Brightwater Trust", text="Can we say more about what the Trust does?"),
        Remark(on="practitioners gathered", text="Check this figure with the force analyst."),
        Remark(on="The Minister for Security", text="Announced on 2 October: say so."),
    ])
    real_info = dialogs.show_info
    dialogs.show_info = lambda *_args, **_kwargs: None  # type: ignore[assignment]
    window.review_dock.show()
    window.review_dock.raise_()
    window.review.import_from(reviewed)
    dialogs.show_info = real_info
    items = window.review.note_items()
    if items:
        items[0].setCheckState(0, Qt.CheckState.Checked)
    window.resizeDocks([window.review_dock], [190], Qt.Orientation.Vertical)
    settle(app, 0.5)
    save(window.review_dock, "review.png")

    # 8. Print and email: every format ticked, then the PDF's first two pages.
    dialog = window.open_export_dialog()
    for box in dialog.choices.values():
        box.setChecked(box.isEnabled())
    final = Path(dialog.folder.text())
    dialog.export_button.click()
    settle(app, 0.5, until=lambda: not dialog.running and bool(dialog.reports), timeout=120)
    save(dialog, "export-final.png")
    dialog.close()
    pdf = next(final.glob("*.pdf"))
    side_by_side(pdf_pages(pdf, 1, 2, 45, home / "page"), "pdf-pages.png")

    window.doc.undo_stack.setClean()
    window.close()
    QThreadPool.globalInstance().waitForDone(30_000)
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
