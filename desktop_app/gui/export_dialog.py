"""The export dialog: any of the registered formats into a folder, with a progress bar.

The choices come from the export registry (``core.formats``): one tick box per format, and one
per yes/no option a format offers. The work runs in a worker thread that hands each format to
the helper process. Afterwards the dialog offers to open the folder, and the web edition in the
browser or the email in the mail client when those were made.
"""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import background, formats
from desktop_app.core.errors import ExportError
from desktop_app.core.formats import Format
from desktop_app.core.model import Issue
from desktop_app.core.output import Report

from . import dialogs
from .document import Document
from .workers import Worker, start

OPEN_LABELS = {"browser": "Open in browser", "mail": "Open in mail client"}

Choice = dict[str, dict[str, Any]]  # format name -> the options it is run with


def output_names(issue: Issue) -> dict[str, str]:
    """Each format's output name for an issue: {"pdf": "soc-bulletin-edition-9.pdf", ...}."""
    return {fmt.name: formats.output_name(fmt.name, issue) for fmt in formats.FORMATS}


def opened_path(fmt: Format, path: Path) -> Path:
    """What to open for an export: a folder format's index.html, or the file itself."""
    return path / "index.html" if fmt.is_folder else path


def run_exports(issue: Issue, folder: Path | None, out_dir: Path, chosen: Choice,
                progress: Callable[[int, int], None]) -> list[Report]:
    """Write the chosen formats (called in the worker); one Report per format, in order."""
    names = output_names(issue)
    jobs = [formats.get(name) for name in chosen]
    for fmt in jobs:
        if not fmt.is_available():
            raise ExportError(f"the {fmt.label} exporter is not part of this build")
    if not out_dir.is_dir():
        raise ExportError(f"{out_dir} is not a folder")
    reports: list[Report] = []
    for n, fmt in enumerate(jobs):
        # Each job is one share of the bar, so several formats run from 0 to 100 once.
        def step(done: int, total: int, n: int = n) -> None:
            share = done / total if total else 1.0
            progress(int(1000 * (n + share) / len(jobs)), 1000)

        # In the helper process, so the window's event loop never waits on the exporter.
        reports.append(background.run_export(fmt.name, issue, folder, out_dir / names[fmt.name],
                                             progress=step, **chosen[fmt.name]))
    progress(1000, 1000)
    return reports


def open_path(parent: QWidget, path: Path) -> bool:
    """Open a folder in the file manager, a page in the browser, an email in the mail client;
    when nothing on this computer can, say so and where the file is. True if it opened."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    what = "folder" if path.is_dir() else "file"
    dialogs.show_error(parent, f"Cannot open the {what}",
                       f"No program on this computer could open the {what}. It is here:\n\n"
                       f"{path}")
    return False


class ExportDialog(QDialog):
    """Choose outputs and a folder, watch the progress, open what was made at the end."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle("Export the bulletin")
        self.setAccessibleName("Export")
        self.choices: dict[str, QCheckBox] = {}
        self.option_boxes: dict[tuple[str, str], QCheckBox] = {}
        form = QFormLayout()
        for fmt in formats.FORMATS:
            box = QCheckBox(fmt.label)
            box.setAccessibleName(fmt.label)
            box.setEnabled(fmt.is_available())
            box.setChecked(box.isEnabled() and fmt.name in ("pdf", "docx"))
            self.choices[fmt.name] = box
            form.addRow("Make" if len(self.choices) == 1 else "", box)
            for opt in fmt.options:
                if opt.kind is not bool or not opt.label:
                    continue
                sub = QCheckBox(opt.label)
                sub.setAccessibleName(opt.label)
                sub.setChecked(bool(opt.default))
                sub.setEnabled(box.isChecked())
                box.toggled.connect(sub.setEnabled)
                self.option_boxes[(fmt.name, opt.name)] = sub
                form.addRow("", _indented(sub))
        default = doc.folder / "exports" if doc.folder is not None else Path.home()
        self.folder = QLineEdit(str(default))
        self.folder.setAccessibleName("Output folder")
        browse = QPushButton("Choose\u2026")
        browse.setAccessibleName("Choose the output folder")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow("Into folder", row)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Export progress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.message = dialogs.plain_label()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Export result")
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("Export",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton("Open folder",
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.open_buttons: dict[str, QPushButton] = {}
        for where, text in OPEN_LABELS.items():
            button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            button.setVisible(False)
            self.open_buttons[where] = button
        self.offer_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.offer_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.setVisible(False)
        self.export_button.clicked.connect(lambda: self.start_export())
        self.open_button.clicked.connect(lambda: open_path(self, Path(self.folder.text())))
        self.open_buttons["browser"].clicked.connect(lambda: self._open_made("browser"))
        self.open_buttons["mail"].clicked.connect(lambda: self._open_made("mail"))
        self.offer_button.clicked.connect(self._take_offer)
        self.close_button.clicked.connect(self.reject)

        # Findings left by the checks: a warning, never a block.
        self.warning = dialogs.plain_label()
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName("Export warning")
        self.warning.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.reports: list[Report] = []
        self.offer: tuple[str, str] | None = None  # (format, option) to run again with
        self.running = False
        self.resize(560, self.sizeHint().height())

    @property
    def written(self) -> list[Path]:
        return [r.path for r in self.reports if r.path is not None]

    @property
    def warnings(self) -> list[str]:
        return [w for r in self.reports for w in r.warnings]

    def chosen(self) -> Choice:
        """The ticked formats, each with the options its tick boxes give."""
        out: Choice = {}
        for name, box in self.choices.items():
            if box.isChecked() and box.isEnabled():
                out[name] = {opt: sub.isChecked()
                             for (fmt, opt), sub in self.option_boxes.items() if fmt == name}
        return out

    def set_warning(self, text: str) -> None:
        """Say what the Problems pane still lists (export stays possible)."""
        self.warning.setText(f"\u26a0 {text}" if text else "")
        self.warning.setVisible(bool(text))

    def _browse(self) -> None:
        chosen = dialogs.ask_export_folder(self, self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def start_export(self, chosen: Choice | None = None) -> None:
        if self.running:
            return
        chosen = chosen or self.chosen()
        if not chosen:
            self.message.setText("Choose at least one format to make.")
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
        for button in (*self.open_buttons.values(), self.offer_button):
            button.setVisible(False)
        self.progress.setValue(0)
        self.message.setText("Exporting\u2026")
        issue = copy.deepcopy(self.doc.issue)  # the worker never sees later edits
        folder = self.doc.folder or Path(tempfile.gettempdir())
        worker = Worker(lambda progress: run_exports(issue, folder, out_dir, chosen, progress),
                        self)
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        start(worker)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _finished(self, reports: list[Report]) -> None:
        self.running = False
        self.reports = reports
        self.export_button.setEnabled(True)
        self.progress.setValue(self.progress.maximum())
        names = ", ".join(p.name for p in self.written)
        lines = [f"Exported {names}."]
        for report in reports:
            fmt = self._format_of(report)
            what = fmt.what[:1].upper() + fmt.what[1:] if fmt is not None else ""
            lines += [f"{what}: {note}" for note in report.notes]
        lines += [f"\u2022 {w}" for w in self.warnings[:6]]
        self.offer = None
        for report in reports:
            fmt = self._format_of(report)
            if fmt is not None and fmt.opens_in in self.open_buttons:
                self.open_buttons[fmt.opens_in].setVisible(True)
            if fmt is not None and report.offers and self.offer is None:
                option, why = next(iter(report.offers.items()))
                lines.append(why[:1].upper() + why[1:] + ".")
                self.offer = (fmt.name, option)
                self.offer_button.setText(f"Export the {fmt.what} again that way")
                self.offer_button.setVisible(True)
        self.message.setText("\n".join(lines))
        self.open_button.setVisible(True)

    def _format_of(self, report: Report) -> Format | None:
        return next((f for f in formats.FORMATS if f.name == report.format), None)

    def _open_made(self, where: str) -> None:
        for report in self.reports:
            fmt = self._format_of(report)
            if fmt is not None and fmt.opens_in == where and report.path is not None:
                open_path(self, opened_path(fmt, report.path))
                return

    def _take_offer(self) -> None:
        if self.offer is None:
            return
        name, option = self.offer
        value = formats.get(name).option(option).offered
        options = dict(self.chosen().get(name, {}))
        options[option] = value
        if (name, option) in self.option_boxes:
            self.option_boxes[(name, option)].setChecked(bool(value))
        self.start_export({name: options})

    def _failed(self, message: str) -> None:
        self.running = False
        self.export_button.setEnabled(True)
        self.progress.setValue(0)
        self.message.setText("The export did not finish.")
        dialogs.show_error(self, "Export failed", f"The export did not finish: {message}")


def _indented(widget: QWidget) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(24, 0, 0, 0)
    row.addWidget(widget)
    return holder
