"""Articles made in the window: New article (Ctrl+N) in the pool or a section, from a
template, Duplicate (Ctrl+D), Delete from the pool; each one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.core.model import Status

CTRL = Qt.KeyboardModifier.ControlModifier


def focus(window, widget, qtbot):
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_ctrl_n_in_the_pool_asks_only_a_title_and_opens_the_new_article(window, qtbot,
                                                                      isolated):
    issue = window.doc.issue
    focus(window, window.pool_view, qtbot)
    isolated.values["ask_text"] = "Safer streets in Hollins Dale"
    qtbot.keyClick(window.pool_view, Qt.Key.Key_N, CTRL)
    assert [m.split(" ")[0] for m in isolated.messages("ask_text")] == ["New"]
    article = issue.pool[-1]
    assert (article.title, article.status, article.body) == (
        "Safer streets in Hollins Dale", Status.DRAFT, "")
    assert window.editor.article_id == article.id and window.showing() is window.editor
    assert window.pool.selected_article_ids() == [article.id]
    assert window.editor.body.edit.hasFocus()
    qtbot.keyClicks(window.editor.body.edit, "First words")
    assert article.body == "First words"
    stack = window.doc.undo_stack
    while stack.canUndo():
        stack.undo()
    assert article.id not in issue.used_ids()
    assert window.editor.article_id is None
    stack.redo()
    assert issue.pool[-1].id == article.id


def test_ctrl_n_in_a_section_places_the_article_after_the_current_one(window, qtbot,
                                                                    isolated):
    issue = window.doc.issue
    first = issue.section("from-the-centre").articles[0].id
    window.select_article(first)
    focus(window, window.tree, qtbot)
    isolated.values["ask_text"] = "Another voice from the centre"
    qtbot.keyClick(window.tree, Qt.Key.Key_N, CTRL)
    ids = [a.id for a in issue.section("from-the-centre").articles]
    assert ids[1] == "another-voice-from-the-centre" and ids[0] == first
    assert window.structure.current_article_id() == "another-voice-from-the-centre"
    # A cancelled or empty title makes nothing.
    count = window.doc.undo_stack.count()
    isolated.values["ask_text"] = "   "
    window.act_new_article.trigger()
    isolated.values["ask_text"] = None
    window.act_new_article.trigger()
    assert window.doc.undo_stack.count() == count


def test_a_section_makes_its_own_new_article(window, isolated):
    window.select_section("prevent")
    assert window.showing() is window.section_editor
    isolated.values["ask_text"] = "Prevent in schools"
    window.section_editor.new_article.click()
    assert window.doc.issue.section("prevent").articles[-1].title == "Prevent in schools"


def test_new_article_from_a_template_goes_to_its_usual_section(window, isolated):
    templates = window.article_templates()
    names = [t.name for t in templates]
    assert {"Event notice", "Funding announcement", "Meet the\u2026 profile"} <= set(names)
    isolated.values["ask_item"] = names.index("Event notice")
    isolated.values["ask_text"] = "Winter roadshow in Saltmarsh"
    window.act_from_template.trigger()
    article = window.doc.issue.section("whats-new").articles[-1]
    assert article.title == "Winter roadshow in Saltmarsh"
    assert "### How to book" in article.body
    assert article.callouts and article.contacts
    assert window.editor.article_id == article.id
    window.doc.undo_stack.undo()
    assert article.id not in window.doc.issue.used_ids()


def test_the_team_can_add_templates_beside_the_issues(window, demo_copy):
    folder = demo_copy.parent / "article-templates"
    folder.mkdir()
    (folder / "case-study.yaml").write_text(
        "name: Case study\nsection: partnerships-in-action\narticle:\n"
        "  standfirst: What worked\n  body: |\n    ### The problem\n\n    [What happened]\n",
        encoding="utf-8")
    (folder / "broken.yaml").write_text("name: [\n", encoding="utf-8")
    window.templates_menu.aboutToShow.emit()
    texts = [a.text() for a in window.templates_menu.actions()]
    assert "Case study\u2026" in texts and "Event notice\u2026" in texts
    assert not any("broken" in t.lower() for t in texts)


def test_duplicate_copies_next_to_the_original(window, qtbot):
    issue = window.doc.issue
    window.select_article("operation-harbour")
    focus(window, window.tree, qtbot)
    qtbot.keyClick(window.tree, Qt.Key.Key_D, CTRL)
    articles = issue.section("partnerships-in-action").articles
    twin = articles[1]
    assert twin.title == "County lines workshop launches Operation HARBOUR (copy)"
    assert twin.body == articles[0].body and twin.id != "operation-harbour"
    assert window.editor.article_id == twin.id
    window.doc.undo_stack.undo()
    assert [a.id for a in articles][:1] == ["operation-harbour"] and twin not in articles


def test_delete_in_the_pool_deletes_with_undo_and_a_placed_article_goes_back_first(
        window, qtbot):
    issue = window.doc.issue
    gone = issue.pool[1].id
    window._last_list = "pool"
    window.select_article(gone)
    focus(window, window.pool_view, qtbot)
    qtbot.keyClick(window.pool_view, Qt.Key.Key_Delete)
    assert gone not in issue.used_ids()
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    window.doc.undo_stack.undo()
    assert issue.pool[1].id == gone
    # Article > Delete on a placed article returns it to the pool; a second Delete deletes.
    placed = issue.section("prevent").articles[0].id
    window.select_article(placed)
    focus(window, window.tree, qtbot)
    window.act_delete.trigger()
    assert issue.pool[-1].id == placed
    assert window.pool.selected_article_ids() == [placed]
    window.act_delete.trigger()
    assert placed not in issue.used_ids()
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert issue.section("prevent").articles[0].id == placed


def test_a_read_only_issue_makes_no_articles(make_window, demo_copy, isolated):
    make_window(demo_copy)  # holds the lock
    window = make_window(demo_copy)
    assert window.doc.read_only
    assert not window.act_new_article.isEnabled() and not window.act_delete.isEnabled()
    isolated.values["ask_text"] = "Sneaky"
    assert window.new_article() is None
    assert isolated.messages("ask_text") == []
