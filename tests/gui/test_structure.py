"""Dragging articles and sections: through the model and through real drop events."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.gui.paths import MIME_TYPE
from desktop_app.gui.structure_model import DragItems, encode_items


def titles(section) -> list[str]:
    return [a.id for a in section.articles]


def test_drop_pool_article_into_section_then_undo_and_redo(window):
    issue = window.doc.issue
    model = window.structure_model
    moved = issue.pool[1].id
    target = issue.section("whats-new")
    before_pool = [a.id for a in issue.pool]
    before_section = titles(target)
    data = window.pool_model.mimeData([window.pool_model.index(1, 0)])
    parent = model.index_of_section("whats-new")

    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 1, 0, parent)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, parent)

    assert titles(target) == before_section[:1] + [moved] + before_section[1:]
    assert moved not in [a.id for a in issue.pool]
    assert window.isWindowModified()
    # The tree shows it where the model has it.
    shown = model.index_of_article(moved)
    assert shown.parent() == model.index_of_section("whats-new") and shown.row() == 1
    window.doc.undo_stack.undo()
    assert titles(target) == before_section
    assert [a.id for a in issue.pool] == before_pool
    assert not window.isWindowModified()
    window.doc.undo_stack.redo()
    assert titles(target)[1] == moved


def test_impossible_drops_are_refused(window):
    model = window.structure_model
    move = Qt.DropAction.MoveAction
    section_drag = model.mimeData([model.index_of_section("prevent")])
    article_id = window.doc.issue.section("prevent").articles[0].id
    article_drag = model.mimeData([model.index_of_article(article_id)])
    a_section = model.index_of_section("feedback")
    an_article = model.index_of_article(article_id)

    assert not model.canDropMimeData(section_drag, move, 0, 0, a_section)  # section in section
    assert not model.canDropMimeData(section_drag, move, -1, 0, an_article)
    assert not model.canDropMimeData(article_drag, move, 2, 0, QModelIndex())  # onto the root
    assert not model.canDropMimeData(article_drag, move, -1, 0, an_article)  # onto an article
    assert model.canDropMimeData(section_drag, move, 0, 0, QModelIndex())
    assert model.canDropMimeData(article_drag, move, 0, 0, a_section)

    foreign = QMimeData()
    foreign.setText("local-profiles-review")
    assert not model.canDropMimeData(foreign, move, 0, 0, a_section)
    unknown = encode_items(DragItems(articles=["no-such-article"]))
    assert not model.canDropMimeData(unknown, move, 0, 0, a_section)
    junk = QMimeData()
    junk.setData(MIME_TYPE, b"{not json")
    assert not model.canDropMimeData(junk, move, 0, 0, a_section)
    # A refused drop changes nothing and leaves nothing to undo.
    assert not model.dropMimeData(section_drag, move, 0, 0, a_section)
    assert window.doc.undo_stack.count() == 0
    # The pool refuses a section.
    assert not window.pool_model.canDropMimeData(section_drag, move, 0, 0, QModelIndex())


def test_reorder_articles_and_sections(window):
    issue = window.doc.issue
    model = window.structure_model
    centre = issue.section("from-the-centre")
    first, second, third = titles(centre)
    drag = model.mimeData([model.index_of_article(first)])
    # Drop the first article after the last one in the same section.
    assert model.dropMimeData(drag, Qt.DropAction.MoveAction, 3, 0,
                              model.index_of_section("from-the-centre"))
    assert titles(centre) == [second, third, first]
    window.doc.undo_stack.undo()
    assert titles(centre) == [first, second, third]

    order = [s.id for s in issue.sections]
    drag = model.mimeData([model.index_of_section("feedback")])
    assert model.dropMimeData(drag, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert [s.id for s in issue.sections] == [order[0], "feedback"] + \
        [s for s in order[1:] if s != "feedback"]
    window.doc.undo_stack.undo()
    assert [s.id for s in issue.sections] == order


def test_several_articles_keep_their_order_when_dropped_together(window):
    issue = window.doc.issue
    model = window.structure_model
    ids = [a.id for a in issue.pool[:2]]
    drag = window.pool_model.mimeData([window.pool_model.index(0, 0),
                                       window.pool_model.index(1, 0)])
    assert model.dropMimeData(drag, Qt.DropAction.MoveAction, -1, 0,
                              model.index_of_section("feedback"))
    assert titles(issue.section("feedback"))[-2:] == ids
    window.doc.undo_stack.undo()  # one step for the whole drop
    assert [a.id for a in issue.pool[:2]] == ids


def _send_drop(view, data: QMimeData, point: QPoint) -> QDropEvent:
    viewport = view.viewport()
    pos = QPointF(point)
    actions = Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(viewport, QDragEnterEvent(pos, actions, data, buttons, mods))
    QApplication.sendEvent(viewport, QDragMoveEvent(pos, actions, data, buttons, mods))
    drop = QDropEvent(pos, actions, data, buttons, mods)
    QApplication.sendEvent(viewport, drop)
    return drop


def test_real_drop_event_on_the_tree_view(window, qtbot):
    issue = window.doc.issue
    moved = issue.pool[0].id
    data = window.pool_model.mimeData([window.pool_model.index(0, 0)])
    section_index = window.structure_model.index_of_section("protection")
    window.tree.scrollTo(section_index)
    rect = window.tree.visualRect(section_index)
    assert rect.isValid()

    drop = _send_drop(window.tree, data, rect.center())

    assert drop.isAccepted()
    assert titles(issue.section("protection"))[-1] == moved
    window.doc.undo_stack.undo()
    assert issue.pool[0].id == moved


def test_real_drop_of_an_article_back_onto_the_pool_view(window):
    issue = window.doc.issue
    article = issue.section("prevent").articles[0].id
    data = window.structure_model.mimeData([window.structure_model.index_of_article(article)])
    viewport = window.pool_view.viewport()
    # Below the last row: the empty part of the pool.
    _send_drop(window.pool_view, data, QPoint(20, viewport.height() - 5))
    assert issue.pool[-1].id == article
    assert window.doc.issue.find_article(article)[0] is None


def test_real_drop_of_a_section_into_a_section_is_refused(window):
    issue = window.doc.issue
    order = [s.id for s in issue.sections]
    model = window.structure_model
    data = model.mimeData([model.index_of_section("feedback")])
    rect = window.tree.visualRect(model.index_of_section("welcome"))
    _send_drop(window.tree, data, rect.center())
    assert [s.id for s in issue.sections] == order
    assert window.doc.undo_stack.count() == 0


def test_delete_key_returns_the_selected_article_to_the_pool(window, qtbot):
    issue = window.doc.issue
    article = issue.section("disruptions").articles[1].id
    window.select_article(article)
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert issue.pool[-1].id == article
    window.doc.undo_stack.undo()
    assert issue.section("disruptions").articles[1].id == article


def test_sections_added_renamed_removed_with_undo(window, isolated):
    issue = window.doc.issue
    count = len(issue.sections)
    window.tree.setCurrentIndex(window.structure_model.index_of_section("welcome"))
    isolated.values["ask_text"] = "Case studies"
    window.add_section()
    assert issue.sections[1].title == "Case studies"
    window.tree.setCurrentIndex(window.structure_model.index_of_section(issue.sections[1].id))
    isolated.values["ask_text"] = "Case studies and lessons"
    window.rename_section()
    assert issue.sections[1].title == "Case studies and lessons"
    prevent = issue.section("prevent")
    held = titles(prevent)
    window.tree.setCurrentIndex(window.structure_model.index_of_section("prevent"))
    window.remove_section()
    assert "prevent" not in [s.id for s in issue.sections]
    assert [a.id for a in issue.pool][-len(held):] == held
    for _ in range(3):
        window.doc.undo_stack.undo()
    assert len(issue.sections) == count and titles(issue.section("prevent")) == held


def test_every_action_is_in_a_menu_with_the_standard_shortcuts(window):
    in_menus = set()
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            in_menus.add(action)
    for action in window.findChildren(type(window.act_save)):
        if action.text() and action.parent() is window and not action.isSeparator():
            assert action in in_menus or action.menu() is not None, action.text()
    shortcuts = {a.shortcut().toString() for a in in_menus}
    for key in ("Ctrl+S", "Ctrl+O", "Ctrl+Q", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+E", "Ctrl+F",
                "Del"):
        assert key in shortcuts, key
