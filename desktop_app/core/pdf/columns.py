"""A run of flowables set in columns under an optional full-width head, balanced at its end.

The bulletin's sections are full-width banners over two (or one, or three) columns. Platypus
frames are fixed per page, so a banner half-way down a page cannot open new frames. Instead
each section is one ``ColumnFlow``: it fills the columns itself, page by page (the document's
single full-width frame calls ``split`` when a page is full), honours ``keepWithNext``, splits
what can split, and on its last page finds the shortest column height that still holds the
rest, so its columns end level. Its banner is drawn only with content beneath it: a section
that cannot start with a few lines under its banner starts on the next page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, KeepInFrame, Paragraph

from .tagging import draw_tagged, inherit

BIG = 1e6
FUZZ = 1e-3


@dataclass
class Placed:
    flowable: Flowable
    y: float  # distance from the column top to the flowable's top
    height: float


Column = list[Placed]


class ColumnFlow(Flowable):
    """Flowables in ``columns`` columns under ``head``; see the module docstring."""

    def __init__(self, content: list[Flowable], columns: int, gap: float, *,
                 head: Flowable | None = None, fill: Color | None = None, pad: float = 0,
                 min_start: float = 60, on_draw: Callable[[Flowable], None] | None = None,
                 space_after: float = 14, rule: Color | None = None,
                 full_height: float | None = None,
                 _heights: dict[int, tuple[Flowable, float]] | None = None) -> None:
        super().__init__()
        self.content = list(content)
        self.columns, self.gap, self.head = columns, gap, head
        self.fill, self.pad, self.min_start = fill, pad, min_start
        self.on_draw = on_draw
        self.spaceAfter = space_after
        self.rule = rule
        # The frame's full height: only at the top of a page is a flowable too tall for any
        # column shrunk to fit; anywhere else it waits for the next column or page.
        self.full_height = full_height
        # Shared with the pieces this flow splits into: the rest is measured only once.
        self._heights: dict[int, tuple[Flowable, float]] = {} if _heights is None else _heights
        self._layout: tuple[list[Column], float] | None = None
        self._wrapped: tuple[float, float] | None = None
        self._fixed = False  # a page's worth already laid out by split()

    # ---- measuring ---------------------------------------------------------------------

    def _col_width(self, aW: float) -> float:
        inner = aW - 2 * self.pad
        return (inner - self.gap * (self.columns - 1)) / self.columns

    def _head_height(self, aW: float) -> float:
        if self.head is None:
            return 0.0
        _, h = self.head.wrapOn(self.canv, aW - 2 * self.pad, BIG)
        return h + self.head.getSpaceAfter()

    def _height(self, f: Flowable) -> float:
        # Wrapping a paragraph breaks its lines again; balancing packs the same flowables many
        # times, so each one is measured once (the entry keeps it alive, so ids stay unique).
        hit = self._heights.get(id(f))
        if hit is None:
            _, h = f.wrapOn(self.canv, self._cw, BIG)
            hit = self._heights[id(f)] = (f, h)
        return hit[1]

    def _starts_in(self, items: list[Flowable], j: int, room: float, after: float) -> bool:
        """Whether ``items[j]`` can begin in ``room`` below a keep-with-next flowable.

        Beginning means fitting whole, or splitting there in a way reportlab accepts (a
        paragraph keeps two lines at each side of a break); a flowable that must itself stay
        with the next one needs all of itself and the start of that next one.
        """
        f = items[j]
        room -= max(after, f.getSpaceBefore())
        h = self._height(f)
        if f.getKeepWithNext() and j + 1 < len(items):
            return h <= room + FUZZ and self._starts_in(items, j + 1, room - h,
                                                          f.getSpaceAfter())
        if h <= room + FUZZ:
            return True
        if room <= 0:
            return False
        parts = f.splitOn(self.canv, self._cw, room)
        return len(parts) >= 2 and self._height(parts[0]) <= room + FUZZ

    # ---- packing -----------------------------------------------------------------------

    def _fill(self, items: list[Flowable], height: float,
              force: bool = True) -> tuple[Column, list[Flowable]]:
        """Fill one column of ``height``; returns what was placed and what is left.

        ``force`` places a first item too tall for any column, shrunk; a balancing trial
        passes False, so that a trial height too short for it fails instead.
        """
        placed: Column = []
        items = list(items)
        used = 0.0
        after = 0.0
        while items:
            f = items[0]
            h = self._height(f)
            gap = max(after, f.getSpaceBefore()) if placed else 0.0
            need = gap + h
            fits = used + need <= height + FUZZ
            if fits and f.getKeepWithNext() and len(items) > 1:
                fits = self._starts_in(items, 1, height - used - need, f.getSpaceAfter())
            if fits:
                placed.append(Placed(f, used + gap, h))
                used += need
                after = f.getSpaceAfter()
                items.pop(0)
                continue
            room = height - used - gap
            if not f.getKeepWithNext() and room > 0:
                parts = inherit(f.splitOn(self.canv, self._cw, room), f)
                if len(parts) >= 2:
                    first = parts[0]
                    fh = self._height(first)
                    if fh <= room + FUZZ:
                        placed.append(Placed(first, used + gap, fh))
                        items[0:1] = parts[1:]
                        return placed, items
            if not placed and force:
                # Taller than a whole column and unsplittable: shrink it to fit rather than
                # loop forever or draw over the footer.
                if h > height + FUZZ:
                    f = inherit([KeepInFrame(self._cw, height, [f], mode="shrink")], f)[0]
                    h = min(h, height)
                placed.append(Placed(f, 0.0, h))
                items.pop(0)
            return placed, items
        return placed, items

    def _pack(self, items: list[Flowable], height: float,
              force: bool = True) -> tuple[list[Column], list[Flowable]]:
        cols: list[Column] = []
        rest = items
        for _ in range(self.columns):
            col, rest = self._fill(rest, height, force)
            cols.append(col)
        return cols, rest

    @staticmethod
    def _used(cols: list[Column]) -> float:
        return max((c[-1].y + c[-1].height for c in cols if c), default=0.0)

    def _at_top(self, aH: float) -> bool:
        return self.full_height is None or aH >= self.full_height - 1

    def _balance(self, height: float, force: bool) -> tuple[list[Column], float] | None:
        """The shortest packing of everything into the columns, or None if it does not fit."""
        cols, rest = self._pack(self.content, height, force)
        if rest:
            return None
        if self.columns == 1:
            return cols, self._used(cols)
        total = sum(self._height(f) for f in self.content)
        lo, hi = max(total / self.columns - 1, 0.0), height
        best = cols
        # Bisect on the column height: a packing that fits at h fits at anything taller.
        while hi - lo > 2:
            mid = (lo + hi) / 2
            cols, rest = self._pack(self.content, mid, force=False)
            if rest:
                lo = mid
            else:
                hi, best = mid, cols
        return best, self._used(best)

    # ---- the Flowable protocol ---------------------------------------------------------

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        if self._fixed or (self._wrapped == (aW, aH) and self._layout is not None):
            return aW, self.height
        self.width = aW
        self._cw = self._col_width(aW)
        self._wrapped = (aW, aH)
        head = self._head_height(aW)
        room = aH - head - 2 * self.pad
        self._layout = self._balance(room, self._at_top(aH)) if room > 0 else None
        if self._layout is None:
            # Too much for this page: say so, and the frame will ask for a split.
            self.height = aH + 1
        else:
            self.height = head + self._layout[1] + 2 * self.pad
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        self.width = aW
        self._cw = self._col_width(aW)
        head = self._head_height(aW)
        room = aH - head - 2 * self.pad
        if room < self.min_start:
            return []
        cols, rest = self._pack(self.content, room, self._at_top(aH))
        if not cols[0]:
            return []
        first = ColumnFlow([], self.columns, self.gap, head=self.head, fill=self.fill,
                           pad=self.pad, on_draw=self.on_draw, space_after=0, rule=self.rule)
        first.canv = self.canv
        first._cw = self._cw
        first.width = aW
        first._layout = (cols, room)
        first._fixed = True
        first.height = head + room + 2 * self.pad
        parts: list[Flowable] = [first]
        if rest:
            parts.append(ColumnFlow(rest, self.columns, self.gap, fill=self.fill, pad=self.pad,
                                    on_draw=self.on_draw, space_after=self.spaceAfter,
                                    rule=self.rule, full_height=self.full_height,
                                    _heights=self._heights))
        return parts

    def draw(self) -> None:
        canv = self.canv
        assert self._layout is not None, "ColumnFlow drawn before it was wrapped"
        cols, col_h = self._layout
        if self.fill is not None:
            canv.saveState()
            canv.setFillColor(self.fill)
            canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
            canv.restoreState()
        top = self.height - self.pad
        if self.head is not None:
            h = self.head.wrapOn(canv, self.width - 2 * self.pad, BIG)[1]
            draw_tagged(self.head, canv, self.pad, top - h)
            if self.on_draw:
                self.on_draw(self.head)
            top -= h + self.head.getSpaceAfter()
        if self.rule is not None and self.columns > 1:
            used = self._used(cols)
            canv.saveState()
            canv.setStrokeColor(self.rule)
            canv.setLineWidth(0.5)
            for i in range(1, self.columns):
                if cols[i]:
                    x = self.pad + i * (self._cw + self.gap) - self.gap / 2
                    canv.line(x, top, x, top - used)
            canv.restoreState()
        for i, col in enumerate(cols):
            x = self.pad + i * (self._cw + self.gap)
            for item in col:
                f = item.flowable
                # Measuring wrapped it at this width, but a trial split can drop a paragraph's
                # line breaks (reportlab deletes them): wrap again only then.
                if getattr(f, "width", None) != self._cw or (
                        isinstance(f, Paragraph) and not hasattr(f, "blPara")):
                    f.wrapOn(canv, self._cw, BIG)
                draw_tagged(f, canv, x, top - item.y - item.height)
                if self.on_draw:
                    self.on_draw(f)
