"""Reading the body of an untrusted Word file into importer blocks, pictures and notes.

python-docx has no API for hyperlinks, pictures in runs or numbering, so this walks the
document's XML (already parsed by python-docx, after :mod:`desktop_app.core.untrusted` checked
the package) in reading order. Pictures are taken only from parts inside the file: a picture
linked to a file or web address outside it is reported and never read.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Any

from ..markup import Run, link_problem, link_scheme, linkify_runs, safe_href
from ..untrusted import safe_xml
from .write_markup import Block, Item, ItemList, Para, SubHeading, plain

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {
    "w": W_NS,
    "r": R_NS,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "v": "urn:schemas-microsoft-com:vml",
}
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
DIAGRAM_NS = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
ALTERNATE = f"{{{MC_NS}}}AlternateContent"
FALLBACK = f"{{{MC_NS}}}Fallback"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def r(tag: str) -> str:
    return f"{{{R_NS}}}{tag}"


_ON = {None, "1", "true", "on"}
_TEXT_TAGS = {w("t"): None, w("tab"): " ", w("noBreakHyphen"): "-", w("softHyphen"): "",
              w("cr"): "\n"}
_SKIPPED = {w("del"), w("moveFrom"), w("delText"), w("rPr"), w("pPr"), w("commentReference"),
            w("footnoteRef"), w("endnoteRef"), w("proofErr"), w("bookmarkStart"),
            w("bookmarkEnd"), w("lastRenderedPageBreak")}
# Wrappers whose children are read as if they stood in the wrapper's place.
_BLOCK_WRAPPERS = {w("customXml"), w("ins"), w("moveTo"), w("smartTag")}
_NOTE_KINDS = {w("footnoteReference"): "footnote", w("endnoteReference"): "endnote"}


@dataclass
class PictureRef:
    """A picture found in the text: its bytes (if inside the file), alt text and name."""

    data: bytes | None
    name: str
    alt: str = ""
    title: str = ""
    caption: str = ""
    linked: str = ""  # the outside target of a linked picture, never read


@dataclass
class ParaInfo:
    """One paragraph as read: style facts, runs, and pictures in it."""

    style: str
    runs: list[Run]
    heading: int = 0  # 1-9 for a heading style, 0 otherwise
    is_title: bool = False
    is_subtitle: bool = False
    is_caption: bool = False
    is_quote: bool = False
    list_level: int = -1  # -1: not a list item
    ordered: bool = False
    pictures: list[PictureRef] = field(default_factory=list)
    drop_cap: bool = False  # a dropped first letter, framed apart from the rest of its word
    diagram: list[str] = field(default_factory=list)  # the words of a SmartArt diagram in it

    @property
    def text(self) -> str:
        return plain(self.runs)

    @property
    def all_bold(self) -> bool:
        visible = [r for r in self.runs if r.text.strip()]
        return bool(visible) and all(r.bold for r in visible)


@dataclass
class TableInfo:
    """A table as rows of cell texts."""

    rows: list[list[str]]


Element = ParaInfo | TableInfo


class DocxReader:
    """Reads paragraphs and tables of one opened python-docx Document."""

    def __init__(self, document: Any, missing: dict[str, str] | None = None) -> None:
        self.document = document
        self.part = document.part
        # What was left out, and the words it took with it (for the word ledger).
        self.dropped: list[tuple[str, str]] = []
        self.notes: list[str] = []
        # Footnotes and endnotes met in the text, numbered in order of their references.
        self.footnotes: list[list[Run]] = []
        self._missing = missing or {}  # relationship id -> a part the file does not hold
        self._styles = self._read_styles()
        self._numbering = self._read_numbering()
        self._note_parts: dict[str, dict[str, Any]] | None = None
        # Each paragraph is read once: the form reader looks at some twice, and a footnote
        # reference must be numbered once.
        self._read: dict[Any, ParaInfo] = {}
        self._picture_count = 0
        # Open fields, innermost last: [instructions, past "separate", link target or None].
        self._fields: list[list[Any]] = []

    # ---- styles and numbering --------------------------------------------------------------

    def _read_styles(self) -> dict[str, tuple[str, str | None, Any]]:
        """style id -> (name, based-on id, numPr element or None)."""
        out: dict[str, tuple[str, str | None, Any]] = {}
        try:
            root = self.document.styles.element
        except Exception:  # a file with no styles part still has text worth reading
            return out
        for style in root.iterchildren(w("style")):
            sid = style.get(w("styleId")) or ""
            name_el = style.find(w("name"))
            based = style.find(w("basedOn"))
            num = style.find(f"{w('pPr')}/{w('numPr')}")
            out[sid] = (name_el.get(w("val")) if name_el is not None else sid,
                        based.get(w("val")) if based is not None else None, num)
        return out

    def _style_chain(self, style_id: str) -> list[tuple[str, Any]]:
        chain: list[tuple[str, Any]] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and len(chain) < 10:
            seen.add(style_id)
            name, based, num = self._styles.get(style_id, (style_id, None, None))
            chain.append((name, num))
            style_id = based or ""
        return chain

    def _read_numbering(self) -> dict[tuple[str, int], bool]:
        """(numId, level) -> ordered?  Bullets are "bullet" or "none"; anything else counts."""
        try:
            root = self.part.numbering_part.element
        except Exception:  # no numbering part: lists fall back to style names
            return {}
        abstract: dict[str, dict[int, bool]] = {}
        for node in root.iterchildren(w("abstractNum")):
            levels: dict[int, bool] = {}
            for lvl in node.iterchildren(w("lvl")):
                fmt = lvl.find(w("numFmt"))
                value = fmt.get(w("val")) if fmt is not None else "decimal"
                levels[_int(lvl.get(w("ilvl")))] = value not in ("bullet", "none")
            abstract[node.get(w("abstractNumId")) or ""] = levels
        out: dict[tuple[str, int], bool] = {}
        for num in root.iterchildren(w("num")):
            ref = num.find(w("abstractNumId"))
            levels = abstract.get(ref.get(w("val")) if ref is not None else "", {})
            for level, ordered in levels.items():
                out[(num.get(w("numId")) or "", level)] = ordered
        return out

    # ---- walking ---------------------------------------------------------------------------

    def body_elements(self) -> list[Element]:
        """Every paragraph and table of the main text, in reading order."""
        return self.elements(self.document.element.body)

    def elements(self, container: Any) -> list[Element]:
        """Paragraphs and tables under a body, cell or content control, in order.

        A drop cap (a first letter framed on its own) is joined to the paragraph it starts.
        """
        out: list[Element] = []
        cap: ParaInfo | None = None
        for element in self._walk(container):
            if cap is not None and isinstance(element, ParaInfo) and element.runs:
                element = replace(element, runs=cap.runs + element.runs,
                                  pictures=cap.pictures + element.pictures)
                cap = None
            elif cap is not None:
                out.append(cap)
                cap = None
            if isinstance(element, ParaInfo) and element.drop_cap:
                cap = element
            else:
                out.append(element)
        if cap is not None:
            out.append(cap)
        return out

    def _walk(self, container: Any) -> list[Element]:
        out: list[Element] = []
        for child in container.iterchildren():
            tag = child.tag
            if tag == w("p"):
                para = self.paragraph(child)
                out.append(para)
                out.extend(ParaInfo(style="", runs=[Run(text)], list_level=0)
                           for text in para.diagram)
                out.extend(self._text_boxes(child))
            elif tag == w("tbl"):
                out.append(self.table(child))
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    out.extend(self._walk(content))
            elif tag in _BLOCK_WRAPPERS:
                out.extend(self._walk(child))
            elif tag == ALTERNATE:
                out.extend(self._walk(_chosen(child)))
            elif tag == w("altChunk"):
                self.dropped.append(("a part of the document kept in another format (an "
                                     "embedded web page or file) could not be read", ""))
        return out

    def _text_boxes(self, p: Any) -> list[Element]:
        """Text boxes anchored in a paragraph, each read once.

        Word stores a text box twice, as DrawingML and as a VML fallback for old readers; only
        the first is read, and a box inside a box is read with the box that holds it.
        """
        out: list[Element] = []
        if p.find(f".//{w('txbxContent')}") is None:  # most paragraphs: no need to walk them
            return out
        for box in _outer_boxes(p):
            found = self.elements(box)
            if any(isinstance(e, ParaInfo) and e.text for e in found):
                self._note_once("text from a text box was placed after the paragraph that "
                                "held it")
            out.extend(found)
        return out

    def table(self, tbl: Any) -> TableInfo:
        rows: list[list[str]] = []
        for tr in table_rows(tbl):
            cells: list[str] = []
            for tc in row_cells(tr):
                texts = []
                for element in self.elements(tc):
                    if isinstance(element, ParaInfo):
                        texts.append(element.text)
                    else:
                        texts.extend(" | ".join(row) for row in element.rows)
                cells.append(" ".join(t for t in texts if t))
            if any(cells):
                rows.append(cells)
        return TableInfo(rows=rows)

    def paragraph(self, p: Any) -> ParaInfo:
        """One paragraph's style facts, runs and pictures (read once, then remembered)."""
        known = self._read.get(p)
        if known is None:
            known = self._read[p] = self._paragraph(p)
        return known

    def _paragraph(self, p: Any) -> ParaInfo:
        ppr = p.find(w("pPr"))
        style_id = ""
        num_el = None
        outline = None
        drop_cap = False
        if ppr is not None:
            style_el = ppr.find(w("pStyle"))
            style_id = style_el.get(w("val")) if style_el is not None else ""
            num_el = ppr.find(w("numPr"))
            out_el = ppr.find(w("outlineLvl"))
            outline = _int(out_el.get(w("val"))) if out_el is not None else None
            frame = ppr.find(w("framePr"))
            drop_cap = frame is not None and frame.get(w("dropCap")) in ("drop", "margin")
        chain = self._style_chain(style_id or "Normal")
        names = [name.casefold() for name, _ in chain]
        info = ParaInfo(style=chain[0][0] if chain else "", runs=[], drop_cap=drop_cap)
        for name in names:
            match = re.fullmatch(r"heading\s*([1-9])", name)
            if match:
                info.heading = int(match.group(1))
                break
        if not info.heading and outline is not None and outline < 9:
            info.heading = outline + 1
        info.is_title = "title" in names
        info.is_subtitle = "subtitle" in names
        info.is_caption = "caption" in names
        info.is_quote = any(n in ("quote", "intense quote") for n in names)
        if num_el is None:
            num_el = next((num for _, num in chain if num is not None), None)
        self._list_facts(info, num_el, names)
        self._runs(p, info, None)
        if len(self._fields) > 20:  # a damaged file that never ends its fields
            self._fields.clear()
        return info

    def _list_facts(self, info: ParaInfo, num_el: Any, names: list[str]) -> None:
        if num_el is not None:
            num_id_el = num_el.find(w("numId"))
            num_id = num_id_el.get(w("val")) if num_id_el is not None else ""
            level_el = num_el.find(w("ilvl"))
            level = _int(level_el.get(w("val"))) if level_el is not None else 0
            if num_id and num_id != "0":
                # "List Bullet 2" often numbers at level 0 and indents by its own definition.
                for name in names:
                    match = re.fullmatch(r"list (?:bullet|number) ([2-9])", name)
                    if match and level == 0:
                        level = int(match.group(1)) - 1
                        break
                info.list_level = min(level, 8)
                ordered = self._numbering.get((num_id, level))
                info.ordered = ordered if ordered is not None else any(
                    "number" in n for n in names)
                return
        for name in names:
            match = re.fullmatch(r"list (bullet|number)(?: ([2-9]))?", name)
            if match:
                info.list_level = int(match.group(2) or 1) - 1
                info.ordered = match.group(1) == "number"
                return

    def _runs(self, node: Any, info: ParaInfo, href: str | None) -> None:
        for child in node.iterchildren():
            tag = child.tag
            if tag == w("r"):
                self._run(child, info, href)
            elif tag == w("hyperlink"):
                self._runs(child, info, self._link_target(child))
            elif tag in (w("ins"), w("smartTag"), w("customXml"), w("fldSimple"), w("moveTo"),
                         w("dir"), w("bdo")):
                self._runs(child, info, href)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._runs(content, info, href)
            elif tag == ALTERNATE:
                self._runs(_chosen(child), info, href)
            elif tag in (f"{{{MATH_NS}}}oMath", f"{{{MATH_NS}}}oMathPara"):
                # Kept as its words in italics: fractions and powers lose their layout.
                words = " ".join("".join(t.text or "" for t in child.iter(f"{{{MATH_NS}}}t"))
                                 .split())
                if words:
                    info.runs.append(Run(words, italic=True, href=href))
                    self._note_once("an equation was kept as plain text: check how it reads")

    def _run(self, run: Any, info: ParaInfo, href: str | None) -> None:
        rpr = run.find(w("rPr"))
        bold = italic = False
        if rpr is not None:
            bold = _on(rpr.find(w("b")))
            italic = _on(rpr.find(w("i")))
            style_el = rpr.find(w("rStyle"))
            if style_el is not None:
                style = (self._styles.get(style_el.get(w("val")) or "", ("",))[0] or "").casefold()
                bold = bold or style in ("strong", "bold")
                italic = italic or style in ("emphasis", "subtle emphasis")
        href = href or self._field_href()
        for child in run.iterchildren():
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == w("fldChar"):
                self._field_char(child.get(w("fldCharType")))
                href = href or self._field_href()
            elif tag == w("instrText"):
                if self._fields:
                    self._fields[-1][0] += child.text or ""
            elif self._fields and not self._fields[-1][1]:
                continue  # inside a field's instructions: not text a reader sees
            elif tag == w("t"):
                info.runs.append(Run(child.text or "", bold, italic, href))
            elif tag in _TEXT_TAGS:
                info.runs.append(Run(_TEXT_TAGS[tag] or "", bold, italic, href))
            elif tag == w("br"):
                if child.get(w("type")) in (None, "textWrapping"):
                    info.runs.append(Run("\n"))
            elif tag == w("drawing"):
                self._drawing(child, info)
            elif tag in (w("pict"), w("object")):
                self._vml(child, info)
            elif tag == ALTERNATE:
                self._run_content(_chosen(child), info)
            elif tag in _NOTE_KINDS:
                self._note_reference(_NOTE_KINDS[tag], child.get(w("id")) or "", info)

    def _run_content(self, node: Any, info: ParaInfo) -> None:
        """Pictures inside a run's alternate content (text boxes are read with the paragraph)."""
        for child in node.iterchildren():
            if child.tag == w("drawing"):
                self._drawing(child, info)
            elif child.tag in (w("pict"), w("object")):
                self._vml(child, info)

    # ---- footnotes and endnotes ---------------------------------------------------------------

    def _note_reference(self, kind: str, note_id: str, info: ParaInfo) -> None:
        """A reference to a footnote or endnote: "[n]" in the text, the note's words kept."""
        note = self._note_element(kind, note_id)
        if note is None:
            self.dropped.append((f"a {kind} whose text is missing from the file", ""))
            return
        fields, self._fields = self._fields, []  # the note's own fields, not the text's
        runs: list[Run] = []
        try:
            for element in self.elements(note):
                text = element.runs if isinstance(element, ParaInfo) else [
                    Run(" | ".join(row)) for row in element.rows]
                if runs and text:
                    runs.append(Run(" "))
                runs.extend(r for r in text if r.text != "\n")
        finally:
            self._fields = fields
        self.footnotes.append(runs)
        info.runs.append(Run(f"[{len(self.footnotes)}]"))

    def _note_element(self, kind: str, note_id: str) -> Any:
        if self._note_parts is None:
            self._note_parts = {"footnote": {}, "endnote": {}}
            for rel in self.part.rels.values():
                reltype = rel.reltype.rsplit("/", 1)[-1]
                if reltype not in ("footnotes", "endnotes") or rel.is_external:
                    continue
                try:
                    root = safe_xml(rel.target_part.blob, f"{reltype} part")
                except Exception:  # a damaged notes part: the references say it is missing
                    continue
                found = self._note_parts[reltype[:-1]]
                for note in root.iterchildren(w(reltype[:-1])):
                    found.setdefault(note.get(w("id")) or "", note)
        return self._note_parts[kind].get(note_id)

    # ---- fields: Word may write a link as a HYPERLINK field instead of w:hyperlink ----------

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(["", False, None])
        elif kind == "separate" and self._fields:
            current = self._fields[-1]
            current[1] = True
            match = re.match(r'\s*HYPERLINK\s+(?:"([^"]*)"|(\S+))(.*)$', current[0])
            target = (match.group(1) or match.group(2) or "") if match else ""
            # "HYPERLINK \l bookmark" points inside the document: keep the words only.
            if target and not target.startswith("\\"):
                current[2] = self._check_link(target, "")
        elif kind == "end" and self._fields:
            self._fields.pop()

    def _field_href(self) -> str | None:
        for open_field in reversed(self._fields):
            if open_field[1] and open_field[2]:
                return open_field[2]
        return None

    # ---- links and pictures -------------------------------------------------------------------

    def _link_target(self, link: Any) -> str | None:
        rid = link.get(r("id"))
        text = "".join(t.text or "" for t in link.iter(w("t")))
        if not rid:
            return None  # a link to a bookmark inside the file: keep the words only
        rel = self.part.rels.get(rid)
        if rel is None or not rel.is_external:
            return None
        return self._check_link(str(rel.target_ref or ""), text)

    def _check_link(self, target: str, text: str) -> str | None:
        href = safe_href(target)
        if href is None:
            shown = html.unescape(target)[:80]
            scheme = link_scheme(html.unescape(target)) or "no scheme"
            words = f"link on \"{' '.join(text.split())[:60]}\"" if text.strip() else "a link"
            self.dropped.append((f"{words} to {shown!r}: {link_problem(target, scheme)}", ""))
        return href

    def _drawing(self, drawing: Any, info: ParaInfo) -> None:
        doc_pr = drawing.find(".//wp:docPr", NS)
        alt = " ".join((doc_pr.get("descr") or "").split()) if doc_pr is not None else ""
        title = " ".join((doc_pr.get("title") or "").split()) if doc_pr is not None else ""
        diagram = drawing.find(f".//{{{DIAGRAM_NS}}}relIds")
        if diagram is not None:
            texts = diagram_texts(self.part, diagram.get(r("dm")) or "")
            info.diagram.extend(texts)
            if texts:
                self._note_once("the words of a diagram (SmartArt) were brought in as a list")
            return
        blips = drawing.findall(".//a:blip", NS)
        if not blips:
            if drawing.find(".//{*}chart") is not None:
                self._note_once("a chart could not be brought in: add it as a picture")
            elif drawing.find(".//{*}txbx") is None and drawing.find(".//wp:docPr", NS) is not None:
                self._note_once("a drawing (a shape) could not be brought in")
            return
        blip = blips[0]
        self._picture(info, blip.get(r("embed")), blip.get(r("link")), alt, title)

    def _vml(self, pict: Any, info: ParaInfo) -> None:
        data = pict.find(".//v:imagedata", NS)
        if data is None:
            if pict.tag == w("object"):
                self._note_once("an embedded object (spreadsheet, chart or file) could not be "
                                "brought in")
            return
        shape = data.getparent()
        alt = " ".join((shape.get("alt") or "").split()) if shape is not None else ""
        self._picture(info, data.get(r("id")), data.get(r("href")), alt, "")

    def _picture(self, info: ParaInfo, embed: str | None, link: str | None, alt: str,
                 title: str) -> None:
        self._picture_count += 1
        rel = self.part.rels.get(embed) if embed else None
        if rel is None and link:
            rel = self.part.rels.get(link)
        if rel is None:
            label = f"\"{alt or title}\"" if alt or title else str(self._picture_count)
            part = self._missing.get(embed or "") or self._missing.get(link or "")
            where = f" ({PurePosixPath(part).name})" if part else ""
            self.dropped.append((f"picture {label}{where}: its data is missing from the file; "
                                 "the rest was imported", f"{alt} {title}"))
            return
        if rel.is_external:
            # Never fetched: reading it would reach outside the file (a disk path or the web).
            info.pictures.append(PictureRef(None, "", alt, title, linked=str(rel.target_ref)))
            return
        try:
            part = rel.target_part
            data = part.blob
            name = PurePosixPath(str(part.partname)).name
        except Exception:  # a relationship to a part python-docx could not load
            self.dropped.append((f"picture {self._picture_count}: its data could not be read",
                                 f"{alt} {title}"))
            return
        info.pictures.append(PictureRef(data, name, alt, title))

    def _note_once(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


def diagram_texts(part: Any, rid: str) -> list[str]:
    """The words of a SmartArt diagram, one entry per shape, from its data part."""
    rel = part.rels.get(rid) if rid else None
    if rel is None or rel.is_external:
        return []
    try:
        root = safe_xml(rel.target_part.blob, "diagram data")
    except Exception:  # a damaged diagram: nothing to read
        return []
    a_p, a_t = f"{{{NS['a']}}}p", f"{{{NS['a']}}}t"
    out: list[str] = []
    for point in root.iter(f"{{{DIAGRAM_NS}}}pt"):
        if point.get("type") in ("pres", "parTrans", "sibTrans"):
            continue
        lines = [" ".join("".join(t.text or "" for t in para.iter(a_t)).split())
                 for para in point.iter(a_p)]
        text = " ".join(line for line in lines if line)
        if text:
            out.append(text)
    return out


def _chosen(alternate: Any) -> Any:
    """The branch of an mc:AlternateContent to read: its first Choice, else its Fallback."""
    for child in alternate.iterchildren():
        if child.tag != FALLBACK:
            return child
    fallback = alternate.find(FALLBACK)
    return fallback if fallback is not None else alternate


def _outer_boxes(p: Any) -> list[Any]:
    """The text boxes in a paragraph, leaving out fallbacks and boxes inside boxes."""
    found: list[Any] = []
    stack = list(reversed(list(p.iterchildren())))
    while stack:
        node = stack.pop()
        if node.tag == FALLBACK:
            continue
        if node.tag == w("txbxContent"):
            found.append(node)
            continue
        stack.extend(reversed(list(node.iterchildren())))
    return found


def table_rows(tbl: Any) -> list[Any]:
    """A table's rows, including rows wrapped in content controls or custom XML."""
    return _through_wrappers(tbl, w("tr"))


def row_cells(tr: Any) -> list[Any]:
    """A row's cells, including cells wrapped in content controls or custom XML."""
    return _through_wrappers(tr, w("tc"))


def _through_wrappers(parent: Any, tag: str) -> list[Any]:
    out: list[Any] = []
    for child in parent.iterchildren():
        if child.tag == tag:
            out.append(child)
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                out.extend(_through_wrappers(content, tag))
        elif child.tag in (w("customXml"), w("ins"), w("moveTo")):
            out.extend(_through_wrappers(child, tag))
    return out


def _on(element: Any) -> bool:
    return element is not None and element.get(w("val")) in _ON


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def elements_to_blocks(elements: list[Element], notes: list[str]) -> list[Block]:
    """Paragraphs, lists, sub-headings and tables as body blocks (pictures are taken apart)."""
    blocks: list[Block] = []
    for element in elements:
        if isinstance(element, TableInfo):
            if not element.rows:
                continue
            width = max(len(row) for row in element.rows)
            rows = len(element.rows)
            notes.append(f"a table of {rows} row{'s' if rows != 1 else ''}"
                         f" and {width} column{'s' if width != 1 else ''} became a list, one "
                         "row to an item")
            blocks.append(ItemList([Item(linkify_runs([Run(" | ".join(c for c in row if c))]))
                                    for row in element.rows]))
            continue
        if not element.text:
            continue
        runs = linkify_runs(element.runs)
        if element.list_level >= 0:
            item = Item(runs, element.list_level, element.ordered)
            if blocks and isinstance(blocks[-1], ItemList):
                blocks[-1].items.append(item)
            else:
                blocks.append(ItemList([item]))
        elif element.heading or element.is_title or element.is_subtitle:
            blocks.append(SubHeading(runs))
        else:
            blocks.append(Para(runs))
    return blocks
