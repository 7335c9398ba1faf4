"""Fixtures for the editor window's tests: settings, documents and recovery folders in
tmp_path, and every dialog answered so nothing ever blocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from desktop_app.gui import dialogs, paths


class Answers:
    """What each dialog answers, and what each one was asked (title, message)."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []
        self.values: dict[str, object] = {}

    def messages(self, name: str) -> list[str]:
        return [m for n, m in self.asked if n == name]


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Point settings, documents and recovery files at tmp_path; answer every dialog.

    Every question the window asks goes through ``desktop_app.gui.dialogs`` (a test in
    test_keyboard checks no module calls a message box or file dialog itself), so replacing
    those functions is enough: Qt itself is never patched.
    """
    home = tmp_path / "app-home"
    monkeypatch.setattr(paths, "documents_dir", lambda: home / "Documents")
    monkeypatch.setattr(paths, "data_dir", lambda: home / "data")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(home / "settings"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(home / "settings"))
    answers = Answers()

    def answer(name: str, default: object):
        def ask(_parent, *args, **_kwargs):
            answers.asked.append((name, " ".join(str(a) for a in args)))
            value = answers.values.get(name, default)
            return value(*args) if callable(value) else value
        return ask

    for name, default in (
        ("show_error", None), ("show_info", None), ("ask_unsaved", dialogs.DISCARD),
        ("ask_changed_on_disk", dialogs.CANCEL), ("ask_save_failed", False),
        ("ask_open_folder", None), ("ask_save_as_folder", None), ("ask_use_demo", False),
        ("ask_confirm", True), ("ask_text", None), ("ask_item", None),
        ("ask_import_files", []), ("show_report", None), ("ask_open_another", False),
        ("ask_restore_changed", dialogs.CANCEL), ("ask_link", None),
        ("ask_picture_file", None), ("ask_alt_text", None), ("ask_reviewed_file", None),
        ("ask_export_folder", None), ("ask_form_file", None),
    ):
        monkeypatch.setattr(dialogs, name, answer(name, default))
    from desktop_app.gui import recovery

    monkeypatch.setattr(recovery, "ask_restore", answer("ask_restore", False))
    yield answers
    QThreadPool.globalInstance().waitForDone(30_000)


@pytest.fixture
def make_window(qtbot):
    """Build editor windows; each is closed without questions at the end."""
    from desktop_app.gui.mainwindow import MainWindow

    made = []

    def make(folder: Path | None = None, size=(1400, 900)):
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        if folder is not None:
            assert window.open_folder(folder)
        made.append(window)
        return window

    yield make
    QThreadPool.globalInstance().waitForDone(30_000)
    for window in made:
        window.doc.undo_stack.setClean()
        window.close()


@pytest.fixture
def window(make_window, demo_copy: Path):
    """The editor on a working copy of the demo."""
    return make_window(demo_copy)
