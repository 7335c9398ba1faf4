"""Taking an article's parts out of the text read from a Word file: pictures, contacts, quotes.

Both Word readers use these: the free-form document reader (:mod:`.docx_import`) and the
submission form's article box (:mod:`.form`), so they live in a module of their own that
imports neither.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import PullQuote
from .contacts import find_contacts, without_contact
from .docx_read import Element, ParaInfo, PictureRef, TableInfo
from .place import Draft, PendingPicture
from .quotes import QUOTE_MARKS, quote_in, said_line, strip_marks, suggestions_full
from .recognise import mailto_addresses
from .report import ImportReport


def take_parts(elements: list[Element], draft: Draft, report: ImportReport,
               suggest_quotes: bool) -> list[Element]:
    """Take pictures, captions and contact lines out of the text into the draft.

    A contact line leaves the text (the sentences around it stay); quotations with a speaker
    become pull quotes marked as suggestions (they stay in the body, where the contributor put
    them). Returns the elements left for the body.
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
        if not element.text:
            continue
        if element.list_level < 0 and not element.heading:
            found = find_contacts(_text(element), mailto_addresses(element.runs),
                                  _following(elements, i))
            if found is not None:
                draft.contacts.extend(found.contacts)
                for words in found.consumed:
                    report.consumed(words)
                i += found.lines
                if found.start == found.end:
                    body.append(element)
                else:
                    rest = replace(element, runs=without_contact(element.runs, found))
                    if rest.text:
                        body.append(rest)
                continue
        if suggest_quotes:
            previous = body[-1] if body and isinstance(body[-1], ParaInfo) else None
            _quote(elements, i, element, draft, previous)
        body.append(element)
    return body


def _text(para: ParaInfo) -> str:
    """A paragraph's text with its line breaks, for the recognisers (offsets as its runs')."""
    return "".join(r.text for r in para.runs)


def _following(elements: list[Element], i: int) -> list[str]:
    """The texts of the short paragraphs after position ``i``: a contact block may go on
    over them ("For more information contact:" / "Jo Day" / "Direct: 01632 ...")."""
    out: list[str] = []
    for element in elements[i:i + 8]:
        if not isinstance(element, ParaInfo) or element.heading or element.list_level >= 0 \
                or element.pictures:
            break
        out.append(_text(element))
    return out


def _quote(elements: list[Element], i: int, element: ParaInfo, draft: Draft,
           previous: ParaInfo | None) -> None:
    if suggestions_full(draft.pull_quotes):
        return
    text = element.text
    before = previous.text if previous is not None else ""
    if not (element.is_quote or QUOTE_MARKS & set(text) or before.endswith((":", ","))):
        return  # no quotation marks and no "X said:" before: nothing to look at
    found = quote_in(text, before, bold=element.all_bold)
    if found is not None and not found[1] and not element.is_quote:
        found = None  # a paragraph in quotation marks with no speaker: not offered
    if found is None and element.is_quote:
        text = strip_marks(element.text)
        who = ""
        if i < len(elements) and isinstance(elements[i], ParaInfo):
            match = re.match(r"^\s*[-\u2013\u2014~]+\s*(.+)$", elements[i].text)
            if match:
                who = match.group(1).strip()
        if not who and previous is not None:
            who = said_line(previous.text) or ""
        found = (text, who)
    if found is not None and found[0]:
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

