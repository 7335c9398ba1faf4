"""The preview: the real PDF from the PDF exporter, rebuilt in a worker shortly after edits."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core import background, formats

from .document import Document
from .workers import Worker, start

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
        self.pdf = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setAccessibleName("Preview of the printed bulletin")
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel("")
        self.status.setAccessibleName("Preview status")
        self.status.setWordWrap(True)
        refresh = QPushButton("Refresh")
        refresh.setAccessibleName("Refresh the preview")
        refresh.clicked.connect(self.rebuild_now)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.rebuild_now)
        self.generation = 0
        self.busy = False
        self.pending = False
        self._buffer: QBuffer | None = None
        self.warnings: list[str] = []
        doc.changed.connect(self.schedule)

    def schedule(self) -> None:
        """Rebuild once editing has stopped for a moment."""
        self.timer.start()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

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
        _generation, data, warnings = result
        self.warnings = list(warnings)
        page = self.current_page()
        zoom = self.view.zoomFactor()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        count = self.pdf.pageCount()
        if count:
            # Stay on the page the user was reading.
            self.view.pageNavigator().jump(min(page, count - 1), QPointF(), zoom)
        note = f"{count} pages"
        if warnings:
            note += f" \u2014 {len(warnings)} warning(s): {warnings[0]}"
        self.status.setText(note)
        if not self.busy and not self.timer.isActive():
            self.rebuilt.emit()  # only once the preview shows the issue as it is now

    def _failed(self, message: str) -> None:
        self.busy = False
        self.status.setText(f"The preview could not be made: {message}")
        self.failed.emit(message)
        if self.pending:
            self.pending = False
            self.rebuild_now()
