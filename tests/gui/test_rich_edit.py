"""The rich body editor: the Markdown subset shown formatted and written back unchanged,
typing undone a word at a time in the window's one undo history, the formatting keys, links,
lists, sub-headings and paste from Word."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QFont, QTextCursor, QTextDocument

from desktop_app.core.importers.write_markup import Item, ItemList, Para, SubHeading, blocks_markup
from desktop_app.core.markup import Run, linkify_runs, parse
from desktop_app.gui.rich_text import document_markup, fill_document

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def open_body(window, qtbot, article_id="peer-review-team"):
    window.select_article(article_id)
    edit = window.editor.body.edit
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    return window.doc.issue.article(article_id), edit


def to_end(edit) -> None:
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)


def select_last_word(edit, qtbot) -> None:
    to_end(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Left, CTRL | SHIFT)


# ---- shown formatted, saved unchanged ---------------------------------------------------------


def test_the_body_is_shown_formatted_not_as_markup(window, qtbot):
    _article, edit = open_body(window, qtbot, "local-profiles-review")
    document = window.editor.body.document()
    assert document is edit.document()
    text = document.toPlainText()
    assert "**" not in text and "###" not in text and "\n- " not in text
    headings = []
    listed = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            headings.append(block.text())
        if block.textList() is not None:
            listed.append(block.text())
        block = block.next()
    assert "Where the gaps remain" in headings
    assert any(line.startswith("a third of profiles") for line in listed)


def test_load_show_save_changes_nothing_in_any_demo_body(window):
    for article in window.doc.issue.all_articles():
        document = QTextDocument()
        fill_document(document, article.body)
        saved = document_markup(document)
        assert _signature(saved) == _signature(article.body), article.id
        again = QTextDocument()
        fill_document(again, saved)
        assert document_markup(again) == saved  # the written form is stable
    # Opening an article and leaving it writes nothing.
    window.select_article("local-profiles-review")
    window.select_article("peer-review-team")
    assert window.doc.undo_stack.count() == 0


def _signature(text: str):
    out = []
    for block in parse(text).blocks:
        if hasattr(block, "items"):
            out.append(("list", block.ordered, [(i.level, _runs(i.runs)) for i in block.items]))
        else:
            out.append((type(block).__name__, _runs(block.runs)))
    return out


def _runs(runs):
    return [(r.text, r.bold, r.italic, r.href) for r in runs]


PLAIN_WORDS = st.text(alphabet="abcdefghij KLMN 0123456789,.;:!?'\"()-&*_[]<>#+=\\`~/%@",
                      min_size=1, max_size=14)
WORDS = st.one_of(
    PLAIN_WORDS,
    # Addresses typed as words: the parser makes bare ones into links (linkify).
    st.sampled_from(["https://example.org/a_b", "www.example.org", "name@example.org",
                     " see example.org.", "(https://example.org)", "x_y_z", "mailto:a@b.org"]),
)
HREFS = st.sampled_from([None, None, None, "https://example.org/a", "mailto:x@example.org",
                         "https://example.org/b_(c)"])
RUNS = st.lists(st.builds(Run, WORDS, st.booleans(), st.booleans(), HREFS), min_size=1,
                max_size=6)


@st.composite
def item_lists(draw) -> ItemList:
    """A list as the subset has it: one kind (bullets or numbers) with its nested items,
    starting at the outer level and going in one level at a time."""
    ordered = draw(st.booleans())
    items, level = [], 0
    for _ in range(draw(st.integers(1, 4))):
        items.append(Item(draw(RUNS), level, ordered))
        level = draw(st.integers(0, min(level + 1, 2)))
    return ItemList(items)


def _joined_lists(blocks: list) -> list:
    """Two lists of one kind side by side are one list in Markdown (and on the page)."""
    out: list = []
    for block in blocks:
        if isinstance(block, ItemList) and out and isinstance(out[-1], ItemList) and \
                out[-1].items[0].ordered == block.items[0].ordered:
            out[-1] = ItemList(out[-1].items + block.items)
        else:
            out.append(block)
    return out


def _as_written(blocks: list) -> list:
    """The blocks as the editor writes them: an address typed as words is a link."""
    out = []
    for block in blocks:
        if isinstance(block, ItemList):
            out.append(ItemList([Item(linkify_runs(i.runs), i.level, i.ordered)
                                 for i in block.items]))
        elif isinstance(block, Para):
            out.append(Para(linkify_runs(block.runs)))
        else:
            out.append(block)
    return out


BLOCKS = st.lists(st.one_of(
    st.builds(Para, RUNS),
    # A sub-heading is words only (the writer keeps no links in one).
    st.builds(SubHeading, st.lists(st.builds(Run, PLAIN_WORDS), min_size=1, max_size=2)),
    item_lists(),
), min_size=1, max_size=5).map(_joined_lists)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks=BLOCKS)
def test_markdown_round_trips_through_the_rich_editor(qapp, blocks):
    """Load, show, save: the subset's Markdown comes back byte for byte."""
    markdown = blocks_markup(_as_written(blocks))
    document = QTextDocument()
    fill_document(document, markdown)
    assert document_markup(document) == markdown


# ---- typing and undo -----------------------------------------------------------------------


def test_typing_is_undone_a_word_at_a_time_with_the_drags(window, qtbot):
    article, edit = open_body(window, qtbot)
    before = article.body
    to_end(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Partners meet monthly")
    assert article.body.endswith("Partners meet monthly")
    # What was there is unchanged (its hard-wrapped lines are written as one line each).
    assert _signature(article.body)[:-1] == _signature(before)
    stack = window.doc.undo_stack
    # A drag in the structure goes into the same history.
    model = window.structure_model
    data = window.pool_model.mimeData([window.pool_model.index(0, 0)])
    moved = window.doc.issue.pool[0].id
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0,
                              model.index_of_section("feedback"))
    stack.undo()
    assert window.doc.issue.pool[0].id == moved
    stack.undo()
    assert article.body.endswith("Partners meet") and edit.toPlainText().endswith(
        "Partners meet")
    stack.undo()
    assert article.body.endswith("Partners")
    stack.undo()
    assert _signature(article.body) == _signature(before)
    assert not stack.canUndo(), [stack.text(i) for i in range(stack.count())]
    stack.redo()
    assert "Partners" in article.body


def test_ctrl_b_and_ctrl_i_format_the_selection_and_toggle_off(window, qtbot):
    article, edit = open_body(window, qtbot)
    to_end(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Act now")
    select_last_word(edit, qtbot)
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    assert article.body.endswith("Act **now**")
    assert window.editor.body.actions_by_name["bold"].isChecked()
    qtbot.keyClick(edit, Qt.Key.Key_I, CTRL)
    assert article.body.endswith("Act ***now***")
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    assert article.body.endswith("Act *now*")
    window.doc.undo_stack.undo()
    assert article.body.endswith("Act ***now***")
    # Ctrl+I in the text formats it: it does not open File > Import articles.
    assert window.doc.undo_stack.undoText() != "" and not window.findChildren(
        type(window), "ImportDialog")


def test_bold_with_no_selection_applies_to_the_word_under_the_cursor(window, qtbot):
    article, edit = open_body(window, qtbot)
    to_end(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "very important")
    qtbot.keyClick(edit, Qt.Key.Key_Left)
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    assert article.body.endswith("very **important**")
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    assert article.body.endswith("very important")


def test_ctrl_k_asks_for_words_and_address_and_never_makes_url_of_url(window, qtbot, isolated):
    article, edit = open_body(window, qtbot)
    to_end(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Read ")
    isolated.values["ask_link"] = ("the guidance", "https://example.org/guidance")
    qtbot.keyClick(edit, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(edit, " today")
    assert article.body.endswith("Read [the guidance](https://example.org/guidance) today")
    assert "(https://example.org/guidance)](" not in article.body
    # With words selected, they are offered as the link's words.
    select_last_word(edit, qtbot)
    isolated.values["ask_link"] = lambda words, url: (words, "mailto:team@example.org")
    qtbot.keyClick(edit, Qt.Key.Key_K, CTRL)
    assert article.body.endswith("[today](mailto:team@example.org)")
    asked = isolated.messages("ask_link")
    assert asked[-1].startswith("today")
    # Inside a link, Ctrl+K edits that link; an empty address takes the link off.
    cursor = edit.textCursor()
    cursor.setPosition(cursor.position() - 2)
    edit.setTextCursor(cursor)
    isolated.values["ask_link"] = lambda words, url: (words, "")
    qtbot.keyClick(edit, Qt.Key.Key_K, CTRL)
    assert isolated.messages("ask_link")[-1] == "today mailto:team@example.org"
    assert article.body.endswith(") today")


def test_a_link_that_is_not_web_or_email_is_refused(window, qtbot, isolated):
    article, edit = open_body(window, qtbot)
    before = article.body
    isolated.values["ask_link"] = ("click", "javascript:alert(1)")
    qtbot.keyClick(edit, Qt.Key.Key_K, CTRL)
    assert article.body == before
    assert isolated.messages("show_error")


def test_list_and_sub_heading_keys_and_typing_a_dash(window, qtbot):
    article, edit = open_body(window, qtbot)
    to_end(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Next steps")
    qtbot.keyClick(edit, Qt.Key.Key_3, CTRL | ALT)
    assert article.body.endswith("### Next steps")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # after a sub-heading comes a paragraph
    qtbot.keyClicks(edit, "first")
    qtbot.keyClick(edit, Qt.Key.Key_8, CTRL | SHIFT)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "second")
    assert article.body.endswith("### Next steps\n\n- first\n- second")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter on an empty bullet ends the list
    qtbot.keyClicks(edit, "- typed dash")
    assert article.body.endswith("- first\n- second\n- typed dash")
    qtbot.keyClick(edit, Qt.Key.Key_7, CTRL | SHIFT)
    assert article.body.endswith("- second\n\n1. typed dash")


def test_paste_from_word_keeps_the_subset(window, qtbot):
    article, edit = open_body(window, qtbot)
    to_end(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    data = QMimeData()
    data.setHtml(
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>'
        'p.MsoNormal {font-family: Calibri}</style></head><body lang=EN-GB>'
        '<p class=MsoNormal><span style="font-size:14pt;color:red">Call <b>now</b> or '
        'read <i>the</i> <a href="https://example.org/help">guide</a></span></p>'
        '<ul><li class=MsoListParagraph>one</li><li>two</li></ul>'
        '<table><tr><td>cell</td></tr></table><img src="file:///c:/x.png">'
        '<script>alert(1)</script></body></html>')
    data.setText("Call now or read the guide")
    edit.insertFromMimeData(data)
    assert article.body.endswith(
        "Call **now** or read *the* [guide](https://example.org/help)\n\n- one\n- two\n\ncell")
    for unwanted in ("<", "alert", "font-size", "Calibri", "color", "x.png"):
        assert unwanted not in article.body
    # The pasted words are formatted in the editor, not shown as markup.
    assert "**" not in edit.toPlainText()
    window.doc.undo_stack.undo()  # a paste is one undo step
    assert "Call" not in article.body


def test_the_context_menu_has_the_formatting_and_room_for_a_checker(window, qtbot):
    _article, edit = open_body(window, qtbot)
    seen = []

    def hook(menu, cursor):
        seen.append(cursor.position())
        menu.addAction("Suggestion")

    edit.context_menu_hooks.append(hook)
    menu = edit.build_context_menu(edit.cursorRect().center())
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Suggestion" in texts and "Link\u2026" in texts and "B" in texts
    assert not any(t.startswith("Undo") for t in texts)
    assert seen
    menu.close()


def test_read_only_issue_body_cannot_be_typed_in(window, qtbot):
    article, edit = open_body(window, qtbot)
    window.editor.body.setReadOnly(True)
    before = article.body
    qtbot.keyClicks(edit, "xyz")
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    assert article.body == before


def test_bold_and_links_are_shown_as_formatting(window, qtbot):
    _article, edit = open_body(window, qtbot, "partnership-fund")
    document = edit.document()
    found = document.find("\u00a318 million")
    assert not found.isNull() and found.charFormat().fontWeight() >= QFont.Weight.Bold
    plain = document.find("spread across")
    assert plain.charFormat().fontWeight() < QFont.Weight.Bold
    link = document.find("funding pages")
    assert link.charFormat().isAnchor()
    assert link.charFormat().anchorHref() == "https://www.example.org/partnership-fund"


def test_an_address_typed_in_the_text_is_a_link_to_exactly_that_address(window, qtbot):
    article, edit = open_body(window, qtbot)
    to_end(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Book at https://example.org/book?day=1&room=2 or write to "
                          "team@example.org today")
    [last] = parse(article.body).blocks[-1:]
    links = {r.text: r.href for r in last.runs if r.href}
    assert links == {"https://example.org/book?day=1&room=2":
                     "https://example.org/book?day=1&room=2",
                     "team@example.org": "mailto:team@example.org"}
