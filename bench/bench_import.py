"""Bringing articles in: a 30-page Word document, a 200-article Markdown edition, a zip bomb."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bench.common import median_seconds, report
from desktop_app.core.importers import import_docx, import_markdown
from desktop_app.core.model import new_issue
from desktop_app.core.untrusted import UntrustedFileError, check_docx
from tests import badfiles
from tests.docmakers import long_document


def markdown_edition(articles: int) -> str:
    """A generated edition: a title, a welcome, ten sections sharing ``articles`` articles."""
    sections = ["In the Spotlight", "From the Centre", "What's New", "Meet the\u2026",
                "Partnerships in Action", "Disruptions", "Prevent", "Protection", "Feedback",
                "Community Voices"]
    lines = ["# SOC Local Partnerships Bulletin \u2014 Ninth edition", "",
             "*Ninth edition \u00b7 Autumn 2026*", "", "Welcome to the ninth edition.", ""]
    per = max(1, articles // len(sections))
    n = 0
    for section in sections:
        lines += [f"# {section}", ""]
        for _ in range(per):
            n += 1
            lines += [
                f"## Article number {n}", "", f"*A standfirst for article {n}.*", "",
                "Partners from the police, councils and charities met to agree what the "
                f"board would own. Read [the minutes](https://example.org/{n}) and **act**.",
                "", "- first point", "- second point with *emphasis*", "  1. nested", "",
                "> Working together is how we keep people safe.", "> \u2014 A Speaker, Role",
                "", f"For more information contact: Person {n} \u2013 person{n}@example.org",
                "",
            ]
    return "\n".join(lines)


def run() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        doc = long_document(work / "long.docx", pages=30)

        def docx_once() -> None:
            folder = Path(tempfile.mkdtemp(dir=work))
            import_docx(doc, new_issue(), folder)

        report("import a 30-page free-form Word document", median_seconds(docx_once, 5),
               target="< 1 s")
        text = markdown_edition(200)

        def markdown_once() -> None:
            import_markdown(text, new_issue(), None)

        report("import a 200-article Markdown edition", median_seconds(markdown_once, 5),
               target="< 1 s")
        bomb = badfiles.zip_bomb(work / "bomb.docx", expanded_mb=1000)

        def refuse() -> None:
            try:
                check_docx(bomb)
            except UntrustedFileError:
                return
            raise AssertionError("the bomb was not refused")

        report("refuse a zip bomb (1 GB expanded)", median_seconds(refuse, 9), target="< 0.1 s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
