"""The preview's pages: a scrolling column of rendered PDF pages, and a strip of thumbnails.

Qt's own PDF view blanks while a new document loads and cannot say where a page sits on the
screen. This one keeps each page's last picture on screen until the new one is drawn (no blank
flash while the preview rebuilds), knows where every page is (so it can jump to an article and
mark it), and renders pages one at a time from the event loop, visible ones first, so typing is
never held up by drawing pages nobody is looking at.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QImage,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QAbstractScrollArea, QListView, QListWidget, QListWidgetItem

MARGIN = 10  # pixels around the column of pages
SPACING = 10  # pixels between pages
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0)
THUMB_WIDTH = 64
RENDER_DELAY_MS = 15


class PageView(QAbstractScrollArea):
    """The pages of one PDF, top to bottom, fitted to the width or at a zoom factor."""

    page_changed = Signal(int)  # the page at the top of the view (0-based)
    zoom_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Preview pages")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.document: QPdfDocument | None = None
        self.sizes: list[QSizeF] = []  # page sizes in points
        self.fit_width = True
        self.zoom = 1.0
        self.generation = 0
        # page -> (generation, scale, image): a picture from an older build or scale is drawn
        # (stretched if need be) until its fresh one is ready.
        self.images: dict[int, tuple[int, float, QImage]] = {}
        self.mark: tuple[int, QRectF] | None = None
        self._tops: list[float] = []
        self._current = -1
        self._queue_timer = QTimer(self)
        self._queue_timer.setSingleShot(True)
        # A moment's wait: the editor shows a newly chosen article first, the page follows.
        self._queue_timer.setInterval(RENDER_DELAY_MS)
        self._queue_timer.timeout.connect(self._render_next)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())

    # ---- the document --------------------------------------------------------------------------

    def set_document(self, document: QPdfDocument | None) -> None:
        """Show another PDF (a rebuild), keeping the scroll position and the old pictures until
        the new ones are drawn."""
        self.document = document
        self.generation += 1
        count = document.pageCount() if document is not None else 0
        self.sizes = [document.pagePointSize(i) for i in range(count)] if document else []
        self.images = {k: v for k, v in self.images.items() if k < count}
        self._layout()
        self._schedule()

    def page_count(self) -> int:
        return len(self.sizes)

    # ---- geometry ------------------------------------------------------------------------------

    def scale(self) -> float:
        """Screen pixels per PDF point."""
        if not self.sizes:
            return 1.0
        if self.fit_width:
            widest = max(s.width() for s in self.sizes) or 1.0
            return max(0.05, (self.viewport().width() - 2 * MARGIN) / widest)
        return self.zoom * self.logicalDpiX() / 72.0

    def _layout(self) -> None:
        scale = self.scale()
        tops, y = [], float(MARGIN)
        for size in self.sizes:
            tops.append(y)
            y += size.height() * scale + SPACING
        self._tops = tops
        height = int(y + MARGIN - SPACING) if self.sizes else 0
        width = int(max((s.width() for s in self.sizes), default=0) * scale + 2 * MARGIN)
        bar = self.verticalScrollBar()
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(24)
        bar.setRange(0, max(0, height - self.viewport().height()))
        hbar = self.horizontalScrollBar()
        hbar.setPageStep(self.viewport().width())
        hbar.setRange(0, max(0, width - self.viewport().width()))
        self.viewport().update()
        self._scrolled()

    def page_rect(self, page: int) -> QRectF:
        """Where a page is drawn, in the scrolled content's pixels."""
        scale = self.scale()
        size = self.sizes[page]
        width = size.width() * scale
        content = max(self.viewport().width(), max(s.width() for s in self.sizes) * scale
                      + 2 * MARGIN)
        left = (content - width) / 2
        return QRectF(left, self._tops[page], width, size.height() * scale)

    def visible_pages(self) -> list[int]:
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        return [i for i in range(len(self.sizes))
                if self._tops[i] < bottom and self._tops[i] + self.sizes[i].height()
                * self.scale() > top]

    def current_page(self) -> int:
        """The page at the top of the view (the one showing most of the upper half)."""
        if not self.sizes:
            return 0
        probe = self.verticalScrollBar().value() + self.viewport().height() * 0.25
        for i in range(len(self.sizes) - 1, -1, -1):
            if self._tops[i] <= probe:
                return i
        return 0

    def jump_to(self, page: int, y_points: float | None = None) -> None:
        """Scroll so a page (and a place on it, in points from its top) is near the top."""
        if not self.sizes:
            return
        page = max(0, min(page, len(self.sizes) - 1))
        y = self._tops[page] - MARGIN
        if y_points is not None:
            y = self._tops[page] + y_points * self.scale() - 3 * MARGIN
        self.verticalScrollBar().setValue(int(max(0, y)))
        self._scrolled()

    def is_visible(self, page: int, rect: QRectF | None = None) -> bool:
        """True if the page (or that part of it, in points) is on screen."""
        if not 0 <= page < len(self.sizes):
            return False
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        scale = self.scale()
        lo = self._tops[page] + (rect.top() * scale if rect is not None else 0)
        hi = lo + (rect.height() * scale if rect is not None else self.sizes[page].height()
                   * scale)
        return lo >= top and hi <= bottom

    def set_mark(self, page: int | None, rect: QRectF | None = None) -> None:
        """Mark a place on a page (in points): the article being edited."""
        self.mark = (page, rect or QRectF()) if page is not None else None
        self.viewport().update()

    # ---- zoom ----------------------------------------------------------------------------------

    def set_fit_width(self) -> None:
        self.fit_width = True
        self._rescaled()

    def set_zoom(self, zoom: float) -> None:
        self.fit_width = False
        self.zoom = max(ZOOM_STEPS[0], min(zoom, ZOOM_STEPS[-1]))
        self._rescaled()

    def effective_zoom(self) -> float:
        """The zoom as people count it: 1.0 is the page at its printed size."""
        return self.scale() * 72.0 / self.logicalDpiX()

    def zoom_by(self, steps: int) -> None:
        now = self.effective_zoom()
        if steps > 0:
            bigger = [z for z in ZOOM_STEPS if z > now + 0.01]
            self.set_zoom(bigger[0] if bigger else ZOOM_STEPS[-1])
        else:
            smaller = [z for z in ZOOM_STEPS if z < now - 0.01]
            self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def _rescaled(self) -> None:
        page = self.current_page()
        self._layout()
        self.jump_to(page)
        self._schedule()
        self.zoom_changed.emit()

    # ---- drawing -------------------------------------------------------------------------------

    def _scrolled(self) -> None:
        page = self.current_page()
        if page != self._current and self.sizes:
            self._current = page
            self.page_changed.emit(page)
        self.viewport().update()
        self._schedule()

    def _schedule(self) -> None:
        if self.document is not None and self._wanted():
            self._queue_timer.start()

    def _wanted(self) -> list[int]:
        """Visible pages without a fresh picture, then their neighbours."""
        scale = self.scale()
        visible = self.visible_pages()
        near = visible + [p for p in (min(visible, default=0) - 1, max(visible, default=0) + 1)
                          if 0 <= p < len(self.sizes)]
        return [p for p in near if not self._fresh(p, scale)]

    def _fresh(self, page: int, scale: float) -> bool:
        held = self.images.get(page)
        return held is not None and held[0] == self.generation and abs(held[1] - scale) < 1e-6

    def render_page(self, page: int) -> None:
        """Draw one page's picture now (the queue calls this; so may a benchmark)."""
        if self.document is None or not 0 <= page < len(self.sizes):
            return
        scale = self.scale()
        ratio = self.devicePixelRatioF()
        size = self.sizes[page]
        pixels = QSize(max(1, round(size.width() * scale * ratio)),
                       max(1, round(size.height() * scale * ratio)))
        image = self.document.render(page, pixels)
        image.setDevicePixelRatio(ratio)
        self.images[page] = (self.generation, scale, image)
        self.viewport().update()

    def _render_next(self) -> None:
        wanted = self._wanted()
        if wanted:
            self.render_page(wanted[0])
            if len(wanted) > 1:
                self._queue_timer.start()

    def render_visible(self) -> None:
        """Draw every visible page that is not fresh (for tests and benchmarks)."""
        scale = self.scale()
        for page in self.visible_pages():
            if not self._fresh(page, scale):
                self.render_page(page)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self.viewport())
        palette = self.palette()
        painter.fillRect(self.viewport().rect(), palette.color(QPalette.ColorRole.Mid))
        if not self.sizes:
            return
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        painter.translate(dx, dy)
        for page in self.visible_pages():
            rect = self.page_rect(page)
            painter.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 60))
            painter.fillRect(rect, Qt.GlobalColor.white)
            held = self.images.get(page)
            if held is not None:
                painter.drawImage(rect, held[2])
        if self.mark is not None and self.mark[0] in self.visible_pages():
            self._draw_mark(painter)

    def _draw_mark(self, painter: QPainter) -> None:
        page, area = self.mark
        rect = self.page_rect(page)
        scale = self.scale()
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        if area.isNull():
            target = QRectF(rect.left(), rect.top(), rect.width(), 24 * scale)
        else:
            target = QRectF(rect.left() + area.left() * scale - 4,
                            rect.top() + area.top() * scale - 3,
                            area.width() * scale + 8, area.height() * scale + 6)
        fill = QColor(colour)
        fill.setAlpha(50)
        painter.fillRect(target, fill)
        painter.setPen(QPen(colour, 2))
        painter.drawRect(target)
        bar = QRectF(rect.left() + 2, target.top(), 5, target.height())
        painter.fillRect(bar, colour)

    # ---- events --------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.fit_width and self.sizes:
            page = self.current_page()
            self._layout()
            self.jump_to(page)
        else:
            self._layout()
        self._schedule()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        bar = self.verticalScrollBar()
        if key == Qt.Key.Key_Home:
            bar.setValue(0)
        elif key == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            bar.setValue(bar.value() + bar.pageStep())
        elif key == Qt.Key.Key_PageUp:
            bar.setValue(bar.value() - bar.pageStep())
        else:
            super().keyPressEvent(event)


class ThumbnailStrip(QListWidget):
    """Small pictures of the pages, one under the other; choosing one jumps to it."""

    page_chosen = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Page thumbnails")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(THUMB_WIDTH, int(THUMB_WIDTH * 1.42)))
        self.setSpacing(4)
        self.setFixedWidth(THUMB_WIDTH + 34)
        self.document: QPdfDocument | None = None
        self._todo: list[int] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._render_next)
        self.itemActivated.connect(lambda item: self.page_chosen.emit(self.row(item)))
        self.itemClicked.connect(lambda item: self.page_chosen.emit(self.row(item)))

    def set_document(self, document: QPdfDocument | None) -> None:
        """Show another PDF's pages; existing pictures stay until redrawn."""
        self.document = document
        count = document.pageCount() if document is not None else 0
        while self.count() > count:
            self.takeItem(self.count() - 1)
        blank = QPixmap(self.iconSize())
        blank.fill(Qt.GlobalColor.white)
        while self.count() < count:
            item = QListWidgetItem(QIcon(blank), str(self.count() + 1))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"Page {self.count() + 1}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
        self._todo = list(range(count))
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._todo:
            self._timer.start()

    def _render_next(self) -> None:
        if not self._todo or self.document is None or not self.isVisible():
            return
        page = self._todo.pop(0)
        size = self.document.pagePointSize(page)
        ratio = self.devicePixelRatioF()
        width = THUMB_WIDTH * ratio
        height = width * size.height() / max(size.width(), 1.0)
        image = self.document.render(page, QSize(round(width), round(height)))
        image.setDevicePixelRatio(ratio)
        self.item(page).setIcon(QIcon(QPixmap.fromImage(image)))
        if self._todo:
            self._timer.start()

    def show_page(self, page: int) -> None:
        if 0 <= page < self.count() and self.currentRow() != page:
            self.blockSignals(True)
            self.setCurrentRow(page)
            self.blockSignals(False)
            self.scrollToItem(self.item(page))


def heading_area(document: QPdfDocument, page: int, y: float, title: str) -> QRectF:
    """The box of a heading on a page: its words, found in the page's text nearest to ``y``
    (where its outline entry points). A two-column page can hold two headings at one height,
    and an outline entry gives no column, so the words decide. Empty if not found. Asked
    again for the same document, page and words, the answer is remembered."""
    words = title.split()
    if not words or not 0 <= page < document.pageCount():
        return QRectF()
    cache: dict = document.property("bulletin_heading_areas") or {}
    key = (page, round(y, 1), " ".join(words))
    if key in cache:
        return QRectF(cache[key])
    texts: dict = document.property("bulletin_page_texts") or {}
    if page not in texts:
        texts[page] = document.getAllText(page).text()
        document.setProperty("bulletin_page_texts", texts)
    text = texts[page]
    best, distance = QRectF(), float("inf")
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words[:8]))
    for found in pattern.finditer(text):
        box = document.getSelectionAtIndex(page, found.start(),
                                           found.end() - found.start()).boundingRectangle()
        gap = abs(box.top() - y)
        if box.isValid() and gap < distance:
            best, distance = box, gap
    cache[key] = QRectF(best)
    document.setProperty("bulletin_heading_areas", cache)
    return best
