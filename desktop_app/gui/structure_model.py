"""A thin Qt item model over the issue's sections and their articles.

The model holds no state of its own: every answer is read from ``doc.issue``. A section row has
internal id 0; an article row has internal id ``section_row + 1``, so ``parent()`` needs no
pointers. Drags carry only ids, under the app's own MIME type; a drop becomes an undo command
that calls the core's ``move_article`` or ``move_section``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QObject, Qt

from desktop_app.core.articles import plan_article_moves
from desktop_app.core.model import Status, plural

from .commands import MoveArticleCommand, MoveSectionCommand
from .document import Document
from .paths import MIME_TYPE

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
SECTION, ARTICLE = "section", "article"
ROOT = QModelIndex()  # the invisible root, as a default argument


@dataclass
class DragItems:
    """What a drag carries: article ids or section ids, never both."""

    articles: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)


def encode_items(items: DragItems) -> QMimeData:
    data = QMimeData()
    payload = json.dumps({"articles": items.articles, "sections": items.sections})
    data.setData(MIME_TYPE, QByteArray(payload.encode("utf-8")))
    return data


def decode_items(data: QMimeData | None) -> DragItems | None:
    """The ids in a drag, or None if it is not one of ours or is malformed."""
    if data is None or not data.hasFormat(MIME_TYPE):
        return None
    try:
        raw = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        articles = [str(a) for a in raw.get("articles", [])]
        sections = [str(s) for s in raw.get("sections", [])]
    except (ValueError, AttributeError, TypeError):
        return None
    if bool(articles) == bool(sections):
        return None  # nothing, or a mixture that no single drop can place
    return DragItems(articles, sections)


def push_article_moves(doc: Document, article_ids: list[str], section_id: str | None,
                       row: int) -> bool:
    """Move articles to a place as one undo step; False if any id is unknown."""
    try:
        plan = plan_article_moves(doc.issue, article_ids, section_id, row)
    except KeyError:
        return False
    stack = doc.undo_stack
    if len(plan) > 1:
        stack.beginMacro(f"move {len(plan)} articles")
    for aid, index in plan:
        doc.push(MoveArticleCommand(doc, aid, section_id, index))
    if len(plan) > 1:
        stack.endMacro()
    return True


class StructureModel(QAbstractItemModel):
    """Sections (top level) and their articles, read live from the document."""

    def __init__(self, doc: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        doc.structure_changed.connect(self.refresh)
        doc.loaded.connect(self.refresh)

    def refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    # ---- shape ---------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex = ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        sections = self.doc.issue.sections
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(sections) else QModelIndex()
        if parent.internalId() == 0 and parent.row() < len(sections):
            if row < len(sections[parent.row()].articles):
                return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: QModelIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex = ROOT) -> int:  # noqa: N802
        sections = self.doc.issue.sections
        if not parent.isValid():
            return len(sections)
        if parent.internalId() == 0 and parent.row() < len(sections):
            return len(sections[parent.row()].articles)
        return 0

    def columnCount(self, parent: QModelIndex = ROOT) -> int:  # noqa: N802
        return 1

    # ---- lookups -------------------------------------------------------------------------------

    def kind(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        return SECTION if index.internalId() == 0 else ARTICLE

    def section_at(self, index: QModelIndex):
        if self.kind(index) == SECTION:
            return self.doc.issue.sections[index.row()]
        if self.kind(index) == ARTICLE:
            return self.doc.issue.sections[index.internalId() - 1]
        return None

    def article_at(self, index: QModelIndex):
        if self.kind(index) != ARTICLE:
            return None
        return self.doc.issue.sections[index.internalId() - 1].articles[index.row()]

    def index_of_section(self, section_id: str) -> QModelIndex:
        for row, section in enumerate(self.doc.issue.sections):
            if section.id == section_id:
                return self.index(row, 0)
        return QModelIndex()

    def index_of_article(self, article_id: str) -> QModelIndex:
        for srow, section in enumerate(self.doc.issue.sections):
            for row, article in enumerate(section.articles):
                if article.id == article_id:
                    return self.index(row, 0, self.index(srow, 0))
        return QModelIndex()

    # ---- data ----------------------------------------------------------------------------------

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        article = self.article_at(index)
        if article is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                title = article.title.strip() or f"({article.id})"
                return title if article.status is Status.READY else \
                    f"{title}  \u2014 {article.status.label}"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{article.title or article.id}: {article.status.label}"
            if role == ID_ROLE:
                return article.id
            if role == KIND_ROLE:
                return ARTICLE
            return None
        section = self.section_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{section.title or section.id}  ({len(section.articles)})"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"Section {section.title}: {plural(len(section.articles), 'article')}"
        if role == Qt.ItemDataRole.FontRole:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return section.id
        if role == KIND_ROLE:
            return SECTION
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.doc.read_only:
            return base
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if self.kind(index) == SECTION:
            base |= Qt.ItemFlag.ItemIsDropEnabled
        return base

    # ---- drag and drop -------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        items = DragItems()
        for index in sorted(indexes, key=lambda i: (self.kind(i) or "", i.internalId(),
                                                    i.row())):
            if self.kind(index) == ARTICLE:
                items.articles.append(self.article_at(index).id)
            elif self.kind(index) == SECTION:
                items.sections.append(self.section_at(index).id)
        if items.articles and items.sections:
            items.sections = []  # a mixed selection drags its articles only
        return encode_items(items)

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: QModelIndex) -> bool:
        if self.doc.read_only or action not in (Qt.DropAction.MoveAction,
                                                Qt.DropAction.CopyAction):
            return False
        items = decode_items(data)
        if items is None:
            return False
        known = self.doc.issue.used_ids()
        if any(i not in known for i in items.articles + items.sections):
            return False
        kind = self.kind(parent)
        if items.sections:
            return kind is None  # sections only go between sections, never inside one
        return kind == SECTION  # articles only go into a section, never onto the root

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: QModelIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        items = decode_items(data)
        assert items is not None
        if items.sections:
            index = row if row >= 0 else len(self.doc.issue.sections)
            stack = self.doc.undo_stack
            if len(items.sections) > 1:
                stack.beginMacro(f"move {len(items.sections)} sections")
            for offset, sid in enumerate(items.sections):
                self.doc.push(MoveSectionCommand(self.doc, sid, index + offset))
            if len(items.sections) > 1:
                stack.endMacro()
            return True
        section = self.section_at(parent)
        return push_article_moves(self.doc, items.articles, section.id, row)

    def removeRows(self, row: int, count: int, parent: QModelIndex = ROOT) -> bool:  # noqa: N802
        # The view asks the source to remove dragged rows after a move; the drop's command
        # has already moved them, so there is nothing left to remove.
        return False
