"""Undo commands for making and deleting articles, editing a section, and replacing words.

Like ``commands``, each calls a core operation in ``redo``, puts back exactly what was there in
``undo``, and tells the document what changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop_app.core import articles
from desktop_app.core.find import Change, apply_changes
from desktop_app.core.model import Article, plural

from .document import Document

_MERGE_SECTION_FIELD = 1101


class AddArticleCommand(QUndoCommand):
    """Put a new article (made, copied or from a template) into a section or the pool."""

    def __init__(self, doc: Document, article: Article, section_id: str | None,
                 index: int | None = None, text: str = "") -> None:
        super().__init__(text or f"new article '{article.title}'")
        self.doc, self.article, self.section_id, self.index = doc, article, section_id, index

    def redo(self) -> None:
        articles.insert_article(self.doc.issue, self.article, self.section_id, self.index)
        self.doc.structure_changed.emit()

    def undo(self) -> None:
        articles.remove_article(self.doc.issue, self.article.id)
        self.doc.structure_changed.emit()


class DeleteArticleCommand(QUndoCommand):
    """Delete an article from the pool (a placed one must be returned to the pool first)."""

    def __init__(self, doc: Document, article_id: str) -> None:
        section, _ = doc.issue.find_article(article_id)
        if section is not None:
            raise ValueError("only an article in the pool can be deleted")
        title = doc.issue.article(article_id).title or article_id
        super().__init__(f"delete '{title}'")
        self.doc, self.article_id = doc, article_id
        self.article: Article | None = None
        self.index = 0

    def redo(self) -> None:
        self.article, self.index = articles.delete_from_pool(self.doc.issue, self.article_id)
        self.doc.structure_changed.emit()

    def undo(self) -> None:
        assert self.article is not None
        articles.insert_article(self.doc.issue, self.article, None, self.index)
        self.doc.structure_changed.emit()


class SetSectionFieldCommand(QUndoCommand):
    """Set a section's title or intro; typing in one is one undo step per word."""

    FIELDS = ("title", "intro")

    def __init__(self, doc: Document, section_id: str, field: str, value: str,
                 merge_key: object = None) -> None:
        if field not in self.FIELDS:
            raise ValueError(f"not a section field: {field}")
        super().__init__(f"edit section {field}")
        self.doc, self.section_id, self.field, self.value = doc, section_id, field, value
        self.old = getattr(doc.issue.section(section_id), field)
        self.merge_key = merge_key

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_SECTION_FIELD

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, SetSectionFieldCommand) or self.merge_key is None or \
                (other.section_id, other.field, other.merge_key) != (
                    self.section_id, self.field, self.merge_key):
            return False
        self.value = other.value
        return True

    def _set(self, value: Any) -> None:
        setattr(self.doc.issue.section(self.section_id), self.field, value)
        self.doc.section_changed.emit(self.section_id)
        if self.field == "title":
            self.doc.structure_changed.emit()

    def redo(self) -> None:
        self._set(self.value)

    def undo(self) -> None:
        self._set(self.old)


class ReplaceTextCommand(QUndoCommand):
    """Replace words in many places at once (find and replace): one undo step for them all."""

    def __init__(self, doc: Document, changes: list[Change], count: int) -> None:
        super().__init__(f"replace {plural(count, 'match', 'matches')}")
        self.doc, self.changes = doc, changes

    def _tell(self) -> None:
        places = {c.place for c in self.changes}
        for article_id in sorted({p.article_id for p in places if p.article_id}):
            self.doc.article_changed.emit(article_id)
        for section_id in sorted({p.section_id for p in places
                                  if p.section_id and not p.article_id}):
            self.doc.section_changed.emit(section_id)
        if any(p.field == "title" for p in places):
            self.doc.structure_changed.emit()
        if any(p.article_id is None and p.section_id is None for p in places):
            self.doc.settings_changed.emit()

    def redo(self) -> None:
        apply_changes(self.doc.issue, self.changes)
        self._tell()

    def undo(self) -> None:
        apply_changes(self.doc.issue, self.changes, undo=True)
        self._tell()
