"""The preview: the real PDF from the PDF exporter, rebuilt in a worker shortly after edits.

It follows the editor: choosing or editing an article shows the page it is on and marks it
(found from the PDF's own outline, so the place is the one the printed page has). A page box,
zoom, fit-to-width and a strip of thumbnails move around it; while a new PDF is being made the
old pages stay on screen.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QModelIndex, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QToolBar, QVBoxLayout, QWidget

from desktop_app.core import background, formats
from desktop_app.core.layout import WELCOME_ID, exported_sections
from desktop_app.core.model import Issue, plural

from . import dialogs
from .document import Document
from .page_view import PageView, ThumbnailStrip, heading_area
from .workers import Worker, start

SECTION, ARTICLE = "section", "article"
Location = tuple[int, float, str]  # page, points from its top, the heading's words

DEBOUNCE_MS = 600


PREVIEW_FORMAT = "pdf"


def preview_available() -> bool:
    """True if the registry's PDF writer is part of this build."""
    return formats.get(PREVIEW_FORMAT).is_available()


class PreviewPane(QWidget):
    """Shows the issue as it will print; ``rebuilt`` fires after each new PDF is shown."""

    rebuilt = Signal()
    failed = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName("Preview")
        self.pdf: QPdfDocument | None = None
        self.pages = PageView()
        self.pages.setAccessibleName("Preview of the printed bulletin")
        self.thumbs = ThumbnailStrip()
        self.thumbs.page_chosen.connect(lambda page: self.pages.jump_to(page))
        self.pages.page_changed.connect(self._page_changed)
        self.pages.zoom_changed.connect(self._zoom_changed)
        self.status = dialogs.plain_label()
        self.status.setAccessibleName("Preview status")
        self.status.setWordWrap(True)

        self.page_box = QSpinBox()
        self.page_box.setAccessibleName("Page number")
        self.page_box.setPrefix("Page ")
        self.page_box.setRange(1, 999)
        # As wide as it will ever need, so a longer issue never squeezes it in the toolbar.
        self.page_box.setMinimumWidth(self.page_box.sizeHint().width())
        self.page_box.setRange(1, 1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda n: self.pages.jump_to(n - 1))
        self.page_total = QLabel("of 0")
        self.zoom_label = QLabel("Fit")
        self.zoom_label.setAccessibleName("Zoom")
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("300%"))
        self.toolbar = QToolBar("Preview")
        self.toolbar.setAccessibleName("Preview tools")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(self.page_box)
        self.toolbar.addWidget(self.page_total)
        self.toolbar.addSeparator()
        self.act_zoom_out = self._tool("\u2212", "Zoom out", "Ctrl+-",
                                       lambda: self.pages.zoom_by(-1))
        self.toolbar.addWidget(self.zoom_label)
        self.act_zoom_in = self._tool("+", "Zoom in", "Ctrl+=", lambda: self.pages.zoom_by(1))
        self.act_fit = self._tool("Fit width", "Fit the page to the width", "Ctrl+0",
                                  self.pages.set_fit_width)
        self.act_fit.setCheckable(True)
        self.act_fit.setChecked(True)
        self.act_thumbs = self._tool("Pages", "Show or hide the page thumbnails", None,
                                     lambda: self.thumbs.setVisible(self.act_thumbs.isChecked()))
        self.act_thumbs.setCheckable(True)
        self.act_thumbs.setChecked(True)
        self.act_refresh = self._tool("Refresh", "Refresh the preview", None, self.rebuild_now)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.thumbs)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.status)
        layout.addLayout(body, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.rebuild_now)
        self.generation = 0
        self.busy = False
        self.pending = False
        self.warnings: list[str] = []
        self.locations: dict[tuple[str, str], Location] = {}
        self.followed: tuple[str, str] | None = None
        self._snapshots: dict[int, Issue] = {}
        self._shown_generation = 0
        self._shown_for: tuple[str, str] | None = None
        self._shown_page: int | None = None
        self._note = ""
        doc.changed.connect(self.schedule)

    def _tool(self, text: str, tip: str, shortcut: str | None, slot) -> QAction:
        action = QAction(text, self)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())
        self.toolbar.addAction(action)
        self.toolbar.widgetForAction(action).setAccessibleName(tip)
        return action

    def schedule(self) -> None:
        """Rebuild once editing has stopped for a moment."""
        self.timer.start()

    def current_page(self) -> int:
        return self.pages.current_page()

    def page_count(self) -> int:
        return self.pages.page_count()

    # ---- following the editor ------------------------------------------------------------------

    def follow(self, kind: str | None, item_id: str | None = None, jump: bool = True) -> bool:
        """Show and mark where an article or section is; False if it is not in the PDF (yet).
        ``kind`` None stops following."""
        self.followed = (kind, item_id) if kind and item_id else None
        return self._show_followed(jump)

    def _show_followed(self, jump: bool) -> bool:
        where = self.locations.get(self.followed) if self.followed else None
        if where is None or self.pdf is None:
            self.pages.set_mark(None)
            pooled = self.followed is not None and self.followed[0] == ARTICLE
            self._describe("In the pool: not in the printed issue until it is placed."
                           if pooled and self.pdf is not None else "")
            return False
        page, y, words = where
        area = heading_area(self.pdf, page, y, words)
        self.pages.set_mark(page, area if area.isValid() else QRectF(0, y, 0, 0))
        # Jump when asked, when this item has not been shown yet (its PDF was still being
        # made when it was chosen), or when an edit moved it to another page; otherwise the
        # page the user is reading stays put.
        unseen = self._shown_for != self.followed
        moved = not unseen and self._shown_page is not None and page != self._shown_page
        if (jump or unseen or moved) and not self.pages.is_visible(
                page, area if area.isValid() else None):
            self.pages.jump_to(page, area.top() if area.isValid() else y)
        self._shown_for, self._shown_page = self.followed, page
        self._describe(f"On page {page + 1}.")
        return True

    def _describe(self, where: str = "") -> None:
        self.status.setText(" ".join(t for t in (where, self._note) if t))

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.thumbs.show_page(page)

    def _zoom_changed(self) -> None:
        self.act_fit.setChecked(self.pages.fit_width)
        self.zoom_label.setText("Fit" if self.pages.fit_width
                                else f"{round(self.pages.effective_zoom() * 100)}%")

    # ---- building ------------------------------------------------------------------------------

    def rebuild_now(self) -> None:
        self.timer.stop()
        if not preview_available():
            self.status.setText("The preview needs the PDF exporter, which is not installed.")
            return
        if self.busy:
            self.pending = True  # one build at a time; the newest state follows
            return
        self.busy = True
        self.generation += 1
        generation = self.generation
        # A snapshot, so the worker never reads the issue while the user edits it.
        issue = copy.deepcopy(self.doc.issue)
        self._snapshots[generation] = issue  # to find its sections and articles in the PDF
        # An issue never saved has no folder (and so no pictures): any folder will do.
        folder = self.doc.folder or Path(tempfile.gettempdir())
        # The PDF is made in the helper process: see desktop_app.core.background for why.
        worker = Worker(lambda _progress: (generation, *background.run_job(
            formats.RENDER_TARGET, PREVIEW_FORMAT, issue, folder)), self)
        # Bound methods of this widget, so the results are queued to the GUI thread.
        worker.signals.finished.connect(self._show)
        worker.signals.failed.connect(self._failed)
        self.status.setText("Updating the preview\u2026")
        start(worker)

    def _show(self, result: tuple[int, bytes, list[str]]) -> None:
        self.busy = False
        if self.pending:
            self.pending = False
            self.rebuild_now()
        generation, data, warnings = result
        # A new document each time: the old one (and its pictures) stays on screen until
        # this one has replaced it, so the pages never flash blank.
        document = QPdfDocument(self)
        buffer = QBuffer(document)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        if document.status() == QPdfDocument.Status.Loading:
            # Qt may read the PDF in the background: show it once it is ready.
            document.statusChanged.connect(
                lambda status, d=document: status != QPdfDocument.Status.Loading
                and self._adopt(d, generation, warnings))
            return
        self._adopt(document, generation, warnings)

    def _adopt(self, document: QPdfDocument, generation: int, warnings: list[str]) -> None:
        """Put a newly read PDF on screen in place of the last one."""
        if document.status() != QPdfDocument.Status.Ready:
            document.deleteLater()
            self._failed("the new PDF could not be read")
            return
        if generation < self._shown_generation:
            document.deleteLater()  # an older build that finished late
            return
        self._shown_generation = generation
        self.warnings = list(warnings)
        old, self.pdf = self.pdf, document
        self.pages.set_document(document)
        self.thumbs.set_document(document)
        if old is not None:
            old.deleteLater()
        count = document.pageCount()
        self.page_box.setRange(1, max(1, count))
        self.page_total.setText(f"of {count}")
        snapshot = self._snapshots.pop(generation, None)
        for older in [g for g in self._snapshots if g < generation]:
            del self._snapshots[older]
        self.locations = outline_locations(document, snapshot) if snapshot else {}
        note = plural(count, "page")
        if warnings:
            note += f" \u2014 {plural(len(warnings), 'warning')}: {warnings[0]}"
        self._note = note
        self._show_followed(jump=False)
        if not self.busy and not self.timer.isActive():
            self.rebuilt.emit()  # only once the preview shows the issue as it is now

    def _failed(self, message: str) -> None:
        self.busy = False
        self.status.setText(f"The preview could not be made: {message}")
        self.failed.emit(message)
        if self.pending:
            self.pending = False
            self.rebuild_now()


def outline_locations(document: QPdfDocument, issue: Issue) -> dict[tuple[str, str], Location]:
    """Where each section and article starts in a PDF of ``issue``, from the PDF's outline.

    The outline lists the printed sections in order (see ``layout.exported_sections``), each
    with its articles; entries are matched to them by position, so two articles with the same
    title are still told apart.
    """
    model = QPdfBookmarkModel()
    model.setDocument(document)
    roles = QPdfBookmarkModel.Role
    sections = exported_sections(issue)
    welcome_apart = not any(s.id == WELCOME_ID for s in sections) and bool(
        issue.welcome.strip() or issue.team_contacts)
    expected: list[tuple[str, list]] = ([(WELCOME_ID, [])] if welcome_apart else []) + [
        (s.id, list(s.articles)) for s in sections]
    found: dict[tuple[str, str], Location] = {}
    root = QModelIndex()
    for row in range(min(model.rowCount(root), len(expected))):
        entry = model.index(row, 0, root)
        section_id, articles = expected[row]
        found[(SECTION, section_id)] = _location(entry, roles)
        for child_row in range(min(model.rowCount(entry), len(articles))):
            child = model.index(child_row, 0, entry)
            found[(ARTICLE, articles[child_row].id)] = _location(child, roles)
    return found


def _location(index: QModelIndex, roles) -> Location:
    point = index.data(roles.Location)
    return (int(index.data(roles.Page)), float(point.y()) if point is not None else 0.0,
            str(index.data(roles.Title) or ""))
