"""The rich body editor: formatted text like a word processor, stored as the Markdown subset.

``RichTextEdit`` is the text itself; ``RichBodyEditor`` adds the formatting toolbar and keys
(Ctrl+B, Ctrl+I, Ctrl+K, lists, sub-heading) and reports each edit upward as the new Markdown
with an undo group, so a run of typing is one undo step per word in the window's one undo
history. The text's own undo is off: Ctrl+Z always means the window's undo.

For spelling and other checks, ``document()`` is the QTextDocument to put a QSyntaxHighlighter
on, and ``RichTextEdit.context_menu_hooks`` lets a checker add its suggestions to the context
menu for the words under the mouse.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolBar, QVBoxLayout, QWidget

from desktop_app.core.markup import safe_href
from desktop_app.core.paste import html_to_markdown
from desktop_app.core.typing_groups import diff

from . import dialogs
from .rich_text import (
    LINE_BREAK,
    char_format,
    document_markup,
    fill_document,
    heading_block_format,
    heading_char_format,
    list_format,
    paragraph_block_format,
    plain_format,
)
from .widgets import TYPING, route_undo_keys

ContextMenuHook = Callable[[QMenu, QTextCursor], None]

# Word's and Google Docs' keys where they exist; each also has a toolbar button and a tooltip.
SHORTCUTS = {
    "bold": "Ctrl+B", "italic": "Ctrl+I", "link": "Ctrl+K", "bullets": "Ctrl+Shift+8",
    "numbers": "Ctrl+Shift+7", "heading": "Ctrl+Alt+3", "paragraph": "Ctrl+Alt+0",
}


class RichTextEdit(QTextEdit):
    """Formatted text that only ever holds the body's subset; pasted text is made safe."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setUndoRedoEnabled(False)  # the window's undo stack holds every change
        self.setTabChangesFocus(True)
        # Called with the context menu and the cursor at the mouse before the menu shows.
        self.context_menu_hooks: list[ContextMenuHook] = []
        self.format_actions: list[QAction] = []

    # ---- paste: only the subset comes in ----------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt override
        return source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        cursor = self.textCursor()
        if source.hasHtml():
            # Word, web pages, this editor: HTML from anywhere becomes the Markdown subset
            # first (untrusted markup dropped), then formatted text again.
            fragment_doc = QTextDocument()
            fill_document(fragment_doc, html_to_markdown(source.html()))
            cursor.insertFragment(QTextDocumentFragment(fragment_doc))
        elif source.hasText():
            cursor.insertText(source.text().replace("\r\n", "\n"), plain_format())
        self.ensureCursorVisible()

    # ---- keys that make it feel like a word processor ---------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        cursor = self.textCursor()
        block = cursor.block()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.isReadOnly():
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                cursor.insertText(LINE_BREAK)
                return
            if block.textList() is not None and not block.text().strip():
                self._leave_list(cursor)  # Enter on an empty bullet ends the list
                return
            if block.blockFormat().headingLevel() > 0 and cursor.atBlockEnd():
                # After a sub-heading comes an ordinary paragraph.
                cursor.insertBlock(paragraph_block_format(), plain_format())
                self.setTextCursor(cursor)
                return
        if key == Qt.Key.Key_Backspace and not self.isReadOnly() and \
                block.textList() is not None and cursor.atBlockStart() and \
                not cursor.hasSelection():
            self._leave_list(cursor)  # Backspace at a bullet takes the bullet off
            return
        super().keyPressEvent(event)
        if key == Qt.Key.Key_Space and not self.isReadOnly():
            self._after_space()

    def _leave_list(self, cursor: QTextCursor) -> None:
        text_list = cursor.block().textList()
        if text_list is not None:
            text_list.remove(cursor.block())
            fmt = cursor.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)

    def _after_space(self) -> None:
        """"- " or "1. " typed at the start of a paragraph starts a list, as in Word."""
        cursor = self.textCursor()
        block = cursor.block()
        if block.textList() is not None or block.blockFormat().headingLevel() > 0:
            return
        start = block.text()[: cursor.positionInBlock()]
        ordered = {"- ": False, "* ": False, "1. ": True, "1) ": True}.get(start)
        if ordered is None:
            return
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.movePosition(QTextCursor.MoveOperation.Right,
                            QTextCursor.MoveMode.KeepAnchor, len(start))
        cursor.removeSelectedText()
        cursor.createList(list_format(ordered, 0))
        cursor.endEditBlock()

    # ---- context menu -------------------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.build_context_menu(event.pos())
        menu.popup(event.globalPos())

    def build_context_menu(self, pos) -> QMenu:
        """The standard edit menu, the formatting actions, and whatever the hooks add."""
        menu = self.createStandardContextMenu(pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for action in list(menu.actions()):
            if action.text().replace("&", "").startswith(("Undo", "Redo")):
                menu.removeAction(action)  # the text's own undo is off; Edit ▸ Undo holds it
        if self.format_actions:
            menu.addSeparator()
            for action in self.format_actions:
                menu.addAction(action)
        cursor = self.cursorForPosition(pos)
        for hook in self.context_menu_hooks:
            hook(menu, cursor)
        return menu


class RichBodyEditor(QWidget):
    """The body (or an intro, or the welcome) as formatted text with a toolbar.

    ``text_edited(markdown, undo_group)`` after each change the user makes; ``set_text`` shows
    the model's markup without reporting it back.
    """

    text_edited = Signal(str, object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.edit = RichTextEdit()
        self.edit.setAccessibleName(name)
        self.edit.setAccessibleDescription(
            "Formatted text. Ctrl+B bold, Ctrl+I italic, Ctrl+K link, Ctrl+Shift+8 bullets, "
            "Ctrl+Shift+7 numbers, Ctrl+Alt+3 sub-heading, Shift+Enter line break.")
        route_undo_keys(self.edit)
        self._markdown = ""
        self._canonical: str | None = ""
        self._plain = ""
        self._filling = False
        self.edit.document().contentsChanged.connect(self._changed)
        self.edit.currentCharFormatChanged.connect(lambda _f: self._update_toggles())
        self.edit.cursorPositionChanged.connect(self._update_toggles)

        self.toolbar = QToolBar(f"{name} formatting")
        self.toolbar.setAccessibleName(f"{name} formatting")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_by_name: dict[str, QAction] = {}
        for key, label, tip, handler, checkable in (
            ("bold", "B", "Bold", self.toggle_bold, True),
            ("italic", "I", "Italic", self.toggle_italic, True),
            ("link", "Link\u2026", "Insert or edit a link", self.edit_link, False),
            ("bullets", "\u2022 List", "Bullet list", lambda: self.toggle_list(False), True),
            ("numbers", "1. List", "Numbered list", lambda: self.toggle_list(True), True),
            ("heading", "Sub-heading", "Sub-heading", self.toggle_heading, True),
        ):
            action = QAction(label, self)
            shortcut = SHORTCUTS[key]
            action.setToolTip(f"{tip} ({shortcut})")
            action.setStatusTip(tip)
            action.setCheckable(checkable)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, h=handler: self._format(h))
            self.toolbar.addAction(action)
            self.toolbar.widgetForAction(action).setAccessibleName(tip)
            self.actions_by_name[key] = action
            self.addAction(action)
        paragraph = QAction("Normal text", self)
        paragraph.setShortcut(QKeySequence(SHORTCUTS["paragraph"]))
        paragraph.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paragraph.triggered.connect(lambda: self._format(self.make_paragraph))
        self.actions_by_name["paragraph"] = paragraph
        self.addAction(paragraph)
        self.edit.format_actions = [self.actions_by_name[k] for k in
                                    ("bold", "italic", "link", "bullets", "numbers", "heading")]
        for key, style in (("bold", "bold"), ("italic", "italic")):
            button = self.toolbar.widgetForAction(self.actions_by_name[key])
            font = button.font()
            font.setBold(style == "bold")
            font.setItalic(style == "italic")
            button.setFont(font)
        self.edit.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.edit, 1)

    # ---- the model's text ---------------------------------------------------------------------

    def document(self) -> QTextDocument:
        """The QTextDocument shown (for a highlighter)."""
        return self.edit.document()

    def text(self) -> str:
        """The Markdown of what is shown."""
        return self._markdown

    def set_text(self, markdown: str) -> None:
        """Show the model's markup; keeps the cursor near where the text changed."""
        if markdown == self._markdown and not self._filling:
            return
        old_plain = self._plain
        position = self.edit.textCursor().position()
        self._filling = True
        fill_document(self.edit.document(), markdown)
        self._filling = False
        self._markdown = markdown
        # What the document writes as it stands (hard-wrapped lines become one line, say) is
        # worked out at the first edit, not on every switch of article: see _changed.
        self._canonical = None
        self._plain = self.edit.document().toPlainText()
        TYPING.break_group()
        change = diff(old_plain, self._plain)
        if old_plain and change.inserted + change.removed:
            position = change.position + len(change.inserted)  # where undo or redo acted
        cursor = self.edit.textCursor()
        cursor.setPosition(min(position, len(self._plain)))
        self.edit.setTextCursor(cursor)

    def setReadOnly(self, value: bool) -> None:  # noqa: N802 - matches QTextEdit
        self.edit.setReadOnly(value)
        self.toolbar.setEnabled(not value)
        for action in self.actions_by_name.values():
            action.setEnabled(not value)

    def _changed(self) -> None:
        if self._filling:
            return
        markdown = document_markup(self.edit.document())
        plain = self.edit.document().toPlainText()
        change = diff(self._plain, plain)
        self._plain = plain
        if self._canonical is None:
            scratch = QTextDocument()
            fill_document(scratch, self._markdown)
            self._canonical = document_markup(scratch)
        if markdown == self._canonical:
            return  # an empty paragraph, a space at the end of a line: nothing to store
        self._markdown = self._canonical = markdown
        group = (self.name, TYPING.group(self, change))
        self.text_edited.emit(markdown, group)

    # ---- formatting ---------------------------------------------------------------------------

    def _format(self, change: Callable[[], None]) -> None:
        """A formatting change is an undo step of its own."""
        if self.edit.isReadOnly():
            return
        TYPING.break_group()
        change()
        TYPING.break_group()
        self.edit.setFocus()
        self._update_toggles()

    def _word_or_selection(self) -> QTextCursor:
        cursor = self.edit.textCursor()
        if not cursor.hasSelection():
            probe = QTextCursor(cursor)
            probe.select(QTextCursor.SelectionType.WordUnderCursor)
            if probe.hasSelection() and probe.selectedText().strip():
                return probe
        return cursor

    def _format_at(self, cursor: QTextCursor) -> QTextCharFormat:
        """The format of the first selected character (or where the next one is typed)."""
        if not cursor.hasSelection():
            return self.edit.currentCharFormat()
        probe = QTextCursor(self.edit.document())
        probe.setPosition(cursor.selectionStart() + 1)
        return probe.charFormat()

    def _toggle_char(self, is_on: Callable[[QTextCharFormat], bool],
                     make: Callable[[bool], QTextCharFormat]) -> None:
        cursor = self._word_or_selection()
        on = not is_on(self._format_at(cursor))
        if cursor.hasSelection():
            cursor.mergeCharFormat(make(on))
        else:
            self.edit.mergeCurrentCharFormat(make(on))  # for the words typed next

    def toggle_bold(self) -> None:
        def make(on: bool) -> QTextCharFormat:
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
            return fmt
        self._toggle_char(lambda f: f.fontWeight() >= QFont.Weight.DemiBold, make)

    def toggle_italic(self) -> None:
        def make(on: bool) -> QTextCharFormat:
            fmt = QTextCharFormat()
            fmt.setFontItalic(on)
            return fmt
        self._toggle_char(lambda f: f.fontItalic(), make)

    def _blocks_cursor(self) -> QTextCursor:
        """A cursor over whole blocks of the selection (or the cursor's block)."""
        cursor = self.edit.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        cursor.setPosition(start)
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                            QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _selected_blocks(self):
        cursor = self._blocks_cursor()
        doc = self.edit.document()
        block = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        while block.isValid():
            yield block
            if block == last:
                break
            block = block.next()

    def toggle_list(self, ordered: bool) -> None:
        blocks = list(self._selected_blocks())
        wanted = QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc
        already = all(b.textList() is not None and b.textList().format().style() == wanted
                      for b in blocks)
        cursor = self._blocks_cursor()
        cursor.beginEditBlock()
        self._plain_blocks(cursor, blocks)
        if not already:
            cursor.createList(list_format(ordered, 0))
        cursor.endEditBlock()

    def _plain_blocks(self, cursor: QTextCursor, blocks) -> None:
        """Take the blocks out of any list and heading: ordinary paragraphs again."""
        for block in blocks:
            if block.textList() is not None:
                block.textList().remove(block)
        cursor.setBlockFormat(paragraph_block_format())
        unheaded = QTextCharFormat()
        unheaded.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
        cursor.mergeCharFormat(unheaded)

    def toggle_heading(self) -> None:
        blocks = list(self._selected_blocks())
        if all(b.blockFormat().headingLevel() > 0 for b in blocks):
            self.make_paragraph()
            return
        cursor = self._blocks_cursor()
        cursor.beginEditBlock()
        self._plain_blocks(cursor, blocks)
        cursor.setBlockFormat(heading_block_format())
        cursor.mergeCharFormat(heading_char_format())
        cursor.endEditBlock()

    def make_paragraph(self) -> None:
        blocks = list(self._selected_blocks())
        was_heading = any(b.blockFormat().headingLevel() > 0 for b in blocks)
        cursor = self._blocks_cursor()
        cursor.beginEditBlock()
        self._plain_blocks(cursor, blocks)
        if was_heading:
            normal = QTextCharFormat()
            normal.setFontWeight(QFont.Weight.Normal)
            cursor.mergeCharFormat(normal)
        cursor.endEditBlock()

    def edit_link(self) -> None:
        """Ctrl+K: ask for the words and the address; edit the link under the cursor, if any.

        An empty address takes the link off and keeps the words.
        """
        cursor = self.edit.textCursor()
        fmt = cursor.charFormat()
        if not cursor.hasSelection() and fmt.isAnchor():
            cursor = self._anchor_around(cursor, fmt.anchorHref())
        href = cursor.charFormat().anchorHref() if cursor.hasSelection() else ""
        words = cursor.selectedText().replace(LINE_BREAK, " ").replace("\u2029", " ")
        answer = dialogs.ask_link(self, words.strip(), href)
        if answer is None:
            return
        words, url = answer[0].strip(), answer[1].strip()
        if url and safe_href(url) is None:
            dialogs.show_error(self, "Link not allowed", "A link must be a web address "
                               "(https://…) or an email address (mailto:…).")
            return
        words = words or url
        if not words:
            return
        cursor.beginEditBlock()
        cursor.insertText(words, char_format(href=url or None))
        cursor.endEditBlock()
        # Typing on after the link is ordinary text, never more of the link.
        self.edit.setTextCursor(cursor)
        self.edit.setCurrentCharFormat(plain_format())

    def _anchor_around(self, cursor: QTextCursor, href: str) -> QTextCursor:
        """A cursor selecting the whole link (same address) the cursor is in."""
        spans: list[list[int]] = []
        it = cursor.block().begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            fmt = fragment.charFormat()
            if not (fmt.isAnchor() and fmt.anchorHref() == href):
                continue
            lo, hi = fragment.position(), fragment.position() + fragment.length()
            if spans and spans[-1][1] == lo:
                spans[-1][1] = hi  # a link whose words change style runs on
            else:
                spans.append([lo, hi])
        around = QTextCursor(cursor)
        for lo, hi in spans:
            if lo <= cursor.position() <= hi:
                around.setPosition(lo)
                around.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
                break
        return around

    def _update_toggles(self) -> None:
        fmt = self._format_at(self.edit.textCursor())
        block = self.edit.textCursor().block()
        text_list = block.textList()
        style = text_list.format().style() if text_list is not None else None
        states = {
            "bold": fmt.fontWeight() >= QFont.Weight.DemiBold,
            "italic": fmt.fontItalic(),
            "bullets": style == QTextListFormat.Style.ListDisc,
            "numbers": style == QTextListFormat.Style.ListDecimal,
            "heading": block.blockFormat().headingLevel() > 0,
        }
        for key, on in states.items():
            action = self.actions_by_name[key]
            if action.isChecked() != on:
                action.blockSignals(True)
                action.setChecked(on)
                action.blockSignals(False)

    # ---- keys the window also uses ------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """The formatting keys act on the text even where the window uses the same keys
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
