"""A canvas that can draw things it only knows at the end: page totals and contents numbers.

A flowable asks for a deferred drawing with ``defer``; the canvas leaves a marker in the page's
content stream at that point and, just before saving, swaps each marker for the drawing made
with everything known (the page count, the page of every anchor). The words land in the
stream where a reader expects them, and the document is laid out only once.
"""

from __future__ import annotations

import copy
import os
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas, _digester

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
_IMAGES: OrderedDict[tuple[str, int, int], PDFImageXObject] = OrderedDict()
_IMAGES_KEPT = 32


class BulletinCanvas(Canvas):
    """reportlab's canvas plus deferred drawings and a record of where anchors landed."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._deferred: list[DeferredDraw] = []
        self.anchor_pages: dict[str, int] = {}

    def defer(self, draw: DeferredDraw) -> None:
        """Run ``draw(canvas, finished)`` at save time, as if at this point of this page."""
        self._code.append(f"{_MARKER} {len(self._deferred)}")
        self._deferred.append(draw)

    def mark_anchor(self, key: str) -> None:
        """Note the page an anchor is drawn on (the contents prints it)."""
        self.anchor_pages.setdefault(key, self.getPageNumber())

    def draw_picture(self, path: str, x: float, y: float, width: float, height: float) -> None:
        """``drawImage`` for a picture file, reusing its encoded form from earlier builds."""
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)
        # The name drawImage itself gives a file drawn with mask="auto".
        name = _digester(f"{path}auto".encode())
        reg_name = self._doc.getXObjectName(name)
        if reg_name not in self._doc.idToObject:
            loaded = _IMAGES.get(key)
            if loaded is None:
                loaded = PDFImageXObject(name, path, mask="auto")
                _IMAGES[key] = loaded
                while len(_IMAGES) > _IMAGES_KEPT:
                    _IMAGES.popitem(last=False)
            _IMAGES.move_to_end(key)
            # Register a copy the way drawImage registers a new picture: the references it
            # gets belong to this document only.
            image = copy.copy(loaded)
            image.name = name
            self._setXObjects(image)
            self._doc.Reference(image, reg_name)
            self._doc.addForm(name, image)
            smask = getattr(loaded, "_smask", None)
            if smask is not None:
                del image._smask
                smask = copy.copy(smask)
                self._setXObjects(smask)
                image.smask = self._doc.Reference(smask, self._doc.getXObjectName(smask.name))
        self.drawImage(path, x, y, width, height, mask="auto", preserveAspectRatio=True)

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
        try:
            # q/Q keep the drawing's colour and font from leaking into what follows it.
            self.saveState()
            self._deferred[index](self, finished)
            self.restoreState()
            return "\n".join(self._code)
        finally:
            self._code = saved
