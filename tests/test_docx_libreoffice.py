"""The Word file through a real word processor: LibreOffice re-saves it, and prints it.

Each conversion takes seconds, so the module makes two in all and shares them.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop_app.core import layout
from desktop_app.core.comments import apply_comments, read_comments
from desktop_app.core.docx.export_docx import write_docx
from desktop_app.core.storage import load_issue
from desktop_app.resources import demo_dir
from tests.reviewing import Remark, add_remarks

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install "
    "libreoffice-writer-nogui")

REMARKS = [
    Remark("Over the spring, a small team", "Name the team lead here?", author="Ana Policy",
           initials="AP"),
    Remark("The Minister for Security has confirmed", "Legal have cleared this figure.",
           author="Lee Legal", initials="LL", resolved=True),
    Remark("More than 110 practitioners gathered", "Merge with the standfirst?",
           author="Pat Press", initials="PP", to="The programme focused on"),
    Remark("Working together to tackle", "Strapline fine."),
    Remark("Pause Before You Pay returns", "Still running next year?", point=True),
]
EXPECTED = {
    "Name the team": "local-profiles-review",
    "Legal have": "partnership-fund",
    "Merge with": "operation-harbour",
    "Strapline": None,
    "Still running": "pause-before-you-pay",
}


def convert(source: Path, fmt: str, outdir: Path, profile: Path) -> Path:
    outdir.mkdir(exist_ok=True)
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(outdir), str(source)],
        capture_output=True, text=True, timeout=240,
    )
    target = outdir / f"{source.stem}.{fmt}"
    assert result.returncode == 0 and target.is_file(), (
        f"soffice failed: {result.returncode} {result.stdout} {result.stderr}")
    return target


@pytest.fixture(scope="module")
def demo():
    return load_issue(demo_dir())


@pytest.fixture(scope="module")
def round_trip(demo, tmp_path_factory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("libreoffice")
    profile = work / "profile"
    exported = work / "demo.docx"
    write_docx(demo.issue, demo.folder, exported)
    reviewed = add_remarks(exported, work / "reviewed.docx", REMARKS)
    return {
        "exported": exported,
        "reviewed": reviewed,
        "resaved": convert(reviewed, "docx", work / "resaved", profile),
        "pdf": convert(exported, "pdf", work / "pdf", profile),
    }


def test_comments_map_to_their_articles_after_libreoffice_resaves(round_trip, demo):
    report = read_comments(round_trip["resaved"], demo.issue)
    assert report.warnings == []
    assert len(report.comments) == len(REMARKS)
    for start, article_id in EXPECTED.items():
        comment = next(c for c in report.comments if c.text.startswith(start))
        assert comment.article_id == article_id, start
    legal = next(c for c in report.comments if c.text.startswith("Legal have"))
    assert legal.resolved and legal.author == "Lee Legal" and legal.initials == "LL"
    spanning = next(c for c in report.comments if c.text.startswith("Merge with"))
    assert spanning.anchor.split("\n")[-1].startswith("The programme focused on")


def test_the_resaved_file_adds_nothing_twice(round_trip, demo):
    issue = copy.deepcopy(demo.issue)
    original = read_comments(round_trip["reviewed"], issue)
    resaved = read_comments(round_trip["resaved"], issue)
    assert sorted(c.key for c in original.comments) == sorted(c.key for c in resaved.comments)
    assert apply_comments(issue, original, "reviewed.docx") == len(REMARKS)
    assert apply_comments(issue, resaved, "reviewed-resaved.docx") == 0


def test_exported_file_prints_in_libreoffice_with_every_title(round_trip, demo):
    text = subprocess.run(["pdftotext", "-layout", str(round_trip["pdf"]), "-"],
                          capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    titles = [" ".join(a.title.split()) for s in layout.exported_sections(demo.issue)
              for a in s.articles]
    # The contents list names every article; after it, each title comes again as its heading.
    position = flat.find(titles[-1]) + len(titles[-1])
    assert position > len(titles[-1])
    for title in titles:
        found = flat.find(title, position)
        assert found >= 0, title
        position = found + len(title)
    assert "Page 1 of" in flat
