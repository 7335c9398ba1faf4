"""Taking an article's parts out of the text read from a Word file: pictures, contacts, quotes.

Both Word readers use these: the free-form document reader (:mod:`.docx_import`) and the
submission form's article box (:mod:`.form`), so they live in a module of their own that
imports neither.
"""

from __future__ import annotations

import re

from ..model import PullQuote
from .docx_read import Element, ParaInfo, PictureRef, TableInfo
from .place import Draft, PendingPicture
from .recognise import EMAIL, find_quote, is_contact_line, mailto_addresses, parse_contacts
from .report import ImportReport

MAX_SUGGESTED_QUOTES = 3
_SAID = re.compile(r"\b(?:said|says|added|explained|commented)\s*:\s*$", re.IGNORECASE)


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
            report.drop(f"picture \"{label}\" links to {picture.linked[:80]!r} outside the file: "
                        "not read; paste the picture itself into the document",
                        f"{picture.alt} {picture.title} {caption if n == 0 else ''}")
            continue
        draft.pictures.append(PendingPicture(
            data=picture.data, source_name=picture.name, alt=picture.alt or picture.title,
            caption=caption if n == 0 else ""))

