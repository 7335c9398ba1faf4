"""Keyboard and screen readers: context menus from the Menu key and Shift+F10, F6 between
panes, tabbing into the pool, a sensible tab order, a name for every control, focus shown; and
every question to the user asked through dialogs.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
GUI = Path(__file__).resolve().parents[2] / "desktop_app" / "gui"


def focus(window, widget, qtbot):
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def menu_texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def open_menu(view, qtbot, how: str) -> QMenu:
    """Open a view's context menu the way a user would: Shift+F10, the Menu key, a click."""
    if how == "shift+f10":
        qtbot.keyClick(view, Qt.Key.Key_F10, SHIFT)
    elif how == "menu key":
        qtbot.keyClick(view, Qt.Key.Key_Menu)
    else:
        rect = view.visualRect(view.currentIndex())
        point = rect.center()
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                  view.viewport().mapToGlobal(point))
        QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    return QApplication.activePopupWidget()


@pytest.mark.parametrize("how", ["shift+f10", "menu key", "mouse"])
def test_the_structure_has_a_context_menu_for_sections_and_articles(window, qtbot, how,
                                                                     isolated):
    window.select_section("prevent")
    focus(window, window.tree, qtbot)
    menu = open_menu(window.tree, qtbot, how)
    assert menu_texts(menu)[:4] == ["New article in this section\u2026", "Add section\u2026",
                                    "Rename section\u2026", "Remove section"]
    # The menu opens by the current item, not wherever the mouse happens to be.
    item = window.tree.visualRect(window.tree.currentIndex())
    assert abs(menu.pos().y() - window.tree.viewport().mapToGlobal(item.bottomLeft()).y()) < 40
    menu.close()
    window.select_article("operation-flint")
    focus(window, window.tree, qtbot)
    menu = open_menu(window.tree, qtbot, how)
    assert "Return article to the pool" in menu_texts(menu)
    assert "Move article to section\u2026" in menu_texts(menu)
    isolated.values["ask_item"] = 0
    next(a for a in menu.actions() if a.text().startswith("&Move article")).trigger()
    menu.close()
    assert window.doc.issue.sections[0].articles[-1].id == "operation-flint"


def test_the_pool_and_element_lists_have_context_menus(window, qtbot, isolated):
    window.select_article(window.doc.issue.pool[0].id)
    focus(window, window.pool_view, qtbot)
    menu = open_menu(window.pool_view, qtbot, "shift+f10")
    assert menu_texts(menu)[:3] == ["New article\u2026", "New article from a template\u2026",
                                    "Move article to section\u2026"]
    assert "Delete article" in menu_texts(menu)
    menu.close()
    window.select_article("local-profiles-review")
    quotes = window.editor.quotes
    quotes.select(0)
    focus(window, quotes.list, qtbot)
    qtbot.keyClick(quotes.list, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu_texts(menu) == ["Add a pull quote", "Remove this pull quote", "Move up",
                                "Move down"]
    menu.close()


def test_tabbing_into_the_pool_selects_the_article_so_ctrl_m_moves_it(window, qtbot,
                                                                      isolated):
    issue = window.doc.issue
    first = issue.pool[0].id
    window.pool.clear_selection()
    focus(window, window.pool.filter_box, qtbot)
    qtbot.keyClick(window.pool.filter_box, Qt.Key.Key_Tab)
    assert window.pool_view.hasFocus()
    assert window.pool.selected_article_ids() == [first]
    assert window.editor.article_id == first
    isolated.values["ask_item"] = [s.id for s in issue.sections].index("whats-new")
    qtbot.keyClick(window.pool_view, Qt.Key.Key_M, CTRL)
    assert issue.section("whats-new").articles[-1].id == first


def test_f6_and_shift_f6_go_round_the_panes(window, qtbot):
    window.select_article("operation-flint")
    focus(window, window.tree, qtbot)
    order = []
    for _ in range(6):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F6)
        order.append(window.focusWidget())
    assert order == [window.pool_view, window.editor.title, window.preview.pages,
                     window.problems.tree, window.tree, window.pool_view]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F6, SHIFT)
    assert window.focusWidget() is window.tree
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F6, SHIFT)
    assert window.focusWidget() is window.problems.tree
    # A hidden pane is skipped.
    window.pool_dock.hide()
    focus(window, window.tree, qtbot)
    qtbot.keyClick(window.tree, Qt.Key.Key_F6)
    assert window.focusWidget() is window.editor.title


def test_the_article_editor_tabs_in_reading_order(window, qtbot):
    window.select_article("operation-flint")
    focus(window, window.editor.title, qtbot)
    seen = [window.focusWidget()]
    for _ in range(4):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
    editor = window.editor
    assert seen[:4] == [editor.title, editor.standfirst, editor.status, editor.body.edit]


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
            QTextEdit, QPlainTextEdit)


def test_every_control_has_a_name_for_screen_readers(window, qtbot):
    nameless = set()
    window.select_article("local-profiles-review")
    for state in ("article", "section", "welcome", "settings"):
        if state == "section":
            window.select_section("prevent")
        elif state == "welcome":
            window.select_section("welcome")
        elif state == "settings":
            window.tabs.setCurrentWidget(window.settings_pane)
        for tab in range(window.editor.tabs.count()) if state == "article" else [0]:
            window.editor.tabs.setCurrentIndex(tab)
            for widget in window.findChildren(QWidget):
                if not isinstance(widget, CONTROLS) or not widget.isVisible() or \
                        widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
                    continue
                if isinstance(widget.parentWidget(), CONTROLS):
                    continue  # the text box inside a spin box or combo box
                if not accessible_name(widget).strip():
                    nameless.add(f"{type(widget).__name__} {widget.objectName()} "
                                 f"{getattr(widget, 'text', lambda: '')()!r} in "
                                 f"{type(widget.parentWidget()).__name__}")
    assert sorted(nameless) == []


def test_focus_is_drawn_where_the_keyboard_is(window, qtbot):
    focus(window, window.pool_view, qtbot)
    unfocused = window.tree.grab().toImage()
    focus(window, window.tree, qtbot)
    focused = window.tree.grab().toImage()
    edge = [(x, 1) for x in range(5, unfocused.width() - 5, 7)]
    assert any(unfocused.pixel(x, y) != focused.pixel(x, y) for x, y in edge)


def test_no_pane_asks_the_user_anything_except_through_dialogs_py():
    direct = re.compile(r"\b(QMessageBox|QFileDialog|QInputDialog)\.(?!Icon|StandardButton|"
                        r"ButtonRole)\w+\(")
    found = []
    for path in sorted(GUI.glob("*.py")):
        if path.name == "dialogs.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if direct.search(line):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == []


def test_window_context_menu_point_is_inside_the_view(window):
    point = window.structure.menus.keyboard_point()
    top_left = window.tree.viewport().mapToGlobal(QPoint(0, 0))
    assert point.x() >= top_left.x() and point.y() >= top_left.y()


def test_problems_and_review_lists_have_context_menus(window, qtbot, tmp_path):
    from desktop_app.core.model import ReviewNote

    window.doc.issue.article("operation-flint").contacts[0].email = "nope"
    window.problems.refresh()
    window.problems_dock.raise_()
    tree = window.problems.tree
    tree.setCurrentItem(next(i for i in window.problems.items() if "nope" in i.text(1)))
    focus(window, tree, qtbot)
    qtbot.keyClick(tree, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu_texts(menu) == ["Go to it", "Fix", "Fix all of this kind", "Check again"]
    menu.actions()[0].trigger()
    menu.close()
    assert window.editor.article_id == "operation-flint"
    window.doc.issue.article("operation-flint").review_notes = [
        ReviewNote(key="k1", author="Sam", text="Check the figure", anchor="Hollins Dale")]
    window.doc.notes_changed.emit()
    window.review_dock.raise_()
    review = window.review.tree
    review.setCurrentItem(window.review.note_items()[0])
    focus(window, review, qtbot)
    qtbot.keyClick(review, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu_texts(menu) == ["Show the words in the article", "Mark done"]
    menu.actions()[1].trigger()
    menu.close()
    assert window.doc.issue.article("operation-flint").review_notes[0].done
