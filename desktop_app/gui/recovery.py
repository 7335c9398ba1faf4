"""Autosave to a recovery file every minute while there are unsaved edits, and the restore
offer after a crash.

If ``issue.yaml`` changed after the edits were kept, restoring them over it would lose that
change: the offer then says so, and offers the saved file, the edits as a copy beside it, or a
comparison article by article.
"""

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
            return core.write_recovery(self.directory(), self.doc.folder, self.doc.issue,
                                       base_digest=self.doc.digest)
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
    folder = manager.doc.folder if manager.doc.folder is not None else found.folder
    changed = core.changed_since(found, folder) if manager.doc.folder is not None else None
    if changed is not None:
        return _offer_after_change(parent, manager, found, folder, changed)
    if not ask_restore(parent, found):
        manager.discard()
        return False
    try:
        issue = core.load_recovery(found, folder)
    except BulletinError as exc:
        dialogs.show_error(parent, "Cannot restore", f"The recovery file is damaged: {exc}")
        return False
    manager.doc.replace_issue(issue)
    return True


def _offer_after_change(parent: QWidget, manager: RecoveryManager, found: core.Recovery,
                        folder: Path, changed: str) -> bool:
    """The file moved on after the edits were kept: never restore over it. Always False."""
    while True:
        choice = dialogs.ask_restore_changed(parent, found.saved_at.replace("T", " "), changed)
        try:
            if choice == dialogs.COMPARE:
                mine = core.load_recovery(found, folder)
                dialogs.show_report(
                    parent, "Your kept changes and the saved file",
                    "What differs between the saved issue file (open now) and the changes kept "
                    "when the editor stopped, article by article:",
                    core.compare_issues(manager.doc.issue, mine))
                continue
            if choice == dialogs.RESTORE_COPY:
                target = core.restore_as_copy(found, folder)
                manager.discard()
                dialogs.show_info(parent, "Changes restored as a copy",
                                  f"Your kept changes are now an issue of their own:\n{target}\n\n"
                                  "The window shows the saved file. Open the copy with File "
                                  "\u25b8 Open to carry on there or to copy articles across.")
                return False
        except (BulletinError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            dialogs.show_error(parent, "Cannot restore", f"The kept changes could not be "
                               f"restored: {reason}")
            return False
        if choice == dialogs.OPEN_SAVED:
            manager.discard()
        return False  # Cancel keeps the recovery file: it is offered again next time
