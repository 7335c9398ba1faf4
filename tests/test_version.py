"""``--version`` says what this copy is (app, Python and Qt versions) and where it keeps its
settings and recovery files; the editor passes a Word or Markdown file on to be imported."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion

from desktop_app import __version__
from desktop_app.gui.app import split_target


def _version(tmp_path: Path, *command: str) -> list[str]:
    env = dict(os.environ, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, *command, "--version"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout.splitlines()


def _field(lines: list[str], label: str) -> str:
    return next(line.split(":", 1)[1].strip() for line in lines if line.startswith(label + ":"))


def test_bulletin_version_names_versions_and_folders(tmp_path: Path):
    lines = _version(tmp_path, "-m", "desktop_app")
    assert lines[0] == f"bulletin {__version__}"
    assert _field(lines, "Python").startswith(platform.python_version())
    assert _field(lines, "Qt") == f"{qVersion()} (PySide6 {pyside_version})"
    # Qt's own rules place them; under this environment, inside tmp_path.
    assert _field(lines, "Settings") == str(
        tmp_path / "config" / "SOC Bulletin" / "SOC Bulletin Editor.conf")
    assert _field(lines, "Recovery files") == str(
        tmp_path / "data" / "SOC Bulletin" / "SOC Bulletin Editor" / "recovery")
    assert _field(lines, "Program folder") == str(Path(__file__).resolve().parents[1]
                                                  / "desktop_app")


def test_the_editor_answers_version_the_same_way(tmp_path: Path):
    lines = _version(tmp_path, "-c", "import sys; from desktop_app.gui.app import main; "
                     "sys.argv[0] = 'bulletin-editor'; sys.exit(main())")
    assert lines[0] == f"bulletin-editor {__version__}"
    assert _field(lines, "Recovery files").startswith(str(tmp_path / "data"))


def test_a_file_opened_with_the_editor_is_imported_into_the_last_issue(tmp_path: Path):
    word = tmp_path / "reply.docx"
    markdown = tmp_path / "notes.MD"
    issue = tmp_path / "autumn" / "issue.yaml"
    for path in (word, markdown, issue):
        path.parent.mkdir(exist_ok=True)
        path.write_text("x")
    assert split_target(word) == (None, word)
    assert split_target(markdown) == (None, markdown)
    assert split_target(issue) == (issue.parent, None)
    assert split_target(tmp_path / "autumn") == (tmp_path / "autumn", None)
    assert split_target(None) == (None, None)
    assert split_target(tmp_path / "missing.docx") == (tmp_path / "missing.docx", None)
