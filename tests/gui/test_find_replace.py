"""Find and replace across the issue (Ctrl+H): matches in context, replace one or all as one
undo step, going to a match, and the parts of the issue searched."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.core.find import BODIES, TITLES


def open_find(window, qtbot, words: str):
    window.activateWindow()
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = window.find_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.find_box.setText(words)
    dialog.find()
    return dialog


def rows(dialog) -> list[tuple[str, str]]:
    model = dialog.model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def test_matches_are_listed_in_context_across_the_issue(window, qtbot):
    dialog = open_find(window, qtbot, "Kestrel Coast")
    found = rows(dialog)
    wheres = [w for w, _c in found]
    assert any(w.endswith("\u2014 body") for w in wheres)
    assert any(w.endswith("\u2014 standfirst") for w in wheres)
    assert any("contact" in w for w in wheres) and "Welcome text" in wheres
    assert all("Kestrel Coast" in context or "Kestrel\nCoast" in context
               for _w, context in found)
    assert dialog.summary.text().startswith(f"{len(found)} matches in ")
    dialog.scopes[BODIES].setChecked(False)
    assert not any(w.endswith("\u2014 body") for w, _c in rows(dialog))
    dialog.find_box.setText("no such words anywhere")
    dialog.find()
    assert dialog.summary.text() == "Not found." and not dialog.replace_all_button.isEnabled()


def test_replace_all_is_one_undo_step(window, qtbot):
    issue = window.doc.issue
    dialog = open_find(window, qtbot, "HARBOUR")
    count = dialog.model.rowCount()
    assert count >= 3
    dialog.replace_box.setText("Harbour")
    dialog.match_case.setChecked(True)
    before = window.doc.undo_stack.count()
    assert dialog.replace_all() == count
    assert window.doc.undo_stack.count() == before + 1
    assert issue.article("operation-harbour").title == \
        "County lines workshop launches Operation Harbour"
    index = window.structure_model.index_of_article("operation-harbour")
    assert index.data().endswith("Operation Harbour")
    assert dialog.model.rowCount() == 0  # the list follows
    window.doc.undo_stack.undo()
    assert issue.article("operation-harbour").title.endswith("Operation HARBOUR")


def test_replace_one_changes_only_the_chosen_match(window, qtbot):
    issue = window.doc.issue
    dialog = open_find(window, qtbot, "Operation FLINT")
    dialog.scopes[TITLES].setChecked(True)
    first = dialog.model.matches[0]
    dialog.results.setCurrentIndex(dialog.model.index(0, 0))
    dialog.replace_box.setText("Operation Flint")
    assert dialog.replace_selected() == 1
    changed = [m for m in dialog.model.matches]
    assert len(changed) == dialog.model.rowCount()
    assert first.place.article_id == "operation-flint"
    text = issue.article("operation-flint").title if first.place.field == "title" else \
        issue.article("operation-flint").body
    assert "Operation Flint" in text
    window.doc.undo_stack.undo()
    assert "Operation Flint" not in issue.article("operation-flint").title


def test_choosing_a_match_opens_it_with_the_words_selected(window, qtbot):
    dialog = open_find(window, qtbot, "cuckooed flats")
    dialog.find_box.setText("cash between towns")
    dialog.find()
    [match] = dialog.model.matches
    dialog.results.activated.emit(dialog.model.index(0, 1))
    assert window.editor.article_id == match.place.article_id
    assert window.editor.body.edit.textCursor().selectedText() == "cash between towns"
    dialog.find_box.setText("Clare Whitmore")
    dialog.find()
    row = next(n for n, m in enumerate(dialog.model.matches) if m.place.field == "contacts")
    dialog.results.activated.emit(dialog.model.index(row, 0))
    assert window.editor.tabs.currentIndex() == 1  # the Contacts tab
    assert window.editor.contacts.fields["name"].selectedText() == "Clare Whitmore"


def test_replacing_is_refused_in_a_read_only_issue(make_window, demo_copy, qtbot):
    make_window(demo_copy)
    window = make_window(demo_copy)
    dialog = window.open_find()
    dialog.find_box.setText("Kestrel")
    dialog.find()
    assert dialog.model.rowCount() > 0
    assert not dialog.replace_all_button.isEnabled()
    assert dialog.replace_all() == 0
