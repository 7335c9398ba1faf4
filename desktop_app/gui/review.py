"""The Review pane: reviewers' comments brought back from a Word file, on their articles."""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import BulletinError
from desktop_app.core.model import plural

from . import dialogs
from .commands import SetNoteDoneCommand, SnapshotNotesCommand, notes_snapshot
from .document import Document
from .widgets import ContextMenus, WrappingDelegate

NOTE_ROLE = Qt.ItemDataRole.UserRole + 20


def comments_module():
    """The Word comment reader, or None while it is not part of this build."""
    try:
        return importlib.import_module("desktop_app.core.comments")
    except ImportError:
        return None


def import_comments(doc: Document, path: Path) -> tuple[int, list[str]]:
    """Read a reviewed Word file and add its comments as review notes, as one undo step.

    Returns the number of notes added and the reader's warnings; BulletinError for a file
    that cannot be read.
    """
    if doc.read_only:
        raise BulletinError("this issue is open read-only")
    module = comments_module()
    if module is None:
        raise BulletinError("reading Word comments is not part of this build")
    report = module.read_comments(path, doc.issue)
    before = notes_snapshot(doc.issue)
    added = module.apply_comments(doc.issue, report, path.name)
    if added:
        # The notes are in already; the command records before/after so undo takes them out.
        command = SnapshotNotesCommand(doc, before, f"import {added} comments")
        doc.push(command)
    return added, list(report.warnings)


class ReviewPane(QWidget):
    """Each comment under its article, with a box to tick when it is dealt with."""

    # An article and the words a comment is anchored to, to show them selected.
    open_article_requested = Signal(str, str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName("Review comments")
        self.summary = dialogs.plain_label("No reviewer comments. Use File \u25b8 Import reviewer "
                              "comments\u2026 to bring them in from a reviewed Word file.")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Reviewer comments")
        self.tree.setHeaderLabels(["Comment", "Reviewer", "On the words"])
        self.wrapping = WrappingDelegate(self.tree, (0, 2))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 220)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.itemActivated.connect(self._double_clicked)
        self.menus = ContextMenus(self.tree, self._context_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self._filling = False
        doc.notes_changed.connect(self.refresh)
        doc.loaded.connect(self.refresh)
        doc.structure_changed.connect(self.refresh)

    def _groups(self) -> list[tuple[str | None, str, list]]:
        groups = [(None, "The whole issue", self.doc.issue.review_notes)]
        groups += [(a.id, a.title or a.id, a.review_notes) for a in self.doc.issue.all_articles()]
        return [g for g in groups if g[2]]

    def refresh(self) -> None:
        """Show the notes; when only their done marks changed, update the boxes in place
        (the change may come from a box being ticked, whose item must not be deleted)."""
        rows = [(aid, n.key) for aid, _t, notes in self._groups() for n in notes]
        items = self.note_items()
        if rows and [tuple(i.data(0, NOTE_ROLE)) for i in items] == rows:
            self._filling = True
            done_by_key = {(aid, n.key): n.done for aid, _t, notes in self._groups()
                           for n in notes}
            for item in items:
                state = Qt.CheckState.Checked if done_by_key[tuple(item.data(0, NOTE_ROLE))] \
                    else Qt.CheckState.Unchecked
                if item.checkState(0) != state:
                    item.setCheckState(0, state)
            self._filling = False
            self._summarise(len(rows), sum(done_by_key.values()))
            return
        self._filling = True
        self.tree.clear()
        total = done = 0
        for article_id, title, notes in self._groups():
            parent = QTreeWidgetItem([title, "", ""])
            parent.setData(0, NOTE_ROLE, (article_id, None))
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            self.tree.addTopLevelItem(parent)
            for note in notes:
                text = note.text if not note.reply_to else f"\u21b3 {note.text}"
                item = QTreeWidgetItem([text, note.author, note.anchor])
                item.setData(0, NOTE_ROLE, (article_id, note.key))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                if self.doc.read_only:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(0, Qt.CheckState.Checked if note.done
                                   else Qt.CheckState.Unchecked)
                item.setToolTip(0, dialogs.plain_tooltip(f"{note.author} ({note.date}): "
                                                         f"{note.text}"))
                parent.addChild(item)
                total += 1
                done += note.done
            parent.setExpanded(True)
        self._filling = False
        self._summarise(total, done)

    def _summarise(self, total: int, done: int) -> None:
        if total:
            self.summary.setText(f"{plural(total, 'comment')}, {done} done. Tick a comment "
                                 "when it is dealt with; double-click it to see its words.")
        else:
            self.summary.setText("No reviewer comments. Use File \u25b8 Import reviewer "
                                 "comments\u2026 to bring them in from a reviewed Word file.")

    def note_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out.extend(top.child(j) for j in range(top.childCount()))
        return out

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        article_id, key = item.data(0, NOTE_ROLE)
        if key is None or self.doc.read_only:
            return
        done = item.checkState(0) == Qt.CheckState.Checked
        self.doc.push(SetNoteDoneCommand(self.doc, article_id, key, done))

    def _context_menu(self) -> QMenu:
        menu = QMenu(self.tree)
        item = self.tree.currentItem()
        note = item.data(0, NOTE_ROLE) if item is not None else None
        show = menu.addAction("Show the words in the article")
        show.setEnabled(bool(note and note[0]))
        show.triggered.connect(lambda: self._double_clicked(item, 0))
        if note and note[1] is not None:
            done = item.checkState(0) == Qt.CheckState.Checked
            mark = menu.addAction("Mark not done" if done else "Mark done")
            mark.setEnabled(not self.doc.read_only)
            mark.triggered.connect(lambda: item.setCheckState(
                0, Qt.CheckState.Unchecked if done else Qt.CheckState.Checked))
        return menu

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        article_id, key = item.data(0, NOTE_ROLE)
        if article_id:
            anchor = next((n.anchor for n in self.doc.issue.article(article_id).review_notes
                           if n.key == key), "") if key else ""
            self.open_article_requested.emit(article_id, anchor)

    def import_from(self, path: Path) -> int:
        """Import a reviewed file, telling the user what happened; the count added."""
        try:
            added, warnings = import_comments(self.doc, path)
        except BulletinError as exc:
            dialogs.show_error(self, "Comments not imported", str(exc))
            return 0
        message = f"{plural(added, 'new comment')} from {path.name}."
        if warnings:
            message += "\n\n" + "\n".join(warnings[:8])
        dialogs.show_info(self, "Reviewer comments", message)
        return added
