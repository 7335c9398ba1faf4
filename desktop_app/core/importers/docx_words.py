"""The words a Word file shows, read on their own for the word ledger.

This is deliberately not the importer's reader: it walks the XML the simplest way that gives
what Word shows on the page (text runs, tabs and breaks, text boxes once, drop caps joined to
their word, footnotes and endnotes, headers and footers; deleted text, field instructions and
the fallback copies of text boxes left out), so that a word the importer misses is counted here
and shows up as unaccounted for.
"""

from __future__ import annotations

from typing import Any

from ..untrusted import safe_xml
from .docx_read import DIAGRAM_NS, FALLBACK, MATH_NS, R_NS, W_NS, diagram_texts

_T = f"{{{W_NS}}}t"
_MATH_T = f"{{{MATH_NS}}}t"
_P = f"{{{W_NS}}}p"
_SPACES = {f"{{{W_NS}}}{tag}" for tag in ("tab", "br", "cr", "noBreakHyphen")}
_LEFT_OUT = {FALLBACK, f"{{{W_NS}}}del", f"{{{W_NS}}}moveFrom", f"{{{W_NS}}}instrText",
             f"{{{W_NS}}}delText", f"{{{W_NS}}}pPr", f"{{{W_NS}}}rPr"}
_NOTE_TYPES = {"footnotes": "footnote", "endnotes": "endnote"}
_FRAME = f"{{{W_NS}}}framePr"
_DROP_CAP = f"{{{W_NS}}}dropCap"


def story_text(root: Any) -> str:
    """The text of a story (the body, a note, a header) as Word shows it."""
    out: list[str] = []
    _walk(root, out)
    return "".join(out)


def _walk(node: Any, out: list[str]) -> None:
    for child in node.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _LEFT_OUT:
            continue
        if tag == _T or tag == _MATH_T:
            out.append(child.text or "")
        elif tag in _SPACES:
            out.append(" ")
        elif tag == _P:
            _walk(child, out)
            if not _is_drop_cap(child):
                out.append("\n")
        else:
            _walk(child, out)


def _is_drop_cap(p: Any) -> bool:
    frame = p.find(f"{{{W_NS}}}pPr/{_FRAME}")
    return frame is not None and frame.get(_DROP_CAP) in ("drop", "margin")


def word_texts(document: Any) -> tuple[str, str]:
    """The words of a python-docx Document: (the story with its notes, headers and footers)."""
    part = document.part
    story = [story_text(document.element.body)]
    for diagram in document.element.body.iter(f"{{{DIAGRAM_NS}}}relIds"):
        if not any(a.tag == FALLBACK for a in diagram.iterancestors()):
            story += diagram_texts(part, diagram.get(f"{{{R_NS}}}dm") or "")
    margins: list[str] = []
    for rel in part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if rel.is_external or kind not in ("footnotes", "endnotes", "header", "footer"):
            continue
        try:
            root = safe_xml(rel.target_part.blob, kind)
        except Exception:  # a damaged part: the importer reports what it could not read
            continue
        if kind in _NOTE_TYPES:
            for note in root.iterchildren(f"{{{W_NS}}}{_NOTE_TYPES[kind]}"):
                if note.get(f"{{{W_NS}}}type") in (None, "normal"):
                    story.append(story_text(note))
        else:
            text = " ".join(story_text(root).split())
            if text and text not in margins:
                margins.append(text)
    return "\n".join(story), "\n".join(margins)

