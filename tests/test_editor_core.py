"""The Qt-free pieces under the editor: locks, recovery files, the contact directory, and
rich paste turned into the Markdown subset."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from desktop_app.core.directory import (
    DirectoryError,
    directory_path,
    load_directory,
    merge_contacts,
    save_directory,
)
from desktop_app.core.locking import LOCK_FILE, IssueLocked, acquire_lock, read_lock
from desktop_app.core.markup import parse
from desktop_app.core.model import Contact
from desktop_app.core.paste import html_to_markdown
from desktop_app.core.recovery import (
    discard_recovery,
    find_recovery,
    load_recovery,
    write_recovery,
)
from desktop_app.core.storage import load_issue


def test_lock_is_exclusive_and_names_its_holder(tmp_path):
    lock = acquire_lock(tmp_path)
    info = read_lock(tmp_path)
    assert info is not None and info.host == socket.gethostname()
    with pytest.raises(IssueLocked) as caught:
        acquire_lock(tmp_path)
    assert caught.value.holder == info
    assert info.user in caught.value.holder.describe()
    lock.release()
    assert not (tmp_path / LOCK_FILE).exists()
    acquire_lock(tmp_path).release()


def test_a_crashed_editors_lock_is_taken_over_but_another_machines_is_kept(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    stale = {"user": "ghost", "host": socket.gethostname(), "pid": proc.pid,
             "since": "2026-11-01T09:00:00"}
    (tmp_path / LOCK_FILE).write_text(json.dumps(stale))
    lock = acquire_lock(tmp_path)
    assert read_lock(tmp_path).user != "ghost"
    lock.release()
    remote = dict(stale, host="another-laptop")
    (tmp_path / LOCK_FILE).write_text(json.dumps(remote))
    with pytest.raises(IssueLocked) as caught:
        acquire_lock(tmp_path)
    assert "another-laptop" in caught.value.holder.describe()
    assert "01 Nov 2026" in caught.value.holder.describe()


def test_release_leaves_someone_elses_lock_alone(tmp_path):
    lock = acquire_lock(tmp_path)
    other = {"user": "b", "host": "h", "pid": 1, "since": "x"}
    (tmp_path / LOCK_FILE).write_text(json.dumps(other))
    lock.release()
    assert json.loads((tmp_path / LOCK_FILE).read_text()) == other


def test_recovery_round_trip(tmp_path, demo_copy):
    loaded = load_issue(demo_copy)
    loaded.issue.title = "Work in progress"
    store = tmp_path / "recovery"
    write_recovery(store, demo_copy, loaded.issue)
    found = find_recovery(store, demo_copy)
    assert found is not None and found.folder == demo_copy.resolve() and found.saved_at
    assert load_recovery(found, demo_copy).title == "Work in progress"
    assert find_recovery(store, tmp_path) is None  # another folder has none
    discard_recovery(store, demo_copy)
    assert find_recovery(store, demo_copy) is None


def test_directory_round_trip_and_merge(tmp_path):
    path = directory_path(tmp_path / "autumn-2026")
    assert path == tmp_path.resolve() / "contacts.yaml"
    assert load_directory(path) == []
    people = [Contact(name="Zoe Bell", email="zoe@example.org"),
              Contact(name="Ann Cole", role="Analyst", phone="020 7946 0000")]
    save_directory(path, people)
    again = load_directory(path)
    assert [c.name for c in again] == ["Ann Cole", "Zoe Bell"]
    assert again[0].phone == "020 7946 0000"
    merged = merge_contacts([Contact(name="zoe bell", email="ZOE@example.org")], again)
    assert [c.name for c in merged] == ["zoe bell", "Ann Cole"]


def test_broken_directory_names_the_file_and_line(tmp_path):
    path = tmp_path / "contacts.yaml"
    path.write_text("contacts:\n  - name: A\n  - [broken\n", encoding="utf-8")
    with pytest.raises(DirectoryError, match=r"contacts.yaml:\d+"):
        load_directory(path)
    path.write_text("!!python/object:os.system {}\n", encoding="utf-8")
    with pytest.raises(DirectoryError):
        load_directory(path)


@pytest.mark.parametrize(("html", "markdown"), [
    ("<p>Plain <b>bold</b> and <em>italic</em>.</p>", "Plain **bold** and *italic*."),
    ("<h1>Title</h1><h3>Small</h3><p>x</p>", "## Title\n\n### Small\n\nx"),
    ("<ol><li>one</li><li>two</li></ol>", "1. one\n2. two"),
    ('<a href="javascript:alert(1)">click</a> me', "click me"),
    ('<a href="mailto:a@example.org">write</a>', "[write](mailto:a@example.org)"),
    ("<script>alert(1)</script><style>p{}</style>safe", "safe"),
    ("<p>a &lt;b&gt; tag and 2*3</p>", r"a \<b\> tag and 2\*3"),
    ('<span style="font-weight:700">Word bold</span>', "**Word bold**"),
    ("<b> </b>x", "x"),
])
def test_pasted_html_becomes_the_markdown_subset(html, markdown):
    assert html_to_markdown(html) == markdown


def test_pasted_result_parses_as_what_was_meant():
    text = html_to_markdown('<p>See <a href="https://example.org">the <b>guide</b></a></p>')
    parsed = parse(text)
    runs = parsed.blocks[0].runs
    assert [(r.text, r.bold, r.href) for r in runs if r.href] == [
        ("the ", False, "https://example.org"), ("guide", True, "https://example.org")]


def test_editor_core_modules_do_not_import_qt():
    # A fresh interpreter with PySide6 made unimportable: the core must not need it.
    code = ("import sys; sys.modules['PySide6'] = None; "
            "import desktop_app.core.locking, desktop_app.core.recovery, "
            "desktop_app.core.directory, desktop_app.core.paste; "
            "sys.exit(any(m.startswith('PySide6') for m in sys.modules if sys.modules[m]))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_background_job_relays_progress_and_errors(tmp_path, demo_copy):
    from desktop_app.core.background import run_job
    from desktop_app.core.errors import ExportError

    loaded = load_issue(demo_copy)
    seen: list[tuple[int, int]] = []
    data, warnings = run_job("desktop_app.core.export_pdf:pdf_bytes", loaded.issue, demo_copy,
                             progress=lambda done, total: seen.append((done, total)))
    assert data.startswith(b"%PDF-") and warnings == []
    assert len(seen) > 3 and seen[-1][0] == seen[-1][1]
    with pytest.raises(ExportError):
        run_job("desktop_app.core.export_pdf:write_pdf", loaded.issue, demo_copy,
                tmp_path / "no-such-folder" / "x.pdf")
