"""The Problems pane: what ``bulletin validate`` and ``bulletin check`` would say, grouped by
article, with quick fixes where they are safe and each article's reading age.

Double-click a line to go to its article and field. "Fix" applies the quick fix of the line
chosen, "Fix all of this kind" every quick fix of the same rule; each is one undo step.
"""

from __future__ import annotations

import copy
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.model import CALLOUT_KINDS, plural
from desktop_app.core.proof.checker import Checker, word_lists_for
from desktop_app.core.proof.findings import Finding, Report
from desktop_app.core.validate import ERROR, Problem, validate

from . import dialogs
from .document import Document
from .proof_commands import ApplyFixesCommand
from .widgets import ContextMenus, WrappingDelegate
from .workers import Worker, start

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 10
FINDING_ROLE = Qt.ItemDataRole.UserRole + 11
ISSUE_GROUP = "\x00issue"
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "advice": "Advice"}


def finding_as_problem(finding: Finding) -> Problem:
    """A finding in the shape the window's jump already understands (article, field and
    element number)."""
    label = finding.where.label()
    return Problem(finding.severity, f"{label}: {finding.message}", None, None,
                   finding.where.section_id, finding.where.article_id, finding.where.field)


# The proofing checks that validate makes too (an error there): shown once, as the problem.
ALSO_VALIDATED = frozenset({"alt-missing", "contrast"})

class ProblemsPane(QWidget):
    """Lists problems and findings by article; ``jump_requested(problem)`` on a double-click
    (with ``span_requested(finding)`` after it for a proofing finding)."""

    jump_requested = Signal(object)
    span_requested = Signal(object)
    checked = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None,
                 checker: Checker | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.checker = checker or Checker()
        self.setAccessibleName("Problems")
        self.summary = dialogs.plain_label()
        self.summary.setAccessibleName("Problems summary")
        self.summary.setWordWrap(True)
        self.fix_button = QPushButton("Fix")
        self.fix_button.setAccessibleName("Apply the quick fix")
        self.fix_button.setToolTip("Apply the quick fix of the chosen finding (one undo step)")
        self.fix_all_button = QPushButton("Fix all of this kind")
        self.fix_all_button.setAccessibleName("Apply every quick fix of this kind")
        self.fix_button.clicked.connect(self.fix_selected)
        self.fix_all_button.clicked.connect(self.fix_all_of_kind)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.fix_button)
        top.addWidget(self.fix_all_button)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Problems list")
        self.tree.setHeaderLabels(["", "Problem", "Where"])
        # Long problems wrap onto more lines instead of being cut off at the column's edge.
        self.wrapping = WrappingDelegate(self.tree, (1, 2))
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 150)
        header.resizeSection(2, 150)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        # From the right button, the Menu key or Shift+F10.
        self.menus = ContextMenus(self.tree, self._context_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self.problems: list[Problem] = []
        self.report = Report()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(400)
        self.timer.timeout.connect(self.refresh_in_background)
        self.busy = False
        self.pending = False
        doc.changed.connect(self.timer.start)
        doc.loaded.connect(self.refresh_in_background)
        self._update_buttons()

    # ---- checking ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Validate and proofread now (in the calling thread) and show the results."""
        self.timer.stop()
        source = self._source()
        issue, folder = self.doc.issue, self.doc.folder
        report = self.checker.check(issue, folder, word_lists_for(issue, folder))
        self.show_results(validate(issue, folder, source), source, report)

    def _source(self):
        # Line numbers only hold for the file as loaded; after edits the field still names it.
        return self.doc.source if not self.doc.modified else None

    def refresh_in_background(self) -> None:
        """Check a snapshot in a worker: checking every picture and every word of a big issue
        takes long enough to stall typing if done in the window's thread."""
        self.timer.stop()
        if self.busy:
            self.pending = True
            return
        self.busy = True
        issue, folder, source = copy.deepcopy(self.doc.issue), self.doc.folder, self._source()
        checker = self.checker

        def work(_progress):
            report = checker.check(issue, folder, word_lists_for(issue, folder))
            return validate(issue, folder, source), source, report

        worker = Worker(work, self)
        worker.signals.finished.connect(self._validated)
        worker.signals.failed.connect(self._validation_failed)
        start(worker)

    def _validated(self, result) -> None:
        self.busy = False
        if self.pending:
            self.pending = False
            self.refresh_in_background()
        self.show_results(*result)
        self.checked.emit()

    def _validation_failed(self, message: str) -> None:
        self.busy = False
        self.summary.setText(f"The issue could not be checked: {message}")

    # ---- showing -------------------------------------------------------------------------------

    def show_problems(self, problems: list[Problem], source) -> None:
        """Show validation problems alone (the proofing findings as last checked)."""
        self.show_results(problems, source, self.report)

    def show_results(self, problems: list[Problem], source, report: Report) -> None:
        self.problems, self.report = problems, report
        chosen = self._chosen_key()
        self.tree.clear()
        titles = {a.id: a.title or a.id for a in self.doc.issue.all_articles()}
        rule_explanations = {r.id: r.explanation for r in self.checker.rules.rules}
        groups: dict[str, QTreeWidgetItem] = {}

        def group(article_id: str | None) -> QTreeWidgetItem:
            key = article_id or ISSUE_GROUP
            if key not in groups:
                name = titles.get(article_id or "", article_id) if article_id else "The issue"
                item = QTreeWidgetItem(["", name, ""])
                font = item.font(1)
                font.setBold(True)
                item.setFont(1, font)
                groups[key] = item
                self.tree.addTopLevelItem(item)
            return groups[key]

        for problem in problems:
            where = f"line {problem.line}" if problem.line and source is not None else ""
            if problem.field:
                where = f"{problem.field} {where}".strip()
            item = QTreeWidgetItem(["Error" if problem.severity == ERROR else "Warning",
                                    problem.message, where])
            item.setData(0, PROBLEM_ROLE, problem)
            item.setToolTip(1, dialogs.plain_tooltip(str(problem)))
            group(problem.article_id).addChild(item)
        # A picture with no alt text and a theme's faint colours are validation problems
        # already: list each once.
        validated = {r.id for r in self.checker.rules.rules if r.check in ALSO_VALIDATED}
        findings = [f for f in report.findings if f.rule not in validated]
        for finding in findings:
            words = finding.shown_text()
            if len(words) > 50:
                words = words[:49] + "\u2026"
            quoted = f"\u2018{words}\u2019 " if words else ""
            label = SEVERITY_LABELS.get(finding.severity, finding.severity)
            item = QTreeWidgetItem([finding.rule, quoted + finding.message,
                                    finding.where.label() + (f" line {finding.line}"
                                                             if finding.line > 1 else "")])
            item.setData(0, FINDING_ROLE, finding)
            tip = f"{label}: {rule_explanations.get(finding.rule, '')}"
            if finding.fix is not None:
                item.setForeground(0, QBrush(QColor("#2E7D32")))
                tip += f"\nQuick fix: {finding.fix.label}"
            item.setToolTip(0, dialogs.plain_tooltip(tip))
            item.setToolTip(1, dialogs.plain_tooltip(finding.message))
            group(finding.where.article_id).addChild(item)
        for item in groups.values():
            item.setText(0, f"{item.childCount()}")
            item.setExpanded(True)
        self._reading_ages(report)
        # Counted from what is listed, so the summary and the list agree.
        errors = sum(p.severity == ERROR for p in problems) + \
            sum(f.severity == ERROR for f in findings)
        fixes = sum(f.fix is not None for f in findings)
        total = len(problems) + len(findings)
        if total:
            others = total - errors
            text = (f"{plural(errors, 'error')}, {others} "
                    f"{'warning or advice' if others == 1 else 'warnings and advice'}")
            if fixes:
                text += f" \u00b7 {fixes} with a quick fix"
        else:
            text = "No problems found."
        age = report.issue.reading_age
        if age is not None:
            text += f" \u00b7 reading age {age:.0f}"
        for note in report.notes:
            text += f" \u00b7 {note}"
        self.summary.setText(text)
        self._choose(chosen)
        self._update_buttons()

    def _reading_ages(self, report: Report) -> None:
        if not report.articles:
            return
        median = report.median_reading_age
        head = QTreeWidgetItem(["", "Reading age (plain English)",
                                f"issue {report.issue.reading_age:.0f}" if
                                report.issue.reading_age else ""])
        font = head.font(1)
        font.setBold(True)
        head.setFont(1, font)
        self.tree.addTopLevelItem(head)
        for stats in sorted(report.articles, key=lambda a: -(a.reading_age or 0)):
            if stats.reading_age is None:
                continue
            mark = " (well above the median)" if median is not None and \
                stats.reading_age >= median + 3 and stats.words >= 80 else ""
            item = QTreeWidgetItem([f"{stats.reading_age:.0f}", f"{stats.title}{mark}",
                                    f"{stats.words} words, {stats.passive} passive"])
            head.addChild(item)
        head.setExpanded(False)

    # ---- choosing and fixing -------------------------------------------------------------------

    def items(self) -> list[QTreeWidgetItem]:
        """Every line of the list (problems and findings), in order."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out.extend(top.child(j) for j in range(top.childCount()))
        return out

    def selected_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.data(0, FINDING_ROLE) if item is not None else None

    def _chosen_key(self):
        finding = self.selected_finding()
        return (finding.rule, finding.where, finding.start) if finding else None

    def _choose(self, key) -> None:
        if key is None:
            return
        for item in self.items():
            finding = item.data(0, FINDING_ROLE)
            if finding is not None and (finding.rule, finding.where, finding.start) == key:
                self.tree.setCurrentItem(item)
                return

    def _update_buttons(self) -> None:
        finding = self.selected_finding()
        can = finding is not None and finding.fix is not None and not self.doc.read_only
        self.fix_button.setEnabled(can)
        same = [f for f in self.report.findings
                if finding is not None and f.rule == finding.rule and f.fix is not None]
        self.fix_all_button.setEnabled(can and len(same) > 1)
        self.fix_all_button.setText(f"Fix all {len(same)} of this kind" if len(same) > 1
                                    else "Fix all of this kind")

    def fix_selected(self) -> int:
        """Apply the chosen finding's quick fix as one undo step; how many fields changed."""
        finding = self.selected_finding()
        if finding is None or finding.fix is None:
            return 0
        return self._apply([finding], f"{finding.fix.label.lower()} ({finding.rule})")

    def fix_all_of_kind(self) -> int:
        """Apply every quick fix of the chosen finding's rule as one undo step."""
        finding = self.selected_finding()
        if finding is None:
            return 0
        same = [f for f in self.report.findings if f.rule == finding.rule and f.fix]
        return self._apply(same, f"fix all {len(same)} \u2018{finding.rule}\u2019 findings")

    def _apply(self, findings: list[Finding], text: str) -> int:
        if self.doc.read_only:
            return 0
        command = ApplyFixesCommand(self.doc, findings, text)
        if not command.applied:
            self.summary.setText("The text has changed since it was checked; checking again.")
            self.refresh_in_background()
            return 0
        self.doc.push(command)
        self.refresh()
        return command.applied

    def export_warning(self) -> str:
        """One line for the export dialog when something is left to look at, else ""."""
        problems = len(self.problems)
        findings = len(self.report.findings)
        if not problems and not findings:
            return ""
        bits = []
        if problems:
            bits.append(f"{problems} problem{'s' if problems != 1 else ''}")
        if findings:
            bits.append(f"{findings} proofing finding{'s' if findings != 1 else ''}")
        return (f"{' and '.join(bits)} remain (see Problems). You can still export.")

    def _context_menu(self) -> QMenu:
        item = self.tree.currentItem()
        menu = QMenu(self.tree)
        go = menu.addAction("Go to it")
        go.setEnabled(item is not None)
        go.triggered.connect(lambda: item is not None and self._activated(item))
        fix = menu.addAction("Fix")
        fix.setEnabled(self.fix_button.isEnabled())
        fix.triggered.connect(self.fix_selected)
        fix_all = menu.addAction(self.fix_all_button.text())
        fix_all.setEnabled(self.fix_all_button.isEnabled())
        fix_all.triggered.connect(self.fix_all_of_kind)
        menu.addAction("Check again", self.refresh)
        return menu

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        problem = item.data(0, PROBLEM_ROLE)
        if problem is not None:
            self.jump_requested.emit(problem)
            return
        finding = item.data(0, FINDING_ROLE)
        if finding is not None:
            self.jump_requested.emit(finding_as_problem(finding))
            self.span_requested.emit(finding)


def problem_element_index(problem: Problem) -> int | None:
    """The number of the pull quote, contact, image or callout a problem is about, 0-based."""
    nouns = "|".join(["pull quote", "contact", "image", "callout", *CALLOUT_KINDS])
    match = re.search(rf"(?:{nouns}) (\d+)", problem.message)
    return int(match.group(1)) - 1 if match else None
