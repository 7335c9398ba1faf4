"""Importing a Word file: a filled-in submission form, or any document a contributor wrote.

The file goes through :func:`desktop_app.core.untrusted.open_docx` (zip limits, no DTDs) before
python-docx parses it. A document that holds the submission form's labelled places is read as
a form (:mod:`.form`); anything else is read as free text: its title from the Title or first
heading style (or a short bold first line), the rest as paragraphs, lists, sub-headings, links
and pictures, with contact lines and quotations picked out.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Issue, PullQuote
from ..untrusted import UntrustedFileError, open_docx
from .docx_read import DocxReader, Element, ParaInfo, PictureRef, TableInfo, elements_to_blocks
from .form import read_form
from .place import Draft, PendingPicture, place_drafts
from .recognise import EMAIL, find_quote, is_contact_line, mailto_addresses, parse_contacts
from .report import ImportReport
from .write_markup import blocks_markup

MAX_TITLE = 150
MAX_SUGGESTED_QUOTES = 3
_SAID = re.compile(r"\b(?:said|says|added|explained|commented)\s*:\s*$", re.IGNORECASE)


def import_docx(path: Path | str, issue: Issue, folder: Path | str, *,
                images_to: Path | str | None = None) -> ImportReport:
    """Read a Word file into one new article in the issue's pool; returns what it made.

    Raises BulletinError (UntrustedFileError for a refused file) before changing anything.
    Pictures are written to ``images_to`` (default: the issue folder's ``images/``).
    """
    path = Path(path)
    document = open_docx(path)
    reader = DocxReader(document)
    report = ImportReport(source=path.name)
    try:
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
    report.dropped.extend(reader.dropped)
    report.notes.extend(n for n in reader.notes if n not in report.notes)
    place_drafts(issue, folder, [draft], report, images_to)
    return report


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


def take_parts(elements: list[Element], draft: Draft, report: ImportReport,
               suggest_quotes: bool) -> list[Element]:
    """Take pictures, captions and contact lines out of the text into the draft.

    Quotations with a speaker become pull quotes marked as suggestions (they stay in the body,
    where the contributor put them). Returns the elements left for the body.
    """
    body: list[Element] = []
    i = 0
    while i < len(elements):
        element = elements[i]
        i += 1
        if isinstance(element, TableInfo):
            body.append(element)
            continue
        if element.pictures:
            caption = ""
            if i < len(elements) and isinstance(elements[i], ParaInfo) and \
                    elements[i].is_caption and not elements[i].pictures:
                caption = elements[i].text
                i += 1
            add_pictures(draft, element.pictures, caption, report)
            if not element.text:
                continue
        text = element.text
        if not text:
            continue
        if is_contact_line(text):
            used = _contact(elements, i, element, draft, report)
            if used is not None:
                i += used
                continue
        if suggest_quotes:
            previous = body[-1] if body and isinstance(body[-1], ParaInfo) else None
            _quote(elements, i, element, draft, previous)
        body.append(element)
    return body


def _contact(elements: list[Element], i: int, element: ParaInfo, draft: Draft,
             report: ImportReport) -> int | None:
    """Contacts from a contact line (and up to two lines after it); the lines used, or None."""
    text = element.text
    links = mailto_addresses(element.runs)
    for extra in range(3):
        found = parse_contacts(text, links)
        if found:
            draft.contacts.extend(found)
            return extra
        if i + extra >= len(elements):
            break
        nxt = elements[i + extra]
        if not isinstance(nxt, ParaInfo) or len(nxt.text) > 400:
            break
        if not (EMAIL.search(nxt.text) or mailto_addresses(nxt.runs)):
            break
        text = f"{text} {nxt.text}"
        links += mailto_addresses(nxt.runs)
    report.notes.append(f"a contact line with no email or phone was left in the text: "
                        f"\"{element.text[:80]}\"")
    return None


def _quote(elements: list[Element], i: int, element: ParaInfo, draft: Draft,
           previous: ParaInfo | None) -> None:
    if sum(bool(q.extra.get("suggested")) for q in draft.pull_quotes) >= MAX_SUGGESTED_QUOTES:
        return
    found = find_quote(element.text)
    if found is None and previous is not None and _SAID.search(previous.text):
        # "Chief Executive Jo Bloggs said:" then the quotation as a paragraph of its own.
        found = find_quote(f"{previous.text} {element.text}")
    if found is None and element.is_quote:
        text = element.text.strip("\"\u201c\u201d ")
        who = ""
        if i < len(elements) and isinstance(elements[i], ParaInfo):
            match = re.match(r"^\s*[-\u2013\u2014~]+\s*(.+)$", elements[i].text)
            if match:
                who = match.group(1).strip()
        found = (text, who)
    if found is not None:
        draft.pull_quotes.append(PullQuote(text=found[0], attribution=found[1],
                                           extra={"suggested": True}))


def add_pictures(draft: Draft, pictures: list[PictureRef], caption: str,
                 report: ImportReport) -> None:
    """Queue a paragraph's pictures; a linked picture is reported, never read."""
    for n, picture in enumerate(pictures):
        label = picture.alt or picture.title or picture.name or "a picture"
        if picture.data is None:
            report.dropped.append(f"picture \"{label}\" links to {picture.linked[:80]!r} outside "
                                  "the file: not read; paste the picture itself into the document")
            continue
        draft.pictures.append(PendingPicture(
            data=picture.data, source_name=picture.name, alt=picture.alt or picture.title,
            caption=caption if n == 0 else ""))

