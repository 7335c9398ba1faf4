"""The articles pool: submitted articles not yet placed, with their status, and a filter.

The pool takes two kinds of drop: the app's own article ids (moving articles back from the
structure) and Word or Markdown files from a file manager, which it hands to the window to
import exactly as File \u25b8 Import articles\u2026 does.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from .document import Document
from .importing import URI_LIST, dropped_files
from .paths import MIME_TYPE
from .structure_model import (
    ID_ROLE,
    ROOT,
    DragItems,
    decode_items,
    encode_items,
    push_article_moves,
)

COLUMNS = ("Title", "Status")


class PoolModel(QAbstractTableModel):
    """The pool as a table: title and status; drags carry article ids."""

    # Files dropped from outside to import (the window imports them once the drop is over).
    files_dropped = Signal(list)

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        doc.structure_changed.connect(self.refresh)
        doc.loaded.connect(self.refresh)

    def refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.doc.issue.pool)

    def columnCount(self, parent: QModelIndex = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def article_at(self, row: int):
        return self.doc.issue.pool[row] if 0 <= row < len(self.doc.issue.pool) else None

    def row_of(self, article_id: str) -> int:
        for row, article in enumerate(self.doc.issue.pool):
            if article.id == article_id:
                return row
        return -1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        article = self.article_at(index.row()) if index.isValid() else None
        if article is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (article.title.strip() or f"({article.id})") if index.column() == 0 \
                else article.status.label
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{article.title or article.id}: {article.status.label}"
        if role == ID_ROLE:
            return article.id
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.doc.read_only:
            return base
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        # A file manager offers to copy its files; articles within the app are moved.
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE, URI_LIST]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_items(DragItems(articles=[self.doc.issue.pool[r].id for r in rows]))

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: QModelIndex) -> bool:
        if self.doc.read_only:
            return False
        if not data.hasFormat(MIME_TYPE):
            return dropped_files(data) is not None
        items = decode_items(data)
        if items is None or items.sections:
            return False  # a section cannot go into the pool
        return all(a in self.doc.issue.used_ids() for a in items.articles)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: QModelIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if not data.hasFormat(MIME_TYPE):
            files = dropped_files(data)
            assert files is not None
            self.files_dropped.emit([str(p) for p in files])
            return True
        items = decode_items(data)
        assert items is not None
        if row < 0 and parent.isValid():
            row = parent.row()  # dropped onto an article: take its place
        return push_article_moves(self.doc, items.articles, None, row)

    def removeRows(self, row: int, count: int, parent: QModelIndex = ROOT) -> bool:  # noqa: N802
        return False  # the drop's command already moved the article


class PoolFilter(QSortFilterProxyModel):
    """Filters the pool by words in the title or status; keeps the pool's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
