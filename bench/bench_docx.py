"""The Word file: exporting the demo and a 200-article issue, and reading 200 comments back."""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx

from bench.common import demo_issue, median_seconds, report, stress_issue
from desktop_app.core.comments import read_comments
from desktop_app.core.docx.export_docx import write_docx


def commented_copy(source: Path, target: Path) -> int:
    """Add one comment under every article heading, as a reviewer going through would."""
    document = docx.Document(str(source))
    paragraphs = document.paragraphs
    count = 0
    for i, paragraph in enumerate(paragraphs[:-1]):
        if paragraph.style.name.lower() == "heading 2":
            following = paragraphs[i + 1]
            if following.runs:
                document.add_comment(following.runs, text=f"Comment {count}: please check.",
                                     author="Bench Reviewer", initials="BR")
                count += 1
    document.save(str(target))
    return count


def run() -> None:
    issue, folder = demo_issue()
    big = stress_issue(200)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "demo.docx"
        report("export the demo to DOCX",
               median_seconds(lambda: write_docx(issue, folder, out), 9), target="< 0.15 s")
        big_out = Path(tmp) / "big.docx"
        report("export a 200-article issue to DOCX",
               median_seconds(lambda: write_docx(big, folder, big_out), 5), target="< 2 s")
        reviewed = Path(tmp) / "reviewed.docx"
        count = commented_copy(big_out, reviewed)
        assert count == 200, count
        found = read_comments(reviewed, big)
        assert sum(c.article_id is not None for c in found.comments) == 200
        report("read and map 200 comments (200-article file)",
               median_seconds(lambda: read_comments(reviewed, big), 5), target="< 0.5 s")
