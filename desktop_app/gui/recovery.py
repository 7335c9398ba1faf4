"""Autosave to a recovery file every minute while there are unsaved edits, and the restore
offer after a crash."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from desktop_app.core import recovery as core
from desktop_app.core.errors import BulletinError

from . import dialogs, paths
from .document import Document

AUTOSAVE_MS = 60_000


class RecoveryManager(QObject):
    """Writes the recovery file on a timer and removes it once the work is saved."""

    def __init__(self, doc: Document, parent: QObject | None = None,
                 interval_ms: int = AUTOSAVE_MS) -> None:
        super().__init__(parent)
        self.doc = doc
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self.last_error = ""
        doc.undo_stack.cleanChanged.connect(self._clean_changed)

    def directory(self) -> Path:
        return paths.recovery_dir()

    def autosave(self) -> Path | None:
        """Write the recovery file if there are unsaved edits; its path, or None."""
        if not self.doc.modified or self.doc.read_only:
            return None
        try:
            return core.write_recovery(self.directory(), self.doc.folder, self.doc.issue)
        except OSError as exc:
            # Autosave must never interrupt the user; the status bar shows the reason.
            self.last_error = f"autosave failed: {exc.strerror or exc}"
            return None

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()

    def discard(self) -> None:
        core.discard_recovery(self.directory(), self.doc.folder)

    def pending(self) -> core.Recovery | None:
        """A recovery file left by a session that did not close normally."""
        if self.doc.read_only:
            return None
        return core.find_recovery(self.directory(), self.doc.folder)


def ask_restore(parent: QWidget, found: core.Recovery) -> bool:
    """Ask whether to restore unsaved work (tests replace this)."""
    return dialogs.ask_restore(parent, found.saved_at.replace("T", " "))


def offer_restore(parent: QWidget, manager: RecoveryManager) -> bool:
    """If a recovery file exists for the open issue, offer it; True if restored."""
    found = manager.pending()
    if found is None:
        return False
    if not ask_restore(parent, found):
        manager.discard()
        return False
    folder = manager.doc.folder if manager.doc.folder is not None else found.folder
    try:
        issue = core.load_recovery(found, folder)
    except BulletinError as exc:
        dialogs.show_error(parent, "Cannot restore", f"The recovery file is damaged: {exc}")
        return False
    manager.doc.replace_issue(issue)
    return True
