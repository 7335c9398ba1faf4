"""Undo commands for proofing: quick fixes (one, or all of a kind, as one step) and the
issue's "Ignore in this issue" word list."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from desktop_app.core.proof.fields import Where, get_text, set_text
from desktop_app.core.proof.findings import Finding

from .document import Document


class ApplyFixesCommand(QUndoCommand):
    """Apply the quick fixes of some findings, each field rewritten once, as one undo step.

    A finding whose words are no longer where it said (the text changed since the check) is
    left alone: a fix is only safe on the text it was made for.
    """

    def __init__(self, doc: Document, findings: list[Finding], text: str = "") -> None:
        super().__init__(text or ("fix: " + findings[0].message if len(findings) == 1
                                  else f"fix {len(findings)} findings"))
        self.doc = doc
        self.before: dict[Where, str] = {}
        self.after: dict[Where, str] = {}
        by_field: dict[Where, list[Finding]] = {}
        for finding in findings:
            if finding.fix is not None:
                by_field.setdefault(finding.where, []).append(finding)
        for where, found in by_field.items():
            try:
                text = get_text(doc.issue, where)
            except (KeyError, IndexError):
                continue
            new, last = text, len(text) + 1
            for finding in sorted(found, key=lambda f: f.start, reverse=True):
                if finding.end > last or text[finding.start:finding.end] != finding.text:
                    continue  # overlaps a later fix, or the text moved on
                new = new[:finding.start] + finding.fix.replacement + new[finding.end:]
                last = finding.start
            if new != text:
                self.before[where], self.after[where] = text, new
        self.applied = len(self.after)

    def _put(self, texts: dict[Where, str]) -> None:
        articles = set()
        for where, text in texts.items():
            set_text(self.doc.issue, where, text)
            if where.article_id is not None:
                articles.add(where.article_id)
        for article_id in sorted(articles):
            self.doc.article_changed.emit(article_id)
        if any(w.article_id is None for w in texts):
            self.doc.settings_changed.emit()
        if any(w.field == "title" for w in texts):
            self.doc.structure_changed.emit()

    def redo(self) -> None:
        self._put(self.after)

    def undo(self) -> None:
        self._put(self.before)


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
