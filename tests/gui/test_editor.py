"""Editing an article and the issue settings, with undo, and the preview that follows."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor

from desktop_app.core.model import StatisticCallout, Status


def open_article(window, article_id: str):
    window.select_article(article_id)
    assert window.editor.article_id == article_id
    return window.doc.issue.article(article_id)


def preview_text(preview) -> str:
    if preview.pdf is None:
        return ""
    return "\n".join(preview.pdf.getAllText(p).text() for p in range(preview.pdf.pageCount()))


def test_editing_a_pull_quote_rebuilds_the_preview(window, qtbot):
    qtbot.waitUntil(lambda: preview_text(window.preview) != "", timeout=30_000)
    article = open_article(window, "local-profiles-review")
    quotes = window.editor.quotes
    quotes.select(0)
    field = quotes.fields["text"]
    new_text = "Partnership profiles beat single-agency ones every time"
    with qtbot.waitSignal(window.preview.rebuilt, timeout=30_000):
        field.setPlainText(new_text)
    assert article.pull_quotes[0].text == new_text
    text = " ".join(preview_text(window.preview).split())
    assert "Partnership profiles beat single-agency ones every time" in text
    window.doc.undo_stack.undo()
    assert article.pull_quotes[0].text.startswith("The best profiles we read")
    assert quotes.fields["text"].toPlainText().startswith("The best profiles we read")


def test_preview_keeps_the_page_being_read(window, qtbot):
    qtbot.waitUntil(lambda: window.preview.page_count() > 3, timeout=30_000)
    open_article(window, "local-profiles-review")
    window.preview.pages.jump_to(3)  # the user scrolls on to read another page
    assert window.preview.current_page() == 3
    with qtbot.waitSignal(window.preview.rebuilt, timeout=30_000):
        window.editor.title.setText("A new title")
        window.editor.title.textEdited.emit("A new title")
    assert window.preview.current_page() == 3


def test_typing_in_a_field_is_one_undo_step_per_word(window, qtbot):
    article = open_article(window, "peer-review-team")
    old = article.title
    window.editor.title.setFocus()
    window.editor.title.selectAll()
    qtbot.keyClicks(window.editor.title, "Peer review")
    assert article.title == "Peer review"
    # One step per word, as in a word processor; typing over the selection is in the first.
    assert window.doc.undo_stack.count() == 2
    window.doc.undo_stack.undo()
    assert article.title == "Peer " and window.editor.title.text() == "Peer "
    window.doc.undo_stack.undo()
    assert article.title == old and window.editor.title.text() == old
    # The tree follows the model.
    index = window.structure_model.index_of_article("peer-review-team")
    assert index.data().startswith(old)


def test_status_and_body_edits_undo(window):
    article = open_article(window, "peer-review-team")
    editor = window.editor
    editor.status.setCurrentIndex(editor.status.findData(Status.DRAFT.value))
    editor.status.activated.emit(editor.status.currentIndex())
    assert article.status is Status.DRAFT
    editor.body.edit.setPlainText("New body text.")
    assert article.body == "New body text."
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert article.status is Status.READY and article.body != "New body text."


def test_bold_button_wraps_the_selection(window):
    article = open_article(window, "peer-review-team")
    edit = window.editor.body.edit
    edit.setPlainText("Make this strong please")
    cursor = edit.textCursor()
    cursor.setPosition(10)
    cursor.setPosition(16, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    window.editor.body.actions_by_name["bold"].trigger()
    assert article.body == "Make this **strong** please"


def test_pasted_rich_text_becomes_markdown_not_html(window):
    article = open_article(window, "peer-review-team")
    edit = window.editor.body.edit
    edit.setPlainText("")
    data = QMimeData()
    data.setHtml('<meta charset="utf-8"><p>Call <b>now</b> or see '
                 '<a href="https://example.org/help">the guide</a>.</p>'
                 '<script>alert(1)</script><ul><li>one</li><li>two</li></ul>'
                 '<img src="x" onerror="alert(2)">')
    data.setText("Call now or see the guide.")
    edit.insertFromMimeData(data)
    assert article.body == ("Call **now** or see [the guide](https://example.org/help).\n\n"
                            "- one\n- two")
    assert "<" not in article.body and "alert" not in article.body


def test_pull_quote_add_reorder_remove(window):
    article = open_article(window, "local-profiles-review")
    quotes = window.editor.quotes
    count = len(article.pull_quotes)
    quotes.add()
    # Nothing is made (and so no "has no text" problem shown) until something is typed.
    assert len(article.pull_quotes) == count
    assert quotes.list.item(count).text() == "(new pull quote)"
    assert window.editor.tabs.tabText(0) == f"Pull quotes ({count})"
    window.problems.refresh()
    assert not [p for p in window.problems.problems if "has no text" in p.message]
    quotes.fields["text"].setPlainText("A second voice")
    assert len(article.pull_quotes) == count + 1
    assert window.editor.tabs.tabText(0) == f"Pull quotes ({count + 1})"
    quotes.fields["attribution"].setText("A partner")
    quotes.fields["attribution"].textEdited.emit("A partner")
    assert article.pull_quotes[-1].text == "A second voice"
    assert article.pull_quotes[-1].attribution == "A partner"
    quotes.move(-1)
    assert article.pull_quotes[0].text == "A second voice"
    quotes.remove()
    assert [q.text for q in article.pull_quotes][0] != "A second voice"
    stack = window.doc.undo_stack
    while stack.canUndo():
        stack.undo()
    assert len(article.pull_quotes) == count


def test_contact_picker_offers_issue_and_directory_contacts(make_window, demo_copy):
    (demo_copy.parent / "contacts.yaml").write_text(
        "contacts:\n  - name: Dana Okafor\n    role: Analyst\n    email: dana@example.org\n",
        encoding="utf-8")
    window = make_window(demo_copy)
    article = open_article(window, "peer-review-team")
    picker = window.editor.picker
    offered = [picker.itemText(i) for i in range(picker.count())]
    assert any("Dana Okafor" in o for o in offered)
    assert any("Hannah Lowther" in o for o in offered)  # a team contact of this issue
    before = len(article.contacts)
    row = next(i for i in range(picker.count()) if "Dana Okafor" in picker.itemText(i))
    picker.activated.emit(row)
    assert len(article.contacts) == before + 1
    assert article.contacts[-1].email == "dana@example.org"


def test_an_unreadable_image_is_refused_and_nothing_changes(window, demo_copy, monkeypatch,
                                                            isolated, tmp_path):
    bad = tmp_path / "photo.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    isolated.values["ask_picture_file"] = str(bad)
    article = open_article(window, "peer-review-team")
    images_before = sorted(p.name for p in (demo_copy / "images").iterdir())
    window.editor.images.add()
    assert article.images == []
    assert window.doc.undo_stack.count() == 0
    assert sorted(p.name for p in (demo_copy / "images").iterdir()) == images_before
    assert "photo.png" in " ".join(isolated.messages("show_error"))


def test_an_image_is_copied_in_with_its_alt_text(window, demo_copy, isolated, tmp_path):
    from desktop_app.resources import demo_dir

    source = tmp_path / "roadshow.png"
    shutil.copyfile(demo_dir() / "images" / "regional-roadshows-map.png", source)
    isolated.values["ask_picture_file"] = str(source)
    isolated.values["ask_alt_text"] = ("A map of the roadshow venues", False)
    article = open_article(window, "peer-review-team")
    window.editor.images.add()
    assert [(i.path, i.alt, i.decorative) for i in article.images] == [
        ("images/roadshow.png", "A map of the roadshow venues", False)]
    assert (demo_copy / "images" / "roadshow.png").read_bytes() == source.read_bytes()
    assert window.editor.tabs.tabText(2) == "Images (1)"


def test_callouts_statistic_added_and_edited(window, isolated):
    isolated.values["ask_item"] = 0  # the first kind in the model's table: Statistic
    article = open_article(window, "peer-review-team")
    callouts = window.editor.callouts
    before = len(article.callouts)
    callouts.add()
    assert len(article.callouts) == before  # nothing made until something is typed
    callouts.fields["value"].setText("42")
    callouts.fields["value"].textEdited.emit("42")
    assert isinstance(article.callouts[-1], StatisticCallout)
    assert article.callouts[-1].value == "42"


def test_issue_settings_edit_and_undo(window):
    pane = window.settings_pane
    issue = window.doc.issue
    pane.edition.setValue(10)
    assert issue.edition == 10 and "Tenth edition" in pane.edition_words.text()
    pane.published.setText("Winter 2026")
    pane.published.textEdited.emit("Winter 2026")
    assert issue.published == "Winter 2026"
    pane.theme.setCurrentIndex(pane.theme.findText("print-one-column"))
    pane.theme.activated.emit(pane.theme.currentIndex())
    assert issue.export.theme == "print-one-column"
    for _ in range(3):
        window.doc.undo_stack.undo()
    assert (issue.edition, issue.published, issue.export.theme) == (9, "Autumn 2026",
                                                                    "default")
    assert pane.edition.value() == 9 and pane.published.text() == "Autumn 2026"


def test_directory_saved_beside_the_issues(window, demo_copy, monkeypatch):
    from desktop_app.core.directory import load_directory
    from desktop_app.gui.directory_dialog import DirectoryDialog

    dialog = DirectoryDialog(demo_copy.parent / "contacts.yaml",
                             window.doc.issue.known_contacts(), window)
    dialog.add_suggestions()
    dialog.save()
    saved = load_directory(Path(demo_copy.parent / "contacts.yaml"))
    assert "Hannah Lowther" in [c.name for c in saved]


def test_a_picture_can_be_ticked_decorative_and_then_needs_no_alt_text(window, qtbot):
    article = open_article(window, "operation-harbour")
    images = window.editor.images
    window.editor.tabs.setCurrentIndex(2)
    images.select(0)
    alt, tick = images.fields["alt"], images.fields["decorative"]
    assert alt.isEnabled() and not tick.isChecked()
    article.images[0].alt = ""  # an undescribed picture is a problem...
    window.problems.refresh()
    assert any("no alt text" in p.message for p in window.problems.problems)
    tick.click()
    assert article.images[0].decorative is True and not alt.isEnabled()
    assert images.list.item(0).text().endswith("(decorative)")
    window.problems.refresh()  # ...until it is marked decorative
    assert not any("no alt text" in p.message for p in window.problems.problems)
    window.doc.undo_stack.undo()
    assert article.images[0].decorative is False and alt.isEnabled()
    assert not tick.isChecked()


def test_the_contact_picker_is_sorted_and_finds_by_typing(make_window, demo_copy, qtbot):
    (demo_copy.parent / "contacts.yaml").write_text(
        "contacts:\n  - name: Dana Okafor\n    organisation: Saltmarsh Council\n"
        "    email: dana@example.org\n  - name: Aaron Baird\n    email: aaron@example.org\n",
        encoding="utf-8")
    window = make_window(demo_copy)
    article = open_article(window, "peer-review-team")
    picker = window.editor.picker
    names = [picker.itemText(i) for i in range(picker.count())]
    assert names == sorted(names, key=str.casefold) and len(names) > 20
    assert picker.maxVisibleItems() <= 12 and "combobox-popup: 0" in picker.styleSheet()
    window.editor.tabs.setCurrentIndex(1)
    window.activateWindow()
    picker.lineEdit().setFocus()
    qtbot.keyClicks(picker.lineEdit(), "saltmarsh coun")
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown == ["Dana Okafor \u2014 Saltmarsh Council"]
    before = len(article.contacts)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert len(article.contacts) == before + 1
    assert article.contacts[-1].email == "dana@example.org"
    assert picker.currentText() == ""


def test_notes_are_edited_in_their_own_tab_and_print(window, qtbot):
    """An article's numbered notes (footnotes of an imported file) have a tab like quotes."""
    article = open_article(window, "local-profiles-review")
    article.notes = ["Figures from the 2025 review."]
    window.editor.show_article(article.id)
    notes = window.editor.notes
    labels = [window.editor.tabs.tabText(i) for i in range(window.editor.tabs.count())]
    assert "Notes (1)" in labels
    notes.add()
    notes.fields["text"].setPlainText("See the partnership hub.")
    assert article.notes == ["Figures from the 2025 review.", "See the partnership hub."]
    assert "Notes (2)" in [window.editor.tabs.tabText(i)
                           for i in range(window.editor.tabs.count())]
    window.preview.rebuild_now()
    qtbot.waitUntil(lambda: "See the partnership hub." in preview_text(window.preview),
                    timeout=30_000)
    window.doc.undo_stack.undo()
    assert article.notes == ["Figures from the 2025 review."]
