"""Links and anchors in a Word file, which python-docx has no API for.

A web or mailto link is a ``w:hyperlink`` pointing at an external relationship; a link inside
the document (the contents list) is a ``w:hyperlink`` with ``w:anchor`` naming a bookmark; a
bookmark is a ``w:bookmarkStart``/``w:bookmarkEnd`` pair sharing a numeric id.

Bookmark names are computed from the layout's anchors, which come from the issue's stable ids,
so the comment reader recomputes them from the issue and nothing extra is stored in the file.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ..layout import article_anchor, section_anchor

MAX_BOOKMARK = 40  # Word's limit; longer names are cut short by Word on save
_PREFIXES = (("section-", "s_"), ("article-", "a_"))
_NOT_NAME = re.compile(r"[^A-Za-z0-9_]")


def bookmark_name(anchor: str) -> str:
    """The Word bookmark name for a layout anchor ("article-fraud-week" -> "a_fraud_week").

    Word wants at most 40 letters, digits and underscores, starting with a letter. An id that
    does not fit is cut short and given a hash of the whole anchor, so names stay distinct.
    """
    prefix, rest = "b_", anchor
    for start, short in _PREFIXES:
        if anchor.startswith(start):
            prefix, rest = short, anchor[len(start):]
            break
    plain = rest.replace("-", "_")
    name = prefix + _NOT_NAME.sub("_", plain)
    if len(name) > MAX_BOOKMARK or _NOT_NAME.search(plain):
        digest = hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:8]
        name = f"{name[:MAX_BOOKMARK - 9]}_{digest}"
    return name


def article_bookmark(article_id: str) -> str:
    return bookmark_name(article_anchor(article_id))


def section_bookmark(section_id: str) -> str:
    return bookmark_name(section_anchor(section_id))


def w(tag: str) -> str:
    return qn(f"w:{tag}")


def run_element(text: str, *, bold: bool = False, italic: bool = False,
                style_id: str | None = None) -> etree._Element:
    """A ``w:r`` holding text; a lone ``\\n`` becomes a line break, as the markup means it."""
    r = etree.Element(w("r"))
    if style_id or bold or italic:
        rpr = etree.SubElement(r, w("rPr"))
        if style_id:
            etree.SubElement(rpr, w("rStyle")).set(w("val"), style_id)
        if bold:
            etree.SubElement(rpr, w("b"))
        if italic:
            etree.SubElement(rpr, w("i"))
    parts = text.split("\n")
    for i, part in enumerate(parts):
        if i:
            etree.SubElement(r, w("br"))
        if part:
            t = etree.SubElement(r, w("t"))
            t.text = part
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def hyperlink(part: Any, url: str, runs: list[etree._Element]) -> etree._Element:
    """A clickable link to ``url`` (http, https or mailto) around ``runs``."""
    rel_id = part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = etree.Element(w("hyperlink"))
    link.set(qn("r:id"), rel_id)
    link.set(w("history"), "1")
    link.extend(runs)
    return link


def internal_link(bookmark: str, runs: list[etree._Element]) -> etree._Element:
    """A link to a bookmark in the same document."""
    link = etree.Element(w("hyperlink"))
    link.set(w("anchor"), bookmark)
    link.set(w("history"), "1")
    link.extend(runs)
    return link


class Bookmarks:
    """Hands out bookmark ids and places the start and end markers."""

    def __init__(self) -> None:
        self._next = 1
        self._open: dict[str, str] = {}

    def start(self, paragraph: etree._Element, name: str) -> None:
        """Open ``name`` at the start of ``paragraph`` (before its runs)."""
        mark = etree.Element(w("bookmarkStart"))
        mark.set(w("id"), str(self._next))
        mark.set(w("name"), name)
        self._open[name] = str(self._next)
        self._next += 1
        ppr = paragraph.find(w("pPr"))
        if ppr is not None:
            ppr.addnext(mark)
        else:
            paragraph.insert(0, mark)

    def end(self, paragraph: etree._Element, name: str) -> None:
        """Close ``name`` at the end of ``paragraph``."""
        mark = etree.SubElement(paragraph, w("bookmarkEnd"))
        mark.set(w("id"), self._open.pop(name))

    @property
    def open_names(self) -> list[str]:
        return list(self._open)
