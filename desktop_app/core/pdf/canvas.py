"""A canvas that can draw things it only knows at the end: page totals and contents numbers.

A flowable asks for a deferred drawing with ``defer``; the canvas leaves a marker in the page's
content stream at that point and, just before saving, swaps each marker for the drawing made
with everything known (the page count, the page of every anchor). The words land in the
stream where a reader expects them, and the document is laid out only once.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas, _digester

from .tagging import MARKER_CALLBACK, ContentTagger, Node, TaggedText

_MARKER = "%BULLETIN-DEFER"
_MARKER_RE = re.compile(r"%BULLETIN-DEFER (\d+)")


@dataclass
class Finished:
    """What is known once every page is drawn."""

    page_count: int
    anchor_pages: dict[str, int] = field(default_factory=dict)


DeferredDraw = Callable[[Canvas, Finished], None]

# Decoded and compressed pictures, kept between builds: a live preview rebuilds the PDF on
# every pause in typing, and re-encoding the same pictures costs more than the layout.
_IMAGES: OrderedDict[tuple[str, int, int], tuple[str, PDFImageXObject]] = OrderedDict()
_IMAGES_KEPT = 32


def _no_marker(canvas: Canvas, kind: str, label: str | None) -> None:
    """A link marker drawn on an untagged canvas."""


class BulletinCanvas(Canvas):
    """reportlab's canvas plus deferred drawings, a record of where anchors landed and, given
    a ``ContentTagger``, marked content: every page is an ``/Artifact`` sequence except the
    text objects and pictures that belong to a structure element (see ``tagging.py``)."""

    def __init__(self, *args: Any, tagger: ContentTagger | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deferred: list[tuple[DeferredDraw, Node | None, int]] = []
        self.anchor_pages: dict[str, int] = {}
        self.tagger = tagger
        # Paragraphs with links carry markers for the tagger; untagged, they mark nothing.
        self.setNamedCB(MARKER_CALLBACK, tagger.marker if tagger is not None else _no_marker)

    def defer(self, draw: DeferredDraw) -> None:
        """Run ``draw(canvas, finished)`` at save time, as if at this point of this page."""
        self._code.append(f"{_MARKER} {len(self._deferred)}")
        node = self.tagger.current if self.tagger is not None else None
        self._deferred.append((draw, node, self.getPageNumber() - 1))

    # ---- marked content ----------------------------------------------------------------

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> Any:  # noqa: N802
        if self.tagger is None:
            return super().beginText(x, y, direction)
        return TaggedText(self, x, y, direction=direction)

    def drawText(self, aTextObject: Any) -> None:  # noqa: N802, N803 - reportlab's names
        if isinstance(aTextObject, TaggedText) and aTextObject.marked:
            # Step out of the page's artifact sequence for the text, then back in.
            self._code.append("EMC")
            super().drawText(aTextObject)
            self._code.append("/Artifact BMC")
        else:
            super().drawText(aTextObject)

    @contextmanager
    def marked(self, node: Node | None) -> Iterator[None]:
        """What is drawn inside (a picture) is ``node``'s content; None leaves it an artifact."""
        if self.tagger is None or node is None:
            yield
            return
        self._code.append("EMC")
        self._code.append(self.tagger.begin(node))
        try:
            yield
        finally:
            self._code.append("EMC")
            self._code.append("/Artifact BMC")

    @contextmanager
    def pagination(self, subtype: str = "Footer") -> Iterator[None]:
        """Running footers and page numbers: artifacts that say what they are."""
        if self.tagger is None:
            yield
            return
        self._code.append(f"EMC /Artifact <</Type /Pagination /Subtype /{subtype}>> BDC")
        try:
            with self.tagger.within(None):
                yield
        finally:
            self._code.append("EMC")
            self._code.append("/Artifact BMC")

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        if self.tagger is not None:
            self._code.insert(0, "/Artifact BMC")
            self._code.append("EMC")
        super().showPage()
        if self.tagger is not None:
            self.tagger.set_page(self._pageNumber - 1)

    def _addAnnotation(self, annotation: Any, name: Any = None,  # noqa: N802
                       addtopage: int = 1) -> None:
        if self.tagger is not None and addtopage:
            self.tagger.annotation()
        super()._addAnnotation(annotation, name, addtopage)

    def mark_anchor(self, key: str) -> None:
        """Note the page an anchor is drawn on (the contents prints it)."""
        self.anchor_pages.setdefault(key, self.getPageNumber())

    def draw_picture(self, path: str, x: float, y: float, width: float, height: float) -> None:
        """``drawImage`` for a picture file, reusing its encoded form from earlier builds.

        The picture is named in the PDF by its content, not its path (reportlab names a file
        by a hash of its path), so the same issue gives the same bytes from any folder.
        """
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)
        loaded = _IMAGES.get(key)
        if loaded is None:
            with open(path, "rb") as handle:
                ident = f"picture-{hashlib.sha256(handle.read()).hexdigest()}"
            loaded = (ident, PDFImageXObject(_digester(f"{ident}auto".encode()), path,
                                             mask="auto"))
            _IMAGES[key] = loaded
            while len(_IMAGES) > _IMAGES_KEPT:
                _IMAGES.popitem(last=False)
        _IMAGES.move_to_end(key)
        ident, encoded = loaded
        # The name drawImage gives an "image" string drawn with mask="auto": registered here
        # under that name, drawImage finds it and never opens the string as a file.
        name = _digester(f"{ident}auto".encode())
        reg_name = self._doc.getXObjectName(name)
        if reg_name not in self._doc.idToObject:
            # Register a copy the way drawImage registers a new picture: the references it
            # gets belong to this document only.
            image = copy.copy(encoded)
            image.name = name
            self._setXObjects(image)
            self._doc.Reference(image, reg_name)
            self._doc.addForm(name, image)
            smask = getattr(encoded, "_smask", None)
            if smask is not None:
                del image._smask
                smask = copy.copy(smask)
                self._setXObjects(smask)
                image.smask = self._doc.Reference(smask, self._doc.getXObjectName(smask.name))
        self.drawImage(ident, x, y, width, height, mask="auto", preserveAspectRatio=True)

    def save(self) -> None:
        pages = self._doc.Pages.pages
        finished = Finished(page_count=len(pages), anchor_pages=dict(self.anchor_pages))
        for page in pages:
            stream = page.stream
            if isinstance(stream, str) and _MARKER in stream:
                page.stream = _MARKER_RE.sub(
                    lambda m: self._render(int(m.group(1)), finished), stream)
        super().save()

    def _render(self, index: int, finished: Finished) -> str:
        saved = self._code
        self._code = []
        draw, node, page = self._deferred[index]
        try:
            # q/Q keep the drawing's colour and font from leaking into what follows it.
            self.saveState()
            if self.tagger is not None:
                self.tagger.set_page(page)
                with self.tagger.within(node):
                    draw(self, finished)
            else:
                draw(self, finished)
            self.restoreState()
            return "\n".join(self._code)
        finally:
            self._code = saved
