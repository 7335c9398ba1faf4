"""The Issue structure pane: sections and their articles in a tree, with its buttons.

It owns its tree and says upward what the user chose (``article_chosen``, ``section_chosen``);
the window decides what that opens. Its context menu is made of the window's own actions, so
the menu, the keys and the menu bar always do the same thing.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QAction, QFocusEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .document import Document
from .structure_model import ID_ROLE, StructureModel
from .widgets import ContextMenus, allow_moves, select_current_on_focus


class StructureView(QTreeView):
    """The tree; tabbing into it selects the current row, so the keys act on what is shown."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        select_current_on_focus(self)


class StructurePane(QWidget):
    """Sections and articles; emits what the user chose."""

    article_chosen = Signal(str)
    section_chosen = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName("Issue structure")
        self.model = StructureModel(doc, self)
        self.tree = StructureView()
        self.tree.setAccessibleName("Issue structure")
        self.tree.setAccessibleDescription(
            "Sections and their articles. Enter opens, Delete returns an article to the pool, "
            "Ctrl+Up and Ctrl+Down move it, the Menu key or Shift+F10 shows what else can be "
            "done.")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        allow_moves(self.tree)
        self.tree.selectionModel().currentChanged.connect(self._current)
        self.tree.collapsed.connect(lambda i: self._collapsed.add(i.data(ID_ROLE)))
        self.tree.expanded.connect(lambda i: self._collapsed.discard(i.data(ID_ROLE)))
        self._collapsed: set[str] = set()
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(4)
        for key, label, name in (("add", "Add section", "Add a section"),
                                 ("rename", "Rename", "Rename the section"),
                                 ("remove", "Remove", "Remove the section")):
            button = QPushButton(label)
            button.setAccessibleName(name)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(row)
        layout.addWidget(self.tree)
        # Filled by the window: the actions offered on a section, on an article, and on the
        # empty part of the tree.
        self.menu_actions: dict[str, list[QAction | None]] = {"section": [], "article": [],
                                                              "none": []}
        self.menus = ContextMenus(self.tree, self.context_menu)
        doc.structure_changed.connect(self.restore_expansion)
        doc.loaded.connect(self._loaded)

    # ---- what is chosen ------------------------------------------------------------------------

    def _current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article = self.model.article_at(current)
        if article is not None:
            self.article_chosen.emit(article.id)
        elif current.isValid():
            section = self.model.section_at(current)
            if section is not None:
                self.section_chosen.emit(section.id)

    def selected_article_ids(self) -> list[str]:
        """Articles selected in the tree, in the tree's order."""
        indexes = sorted(self.tree.selectionModel().selectedIndexes(),
                         key=lambda i: (i.parent().row(), i.row()))
        return [self.model.article_at(i).id for i in indexes
                if self.model.article_at(i) is not None]

    def current_section_id(self) -> str | None:
        """The section that is current, or holds the current article."""
        section = self.model.section_at(self.tree.currentIndex())
        return section.id if section is not None else None

    def current_article_id(self) -> str | None:
        article = self.model.article_at(self.tree.currentIndex())
        return article.id if article is not None else None

    def select_article(self, article_id: str) -> bool:
        """Make an article current and selected (expanding its section); False if not here."""
        index = self.model.index_of_article(article_id)
        if not index.isValid():
            return False
        self.tree.setExpanded(index.parent(), True)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.tree.scrollTo(index)
        return True

    def select_section(self, section_id: str) -> bool:
        index = self.model.index_of_section(section_id)
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.tree.scrollTo(index)
        return True

    def clear_selection(self) -> None:
        self.tree.selectionModel().clearSelection()

    # ---- showing -------------------------------------------------------------------------------

    def _loaded(self) -> None:
        self._collapsed.clear()
        self.restore_expansion()

    def restore_expansion(self) -> None:
        """After the model is rebuilt, sections stay open or closed as the user left them."""
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            self.tree.setExpanded(index, index.data(ID_ROLE) not in self._collapsed)

    def context_menu(self) -> QMenu:
        index = self.tree.currentIndex()
        kind = self.model.kind(index) or "none"
        menu = QMenu(self.tree)
        for action in self.menu_actions.get(kind, []):
            menu.addSeparator() if action is None else menu.addAction(action)
        return menu
