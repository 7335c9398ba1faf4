"""Undo commands for proofing: quick fixes (one, or all of a kind, as one step) and the
issue's "Ignore in this issue" word list."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from desktop_app.core.proof.findings import Finding
from desktop_app.core.proof.fixes import plan_fixes

from .document import Document
from .edit_commands import ReplaceTextCommand


class ApplyFixesCommand(ReplaceTextCommand):
    """Apply the quick fixes of some findings, each field rewritten once, as one undo step.

    A finding whose words are no longer where it said (the text changed since the check) is
    left alone: a fix is only safe on the text it was made for (``proof.fixes.plan_fixes``).
    The fields are changed, and the panes told, as find and replace does.
    """

    def __init__(self, doc: Document, findings: list[Finding], text: str = "") -> None:
        changes = plan_fixes(doc.issue, findings)
        super().__init__(doc, changes, len(changes))
        self.setText(text or ("fix: " + findings[0].message if len(findings) == 1
                              else f"fix {len(findings)} findings"))
        self.applied = len(changes)


class IgnoreWordCommand(QUndoCommand):
    """Add a word to the issue's own ignore list (stored in issue.yaml)."""

    def __init__(self, doc: Document, word: str) -> None:
        super().__init__(f"ignore \u2018{word}\u2019 in this issue")
        self.doc, self.word = doc, word.replace("\u2019", "'")
        self.added = False

    def redo(self) -> None:
        words = self.doc.issue.proofing.ignored_words
        self.added = self.word not in words
        if self.added:
            words.append(self.word)
        self.doc.settings_changed.emit()

    def undo(self) -> None:
        if self.added:
            self.doc.issue.proofing.ignored_words.remove(self.word)
        self.doc.settings_changed.emit()
