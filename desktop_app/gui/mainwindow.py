"""The editor's main window: docks, menus, actions and shortcuts, wired to the document.

Panes signal what the user wants; the window decides what happens (open an article, save,
ask a question). Questions go through ``dialogs`` so tests can answer them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.directory import directory_path
from desktop_app.core.errors import BulletinError, ChangedOnDiskError
from desktop_app.core.storage import ISSUE_FILE, copy_demo
from desktop_app.core.validate import Problem

from . import dialogs, paths
from .article_editor import ArticleEditor
from .commands import (
    AddSectionCommand,
    MoveArticleCommand,
    MoveSectionCommand,
    RemoveSectionCommand,
    RenameSectionCommand,
)
from .directory_dialog import DirectoryDialog
from .document import Document
from .export_dialog import ExportDialog
from .importing import FILE_FILTER, import_and_report
from .pool_model import PoolFilter, PoolModel
from .preview import PreviewPane
from .problems import ProblemsPane, problem_element_index
from .recovery import RecoveryManager, offer_restore
from .review import ReviewPane, choose_reviewed_file
from .settings_pane import SettingsPane
from .structure_model import ID_ROLE, StructureModel

MAX_RECENT = 8
ISSUE_FIELDS = {"title", "published", "welcome", "team_contacts", "strapline", "edition"}


def make_demo_copy() -> Path:
    """The working copy of the demo in the user's documents, made on first use."""
    target = paths.demo_copy_dir()
    if not (target / ISSUE_FILE).is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        copy_demo(target)
    return target


class MainWindow(QMainWindow):
    """The editor window over one open issue."""

    def __init__(self) -> None:
        super().__init__()
        self.doc = Document(self)
        self.recovery = RecoveryManager(self.doc, self)
        self.export_dialog: ExportDialog | None = None
        self.setObjectName("MainWindow")
        self.setDockNestingEnabled(True)
        self._build_panes()
        self._build_actions()
        self._build_menus()
        self.doc.undo_stack.cleanChanged.connect(self._update_title)
        self.doc.loaded.connect(self._loaded)
        self.doc.structure_changed.connect(self._structure_changed)
        self._update_title()
        self._update_actions()
        from .proofing import install_proofing  # spelling underlines, Problems pane jumps

        self.spelling = install_proofing(self)

    # ---- building ------------------------------------------------------------------------------

    def _build_panes(self) -> None:
        self.banner = dialogs.plain_label()  # it shows names and keys from the issue file
        self.banner.setAccessibleName("Notice")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: palette(tooltip-base); "
                                  "color: palette(tooltip-text); padding: 6px; }")
        self.banner.hide()
        self.editor = ArticleEditor(self.doc)
        self.editor.directory_requested.connect(self.edit_directory)
        self.settings_pane = SettingsPane(self.doc)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Editor")
        self.tabs.addTab(self.editor, "Article")
        self.tabs.addTab(self.settings_pane, "Issue settings")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        # Issue structure: sections and their articles.
        self.structure_model = StructureModel(self.doc, self)
        self.tree = QTreeView()
        self.tree.setAccessibleName("Issue structure")
        self.tree.setModel(self.structure_model)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.selectionModel().currentChanged.connect(self._tree_current)
        self.tree.collapsed.connect(lambda i: self._collapsed.add(i.data(ID_ROLE)))
        self.tree.expanded.connect(lambda i: self._collapsed.discard(i.data(ID_ROLE)))
        self._collapsed: set[str] = set()
        structure = QWidget()
        s_layout = QVBoxLayout(structure)
        s_layout.setContentsMargins(2, 2, 2, 2)
        buttons = QHBoxLayout()
        self.section_buttons: dict[str, QPushButton] = {}
        for key, label in (("add", "Add section"), ("rename", "Rename"),
                           ("remove", "Remove")):
            button = QPushButton(label)
            button.setAccessibleName(f"{label} section" if key != "add" else label)
            buttons.addWidget(button)
            self.section_buttons[key] = button
        buttons.addStretch(1)
        s_layout.addLayout(buttons)
        s_layout.addWidget(self.tree)
        self.structure_dock = self._dock("Issue structure", structure,
                                         Qt.DockWidgetArea.LeftDockWidgetArea)

        # The pool: unplaced articles, with a filter box.
        self.pool_model = PoolModel(self.doc, self)
        self.pool_filter = PoolFilter(self)
        self.pool_filter.setSourceModel(self.pool_model)
        self.pool_view = QTreeView()
        self.pool_view.setAccessibleName("Articles pool")
        self.pool_view.setModel(self.pool_filter)
        self.pool_view.setRootIsDecorated(False)
        self.pool_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.pool_view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.pool_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.pool_view.setDragEnabled(True)
        self.pool_view.setAcceptDrops(True)
        self.pool_view.setDropIndicatorShown(True)
        header = self.pool_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.pool_view.selectionModel().currentChanged.connect(self._pool_current)
        # Queued: the import (and its report dialog) runs after the drop has finished.
        self.pool_model.files_dropped.connect(self.import_files,
                                              Qt.ConnectionType.QueuedConnection)
        self.filter_box = QLineEdit()
        self.filter_box.setAccessibleName("Filter the pool")
        self.filter_box.setPlaceholderText("Filter the pool (Ctrl+F)")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.pool_filter.setFilterFixedString)
        pool = QWidget()
        p_layout = QVBoxLayout(pool)
        p_layout.setContentsMargins(2, 2, 2, 2)
        p_layout.addWidget(self.filter_box)
        p_layout.addWidget(self.pool_view)
        self.pool_dock = self._dock("Articles pool", pool, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.splitDockWidget(self.structure_dock, self.pool_dock, Qt.Orientation.Vertical)

        self.preview = PreviewPane(self.doc)
        self.preview_dock = self._dock("Preview", self.preview,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.problems = ProblemsPane(self.doc)
        self.problems.jump_requested.connect(self.jump_to_problem)
        self.problems_dock = self._dock("Problems", self.problems,
                                        Qt.DockWidgetArea.BottomDockWidgetArea)
        self.review = ReviewPane(self.doc)
        self.review.open_article_requested.connect(self.select_article)
        self.review_dock = self._dock("Review", self.review,
                                      Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.problems_dock, self.review_dock)
        self.problems_dock.raise_()
        self._docks_sized = False
        self.statusBar().setAccessibleName("Status")

    def size_docks(self) -> None:
        """Give the panes sensible shares of the window (once; a saved layout wins)."""
        self._docks_sized = True
        width, height = self.width(), self.height()
        self.resizeDocks([self.structure_dock, self.preview_dock],
                         [int(width * 0.22), int(width * 0.33)], Qt.Orientation.Horizontal)
        self.resizeDocks([self.problems_dock], [int(height * 0.14)], Qt.Orientation.Vertical)
        self.resizeDocks([self.structure_dock, self.pool_dock],
                         [int(height * 0.5), int(height * 0.22)], Qt.Orientation.Vertical)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._docks_sized:
            self.size_docks()

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.replace(" ", "") + "Dock")
        dock.setAccessibleName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_new = a("&New issue", self.new_issue, QKeySequence.StandardKey.New)
        self.act_open = a("&Open\u2026", self.choose_and_open, "Ctrl+O")
        self.act_demo = a("Open the &demo edition (working copy)", self.open_demo)
        self.act_save = a("&Save", self.save, "Ctrl+S")
        self.act_save_as = a("Save &As\u2026", self.save_as, "Ctrl+Shift+S")
        self.act_reload = a("&Reload from disk", self.reload)
        self.act_export = a("&Export\u2026", self.open_export_dialog, "Ctrl+E",
                            "Export the PDF and the Word file")
        self.act_import_articles = a("&Import articles\u2026", self.import_articles, "Ctrl+I",
                                     "Import Word (.docx) or Markdown (.md) articles into the "
                                     "pool")
        self.act_import_articles.setToolTip("Import Word or Markdown articles into the pool")
        self.act_import_comments = a("&Import reviewer comments\u2026", self.import_comments)
        self.act_quit = a("&Quit", self.close, "Ctrl+Q")
        self.act_undo = self.doc.undo_stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_redo = self.doc.undo_stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_filter = a("&Filter the pool", self.focus_filter, "Ctrl+F")
        self.act_to_pool = a("Return article to the &pool", self.return_to_pool, "Delete")
        # Delete only acts in the structure and pool lists; in a text field it deletes text.
        self.act_to_pool.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.tree.addAction(self.act_to_pool)
        self.pool_view.addAction(self.act_to_pool)
        self.act_move_to = a("&Move article to section\u2026", self.move_to_section, "Ctrl+M")
        self.act_article_up = a("Move article &up", lambda: self.move_article_by(-1),
                                "Ctrl+Up")
        self.act_article_down = a("Move article do&wn", lambda: self.move_article_by(1),
                                  "Ctrl+Down")
        self.act_add_section = a("&Add section\u2026", self.add_section)
        self.act_rename_section = a("&Rename section\u2026", self.rename_section, "F2")
        self.act_remove_section = a("Re&move section", self.remove_section)
        self.act_section_up = a("Move section u&p", lambda: self.move_section_by(-1),
                                "Ctrl+Shift+Up")
        self.act_section_down = a("Move section dow&n", lambda: self.move_section_by(1),
                                  "Ctrl+Shift+Down")
        self.act_directory = a("Team contact &directory\u2026", self.edit_directory)
        self.act_refresh = a("&Refresh preview", self.preview.rebuild_now, "F5")
        self.act_check = a("&Check for problems", self.problems.refresh, "F7")
        self.act_settings = a("Issue &settings", lambda: self.tabs.setCurrentWidget(
            self.settings_pane), "Ctrl+,")
        self.act_about = a("&About", self.about)
        self.section_buttons["add"].clicked.connect(self.add_section)
        self.section_buttons["rename"].clicked.connect(self.rename_section)
        self.section_buttons["remove"].clicked.connect(self.remove_section)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.act_new, self.act_open):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        for action in (self.act_demo, None, self.act_save, self.act_save_as, self.act_reload,
                       None, self.act_import_articles, self.act_export,
                       self.act_import_comments, None, self.act_quit):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = bar.addMenu("&Edit")
        for action in (self.act_undo, self.act_redo, None, self.act_filter, self.act_to_pool,
                       self.act_move_to, self.act_article_up, self.act_article_down, None,
                       self.act_directory):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        issue_menu = bar.addMenu("&Issue")
        for action in (self.act_add_section, self.act_rename_section, self.act_remove_section,
                       self.act_section_up, self.act_section_down, None, self.act_settings,
                       self.act_check):
            issue_menu.addSeparator() if action is None else issue_menu.addAction(action)
        view_menu = bar.addMenu("&View")
        for dock in (self.structure_dock, self.pool_dock, self.preview_dock,
                     self.problems_dock, self.review_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self.act_refresh)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_about)

    # ---- opening and saving --------------------------------------------------------------------

    def start(self, folder: Path | None = None, demo: bool = False) -> None:
        """What the app does at launch: a named folder, the demo, the last issue, or an offer."""
        if demo:
            self.open_demo()
            return
        if folder is not None:
            if self.open_folder(folder, at_start=True):
                return
        last = paths.settings().value("last_issue", "", str)
        if folder is None and last and (Path(last) / ISSUE_FILE).exists():
            if self.open_folder(Path(last), at_start=True):
                return
        if folder is None and dialogs.ask_use_demo(self, str(paths.demo_copy_dir())):
            self.open_demo()

    def open_demo(self) -> bool:
        try:
            target = make_demo_copy()
        except OSError as exc:
            dialogs.show_error(self, "Demo not copied",
                               f"The demo edition could not be copied: {exc.strerror or exc}")
            return False
        return self.open_folder(target)

    def maybe_keep_work(self) -> bool:
        """Before the work is dropped: ask, and save if asked. False to stop."""
        if not self.doc.modified:
            return True
        answer = dialogs.ask_unsaved(self, self.doc.display_name())
        if answer == dialogs.SAVE:
            return self.save()
        if answer == dialogs.DISCARD:
            self.recovery.discard()
            return True
        return False

    def open_folder(self, folder: Path | str, at_start: bool = False) -> bool:
        """Open an issue folder; a broken one is reported and the window carries on.

        At start (a named folder, or the last issue) the report offers another issue instead,
        so a broken last issue never stops the editor from starting.
        """
        if not self.maybe_keep_work():
            return False
        try:
            self.doc.open(folder)
        except BulletinError as exc:
            if at_start:
                if dialogs.ask_open_another(self, str(exc)):
                    self.choose_and_open()
                return self.doc.folder is not None
            dialogs.show_error(self, "Cannot open this issue", f"This issue cannot be opened.\n\n"
                               f"{exc}")
            return False
        self._remember(self.doc.folder)
        offer_restore(self, self.recovery)
        return True

    def choose_and_open(self) -> None:
        start = str(self.doc.folder.parent) if self.doc.folder else str(paths.documents_dir())
        chosen = dialogs.ask_open_folder(self, start)
        if chosen:
            self.open_folder(Path(chosen))

    def new_issue(self) -> None:
        if self.maybe_keep_work():
            self.doc.new()

    def reload(self) -> None:
        if self.doc.folder is None:
            return
        if self.doc.modified and not dialogs.ask_confirm(
                self, "Reload", "Reload the issue from disk and lose the unsaved edits?"):
            return
        self.recovery.discard()
        self.doc.undo_stack.setClean()  # so open_folder does not ask again
        self.open_folder(self.doc.folder)

    def save(self) -> bool:
        """Save; on a refusal, keep the edits and offer Save As. True once saved."""
        if self.doc.read_only:
            dialogs.show_error(self, "Read-only", "This issue is open read-only; use Save As "
                               "to keep your own copy.")
            return False
        if self.doc.folder is None:
            return self.save_as()
        try:
            self.doc.save()
        except ChangedOnDiskError as exc:
            choice = dialogs.ask_changed_on_disk(self, str(exc))
            if choice == dialogs.SAVE_AS:
                return self.save_as()
            if choice == dialogs.RELOAD:
                self.recovery.discard()
                self.doc.undo_stack.setClean()
                self.open_folder(self.doc.folder)
            return False
        except (BulletinError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            if dialogs.ask_save_failed(self, reason):
                return self.save_as()
            return False
        self.statusBar().showMessage(f"Saved {self.doc.folder / ISSUE_FILE}", 5000)
        return True

    def save_as(self) -> bool:
        start = str(self.doc.folder.parent) if self.doc.folder else str(paths.documents_dir())
        chosen = dialogs.ask_save_as_folder(self, start)
        if not chosen:
            return False
        target = Path(chosen)
        if (target / ISSUE_FILE).exists() and target.resolve() != self.doc.folder and \
                not dialogs.ask_confirm(self, "Replace?",
                                        f"{target} already holds an issue. Replace it?"):
            return False
        old_folder = self.doc.folder
        try:
            self.doc.save_as(target)
        except (BulletinError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            dialogs.show_error(self, "Not saved", f"The issue could not be saved in {target}: "
                               f"{reason}\n\nYour edits are kept in the window.")
            return False
        from desktop_app.core.recovery import discard_recovery

        discard_recovery(self.recovery.directory(), old_folder)
        self._remember(self.doc.folder)
        self.statusBar().showMessage(f"Saved {self.doc.folder / ISSUE_FILE}", 5000)
        return True

    def _remember(self, folder: Path | None) -> None:
        if folder is None:
            return
        store = paths.settings()
        recent = [str(folder)] + [p for p in (store.value("recent", [], list) or [])
                                  if p != str(folder)]
        store.setValue("recent", recent[:MAX_RECENT])
        store.setValue("last_issue", str(folder))

    def recent_issues(self) -> list[str]:
        return [p for p in (paths.settings().value("recent", [], list) or [])
                if (Path(p) / ISSUE_FILE).is_file()]

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_issues()
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_folder(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.maybe_keep_work():
            event.ignore()
            return
        for timer in (self.recovery.timer, self.preview.timer, self.problems.timer):
            timer.stop()  # no new background work for a window that is going away
        self.doc.release()
        store = paths.settings()
        store.setValue("geometry", self.saveGeometry())
        store.setValue("window_state", self.saveState())
        event.accept()

    # ---- after changes -------------------------------------------------------------------------

    def _loaded(self) -> None:
        self._collapsed.clear()
        self._structure_changed()
        self._update_title()
        self._update_actions()
        if self.doc.locked_by is not None:
            self.banner.setText(
                f"Read-only: this issue is open in another copy of the editor: "
                f"{self.doc.locked_by.describe()}. You can read it and export it; use "
                "Save As to keep your own copy.")
            self.banner.show()
        elif self.doc.warnings:
            self.banner.setText("Opened with notes: " + "; ".join(self.doc.warnings[:3]))
            self.banner.show()
        else:
            self.banner.hide()
        self.preview.rebuild_now()

    def _structure_changed(self) -> None:
        current = self.editor.article_id
        for row in range(self.structure_model.rowCount()):
            index = self.structure_model.index(row, 0)
            self.tree.setExpanded(index, index.data(ID_ROLE) not in self._collapsed)
        if current is not None:
            self._select_in_views(current, show=False)

    def _update_title(self) -> None:
        read_only = " (read-only)" if self.doc.read_only else ""
        self.setWindowTitle(f"{self.doc.display_name()}[*]{read_only} \u2014 SOC Bulletin "
                            "Editor")
        self.setWindowModified(self.doc.modified)

    def _update_actions(self) -> None:
        editable = not self.doc.read_only
        for action in (self.act_save, self.act_to_pool, self.act_move_to, self.act_add_section,
                       self.act_rename_section, self.act_remove_section, self.act_section_up,
                       self.act_section_down, self.act_article_up, self.act_article_down,
                       self.act_import_comments, self.act_import_articles):
            action.setEnabled(editable)
        for button in self.section_buttons.values():
            button.setEnabled(editable)
        self.act_reload.setEnabled(self.doc.folder is not None)

    # ---- selection -----------------------------------------------------------------------------

    def _tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article = self.structure_model.article_at(current)
        if article is not None:
            self.pool_view.selectionModel().clearSelection()
            self._show_article(article.id)

    def _pool_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        article = self.pool_model.article_at(self.pool_filter.mapToSource(current).row())
        if article is not None:
            self.tree.selectionModel().clearSelection()
            self._show_article(article.id)

    def _show_article(self, article_id: str) -> None:
        if self.editor.article_id != article_id:
            self.editor.show_article(article_id)
        self.tabs.setCurrentWidget(self.editor)

    def select_article(self, article_id: str) -> None:
        """Select an article wherever it is and open it in the editor."""
        self._select_in_views(article_id, show=True)

    def _select_in_views(self, article_id: str, show: bool) -> None:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        index = self.structure_model.index_of_article(article_id)
        if index.isValid():
            self.tree.setExpanded(index.parent(), True)
            self.tree.selectionModel().setCurrentIndex(index, flags)
            self.tree.scrollTo(index)
        else:
            row = self.pool_model.row_of(article_id)
            if row >= 0:
                proxy = self.pool_filter.mapFromSource(self.pool_model.index(row, 0))
                if proxy.isValid():
                    self.pool_view.selectionModel().setCurrentIndex(
                        proxy, flags | QItemSelectionModel.SelectionFlag.Rows)
        if show:
            self._show_article(article_id)

    def selected_article_ids(self) -> list[str]:
        """The articles selected in whichever list has the focus or a selection."""
        tree_ids = [self.structure_model.article_at(i).id
                    for i in self.tree.selectionModel().selectedIndexes()
                    if self.structure_model.article_at(i) is not None]
        if tree_ids and not self.pool_view.hasFocus():
            return tree_ids
        pool_ids = [self.pool_model.article_at(self.pool_filter.mapToSource(i).row()).id
                    for i in self.pool_view.selectionModel().selectedRows()]
        return pool_ids or tree_ids

    def selected_section_id(self) -> str | None:
        section = self.structure_model.section_at(self.tree.currentIndex())
        return section.id if section is not None else None

    # ---- structure actions ---------------------------------------------------------------------

    def return_to_pool(self) -> None:
        ids = [a for a in self.selected_article_ids()
               if self.doc.issue.find_article(a)[0] is not None]
        if not ids or self.doc.read_only:
            return
        stack = self.doc.undo_stack
        stack.beginMacro("return to the pool") if len(ids) > 1 else None
        for aid in ids:
            self.doc.push(MoveArticleCommand(self.doc, aid, None, len(self.doc.issue.pool)))
        stack.endMacro() if len(ids) > 1 else None
        self.select_article(ids[0])

    def move_to_section(self) -> None:
        ids = self.selected_article_ids()
        if not ids or self.doc.read_only:
            return
        sections = self.doc.issue.sections
        names = [s.title for s in sections] + ["The pool"]
        choice = dialogs.ask_item(self, "Move to section", "Move the article to:", names)
        if choice is None:
            return
        target = sections[choice].id if choice < len(sections) else None
        from .structure_model import push_article_moves

        push_article_moves(self.doc, ids, target, -1)
        self.select_article(ids[0])

    def move_article_by(self, step: int) -> None:
        ids = self.selected_article_ids()
        if len(ids) != 1 or self.doc.read_only:
            return
        section, index = self.doc.issue.find_article(ids[0])
        items = section.articles if section else self.doc.issue.pool
        target = index + step
        if 0 <= target < len(items):
            arg = target + 1 if step > 0 else target
            self.doc.push(MoveArticleCommand(self.doc, ids[0], section.id if section else None,
                                             arg))
            self.select_article(ids[0])

    def add_section(self) -> None:
        title = dialogs.ask_text(self, "Add section", "Title of the new section:")
        if title and title.strip():
            current = self.selected_section_id()
            index = self.doc.issue.section_index(current) + 1 if current else None
            self.doc.push(AddSectionCommand(self.doc, title, index))

    def rename_section(self) -> None:
        sid = self.selected_section_id()
        if sid is None:
            return
        title = dialogs.ask_text(self, "Rename section", "New title:",
                                 self.doc.issue.section(sid).title)
        if title and title.strip() and title.strip() != self.doc.issue.section(sid).title:
            self.doc.push(RenameSectionCommand(self.doc, sid, title))

    def remove_section(self) -> None:
        sid = self.selected_section_id()
        if sid is None:
            return
        section = self.doc.issue.section(sid)
        if section.articles and not dialogs.ask_confirm(
                self, "Remove section",
                f"Remove '{section.title}'? Its {len(section.articles)} articles go back to "
                "the pool."):
            return
        self.doc.push(RemoveSectionCommand(self.doc, sid))

    def move_section_by(self, step: int) -> None:
        sid = self.selected_section_id()
        if sid is None:
            return
        index = self.doc.issue.section_index(sid)
        target = index + step
        if 0 <= target < len(self.doc.issue.sections):
            self.doc.push(MoveSectionCommand(self.doc, sid, target + 1 if step > 0 else target))
            self.tree.setCurrentIndex(self.structure_model.index_of_section(sid))

    def focus_filter(self) -> None:
        self.pool_dock.show()
        self.pool_dock.raise_()
        self.filter_box.setFocus()
        self.filter_box.selectAll()

    # ---- other panes and dialogs ---------------------------------------------------------------

    def open_export_dialog(self) -> ExportDialog:
        self.export_dialog = ExportDialog(self.doc, self)
        self.export_dialog.set_warning(self.problems.export_warning())
        self.export_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.export_dialog.show()
        return self.export_dialog

    def import_comments(self) -> None:
        chosen = choose_reviewed_file(self)
        if chosen:
            self.review_dock.show()
            self.review_dock.raise_()
            self.review.import_from(Path(chosen))

    def import_articles(self) -> None:
        """File \u25b8 Import articles\u2026: choose Word or Markdown files and import them."""
        if self.doc.read_only:
            return
        start = str(self.doc.folder) if self.doc.folder else str(paths.documents_dir())
        chosen = dialogs.ask_import_files(self, start, FILE_FILTER)
        if chosen:
            self.import_files(chosen)

    def import_files(self, files: list[str]) -> None:
        """Import files into the pool (the menu item and a drop on the pool both end here)."""
        if self.doc.read_only:
            return
        outcome = import_and_report(self, self.doc, [Path(f) for f in files])
        if outcome.article_ids:
            self.pool_dock.show()
            self.pool_dock.raise_()
            self.select_article(outcome.article_ids[0])
            count = len(outcome.article_ids)
            self.statusBar().showMessage(
                f"Imported {count} article{'s' if count != 1 else ''}", 5000)

    def edit_directory(self) -> None:
        if self.doc.folder is None:
            dialogs.show_info(self, "Save first", "Save the issue into a folder first: the "
                              "directory is kept beside the issue folders.")
            return
        dialog = DirectoryDialog(directory_path(self.doc.folder),
                                 self.doc.issue.known_contacts(), self)
        if dialog.exec():
            self.editor.reload_directory()

    def jump_to_problem(self, problem: Problem) -> None:
        """Go to the article and field a problem is about."""
        if problem.article_id:
            try:
                self.doc.issue.find_article(problem.article_id)
            except KeyError:
                return
            self.select_article(problem.article_id)
            self.editor.focus_field(problem.field, problem_element_index(problem))
        elif problem.section_id:
            self.tree.setCurrentIndex(self.structure_model.index_of_section(problem.section_id))
            self.tree.setFocus()
        elif problem.field in ISSUE_FIELDS:
            self.tabs.setCurrentWidget(self.settings_pane)
            widget = {"title": self.settings_pane.title,
                      "published": self.settings_pane.published,
                      "welcome": self.settings_pane.welcome.edit,
                      "strapline": self.settings_pane.strapline,
                      "edition": self.settings_pane.edition,
                      "team_contacts": self.settings_pane.team.list}[problem.field]
            QTimer.singleShot(0, widget.setFocus)

    def about(self) -> None:
        from desktop_app import __version__

        dialogs.show_info(self, "About", f"SOC Bulletin Editor {__version__}\n\nAssembles the "
                          "SOC Local Partnerships Bulletin: articles in, PDF and Word out.")
