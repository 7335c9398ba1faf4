"""Bringing contributors' articles into the open issue: Word and Markdown files.

The menu item (File ▸ Import articles…) and a drop of files onto the pool both end in
:func:`import_article_files`. Each file is one undo step: the issue is snapshotted, the core
importer changes it in memory and writes any pictures into the issue's ``images/``, and a
:class:`SnapshotIssueCommand` records the before and after so undo takes the articles and the
pictures out again. A refused file raises ``BulletinError`` in the importer before anything
changes; it is reported by name and reason, and the other files still come in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QWidget

from desktop_app.core.errors import BulletinError
from desktop_app.core.importers import (
    MARKDOWN_SUFFIXES,
    WORD_SUFFIXES,
    ImportReport,
    import_file,
)

from . import dialogs
from .commands import SnapshotIssueCommand, issue_snapshot, restore_issue
from .document import Document

IMPORT_SUFFIXES = WORD_SUFFIXES + MARKDOWN_SUFFIXES
URI_LIST = "text/uri-list"
FORM_NAME = "SOC bulletin submission form.docx"
FILE_FILTER = ("Articles (*.docx *.md *.markdown *.txt);;Word files (*.docx);;"
               "Markdown files (*.md *.markdown *.txt)")


def importable(path: Path | str) -> bool:
    """True for a file name the importers read (by suffix; the content is checked later)."""
    return Path(path).suffix.lower() in IMPORT_SUFFIXES


def dropped_files(data: QMimeData) -> list[Path] | None:
    """The files a file manager drop carries, or None unless every one can be imported.

    Only local files count: a web link or a remote share URL is refused, never fetched.
    """
    if not data.hasUrls():
        return None
    urls: list[QUrl] = data.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return None
    paths = [Path(url.toLocalFile()) for url in urls]
    if not all(importable(p) for p in paths):
        return None
    return paths


@dataclass
class ImportOutcome:
    """What a batch of files did: a report per imported file, a line per refused one."""

    reports: list[ImportReport] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    @property
    def article_ids(self) -> list[str]:
        return [a.id for r in self.reports for a in r.articles]

    def summary(self) -> str:
        count = len(self.article_ids)
        files = len(self.reports)
        text = (f"{count} article{'s' if count != 1 else ''} imported from {files} "
                f"file{'s' if files != 1 else ''}.")
        if self.refused:
            text += f" {len(self.refused)} not imported."
        if count:
            text += " Undo (Ctrl+Z) takes an import out again."
        return text

    def lines(self) -> list[str]:
        out: list[str] = []
        for report in self.reports:
            if out:
                out.append("")
            out += report.lines()
        for reason in self.refused:
            if out:
                out.append("")
            out.append(f"Not imported: {reason}")
        return out


def import_article_file(doc: Document, path: Path) -> ImportReport:
    """Import one Word or Markdown file into the open issue as one undo step.

    Raises BulletinError, with the issue and its folder unchanged, for a refused file.
    """
    if doc.read_only:
        raise BulletinError("this issue is open read-only")
    if doc.folder is None:
        raise BulletinError("save the issue into a folder first: imported pictures are kept "
                            "in its images folder")
    before = issue_snapshot(doc.issue)
    try:
        report = import_file(path, doc.issue, doc.folder)
    except BaseException:
        # The importers change nothing before refusing; restoring makes sure of it.
        restore_issue(doc.issue, before)
        raise
    count = len(report.articles)
    doc.push(SnapshotIssueCommand(
        doc, before, f"import {count} article{'s' if count != 1 else ''} from {path.name}",
        report.images_written))
    return report


def import_article_files(doc: Document, paths: list[Path]) -> ImportOutcome:
    """Import each file in turn; a refused file is noted and the rest still come in."""
    outcome = ImportOutcome()
    for path in paths:
        try:
            outcome.reports.append(import_article_file(doc, Path(path)))
        except BulletinError as exc:
            outcome.refused.append(_with_name(str(exc), Path(path)))
        except OSError as exc:
            outcome.refused.append(f"{Path(path).name}: cannot be read "
                                   f"({exc.strerror or exc})")
    return outcome


def _with_name(message: str, path: Path) -> str:
    """The reason, starting with the file's name (most importer messages already do)."""
    return message if message.startswith(path.name) else f"{path.name}: {message}"


def import_and_report(parent: QWidget, doc: Document, paths: list[Path]) -> ImportOutcome:
    """Import the files and tell the user what came in, what was left out and why.

    Only refusals: one plain message with each file's one-line reason. Anything imported: the
    reports (refusals included) in one dialog.
    """
    outcome = import_article_files(doc, paths)
    if outcome.reports:
        dialogs.show_report(parent, "Articles imported", outcome.summary(), outcome.lines())
    elif outcome.refused:
        title = "Not imported" if len(outcome.refused) == 1 else "Files not imported"
        dialogs.show_error(parent, title, "\n".join(outcome.refused))
    return outcome


def save_submission_form(parent: QWidget, folder: Path) -> Path | None:
    """File ▸ Save submission form…: the blank Word form to send to contributors.

    Returns where it was written, or None when cancelled or refused (said in a message).
    """
    from desktop_app.core.importers import write_form

    chosen = dialogs.ask_form_file(parent, str(folder / FORM_NAME))
    if not chosen:
        return None
    out = Path(chosen)
    if out.suffix.lower() != ".docx":
        out = out.with_name(out.name + ".docx")
    try:
        write_form(out)
    except (BulletinError, OSError) as exc:
        dialogs.show_error(parent, "Form not saved", f"Cannot write {out}: "
                           f"{getattr(exc, 'strerror', None) or exc}")
        return None
    dialogs.show_info(parent, "Form saved", f"The submission form is in {out}. Send it to "
                      "contributors; File ▸ Import articles reads what they send back.")
    return out

