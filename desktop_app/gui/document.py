"""The open issue as the window sees it: the core issue, where it lives, and its undo stack.

A QObject (for signals and the QUndoStack) but no widgets: tests drive it directly. Changes go
through ``push`` so each one can be undone; the signals tell the panes what to refresh.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop_app.core.errors import BulletinError
from desktop_app.core.locking import IssueLock, IssueLocked, LockInfo, acquire_lock
from desktop_app.core.model import Issue, new_issue
from desktop_app.core.storage import (
    IMAGES_DIR,
    ISSUE_FILE,
    IssueFile,
    SourceMap,
    image_file,
    load_issue,
    save_issue,
)


class Document(QObject):
    """One open issue: model, folder, digest at load, lock and undo history."""

    structure_changed = Signal()
    article_changed = Signal(str)
    section_changed = Signal(str)  # a section's title or intro
    settings_changed = Signal()
    notes_changed = Signal()
    loaded = Signal()
    changed = Signal()  # any change at all: the preview and problems listen to this

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.issue: Issue = new_issue()
        self.folder: Path | None = None
        self.digest: str | None = None
        self.source = SourceMap()
        self.warnings: list[str] = []
        self.lock: IssueLock | None = None
        self.locked_by: LockInfo | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._index_changed)

    def _index_changed(self, _index: int) -> None:
        self.changed.emit()

    # ---- state -------------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.locked_by is not None

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def push(self, command: QUndoCommand) -> None:
        """Do a change through the undo stack; refused while the issue is read-only."""
        if self.read_only:
            raise BulletinError("this issue is open read-only")
        self.undo_stack.push(command)

    # ---- files --------------------------------------------------------------------------------

    def open(self, folder: Path | str) -> None:
        """Load an issue folder; IssueFileError leaves the current issue as it was."""
        loaded = load_issue(folder)
        self._take(loaded)

    def _take(self, loaded: IssueFile) -> None:
        self.release()
        self.issue = loaded.issue
        self.folder = loaded.folder.resolve()
        self.digest = loaded.digest
        self.source = loaded.source
        self.warnings = list(loaded.warnings)
        self.locked_by = None
        try:
            self.lock = acquire_lock(self.folder)
        except IssueLocked as exc:
            self.locked_by = exc.holder
        except OSError:
            self.lock = None  # a read-only folder: editing is allowed, saving will say why not
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.loaded.emit()
        self.changed.emit()

    def new(self) -> None:
        """A fresh, unsaved issue with the standard sections."""
        self.release()
        self.issue, self.folder, self.digest = new_issue(), None, None
        self.source, self.warnings, self.locked_by = SourceMap(), [], None
        self.undo_stack.clear()
        self.loaded.emit()
        self.changed.emit()

    def replace_issue(self, issue: Issue) -> None:
        """Take a restored issue (from a recovery file) as unsaved edits of this folder."""
        self.issue = issue
        self.undo_stack.clear()
        # Restored work is not on disk yet: mark it unsaved by leaving no clean state.
        self.undo_stack.resetClean()
        self.loaded.emit()
        self.changed.emit()

    def reload(self) -> None:
        """Read the folder again, dropping edits."""
        if self.folder is not None:
            self.open(self.folder)

    def save(self) -> None:
        """Save to the folder it came from; ChangedOnDiskError if someone else changed it."""
        if self.folder is None:
            raise BulletinError("this issue has no folder yet: use Save As")
        if self.read_only:
            raise BulletinError("this issue is open read-only")
        self.digest = save_issue(self.issue, self.folder, expected_digest=self.digest)
        self.undo_stack.setClean()
        self.changed.emit()

    def save_as(self, folder: Path | str) -> None:
        """Save into another folder, copying the pictures the issue uses; it becomes this one."""
        target = Path(folder).resolve()
        target.mkdir(parents=True, exist_ok=True)
        if self.folder is not None and target != self.folder:
            (target / IMAGES_DIR).mkdir(exist_ok=True)
            for article in self.issue.all_articles():
                for image in article.images:
                    src = image_file(self.folder, image)
                    dst = image_file(target, image)
                    if src.is_file() and not dst.exists():
                        dst.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copy2(src, dst)
        digest = save_issue(self.issue, target / ISSUE_FILE)
        self.release()
        self.folder, self.digest, self.locked_by = target, digest, None
        with contextlib.suppress(IssueLocked, OSError):
            self.lock = acquire_lock(target)
        self.undo_stack.setClean()
        self.loaded.emit()
        self.changed.emit()

    def release(self) -> None:
        """Give up the lock (on close or when another issue is opened)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def display_name(self) -> str:
        if self.folder is None:
            return "Untitled issue"
        return self.folder.name
