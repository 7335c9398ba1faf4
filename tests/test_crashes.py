"""Crashes: the editor killed outright takes its helpers with it, and a save killed at any
moment leaves the old issue file or the new one, never a broken one.

These run real processes and kill them with SIGKILL (Linux, where /proc lists children).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.core.storage import ISSUE_FILE, load_issue, save_issue

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                                reason="needs /proc to find child processes")


def _stat(pid: int) -> tuple[int, str] | None:
    """(parent pid, state) of a process, or None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()
    return int(fields[1]), fields[0]


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def descendants(root: int) -> set[int]:
    """Every living process below ``root``."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            info = _stat(int(entry.name))
            if info is not None:
                children.setdefault(info[0], []).append(int(entry.name))
    found: set[int] = set()
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    info = _stat(pid)
    return info is not None and info[1] != "Z"


def _editor_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"), QT_QPA_PLATFORM="offscreen")
    env.pop("BULLETIN_DEBUG", None)
    return env


def _start_editor(folder: Path, tmp_path: Path) -> tuple[subprocess.Popen, set[int]]:
    editor = subprocess.Popen(
        [sys.executable, "-c", "from desktop_app.gui.app import main; main()", str(folder)],
        env=_editor_env(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        below = descendants(editor.pid)
        lines = [_cmdline(p) for p in below]
        if any("resource_tracker" in c for c in lines) and \
                any("spawn_main" in c for c in lines):
            return editor, below
        assert editor.poll() is None, "the editor stopped by itself"
        time.sleep(0.1)
    editor.kill()
    raise AssertionError("the editor's helper process never started")


def test_killing_the_editor_ends_its_helpers(demo_copy, tmp_path):
    editor, helpers = _start_editor(demo_copy, tmp_path)
    assert len(helpers) >= 2  # the export helper and multiprocessing's resource tracker
    os.kill(editor.pid, signal.SIGKILL)
    editor.wait(10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(p) for p in helpers):
        time.sleep(0.1)
    survivors = {p: _cmdline(p) for p in helpers if alive(p)}
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"outlived the editor: {survivors}"


# ---- kill -9 during saves -------------------------------------------------------------------

_SAVER = """
import sys
from pathlib import Path
from desktop_app.core.storage import load_issue, save_issue
folder, started = Path(sys.argv[1]), Path(sys.argv[2])
loaded = load_issue(folder)
issue, digest = loaded.issue, loaded.digest
n = 0
while True:
    n += 1
    issue.welcome = f"Save number {n} by {started.name}. " * (1 + n % 200)
    digest = save_issue(issue, folder, expected_digest=digest)
    if n == 1:
        started.touch()
"""


@pytest.mark.slow
def test_a_save_killed_at_any_moment_leaves_a_whole_issue(demo_copy, tmp_path):
    rng = random.Random(15)
    kills = 40
    digests = set()
    for n in range(kills):
        started = tmp_path / f"started-{n}"
        saver = subprocess.Popen([sys.executable, "-c", _SAVER, str(demo_copy), str(started)],
                                 env=_editor_env(tmp_path), stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while not started.exists() and saver.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert started.exists(), saver.stderr.read().decode() if saver.poll() else "no save"
        time.sleep(rng.random() * 0.3)  # a save takes tens of milliseconds: land anywhere
        os.kill(saver.pid, signal.SIGKILL)
        saver.wait(10)
        loaded = load_issue(demo_copy)  # the old file or the new one: never half of one
        assert loaded.issue.welcome.startswith("Save number")
        digests.add(loaded.digest)
    assert len(digests) > kills // 2, "the kills landed while saves were running"
    loaded = load_issue(demo_copy)
    save_issue(loaded.issue, demo_copy, expected_digest=loaded.digest)
    assert not list(demo_copy.glob(".issue.yaml*.tmp")), "a save cleans up after the kills"
    # A kill while saving leaves the lock file; the OS dropped the lock, the next save removes it.
    assert not (demo_copy / ".issue.write-lock").exists()
    assert load_issue(demo_copy).issue.welcome.startswith("Save number")
    assert (demo_copy / (ISSUE_FILE + ".bak")).exists()
