"""The Word file reviewers comment on, written from the intermediate form only.

Starts from ``templates/reference.docx`` (named styles the team can restyle in Word), paints the
issue's theme over it, and writes one paragraph per block with real styles: Title and Subtitle
for the masthead, Heading 1 for sections, Heading 2 for articles, the bulletin's own styles for
pull quotes, contacts, callouts and captions. Every section and article is wrapped in a bookmark
named after its id (``docx_links.bookmark_name``), which is what lets ``comments.py`` map a
reviewer's comment back to its article after a word processor has rewritten the file.

Paragraphs are built as lxml elements with cached style ids: python-docx looks styles up by
name on every assignment, which dominates the time of a 200-article export.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.shared import Cm, Emu
from lxml import etree

from desktop_app.templates import template_dir

from .. import blocks as b
from ..blocks import handler_for
from ..errors import BulletinError, ExportError
from ..images import ImageProblem, check_image
from ..layout import article_anchor, build_blocks, section_anchor
from ..markup import Run
from ..model import Contact, Issue
from ..output import check_file, save_file
from ..theme import Theme, load_theme
from .docx_links import Bookmarks, bookmark_name, hyperlink, internal_link, run_element, w
from .docx_styles import LANGUAGE, apply_theme, style_ids

Progress = Callable[[int, int], None]

WHAT = "Word file"
REFERENCE = "reference.docx"
AUTHOR = "Home Office"
PAPER = {"A4": (Cm(21), Cm(29.7)), "Letter": (Emu(7772400), Emu(10058400))}
COLUMN_GAP_TWIPS = 567  # 1 cm between columns
MAX_PICTURE_HEIGHT = Cm(9)
LOGO_HEIGHT = Cm(1.6)


def reference_path() -> Path:
    """The Word template every export starts from."""
    return template_dir() / REFERENCE


def write_docx(issue: Issue, folder: Path | str, out: Path | str, *,
               columns: int | None = None, progress: Progress | None = None) -> list[str]:
    """Write the issue's Word file to ``out`` atomically; returns warnings (missing pictures).

    ``columns`` (1 or 2) overrides the issue's ``export.docx_columns``. Raises ExportError
    when ``out`` cannot be written; the previous file, if any, is then left as it was.
    """
    out = check_file(out, WHAT)
    data, warnings = docx_bytes(issue, folder, columns=columns, progress=progress)
    save_file(out, data, WHAT)
    return warnings


def docx_bytes(issue: Issue, folder: Path | str, *, columns: int | None = None,
               progress: Progress | None = None) -> tuple[bytes, list[str]]:
    """The Word file as bytes, and the warnings met while writing it."""
    columns = columns if columns is not None else (issue.export.docx_columns or 1)
    if columns not in (1, 2):
        raise BulletinError(f"the Word file can have 1 or 2 columns, not {columns}")
    theme = load_theme(issue.export.theme, issue.export)
    blocks = build_blocks(issue, Path(folder))
    writer = _Writer(_open_reference(), theme, columns)
    writer.write(blocks, progress)
    buffer = io.BytesIO()
    writer.document.save(buffer)
    return buffer.getvalue(), writer.warnings


def _open_reference() -> Any:
    path = reference_path()
    try:
        return docx.Document(str(path))
    except Exception as exc:  # a template broken by hand: say which file, in one line
        raise ExportError(f"the Word template {path} cannot be read ({type(exc).__name__}); "
                          "rebuild it with templates/make_reference_docx.py") from None


class _Writer:
    """Turns blocks into paragraphs of one python-docx document."""

    def __init__(self, document: Any, theme: Theme, columns: int) -> None:
        self.document = document
        self.theme = theme
        self.columns = columns
        self.warnings: list[str] = []
        self.part = document.part
        apply_theme(document, theme)
        self.ids = style_ids(document)
        body = document.element.body
        for child in list(body):  # the template's sample paragraphs, if anyone added some
            if child.tag != w("sectPr"):
                body.remove(child)
        self.sect = body.find(w("sectPr"))
        self.bookmarks = Bookmarks()
        self.last: etree._Element | None = None
        self.links: dict[str, str] = {}
        self.pictures = 0
        self.numbering = _Numbering(document, self.ids.get("List Number"),
                                    self.ids.get("List Bullet"))
        self.masthead: b.Masthead | None = None
        self.sections: list[str] = []

    # ---- paragraphs ----------------------------------------------------------------------

    def style(self, name: str) -> str:
        """The id of a named style; the reference template may lack a style someone deleted."""
        return self.ids.get(name) or self.ids.get("Normal", "Normal")

    def para(self, style: str, runs: list[etree._Element] = (), *,
             num: tuple[int, int] | None = None) -> etree._Element:
        p = etree.Element(w("p"))
        ppr = etree.SubElement(p, w("pPr"))
        etree.SubElement(ppr, w("pStyle")).set(w("val"), self.style(style))
        if num is not None:
            numpr = etree.SubElement(ppr, w("numPr"))
            etree.SubElement(numpr, w("ilvl")).set(w("val"), str(num[0]))
            etree.SubElement(numpr, w("numId")).set(w("val"), str(num[1]))
        p.extend(runs)
        self.sect.addprevious(p)
        self.last = p
        return p

    def runs(self, runs: list[Run]) -> list[etree._Element]:
        out = []
        for run in runs:
            if run.href:
                r = run_element(run.text, bold=run.bold, italic=run.italic,
                                style_id=self.style("Hyperlink"))
                out.append(self.link(run.href, [r]))
            else:
                out.append(run_element(run.text, bold=run.bold, italic=run.italic))
        return out

    def link(self, url: str, runs: list[etree._Element]) -> etree._Element:
        # Cache relationship ids: python-docx searches every relationship on each call.
        rel_id = self.links.get(url)
        if rel_id is None:
            element = hyperlink(self.part, url, runs)
            self.links[url] = element.get(qn("r:id"))
            return element
        element = etree.Element(w("hyperlink"))
        element.set(qn("r:id"), rel_id)
        element.set(w("history"), "1")
        element.extend(runs)
        return element

    def text(self, text: str, **kw: Any) -> etree._Element:
        return run_element(text, **kw)

    # ---- blocks --------------------------------------------------------------------------

    def write(self, blocks: list[b.Block], progress: Progress | None) -> None:
        total = len(blocks)
        for i, block in enumerate(blocks):
            handler_for(HANDLERS, block)(self, block)
            if progress is not None:
                progress(i + 1, total)
        for name in self.bookmarks.open_names:  # never leave a bookmark without its end
            self.bookmarks.end(self.last, name)
        self.page_setup()
        self.properties()

    def masthead_block(self, block: b.Masthead) -> None:
        self.masthead = block
        self.logo()
        self.para("Title", [self.text(block.title)])
        if block.strapline:
            self.para("Subtitle", [self.text(block.strapline)])
        if block.edition_line:
            self.para("Edition Line", [self.text(block.edition_line)])

    def contents(self, block: b.Contents) -> None:
        if not block.entries:
            return
        self.para("TOC Heading", [self.text(block.title)])
        for entry in block.entries:
            if entry.level == 1:
                self.sections.append(entry.title)
            target = bookmark_name(entry.anchor)
            self.para("TOC 1" if entry.level == 1 else "TOC 2",
                      [internal_link(target, [self.text(entry.title)])])
        if self.columns == 2:
            self.split_columns()

    def section_banner(self, block: b.SectionBanner) -> None:
        p = self.para("Heading 1", [self.text(block.title)])
        self.bookmarks.start(p, bookmark_name(block.anchor))

    def section_end(self, block: b.SectionEnd) -> None:
        self.bookmarks.end(self.last, bookmark_name(section_anchor(block.section_id)))

    def article_heading(self, block: b.ArticleHeading) -> None:
        p = self.para("Heading 2", [self.text(block.title)])
        self.bookmarks.start(p, bookmark_name(block.anchor))
        if block.standfirst:
            self.para("Standfirst", [self.text(block.standfirst)])

    def article_end(self, block: b.ArticleEnd) -> None:
        self.bookmarks.end(self.last, bookmark_name(article_anchor(block.article_id)))

    def paragraph(self, block: b.ParagraphBlock) -> None:
        self.para("Section Intro" if block.role == "intro" else "Normal", self.runs(block.runs))

    def subheading(self, block: b.SubHeading) -> None:
        self.para("Heading 3" if block.level <= 3 else "Heading 4", self.runs(block.runs))

    def list_block(self, block: b.ListBlock) -> None:
        if block.ordered:
            num_id = self.numbering.new_list(block.start)
            for item in block.items:
                level = min(item.level, 2)
                self.para("List Number" if level == 0 else "List Number 2",
                          self.runs(item.runs),
                          num=(level, num_id) if num_id is not None else None)
        else:
            for item in block.items:
                style = "List Bullet" if item.level == 0 else "List Bullet 2"
                num = None
                if item.level >= 2 and self.numbering.bullet_id is not None:
                    num = (2, self.numbering.bullet_id)
                self.para(style, self.runs(item.runs), num=num)

    def pull_quote(self, block: b.PullQuoteBlock) -> None:
        self.para("Pull Quote", [self.text(f"\u201c{block.text}\u201d")])
        if block.attribution:
            self.para("Quote Attribution", [self.text(f"\u2014 {block.attribution}")])

    def contact_block(self, block: b.ContactBlock) -> None:
        self.para("Contact Block", [self.text(block.heading, bold=True)])
        for contact in block.contacts:
            self.para("Contact Block", self.contact_runs(contact))

    def contact_runs(self, contact: Contact) -> list[etree._Element]:
        lines: list[list[etree._Element]] = []
        if contact.name:
            lines.append([self.text(contact.name, bold=True)])
        role = ", ".join(x for x in (contact.role, contact.organisation) if x)
        if role:
            lines.append([self.text(role)])
        if contact.email:
            run = self.text(contact.email, style_id=self.style("Hyperlink"))
            lines.append([self.link(f"mailto:{contact.email}", [run])])
        if contact.phone:
            lines.append([self.text(f"Tel: {contact.phone}")])
        out: list[etree._Element] = []
        for i, line in enumerate(lines):
            if i:
                out.append(self.text("\n"))
            out.extend(line)
        return out

    def statistic(self, block: b.StatisticBlock) -> None:
        self.para("Callout", [self.text(block.value, style_id=self.style("Callout Figure")),
                              self.text("\n"), self.text(block.label)])

    def sidebar(self, block: b.SidebarBlock) -> None:
        self.para("Callout", [self.text(block.title, bold=True)])
        for item in block.items:
            self.para("Callout Bullet", [self.text(item)])

    def image(self, block: b.ImageBlock) -> None:
        problem = block.problem
        if not problem:
            try:
                check_image(block.path)
            except ImageProblem as exc:
                problem = str(exc)
        inline = None
        if not problem:
            try:
                inline = self.picture(block)
            except Exception as exc:  # python-docx reads the picture's header itself
                problem = f"{block.path.name}: cannot be placed ({type(exc).__name__})"
        if inline is None:
            where = f"article '{block.origin.article_id}'" if block.origin.article_id else "issue"
            self.warnings.append(f"{where}: picture not included: {problem}")
            label = f"[Picture not available: {block.alt or block.path.name}]"
            self.para("Figure", [self.text(label, italic=True)])
        else:
            r = etree.Element(w("r"))
            drawing = etree.SubElement(r, w("drawing"))
            drawing.append(inline)
            self.para("Figure", [r])
        if block.caption:
            self.para("Caption", [self.text(block.caption)])

    def logo(self) -> None:
        """The theme's logo, right-aligned above the title, with its alt text."""
        logo = self.theme.logo
        if logo is None:
            return
        try:
            check_image(logo.path)
            rel_id, image = self.part.get_or_add_image(str(logo.path))
        except ImageProblem as exc:
            self.warnings.append(f"the theme's logo is not included: {exc}")
            return
        except Exception as exc:  # python-docx reads the picture's header itself
            self.warnings.append(f"the theme's logo is not included: {logo.path.name} cannot "
                                 f"be placed ({type(exc).__name__})")
            return
        cx, cy = image.scaled_dimensions(None, LOGO_HEIGHT)
        self.pictures += 1
        inline = CT_Inline.new_pic_inline(self.pictures, rel_id, logo.path.name, cx, cy)
        inline.docPr.set("descr", logo.alt)
        inline.docPr.set("name", "Logo")
        r = etree.Element(w("r"))
        etree.SubElement(r, w("drawing")).append(inline)
        p = self.para("Normal", [r])
        ppr = p.find(w("pPr"))
        etree.SubElement(ppr, w("keepNext"))
        etree.SubElement(ppr, w("jc")).set(w("val"), "right")

    def picture(self, block: b.ImageBlock) -> Any:
        rel_id, image = self.part.get_or_add_image(str(block.path))
        width = self.text_width()
        cx, cy = image.scaled_dimensions(width, None)
        if cy > MAX_PICTURE_HEIGHT:
            cx, cy = image.scaled_dimensions(None, MAX_PICTURE_HEIGHT)
        self.pictures += 1
        # Our own shape ids: python-docx's next_id scans the whole document for every picture.
        inline = CT_Inline.new_pic_inline(self.pictures, rel_id, block.path.name, cx, cy)
        inline.docPr.set("descr", block.alt)
        inline.docPr.set("name", f"Picture {self.pictures}")
        return inline

    # ---- page ----------------------------------------------------------------------------

    def text_width(self) -> int:
        width, _ = PAPER.get(self.theme.paper, PAPER["A4"])
        section = self.document.sections[-1]
        usable = int(width) - int(section.left_margin or 0) - int(section.right_margin or 0)
        if self.columns == 2:
            usable = (usable - COLUMN_GAP_TWIPS * 635) // 2
        return usable

    def split_columns(self) -> None:
        """End a one-column section after the contents; the rest flows in two columns."""
        first = copy.deepcopy(self.sect)
        self.last.find(w("pPr")).append(first)
        self.sect_columns(first, 1)
        kind = etree.Element(w("type"))
        kind.set(w("val"), "continuous")
        refs = [c for c in self.sect if c.tag in (w("headerReference"), w("footerReference"))]
        for ref in refs:  # the body section inherits the masthead section's header and footer
            self.sect.remove(ref)
        self.sect.insert(0, kind)
        self.sect_columns(self.sect, 2)

    @staticmethod
    def sect_columns(sect: etree._Element, count: int) -> None:
        cols = sect.find(w("cols"))
        if cols is None:
            cols = etree.Element(w("cols"))
            after = sect.find(w("pgMar"))
            (after.addnext if after is not None else sect.append)(cols)
        cols.attrib.clear()
        cols.set(w("num"), str(count))
        cols.set(w("space"), str(COLUMN_GAP_TWIPS))

    def page_setup(self) -> None:
        width, height = PAPER.get(self.theme.paper, PAPER["A4"])
        for section in self.document.sections:
            section.page_width, section.page_height = width, height
        first = self.document.sections[0]
        title = self.masthead.title if self.masthead else ""
        edition = self.masthead.edition_line if self.masthead else ""
        first.header.is_linked_to_previous = False
        first.footer.is_linked_to_previous = False
        header = first.header.paragraphs[0]._p
        _replace_content(header, self.style("Header"),
                         [self.text(" \u00b7 ".join(x for x in (title, edition) if x))])
        footer = first.footer.paragraphs[0]._p
        _replace_content(footer, self.style("Footer"), [
            self.text("Page "), _field("PAGE", "1"), self.text(" of "),
            _field("NUMPAGES", "1"),
        ])

    def properties(self) -> None:
        props = self.document.core_properties
        title = self.masthead.title if self.masthead else ""
        edition = self.masthead.edition_line if self.masthead else ""
        props.title = " \u2014 ".join(x for x in (title, edition) if x)
        props.subject = self.masthead.strapline if self.masthead else ""
        props.author = AUTHOR
        props.last_modified_by = AUTHOR
        props.keywords = "; ".join(["serious and organised crime", "local partnerships",
                                    *self.sections])
        props.comments = "Exported for review: comment in Word; the comments can be read back."
        props.language = LANGUAGE
        props.category = "Bulletin"
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        props.created = props.modified = now
        props.revision = 1


HANDLERS: dict[type[b.Block], Callable[[_Writer, Any], None]] = {
    b.Masthead: _Writer.masthead_block, b.Contents: _Writer.contents,
    b.SectionBanner: _Writer.section_banner, b.SectionEnd: _Writer.section_end,
    b.ArticleHeading: _Writer.article_heading, b.ArticleEnd: _Writer.article_end,
    b.ParagraphBlock: _Writer.paragraph, b.SubHeading: _Writer.subheading,
    b.ListBlock: _Writer.list_block, b.PullQuoteBlock: _Writer.pull_quote,
    b.ContactBlock: _Writer.contact_block, b.StatisticBlock: _Writer.statistic,
    b.SidebarBlock: _Writer.sidebar, b.ImageBlock: _Writer.image,
}


def _replace_content(p: etree._Element, style_id: str, runs: list[etree._Element]) -> None:
    for child in list(p):
        p.remove(child)
    ppr = etree.SubElement(p, w("pPr"))
    etree.SubElement(ppr, w("pStyle")).set(w("val"), style_id)
    p.extend(runs)


def _field(instruction: str, shown: str) -> etree._Element:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice fill in."""
    field = etree.Element(w("fldSimple"))
    field.set(w("instr"), f" {instruction} ")
    field.append(run_element(shown))
    return field


class _Numbering:
    """Restarts numbered lists: each one gets its own ``w:num`` over the template's list."""

    def __init__(self, document: Any, number_style_id: str | None,
                 bullet_style_id: str | None) -> None:
        self.element = document.part.numbering_part.element
        nums = {n.get(w("numId")): n for n in self.element.findall(w("num"))}
        self.abstract = None
        self.bullet_id = None
        styles = document.styles.element
        for style in styles.findall(w("style")):
            num_id = style.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
            if num_id is None:
                continue
            sid = style.get(w("styleId"))
            if sid == number_style_id and num_id.get(w("val")) in nums:
                abstract = nums[num_id.get(w("val"))].find(w("abstractNumId"))
                self.abstract = abstract.get(w("val")) if abstract is not None else None
            elif sid == bullet_style_id:
                self.bullet_id = int(num_id.get(w("val")))
        self.next_id = max((int(k) for k in nums), default=0) + 1

    def new_list(self, start: int) -> int | None:
        if self.abstract is None:
            return None
        num = etree.SubElement(self.element, w("num"))
        num.set(w("numId"), str(self.next_id))
        etree.SubElement(num, w("abstractNumId")).set(w("val"), self.abstract)
        override = etree.SubElement(num, w("lvlOverride"))
        override.set(w("ilvl"), "0")
        etree.SubElement(override, w("startOverride")).set(w("val"), str(max(start, 0)))
        self.next_id += 1
        return self.next_id - 1
