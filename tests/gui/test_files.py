"""No work lost: autosave and recovery, locks, changes on disk, failed saves, broken files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app.core.errors import ChangedOnDiskError
from desktop_app.core.locking import LOCK_FILE
from desktop_app.core.recovery import find_recovery
from desktop_app.core.storage import load_issue
from desktop_app.gui import dialogs, paths
from desktop_app.resources import demo_dir


def dead_pid() -> int:
    """The id of a process that has finished, as a crashed editor's would be."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def edit_title(window, article_id: str, title: str) -> None:
    window.select_article(article_id)
    window.editor.title.setText(title)
    window.editor.title.textEdited.emit(title)


def test_autosave_then_recover_after_a_crash(make_window, demo_copy, isolated):
    first = make_window(demo_copy)
    edit_title(first, "peer-review-team", "Recovered title")
    written = first.recovery.autosave()
    assert written is not None and written.is_file()
    assert find_recovery(paths.recovery_dir(), demo_copy) is not None
    # The crash: the process dies, leaving its lock and recovery file behind.
    lock = json.loads((demo_copy / LOCK_FILE).read_text())
    lock["pid"] = dead_pid()
    (demo_copy / LOCK_FILE).write_text(json.dumps(lock))
    first.doc.lock = None
    first.recovery.timer.stop()
    crashed_state = written.read_bytes()
    first.doc.undo_stack.setClean()  # so its teardown asks nothing
    written.write_bytes(crashed_state)  # a crashed process never cleans up


    isolated.values["ask_restore"] = True
    second = make_window(demo_copy)
    assert isolated.messages("ask_restore")
    assert not second.doc.read_only  # the dead process's lock was taken over
    assert second.doc.issue.article("peer-review-team").title == "Recovered title"
    assert second.isWindowModified()
    # Saving the restored work removes the recovery file.
    assert second.save()
    assert not written.exists()
    assert load_issue(demo_copy).issue.article("peer-review-team").title == "Recovered title"


def test_recovery_file_is_written_only_while_there_are_unsaved_edits(window):
    assert window.recovery.autosave() is None
    edit_title(window, "peer-review-team", "Changed")
    path = window.recovery.autosave()
    assert path is not None and b"Changed" in path.read_bytes()
    window.doc.undo_stack.undo()  # back to the saved state: nothing to recover
    assert not path.exists()


def test_declining_the_restore_keeps_the_file_on_disk(make_window, demo_copy, isolated):
    from desktop_app.core.recovery import write_recovery

    saved = load_issue(demo_copy)
    saved.issue.title = "Never saved"
    write_recovery(paths.recovery_dir(), demo_copy, saved.issue)
    isolated.values["ask_restore"] = False
    window = make_window(demo_copy)
    assert window.doc.issue.title != "Never saved"
    assert find_recovery(paths.recovery_dir(), demo_copy) is None


def test_lock_makes_a_second_window_read_only(make_window, demo_copy):
    first = make_window(demo_copy)
    assert (demo_copy / LOCK_FILE).is_file()
    holder = json.loads((demo_copy / LOCK_FILE).read_text())
    second = make_window(demo_copy)
    assert second.doc.read_only
    assert second.banner.isVisible()
    assert "Read-only" in second.banner.text() and holder["user"] in second.banner.text()
    assert holder["host"] in second.banner.text()
    assert not second.act_save.isEnabled()
    assert "read-only" in second.windowTitle()
    # Nothing can be dragged or dropped, and the editor fields are read-only.
    index = second.structure_model.index_of_section("prevent")
    assert not second.structure_model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    second.select_article("peer-review-team")
    assert second.editor.title.isReadOnly()
    assert not first.doc.read_only
    # Closing the first window frees the issue.
    first.close()
    assert not (demo_copy / LOCK_FILE).exists()


def test_file_changed_on_disk_is_never_overwritten(window, demo_copy, isolated, tmp_path):
    edit_title(window, "peer-review-team", "My edit")
    theirs = (demo_copy / "issue.yaml").read_bytes().replace(b"edition: 9", b"edition: 10")
    (demo_copy / "issue.yaml").write_bytes(theirs)
    isolated.values["ask_changed_on_disk"] = dialogs.CANCEL
    assert not window.save()
    assert (demo_copy / "issue.yaml").read_bytes() == theirs
    assert window.isWindowModified()
    assert "changed by another program" in isolated.messages("ask_changed_on_disk")[0]
    # Save As puts the edits somewhere new, pictures included.
    isolated.values["ask_changed_on_disk"] = dialogs.SAVE_AS
    isolated.values["ask_save_as_folder"] = str(tmp_path / "my-copy")
    assert window.save()
    assert (demo_copy / "issue.yaml").read_bytes() == theirs
    copy = load_issue(tmp_path / "my-copy")
    assert copy.issue.article("peer-review-team").title == "My edit"
    assert (tmp_path / "my-copy" / "images" / "county-lines-workshop.png").is_file()
    assert window.doc.folder == (tmp_path / "my-copy").resolve()
    assert not window.isWindowModified()


def test_a_full_disk_on_save_keeps_the_edits_and_offers_save_as(window, demo_copy, isolated,
                                                                monkeypatch):
    import errno

    from desktop_app.gui import document

    before = (demo_copy / "issue.yaml").read_bytes()

    def full_disk(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    # A full disk cannot be made here (and root ignores read-only folders): fail the write.
    monkeypatch.setattr(document, "save_issue", full_disk)
    edit_title(window, "peer-review-team", "Kept in memory")
    isolated.values["ask_save_failed"] = False
    assert not window.save()
    assert "No space left on device" in isolated.messages("ask_save_failed")[0]
    assert window.doc.issue.article("peer-review-team").title == "Kept in memory"
    assert window.isWindowModified()
    assert (demo_copy / "issue.yaml").read_bytes() == before


def test_a_broken_issue_names_file_and_line_and_the_window_carries_on(window, tmp_path,
                                                                      isolated):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "issue.yaml").write_text("schema_version: 1\ntitle: Fine\nsections:\n"
                                       "  - id: a\n    title: [unclosed\n", encoding="utf-8")
    title_before = window.doc.issue.title
    assert not window.open_folder(broken)
    message = isolated.messages("show_error")[0]
    assert str(broken / "issue.yaml") in message
    assert ":5" in message or ":6" in message
    assert window.doc.issue.title == title_before
    assert window.doc.folder != broken
    window.select_article("peer-review-team")  # still usable
    assert window.editor.article_id == "peer-review-team"


def test_close_with_unsaved_work_asks_first(window, isolated):
    edit_title(window, "peer-review-team", "Unsaved")
    isolated.values["ask_unsaved"] = dialogs.CANCEL
    assert not window.close()
    assert window.isVisible()
    isolated.values["ask_unsaved"] = dialogs.SAVE
    assert window.close()
    assert load_issue(window.doc.folder).issue.article("peer-review-team").title == "Unsaved"


def test_last_issue_reopens_and_recent_list(make_window, demo_copy):
    first = make_window(demo_copy)
    assert str(demo_copy.resolve()) in first.recent_issues()
    first.close()
    again = make_window()
    again.start()
    assert again.doc.folder == demo_copy.resolve()


def test_demo_opens_as_a_working_copy_in_documents(make_window, isolated):
    packaged = (demo_dir() / "issue.yaml").read_bytes()
    window = make_window()
    isolated.values["ask_use_demo"] = True
    window.start()  # no folder and no last issue: the demo copy is offered
    target = paths.demo_copy_dir()
    assert window.doc.folder == target.resolve()
    assert (target / "images" / "county-lines-workshop.png").is_file()
    edit_title(window, "peer-review-team", "Edited copy")
    assert window.save()
    assert (demo_dir() / "issue.yaml").read_bytes() == packaged
    assert b"Edited copy" in (target / "issue.yaml").read_bytes()


def test_save_refuses_silently_overwriting_at_the_document_level(window, demo_copy):
    (demo_copy / "issue.yaml").write_bytes((demo_copy / "issue.yaml").read_bytes() + b"\n")
    edit_title(window, "peer-review-team", "x")
    try:
        window.doc.save()
    except ChangedOnDiskError:
        pass
    else:
        raise AssertionError("saved over a file changed on disk")


def test_gui_script_entry_point_is_declared():
    text = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    assert 'bulletin-editor = "desktop_app.gui.app:main"' in text
