"""A section is edited where it is: its title and intro; Welcome's text and team contacts."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_choosing_a_section_shows_its_title_and_intro(window, qtbot):
    issue = window.doc.issue
    window.select_article("operation-harbour")
    window.tree.setCurrentIndex(window.structure_model.index_of_section("prevent"))
    assert window.showing() is window.section_editor
    assert window.tabs.tabText(0) == "Section"
    editor = window.section_editor
    assert editor.title.text() == "Prevent"
    assert editor.heading.text() == "Section: Prevent \u2014 2 articles"
    assert editor.intro.isVisible() and not editor.welcome.isVisible()
    # The intro is formatted text like a body, one undo step per word.
    window.activateWindow()
    editor.intro.edit.setFocus()
    qtbot.waitUntil(editor.intro.edit.hasFocus)
    qtbot.keyClicks(editor.intro.edit, "Projects that stop harm early")
    assert issue.section("prevent").intro == "Projects that stop harm early"
    window.doc.undo_stack.undo()
    assert issue.section("prevent").intro == "Projects that stop harm"
    # Renaming in the title box renames the section in the tree too.
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Prevention")
    assert issue.section("prevent").title == "Prevention"
    assert window.structure_model.index_of_section("prevent").data().startswith("Prevention")
    # Choosing an article again shows the article editor.
    window.select_article("operation-harbour")
    assert window.showing() is window.editor and window.tabs.tabText(0) == "Article"


def test_the_feedback_section_says_1_article(window):
    window.select_section("feedback")
    assert window.section_editor.heading.text().endswith("\u2014 1 article")


def test_welcome_shows_the_welcome_text_and_team_contacts(window, qtbot):
    issue = window.doc.issue
    window.select_section("welcome")
    editor = window.section_editor
    assert editor.welcome.isVisible() and editor.team.isVisible()
    assert not editor.intro.isVisible()
    assert editor.welcome.text() == issue.welcome
    assert "ninth edition" in editor.welcome.document().toPlainText()
    assert [editor.team.list.item(i).text() for i in range(editor.team.list.count())][0] \
        .startswith("Hannah Lowther")
    window.activateWindow()
    editor.welcome.edit.setFocus()
    qtbot.keyClick(editor.welcome.edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.welcome.edit, " Thank you.")
    assert issue.welcome.endswith("[partnerships mailbox](mailto:soc.partnerships@example.org). "
                                  "Thank you.")
    editor.team.select(0)
    editor.team.fields["role"].setText("Northmoor")
    editor.team.fields["role"].textEdited.emit("Northmoor")
    assert issue.team_contacts[0].role == "Northmoor"
    window.doc.undo_stack.undo()
    assert issue.team_contacts[0].role == "Northmoor and Kestrel Coast"


def test_a_problem_with_the_welcome_opens_the_welcome_section(window, qtbot):
    window.doc.issue.team_contacts[0].email = "not-an-email"
    window.problems.refresh()
    tree = window.problems.tree
    item = next(i for i in window.problems.items() if "not-an-email" in i.text(1))
    tree.itemDoubleClicked.emit(item, 1)
    assert window.showing() is window.section_editor
    assert window.section_editor.is_welcome


def test_a_new_section_is_selected_so_rename_renames_it(window, isolated):
    issue = window.doc.issue
    window.select_section("welcome")
    isolated.values["ask_text"] = "Case studies"
    window.add_section()
    assert issue.sections[1].title == "Case studies"
    assert window.selected_section_id() == issue.sections[1].id
    assert window.section_editor.title.text() == "Case studies"
    isolated.values["ask_text"] = "Case studies and lessons"
    window.rename_section()
    assert issue.sections[1].title == "Case studies and lessons"
    assert issue.section("welcome").title == "Welcome"


def test_removing_a_section_with_one_article_says_1_article(window, isolated):
    window.select_section("feedback")
    window.remove_section()
    [question] = isolated.messages("ask_confirm")
    assert "1 article goes back to the pool" in question
