"""Undo commands: every change to an issue goes through one of these.

Each command calls a core operation (or sets a field) in ``redo`` and restores the exact
previous state in ``undo``, then tells the document what changed so the panes refresh.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop_app.core import model
from desktop_app.core.articles import final_index_arg
from desktop_app.core.fileio import write_bytes_atomic
from desktop_app.core.model import Article, Issue, Section

from .document import Document

# Ids for mergeWith: typing into one field is one undo step, not one per key.
_MERGE_ARTICLE_FIELD = 1001
_MERGE_ARTICLE_LIST = 1002
_MERGE_ISSUE_FIELD = 1003


class MoveArticleCommand(QUndoCommand):
    """Move an article to a section (None: the pool) at a drop position."""

    def __init__(self, doc: Document, article_id: str, section_id: str | None, index: int,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(parent)
        self.doc, self.article_id, self.section_id, self.index = doc, article_id, section_id, index
        section, old = doc.issue.find_article(article_id)
        self.old_section = section.id if section else None
        self.old_index = old
        title = doc.issue.article(article_id).title or article_id
        where = doc.issue.section(section_id).title if section_id else "the pool"
        self.setText(f"move '{title}' to {where}")

    def redo(self) -> None:
        model.move_article(self.doc.issue, self.article_id, self.section_id, self.index)
        self.doc.structure_changed.emit()

    def undo(self) -> None:
        index = final_index_arg(self.doc.issue, self.article_id, self.old_section,
                                 self.old_index)
        model.move_article(self.doc.issue, self.article_id, self.old_section, index)
        self.doc.structure_changed.emit()


class MoveSectionCommand(QUndoCommand):
    """Move a section to a drop position among the sections."""

    def __init__(self, doc: Document, section_id: str, index: int) -> None:
        super().__init__()
        self.doc, self.section_id, self.index = doc, section_id, index
        self.old_index = doc.issue.section_index(section_id)
        self.setText(f"move section '{doc.issue.section(section_id).title}'")

    def redo(self) -> None:
        model.move_section(self.doc.issue, self.section_id, self.index)
        self.doc.structure_changed.emit()

    def undo(self) -> None:
        now = self.doc.issue.section_index(self.section_id)
        target = self.old_index + 1 if now < self.old_index else self.old_index
        model.move_section(self.doc.issue, self.section_id, target)
        self.doc.structure_changed.emit()


class AddSectionCommand(QUndoCommand):
    """Add an empty section."""

    def __init__(self, doc: Document, title: str, index: int | None = None) -> None:
        super().__init__(f"add section '{title.strip()}'")
        self.doc, self.title, self.index = doc, title, index
        self.section: Section | None = None
        if not title.strip():
            raise ValueError("A section needs a title")

    def redo(self) -> None:
        if self.section is None:
            self.section = model.add_section(self.doc.issue, self.title, self.index)
        else:  # redo after undo: put back the same section, same id
            at = len(self.doc.issue.sections) if self.index is None else self.index
            self.doc.issue.sections.insert(at, self.section)
        self.doc.structure_changed.emit()

    def undo(self) -> None:
        assert self.section is not None
        self.doc.issue.sections.remove(self.section)
        self.doc.structure_changed.emit()


class RenameSectionCommand(QUndoCommand):
    def __init__(self, doc: Document, section_id: str, title: str) -> None:
        super().__init__(f"rename section to '{title.strip()}'")
        if not title.strip():
            raise ValueError("A section needs a title")
        self.doc, self.section_id, self.title = doc, section_id, title
        self.old = doc.issue.section(section_id).title

    def redo(self) -> None:
        model.rename_section(self.doc.issue, self.section_id, self.title)
        self.doc.structure_changed.emit()

    def undo(self) -> None:
        self.doc.issue.section(self.section_id).title = self.old
        self.doc.structure_changed.emit()


class RemoveSectionCommand(QUndoCommand):
    """Remove a section; its articles go back to the pool (and return on undo)."""

    def __init__(self, doc: Document, section_id: str) -> None:
        section = doc.issue.section(section_id)
        super().__init__(f"remove section '{section.title}'")
        self.doc, self.section_id = doc, section_id
        self.index = doc.issue.section_index(section_id)
        self.section = section
        self.count = len(section.articles)

    def redo(self) -> None:
        model.remove_section(self.doc.issue, self.section_id)
        self.doc.structure_changed.emit()

    def undo(self) -> None:
        pool = self.doc.issue.pool
        returned = pool[len(pool) - self.count:] if self.count else []
        del pool[len(pool) - self.count:]
        self.section.articles = returned
        self.doc.issue.sections.insert(self.index, self.section)
        self.doc.structure_changed.emit()


class SetArticleFieldCommand(QUndoCommand):
    """Set a plain field of an article: title, standfirst, body or status."""

    FIELDS = ("title", "standfirst", "body", "status")

    def __init__(self, doc: Document, article_id: str, field: str, value: Any,
                 merge_key: object = None) -> None:
        if field not in self.FIELDS:
            raise ValueError(f"not an article field: {field}")
        super().__init__(f"edit {field}")
        self.doc, self.article_id, self.field, self.value = doc, article_id, field, value
        self.old = getattr(doc.issue.article(article_id), field)
        # Edits with the same key are one undo step: a word, or a burst of typing.
        self.merge_key = merge_key

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_ARTICLE_FIELD

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, SetArticleFieldCommand) or self.merge_key is None:
            return False
        if (other.article_id, other.field, other.merge_key) != (self.article_id, self.field,
                                                               self.merge_key):
            return False
        self.value = other.value
        return True

    def _set(self, value: Any) -> None:
        setattr(self.doc.issue.article(self.article_id), self.field, value)
        self.doc.article_changed.emit(self.article_id)
        if self.field in ("title", "status"):
            self.doc.structure_changed.emit()

    def redo(self) -> None:
        self._set(self.value)

    def undo(self) -> None:
        self._set(self.old)


class SetArticleListCommand(QUndoCommand):
    """Replace one of an article's lists: pull quotes, contacts, images, callouts or notes.

    One command type covers add, edit, reorder and remove; ``merge_key`` lets a run of typing
    into one field of one item be one undo step.
    """

    LISTS = ("pull_quotes", "contacts", "images", "callouts", "notes", "review_notes")

    def __init__(self, doc: Document, article_id: str, attr: str, items: list,
                 text: str = "", merge_key: object = None) -> None:
        if attr not in self.LISTS:
            raise ValueError(f"not an article list: {attr}")
        super().__init__(text or f"edit {attr.replace('_', ' ')}")
        self.doc, self.article_id, self.attr = doc, article_id, attr
        self.items = copy.deepcopy(items)
        self.old = copy.deepcopy(getattr(doc.issue.article(article_id), attr))
        self.merge_key = merge_key

    def id(self) -> int:  # noqa: A003
        return _MERGE_ARTICLE_LIST

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if (not isinstance(other, SetArticleListCommand) or self.merge_key is None
                or other.merge_key != self.merge_key
                or (other.article_id, other.attr) != (self.article_id, self.attr)):
            return False
        self.items = other.items
        return True

    def _set(self, items: list) -> None:
        setattr(self.doc.issue.article(self.article_id), self.attr, copy.deepcopy(items))
        self.doc.article_changed.emit(self.article_id)
        if self.attr == "review_notes":
            self.doc.notes_changed.emit()

    def redo(self) -> None:
        self._set(self.items)

    def undo(self) -> None:
        self._set(self.old)


class SetIssueFieldCommand(QUndoCommand):
    """Set an issue setting: edition, published, title, strapline, welcome, team contacts,
    or the theme (``export.theme``)."""

    FIELDS = ("edition", "published", "title", "strapline", "welcome", "team_contacts",
              "export.theme")

    def __init__(self, doc: Document, field: str, value: Any, merge_key: object = None) -> None:
        if field not in self.FIELDS:
            raise ValueError(f"not an issue setting: {field}")
        super().__init__(f"edit {field.replace('_', ' ').replace('export.', '')}")
        self.doc, self.field, self.merge_key = doc, field, merge_key
        self.value = copy.deepcopy(value)
        self.old = copy.deepcopy(self._get())

    def _owner(self) -> tuple[object, str]:
        if self.field == "export.theme":
            return self.doc.issue.export, "theme"
        return self.doc.issue, self.field

    def _get(self) -> Any:
        owner, name = self._owner()
        return getattr(owner, name)

    def id(self) -> int:  # noqa: A003
        return _MERGE_ISSUE_FIELD

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not (isinstance(other, SetIssueFieldCommand) and other.field == self.field
                and self.merge_key is not None and other.merge_key == self.merge_key):
            return False
        self.value = other.value
        return True

    def _set(self, value: Any) -> None:
        owner, name = self._owner()
        setattr(owner, name, copy.deepcopy(value))
        self.doc.settings_changed.emit()

    def redo(self) -> None:
        self._set(self.value)

    def undo(self) -> None:
        self._set(self.old)


def _find_note(issue: Issue, article_id: str | None, key: str) -> model.ReviewNote:
    notes = issue.article(article_id).review_notes if article_id else issue.review_notes
    for note in notes:
        if note.key == key:
            return note
    raise KeyError(key)


class SetNoteDoneCommand(QUndoCommand):
    """Mark a reviewer's comment done (or not done)."""

    def __init__(self, doc: Document, article_id: str | None, key: str, done: bool) -> None:
        super().__init__("mark comment done" if done else "mark comment not done")
        self.doc, self.article_id, self.key, self.done = doc, article_id, key, done
        self.old = _find_note(doc.issue, article_id, key).done

    def _set(self, done: bool) -> None:
        _find_note(self.doc.issue, self.article_id, self.key).done = done
        self.doc.notes_changed.emit()

    def redo(self) -> None:
        self._set(self.done)

    def undo(self) -> None:
        self._set(self.old)


class SnapshotNotesCommand(QUndoCommand):
    """Bring in reviewers' comments: the review notes of the whole issue before and after."""

    def __init__(self, doc: Document, before: dict, text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.before = before
        self.after = notes_snapshot(doc.issue)

    def redo(self) -> None:
        restore_notes(self.doc.issue, self.after)
        self.doc.notes_changed.emit()

    def undo(self) -> None:
        restore_notes(self.doc.issue, self.before)
        self.doc.notes_changed.emit()


def notes_snapshot(issue: Issue) -> dict[str | None, list]:
    """Every review note in the issue, by article id (None for the issue's own)."""
    snap: dict[str | None, list] = {None: copy.deepcopy(issue.review_notes)}
    for article in issue.all_articles():
        snap[article.id] = copy.deepcopy(article.review_notes)
    return snap


def restore_notes(issue: Issue, snap: dict[str | None, list]) -> None:
    issue.review_notes = copy.deepcopy(snap.get(None, []))
    for article in issue.all_articles():
        article.review_notes = copy.deepcopy(snap.get(article.id, []))


class SnapshotIssueCommand(QUndoCommand):
    """A change already made to the whole issue (an import): the issue before and after, and
    the picture files the change wrote.

    Undo puts the issue back as it was and deletes those pictures (keeping their bytes) unless
    the issue was saved with them; redo puts the changed issue back and writes any missing
    picture again. The issue object itself is kept
    (its fields are restored in place), so panes and tests holding it stay valid.
    """

    def __init__(self, doc: Document, before: Issue, text: str,
                 pictures: list[Path] | tuple[Path, ...] = ()) -> None:
        super().__init__(text)
        self.doc = doc
        self.before = before
        self.after = issue_snapshot(doc.issue)
        # The bytes are read now, while the files are certainly the import's own.
        self.pictures = {Path(p): Path(p).read_bytes() for p in pictures if Path(p).is_file()}

    def redo(self) -> None:
        for path, data in self.pictures.items():
            if not path.exists():
                # A folder gone read-only: the issue still names the picture, and Problems
                # will say it is missing, which is better than a redo that half happens.
                with contextlib.suppress(OSError):
                    path.parent.mkdir(parents=True, exist_ok=True)
                    write_bytes_atomic(path, data)
        restore_issue(self.doc.issue, self.after)
        self._tell()

    def undo(self) -> None:
        restore_issue(self.doc.issue, self.before)
        stack = self.doc.undo_stack
        # While undoing, the stack's index is just past this command: a clean index at or
        # beyond it means the issue file on disk was saved with this change and names these
        # pictures, so they stay (an unused picture is harmless; a missing one is not).
        if stack.cleanIndex() < stack.index():
            for path in self.pictures:
                with contextlib.suppress(OSError):
                    path.unlink()
        self._tell()

    def _tell(self) -> None:
        self.doc.structure_changed.emit()
        self.doc.settings_changed.emit()
        self.doc.notes_changed.emit()


def issue_snapshot(issue: Issue) -> Issue:
    """A deep copy of the whole issue, to go back to."""
    return copy.deepcopy(issue)


def restore_issue(issue: Issue, snap: Issue) -> None:
    """Make ``issue`` equal to ``snap`` field by field, keeping the ``issue`` object."""
    for item in dataclasses.fields(issue):
        setattr(issue, item.name, copy.deepcopy(getattr(snap, item.name)))


def article_title(article: Article) -> str:
    return article.title.strip() or article.id
