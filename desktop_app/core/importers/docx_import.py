"""Importing a Word file: a filled-in submission form, or any document a contributor wrote.

The file goes through the untrusted-file gate (zip limits, no DTDs) and is opened the way Word
opens it (:mod:`.package`) before python-docx parses it. A document that holds the submission
form's labelled places is read as a form (:mod:`.form`); anything else is read as free text: its
title from the Title or first heading style (or a short bold first line), the rest as
paragraphs, lists, sub-headings, links and pictures, with contact lines and quotations picked
out, footnotes and endnotes as numbered notes. The word ledger then checks every word.
"""

from __future__ import annotations

from pathlib import Path

from ..markup import linkify_runs
from ..model import Issue
from ..untrusted import UntrustedFileError
from .docx_read import DocxReader, Element, ParaInfo, elements_to_blocks
from .docx_words import word_texts
from .extract import take_parts
from .form import read_form
from .ledger import issue_words, tokens
from .package import open_word_file
from .place import Draft, finish_ledger, place_drafts
from .report import ImportReport
from .write_markup import blocks_markup, runs_markup

MAX_TITLE = 150


def import_docx(path: Path | str, issue: Issue, folder: Path | str, *,
                images_to: Path | str | None = None, again: bool = False) -> ImportReport:
    """Read a Word file into one new article in the issue's pool; returns what it made.

    Raises BulletinError (UntrustedFileError for a refused file) before changing anything.
    Pictures are written to ``images_to`` (default: the issue folder's ``images/``). An article
    the issue already has (same title and text) is reported and skipped, unless ``again``.
    """
    path = Path(path)
    package = open_word_file(path)
    document = package.document
    reader = DocxReader(document, {rid: target for (source, rid), target
                                   in package.missing.items() if source == package.main})
    report = ImportReport(source=path.name)
    report.notes.extend(package.notes)
    try:
        story, margins = word_texts(document)
        elements = reader.body_elements()
        draft = read_form(reader, elements, report)
        if draft is not None:
            report.kind = "form"
        else:
            report.kind = "document"
            draft = read_document(reader, elements, report, _core_title(document) or path.stem)
    except RecursionError:
        # Tables in tables in content controls, hundreds deep: no real article is like that.
        raise UntrustedFileError(f"{path.name}: refused, its text is nested too deeply") from None
    draft.extra["imported_from"] = path.name
    draft.notes = [runs_markup(linkify_runs(runs)) for runs in reader.footnotes]
    if draft.notes:
        count = len(draft.notes)
        report.notes.append(f"{count} footnote{'s' if count != 1 else ''} or endnote"
                            f"{'s' if count != 1 else ''} became numbered notes at the end of "
                            f"\"{draft.title}\"")
    for reason, words in reader.dropped:
        report.drop(reason, words)
    if margins:
        report.drop(f"page header and footer text was left out: \"{_short(margins)}\"",
                    margins)
    report.notes.extend(n for n in reader.notes if n not in report.notes)
    before = issue_words(issue)
    place_drafts(issue, folder, [draft], report, images_to, again=again)
    finish_ledger(report, issue, f"{story}\n{margins}", before)
    return report


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _core_title(document) -> str:
    try:
        return " ".join((document.core_properties.title or "").split())
    except Exception:  # damaged core properties: the title is only a fallback
        return ""


def read_document(reader: DocxReader, elements: list[Element], report: ImportReport,
                  fallback_title: str) -> Draft:
    """A free-form document as a draft article."""
    elements = list(elements)
    index = _title_index(elements)
    if index is None:
        index = _paragraph_saying(elements, fallback_title)
    if index is None:
        title = fallback_title
        report.notes.append(f"no title style or heading found: the title \"{title}\" was "
                            "taken from the file; check it")
    else:
        title = _clean_title(elements.pop(index).text)
    draft = Draft(title=title)
    if index is not None and index < len(elements):
        following = elements[index]
        if isinstance(following, ParaInfo) and following.is_subtitle and following.text:
            draft.standfirst = following.text
            elements.pop(index)
    body = take_parts(elements, draft, report, suggest_quotes=True)
    draft.body = blocks_markup(elements_to_blocks(body, report.notes))
    return draft


def _paragraph_saying(elements: list[Element], title: str) -> int | None:
    """The early paragraph that says what the file's properties give as its title, if any."""
    wanted = tokens(title)
    for i, element in enumerate(elements[:5]):
        if wanted and isinstance(element, ParaInfo) and tokens(element.text) == wanted:
            return i
    return None


def _title_index(elements: list[Element]) -> int | None:
    paras = [(i, e) for i, e in enumerate(elements) if isinstance(e, ParaInfo) and e.text]
    for i, para in paras:
        if para.is_title:
            return i
    for i, para in paras:
        if para.heading:
            return i
    if paras:
        i, first = paras[0]
        if first.all_bold and len(first.text) <= MAX_TITLE and first.list_level < 0:
            return i
    return None


def _clean_title(text: str) -> str:
    return text.strip().rstrip(":").strip()
