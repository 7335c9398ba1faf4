"""Where proofing meets the window: spelling on the text fields, the Problems pane's jumps to
the exact words, and the dictionary loaded once the window is up.

Kept out of ``mainwindow.py`` so the window only calls ``install_proofing(self)``. When the
rich body editor lands, ``body_widgets`` is the one place that names the body's widget.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from desktop_app.core.find import get_value
from desktop_app.core.proof.findings import Finding
from desktop_app.core.proof.text import ESC, HIDE, MARK, prose

from .spelling import SpellingController

# Fields of the element lists that hold words to proofread (not names, addresses or files).
PROOFED_LIST_FIELDS = {
    "pull_quotes": {"text"},  # the attribution is a name and a job title
    "images": {"alt", "caption"},
    "callouts": {"label", "title", "items"},
}


def body_widgets(window) -> list[tuple[QWidget, bool]]:
    """The text widgets that always exist, and whether each shows Markdown source (the old
    plain box) rather than formatted text (the rich editor, whose blocks hold only words)."""
    editor = window.editor
    found: list[tuple[QWidget, bool]] = [(editor.title, False), (editor.standfirst, False)]
    sections = getattr(window, "section_editor", None)
    for box in (editor.body, getattr(sections, "welcome", None),
                getattr(sections, "intro", None)):
        if box is None:
            continue
        widget = getattr(box, "edit", box)
        found.append((widget, not isinstance(widget, QTextEdit)))
    return found


def install_proofing(window) -> SpellingController:
    """Attach spelling to the window's text fields and wire the Problems pane to them."""
    controller = SpellingController(window.doc, parent=window)
    for widget, markdown in body_widgets(window):
        controller.attach(widget, markdown)
    for attr, editor in window.editor.lists.items():
        names = PROOFED_LIST_FIELDS.get(attr, set())
        editor.field_made.connect(lambda name, widget, names=names: controller.attach(
            widget, False) if name in names else None)
    window.problems.span_requested.connect(lambda finding: select_span(window, finding))
    controller.words_changed.connect(window.problems.timer.start)
    # After the window is up: the dictionary takes a moment to load and must not delay it.
    QTimer.singleShot(0, controller.load_in_background)
    return controller


def field_widget(window, finding: Finding) -> QWidget | None:
    """The widget showing the field a finding is in, once the jump has shown it."""
    where = finding.where
    if where.field in ("welcome", "intro"):  # edited where the section is
        box = getattr(window.section_editor, where.field)
        return getattr(box, "edit", box)
    if where.article_id is None:
        return None
    if where.field in ("title", "standfirst"):
        return getattr(window.editor, where.field)
    if where.field == "body":
        return body_widgets(window)[2][0]
    editor = window.editor.lists.get(where.field)
    if editor is None:
        return None
    return editor.fields.get(where.key)


def select_span(window, finding: Finding) -> None:
    """Select the exact words a finding is about, so the editor sees them at once."""
    widget = field_widget(window, finding)
    if widget is None or finding.where.key == "items":
        return
    if isinstance(widget, QLineEdit):
        widget.setSelection(finding.start, finding.end - finding.start)
        widget.setFocus()
        return
    if not isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return
    start, end = finding.start, finding.end
    if isinstance(widget, QTextEdit) and finding.where.markdown:
        try:
            source = get_value(window.doc.issue, finding.where)
        except (KeyError, IndexError):
            return
        found = shown_span(widget.toPlainText(), source, finding)
        if found is None:
            return
        start, end = found
    if end > len(widget.toPlainText()):
        return
    cursor = QTextCursor(widget.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    widget.setTextCursor(cursor)
    widget.ensureCursorVisible()
    widget.setFocus()


def shown_span(shown: str, source: str, finding: Finding) -> tuple[int, int] | None:
    """Where a finding's words are in formatted text that shows its Markdown (no ``**``, no
    link targets): the occurrence nearest to where the words stand in the source."""
    masked = prose(source, True).masked
    visible = "".join(c for c in masked if c not in (MARK, HIDE, ESC))
    words = "".join(c for c in masked[finding.start:finding.end] if c not in (MARK, HIDE, ESC))
    words = words.strip() or finding.text
    estimate = len("".join(c for c in masked[:finding.start] if c not in (MARK, HIDE, ESC)))
    estimate = int(estimate * len(shown) / max(len(visible), 1))
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words.split()))
    hits = [(abs(m.start() - estimate), m.start(), m.end()) for m in pattern.finditer(shown)]
    if not hits:
        return None
    _, start, end = min(hits)
    return start, end
