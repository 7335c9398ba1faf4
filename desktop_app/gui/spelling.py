"""Spelling as the editor types: wavy underlines and a right-click menu on any text widget.

``SpellingHighlighter`` is a QSyntaxHighlighter, so it works on any QTextDocument: today's
plain Markdown body box and the rich body editor alike. ``SpellingController`` owns the word
lists of the open issue, loads the dictionary in a worker (never on the window's start path)
and attaches the underlines and the menu to QPlainTextEdit, QTextEdit and QLineEdit widgets;
a QLineEdit has no document, so its underlines are drawn as input-method text formats, the
way Qt shows pre-edit text.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QInputMethodEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget

from desktop_app.core.errors import BulletinError
from desktop_app.core.proof.checker import Checker, word_lists_for
from desktop_app.core.proof.spelling import (
    WordLists,
    add_team_word,
    shared_speller,
    speller_loaded,
    team_words_path,
)

from . import workers
from .document import Document

UNDERLINE = QColor("#C62828")


def misspelt_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(UNDERLINE)
    return fmt


class SpellingHighlighter(QSyntaxHighlighter):
    """Underlines misspelt words of a document, block by block (Qt re-runs only the blocks
    that change as the editor types)."""

    def __init__(self, document: QTextDocument, checker: Checker,
                 words: Callable[[], WordLists], markdown: bool = True) -> None:
        super().__init__(document)
        self.checker = checker
        self.words = words
        self.markdown = markdown
        self.format = misspelt_format()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        if not speller_loaded() or not text.strip():
            return  # the dictionary is still loading: underlines come when it is ready
        for start, end, _word in self.checker.misspelt(text, self.words(), self.markdown):
            self.setFormat(start, end - start, self.format)


def word_at(text: str, position: int, spans: list[tuple[int, int, str]]
            ) -> tuple[int, int, str] | None:
    """The misspelt word under a position of a text, if any."""
    for start, end, word in spans:
        if start <= position <= end:
            return start, end, word
    return None


class SpellingController(QObject):
    """The open issue's spelling: word lists, the dictionary, and every widget it watches.

    Emits ``words_changed`` after "Add to dictionary" or "Ignore in this issue", so the
    Problems pane can check again.
    """

    words_changed = Signal()
    ready = Signal()

    def __init__(self, doc: Document, checker: Checker | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.checker = checker or Checker()
        self._words: WordLists | None = None
        self._highlighters: list[SpellingHighlighter] = []
        self._lines: weakref.WeakSet[QLineEdit] = weakref.WeakSet()
        self._menus: weakref.WeakKeyDictionary[QWidget, bool] = weakref.WeakKeyDictionary()
        self.unavailable = ""
        doc.loaded.connect(self.refresh_words)
        doc.changed.connect(self._issue_changed)
        self._ignored: tuple[str, ...] = ()

    # ---- the dictionary ------------------------------------------------------------------------

    def load_in_background(self) -> None:
        """Load the dictionary in a worker thread; underlines appear when it is ready."""
        if speller_loaded():
            self.ready.emit()
            return

        def load(_progress) -> bool:
            shared_speller()
            return True

        worker = workers.Worker(load, self)
        worker.signals.finished.connect(self._loaded)
        worker.signals.failed.connect(self._failed)
        workers.start(worker)

    def _loaded(self, _result) -> None:
        self.rehighlight()
        self.ready.emit()

    def _failed(self, message: str) -> None:
        self.unavailable = message

    # ---- words ---------------------------------------------------------------------------------

    def words(self) -> WordLists:
        if self._words is None:
            self._words = word_lists_for(self.doc.issue, self.doc.folder)
            self._ignored = tuple(self.doc.issue.proofing.ignored_words)
        return self._words

    def refresh_words(self) -> None:
        """Read the names, the team's list and the issue's ignores again, and redraw."""
        self._words = None
        self.rehighlight()

    def _issue_changed(self) -> None:
        # An undo of "Ignore in this issue" changes the ignore list behind our back.
        if self._words is not None and \
                tuple(self.doc.issue.proofing.ignored_words) != self._ignored:
            self.refresh_words()

    def add_to_dictionary(self, word: str) -> None:
        """Add a word to the team's list beside the contact directory (every issue)."""
        if self.doc.folder is None:
            raise BulletinError("save the issue into a folder first: the team's word list "
                                "lives beside it")
        add_team_word(team_words_path(self.doc.folder), word)
        self.refresh_words()
        self.words_changed.emit()

    def ignore_in_issue(self, word: str) -> None:
        """Accept a word in this issue only, as one undo step stored in the issue."""
        from .proof_commands import IgnoreWordCommand

        self.doc.push(IgnoreWordCommand(self.doc, word))  # _issue_changed reads the words again
        self.words_changed.emit()

    # ---- widgets -------------------------------------------------------------------------------

    def attach(self, widget: QWidget, markdown: bool = False) -> None:
        """Underline misspellings in a text widget and give it the spelling menu.

        ``markdown`` says the widget shows Markdown source (the plain body box); the rich
        editor shows formatted text, so its blocks hold only words. A widget with
        ``context_menu_hooks`` (the rich editor) gets the spelling items through a hook, so
        its own menu keeps its formatting actions; others get theirs through an event filter.
        """
        if widget in self._menus:
            return
        self._menus[widget] = markdown
        if isinstance(widget, (QPlainTextEdit, QTextEdit)):
            highlighter = SpellingHighlighter(widget.document(), self.checker, self.words,
                                              markdown)
            self._highlighters.append(highlighter)
            highlighter.destroyed.connect(lambda _=None, h=highlighter: self._forget(h))
        elif isinstance(widget, QLineEdit):
            self._lines.add(widget)
            widget.textChanged.connect(lambda _t, w=widget: self.underline_line(w))
            self.underline_line(widget)
        hooks = getattr(widget, "context_menu_hooks", None)
        if isinstance(hooks, list):
            hooks.append(lambda menu, cursor, w=widget: self.add_spelling_items(
                w, menu, cursor.block().text(), cursor.positionInBlock(),
                cursor.block().position()))
        else:
            widget.installEventFilter(self)

    def _forget(self, highlighter: SpellingHighlighter) -> None:
        if highlighter in self._highlighters:
            self._highlighters.remove(highlighter)

    def rehighlight(self) -> None:
        for highlighter in list(self._highlighters):
            try:
                highlighter.rehighlight()
            except RuntimeError:  # its document is gone
                self._forget(highlighter)
        for line in list(self._lines):
            self.underline_line(line)

    def underline_line(self, edit: QLineEdit) -> None:
        """Draw the underlines of a one-line field as input-method formats."""
        spans = self._spans(edit.text(), markdown=False) if speller_loaded() else []
        attributes = []
        cursor = edit.cursorPosition()
        for start, end, _word in spans:
            attributes.append(QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat, start - cursor, end - start,
                misspelt_format()))
        QCoreApplication.sendEvent(edit, QInputMethodEvent("", attributes))

    def _spans(self, text: str, markdown: bool) -> list[tuple[int, int, str]]:
        if not speller_loaded():
            return []
        return self.checker.misspelt(text, self.words(), markdown)

    # ---- the menu ------------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ContextMenu and isinstance(obj, QWidget) and \
                obj in self._menus:
            menu = self.menu_for(obj, event.pos())  # type: ignore[attr-defined]
            if menu is not None:
                menu.exec(event.globalPos())  # type: ignore[attr-defined]
                menu.deleteLater()
                return True
        return super().eventFilter(obj, event)

    def menu_for(self, widget: QWidget, pos) -> QMenu | None:
        """The widget's own menu with, at the top, suggestions, "Add to dictionary" and
        "Ignore in this issue" when the click is on a misspelt word."""
        build = getattr(widget, "build_context_menu", None)
        if build is not None:
            return build(pos)  # the rich editor: its hooks call add_spelling_items
        if isinstance(widget, QLineEdit):
            menu = widget.createStandardContextMenu()
            text, position, base = widget.text(), widget.cursorPositionAt(pos), 0
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            menu = widget.createStandardContextMenu(pos)
            cursor = widget.cursorForPosition(pos)
            block = cursor.block()
            text, position, base = block.text(), cursor.positionInBlock(), block.position()
        else:
            return None
        self.add_spelling_items(widget, menu, text, position, base)
        return menu

    def add_spelling_items(self, widget: QWidget, menu: QMenu, text: str, position: int,
                           base: int) -> None:
        """Suggestions and the two word-list actions, at the top of a menu, for the misspelt
        word at ``position`` of ``text`` (which starts at ``base`` in the widget)."""
        hit = word_at(text, position, self._spans(text, self._menus.get(widget, False)))
        if hit is None:
            return
        start, end, word = hit
        first = menu.actions()[0] if menu.actions() else None
        actions: list[QAction] = []
        read_only = getattr(widget, "isReadOnly", lambda: False)()
        suggestions = self.checker.speller.suggest(word, 5) if self.checker.speller else []
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            action.setEnabled(not read_only)
            action.triggered.connect(lambda _c=False, s=suggestion: self.replace_word(
                widget, base + start, base + end, s))
            actions.append(action)
        if not suggestions:
            none = QAction("(no suggestions)", menu)
            none.setEnabled(False)
            actions.append(none)
        add = QAction(f"Add \u2018{word}\u2019 to dictionary", menu)
        add.setEnabled(self.doc.folder is not None)
        add.setToolTip("The team's word list, beside the contact directory: every issue")
        add.triggered.connect(lambda: self.add_to_dictionary(word))
        ignore = QAction("Ignore in this issue", menu)
        ignore.setEnabled(not self.doc.read_only)
        ignore.triggered.connect(lambda: self.ignore_in_issue(word))
        actions += [add, ignore]
        for action in actions:
            menu.insertAction(first, action)
        menu.insertSeparator(first)

    def replace_word(self, widget: QWidget, start: int, end: int, replacement: str) -> None:
        """Put a suggestion in place of a word as if typed, as its own undo step (positions
        count from the start of the widget's text)."""
        stack = self.doc.undo_stack
        # A macro keeps the edit from merging into the typing before it.
        stack.beginMacro(f"spelling: \u2018{replacement}\u2019")
        try:
            if isinstance(widget, QLineEdit):
                widget.setSelection(start, end - start)
                widget.insert(replacement)
                widget.textEdited.emit(widget.text())
            elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
                edit = QTextCursor(widget.document())
                edit.setPosition(start)
                edit.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                edit.insertText(replacement)
        finally:
            stack.endMacro()
