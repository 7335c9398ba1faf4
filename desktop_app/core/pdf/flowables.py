"""The bulletin's own flowables: masthead, banners, article heads, boxes, quotes, figures.

Each one is drawn from a single intermediate block and keeps that block's ``Origin`` in
``_bulletin_origin``, so a later tagging pass can tell which block drew what.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph

from ..blocks import Origin
from .canvas import BulletinCanvas, Finished
from .tagging import Node, draw_tagged

BIG = 1e6


def traced(flowable: Flowable, origin: Origin | None, kind: str = "") -> Flowable:
    """Tag a flowable with the block it draws."""
    flowable._bulletin_origin = origin  # type: ignore[attr-defined]
    flowable._bulletin_kind = kind  # type: ignore[attr-defined]
    return flowable


def measure(part: Flowable, width: float, canv: object) -> float:
    """The height of a flowable at a width, wrapping it only when needed.

    Wrapping a paragraph breaks its lines again each time; boxes measure their parts, then
    draw them, so the result is kept on the part. A paragraph whose line breaks reportlab
    dropped (after a trial split) is wrapped again.
    """
    known = getattr(part, "_bulletin_measured", None)
    if known is not None and known[0] == width and getattr(part, "width", None) == width and (
            not isinstance(part, Paragraph) or hasattr(part, "blPara")):
        return known[1]
    _, h = part.wrapOn(canv, width, BIG)
    part._bulletin_measured = (width, h)  # type: ignore[attr-defined]
    return h


def _stack_height(parts: Sequence[Flowable], width: float, canv: object) -> float:
    height = 0.0
    for i, part in enumerate(parts):
        h = measure(part, width, canv)
        height += h + (part.getSpaceBefore() if i else 0)
        if i < len(parts) - 1:
            height += part.getSpaceAfter()
    return height


def _draw_stack(parts: Sequence[Flowable], canv: object, x: float, top: float,
                width: float) -> float:
    y = top
    for i, part in enumerate(parts):
        h = measure(part, width, canv)
        if i:
            y -= part.getSpaceBefore()
        y -= h
        draw_tagged(part, canv, x, y)
        y -= part.getSpaceAfter()
    return y


def draw_picture(canv: object, node: Node | None, path: str, x: float, y: float, width: float,
                 height: float) -> None:
    """A picture file drawn as ``node``'s content (a Figure), or as an artifact if None."""
    if not isinstance(canv, BulletinCanvas):
        canv.drawImage(path, x, y, width, height, preserveAspectRatio=True, mask="auto")
        return
    with canv.marked(node):
        canv.draw_picture(path, x, y, width, height)
    if node is not None:
        # Where the Figure sits on its page: its Layout BBox.
        x0, y0 = canv.absolutePosition(x, y)
        x1, y1 = canv.absolutePosition(x + width, y + height)
        node.bbox = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


@dataclass(frozen=True)
class Logo:
    """The theme's logo for the masthead: its file, pixel size and Figure element."""

    path: str
    size: tuple[int, int]
    node: Node | None


class Outlined:
    """Mixin: on drawing, leave a named destination, an outline entry and the page number."""

    anchor: str = ""
    outline_title: str = ""
    outline_level: int = 0

    def mark(self, canv: BulletinCanvas, top: float) -> None:
        if not self.anchor:
            return
        canv.bookmarkPage(self.anchor, fit="XYZ", left=0, top=canv.absolutePosition(0, top)[1])
        canv.addOutlineEntry(self.outline_title, self.anchor, level=self.outline_level,
                             closed=False)
        if isinstance(canv, BulletinCanvas):
            canv.mark_anchor(self.anchor)


class Masthead(Flowable):
    """The front-page band: title, strapline and edition line, bled to the page edges."""

    LOGO_HEIGHT = 44.0

    def __init__(self, title: Paragraph, strapline: Paragraph, edition: Paragraph,
                 fill: Color, stripes: tuple[Color, Color], logo: Logo | None = None) -> None:
        super().__init__()
        self.title, self.strapline, self.edition = title, strapline, edition
        self.fill, self.stripes, self.logo = fill, stripes, logo
        self.spaceAfter = 16

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        _, self.title_h = self.title.wrap(aW * 0.72, BIG)
        _, self.strap_h = self.strapline.wrap(aW * 0.72, BIG)
        _, self.edition_h = self.edition.wrap(aW * 0.3, BIG)
        self.height = max(self.title_h + self.strap_h + 10, self.edition_h) + 22
        self.logo_w = self.logo_h = 0.0
        if self.logo is not None:
            # Top right, above the edition line, at most a quarter of the width.
            px_w, px_h = self.logo.size
            self.logo_h = self.LOGO_HEIGHT
            self.logo_w = self.logo_h * px_w / max(px_h, 1)
            if self.logo_w > aW * 0.26:
                self.logo_w, self.logo_h = aW * 0.26, aW * 0.26 * px_h / max(px_w, 1)
            self.height = max(self.height, self.logo_h + self.edition_h + 30)
        return aW, self.height

    def draw(self) -> None:
        canv = self.canv
        x0, y0 = canv.absolutePosition(0, 0)
        page_w, page_h = canv._pagesize
        canv.saveState()
        canv.setFillColor(self.fill)
        # From the page's top edge down to the bottom of this flowable, edge to edge.
        canv.rect(-x0, 0, page_w, page_h - y0, stroke=0, fill=1)
        stripe_w = page_w * 0.62
        canv.setFillColor(self.stripes[0])
        canv.rect(-x0, -5, stripe_w, 5, stroke=0, fill=1)
        canv.setFillColor(self.stripes[1])
        canv.rect(-x0 + stripe_w, -5, page_w - stripe_w, 5, stroke=0, fill=1)
        canv.restoreState()
        top = self.height - 6
        if self.logo is not None:
            draw_picture(canv, self.logo.node, self.logo.path, self.width - self.logo_w,
                         self.height - 4 - self.logo_h, self.logo_w, self.logo_h)
        draw_tagged(self.title, canv, 0, top - self.title_h)
        draw_tagged(self.strapline, canv, 0, top - self.title_h - 8 - self.strap_h)
        draw_tagged(self.edition, canv, self.width * 0.7, 14)


class Banner(Outlined, Flowable):
    """A section's full-width coloured band with its name."""

    def __init__(self, text: Paragraph, fill: Color, rule: Color, anchor: str,
                 title: str) -> None:
        super().__init__()
        self.text, self.fill, self.rule = text, fill, rule
        self.anchor, self.outline_title, self.outline_level = anchor, title, 0
        self.pad = 7
        self.spaceAfter = 12

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        _, self.text_h = self.text.wrap(aW - 2 * self.pad - 8, BIG)
        self.height = self.text_h + 2 * self.pad
        return aW, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.fill)
        canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canv.setFillColor(self.rule)
        canv.rect(0, 0, 5, self.height, stroke=0, fill=1)
        canv.restoreState()
        self.mark(canv, self.height)
        draw_tagged(self.text, canv, self.pad + 8, self.pad)


class ArticleHead(Outlined, Flowable):
    """An article's title and standfirst under a short accent rule; kept with what follows."""

    def __init__(self, title: Paragraph, standfirst: Paragraph | None, rule: Color,
                 anchor: str, outline_title: str, space_before: float) -> None:
        super().__init__()
        self.parts = [p for p in (title, standfirst) if p is not None]
        self.rule = rule
        self.anchor, self.outline_title, self.outline_level = anchor, outline_title, 1
        self.keepWithNext = 1
        self.spaceBefore = space_before
        self.spaceAfter = 6

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self.height = 7 + _stack_height(self.parts, aW, self.canv)
        return aW, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.rule)
        canv.rect(0, self.height - 2.5, 30, 2.5, stroke=0, fill=1)
        canv.restoreState()
        self.mark(canv, self.height)
        _draw_stack(self.parts, canv, 0, self.height - 7, self.width)


class Box(Flowable):
    """A padded box of flowables: tint, optional left bar and top rule; splits between parts."""

    def __init__(self, parts: list[Flowable], *, fill: Color | None = None,
                 bar: Color | None = None, top_rule: Color | None = None, pad: float = 8,
                 splittable: bool = True, space: float = 8) -> None:
        super().__init__()
        self.parts, self.fill, self.bar, self.top_rule = parts, fill, bar, top_rule
        self.pad, self.splittable = pad, splittable
        self.spaceBefore = self.spaceAfter = space

    def _inner(self, aW: float) -> float:
        return aW - 2 * self.pad - (4 if self.bar else 0)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self.height = _stack_height(self.parts, self._inner(aW), self.canv) + 2 * self.pad
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if not self.splittable or len(self.parts) < 2:
            return []
        inner = self._inner(aW)
        used = 2 * self.pad
        for i, part in enumerate(self.parts):
            h = measure(part, inner, self.canv)
            used += h + (part.getSpaceBefore() if i else 0)
            if used > aH:
                # A box's heading alone at the foot of a column helps no one.
                if i < 2:
                    return []
                return [self._copy(self.parts[:i]), self._copy(self.parts[i:])]
            used += part.getSpaceAfter()
        return []

    def _copy(self, parts: list[Flowable]) -> Box:
        box = Box(parts, fill=self.fill, bar=self.bar, top_rule=self.top_rule, pad=self.pad,
                  splittable=self.splittable)
        box.spaceBefore, box.spaceAfter = self.spaceBefore, self.spaceAfter
        for key in ("_bulletin_origin", "_bulletin_kind", "_bulletin_index"):
            if hasattr(self, key):
                setattr(box, key, getattr(self, key))
        return box

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        if self.fill is not None:
            canv.setFillColor(self.fill)
            canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        if self.bar is not None:
            canv.setFillColor(self.bar)
            canv.rect(0, 0, 3.5, self.height, stroke=0, fill=1)
        if self.top_rule is not None:
            canv.setFillColor(self.top_rule)
            canv.rect(0, self.height - 2.5, self.width, 2.5, stroke=0, fill=1)
        canv.restoreState()
        left = self.pad + (4 if self.bar else 0)
        _draw_stack(self.parts, canv, left, self.height - self.pad, self._inner(self.width))


class PullQuote(Flowable):
    """A quotation printed large between coloured rules, with its attribution; never split."""

    def __init__(self, quote: Paragraph, attribution: Paragraph | None, rule: Color,
                 mark_font: str) -> None:
        super().__init__()
        self.quote, self.attribution, self.rule = quote, attribution, rule
        self.mark_font = mark_font
        self.spaceBefore = self.spaceAfter = 10

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        parts = [p for p in (self.quote, self.attribution) if p is not None]
        self.height = _stack_height(parts, aW - 22, self.canv) + 20
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.rule)
        canv.rect(0, self.height - 3, self.width, 3, stroke=0, fill=1)
        canv.rect(0, 0, self.width * 0.35, 1.2, stroke=0, fill=1)
        canv.setFont(self.mark_font, 34)
        canv.drawString(-1, self.height - 33, "\u201c")
        canv.restoreState()
        parts = [p for p in (self.quote, self.attribution) if p is not None]
        _draw_stack(parts, canv, 22, self.height - 11, self.width - 22)


class Figure(Flowable):
    """A picture scaled to the column with its caption, or a placeholder showing its alt text."""

    def __init__(self, path: str | None, pixel_size: tuple[int, int] | None,
                 caption: Paragraph | None, placeholder: Paragraph | None,
                 frame_colour: Color, max_height: float, node: Node | None = None) -> None:
        super().__init__()
        self.node = node  # the Figure element; None for a decorative picture
        self.path, self.pixel_size = path, pixel_size
        self.caption, self.placeholder = caption, placeholder
        self.frame_colour, self.max_height = frame_colour, max_height
        self.spaceBefore = 6
        self.spaceAfter = 10

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        if self.path and self.pixel_size:
            px_w, px_h = self.pixel_size
            self.img_w = aW
            self.img_h = aW * px_h / max(px_w, 1)
            if self.img_h > self.max_height:
                self.img_w, self.img_h = aW * self.max_height / self.img_h, self.max_height
        else:
            _, text_h = self.placeholder.wrap(aW - 24, BIG)
            self.img_w, self.img_h = aW, max(aW * 0.45, text_h + 24)
        self.cap_h = self.caption.wrap(aW, BIG)[1] + 4 if self.caption else 0
        self.height = self.img_h + self.cap_h
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canv = self.canv
        y = self.cap_h
        if self.path and self.pixel_size:
            x = (self.width - self.img_w) / 2
            draw_picture(canv, self.node, self.path, x, y, self.img_w, self.img_h)
        else:
            canv.saveState()
            canv.setStrokeColor(self.frame_colour)
            canv.setDash(4, 3)
            canv.setLineWidth(0.8)
            canv.rect(0.5, y + 0.5, self.img_w - 1, self.img_h - 1, stroke=1, fill=0)
            canv.restoreState()
            _, text_h = self.placeholder.wrap(self.img_w - 24, BIG)
            draw_tagged(self.placeholder, canv, 12, y + (self.img_h - text_h) / 2)
        if self.caption:
            self.caption.wrap(self.width, BIG)
            draw_tagged(self.caption, canv, 0, 0)


class ContentsLine(Flowable):
    """One line of "In this issue": the title, a link to it, and its page number at the right."""

    def __init__(self, text: Paragraph, anchor: str, number_font: str, number_size: float,
                 number_colour: Color, keep_with_next: bool = False) -> None:
        super().__init__()
        self.text, self.anchor = text, anchor
        self.number_font, self.number_size = number_font, number_size
        self.number_colour = number_colour
        self.keepWithNext = int(keep_with_next)
        self.spaceBefore = text.style.spaceBefore

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        _, self.height = self.text.wrap(aW - 26, BIG)
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        # The whole line is one Link element (set as this flowable's ``_tag``): the title,
        # the annotation and the page number drawn at the end all belong to it.
        canv = self.canv
        self.text.drawOn(canv, 0, 0)
        canv.linkRect("", self.anchor, (0, 0, self.width, self.height), relative=1)
        # Reportlab sets a paragraph's last baseline at leading - fontSize above its bottom:
        # the number sits on the title's last line, as a reader looks for it.
        baseline = self.text.style.leading - self.text.style.fontSize
        width, anchor = self.width, self.anchor
        font, size, colour = self.number_font, self.number_size, self.number_colour

        def number(c: BulletinCanvas, finished: Finished) -> None:
            page = finished.anchor_pages.get(anchor)
            if page is not None:
                c.setFont(font, size)
                c.setFillColor(colour)
                c.drawRightString(width, baseline, str(page))

        if isinstance(canv, BulletinCanvas):
            canv.defer(number)
