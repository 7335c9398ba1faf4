"""The contributor's submission form: written as a Word file, and read back once filled in.

The form is a few two-column tables: a grey label cell (with a one-line hint) on the left and
an empty answer cell on the right. Each answer cell is also a content control tagged with the
field's key, so Word keeps the answer findable even if the label is edited. Reading back tries
the tags first, then the labels in table rows (LibreOffice may drop the tags when it saves),
then labels typed as plain paragraphs ("Title: …") by someone who ignored the layout.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..fileio import write_bytes_atomic
from ..markup import Run
from ..model import BULLETIN_TITLE, STANDARD_SECTIONS, Contact, PullQuote
from .docx_read import (
    DocxReader,
    Element,
    ParaInfo,
    TableInfo,
    elements_to_blocks,
    row_cells,
    w,
)
from .extract import add_pictures, take_parts
from .place import Draft, PendingPicture
from .recognise import normalise_heading, standard_section
from .report import ImportReport
from .write_markup import blocks_markup, plain

FORM_KEYWORDS = "soc-bulletin-submission-form v1"
PICTURES = 2
QUOTES = 3


@dataclass(frozen=True)
class FormField:
    """One labelled place in the form."""

    key: str
    label: str
    hint: str
    height_cm: float = 0.0


def _fields() -> list[tuple[str, list[FormField]]]:
    sections = ", ".join(title for _, title in STANDARD_SECTIONS[:-1])
    sections += f" or {STANDARD_SECTIONS[-1][1]}"
    groups: list[tuple[str, list[FormField]]] = [
        ("1. Your article", [
            FormField("title", "Article title", "A short headline, up to about ten words.", 1.2),
            FormField("section", "Suggested section", f"Where it fits: {sections}.", 1.2),
            FormField("summary", "One-line summary", "One sentence that sums the article up.",
                      1.5),
            FormField("body", "The article", "Type or paste your text here: paragraphs, bullet "
                      "lists, bold, italic, links and sub-headings all come through. About "
                      "300 to 600 words.", 11.0),
        ]),
        ("2. Pull quotes (optional)", [
            f for n in range(1, QUOTES + 1) for f in (
                FormField(f"quote{n}", f"Pull quote {n}", "A sentence someone said, to print "
                          "large beside the article.", 1.5),
                FormField(f"quote{n}_by", f"Pull quote {n}: said by", "Their name and role.",
                          0.9),
            )
        ]),
        ("3. Who readers can contact", [
            FormField("contact_name", "Contact name", "", 0.9),
            FormField("contact_role", "Role", "Job title.", 0.9),
            FormField("contact_org", "Organisation", "", 0.9),
            FormField("contact_email", "Email", "", 0.9),
            FormField("contact_phone", "Phone", "", 0.9),
        ]),
        ("4. Pictures (optional)", [
            f for n in range(1, PICTURES + 1) for f in (
                FormField(f"picture{n}", f"Picture {n}", "Paste the picture in this box (do "
                          "not link to a file).", 5.0),
                FormField(f"picture{n}_alt", f"Picture {n}: alt text", "What the picture "
                          "shows, for readers who cannot see it.", 1.2),
                FormField(f"picture{n}_caption", f"Picture {n}: caption", "Printed under the "
                          "picture; include any credit.", 1.2),
            )
        ]),
        ("5. Clearance", [
            FormField("cleared", "Cleared for publication", "Type YES, your name and the date "
                      "to confirm this content is cleared for publication and everyone named "
                      "or pictured has agreed.", 1.5),
        ]),
    ]
    return groups


FIELDS: list[FormField] = [f for _, group in _fields() for f in group]
KEYS = {f.key for f in FIELDS}

# Labels a person might type instead of the form's own, normalised.
_SYNONYMS = {
    "title": "title", "headline": "title", "article title": "title",
    "section": "section", "suggested section": "section",
    "summary": "summary", "one line summary": "summary", "standfirst": "summary",
    "body": "body", "article": "body", "the article": "body", "article text": "body",
    "text": "body", "main text": "body",
    "quote": "quote", "pull quote": "quote", "attribution": "quote_by", "said by": "quote_by",
    "quote by": "quote_by",
    "contact": "contact_name", "name": "contact_name", "contact name": "contact_name",
    "role": "contact_role", "job title": "contact_role", "organisation": "contact_org",
    "organization": "contact_org", "email": "contact_email", "e mail": "contact_email",
    "phone": "contact_phone", "telephone": "contact_phone", "tel": "contact_phone",
    "picture": "picture", "image": "picture", "photo": "picture", "alt text": "picture_alt",
    "caption": "picture_caption", "cleared": "cleared", "cleared for publication": "cleared",
}
for _field in FIELDS:
    _SYNONYMS.setdefault(normalise_heading(_field.label), _field.key)
_OWN_LABELS = {normalise_heading(f.label) for f in FIELDS}
FORM_LABELS_NEEDED = 4

_LABEL_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z \-]{1,40}?)\s*(?:\d\s*)?(?::|\u2013|\u2014)\s*")


# ---- writing ------------------------------------------------------------------------------


def write_form(out: Path | str) -> None:
    """Write the blank submission form as a Word file, atomically."""
    document = build_form()
    buffer = io.BytesIO()
    document.save(buffer)
    write_bytes_atomic(out, buffer.getvalue())


def build_form() -> Any:
    """The blank submission form as a python-docx Document."""
    doc = Document()
    props = doc.core_properties
    props.title = f"{BULLETIN_TITLE}: article submission form"
    props.keywords = FORM_KEYWORDS
    props.author = "SOC Local Partnerships Bulletin team"
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(1.8)
    normal = doc.styles["Normal"]
    _arial(normal)
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(3)
    for name, size in (("Title", 22), ("Heading 1", 14), ("Heading 2", 12.5)):
        style = doc.styles[name]
        _arial(style)
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)

    kicker = doc.add_paragraph()
    run = kicker.add_run(BULLETIN_TITLE.upper())
    run.bold = True
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    doc.add_paragraph("Article submission form", style="Title")
    doc.add_paragraph("How to fill it in", style="Heading 2")
    for line in (
        "Type or paste your answers into the white boxes on the right. Leave a box empty if "
        "it does not apply.",
        "Keep the grey labels on the left as they are: the bulletin team's software reads "
        "your answers by them.",
        "Paste each picture into its box (do not link to a file) and say what it shows in "
        "the alt text box.",
        "Save as a Word file (.docx) and email it to your regional team contact or the "
        "bulletin mailbox.",
    ):
        doc.add_paragraph(line, style="List Bullet")
    for heading, fields in _fields():
        doc.add_paragraph(heading, style="Heading 2").paragraph_format.keep_with_next = True
        _add_table(doc, fields)
    return doc


def _arial(style: Any) -> None:
    """Arial for a style, dropping the theme fonts that would otherwise win over it."""
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Arial")


def _add_table(doc: Any, fields: list[FormField]) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    widths = (Cm(5.2), Cm(11.8))
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for grid_col, width in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), widths,
                               strict=False):
        grid_col.set(qn("w:w"), str(int(width.twips)))
    for field in fields:
        row = table.add_row()
        row.height = Cm(field.height_cm)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        # A short row never breaks over a page; the tall ones may, rather than leave gaps.
        if field.height_cm < 3:
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
        label_cell, answer_cell = row.cells
        label_cell.width, answer_cell.width = widths
        _shade(label_cell, "E8EDF3")
        para = label_cell.paragraphs[0]
        para.paragraph_format.space_after = Pt(1)
        label = para.add_run(field.label)
        label.bold = True
        if field.hint:
            hint = label_cell.add_paragraph().add_run(field.hint)
            hint.font.size = Pt(8.5)
            hint.font.color.rgb = RGBColor(0x4D, 0x4D, 0x4D)
        # Word expects every content control's id to be unique in the document.
        _content_control(answer_cell, field, 1000 + [f.key for f in FIELDS].index(field.key))


def _shade(cell: Any, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _content_control(cell: Any, field: FormField, ident: int) -> None:
    """Wrap the answer cell's paragraph in a rich-text content control tagged with the key."""
    tc = cell._tc
    para = cell.paragraphs[0]._p
    sdt = OxmlElement("w:sdt")
    sdt_pr = OxmlElement("w:sdtPr")
    for tag, value in (("w:alias", field.label), ("w:tag", field.key), ("w:id", str(ident))):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        sdt_pr.append(element)
    content = OxmlElement("w:sdtContent")
    sdt.append(sdt_pr)
    sdt.append(content)
    tc.replace(para, sdt)
    content.append(para)


# ---- reading ------------------------------------------------------------------------------


def read_form(reader: DocxReader, elements: list[Element], report: ImportReport) -> Draft | None:
    """A filled-in form as a draft article; None if the document is not a form."""
    answers = _tagged_answers(reader)
    tagged = len(answers)
    table, own_labels = _table_answers(reader)
    for key, value in table.items():
        answers.setdefault(key, value)
    # The form's own tags, or enough of its own labels: a document with a "Title" row in a
    # table is not a form.
    if tagged >= 2 or own_labels >= FORM_LABELS_NEEDED:
        report.consumed(blank_form_text())  # the form's own headings, labels and hints
        return _draft(answers, report)
    labels: list[str] = []
    answers = _paragraph_answers(elements, labels)
    if answers is not None:
        report.notes.append("the form's layout was not used: answers were read from labels "
                            "typed as ordinary lines (\"Title: ...\"); check them")
        for label in labels:
            report.consumed(label)
        return _draft(answers, report)
    return None


@lru_cache(maxsize=1)
def blank_form_text() -> str:
    """Every word of the blank form: what a filled-in form holds besides the answers."""
    from .docx_words import story_text

    return story_text(build_form().element.body)


def _tagged_answers(reader: DocxReader) -> dict[str, list[Element]]:
    answers: dict[str, list[Element]] = {}
    for sdt in reader.document.element.body.iter(w("sdt")):
        tag = sdt.find(f"{w('sdtPr')}/{w('tag')}")
        key = tag.get(w("val")) if tag is not None else None
        content = sdt.find(w("sdtContent"))
        if key in KEYS and content is not None and key not in answers:
            answers[key] = reader.elements(content)
    return answers


def _table_answers(reader: DocxReader) -> tuple[dict[str, list[Element]], int]:
    """Answers from table rows labelled as the form labels them; and how many labels were
    the form's own (not just a word such as "Title" that any table might have)."""
    answers: dict[str, list[Element]] = {}
    own = 0
    for tr in reader.document.element.body.iter(w("tr")):
        cells = row_cells(tr)
        if len(cells) < 2:
            continue
        first = next(iter(reader.elements(cells[0])), None)
        if not isinstance(first, ParaInfo):
            continue
        key = _label_key(first.text)
        if key in KEYS and key not in answers:
            answers[key] = [e for cell in cells[1:] for e in reader.elements(cell)]
            own += normalise_heading(first.text.rstrip(" :*")) in _OWN_LABELS
    return answers, own


def _label_key(text: str) -> str | None:
    label = normalise_heading(text.rstrip(" :*"))
    return _SYNONYMS.get(label) if label else None


def _paragraph_answers(elements: list[Element],
                       labels: list[str]) -> dict[str, list[Element]] | None:
    """Answers from "Label: value" lines; None unless a title and two more labels are there.

    The labels as typed are added to ``labels``.
    """
    answers: dict[str, list[Element]] = {}
    current: str | None = None
    counts = {"quote": 0, "picture": 0}
    for element in elements:
        key, rest = _labelled(element)
        if key is not None:
            assert isinstance(element, ParaInfo)
            labels.append(_LABEL_LINE.match(element.text).group(0))
            if key in counts:
                counts[key] = min(counts[key] + 1, QUOTES if key == "quote" else PICTURES)
                key = f"{key}{counts[key]}"
            elif key.startswith(("quote_", "picture_")):
                kind, _, part = key.partition("_")
                key = f"{kind}{max(counts[kind], 1)}_{part}"
            current = key
            answers.setdefault(key, [])
            if rest is not None:
                answers[key].append(rest)
            continue
        if isinstance(element, ParaInfo) and element.pictures and not current == "body" and \
                counts["picture"] < PICTURES:
            counts["picture"] += 1
            current = f"picture{counts['picture']}"
            answers.setdefault(current, []).append(element)
            continue
        if current is None:
            continue
        target = current if current in ("body", "summary") or current.startswith("quote") \
            else "body"
        answers.setdefault(target, []).append(element)
    if "title" in answers and len(answers) >= 3:
        return answers
    return None


def _labelled(element: Element) -> tuple[str | None, ParaInfo | None]:
    if not isinstance(element, ParaInfo) or element.list_level >= 0:
        return None, None
    match = _LABEL_LINE.match(element.text)
    if not match:
        return None, None
    key = _SYNONYMS.get(normalise_heading(match.group(1)))
    if key is None:
        return None, None
    rest = _drop_chars(element, len(match.group(0)))
    return key, rest if rest.text or rest.pictures else None


def _drop_chars(para: ParaInfo, count: int) -> ParaInfo:
    """A copy of a paragraph without its first ``count`` visible characters (the label)."""
    runs: list[Run] = []
    text = "".join(r.text for r in para.runs)
    # The label was matched on text with whitespace collapsed; count on the raw runs instead.
    raw_count = len(text) - len(text.lstrip()) + count
    for run in para.runs:
        if raw_count <= 0:
            runs.append(run)
        elif len(run.text) <= raw_count:
            raw_count -= len(run.text)
        else:
            runs.append(Run(run.text[raw_count:], run.bold, run.italic, run.href))
            raw_count = 0
    return ParaInfo(style=para.style, runs=runs, pictures=para.pictures)


def _text(answers: dict[str, list[Element]], key: str) -> str:
    parts = []
    for element in answers.get(key, []):
        if isinstance(element, ParaInfo):
            parts.append(element.text)
        elif isinstance(element, TableInfo):
            parts.extend(" ".join(row) for row in element.rows)
    return " ".join(p for p in parts if p).strip()


def _draft(answers: dict[str, list[Element]], report: ImportReport) -> Draft:
    title = _text(answers, "title").rstrip(":").strip()
    if not title:
        title = "Untitled submission"
        report.notes.append("the form has no article title: it was called "
                            f"\"{title}\"; give it one")
    draft = Draft(title=title, standfirst=_text(answers, "summary"))
    section_text = _text(answers, "section")
    if section_text:
        report.consumed(section_text)  # recorded as the suggestion, in the bulletin's words
        sid = standard_section(section_text) or _section_in(section_text)
        titles = dict(STANDARD_SECTIONS)
        draft.suggested_section = titles[sid] if sid else section_text
        if not sid:
            report.notes.append(f"suggested section \"{section_text}\" is not one of the "
                                "bulletin's sections")
    for n in range(1, QUOTES + 1):
        text = _text(answers, f"quote{n}").strip("\"\u201c\u201d\u2018\u2019' ")
        who = _text(answers, f"quote{n}_by").lstrip("-\u2013\u2014 ")
        if text:
            draft.pull_quotes.append(PullQuote(text=text, attribution=who))
        elif who:
            report.drop(f"pull quote {n}'s speaker \"{who}\": the quote itself is empty", who)
    contact = Contact(name=_text(answers, "contact_name"), role=_text(answers, "contact_role"),
                      organisation=_text(answers, "contact_org"),
                      email=_text(answers, "contact_email").removeprefix("mailto:"),
                      phone=_text(answers, "contact_phone"))
    if any((contact.name, contact.email, contact.phone)):
        draft.contacts.append(contact)
    for n in range(1, PICTURES + 1):
        found = [p for e in answers.get(f"picture{n}", []) if isinstance(e, ParaInfo)
                 for p in e.pictures]
        alt, caption = _text(answers, f"picture{n}_alt"), _text(answers, f"picture{n}_caption")
        if not found:
            if alt or caption:
                report.drop(f"picture {n}'s alt text and caption: no picture was pasted in its "
                            "box", f"{alt} {caption}")
            continue
        add_pictures(draft, found[:1], caption, report)
        if draft.pictures and alt and draft.pictures[-1].data is found[0].data:
            draft.pictures[-1].alt = alt
        if len(found) > 1:
            add_pictures(draft, found[1:], "", report)
    body = take_parts(answers.get("body", []), draft, report,
                      suggest_quotes=not draft.pull_quotes)
    draft.body = blocks_markup(elements_to_blocks(body, report.notes))
    if not draft.body:
        report.notes.append("the form's article box is empty")
    cleared = _text(answers, "cleared")
    if re.match(r"(?i)^\s*(yes|y|confirmed|cleared|agreed)\b", cleared):
        draft.extra["cleared_for_publication"] = cleared
    else:
        report.notes.append("not confirmed as cleared for publication"
                            + (f" (the form says \"{cleared[:60]}\")" if cleared else ""))
    return draft


def _section_in(text: str) -> str | None:
    """A standard section named somewhere in a longer answer ("Disruptions, I think")."""
    words = f" {normalise_heading(text)} "
    for sid, title in STANDARD_SECTIONS:
        if f" {normalise_heading(title)} " in words:
            return sid
    return None


__all__ = ["write_form", "build_form", "read_form", "FIELDS", "PendingPicture", "plain"]
