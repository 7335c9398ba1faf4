"""The body's Markdown subset shown as formatted text in a QTextDocument, and written back.

Reading uses the core's own parser (``core.markup.parse``), so the editor shows exactly what
the PDF and Word file will print; writing turns the document's blocks back into the core's
runs and hands them to the one writer of body markup (``core.importers.write_markup``), which
escapes the words and checks that every bold, italic and link reads back as it was meant.

What the document may hold is the subset: paragraphs, ``###`` sub-headings, bullet and numbered
lists (nested by indent), bold, italic, links and line breaks. Anything else that arrives (a
pasted table, a picture, a colour) is dropped on the way back to Markdown, never stored.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QBrush,
    QFont,
    QPalette,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextList,
    QTextListFormat,
)
from PySide6.QtWidgets import QApplication

from desktop_app.core.importers.write_markup import Item, ItemList, Para, SubHeading, blocks_markup
from desktop_app.core.markup import Heading, ListBlock, Paragraph, Run, linkify_runs, parse

from .dialogs import plain_tooltip

LINE_BREAK = "\u2028"  # what QTextDocument holds for Shift+Enter
OBJECT = "\ufffc"  # a picture or other object in the text: not part of the subset
HEADING_LEVEL = 3  # the body's sub-heading (``###``)
ORDERED_STYLES = {QTextListFormat.Style.ListDecimal, QTextListFormat.Style.ListLowerAlpha,
                  QTextListFormat.Style.ListUpperAlpha, QTextListFormat.Style.ListLowerRoman,
                  QTextListFormat.Style.ListUpperRoman}


# ---- formats --------------------------------------------------------------------------------


def char_format(bold: bool = False, italic: bool = False, href: str | None = None
                ) -> QTextCharFormat:
    """How a run looks: bold, italic, and links underlined in the palette's link colour."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setFontItalic(italic)
    if href:
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setFontUnderline(True)
        fmt.setForeground(QBrush(QApplication.palette().color(QPalette.ColorRole.Link)))
        fmt.setToolTip(plain_tooltip(href))
    return fmt


def plain_format() -> QTextCharFormat:
    """Text with no bold, italic or link (what typing after a link continues with)."""
    return char_format()


def heading_block_format() -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setHeadingLevel(HEADING_LEVEL)
    fmt.setTopMargin(8)
    fmt.setBottomMargin(4)
    return fmt


def heading_char_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
    return fmt


def paragraph_block_format() -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(6)
    return fmt


def list_format(ordered: bool, level: int) -> QTextListFormat:
    fmt = QTextListFormat()
    fmt.setStyle(QTextListFormat.Style.ListDecimal if ordered
                 else QTextListFormat.Style.ListDisc)
    fmt.setIndent(level + 1)
    return fmt


# ---- Markdown into the document -------------------------------------------------------------


def fill_document(document: QTextDocument, text: str) -> None:
    """Show body markup in ``document`` as formatted text (replacing what it held)."""
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    first = True

    def next_block(block_fmt: QTextBlockFormat, chars: QTextCharFormat) -> None:
        nonlocal first
        if first:
            cursor.setBlockFormat(block_fmt)
            cursor.setBlockCharFormat(chars)
            first = False
        else:
            cursor.insertBlock(block_fmt, chars)

    for block in parse(text).blocks:
        if isinstance(block, ListBlock):
            lists: dict[int, QTextList] = {}
            for item in block.items:
                next_block(paragraph_block_format(), plain_format())
                level = item.level
                for deeper in [k for k in lists if k > level]:
                    del lists[deeper]  # a deeper list ended: the next one there is new
                if level in lists:
                    lists[level].add(cursor.block())
                else:
                    lists[level] = cursor.createList(list_format(block.ordered, level))
                _insert_runs(cursor, item.runs)
        elif isinstance(block, Heading):
            next_block(heading_block_format(), heading_char_format())
            _insert_runs(cursor, block.runs, heading=True)
        elif isinstance(block, Paragraph):
            next_block(paragraph_block_format(), plain_format())
            _insert_runs(cursor, block.runs)
    cursor.endEditBlock()


def _insert_runs(cursor: QTextCursor, runs: list[Run], heading: bool = False) -> None:
    for run in runs:
        if run.text == "\n":
            cursor.insertText(LINE_BREAK, plain_format())
            continue
        fmt = char_format(run.bold, run.italic, run.href)
        if heading:
            fmt.merge(heading_char_format())
        cursor.insertText(run.text, fmt)


# ---- the document back to Markdown ----------------------------------------------------------


def block_runs(block: QTextBlock) -> list[Run]:
    """The runs of one block: its text fragments with their bold, italic and link."""
    runs: list[Run] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if not fragment.isValid():
            continue
        fmt = fragment.charFormat()
        text = fragment.text().replace(OBJECT, "")
        if not text:
            continue
        bold = fmt.fontWeight() >= QFont.Weight.DemiBold
        italic = fmt.fontItalic()
        href = fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None
        for n, piece in enumerate(text.split(LINE_BREAK)):
            if n:
                runs.append(Run("\n"))
            if piece:
                runs.append(Run(piece, bold, italic, href))
    # A web or email address typed as words is a link, as the body's parser reads it; written
    # as a link it keeps its exact target ("a?x=1&y=2" with no escape inside the address).
    return linkify_runs(runs)


def document_blocks(document: QTextDocument) -> list[Para | SubHeading | ItemList]:
    """The document as the markup writer's blocks."""
    out: list[Para | SubHeading | ItemList] = []
    current: ItemList | None = None
    outer: QTextList | None = None  # the outermost list of the current ItemList
    block = document.begin()
    while block.isValid():
        text_list = block.textList()
        runs = block_runs(block)
        if text_list is not None:
            fmt = text_list.format()
            level = max(0, fmt.indent() - 1)
            ordered = fmt.style() in ORDERED_STYLES
            if current is None or (level == 0 and outer is not None and text_list != outer
                                   and ordered != _is_ordered(outer)):
                # Numbers after bullets (or the other way) are a list of their own; two
                # lists of one kind side by side are one list in Markdown, and here too.
                current = ItemList()
                out.append(current)
                outer = None
            if level == 0:
                outer = text_list
            current.items.append(Item(runs, level=level, ordered=ordered))
        else:
            current = None
            if block.blockFormat().headingLevel() > 0:
                out.append(SubHeading([Run(r.text) if r.text != "\n" else Run(" ")
                                       for r in runs]))
            else:
                out.append(Para(runs))
        block = block.next()
    return out


def _is_ordered(text_list: QTextList) -> bool:
    return text_list.format().style() in ORDERED_STYLES


def document_markup(document: QTextDocument) -> str:
    """The body markup for what the document shows."""
    return blocks_markup(document_blocks(document))
