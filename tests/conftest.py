"""Shared fixtures: working copies of the demo edition, and a runner for the command line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app.cli import run  # noqa: E402
from desktop_app.resources import demo_dir  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """A writable copy of the demo edition's folder."""
    target = tmp_path / "demo"
    shutil.copytree(demo_dir(), target, ignore=shutil.ignore_patterns("__pycache__", "*.bak"))
    return target


@pytest.fixture
def cli(capsys):
    """Run ``bulletin`` in-process: returns (exit code, stdout, stderr)."""

    def call(*args: str) -> tuple[int, str, str]:
        code = run([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


def folder_snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes, to prove an operation changed nothing."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }
