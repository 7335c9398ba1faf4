"""Reviewers' comments read back from a Word file, each mapped to the article it is about.

The reviewed file is untrusted: it passes ``untrusted.check_docx`` first and every XML part is
parsed with ``untrusted.safe_xml`` (entities off). python-docx is not used here: it reads
neither the text a comment is anchored to nor replies and resolved state.

A comment belongs to the article whose bookmark (named from the article's id, see
``docx_links.bookmark_name``) is open where the comment starts. Word and LibreOffice keep
bookmarks when they re-save a file, though they rewrite runs and ids. If the bookmarks are gone,
the reader falls back to the last article heading (a Heading 2 paragraph) before the comment,
matched to the issue's article titles.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from .docx.docx_links import article_bookmark, section_bookmark
from .model import Article, Issue, ReviewNote
from .untrusted import UntrustedFileError, check_docx, safe_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_COMMENTS = "/comments"
REL_EXTENDED = "/commentsExtended"
REL_STYLES = "/styles"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class ReviewComment:
    """One comment as a reviewer left it, with the article it belongs to (None if none)."""

    id: str
    author: str = ""
    initials: str = ""
    date: str = ""
    text: str = ""
    anchor: str = ""
    article_id: str | None = None
    article_title: str | None = None
    reply_to: str | None = None
    resolved: bool = False
    offset: int | None = None  # where it starts in its article: visible characters in

    @property
    def key(self) -> str:
        """A stable identity that survives a re-save: ids change; what, who, when and where
        (the article and the anchor's position in it) do not."""
        return note_key(self.author, self.date, self.text, self.anchor, self.article_id or "",
                        self.offset)

    @property
    def legacy_key(self) -> str:
        """The key notes were stored under before the article and position were part of it."""
        return note_key(self.author, self.date, self.text, self.anchor)


@dataclass
class CommentReport:
    """Every comment in a reviewed file, in document order, and what the reader noticed."""

    comments: list[ReviewComment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_data(self) -> dict[str, Any]:
        return {"comments": [asdict(c) | {"key": c.key} for c in self.comments],
                "warnings": list(self.warnings)}


def note_key(author: str, date: str, text: str, anchor: str, article: str | None = None,
             offset: int | None = None) -> str:
    """A hash of what a comment says, who said it, when, about what and where.

    Without ``article`` and ``offset`` this is the key of notes stored by earlier versions.
    """
    parts = [_squash(author), _normal_date(date), _squash(text), _squash(anchor)]
    if article is not None:
        parts += [article, "" if offset is None else str(offset)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _normal_date(date: str) -> str:
    """Dates as word processors write them differ in trailing Z and fractions of a second."""
    date = (date or "").strip().rstrip("Zz")
    return re.sub(r"\.\d+$", "", date)


def normal_heading(text: str) -> str:
    """A heading's text for matching: case, spacing and typographic variants folded."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.translate({0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0x2013: "-",
                           0x2014: "-", 0x00A0: " ", 0x2026: "..."})
    return " ".join(text.casefold().split())


# ---- reading the package -------------------------------------------------------------------


class _Package:
    """The parts of a checked Word file, found through its relationships."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip = zipfile.ZipFile(path)
        self.names = set(self.zip.namelist())

    def close(self) -> None:
        self.zip.close()

    def xml(self, name: str) -> Any:
        return safe_xml(self.zip.read(name), f"{self.path.name}: {name}")

    def related(self, source: str, suffix: str) -> str | None:
        """The part ``source`` points at with a relationship type ending in ``suffix``."""
        folder, base = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in self.names:
            return None
        for rel in self.xml(rels).iter(f"{{{PKG_RELS}}}Relationship"):
            if (rel.get("Type") or "").endswith(suffix) and rel.get("TargetMode") != "External":
                target = rel.get("Target") or ""
                name = (target.lstrip("/") if target.startswith("/")
                        else posixpath.normpath(posixpath.join(folder, target)))
                return name if name in self.names else None
        return None


def read_comments(docx_path: Path | str, issue: Issue) -> CommentReport:
    """Every comment in a reviewed Word file, mapped to the issue's articles.

    Raises UntrustedFileError (a BulletinError) for a file that is not a sane Word file.
    """
    path = Path(docx_path)
    main = check_docx(path)  # the main part, found as Word finds it
    package = _Package(path)
    try:
        document = package.xml(main)
        comments_part = package.related(main, REL_COMMENTS)
        if comments_part is None:
            return CommentReport()
        comments = _read_comment_part(package.xml(comments_part))
        extended = package.related(main, REL_EXTENDED)
        if extended is not None:
            _read_extended(package.xml(extended), comments)
        styles_part = package.related(main, REL_STYLES)
        kinds = _style_kinds(package.xml(styles_part)) if styles_part else {}
    except (KeyError, zipfile.BadZipFile, OSError) as exc:
        raise UntrustedFileError(f"{path.name}: damaged Word file ({exc})") from None
    finally:
        package.close()
    walker = _Walker(issue, kinds)
    report = walker.walk(document, comments)
    report.warnings.extend(_warnings(path, report, walker))
    return report


def _text_of(element: etree._Element) -> str:
    """The visible text under an element: paragraphs on their own lines, deletions left out."""
    out: list[str] = []
    for node in element.iter(_w("p"), _w("t"), _w("tab"), _w("br"), _w("cr")):
        tag = node.tag
        if tag == _w("p"):
            if out and out[-1] != "\n":
                out.append("\n")
        elif tag == _w("t"):
            out.append(node.text or "")
        elif tag == _w("tab"):
            if node.getparent().tag == _w("r"):  # not a tab stop definition
                out.append("\t")
        else:
            out.append("\n")
    return "".join(out).strip("\n")


class _Comment:
    def __init__(self, element: etree._Element, order: int) -> None:
        self.order = order
        self.comment = ReviewComment(
            id=element.get(_w("id"), ""), author=element.get(_w("author"), ""),
            initials=element.get(_w("initials"), ""), date=element.get(_w("date"), ""),
            text=_text_of(element),
        )
        paras = element.findall(_w("p"))
        self.para_id = paras[-1].get(f"{{{W14}}}paraId") if paras else None
        self.parent_para: str | None = None
        self.position: int | None = None


def _read_comment_part(root: etree._Element) -> dict[str, _Comment]:
    found: dict[str, _Comment] = {}
    for i, element in enumerate(root.iter(_w("comment"))):
        item = _Comment(element, i)
        found.setdefault(item.comment.id, item)
    return found


def _read_extended(root: etree._Element, comments: dict[str, _Comment]) -> None:
    """Replies and resolved state: keyed by the paraId of each comment's last paragraph."""
    by_para = {c.para_id: c for c in comments.values() if c.para_id}
    for ex in root.iter(f"{{{W15}}}commentEx"):
        item = by_para.get(ex.get(f"{{{W15}}}paraId"))
        if item is None:
            continue
        item.comment.resolved = ex.get(f"{{{W15}}}done", "0") in ("1", "true", "on")
        parent = by_para.get(ex.get(f"{{{W15}}}paraIdParent"))
        if parent is not None and parent is not item:
            item.comment.reply_to = parent.comment.id


def _style_kinds(root: etree._Element) -> dict[str, str]:
    """Paragraph style id -> "title", "section" or "article", by name or outline level."""
    own: dict[str, tuple[str, str | None, str | None]] = {}
    for style in root.iter(_w("style")):
        if style.get(_w("type")) != "paragraph":
            continue
        name = style.find(_w("name"))
        based = style.find(_w("basedOn"))
        level = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
        own[style.get(_w("styleId"), "")] = (
            (name.get(_w("val"), "") if name is not None else "").casefold(),
            based.get(_w("val")) if based is not None else None,
            level.get(_w("val")) if level is not None else None,
        )

    def kind(sid: str, depth: int = 0) -> str | None:
        if sid not in own or depth > 20:
            return None
        name, based, level = own[sid]
        if name == "title":
            return "title"
        if name == "heading 1" or level == "0":
            return "section"
        if name == "heading 2" or level == "1":
            return "article"
        if level is not None:  # an explicit other level: a sub-heading or body text
            return None
        return kind(based, depth + 1) if based else None

    return {sid: k for sid in own if (k := kind(sid))}


# ---- walking the document ------------------------------------------------------------------


class _Walker:
    """One pass through the body, tracking open bookmarks, the last heading and comment ranges.

    Each element the pass cares about has its own handler (``_on_<tag>``); the handlers share
    the state below. Where a comment starts is counted in visible characters from the start of
    its article (whitespace left out), which a word processor's re-save does not change.
    """

    def __init__(self, issue: Issue, kinds: dict[str, str]) -> None:
        self.kinds = kinds
        articles: list[Article] = issue.all_articles()
        self.titles = {a.id: a.title for a in articles}
        self.by_bookmark = {article_bookmark(a.id): a.id for a in articles}
        self.sections = {section_bookmark(s.id) for s in issue.sections} | {
            section_bookmark("welcome")}
        self.by_heading: dict[str, str] = {}
        for a in articles:
            self.by_heading.setdefault(normal_heading(a.title), a.id)
        self.bookmarks_seen = 0
        self.headings_matched = 0
        self.comments: dict[str, _Comment] = {}
        self.open_marks: dict[str, str] = {}  # bookmark id -> article id, in opening order
        self.heading_article: str | None = None
        self.capturing: dict[str, list[str]] = {}
        self.anchors: dict[str, str] = {}
        self.placed: dict[str, str | None] = {}
        self.order = 0
        self.region: str | None = None  # the article the text being read belongs to
        self.region_start = 0
        self.chars = 0  # visible characters read so far, whitespace left out
        self.handlers = {
            _w("t"): self._on_text, _w("p"): self._on_paragraph, _w("tab"): self._on_break,
            _w("br"): self._on_break, _w("cr"): self._on_break,
            _w("bookmarkStart"): self._on_bookmark_start,
            _w("bookmarkEnd"): self._on_bookmark_end,
            _w("commentRangeStart"): self._on_range_start,
            _w("commentRangeEnd"): self._on_range_end,
            _w("commentReference"): self._on_reference,
        }

    def walk(self, root: etree._Element, comments: dict[str, _Comment]) -> CommentReport:
        body = root.find(_w("body"))
        if body is None:
            body = root
        # Text boxes come twice (DrawingML and a VML fallback): read only the first.
        for fallback in list(body.iter(f"{{{MC}}}Fallback")):
            fallback.getparent().remove(fallback)
        self.comments = comments
        handlers = self.handlers
        for node in body.iter(*handlers):
            handlers[node.tag](node)
        for cid, parts in self.capturing.items():  # a range never closed: keep what it covered
            self.anchors[cid] = "".join(parts).strip("\n")
        return self._report()

    # ---- one handler per element -----------------------------------------------------------

    def _on_text(self, node: etree._Element) -> None:
        text = node.text or ""
        self.chars += sum(not c.isspace() for c in text)
        for parts in self.capturing.values():
            parts.append(text)

    def _on_paragraph(self, node: etree._Element) -> None:
        for parts in self.capturing.values():
            if parts and parts[-1] != "\n":
                parts.append("\n")
        kind = self._paragraph_kind(node)
        if kind == "article":
            self.heading_article = self.by_heading.get(normal_heading(_text_of(node)))
            self.headings_matched += self.heading_article is not None
        elif kind is not None:
            self.heading_article = None
        self._follow_region()

    def _on_break(self, node: etree._Element) -> None:
        if self.capturing and node.getparent().tag == _w("r"):  # not a tab stop definition
            for parts in self.capturing.values():
                parts.append("\t" if node.tag == _w("tab") else "\n")

    def _on_bookmark_start(self, node: etree._Element) -> None:
        name = node.get(_w("name"), "")
        if name in self.by_bookmark:
            self.open_marks[node.get(_w("id"), "")] = self.by_bookmark[name]
            self.bookmarks_seen += 1
        elif name in self.sections:
            self.bookmarks_seen += 1
        self._follow_region()

    def _on_bookmark_end(self, node: etree._Element) -> None:
        self.open_marks.pop(node.get(_w("id"), ""), None)
        self._follow_region()

    def _on_range_start(self, node: etree._Element) -> None:
        cid = node.get(_w("id"), "")
        if cid in self.comments:
            self._place(cid)
            self.capturing[cid] = []

    def _on_range_end(self, node: etree._Element) -> None:
        parts = self.capturing.pop(node.get(_w("id"), ""), None)
        if parts is not None:
            self.anchors[node.get(_w("id"), "")] = "".join(parts).strip("\n")

    def _on_reference(self, node: etree._Element) -> None:
        cid = node.get(_w("id"), "")
        if cid in self.comments:  # a comment on a point has only its reference mark
            self._place(cid)

    # ---- shared state ----------------------------------------------------------------------

    def _place(self, cid: str) -> None:
        """Note the article and position of a comment the first time it is met."""
        if cid in self.placed:
            return
        self.placed[cid] = self._current()
        item = self.comments[cid]
        item.position = self.order
        item.comment.offset = self.chars - self.region_start
        self.order += 1

    def _follow_region(self) -> None:
        current = self._current()
        if current != self.region:
            self.region = current
            self.region_start = self.chars

    def _current(self) -> str | None:
        if self.open_marks:
            return next(reversed(self.open_marks.values()))  # the innermost open article
        return self.heading_article

    def _report(self) -> CommentReport:
        ordered = sorted(self.comments.values(), key=lambda c: (
            c.position if c.position is not None else float("inf"), c.order))
        out = []
        for item in ordered:
            comment = item.comment
            comment.anchor = self.anchors.get(comment.id, "")
            article_id = self.placed.get(comment.id)
            if article_id is not None:
                comment.article_id = article_id
                comment.article_title = self.titles.get(article_id)
            out.append(comment)
        return CommentReport(comments=out)

    def _paragraph_kind(self, p: etree._Element) -> str | None:
        ppr = p.find(_w("pPr"))
        if ppr is None:
            return None
        level = ppr.find(_w("outlineLvl"))
        if level is not None:
            return {"0": "section", "1": "article"}.get(level.get(_w("val")))
        style = ppr.find(_w("pStyle"))
        return self.kinds.get(style.get(_w("val"), "")) if style is not None else None


def _warnings(path: Path, report: CommentReport, walker: _Walker) -> list[str]:
    """What the editor should know about how the comments were mapped."""
    count = len(report.comments)
    if not count:
        return []
    if not walker.bookmarks_seen and not walker.headings_matched:
        return [f"{path.name} does not look like a Word file exported from this issue (no "
                f"article bookmarks or headings match it): its {count} "
                f"comment{'s are' if count != 1 else ' is'} not linked to any article"]
    if not walker.bookmarks_seen:
        return [f"{path.name} has lost the article bookmarks (rebuilt by another program?): "
                "comments were matched to articles by their headings"]
    return []


def format_report(report: CommentReport, name: str) -> list[str]:
    """The report as lines for a terminal: each comment with where it belongs."""
    count = len(report.comments)
    if not count:
        return [f"No comments in {name}"]
    on_articles = sum(c.article_id is not None for c in report.comments)
    lines = [f"{count} comment{'s' if count != 1 else ''} in {name}: {on_articles} on articles, "
             f"{count - on_articles} not on any article", ""]
    for c in report.comments:
        who = c.author or "(no author)"
        if c.initials:
            who += f" ({c.initials})"
        flags = "  [resolved]" if c.resolved else ""
        lines.append(f"#{c.id}  {who}  {c.date}{flags}")
        if c.article_id:
            lines.append(f"    Article: {c.article_title} [{c.article_id}]")
        else:
            lines.append("    Article: none")
        if c.reply_to is not None:
            lines.append(f"    Reply to #{c.reply_to}")
        if c.anchor:
            anchor = " ".join(c.anchor.split())
            lines.append(f"    On: \u201c{anchor if len(anchor) <= 90 else anchor[:87] + '...'}"
                         "\u201d")
        for text_line in (c.text or "(empty)").splitlines() or [""]:
            lines.append(f"    {text_line}")
        lines.append("")
    return lines[:-1]


# ---- storing them in the issue -------------------------------------------------------------


def apply_comments(issue: Issue, report: CommentReport, source_name: str) -> int:
    """Store the report's comments as review notes; returns how many were new.

    A comment goes on its article (placed or in the pool) or, when it maps to none, on the
    issue. Notes already in the issue (same key) are skipped, so applying twice adds nothing;
    the key holds the article and the anchor's position, so the same remark made on two
    articles, or twice in one, is kept each time. A note stored under the older key (without
    the article and position) on the same article also counts as already there.
    """
    articles = {a.id: a for a in issue.all_articles()}
    known = {n.key for n in issue.review_notes}
    for article in articles.values():
        known.update(n.key for n in article.review_notes)
    keys = {c.id: c.key for c in report.comments}
    added = 0
    for comment in report.comments:
        key = comment.key
        target = articles.get(comment.article_id or "")
        notes = target.review_notes if target is not None else issue.review_notes
        if key in known:
            continue
        legacy = comment.legacy_key  # a digest: made once, not once per note
        if any(n.key == legacy for n in notes):
            continue
        known.add(key)
        notes.append(ReviewNote(
            key=key, author=comment.author, initials=comment.initials, date=comment.date,
            text=comment.text, anchor=comment.anchor,
            reply_to=keys.get(comment.reply_to or "", ""), resolved=comment.resolved,
            source=source_name,
        ))
        added += 1
    return added
