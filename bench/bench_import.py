"""Bringing articles in: a 30-page Word document, a 200-article Markdown edition, a zip bomb.

Each import is timed twice in the same run: as it is, and with the word ledger and the contact,
quote and link recognisers switched off (what imports did before they had them), so the cost
they add is a ratio measured on the same machine at the same moment (target: at most 1.3x).
"""

from __future__ import annotations

import contextlib
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

from bench.common import median_seconds, report
from desktop_app.core.importers import import_docx, import_markdown, write_markup
from desktop_app.core.markup import plain_text
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


@contextlib.contextmanager
def without_ledger_and_recognisers() -> Iterator[None]:
    """Imports as they were before the ledger and the recognisers: none of them run."""
    from desktop_app.core.importers import docx_import, extract, markdown_import, place

    patches = [
        mock.patch.object(place, "finish_ledger", lambda *a, **k: None),
        mock.patch.object(docx_import, "finish_ledger", lambda *a, **k: None),
        mock.patch.object(markdown_import, "finish_ledger", lambda *a, **k: None),
        mock.patch.object(docx_import, "word_texts", lambda document: ("", "")),
        mock.patch.object(extract, "find_contacts", lambda *a, **k: None),
        mock.patch.object(extract, "quote_in", lambda *a, **k: None),
        mock.patch.object(markdown_import, "find_contacts", lambda *a, **k: None),
        mock.patch.object(markdown_import, "find_quote", lambda *a, **k: None),
        mock.patch.object(markdown_import, "said_line", lambda *a, **k: None),
    ]
    with contextlib.ExitStack() as stack:
        for patch in patches:
            stack.enter_context(patch)
        yield


def _with_and_without(name: str, import_once, target: str, rounds: int = 11) -> None:
    """Time an import with everything, and without the ledger and the recognisers, taking
    turns run by run so that the shared machine's load falls on both alike. The figures are
    this process's CPU time: other helpers' work on the machine moves wall times by half."""
    def timed() -> float:
        plain_text.cache_clear()  # each run reads its bodies afresh, as a first import does
        write_markup._runs_markup.cache_clear()  # and writes its paragraphs afresh
        start = time.process_time()
        import_once()
        return time.process_time() - start

    timed()
    with_all: list[float] = []
    bare: list[float] = []
    for _ in range(rounds):
        with_all.append(timed())
        with without_ledger_and_recognisers():
            bare.append(timed())
    ratio = statistics.median(a / b for a, b in zip(with_all, bare, strict=True))
    report(f"{name} (CPU)", statistics.median(with_all), target=target)
    report("  the same without the ledger and the recognisers", statistics.median(bare))
    report("  cost of the ledger and the recognisers", ratio, unit="x", target="at most 1.3x")


def run() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        doc = long_document(work / "long.docx", pages=30)

        def docx_once() -> None:
            folder = Path(tempfile.mkdtemp(dir=work))
            import_docx(doc, new_issue(), folder)

        _with_and_without("import a 30-page free-form Word document", docx_once, "< 1 s")
        text = markdown_edition(200)

        def markdown_once() -> None:
            import_markdown(text, new_issue(), None)

        _with_and_without("import a 200-article Markdown edition", markdown_once, "< 1 s")
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
