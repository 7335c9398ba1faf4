"""Files on a shared folder stay readable by colleagues, and interrupted writes leave no litter."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

import pytest

from desktop_app.core.fileio import current_umask, write_bytes_atomic
from desktop_app.core.model import new_issue
from desktop_app.core.storage import ISSUE_FILE, load_issue, save_issue

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_002():
    old = os.umask(0o002)
    yield
    os.umask(old)


def test_a_save_keeps_the_files_mode(demo_copy):
    issue_file = demo_copy / ISSUE_FILE
    os.chmod(issue_file, 0o664)
    loaded = load_issue(demo_copy)
    save_issue(loaded.issue, demo_copy, expected_digest=loaded.digest)
    assert mode(issue_file) == 0o664
    assert mode(demo_copy / (ISSUE_FILE + ".bak")) == 0o664
    os.chmod(issue_file, 0o640)
    loaded = load_issue(demo_copy)
    save_issue(loaded.issue, demo_copy, expected_digest=loaded.digest)
    assert mode(issue_file) == 0o640


def test_a_save_keeps_the_files_group(demo_copy):
    groups = [g for g in os.getgroups() if g != os.getegid()]
    if not groups and os.geteuid() != 0:
        pytest.skip("this user belongs to one group only")
    other = groups[0] if groups else 12345
    issue_file = demo_copy / ISSUE_FILE
    os.chown(issue_file, -1, other)
    loaded = load_issue(demo_copy)
    save_issue(loaded.issue, demo_copy, expected_digest=loaded.digest)
    assert issue_file.stat().st_gid == other


def test_new_files_get_the_users_usual_mode(tmp_path, umask_002):
    assert current_umask() == 0o002
    save_issue(new_issue(), tmp_path / "fresh")
    assert mode(tmp_path / "fresh" / ISSUE_FILE) == 0o664
    write_bytes_atomic(tmp_path / "export.bin", b"data")
    assert mode(tmp_path / "export.bin") == 0o664


def test_exports_get_the_users_usual_mode(demo_copy, tmp_path, cli, umask_002):
    code, _, err = cli("export", demo_copy, "--pdf", tmp_path / "out.pdf",
                       "--docx", tmp_path / "out.docx")
    assert code == 0, err
    assert mode(tmp_path / "out.pdf") == 0o664
    assert mode(tmp_path / "out.docx") == 0o664


def test_a_new_issue_folder_is_not_private(tmp_path, cli, umask_002):
    code, _, err = cli("new", tmp_path / "autumn")
    assert code == 0, err
    assert mode(tmp_path / "autumn") == 0o775
    assert mode(tmp_path / "autumn" / ISSUE_FILE) == 0o664


def test_leftovers_of_interrupted_saves_go_at_the_next_save(demo_copy):
    litter = [demo_copy / ".issue.yaml.k2j3h4.tmp", demo_copy / ".issue.yaml.bak.x81ka.tmp"]
    for path in litter:
        path.write_bytes(b"half a file")
    old_import = demo_copy / ".import-abc123"
    old_import.mkdir()
    (old_import / "pic.png").write_bytes(b"x")
    an_hour_ago = time.time() - 7200
    os.utime(old_import, (an_hour_ago, an_hour_ago))
    running_import = demo_copy / ".import-running"
    running_import.mkdir()
    someone_elses = demo_copy / ".notes.txt.tmp"
    someone_elses.write_text("not ours")
    loaded = load_issue(demo_copy)
    save_issue(loaded.issue, demo_copy, expected_digest=loaded.digest)
    assert not any(p.exists() for p in litter)
    assert not old_import.exists()
    assert running_import.exists(), "an import staging right now is left alone"
    assert someone_elses.exists(), "only this app's own temporary files are removed"


def test_a_refused_save_removes_nothing(demo_copy):
    litter = demo_copy / ".issue.yaml.k2j3h4.tmp"
    litter.write_bytes(b"half a file")
    loaded = load_issue(demo_copy)
    (demo_copy / ISSUE_FILE).write_bytes((demo_copy / ISSUE_FILE).read_bytes() + b"\n")
    from desktop_app.core.errors import ChangedOnDiskError

    with pytest.raises(ChangedOnDiskError):
        save_issue(loaded.issue, demo_copy, expected_digest=loaded.digest)
    assert litter.exists()


def test_a_new_file_takes_its_folders_group(tmp_path):
    if os.geteuid() != 0 and len(os.getgroups()) < 2:
        pytest.skip("this user belongs to one group only")
    other = next((g for g in os.getgroups() if g != os.getegid()), 12345)
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chown(folder, -1, other)
    save_issue(new_issue(), folder)
    assert (folder / ISSUE_FILE).stat().st_gid == other


def test_recovery_files_stay_private(tmp_path, umask_002):
    from desktop_app.core.recovery import write_recovery

    path = write_recovery(tmp_path / "recovery", tmp_path / "issue", new_issue())
    assert mode(path) == 0o600
