"""Small shared pieces of the window: undo keys routed to the app's undo stack, undo groups
for typing, and context menus that open from the mouse, the Menu key and Shift+F10."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QMenu,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextEdit,
    QTreeView,
    QWidget,
)

from desktop_app.core.typing_groups import TypingGroups, diff


class AppUndoKeys(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the window's undo stack from inside text fields.

    Text widgets claim those keys for their own little undo history; that history does not
    know about the issue, so the shortcut override is refused here and the app's action runs.
    """

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride:
            if event.matches(QKeySequence.StandardKey.Undo) or \
                    event.matches(QKeySequence.StandardKey.Redo):
                return True
        return False


_UNDO_KEYS = AppUndoKeys()

# Which edits of a text field share an undo step (a word, or a burst of typing). One for the
# whole app: only one field is typed in at a time, and a new field always starts a new step.
TYPING = TypingGroups()


def route_undo_keys(widget: QWidget) -> None:
    """Send the undo keys of a text widget to the app's undo stack."""
    widget.installEventFilter(_UNDO_KEYS)
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.setUndoRedoEnabled(False)


def typing_group(field: object, old: str, new: str) -> tuple[int, int]:
    """The undo group of an edit of a plain text field from ``old`` to ``new``."""
    return (id(field), TYPING.group(field, diff(old, new)))


class ContextMenus(QObject):
    """A context menu on a widget, opened by the right mouse button, the Menu key or
    Shift+F10; from the keyboard it opens at the current item, not where the mouse is.

    ``build`` makes the menu (or None for no menu); it is shown without blocking, so a test
    finds it as the active popup and triggers its actions.
    """

    def __init__(self, widget: QWidget, build: Callable[[], QMenu | None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.build = build
        self.menu: QMenu | None = None
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        target = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
        target.installEventFilter(self)
        widget.installEventFilter(self)
        action = QAction("Context menu", widget)
        action.setShortcuts([QKeySequence("Shift+F10"), QKeySequence(Qt.Key.Key_Menu)])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda: self.open_at(self.keyboard_point()))
        widget.addAction(action)

    def keyboard_point(self) -> QPoint:
        """Where a menu opened from the keyboard goes: by the current item, in global terms."""
        widget = self.widget
        if isinstance(widget, QAbstractItemView):
            index = widget.currentIndex()
            if index.isValid():
                rect = widget.visualRect(index)
                if rect.isValid() and widget.viewport().rect().intersects(rect):
                    return widget.viewport().mapToGlobal(rect.bottomLeft() + QPoint(8, 0))
            return widget.viewport().mapToGlobal(QPoint(8, 8))
        return widget.mapToGlobal(widget.rect().center())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ContextMenu:
            if self.menu is not None and self.menu.isVisible():
                return True  # the Menu key's shortcut has opened it already
            if event.reason() == QContextMenuEvent.Reason.Mouse:
                self._choose_under(event.globalPos())
                self.open_at(event.globalPos())
            else:
                self.open_at(self.keyboard_point())
            return True
        return False

    def _choose_under(self, point: QPoint) -> None:
        """A right click on an item not selected makes it the one the menu is about."""
        view = self.widget
        if not isinstance(view, QAbstractItemView):
            return
        index = view.indexAt(view.viewport().mapFromGlobal(point))
        if index.isValid() and not view.selectionModel().isSelected(index):
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def open_at(self, point: QPoint) -> QMenu | None:
        if self.menu is not None and self.menu.isVisible():
            return self.menu  # one key press, one menu (Qt may also send its own event)
        menu = self.build()
        if menu is None or menu.isEmpty():
            return None
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.destroyed.connect(lambda _obj=None: setattr(self, "menu", None))
        self.menu = menu
        menu.popup(point)
        return menu


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text in a column (Qt's tree views measure text unwrapped
    and cut long lines off), laid out again whenever a column changes width."""

    def __init__(self, view: QTreeView, columns: tuple[int, ...]) -> None:
        super().__init__(view)
        self.view = view
        self.columns = columns
        for column in columns:
            view.setItemDelegateForColumn(column, self)
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        view.header().sectionResized.connect(
            lambda column, _old, _new: column in self.columns and view.doItemsLayout())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        width = self.view.columnWidth(index.column()) - 10
        if width <= 0 or not shown.text:
            return hint
        box = shown.fontMetrics.boundingRect(QRect(0, 0, width, 100_000),
                                             int(Qt.TextFlag.TextWordWrap), shown.text)
        return QSize(hint.width(), max(hint.height(), box.height() + 6))


def select_current_on_focus(view: QAbstractItemView, rows: bool = False) -> None:
    """When the keyboard comes into a list with nothing selected, select the current item
    (or the first), so the keys that act on a selection act on what is shown."""
    model = view.model()
    if model is None or view.selectionModel().hasSelection() or not model.rowCount():
        return
    index = view.currentIndex() if view.currentIndex().isValid() else model.index(0, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    if rows:
        flags |= QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(index, flags)


def allow_moves(view: QAbstractItemView) -> None:
    """Several items chosen at once, dragged and dropped as moves, with the drop place drawn."""
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    view.setDefaultDropAction(Qt.DropAction.MoveAction)
    view.setDragEnabled(True)
    view.setAcceptDrops(True)
    view.setDropIndicatorShown(True)
