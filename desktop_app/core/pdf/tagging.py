"""The PDF's logical structure: a tree made in issue order, and marked content as pages are drawn.

Tagging happens in two halves. While the story is made (``story.py``), every block adds its
structure elements to a ``StructTree`` in the issue's order (Document, Sect, Art, H1-H6, P, L,
BlockQuote, Figure…) and each flowable keeps the element its text belongs to in ``_tag``.
While pages are drawn, the canvas asks a ``ContentTagger`` to wrap each text object and picture
in a marked-content sequence with a marked-content id (MCID) for that element; whatever is not
wrapped (bands, rules, fills, footers) sits inside an ``/Artifact`` sequence the canvas keeps
open by default, so nothing is ever left untagged. A paragraph split over columns and pages is
drawn in pieces, each piece adding MCIDs to the same element, so an article stays one ``Art``
and the reading order is the tree's order, whatever the columns do.

Links inside a paragraph carry two zero-width ``<onDraw>`` markers around their text; at draw
time these switch the marked content to the link's ``Link`` element and back, and the link
annotations reportlab then makes are given to that element. ``finish.py`` writes it all out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from typing import Any

from reportlab.pdfgen.textobject import PDFTextObject

# The name the canvas answers to when a paragraph's link marker is drawn.
MARKER_CALLBACK = "bulletin_tag"
_LINK = re.compile(r'(<a href="([^"]*)"[^>]*>)(.*?)</a>', re.S)
_TAGS = re.compile(r"<[^>]+>")


class Node:
    """A structure element: its type, its children in reading order and its attributes."""

    __slots__ = ("role", "kids", "parent", "alt", "contents", "lang", "level", "attached",
                 "open_link", "bbox", "last_heading")

    def __init__(self, role: str, parent: Node | None = None, *, alt: str | None = None,
                 contents: str = "", attached: bool = True, level: int = 0) -> None:
        self.role = role
        self.kids: list[Any] = []  # Node, MarkedRef or AnnotRef
        self.parent = parent
        self.alt = alt
        self.contents = contents  # a link's description, for its annotation's /Contents
        self.lang: str | None = None
        self.level = level  # the heading level of this grouping's own heading
        self.last_heading = level
        self.attached = attached
        self.open_link: Node | None = None  # a link still open where a drawn piece ended
        self.bbox: tuple[float, float, float, float] | None = None
        if parent is not None and attached:
            parent.kids.append(self)

    def attach(self) -> None:
        """Put a lazily made element (a link, a nested list) and any such element above it
        among its parent's content, at the point where its first content is drawn."""
        node = self
        while node.parent is not None:
            if not node.attached:
                node.parent.kids.append(node)
                node.attached = True
            node = node.parent


@dataclass(frozen=True)
class MarkedRef:
    """A marked-content sequence: the page it is on (from 0) and its id there."""

    page: int
    mcid: int


@dataclass(frozen=True)
class AnnotRef:
    """A link annotation: the page (from 0) and its place in the page's /Annots."""

    page: int
    index: int


class StructTree:
    """The structure elements of one PDF, made in the issue's order."""

    def __init__(self) -> None:
        self.root = Node("Document", level=0)
        self._open: list[Node] = [self.root]
        self.links: list[Node] = []  # by marker number
        self.section_level = 2  # the masthead's title is H1, sections H2

    @property
    def current(self) -> Node:
        return self._open[-1]

    def add(self, role: str, parent: Node | None = None, **kw: Any) -> Node:
        """A new element under ``parent`` (the open grouping when not given)."""
        return Node(role, parent or self.current, **kw)

    def open(self, role: str, heading_level: int | None = None) -> Node:
        """A new grouping (Sect, Art, Div…) that later elements go into until ``close``."""
        parent = self.current
        level = heading_level if heading_level is not None else parent.level + 1
        node = Node(role, parent, level=level)
        node.last_heading = level - 1
        self._open.append(node)
        return node

    def close(self, role: str) -> None:
        """Close the innermost open grouping of this type, and any opened inside it."""
        for i in range(len(self._open) - 1, 0, -1):
            if self._open[i].role == role:
                del self._open[i:]
                return

    def heading(self, depth: int = 0, parent: Node | None = None) -> Node:
        """A heading ``depth`` levels below the grouping's own, never skipping a level."""
        group = parent or self.current
        wanted = group.level + depth
        level = max(1, min(wanted, group.last_heading + 1, 6))
        group.last_heading = level
        return Node(f"H{level}", group)

    def link(self, parent: Node, contents: str) -> int:
        """A Link element under ``parent``, placed when its text is drawn; returns its number."""
        self.links.append(Node("Link", parent, contents=contents, attached=False))
        return len(self.links) - 1

    def tag_links(self, markup: str, parent: Node, describe: Any = None) -> str:
        """Paragraph markup with a marker either side of each link, and a Link for each.

        ``describe(href, text)`` gives the link's description; by default the link text, or
        "Email …" for a mailto. The markup is the app's own (contributor text is escaped), so
        ``<a`` only ever starts a link it made.
        """
        def one(match: re.Match[str]) -> str:
            href, inner = unescape(match.group(2)), match.group(3)
            text = " ".join(unescape(_TAGS.sub("", inner)).split())
            contents = describe(href, text) if describe else describe_link(href, text)
            n = self.link(parent, contents)
            return (f'<onDraw name="{MARKER_CALLBACK}" label="+{n}"/>{match.group(0)}'
                    f'<onDraw name="{MARKER_CALLBACK}" label="-{n}"/>')

        return _LINK.sub(one, markup) if "<a " in markup else markup


def describe_link(href: str, text: str) -> str:
    """A link's description for a screen reader: its text, or "Email …" for a mailto."""
    if href.lower().startswith("mailto:"):
        return f"Email {text or href[7:]}"
    return text or href


def tag(flowable: Any, node: Node | None, label: Node | None = None) -> Any:
    """Note the element a flowable's text belongs to (and its bullet's, for a list item)."""
    flowable._tag = node
    if label is not None:
        flowable._tag_label = label
    return flowable


def inherit(parts: list[Any], whole: Any) -> list[Any]:
    """Give the pieces of a split flowable the whole one's element and origin."""
    for key in ("_tag", "_tag_label", "_bulletin_origin", "_bulletin_kind", "_bulletin_index"):
        if hasattr(whole, key):
            for part in parts:
                if not hasattr(part, key):
                    setattr(part, key, getattr(whole, key))
    return parts


def draw_tagged(flowable: Any, canv: Any, x: float, y: float) -> None:
    """Draw a flowable with its text marked as its element's (an artifact if it has none)."""
    tagger: ContentTagger | None = getattr(canv, "tagger", None)
    if tagger is None:
        flowable.drawOn(canv, x, y)
        return
    # A list item's bullet is the first text object it draws, but only the piece of a split
    # item that has the bullet draws one (a shrunk item is drawn by its KeepInFrame).
    inner = getattr(flowable, "_content", None) or [flowable]
    label = getattr(flowable, "_tag_label", None) if getattr(inner[0], "bulletText",
                                                              None) else None
    # ``within`` spelled out: this runs for every flowable drawn, and a generator-based
    # context manager costs more than the rest of the tagging put together.
    saved = tagger.enter(getattr(flowable, "_tag", None), label)
    try:
        flowable.drawOn(canv, x, y)
    finally:
        tagger.leave(saved)


class TaggedText(PDFTextObject):
    """A text object wrapped in one marked-content sequence, with a space at each line end.

    The space costs nothing on the page (it is the last thing on its line) but keeps words
    apart when the text is read from the structure: without it, "the" at a line's end and
    "article" at the next line's start read as "thearticle".
    """

    def __init__(self, canvas: Any, x: float = 0, y: float = 0, direction: Any = None) -> None:
        super().__init__(canvas, x, y, direction=direction)
        self._tagger: ContentTagger = canvas.tagger
        self._node = self._tagger.start_text(self)
        self.marked = self._node is not None
        self._closed = False

    def _textOut(self, text: str, TStar: int = 0) -> None:  # noqa: N802 - reportlab's name
        if TStar and isinstance(text, str) and not text.endswith((" ", "\n")):
            text += " "
        super()._textOut(text, TStar)

    def switch(self, node: Node) -> None:
        """End the current sequence and begin one for ``node``, inside this text object."""
        self._code.append("EMC")
        self._code.append(self._tagger.begin(node))
        self._node = node

    def getCode(self) -> str:  # noqa: N802 - reportlab's name
        if self.marked and not self._closed:
            self._code.append("EMC")
            self._closed = True
        return super().getCode()


class ContentTagger:
    """Marked content for one build: MCIDs per page, and which element each belongs to."""

    def __init__(self, tree: StructTree) -> None:
        self.tree = tree
        self.page = 0
        self.page_mcids: list[list[Node]] = [[]]
        self.page_annots: list[list[Node | None]] = [[]]
        self._stack: list[Node | None] = [None]
        self._label: Node | None = None
        self._line_links: list[Node] = []
        self.untagged_links = 0

    # ---- pages -------------------------------------------------------------------------

    def set_page(self, index: int) -> None:
        while len(self.page_mcids) <= index:
            self.page_mcids.append([])
            self.page_annots.append([])
        self.page = index

    def begin(self, node: Node) -> str:
        """The operator that begins a sequence of ``node``'s content on the current page."""
        mcids = self.page_mcids[self.page]
        mcid = len(mcids)
        mcids.append(node)
        node.attach()
        node.kids.append(MarkedRef(self.page, mcid))
        # The sequence's tag is the element's type, as the PDF reference advises.
        return f"/{node.role} <</MCID {mcid}>> BDC"

    # ---- what is being drawn -----------------------------------------------------------

    @property
    def current(self) -> Node | None:
        return self._stack[-1]

    @contextmanager
    def within(self, node: Node | None, label: Node | None = None) -> Iterator[None]:
        """Text drawn inside belongs to ``node`` (None: an artifact); a bullet to ``label``."""
        saved = self.enter(node, label)
        try:
            yield
        finally:
            self.leave(saved)

    def enter(self, node: Node | None, label: Node | None = None) -> Node | None:
        """Begin drawing for ``node``; returns what ``leave`` needs to restore."""
        self._stack.append(node)
        saved, self._label = self._label, label
        return saved

    def leave(self, saved: Node | None) -> None:
        self._stack.pop()
        self._label = saved
        # A paragraph's link annotations are all made while it is drawn.
        self._line_links = []

    def start_text(self, text: TaggedText) -> Node | None:
        """Begin a text object's sequence; returns the element it starts in (None: artifact)."""
        node = self.current
        if self._label is not None:
            # A list item draws its bullet first, as a text object of its own.
            node, self._label = self._label, None
        if node is None:
            return None
        if node.open_link is not None:
            node = node.open_link  # a link carried on from the previous piece
        text._code.append(self.begin(node))
        self._line_links = [node] if node.role == "Link" else []
        return node

    def marker(self, canvas: Any, kind: str, label: str | None) -> None:
        """A link's start (``+n``) or end (``-n``) reached while a paragraph is drawn."""
        info = getattr(canvas, "_curr_tx_info", None)
        text = info.get("tx") if info else None
        if not label or not isinstance(text, TaggedText) or text._node is None:
            return
        link = self.tree.links[int(label[1:])]
        owner = link.parent
        if label[0] == "+":
            text.switch(link)
            if owner is not None:
                owner.open_link = link
            self._line_links.append(link)
        elif owner is not None:
            owner.open_link = None
            text.switch(owner)

    def annotation(self) -> Node | None:
        """The Link element a new link annotation belongs to, noted for its page."""
        node: Node | None = None
        if self._line_links:
            # reportlab adds a line's link annotations in the order the links began; a link
            # still open at the line's end will have another on the next line.
            node = self._line_links.pop(0)
            if node.parent is not None and node.parent.open_link is node:
                self._line_links.append(node)
        elif self.current is not None and self.current.role == "Link":
            node = self.current
        if node is None:
            self.untagged_links += 1
        else:
            node.attach()
            node.kids.append(AnnotRef(self.page, len(self.page_annots[self.page])))
        self.page_annots[self.page].append(node)
        return node
