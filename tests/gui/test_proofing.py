"""Proofing in the window: the Problems pane's findings and quick fixes with undo, spelling
underlines and the right-click menu, the export warning, and the dictionary loaded off the
start path."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from desktop_app.core.proof.spelling import load_team_words, shared_speller
from desktop_app.gui import spelling as spelling_module
from desktop_app.gui.problems import FINDING_ROLE


def underlined(edit: QPlainTextEdit) -> list[str]:
    """The words drawn with the spell-check underline, read back from the text layout."""
    out = []
    block = edit.document().begin()
    while block.isValid():
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                out.append(block.text()[fmt.start:fmt.start + fmt.length])
        block = block.next()
    return out


def ready(window, qtbot) -> None:
    shared_speller()
    window.spelling.rehighlight()
    qtbot.waitUntil(lambda: not window.problems.busy, timeout=30_000)


def open_article(window, article_id: str) -> None:
    window.select_article(article_id)
    assert window.editor.article_id == article_id


def set_body(window, text: str) -> None:
    window.editor.body.edit.setPlainText(text)  # as typed: goes through the undo stack
    assert window.doc.issue.article(window.editor.article_id).body == text


def position_of(edit: QPlainTextEdit, word: str) -> QPoint:
    cursor = edit.document().find(word)
    cursor.setPosition(cursor.selectionStart() + 1)
    return edit.cursorRect(cursor).center()


def test_body_underlines_misspelt_words_but_not_names_or_addresses(window, qtbot) -> None:
    open_article(window, "local-profiles-review")
    set_body(window, "We will recieve the report from Dr Miriam Castell and the NCA.\n\n"
                     "Write to miriam.castell@example.org or see https://www.exampel.org/goverment.")
    ready(window, qtbot)
    assert underlined(window.editor.body.edit) == ["recieve"]


def test_right_click_suggests_replaces_and_undoes(window, qtbot) -> None:
    open_article(window, "local-profiles-review")
    set_body(window, "We will recieve the report.")
    ready(window, qtbot)
    edit = window.editor.body.edit
    menu = window.spelling.menu_for(edit, position_of(edit, "recieve"))
    labels = [a.text() for a in menu.actions()]
    assert labels[0] == "receive"
    assert "Add \u2018recieve\u2019 to dictionary" in labels and "Ignore in this issue" in labels
    next(a for a in menu.actions() if a.text() == "receive").trigger()
    article = window.doc.issue.article("local-profiles-review")
    assert article.body == "We will receive the report."
    assert underlined(edit) == []
    window.doc.undo_stack.undo()
    assert article.body == "We will recieve the report."


def test_ignore_in_this_issue_is_stored_and_undoable(window, qtbot, demo_copy: Path) -> None:
    open_article(window, "local-profiles-review")
    set_body(window, "The Okonjoville pilot began.")
    ready(window, qtbot)
    edit = window.editor.body.edit
    assert underlined(edit) == ["Okonjoville"]
    menu = window.spelling.menu_for(edit, position_of(edit, "Okonjoville"))
    next(a for a in menu.actions() if a.text() == "Ignore in this issue").trigger()
    assert "Okonjoville" in window.doc.issue.proofing.ignored_words
    assert underlined(edit) == []
    assert window.save()
    assert "Okonjoville" in (demo_copy / "issue.yaml").read_text(encoding="utf-8")
    window.doc.undo_stack.undo()
    assert "Okonjoville" not in window.doc.issue.proofing.ignored_words
    assert underlined(edit) == ["Okonjoville"]


def test_add_to_dictionary_writes_the_team_list(window, qtbot, demo_copy: Path) -> None:
    open_article(window, "local-profiles-review")
    set_body(window, "The Okonjoville pilot began.")
    ready(window, qtbot)
    edit = window.editor.body.edit
    menu = window.spelling.menu_for(edit, position_of(edit, "Okonjoville"))
    next(a for a in menu.actions() if a.text().startswith("Add ")).trigger()
    assert load_team_words(demo_copy.parent / "team-dictionary.txt") == {"Okonjoville"}
    assert (demo_copy.parent / "team-dictionary.txt").parent == demo_copy.parent
    assert underlined(edit) == []


def point_at(line, index: int) -> QPoint:
    """A point inside a QLineEdit over the character at ``index``."""
    y = line.height() // 2
    for x in range(line.width()):
        if line.cursorPositionAt(QPoint(x, y)) == index:
            return QPoint(x + 1, y)
    raise AssertionError(f"no point for {index}")


def test_title_and_alt_text_are_checked_too(window, qtbot) -> None:
    open_article(window, "regional-roadshows")
    ready(window, qtbot)
    title = window.editor.title
    title.setText("Regional roadshows this wintr")
    title.textEdited.emit(title.text())
    menu = window.spelling.menu_for(title, point_at(title, title.text().index("wintr") + 2))
    assert "winter" in [a.text() for a in menu.actions()]
    next(a for a in menu.actions() if a.text() == "winter").trigger()
    assert window.doc.issue.article("regional-roadshows").title == \
        "Regional roadshows this winter"
    window.doc.undo_stack.undo()
    assert window.doc.issue.article("regional-roadshows").title == \
        "Regional roadshows this wintr"
    window.editor.tabs.setCurrentWidget(window.editor.images)
    window.editor.images.select(0)
    alt = window.editor.images.fields["alt"]
    alt.setText("A mapp of the 7 areas")
    menu = window.spelling.menu_for(alt, point_at(alt, 3))
    assert "map" in [a.text() for a in menu.actions()]


def test_problems_pane_groups_findings_and_fixes_with_undo(window, qtbot) -> None:
    article = window.doc.issue.article("local-profiles-review")
    article.body = "The program has three parts. The center opened. The program ends."
    window.problems.refresh()
    groups = [window.problems.tree.topLevelItem(i).text(1)
              for i in range(window.problems.tree.topLevelItemCount())]
    assert "Local profiles: what the national review found" in groups
    lines = {item.text(1) for item in window.problems.items()}
    assert any("\u2018program\u2019" in line for line in lines)
    programs = [i for i in window.problems.items() if i.text(0) == "program"]
    assert len(programs) == 2
    window.problems.tree.setCurrentItem(programs[0])
    assert window.problems.fix_button.isEnabled()
    assert window.problems.fix_all_button.text() == "Fix all 2 of this kind"
    assert window.problems.fix_selected() == 1
    assert article.body == "The programme has three parts. The center opened. The program ends."
    window.doc.undo_stack.undo()
    assert article.body == "The program has three parts. The center opened. The program ends."
    window.problems.refresh()
    window.problems.tree.setCurrentItem(next(
        i for i in window.problems.items() if i.text(0) == "program"))
    before = window.doc.undo_stack.index()
    window.problems.fix_all_of_kind()
    assert window.doc.undo_stack.index() == before + 1  # all of a kind: one undo step
    assert article.body == "The programme has three parts. The center opened. The programme ends."
    window.doc.undo_stack.undo()
    assert article.body == "The program has three parts. The center opened. The program ends."


def test_double_click_selects_the_words(window, qtbot) -> None:
    article = window.doc.issue.article("regional-roadshows")
    article.body = "Book now! The roadshows are free."
    window.problems.refresh()
    item = next(i for i in window.problems.items() if i.text(0) == "exclamation")
    window.problems.tree.itemDoubleClicked.emit(item, 1)
    assert window.editor.article_id == "regional-roadshows"
    assert window.editor.body.edit.textCursor().selectedText() == "!"


def test_reading_ages_are_listed(window, qtbot) -> None:
    window.problems.refresh()
    tree = window.problems.tree
    head = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(1).startswith("Reading age"))
    assert head.childCount() == len(window.doc.issue.all_articles())
    assert "reading age" in window.problems.summary.text()


def test_export_dialog_warns_but_does_not_block(window, qtbot) -> None:
    window.problems.refresh()
    assert window.problems.export_warning() == ""  # the demo is clean
    window.doc.issue.article("regional-roadshows").body += " Book now!"
    window.problems.refresh()
    dialog = window.open_export_dialog()
    assert dialog.warning.isVisible()
    assert "1 proofing finding remain" in dialog.warning.text()
    assert dialog.export_button.isEnabled()
    dialog.close()


def test_dictionary_loads_in_a_worker_after_the_window_starts(make_window, qtbot,
                                                               monkeypatch) -> None:
    threads = []
    real = spelling_module.shared_speller

    def recording():
        threads.append(threading.current_thread() is threading.main_thread())
        return real()

    monkeypatch.setattr(spelling_module, "speller_loaded", lambda: bool(threads))
    monkeypatch.setattr(spelling_module, "shared_speller", recording)
    window = make_window()
    assert threads == []  # nothing loaded while the window was being built
    qtbot.waitUntil(lambda: bool(threads), timeout=10_000)
    assert threads == [False]
    window.close()


def test_a_faint_theme_is_listed_once(window, qtbot, tmp_path, monkeypatch) -> None:
    from desktop_app.core import theme as theme_module
    from desktop_app.templates import template_dir

    faint = tmp_path / "faint.yaml"
    text = (template_dir() / "default.yaml").read_text(encoding="utf-8")
    faint.write_text(text[:text.index("colours:")] + 'colours:\n  muted: "#A0A0A0"\n',
                     encoding="utf-8")
    names = theme_module.theme_names()
    monkeypatch.setattr(theme_module, "theme_names", lambda: [*names, "faint"])
    real_file = theme_module.theme_file
    monkeypatch.setattr(theme_module, "theme_file",
                        lambda name: faint if name == "faint" else real_file(name))
    window.doc.issue.export.theme = "faint"
    window.problems.refresh()
    lines = [i.text(1) for i in window.problems.items() if "#A0A0A0" in i.text(1)
             or "muted" in i.text(1)]
    assert len(lines) == 1, lines


def test_a_picture_without_alt_text_is_listed_once(window, qtbot) -> None:
    window.doc.issue.article("regional-roadshows").images[0].alt = ""
    window.problems.refresh()
    lines = [i.text(1) for i in window.problems.items()
             if i.parent().text(1) == "Regional roadshows this winter"]
    assert len([line for line in lines if "alt text" in line]) == 1, lines
    # The summary counts what is listed: one error, not the same picture twice.
    listed_errors = [i for i in window.problems.items() if i.text(0) in ("Error",)
                     or (i.data(0, FINDING_ROLE) is not None
                         and i.data(0, FINDING_ROLE).severity == "error")]
    assert window.problems.summary.text().startswith(f"{len(listed_errors)} error"), \
        window.problems.summary.text()
