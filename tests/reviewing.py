"""Play the reviewer: add comments to a Word file the way Word does, for the tests.

python-docx adds a comment on a range of runs. Word's extras are written here with lxml: a
comment on a point (only a reference mark), and ``commentsExtended.xml`` holding replies and
resolved state (keyed by the ``w14:paraId`` of each comment's last paragraph).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
RT_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
CT_EXTENDED = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"


@dataclass
class Remark:
    """One comment to add: on the paragraph containing ``on`` (and ``to``, if it spans)."""

    on: str
    text: str
    author: str = "Priya Reviewer"
    initials: str = "PR"
    to: str | None = None  # text of a later paragraph: the comment spans paragraphs
    point: bool = False  # a comment on a point, with no range
    reply_to: int | None = None  # index of the remark this one answers
    resolved: bool = False
    occurrence: int = 0  # which paragraph holding ``on``: 0 the first, 1 the second...
    date: str = ""  # w:date as Word writes it (to the minute), if given


def paragraph_with(document, text: str, occurrence: int = 0):
    found = [p for p in document.paragraphs if text in p.text and p.runs]
    if len(found) <= occurrence:
        raise AssertionError(f"no paragraph {occurrence + 1} with {text!r}")
    return found[occurrence]


def add_remarks(source: Path, target: Path, remarks: list[Remark]) -> Path:
    """A copy of ``source`` with the remarks added as comments."""
    document = docx.Document(str(source))
    comments = []
    for remark in remarks:
        first = paragraph_with(document, remark.on, remark.occurrence)
        if remark.point:
            comment = document.comments.add_comment(text=remark.text, author=remark.author,
                                                    initials=remark.initials)
            mark = parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                f'<w:commentReference w:id="{comment.comment_id}"/></w:r>'
            )
            first.runs[-1]._r.addnext(mark)
        else:
            last = paragraph_with(document, remark.to) if remark.to else first
            comment = document.add_comment([first.runs[0], last.runs[-1]], text=remark.text,
                                           author=remark.author, initials=remark.initials)
        if remark.date:
            comment._comment_elm.set(qn("w:date"), remark.date)
        comments.append(comment)
    extended = [f"<w15:commentsEx {nsdecls('w')} xmlns:w15=\"{W15}\">"]
    for i, (remark, comment) in enumerate(zip(remarks, comments, strict=True)):
        para_id = f"{0x10000000 + i:08X}"
        comment._element.findall(qn("w:p"))[-1].set(f"{{{W14}}}paraId", para_id)
        parent = ""
        if remark.reply_to is not None:
            parent = f' w15:paraIdParent="{0x10000000 + remark.reply_to:08X}"'
        extended.append(f'<w15:commentEx w15:paraId="{para_id}"{parent} '
                        f'w15:done="{1 if remark.resolved else 0}"/>')
    extended.append("</w15:commentsEx>")
    part = Part(PackURI("/word/commentsExtended.xml"), CT_EXTENDED,
                "".join(extended).encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT_EXTENDED)
    document.save(str(target))
    return target
