"""The frozen smoke test's comparisons (packaging/smoke_check.py): two exports of one issue
are the same when only their dates and random MIME boundaries differ, and not otherwise."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from desktop_app.core.formats import export
from desktop_app.core.storage import load_issue
from tests.conftest import REPO

spec = importlib.util.spec_from_file_location("smoke_check", REPO / "packaging" / "smoke_check.py")
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)


def _twice(demo_copy: Path, tmp_path: Path, name: str, out: str) -> tuple[Path, Path]:
    issue = load_issue(demo_copy).issue
    first, second = tmp_path / "a" / out, tmp_path / "b" / out
    for target in (first, second):
        target.parent.mkdir(exist_ok=True)
        export(name, issue, demo_copy, target)
    return first, second


def test_two_emails_of_one_issue_are_the_same(demo_copy: Path, tmp_path: Path):
    first, second = _twice(demo_copy, tmp_path, "email", "bulletin.eml")
    assert first.read_bytes() != second.read_bytes()  # boundaries and ids are random
    assert check.same(first, second)
    changed = second.read_bytes().replace(b"Regional roadshows", b"Regional roadshops", 1)
    second.write_bytes(changed)
    assert not check.same(first, second)


def test_two_word_files_differ_only_in_their_dates(demo_copy: Path, tmp_path: Path):
    first, second = _twice(demo_copy, tmp_path, "docx", "bulletin.docx")
    assert check.same(first, second)
    other = tmp_path / "other.docx"
    issue = load_issue(demo_copy).issue
    issue.title = "Another bulletin"
    export("docx", issue, demo_copy, other)
    assert not check.same(first, other)


def test_web_edition_folders_are_compared_file_by_file(demo_copy: Path, tmp_path: Path):
    first, second = _twice(demo_copy, tmp_path, "html", "bulletin-html")
    assert check.same(first, second)
    shutil.rmtree(next(p for p in second.iterdir() if p.is_dir()))
    assert not check.same(first, second)
