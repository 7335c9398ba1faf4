"""The Articles pool pane: articles not placed yet, with a filter box.

Like the structure pane it only says what the user chose (``article_chosen``) and what was
dropped on it from a file manager (``files_dropped``); the window does the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .document import Document
from .pool_model import PoolFilter, PoolModel
from .widgets import ContextMenus, allow_moves, select_current_on_focus

ROWS = QItemSelectionModel.SelectionFlag.Rows
CLEAR_AND_SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect


class PoolView(QTreeView):
    """The pool's list; tabbing into it selects the current article (or the first), so Ctrl+M
    and Delete act on the article that is shown."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        select_current_on_focus(self, rows=True)


class PoolPane(QWidget):
    """Unplaced articles; emits what the user chose."""

    article_chosen = Signal(str)
    files_dropped = Signal(list)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName("Articles pool")
        self.model = PoolModel(doc, self)
        self.filter = PoolFilter(self)
        self.filter.setSourceModel(self.model)
        self.view = PoolView()
        self.view.setAccessibleName("Articles pool")
        self.view.setAccessibleDescription(
            "Articles not placed yet. Ctrl+M moves one to a section, Delete deletes it "
            "(Ctrl+Z brings it back), the Menu key or Shift+F10 shows what else can be done.")
        self.view.setModel(self.filter)
        self.view.setRootIsDecorated(False)
        allow_moves(self.view)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentChanged.connect(self._current)
        # Queued: the import (and its report dialog) runs after the drop has finished.
        self.model.files_dropped.connect(self.files_dropped, Qt.ConnectionType.QueuedConnection)
        self.filter_box = QLineEdit()
        self.filter_box.setAccessibleName("Filter the pool")
        self.filter_box.setPlaceholderText("Filter the pool (Ctrl+F)")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.filter.setFilterFixedString)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view)
        self.menu_actions: list[QAction | None] = []  # filled by the window
        self.menus = ContextMenus(self.view, self.context_menu)

    def _current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        article = self.model.article_at(self.filter.mapToSource(current).row())
        if article is not None:
            self.article_chosen.emit(article.id)

    def selected_article_ids(self) -> list[str]:
        rows = sorted(self.filter.mapToSource(i).row()
                      for i in self.view.selectionModel().selectedRows())
        return [self.model.article_at(r).id for r in rows if self.model.article_at(r)]

    def select_article(self, article_id: str) -> bool:
        """Make a pool article current and selected; False if it is not in the pool (or the
        filter hides it)."""
        row = self.model.row_of(article_id)
        if row < 0:
            return False
        proxy = self.filter.mapFromSource(self.model.index(row, 0))
        if not proxy.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(proxy, CLEAR_AND_SELECT | ROWS)
        self.view.scrollTo(proxy)
        return True

    def clear_selection(self) -> None:
        self.view.selectionModel().clearSelection()

    def focus_filter(self) -> None:
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    def context_menu(self) -> QMenu:
        menu = QMenu(self.view)
        for action in self.menu_actions:
            menu.addSeparator() if action is None else menu.addAction(action)
        return menu
