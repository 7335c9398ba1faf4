"""``bulletin-editor --self-test FOLDER``: check that this copy of the app works, end to end.

Made for the frozen app (``packaging/smoke.sh`` runs it on Linux, Windows and macOS), and
useful to anyone checking an installation: it opens a copy of the demo in the real window,
waits for the preview (drawn by the export helper process and shown by QtPdf), opens the user
guide and reads the licences from the app's own files, exports every format the build has
through the export dialog (each in the helper process), then closes the window as a user
would. Everything goes into FOLDER (the demo copy, settings, recovery
files and the exports), so the user's own settings and documents are never touched. What
happened is written to FOLDER/self-test.log, line by line; the exit code is 0 if all went
well, 1 if not.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.core import background, formats
from desktop_app.core.storage import copy_demo

from . import paths

TIMEOUT = 240.0  # seconds for the whole run: a cold frozen start on a slow CI runner


class SelfTest:
    """Drives the window through the steps, one timer tick at a time (never blocking)."""

    def __init__(self, app: QApplication, folder: Path) -> None:
        self.app = app
        self.folder = folder
        self.log_path = folder / "self-test.log"
        self.failed = False
        self.started = time.monotonic()
        self.steps: list[Callable[[], bool]] = [self.wait_shown, self.wait_preview,
                                                self.picture, self.check_help,
                                                self.start_export, self.wait_export,
                                                self.close]
        self.picture_at: float | None = None
        self.window = None
        self.dialog = None

    def say(self, line: str) -> None:
        stamp = f"{time.monotonic() - self.started:7.2f}s  {line}"
        with self.log_path.open("a", encoding="utf-8") as log:
            log.write(stamp + "\n")
        if sys.stdout is not None:
            print(stamp, flush=True)

    def fail(self, why: str) -> None:
        self.failed = True
        self.say(f"FAILED: {why}")
        if self.window is not None:
            self.window.doc.undo_stack.setClean()
            self.window.close()
        self.app.exit(1)

    def isolate(self) -> None:
        """Point settings, recovery files and documents into the test folder."""
        settings_file = str(self.folder / "settings.ini")
        paths.settings = lambda: QSettings(settings_file, QSettings.Format.IniFormat)
        paths.data_dir = lambda: self.folder / "data"
        paths.documents_dir = lambda: self.folder / "documents"

    def run(self) -> int:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.log_path.write_text("", encoding="utf-8")
        self.isolate()
        self.say(f"SOC Bulletin Editor {__version__} self-test, frozen="
                 f"{bool(getattr(sys, 'frozen', False))}")
        from .mainwindow import MainWindow

        demo = self.folder / "demo-edition"
        if not demo.exists():
            copy_demo(demo)
        self.window = MainWindow()
        self.window.resize(1280, 800)
        self.window.show()
        background.start_helper()
        if not self.window.open_folder(demo):
            self.say("FAILED: the demo copy did not open")
            return 1
        self.say(f"opened {demo}")
        timer = QTimer()
        timer.timeout.connect(self.tick)
        timer.start(50)
        code = self.app.exec()
        timer.stop()
        background.shutdown()
        if code == 0 and not self.failed:
            self.say("PASSED")
        return 0 if code == 0 and not self.failed else 1

    def tick(self) -> None:
        if self.failed or not self.steps:
            return
        if time.monotonic() - self.started > TIMEOUT:
            step = self.steps[0].__name__
            self.fail(f"timed out after {TIMEOUT:.0f} s at step {step}")
            return
        try:
            done = self.steps[0]()
        except Exception as exc:  # noqa: BLE001 - a self-test reports, never crashes
            self.fail(f"{type(exc).__name__}: {exc}")
            return
        if done:
            self.steps.pop(0)

    # ---- the steps: each returns True when done --------------------------------------------

    def wait_shown(self) -> bool:
        window = self.window
        if not (window.isVisible() and window.windowHandle() is not None
                and window.windowHandle().isExposed()):
            return False
        self.say(f"window shown: {window.windowTitle()!r}, {window.width()}x{window.height()}")
        return True

    def wait_preview(self) -> bool:
        preview = self.window.preview
        pages = preview.page_count()
        if pages == 0 or preview.busy:
            return False
        self.say(f"preview drawn by the helper process: {pages} pages")
        return True

    def picture(self) -> bool:
        # The preview draws its pages in the background: give them a moment to appear.
        if self.picture_at is None:
            self.picture_at = time.monotonic() + 1.5
        if time.monotonic() < self.picture_at:
            return False
        picture = self.folder / "window.png"
        if self.window.grab().save(str(picture)):
            self.say(f"window pictured in {picture.name}")
        return True

    def check_help(self) -> bool:
        """Help: the user guide opens from the app's own files, the licences are there."""
        from desktop_app import notices

        from .help_menu import show_user_guide

        guide = show_user_guide(self.window)
        text = guide.browser.toPlainText()
        guide.close()
        if "Start a new issue" not in text:
            self.fail(f"the user guide did not open: {text[:120]!r}")
            return False
        documents = dict(notices.licence_documents())
        third_party = documents.get("Third-party notices", lambda: "")()
        if "reportlab" not in third_party or "SOC Bulletin Editor: MIT licence" not in documents:
            self.fail(f"the licences are incomplete: {sorted(documents)}")
            return False
        self.say(f"user guide shown ({len(text.split())} words); {len(documents)} licence "
                 "documents")
        return True

    def start_export(self) -> bool:
        self.dialog = self.window.open_export_dialog()
        for name, box in self.dialog.choices.items():
            box.setChecked(box.isEnabled())
            if not box.isEnabled():
                self.say(f"format {name} is not available in this build")
        self.dialog.folder.setText(str(self.folder / "exports"))
        wanted = [name for name, box in self.dialog.choices.items() if box.isChecked()]
        self.say(f"exporting in the helper process: {', '.join(wanted)}")
        self.dialog.export_button.click()
        return True

    def wait_export(self) -> bool:
        dialog = self.dialog
        if dialog.running:
            return False
        if not dialog.reports:
            modal = QApplication.activeModalWidget()
            message = dialog.message.text()
            if modal is not None and modal is not dialog:
                message += " " + getattr(modal, "text", lambda: "")()
                modal.close()
            self.fail(f"export: {message.strip()}")
            return False
        expected = {fmt.name for fmt in formats.available()}
        made = {report.format for report in dialog.reports}
        if made != expected:
            self.fail(f"export made {sorted(made)}, expected {sorted(expected)}")
            return False
        for report in dialog.reports:
            path = Path(report.path)
            size = (sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
                    if path.is_dir() else path.stat().st_size if path.exists() else 0)
            if size == 0:
                self.fail(f"export {report.format}: {path} is empty or missing")
                return False
            self.say(f"exported {report.format}: {path.name} ({size} bytes)")
            for warning in report.warnings:
                self.say(f"  warning: {warning}")
        return True

    def close(self) -> bool:
        self.dialog.close()
        self.window.close()
        if self.window.isVisible():
            self.fail("the window did not close")
            return False
        self.say("window closed")
        QTimer.singleShot(0, lambda: self.app.exit(0))
        return True


def run_self_test(app: QApplication, folder: Path) -> int:
    """Run the self-test in ``folder``; 0 if every step passed."""
    return SelfTest(app, folder.resolve()).run()
