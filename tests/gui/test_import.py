"""Importing articles from the editor window: File ▸ Import articles… and files dropped on the
pool, each file one undo step, with a report of what came in and what was left out."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.shared import Cm
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.core.storage import issue_to_data
from tests import badfiles
from tests.docmakers import png_bytes

PICTURE = png_bytes(90, 60, "#c03020")


def word_article(path: Path, picture: bool = True) -> Path:
    """A contributor's Word file: a title heading, a paragraph, a picture, a contact line."""
    document = docx.Document()
    document.add_heading("Safer streets in Hollins Dale", level=1)
    document.add_paragraph("Neighbourhood officers and the council closed three cuckooed "
                           "flats in a month.")
    if picture:
        document.add_paragraph().add_run().add_picture(io.BytesIO(PICTURE), width=Cm(4))
    document.add_paragraph("For more information contact: Priya Shah \u2013 "
                           "priya.shah@example.org")
    document.save(str(path))
    return path


def markdown_article(path: Path) -> Path:
    path.write_text("# Fraud awareness week\n\nSixty volunteers gave talks in libraries.\n\n"
                    "For more information contact: Sam Hill - sam.hill@example.org\n",
                    encoding="utf-8")
    return path


def pool_titles(window) -> list[str]:
    return [a.title for a in window.doc.issue.pool]


def images_on_disk(folder: Path) -> set[str]:
    images = folder / "images"
    return {p.name for p in images.iterdir()} if images.is_dir() else set()


def capture_reports(isolated) -> list[tuple[str, str, list[str]]]:
    shown: list[tuple[str, str, list[str]]] = []
    isolated.values["show_report"] = lambda title, summary, lines: shown.append(
        (title, summary, list(lines)))
    return shown


def test_menu_import_of_word_and_markdown_files_then_undo_and_redo(window, demo_copy,
                                                                    isolated, tmp_path):
    word = word_article(tmp_path / "hollins-dale.docx")
    markdown = markdown_article(tmp_path / "fraud-week.md")
    isolated.values["ask_import_files"] = [str(word), str(markdown)]
    shown = capture_reports(isolated)
    issue = window.doc.issue
    before_data = issue_to_data(issue)
    before_pool = pool_titles(window)
    before_images = images_on_disk(demo_copy)
    undo_before = window.doc.undo_stack.count()

    # The menu item is where the brief says, with its shortcut, and enabled.
    file_menu = window.menuBar().actions()[0].menu()
    assert window.act_import_articles in file_menu.actions()
    assert window.act_import_articles.text().replace("&", "") == "Import articles\u2026"
    assert window.act_import_articles.shortcut().toString() == "Ctrl+I"
    assert window.act_import_articles.isEnabled()
    window.act_import_articles.trigger()

    # The file dialog offered both kinds of file.
    [(_name, asked)] = [a for a in isolated.asked if a[0] == "ask_import_files"]
    assert "*.docx" in asked and "*.md" in asked
    # Two articles in the pool, with their titles and contacts.
    assert pool_titles(window) == before_pool + ["Safer streets in Hollins Dale",
                                                 "Fraud awareness week"]
    word_art, md_art = issue.pool[-2], issue.pool[-1]
    assert [(c.name, c.email) for c in word_art.contacts] == [
        ("Priya Shah", "priya.shah@example.org")]
    assert [(c.name, c.email) for c in md_art.contacts] == [
        ("Sam Hill", "sam.hill@example.org")]
    assert "three cuckooed flats" in word_art.body
    # The Word file's picture was copied into the issue's images folder.
    [image] = word_art.images
    new_images = images_on_disk(demo_copy) - before_images
    assert new_images == {Path(image.path).name}
    assert (demo_copy / image.path).read_bytes() == PICTURE
    # The pool view shows them, and the first one is open in the editor.
    model = window.pool_filter
    shown_titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert shown_titles[-2:] == ["Safer streets in Hollins Dale", "Fraud awareness week"]
    assert window.editor.article_id == word_art.id
    # One report dialog with what each file made.
    [(title, summary, lines)] = shown
    assert title == "Articles imported"
    assert summary.startswith("2 articles imported from 2 files.")
    text = "\n".join(lines)
    assert "Imported 1 article from hollins-dale.docx" in text
    assert "Imported 1 article from fraud-week.md" in text
    assert "contact: Priya Shah" in text and "contact: Sam Hill" in text
    assert "has no alt text" in text  # the picture had no description: the report says so
    assert window.isWindowModified()

    # One undo step per file.
    stack = window.doc.undo_stack
    assert stack.count() == undo_before + 2
    assert stack.undoText() == "import 1 article from fraud-week.md"
    stack.undo()
    assert pool_titles(window) == before_pool + ["Safer streets in Hollins Dale"]
    stack.undo()
    assert pool_titles(window) == before_pool
    assert issue_to_data(issue) == before_data
    assert images_on_disk(demo_copy) == before_images  # the copied picture is gone again
    assert window.editor.article_id is None  # the editor let go of the removed article
    assert not window.isWindowModified()

    stack.redo()
    stack.redo()
    assert pool_titles(window) == before_pool + ["Safer streets in Hollins Dale",
                                                 "Fraud awareness week"]
    assert (demo_copy / image.path).read_bytes() == PICTURE
    assert [c.email for c in issue.pool[-2].contacts] == ["priya.shah@example.org"]
    # Saved and read back, the imported articles are in the file.
    assert window.save()
    from desktop_app.core.storage import load_issue

    saved = load_issue(demo_copy).issue
    assert [a.title for a in saved.pool][-2:] == ["Safer streets in Hollins Dale",
                                                  "Fraud awareness week"]


def test_a_hostile_file_is_refused_with_one_line_and_changes_nothing(window, demo_copy,
                                                                     isolated, tmp_path):
    bad = badfiles.not_a_zip(tmp_path / "contribution.docx")
    isolated.values["ask_import_files"] = [str(bad)]
    shown = capture_reports(isolated)
    before = issue_to_data(window.doc.issue)
    before_images = images_on_disk(demo_copy)
    before_files = sorted(p.name for p in demo_copy.iterdir())

    window.act_import_articles.trigger()

    [message] = isolated.messages("show_error")
    assert message.startswith("Not imported contribution.docx")
    assert "\n" not in message and "Traceback" not in message
    assert shown == []
    assert issue_to_data(window.doc.issue) == before
    assert images_on_disk(demo_copy) == before_images
    assert sorted(p.name for p in demo_copy.iterdir()) == before_files
    assert window.doc.undo_stack.count() == 0
    assert not window.isWindowModified()


def test_one_refused_file_among_good_ones_is_listed_in_the_report(window, isolated, tmp_path):
    good = markdown_article(tmp_path / "fraud-week.md")
    bad = badfiles.evil_name(tmp_path / "evil.docx")
    isolated.values["ask_import_files"] = [str(bad), str(good)]
    shown = capture_reports(isolated)
    window.act_import_articles.trigger()
    assert pool_titles(window)[-1] == "Fraud awareness week"
    [(_title, summary, lines)] = shown
    assert "1 article imported from 1 file. 1 not imported." in summary
    assert any(line.startswith("Not imported: evil.docx") for line in lines)
    assert window.doc.undo_stack.count() == 1
    assert isolated.messages("show_error") == []


def _uri_list(*paths: Path) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return data


def _send_drop(view, data: QMimeData, point: QPoint) -> tuple[QDragMoveEvent, QDropEvent]:
    """What a file manager sends: enter, move, drop, offering to copy its files."""
    viewport = view.viewport()
    pos = QPointF(point)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction | Qt.DropAction.LinkAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(viewport, QDragEnterEvent(pos, actions, data, buttons, mods))
    move = QDragMoveEvent(pos, actions, data, buttons, mods)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(pos, actions, data, buttons, mods)
    QApplication.sendEvent(viewport, drop)
    return move, drop


def _empty_spot(view) -> QPoint:
    """A point in the pool view below its last row (a drop on the pool itself)."""
    viewport = view.viewport()
    return QPoint(viewport.width() // 2, viewport.height() - 4)


def test_a_word_file_dropped_on_the_pool_is_imported(window, demo_copy, isolated, tmp_path,
                                                     qtbot):
    word = word_article(tmp_path / "hollins-dale.docx")
    shown = capture_reports(isolated)
    before_pool = pool_titles(window)
    view = window.pool_view
    assert view.viewport().height() > 40

    move, drop = _send_drop(view, _uri_list(word), _empty_spot(view))

    assert move.isAccepted() and drop.isAccepted()
    # The import runs once the drop is over (its report is a dialog).
    qtbot.waitUntil(lambda: len(pool_titles(window)) == len(before_pool) + 1)
    assert pool_titles(window)[-1] == "Safer streets in Hollins Dale"
    assert window.doc.issue.pool[-1].contacts[0].email == "priya.shah@example.org"
    [(_title, summary, _lines)] = shown
    assert summary.startswith("1 article imported from 1 file.")
    # The same undo step as the menu item's.
    assert window.doc.undo_stack.undoText() == "import 1 article from hollins-dale.docx"
    window.doc.undo_stack.undo()
    assert pool_titles(window) == before_pool


def test_the_pool_accepts_only_local_word_and_markdown_files(window, tmp_path):
    model = window.pool_model
    root = QModelIndex()
    copy = Qt.DropAction.CopyAction
    assert "text/uri-list" in model.mimeTypes()
    for name in ("a.docx", "b.MD", "c.markdown", "d.txt"):
        (tmp_path / name).write_text("x")
        assert model.canDropMimeData(_uri_list(tmp_path / name), copy, -1, 0, root), name
    for name in ("report.pdf", "picture.png", "old.doc", "notes.odt", "archive.zip"):
        (tmp_path / name).write_text("x")
        assert not model.canDropMimeData(_uri_list(tmp_path / name), copy, -1, 0, root), name
    # One unsupported file spoils the whole drop: nothing half-imported.
    assert not model.canDropMimeData(_uri_list(tmp_path / "a.docx", tmp_path / "report.pdf"),
                                     copy, -1, 0, root)
    # Web addresses are never fetched.
    remote = QMimeData()
    remote.setUrls([QUrl("https://example.org/article.docx")])
    assert not model.canDropMimeData(remote, copy, -1, 0, root)
    # Plain text is not a file.
    text = QMimeData()
    text.setText("some words")
    assert not model.canDropMimeData(text, copy, -1, 0, root)


def test_an_unsupported_file_dropped_on_the_pool_view_is_refused(window, isolated, tmp_path,
                                                                 qtbot):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    before = issue_to_data(window.doc.issue)
    move, drop = _send_drop(window.pool_view, _uri_list(pdf), _empty_spot(window.pool_view))
    assert not move.isAccepted() and not drop.isAccepted()
    qtbot.wait(20)
    assert issue_to_data(window.doc.issue) == before
    assert window.doc.undo_stack.count() == 0


def test_article_drags_between_structure_and_pool_still_work(window):
    issue = window.doc.issue
    section = issue.section("prevent")
    moved = section.articles[0].id
    data = window.structure_model.mimeData([window.structure_model.index_of_article(moved)])
    assert window.pool_model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0,
                                             QModelIndex())
    assert window.pool_model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert issue.pool[-1].id == moved
    # Pool articles still drag as moves only.
    assert window.pool_model.supportedDragActions() == Qt.DropAction.MoveAction


def test_import_is_disabled_on_a_read_only_issue(make_window, demo_copy, isolated, tmp_path):
    make_window(demo_copy)
    second = make_window(demo_copy)
    assert second.doc.read_only
    assert not second.act_import_articles.isEnabled()
    word = word_article(tmp_path / "hollins-dale.docx")
    assert not second.pool_model.canDropMimeData(_uri_list(word), Qt.DropAction.CopyAction,
                                                 -1, 0, QModelIndex())
    before = issue_to_data(second.doc.issue)
    second.import_files([str(word)])  # even if asked directly, nothing happens
    assert issue_to_data(second.doc.issue) == before


def test_an_unsaved_new_issue_asks_to_be_saved_first(make_window, isolated, tmp_path):
    window = make_window()
    window.doc.new()
    word = word_article(tmp_path / "hollins-dale.docx")
    window.import_files([str(word)])
    [message] = isolated.messages("show_error")
    assert "save the issue into a folder first" in message
    assert window.doc.issue.pool == []


def test_ctrl_i_imports_from_the_pool_but_still_italicises_in_the_body(window, isolated,
                                                                        qtbot):
    window.activateWindow()
    window.pool_view.setFocus()
    qtbot.waitUntil(window.pool_view.hasFocus)
    qtbot.keyClick(window.pool_view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert len(isolated.messages("ask_import_files")) == 1

    # In the body text the same keys make the selection italic, and import nothing.
    window.select_article(window.doc.issue.pool[0].id)
    body = window.editor.body.edit
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    body.selectAll()
    qtbot.keyClick(body, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.issue.pool[0].body.startswith("*")
    assert body.textCursor().charFormat().fontItalic()
    assert len(isolated.messages("ask_import_files")) == 1


def test_an_edition_import_changes_sections_and_welcome_and_undo_restores_all(window,
                                                                             isolated):
    edition = Path(__file__).parent.parent / "fixtures" / "markdown" / "edition.md"
    isolated.values["ask_import_files"] = [str(edition)]
    capture_reports(isolated)
    issue = window.doc.issue
    before = issue_to_data(issue)
    window.select_section("welcome")
    before_welcome = window.section_editor.welcome.text()
    window.act_import_articles.trigger()
    # A section the demo did not have, and the imported welcome added after its own.
    assert "community-voices" in [s.id for s in issue.sections]
    assert issue.welcome != before["welcome"]
    assert window.section_editor.welcome.text() == issue.welcome
    assert window.structure_model.index_of_section("community-voices").isValid()

    window.doc.undo_stack.undo()
    assert issue_to_data(issue) == before
    assert not window.structure_model.index_of_section("community-voices").isValid()
    assert window.section_editor.welcome.text() == before_welcome


def test_undo_after_saving_keeps_the_pictures_the_saved_file_names(window, demo_copy,
                                                                    isolated, tmp_path):
    from desktop_app.core.storage import load_issue

    isolated.values["ask_import_files"] = [str(word_article(tmp_path / "hollins-dale.docx"))]
    capture_reports(isolated)
    window.act_import_articles.trigger()
    [image] = window.doc.issue.pool[-1].images
    assert window.save()
    window.doc.undo_stack.undo()
    # Closing now without saving leaves the saved file, which names the picture: it stays.
    assert (demo_copy / image.path).read_bytes() == PICTURE
    saved = load_issue(demo_copy).issue
    assert saved.pool[-1].images[0].path == image.path
    window.doc.undo_stack.redo()
    assert window.doc.issue.pool[-1].images[0].path == image.path


def test_importing_the_same_file_again_is_reported_and_adds_nothing(window, isolated,
                                                                     tmp_path):
    word = word_article(tmp_path / "hollins-dale.docx", picture=False)
    shown = capture_reports(isolated)
    isolated.values["ask_import_files"] = [str(word)]
    window.act_import_articles.trigger()
    count = len(window.doc.issue.pool)
    window.act_import_articles.trigger()
    assert len(window.doc.issue.pool) == count
    lines = "\n".join(shown[-1][2])
    assert "skipped: \"Safer streets in Hollins Dale\" is already in the issue" in lines
    assert "every word accounted for" in lines


def test_file_menu_saves_the_submission_form(window, isolated, tmp_path):
    """File > Save submission form writes the Word form contributors fill in."""
    from desktop_app.core.importers.form import FORM_KEYWORDS

    file_menu = window.menuBar().actions()[0].menu()
    assert window.act_save_form in file_menu.actions()
    isolated.values["ask_form_file"] = str(tmp_path / "form")  # no suffix: .docx is added
    window.act_save_form.trigger()
    written = tmp_path / "form.docx"
    form = docx.Document(str(written))
    assert form.core_properties.keywords == FORM_KEYWORDS
    assert "submission form" in form.core_properties.title
    assert isolated.asked[-1][0] == "show_info" and str(written) in isolated.asked[-1][1]

    isolated.values["ask_form_file"] = str(tmp_path / "no such folder" / "form.docx")
    window.act_save_form.trigger()
    assert isolated.asked[-1][0] == "show_error"
    assert not (tmp_path / "no such folder").exists()
