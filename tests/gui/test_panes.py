"""The export dialog, the problems panel and the review pane, driven with real files."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop_app.core.docx.export_docx import write_docx
from desktop_app.gui.export_dialog import ExportDialog, output_names
from tests.reviewing import Remark, add_remarks


def test_export_pdf_and_word_through_the_dialog(window, qtbot, tmp_path):
    out = tmp_path / "out"
    dialog = ExportDialog(window.doc, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(out))
    assert dialog.choices["pdf"].isChecked() and dialog.choices["docx"].isChecked()
    values = []
    dialog.progress.valueChanged.connect(values.append)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.open_button.isVisible(), timeout=60_000)

    names = output_names(window.doc.issue)
    pdf_name, docx_name = names["pdf"], names["docx"]
    assert sorted(p.name for p in out.iterdir()) == sorted([pdf_name, docx_name])
    text = " ".join(page.extract_text() for page in PdfReader(out / pdf_name).pages)
    assert "Local profiles: what the national review found" in " ".join(text.split())
    import docx

    words = "\n".join(p.text for p in docx.Document(str(out / docx_name)).paragraphs)
    assert "Local profiles: what the national review found" in words
    assert "Exported" in dialog.message.text()
    # The bar moved through the work from the worker, not in one jump at the end.
    assert values and values[-1] == dialog.progress.maximum()
    assert len(set(values)) > 3


def test_export_failure_is_a_plain_message(window, qtbot, tmp_path, isolated):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    dialog = ExportDialog(window.doc, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(blocker / "out"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(isolated.messages("show_error")), timeout=30_000)
    message = isolated.messages("show_error")[0]
    assert "cannot be made" in message and "Traceback" not in message
    assert not dialog.open_button.isVisible()
    assert blocker.read_text() == "a file where the folder should be"


def test_export_action_opens_the_dialog(window):
    window.act_export.trigger()
    assert window.export_dialog is not None and window.export_dialog.isVisible()
    window.export_dialog.close()


def test_problem_double_click_jumps_to_the_article_and_field(window, qtbot):
    article = window.doc.issue.article("regional-roadshows")
    article.contacts[0].email = "not-an-email"  # a problem the validator reports
    article.contacts.append(article.contacts[0].__class__(name="Second"))
    window.problems.refresh()
    tree = window.problems.tree
    items = window.problems.items()  # every line, under its article's heading
    match = [item for item in items if "not-an-email" in item.text(1)]
    assert match, [item.text(1) for item in items]
    assert match[0].parent().text(1) == "Regional roadshows this winter"
    assert match[0].text(0) == "Error"
    tree.itemDoubleClicked.emit(match[0], 1)
    assert window.editor.article_id == "regional-roadshows"
    assert window.showing() is window.editor
    assert window.editor.tabs.currentWidget().widget() is window.editor.contacts
    assert window.editor.contacts.current() == 0
    assert window.structure_model.article_at(window.tree.currentIndex()).id == \
        "regional-roadshows"


def test_problem_on_an_issue_setting_opens_the_settings(window, qtbot):
    window.settings_pane.published.setText("")
    window.settings_pane.published.textEdited.emit("")
    window.problems.refresh()
    tree = window.problems.tree
    item = next(item for item in window.problems.items()
                if "publication date" in item.text(1))
    assert item.parent().text(1) == "The issue"
    tree.itemDoubleClicked.emit(item, 1)
    assert window.tabs.currentWidget() is window.settings_pane


def reviewed_copy(window, tmp_path: Path) -> Path:
    exported = tmp_path / "for-review.docx"
    write_docx(window.doc.issue, window.doc.folder, exported)
    return add_remarks(exported, tmp_path / "reviewed.docx", [
        Remark("The answer is encouraging", "Which data sources? Please name them."),
        Remark("The answer is encouraging", "Named them below.", author="Sam Editor",
               initials="SE", reply_to=0),
    ])


def test_review_pane_imports_comments_and_marks_them_done(window, tmp_path, isolated,
                                                          qtbot):
    reviewed = reviewed_copy(window, tmp_path)
    isolated.values["ask_reviewed_file"] = str(reviewed)
    window.act_import_comments.trigger()
    article = window.doc.issue.article("local-profiles-review")
    assert [n.text for n in article.review_notes] == [
        "Which data sources? Please name them.", "Named them below."]
    assert "2 new comments" in isolated.messages("show_info")[0]
    # The pane gets room for the comments: many rows, not three.
    tree = window.review.tree
    qtbot.waitUntil(lambda: tree.viewport().height() >= 6 * tree.sizeHintForRow(0))
    pane = window.review
    top = pane.tree.topLevelItem(0)
    assert top.text(0) == article.title
    notes = pane.note_items()
    assert [n.text(1) for n in notes] == ["Priya Reviewer", "Sam Editor"]
    assert notes[1].text(0).startswith("\u21b3")  # a reply is shown as one

    notes[0].setCheckState(0, Qt.CheckState.Checked)
    assert article.review_notes[0].done
    assert window.isWindowModified()
    window.doc.undo_stack.undo()
    assert not article.review_notes[0].done
    assert pane.note_items()[0].checkState(0) == Qt.CheckState.Unchecked
    # Importing the same file again adds nothing; undoing the import takes the notes out.
    assert pane.import_from(reviewed) == 0
    window.doc.undo_stack.undo()
    assert article.review_notes == []
    # Double-clicking a comment opens its article with the words it is about selected.
    window.doc.undo_stack.redo()
    window.select_article("peer-review-team")
    pane.tree.itemDoubleClicked.emit(pane.note_items()[0], 0)
    assert window.editor.article_id == "local-profiles-review"
    assert window.structure.current_article_id() == "local-profiles-review"
    body = window.editor.body.edit
    anchor = " ".join(article.review_notes[0].anchor.split())
    assert anchor.startswith("The answer is encouraging")
    assert body.textCursor().selectedText() == anchor
    assert body.hasFocus() or not window.isActiveWindow()


def test_review_import_of_a_bad_file_is_refused_with_a_message(window, tmp_path, isolated):
    bad = tmp_path / "reviewed.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    before = window.doc.undo_stack.count()
    assert window.review.import_from(bad) == 0
    assert isolated.messages("show_error")
    assert window.doc.undo_stack.count() == before
    assert all(not a.review_notes for a in window.doc.issue.all_articles())


def test_the_dialog_offers_every_registered_format(window, qtbot):
    from desktop_app.core.formats import FORMATS

    dialog = ExportDialog(window.doc, window)
    qtbot.addWidget(dialog)
    assert [box.text() for box in dialog.choices.values()] == [f.label for f in FORMATS]
    assert all(box.isEnabled() for box in dialog.choices.values())
    for box in dialog.choices.values():
        box.setChecked(False)
    dialog.start_export()
    assert "Choose at least one format" in dialog.message.text()
    dialog.choices["docx"].setChecked(True)
    assert list(dialog.chosen()) == ["docx"]


def test_open_folder_says_when_nothing_can_open_it(window, qtbot, tmp_path, isolated):
    from desktop_app.gui.export_dialog import open_path

    dialog = ExportDialog(window.doc, window)
    qtbot.addWidget(dialog)
    # Tests run with no desktop (no file manager to hand the folder to), as on a bare machine.
    assert open_path(dialog, tmp_path) is False
    [message] = isolated.messages("show_error")
    assert "Cannot open the folder" in message and str(tmp_path) in message


def test_a_long_problem_wraps_instead_of_being_cut_off(window, qtbot):
    qtbot.waitUntil(lambda: not window.problems.busy, timeout=30_000)  # the check at opening
    article = window.doc.issue.article("operation-flint")
    article.contacts[0].email = "not-an-email " + "very long words " * 12
    window.problems.refresh()
    tree = window.problems.tree
    tree.resize(500, 300)
    qtbot.wait(10)
    item = next(i for i in window.problems.items() if "not-an-email" in i.text(1))
    index = tree.indexFromItem(item, 1)
    line = tree.fontMetrics().height()
    assert tree.wordWrap() and tree.visualRect(index).height() >= 2 * line
    assert "not-an-email" in item.toolTip(1)


def test_web_edition_and_email_then_open_them(window, qtbot, tmp_path, monkeypatch):
    from desktop_app.gui import export_dialog

    opened: list[Path] = []
    monkeypatch.setattr(export_dialog, "open_path", lambda _parent, path: opened.append(path))
    out = tmp_path / "out"
    dialog = ExportDialog(window.doc, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(out))
    for name, box in dialog.choices.items():
        box.setChecked(name in ("html", "email"))
    attach = dialog.option_boxes[("email", "attach_pdf")]
    assert attach.isChecked() and attach.isEnabled()
    attach.setChecked(False)
    assert not dialog.option_boxes[("email", "smaller_pictures")].isChecked()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.open_button.isVisible(), timeout=60_000)

    names = output_names(window.doc.issue)
    assert sorted(p.name for p in out.iterdir()) == sorted([names["html"], names["email"]])
    assert (out / names["html"] / "index.html").is_file()
    assert "HTML part" in dialog.message.text()
    browser, mail = dialog.open_buttons["browser"], dialog.open_buttons["mail"]
    assert browser.isVisible() and mail.isVisible() and not dialog.offer_button.isVisible()
    browser.click()
    mail.click()
    assert opened == [out / names["html"] / "index.html", out / names["email"]]
    import email
    from email import policy

    message = email.message_from_bytes((out / names["email"]).read_bytes(),
                                       policy=policy.default)
    assert not [p for p in message.walk() if p.get_content_type() == "application/pdf"]


def test_a_too_big_email_offers_smaller_pictures_and_exports_again(window, qtbot, tmp_path):
    import random

    from PIL import Image as PILImage

    from desktop_app.core.model import Image

    rng = random.Random(3)
    big = window.doc.folder / "images" / "huge.png"
    PILImage.frombytes("RGB", (1500, 1000), rng.randbytes(4_500_000)).save(big)
    window.doc.issue.placed_articles()[0].images.append(Image("images/huge.png", "Noise.", ""))
    out = tmp_path / "out"
    dialog = ExportDialog(window.doc, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(out))
    for name, box in dialog.choices.items():
        box.setChecked(name == "email")
    dialog.option_boxes[("email", "attach_pdf")].setChecked(False)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.open_button.isVisible(), timeout=60_000)
    assert dialog.offer_button.isVisible()
    assert "huge.png" in dialog.message.text()
    eml = out / output_names(window.doc.issue)["email"]
    before = eml.stat().st_size
    dialog.offer_button.click()
    qtbot.waitUntil(lambda: not dialog.running and dialog.open_button.isVisible(),
                    timeout=60_000)
    assert "smaller email copies" in dialog.message.text()
    assert dialog.option_boxes[("email", "smaller_pictures")].isChecked()
    assert eml.stat().st_size < before / 2
