"""The problems panel: the core's validation results; double-click one to go to it."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.model import plural
from desktop_app.core.validate import ERROR, Problem, validate

from . import dialogs
from .document import Document
from .widgets import ContextMenus, WrappingDelegate
from .workers import Worker, start

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 10


class ProblemsPane(QWidget):
    """Lists problems; ``jump_requested(problem)`` when one is double-clicked."""

    jump_requested = Signal(object)
    checked = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName("Problems")
        self.summary = dialogs.plain_label()
        self.summary.setAccessibleName("Problems summary")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Problems list")
        self.tree.setHeaderLabels(["", "Problem", "Where"])
        self.tree.setRootIsDecorated(False)
        # Long problems wrap onto more lines instead of being cut off at the column's edge.
        self.wrapping = WrappingDelegate(self.tree, (1, 2))
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 150)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.menus = ContextMenus(self.tree, self._context_menu)
        self.problems: list[Problem] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(400)
        self.timer.timeout.connect(self.refresh_in_background)
        self.busy = False
        self.pending = False
        doc.changed.connect(self.timer.start)
        doc.loaded.connect(self.refresh_in_background)

    def refresh(self) -> None:
        """Validate now (in the calling thread) and show the results."""
        self.timer.stop()
        source = self._source()
        self.show_problems(validate(self.doc.issue, self.doc.folder, source), source)

    def _source(self):
        # Line numbers only hold for the file as loaded; after edits the field still names it.
        return self.doc.source if not self.doc.modified else None

    def refresh_in_background(self) -> None:
        """Validate a snapshot in a worker: checking every picture of a big issue takes long
        enough to stall typing if done in the window's thread."""
        self.timer.stop()
        if self.busy:
            self.pending = True
            return
        self.busy = True
        issue, folder, source = copy.deepcopy(self.doc.issue), self.doc.folder, self._source()
        worker = Worker(lambda _progress: (validate(issue, folder, source), source), self)
        worker.signals.finished.connect(self._validated)
        worker.signals.failed.connect(self._validation_failed)
        start(worker)

    def _validated(self, result) -> None:
        self.busy = False
        if self.pending:
            self.pending = False
            self.refresh_in_background()
        self.show_problems(*result)
        self.checked.emit()

    def _validation_failed(self, message: str) -> None:
        self.busy = False
        self.summary.setText(f"The issue could not be checked: {message}")

    def show_problems(self, problems: list[Problem], source) -> None:
        self.problems = problems
        self.tree.clear()
        for problem in problems:
            where = f"line {problem.line}" if problem.line and source is not None else ""
            if problem.field:
                where = f"{problem.field} {where}".strip()
            item = QTreeWidgetItem(["Error" if problem.severity == ERROR else "Warning",
                                    problem.message, where])
            item.setData(0, PROBLEM_ROLE, problem)
            item.setToolTip(1, dialogs.plain_tooltip(str(problem)))
            self.tree.addTopLevelItem(item)
        errors = sum(p.severity == ERROR for p in self.problems)
        self.summary.setText(f"{plural(errors, 'error')}, "
                             f"{plural(len(self.problems) - errors, 'warning')}"
                             if self.problems else "No problems found.")

    def _context_menu(self) -> QMenu:
        menu = QMenu(self.tree)
        item = self.tree.currentItem()
        go = menu.addAction("Go to the problem")
        go.setEnabled(item is not None)
        go.triggered.connect(lambda: item is not None and self._activated(item))
        menu.addAction("Check again", self.refresh)
        return menu

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        problem = item.data(0, PROBLEM_ROLE)
        if problem is not None:
            self.jump_requested.emit(problem)


def problem_element_index(problem: Problem) -> int | None:
    """The number of the pull quote, contact, image or callout a problem is about, 0-based."""
    import re

    from desktop_app.core.model import CALLOUT_KINDS

    nouns = "|".join(["pull quote", "contact", "image", *CALLOUT_KINDS])
    match = re.search(rf"(?:{nouns}) (\d+)", problem.message)
    return int(match.group(1)) - 1 if match else None
