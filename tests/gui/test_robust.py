"""The window under hostile files and crashes: recovery that knows the file moved on, a
broken issue at start, and text from files always shown as plain text."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop_app.cli import run
from desktop_app.core.locking import LOCK_FILE
from desktop_app.core.recovery import find_recovery
from desktop_app.core.storage import ISSUE_FILE, load_issue
from desktop_app.gui import dialogs, paths

# The real dialog functions, before the fixtures answer them.
REAL = {name: getattr(dialogs, name) for name in dir(dialogs) if name.startswith(("ask_",
                                                                                 "show_"))}
HTML = '<b>bold</b> <img src="/etc/hosts"> <a href="https://x.example">link</a> ' \
       '<font color="red">red</font>'


def crash(window) -> Path:
    """Autosave the window's edits and leave as a killed editor would (lock and file left)."""
    written = window.recovery.autosave()
    assert written is not None
    state = written.read_bytes()
    lock = json.loads((window.doc.folder / LOCK_FILE).read_text())
    lock["pid"] = 999_999_999  # no such process: a crashed editor's lock
    (window.doc.folder / LOCK_FILE).write_text(json.dumps(lock))
    window.doc.lock = None
    window.recovery.timer.stop()
    window.doc.undo_stack.setClean()
    written.write_bytes(state)
    return written


def edit_title(window, article_id: str, title: str) -> None:
    window.select_article(article_id)
    window.editor.title.setText(title)
    window.editor.title.textEdited.emit(title)


# ---- recovery that knows the file moved on -----------------------------------------------


@pytest.fixture
def crashed_then_imported(make_window, demo_copy, tmp_path, capsys):
    first = make_window(demo_copy)
    edit_title(first, "peer-review-team", "My unsaved title")
    written = crash(first)
    md = tmp_path / "late.md"
    md.write_text("## Imported after the crash\n\nFrom the command line.\n")
    assert run(["import-markdown", str(md), "--into", str(demo_copy)]) == 0
    capsys.readouterr()
    return written


def test_restore_never_overwrites_what_changed_after_the_autosave(make_window, demo_copy,
                                                                  isolated,
                                                                  crashed_then_imported):
    isolated.values["ask_restore_changed"] = dialogs.OPEN_SAVED
    second = make_window(demo_copy)
    assert not isolated.messages("ask_restore"), "the plain restore question was not asked"
    [asked] = isolated.messages("ask_restore_changed")
    assert asked  # it names when the edits were kept and when the file changed
    titles = [a.title for a in second.doc.issue.all_articles()]
    assert "Imported after the crash" in titles and "My unsaved title" not in titles
    assert not second.isWindowModified()
    assert not crashed_then_imported.exists()  # the user chose the saved file


def test_compare_then_restore_as_a_copy_beside_the_issue(make_window, demo_copy, isolated,
                                                         crashed_then_imported):
    answers = iter([dialogs.COMPARE, dialogs.RESTORE_COPY])
    isolated.values["ask_restore_changed"] = lambda *_args: next(answers)
    second = make_window(demo_copy)
    report = isolated.messages("show_report")[0]
    assert "Only in the saved file: 'Imported after the crash'" in report
    assert "Changed: 'My unsaved title': title differs" in report
    [copy] = [p for p in demo_copy.parent.iterdir() if "(restored" in p.name]
    restored = load_issue(copy).issue
    assert restored.article("peer-review-team").title == "My unsaved title"
    assert (copy / "images" / "county-lines-workshop.png").is_file()
    assert str(copy) in isolated.messages("show_info")[0]
    saved = load_issue(demo_copy).issue  # untouched: the import is still there
    assert any(a.title == "Imported after the crash" for a in saved.all_articles())
    assert second.doc.folder == demo_copy.resolve() and not second.isWindowModified()
    assert find_recovery(paths.recovery_dir(), demo_copy) is None


def test_cancel_keeps_the_kept_edits_for_next_time(make_window, demo_copy, isolated,
                                                   crashed_then_imported):
    isolated.values["ask_restore_changed"] = dialogs.CANCEL
    make_window(demo_copy)
    assert crashed_then_imported.exists()


def test_an_unchanged_file_still_gets_the_plain_restore(make_window, demo_copy, isolated):
    first = make_window(demo_copy)
    edit_title(first, "peer-review-team", "Kept")
    crash(first)
    isolated.values["ask_restore"] = True
    second = make_window(demo_copy)
    assert isolated.messages("ask_restore") and not isolated.messages("ask_restore_changed")
    assert second.doc.issue.article("peer-review-team").title == "Kept"


# ---- a broken issue at start ---------------------------------------------------------------


@pytest.mark.parametrize("body", ["schema_version: 1\npublished: !!bool maybe\n",
                                  "schema_version: 1\nstrapline: *a\n"])
def test_a_broken_last_issue_offers_another_at_start(make_window, tmp_path, isolated, body):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / ISSUE_FILE).write_text(body)
    paths.settings().setValue("last_issue", str(broken))
    other = tmp_path / "other"
    assert run(["new", str(other)]) == 0
    isolated.values["ask_open_another"] = True
    isolated.values["ask_open_folder"] = str(other)
    window = make_window()
    window.start()
    [message] = isolated.messages("ask_open_another")
    assert f"{broken / ISSUE_FILE}:2:" in message
    assert window.doc.folder == other.resolve()


def test_a_broken_named_issue_at_start_can_be_declined(make_window, tmp_path, isolated):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / ISSUE_FILE).write_text("schema_version: 1\npublished: 2026-02-30\nedition: x\n")
    window = make_window()
    window.start(broken)
    assert isolated.messages("ask_open_another")
    assert window.doc.folder is None  # still running, nothing open


# ---- plain text ----------------------------------------------------------------------------


def _assert_plain(label: QLabel) -> None:
    assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_the_read_only_banner_shows_the_lock_holder_as_typed(make_window, demo_copy):
    info = {"user": HTML, "host": socket.gethostname(), "pid": os.getppid(),
            "since": "2026-03-01T09:30:00"}
    (demo_copy / LOCK_FILE).write_text(json.dumps(info))
    window = make_window(demo_copy)
    assert window.doc.read_only
    _assert_plain(window.banner)
    assert HTML in window.banner.text()


def test_the_notes_banner_shows_unknown_keys_as_typed(make_window, demo_copy):
    path = demo_copy / ISSUE_FILE
    path.write_text(path.read_text(encoding="utf-8") + "'<b>odd</b>': kept\n", encoding="utf-8")
    window = make_window(demo_copy)
    _assert_plain(window.banner)
    assert "<b>odd</b>" in window.banner.text()


def test_labels_showing_issue_text_are_plain(make_window, demo_copy):
    path = demo_copy / ISSUE_FILE
    text = path.read_text(encoding="utf-8")
    text = text.replace("published: Autumn 2026", f"published: '{HTML}'")
    path.write_text(text, encoding="utf-8")
    window = make_window(demo_copy)
    article = window.doc.issue.all_articles()[0]
    article.title = HTML
    window.select_article(article.id)
    window.editor.show_article(article.id)
    for label in (window.editor.heading, window.settings_pane.edition_words,
                  window.problems.summary, window.preview.status):
        _assert_plain(label)
    assert HTML in window.editor.heading.text()
    assert "<b>bold</b>" in window.settings_pane.edition_words.text()


def test_problem_tooltips_show_html_as_text(window, qtbot):
    article = window.doc.issue.all_articles()[0]
    article.title, article.contacts = HTML, []  # a problem that names the article
    window.problems.show_problems([], None)
    window.problems.refresh()
    qtbot.waitUntil(lambda: bool(window.problems.problems), timeout=30_000)
    view = window.problems.tree
    # Problems are grouped under their article: read every row, groups and their children.
    rows = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
    rows += [row.child(k) for row in list(rows) for k in range(row.childCount())]
    tips = [row.toolTip(1) for row in rows]
    mine = [t for t in tips if "&lt;img" in t]
    assert mine and not any("<img" in t for t in tips)


@pytest.fixture
def shown_boxes(monkeypatch):
    """Run the real message boxes, recording each instead of waiting for a click."""
    shown: list[QMessageBox] = []

    def fake_exec(box):
        shown.append(box)
        return int(QMessageBox.StandardButton.Cancel)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    from PySide6.QtWidgets import QDialog

    monkeypatch.setattr(QDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    return shown


@pytest.mark.parametrize("call", [
    lambda: REAL["show_error"](None, "Title", HTML),
    lambda: REAL["show_info"](None, "Title", HTML),
    lambda: REAL["ask_unsaved"](None, HTML),
    lambda: REAL["ask_changed_on_disk"](None, HTML),
    lambda: REAL["ask_save_failed"](None, HTML),
    lambda: REAL["ask_open_another"](None, HTML),
    lambda: REAL["ask_use_demo"](None, HTML),
    lambda: REAL["ask_confirm"](None, "Title", HTML),
    lambda: REAL["ask_restore_changed"](None, HTML, HTML),
    lambda: REAL["show_report"](None, "Title", HTML, [HTML]),
], ids=["show_error", "show_info", "ask_unsaved", "ask_changed_on_disk", "ask_save_failed",
        "ask_open_another", "ask_use_demo", "ask_confirm", "ask_restore_changed",
        "show_report"])
def test_every_message_shows_html_as_text(qapp, shown_boxes, call):
    call()
    [box] = shown_boxes
    labels = [lb for lb in box.findChildren(QLabel) if "<b>bold</b>" in lb.text()]
    assert labels, "the text reached a label"
    for label in labels:
        _assert_plain(label)
    box.deleteLater()


def test_the_restore_question_shows_html_as_text(qapp, shown_boxes):
    from desktop_app.core.recovery import Recovery
    from desktop_app.gui import recovery

    importlib = __import__("importlib")
    real = importlib.reload(recovery).ask_restore  # the fixture answers the loaded one
    real(None, Recovery(Path("x"), Path("y"), HTML))
    [box] = shown_boxes
    labels = [lb for lb in box.findChildren(QLabel) if "<b>bold</b>" in lb.text()]
    assert labels and all(lb.textFormat() == Qt.TextFormat.PlainText for lb in labels)


def test_export_and_directory_dialogs_show_file_text_as_typed(window, tmp_path):
    from desktop_app.gui.directory_dialog import DirectoryDialog

    dialog = window.open_export_dialog()
    _assert_plain(dialog.message)
    folder = tmp_path / HTML.replace("/", "_")[:40]
    folder.mkdir()
    directory = DirectoryDialog(folder / "contacts.yaml", [], window)
    labels = [lb for lb in directory.findChildren(QLabel) if "<b>bold" in lb.text()]
    assert labels and all(lb.textFormat() == Qt.TextFormat.PlainText for lb in labels)
    dialog.close()
    directory.close()
