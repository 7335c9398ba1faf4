"""The export dialog: PDF, Word or both into a folder, in a worker thread with a progress bar."""

from __future__ import annotations

import copy
import importlib
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import background
from desktop_app.core.errors import ExportError
from desktop_app.core.model import Issue

from .document import Document
from .workers import Worker, start


def exporter(name: str):
    """An exporter module (``export_pdf`` or ``export_docx``), or None if not in this build."""
    try:
        return importlib.import_module(f"desktop_app.core.{name}")
    except ImportError:
        return None


def output_names(issue: Issue) -> tuple[str, str]:
    """File names for an issue's exports: "soc-bulletin-edition-9.pdf" and ".docx"."""
    stem = f"soc-bulletin-edition-{issue.edition}"
    return f"{stem}.pdf", f"{stem}.docx"


def run_exports(issue: Issue, folder: Path | None, out_dir: Path, pdf: bool, docx: bool,
                progress) -> tuple[list[Path], list[str]]:
    """Write the chosen exports (called in the worker); the files written and the warnings."""
    jobs = []
    pdf_name, docx_name = output_names(issue)
    if pdf:
        module = exporter("export_pdf")
        if module is None:
            raise ExportError("the PDF exporter is not part of this build")
        jobs.append((f"{module.__name__}:write_pdf", out_dir / pdf_name))
    if docx:
        module = exporter("export_docx")
        if module is None:
            raise ExportError("the Word exporter is not part of this build")
        jobs.append((f"{module.__name__}:write_docx", out_dir / docx_name))
    if not out_dir.is_dir():
        raise ExportError(f"{out_dir} is not a folder")
    written: list[Path] = []
    warnings: list[str] = []
    for n, (write, target) in enumerate(jobs):
        # Each job is one share of the bar, so PDF + Word runs from 0 to 100 once.
        def step(done: int, total: int, n: int = n) -> None:
            share = done / total if total else 1.0
            progress(int(1000 * (n + share) / len(jobs)), 1000)

        # In the helper process, so the window's event loop never waits on the exporter.
        warnings.extend(background.run_job(write, issue, folder, target, progress=step))
        written.append(target)
    progress(1000, 1000)
    return written, warnings


def choose_folder(parent: QWidget, start_dir: str) -> str | None:
    folder = QFileDialog.getExistingDirectory(parent, "Export to folder", start_dir)
    return folder or None


def open_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportDialog(QDialog):
    """Choose outputs and a folder, watch the progress, open the folder at the end."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle("Export the bulletin")
        self.setAccessibleName("Export")
        self.pdf = QCheckBox("PDF to print and email")
        self.pdf.setChecked(True)
        self.docx = QCheckBox("Word file for reviewers")
        self.docx.setChecked(True)
        self.pdf.setEnabled(exporter("export_pdf") is not None)
        self.docx.setEnabled(exporter("export_docx") is not None)
        self.pdf.setChecked(self.pdf.isEnabled())
        self.docx.setChecked(self.docx.isEnabled())
        default = doc.folder / "exports" if doc.folder is not None else Path.home()
        self.folder = QLineEdit(str(default))
        self.folder.setAccessibleName("Output folder")
        browse = QPushButton("Choose\u2026")
        browse.setAccessibleName("Choose the output folder")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Export progress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Export result")
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("Export",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton("Open folder",
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.setVisible(False)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(lambda: open_folder(Path(self.folder.text())))
        self.close_button.clicked.connect(self.reject)

        self.warning = QLabel("")  # findings left by the checks: a warning, never a block
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName("Export warning")
        self.warning.setVisible(False)
        form = QFormLayout()
        form.addRow("Make", self.pdf)
        form.addRow("", self.docx)
        form.addRow("Into folder", row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.written: list[Path] = []
        self.warnings: list[str] = []
        self.running = False
        self.resize(520, self.sizeHint().height())

    def set_warning(self, text: str) -> None:
        """Say what the Problems pane still lists (export stays possible)."""
        self.warning.setText(f"\u26a0 {text}" if text else "")
        self.warning.setVisible(bool(text))

    def _browse(self) -> None:
        chosen = choose_folder(self, self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def start_export(self) -> None:
        if self.running:
            return
        if not (self.pdf.isChecked() or self.docx.isChecked()):
            self.message.setText("Choose PDF, Word or both.")
            return
        out_dir = Path(self.folder.text()).expanduser()
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._failed(f"the folder {out_dir} cannot be made: {exc.strerror or exc}")
            return
        self.running = True
        self.export_button.setEnabled(False)
        self.open_button.setVisible(False)
        self.progress.setValue(0)
        self.message.setText("Exporting\u2026")
        issue = copy.deepcopy(self.doc.issue)  # the worker never sees later edits
        folder = self.doc.folder or Path(tempfile.gettempdir())
        pdf, docx = self.pdf.isChecked(), self.docx.isChecked()
        worker = Worker(lambda progress: run_exports(issue, folder, out_dir, pdf, docx,
                                                     progress), self)
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        start(worker)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _finished(self, result: tuple[list[Path], list[str]]) -> None:
        self.running = False
        self.written, self.warnings = result
        self.export_button.setEnabled(True)
        self.progress.setValue(self.progress.maximum())
        names = ", ".join(p.name for p in self.written)
        text = f"Exported {names}."
        if self.warnings:
            text += "\n" + "\n".join(f"\u2022 {w}" for w in self.warnings[:6])
        self.message.setText(text)
        self.open_button.setVisible(True)

    def _failed(self, message: str) -> None:
        self.running = False
        self.export_button.setEnabled(True)
        self.progress.setValue(0)
        self.message.setText("The export did not finish.")
        QMessageBox.warning(self, "Export failed", f"The export did not finish: {message}")
