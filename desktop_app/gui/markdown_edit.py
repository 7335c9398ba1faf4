"""The body editor: plain Markdown text with a small toolbar, and rich paste made safe."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QInputDialog, QPlainTextEdit, QToolBar, QVBoxLayout, QWidget

from desktop_app.core.markup import safe_href
from desktop_app.core.paste import html_to_markdown

from .widgets import route_undo_keys

# ---- text operations (no Qt: the toolbar applies them to the selection) ---------------------


def wrap(text: str, start: int, end: int, marker: str) -> tuple[str, int, int]:
    """Wrap text[start:end] in a marker ("**" or "*"); the new text and selection."""
    inner = text[start:end]
    if inner.startswith(marker) and inner.endswith(marker) and len(inner) >= 2 * len(marker):
        inner = inner[len(marker):-len(marker)]  # pressing Bold again takes it off
        return text[:start] + inner + text[end:], start, start + len(inner)
    out = text[:start] + marker + inner + marker + text[end:]
    return out, start + len(marker), start + len(marker) + len(inner)


def prefix_lines(text: str, start: int, end: int, prefix: str) -> tuple[str, int, int]:
    """Put a prefix ("- " or "### ") at the start of every line touched by the selection."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    lines = text[line_start:line_end].split("\n")
    if all(ln.startswith(prefix) for ln in lines if ln):
        changed = [ln[len(prefix):] if ln.startswith(prefix) else ln for ln in lines]
    else:
        changed = [prefix + ln.lstrip("#-* ") if ln.strip() else ln for ln in lines]
    block = "\n".join(changed)
    return text[:line_start] + block + text[line_end:], line_start, line_start + len(block)


def make_link(text: str, start: int, end: int, url: str) -> tuple[str, int, int]:
    words = text[start:end] or url
    link = f"[{words}]({url})"
    return text[:start] + link + text[end:], start, start + len(link)


class MarkdownTextEdit(QPlainTextEdit):
    """A plain-text editor that turns pasted rich text into the Markdown subset."""

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        if source.hasHtml():
            self.insertPlainText(html_to_markdown(source.html()))
        elif source.hasText():
            self.insertPlainText(source.text())

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802
        return source.hasHtml() or source.hasText()


def ask_link_url(parent: QWidget) -> str | None:
    """Ask for a link target (tests replace this)."""
    url, ok = QInputDialog.getText(parent, "Insert link", "Link address (https://, mailto:):")
    return url.strip() if ok and url.strip() else None


class MarkdownEditor(QWidget):
    """A MarkdownTextEdit with a toolbar: bold, italic, link, bullet list, sub-heading."""

    text_edited = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None,
                 ask_url: Callable[[QWidget], str | None] | None = None) -> None:
        super().__init__(parent)
        self.ask_url = ask_url or (lambda w: ask_link_url(w))
        self.edit = MarkdownTextEdit()
        self.edit.setAccessibleName(name)
        self.edit.setTabChangesFocus(True)
        route_undo_keys(self.edit)
        self._filling = False
        self.edit.textChanged.connect(self._changed)
        self.toolbar = QToolBar(f"{name} formatting")
        self.toolbar.setAccessibleName(f"{name} formatting")
        self.actions_by_name: dict[str, QAction] = {}
        for key, label, tip, shortcut, handler in (
            ("bold", "B", "Bold", QKeySequence.StandardKey.Bold, lambda: self._apply_wrap("**")),
            ("italic", "I", "Italic", QKeySequence.StandardKey.Italic,
             lambda: self._apply_wrap("*")),
            ("link", "Link", "Insert link", None, self._insert_link),
            ("bullets", "\u2022 List", "Bullet list", None,
             lambda: self._apply_prefix("- ")),
            ("heading", "Sub-heading", "Sub-heading", None, lambda: self._apply_prefix("### ")),
        ):
            action = QAction(label, self)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(handler)
            self.toolbar.addAction(action)
            self.actions_by_name[key] = action
            self.addAction(action)
        bold_font = self.toolbar.widgetForAction(self.actions_by_name["bold"]).font()
        bold_font.setBold(True)
        self.toolbar.widgetForAction(self.actions_by_name["bold"]).setFont(bold_font)
        italic_font = self.toolbar.widgetForAction(self.actions_by_name["italic"]).font()
        italic_font.setItalic(True)
        self.toolbar.widgetForAction(self.actions_by_name["italic"]).setFont(italic_font)
        self.edit.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.edit)

    def text(self) -> str:
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        """Show the model's text without treating it as an edit; keeps the cursor if it can."""
        if self.edit.toPlainText() == text:
            return
        cursor = self.edit.textCursor().position()
        self._filling = True
        self.edit.setPlainText(text)
        self._filling = False
        c = self.edit.textCursor()
        c.setPosition(min(cursor, len(text)))
        self.edit.setTextCursor(c)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Ctrl+B and Ctrl+I in the text format it, even where the window uses the same keys
        (Ctrl+I is also File \u25b8 Import articles\u2026): two shortcuts on one key would
        make Qt run neither."""
        if obj is self.edit and isinstance(event, QKeyEvent) and event.type() in (
                QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            pressed = QKeySequence(event.keyCombination())
            for action in self.actions_by_name.values():
                if not action.shortcut().isEmpty() and action.shortcut() == pressed:
                    if event.type() == QEvent.Type.ShortcutOverride:
                        event.accept()  # the key comes to the text as a key press instead
                    elif action.isEnabled() and not self.edit.isReadOnly():
                        action.trigger()
                    return True
        return super().eventFilter(obj, event)

    def setReadOnly(self, value: bool) -> None:  # noqa: N802
        self.edit.setReadOnly(value)
        self.toolbar.setEnabled(not value)

    def _changed(self) -> None:
        if not self._filling:
            self.text_edited.emit(self.edit.toPlainText())

    def _replace(self, op: Callable[[str, int, int], tuple[str, int, int]]) -> None:
        cursor = self.edit.textCursor()
        text = self.edit.toPlainText()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        new, s, e = op(text, start, end)
        # One edit block: select all, insert, so it is one change to the model.
        edit_cursor = QTextCursor(self.edit.document())
        edit_cursor.select(QTextCursor.SelectionType.Document)
        edit_cursor.insertText(new)
        c = self.edit.textCursor()
        c.setPosition(s)
        c.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
        self.edit.setTextCursor(c)
        self.edit.setFocus()

    def _apply_wrap(self, marker: str) -> None:
        self._replace(lambda t, s, e: wrap(t, s, e, marker))

    def _apply_prefix(self, prefix: str) -> None:
        self._replace(lambda t, s, e: prefix_lines(t, s, e, prefix))

    def _insert_link(self) -> None:
        url = self.ask_url(self)
        if not url:
            return
        if safe_href(url) is None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, "Link not allowed",
                                "Links must start with http://, https:// or mailto:.")
            return
        self._replace(lambda t, s, e: make_link(t, s, e, url))
