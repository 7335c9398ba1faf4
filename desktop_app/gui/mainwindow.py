"""The editor's main window: docks, menus, actions and shortcuts, wired to the document.

Panes signal what the user wants; the window decides what happens (open an article or a
section, save, ask a question). Questions go through ``dialogs`` so tests can answer them. What
the window does to the issue's arrangement is in ``structure_actions``; where it sits on the
screen is in ``window_layout``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.directory import directory_path
from desktop_app.core.errors import BulletinError, ChangedOnDiskError
from desktop_app.core.layout import WELCOME_ID
from desktop_app.core.model import plural
from desktop_app.core.storage import ISSUE_FILE, copy_demo

from . import dialogs, paths, window_layout
from .article_editor import ArticleEditor
from .directory_dialog import DirectoryDialog
from .document import Document
from .export_dialog import ExportDialog
from .find_replace import FindReplaceDialog
from .help_menu import add_help_actions
from .importing import FILE_FILTER, import_and_report, save_submission_form
from .navigation import Navigation
from .pool_pane import PoolPane
from .preview import ARTICLE, SECTION, PreviewPane
from .problems import ProblemsPane
from .recovery import RecoveryManager, offer_restore
from .review import ReviewPane
from .section_editor import SectionEditor
from .settings_pane import SettingsPane
from .structure_actions import StructureActions
from .structure_pane import StructurePane

MAX_RECENT = 8
# Focus is shown plainly wherever the keyboard is: lists, the text and the preview's pages.
FOCUS_STYLE = ("QTreeView:focus, QListView:focus, QTextEdit:focus, PageView:focus "
               "{ border: 2px solid palette(highlight); }")


def make_demo_copy() -> Path:
    """The working copy of the demo in the user's documents, made on first use."""
    target = paths.demo_copy_dir()
    if not (target / ISSUE_FILE).is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        copy_demo(target)
    return target


class MainWindow(StructureActions, Navigation, QMainWindow):
    """The editor window over one open issue."""

    def __init__(self) -> None:
        super().__init__()
        self.doc = Document(self)
        self.recovery = RecoveryManager(self.doc, self)
        self.export_dialog: ExportDialog | None = None
        self.find_dialog: FindReplaceDialog | None = None
        self._last_list = "structure"  # which list Ctrl+N, Ctrl+D and Delete act on
        self.setObjectName("MainWindow")
        self.setDockNestingEnabled(True)
        self.setStyleSheet(FOCUS_STYLE)
        self._build_panes()
        self._build_actions()
        self._build_menus()
        self._default_state = self.saveState(window_layout.STATE_VERSION)
        self.doc.undo_stack.cleanChanged.connect(self._update_title)
        self.doc.loaded.connect(self._loaded)
        self.doc.structure_changed.connect(self._structure_changed)
        self.doc.undo_stack.indexChanged.connect(self._update_actions)
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
        self.section_editor = SectionEditor(self.doc)
        self.section_editor.new_article_requested.connect(
            lambda sid: self.new_article(sid, use_current=False))
        self.settings_pane = SettingsPane(self.doc)
        # The first tab edits whatever is chosen in the structure or the pool.
        self.stack = QStackedWidget()
        self.stack.setAccessibleName("Editor")
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.section_editor)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Editor tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.stack, "Article")
        self.tabs.addTab(self.settings_pane, "Issue settings")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.structure = StructurePane(self.doc)
        self.structure.article_chosen.connect(self._structure_article)
        self.structure.section_chosen.connect(self._structure_section)
        self.structure_dock = self._dock("Issue structure", self.structure,
                                         Qt.DockWidgetArea.LeftDockWidgetArea)
        self.pool = PoolPane(self.doc)
        self.pool.article_chosen.connect(self._pool_article)
        self.pool.files_dropped.connect(self.import_files)
        self.pool_dock = self._dock("Articles pool", self.pool,
                                    Qt.DockWidgetArea.LeftDockWidgetArea)
        self.splitDockWidget(self.structure_dock, self.pool_dock, Qt.Orientation.Vertical)
        # The names the rest of the window (and its tests) use for the panes' parts.
        self.tree, self.structure_model = self.structure.tree, self.structure.model
        self.pool_view, self.pool_model = self.pool.view, self.pool.model
        self.pool_filter, self.filter_box = self.pool.filter, self.pool.filter_box
        self.section_buttons = self.structure.buttons

        self.preview = PreviewPane(self.doc)
        self.preview_dock = self._dock("Preview", self.preview,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.problems = ProblemsPane(self.doc)
        self.problems.jump_requested.connect(self.jump_to_problem)
        self.problems_dock = self._dock("Problems", self.problems,
                                        Qt.DockWidgetArea.BottomDockWidgetArea)
        self.review = ReviewPane(self.doc)
        self.review.open_article_requested.connect(self.show_review_note)
        self.review_dock = self._dock("Review", self.review,
                                      Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.problems_dock, self.review_dock)
        self.problems_dock.raise_()
        self._docks_sized = False
        self.statusBar().setAccessibleName("Status")
        for widget in (self.tree, self.pool_view):
            widget.installEventFilter(self)

    def size_docks(self) -> None:
        """Give the panes sensible shares of the window (once; a saved layout wins)."""
        self._docks_sized = True
        width, height = self.width(), self.height()
        self.resizeDocks([self.structure_dock, self.preview_dock],
                         [int(width * 0.22), int(width * 0.32)], Qt.Orientation.Horizontal)
        # Problems and Review get room for several rows even on a small screen.
        self.resizeDocks([self.problems_dock], [max(120, int(height * 0.18))],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.structure_dock, self.pool_dock],
                         [int(height * 0.45), int(height * 0.25)], Qt.Orientation.Vertical)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._docks_sized:
            self.size_docks()

    def place_on_screen(self, area: QRect | None = None) -> None:
        """Open within the screen's free area, with the size and panes of last time."""
        window_layout.place(self, area)
        if window_layout.restore_state(self):
            self._docks_sized = True

    def reset_layout(self) -> None:
        """View \u25b8 Reset layout: every pane back where it started, all of them shown."""
        self.restoreState(self._default_state, window_layout.STATE_VERSION)
        for dock in self.docks():
            dock.setFloating(False)
            dock.show()
        self.problems_dock.raise_()
        window_layout.fit(self, self.size(), window_layout.available_area(self))
        self.size_docks()

    def docks(self) -> list[QDockWidget]:
        return [self.structure_dock, self.pool_dock, self.preview_dock, self.problems_dock,
                self.review_dock]

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
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_new = a("&New issue", self.new_issue, "Ctrl+Shift+N")
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
        self.act_import_comments = a("&Import reviewer comments\u2026", self.import_comments)
        self.act_save_form = a("Save submission &form\u2026", self.save_form,
                               tip="The Word form contributors fill in and send back")
        self.act_quit = a("&Quit", self.close, "Ctrl+Q")
        self.act_undo = self.doc.undo_stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_redo = self.doc.undo_stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_find = a("&Find and replace\u2026", self.open_find, "Ctrl+H",
                          "Find and replace words anywhere in the issue")
        self.act_filter = a("&Filter the pool", self.focus_filter, "Ctrl+F")
        self.act_new_article = a("New &article\u2026", self.new_article, "Ctrl+N",
                                 "A new article in the section in use, or the pool")
        self.act_new_here = a("New article in this section\u2026", self.new_article_here)
        self.act_from_template = a("New article from a &template\u2026",
                                   self.new_from_template, "Ctrl+Shift+T")
        self.act_duplicate = a("D&uplicate article", self.duplicate_articles, "Ctrl+D")
        self.act_to_pool = a("Return article to the &pool", self.return_to_pool, "Delete")
        self.act_delete = a("&Delete article", self.delete_articles, "Delete",
                            "Delete the article from the pool (Ctrl+Z brings it back)")
        # Delete acts in the lists only (in a text field it deletes text): in the structure
        # it returns an article to the pool, in the pool it deletes it.
        for action, view in ((self.act_to_pool, self.tree), (self.act_delete, self.pool_view)):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
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
        self.act_welcome = a("&Welcome text and team contacts",
                             lambda: self.select_section(WELCOME_ID))
        self.act_directory = a("Team contact &directory\u2026", self.edit_directory)
        self.act_refresh = a("&Refresh preview", self.preview.rebuild_now, "F5")
        self.act_check = a("&Check for problems", self.problems.refresh, "F7")
        self.act_settings = a("Issue &settings", lambda: self.tabs.setCurrentWidget(
            self.settings_pane), "Ctrl+,")
        self.act_next_pane = a("Next pane", lambda: self.cycle_panes(1), "F6")
        self.act_prev_pane = a("Previous pane", lambda: self.cycle_panes(-1), "Shift+F6")
        self.act_reset_layout = a("Reset &layout", self.reset_layout,
                                  tip="Put every pane back where it started")
        self.section_buttons["add"].clicked.connect(self.add_section)
        self.section_buttons["rename"].clicked.connect(self.rename_section)
        self.section_buttons["remove"].clicked.connect(self.remove_section)
        self.structure.menu_actions = {
            "section": [self.act_new_here, None, self.act_add_section,
                        self.act_rename_section, self.act_remove_section, None,
                        self.act_section_up, self.act_section_down],
            "article": [self.act_move_to, self.act_to_pool, self.act_duplicate, None,
                        self.act_article_up, self.act_article_down, None,
                        self.act_new_article],
            "none": [self.act_add_section],
        }
        self.pool.menu_actions = [self.act_new_article, self.act_from_template, None,
                                  self.act_move_to, self.act_duplicate, self.act_delete, None,
                                  self.act_import_articles]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.act_new, self.act_open):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        for action in (self.act_demo, None, self.act_save, self.act_save_as, self.act_reload,
                       None, self.act_save_form, self.act_import_articles, self.act_export,
                       self.act_import_comments, None, self.act_quit):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = bar.addMenu("&Edit")
        for action in (self.act_undo, self.act_redo, None, self.act_find, self.act_filter,
                       None, self.act_directory):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        article_menu = bar.addMenu("&Article")
        self.templates_menu = QMenu("New from a template", self)
        self.templates_menu.aboutToShow.connect(self._fill_templates)
        for action in (self.act_new_article, self.act_new_here, self.act_from_template,
                       self.act_duplicate,
                       self.act_delete, None, self.act_move_to, self.act_to_pool,
                       self.act_article_up, self.act_article_down):
            article_menu.addSeparator() if action is None else article_menu.addAction(action)
        article_menu.insertMenu(self.act_duplicate, self.templates_menu)
        issue_menu = bar.addMenu("&Issue")
        for action in (self.act_add_section, self.act_rename_section, self.act_remove_section,
                       self.act_section_up, self.act_section_down, None, self.act_welcome,
                       self.act_settings, self.act_check):
            issue_menu.addSeparator() if action is None else issue_menu.addAction(action)
        view_menu = bar.addMenu("&View")
        for dock in self.docks():
            view_menu.addAction(dock.toggleViewAction())
        for action in (None, self.act_next_pane, self.act_prev_pane, self.act_refresh, None,
                       self.act_reset_layout):
            view_menu.addSeparator() if action is None else view_menu.addAction(action)
        add_help_actions(bar.addMenu("&Help"), self)

    def _fill_templates(self) -> None:
        self.templates_menu.clear()
        for template in self.article_templates():
            action = self.templates_menu.addAction(f"{template.name}\u2026")
            action.setStatusTip(template.description)
            action.triggered.connect(lambda _c=False, t=template: self.new_from_template(t))
        self.templates_menu.setEnabled(not self.doc.read_only)

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
        window_layout.save(self)
        event.accept()

    # ---- after changes -------------------------------------------------------------------------

    def _loaded(self) -> None:
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
        self.show_section(None)
        # After the window has drawn the issue: the first build loads the PDF writer, which
        # takes a moment the user need not wait for to start reading.
        QTimer.singleShot(0, self.preview.rebuild_now)

    def _structure_changed(self) -> None:
        """After a change to the arrangement, keep what was chosen chosen (and shown)."""
        if self.stack.currentWidget() is self.section_editor:
            sid = self.section_editor.section_id
            if sid is not None and self.structure.select_section(sid):
                return
        current = self.editor.article_id
        if current is not None:
            self._select_in_views(current)

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
                       self.act_import_comments, self.act_import_articles,
                       self.act_new_article, self.act_new_here, self.act_from_template,
                       self.act_duplicate, self.act_delete):
            action.setEnabled(editable)
        for button in self.section_buttons.values():
            button.setEnabled(editable)
        self.act_reload.setEnabled(self.doc.folder is not None)

    # ---- what is shown -------------------------------------------------------------------------

    def _structure_article(self, article_id: str) -> None:
        self._last_list = "structure"
        self.pool.clear_selection()
        self.show_article(article_id)

    def _structure_section(self, section_id: str) -> None:
        self._last_list = "structure"
        self.pool.clear_selection()
        self.show_section(section_id)

    def _pool_article(self, article_id: str) -> None:
        self._last_list = "pool"
        self.structure.clear_selection()
        self.show_article(article_id)

    def show_article(self, article_id: str) -> None:
        """Open an article in the editor; the preview shows and marks its page."""
        if self.editor.article_id != article_id:
            self.editor.show_article(article_id)
        self.stack.setCurrentWidget(self.editor)
        self._name_first_tab("Article")
        self.tabs.setCurrentWidget(self.stack)
        # Only a newly chosen article moves the preview: the same one chosen again after the
        # tree is rebuilt (an edit, an undo) leaves the page the user is reading alone.
        self.preview.follow(ARTICLE, article_id,
                            jump=self.preview.followed != (ARTICLE, article_id))

    def show_section(self, section_id: str | None) -> None:
        """Open a section (its title and intro; for Welcome, the welcome and team)."""
        self.section_editor.show_section(section_id)
        if section_id is None:
            self.stack.setCurrentWidget(self.editor)
            self._name_first_tab("Article")
            self.preview.follow(None)
            return
        self.stack.setCurrentWidget(self.section_editor)
        self._name_first_tab("Section")
        self.tabs.setCurrentWidget(self.stack)
        self.preview.follow(SECTION, section_id,
                            jump=self.preview.followed != (SECTION, section_id))

    def _name_first_tab(self, name: str) -> None:
        if self.tabs.tabText(0) != name:
            self.tabs.setTabText(0, name)

    def showing(self) -> QWidget:
        """The editor in front: the article editor, the section editor or the settings."""
        current = self.tabs.currentWidget()
        return self.stack.currentWidget() if current is self.stack else current

    def select_article(self, article_id: str) -> None:
        """Select an article wherever it is and open it in the editor."""
        self._select_in_views(article_id)
        self.show_article(article_id)

    def select_section(self, section_id: str) -> None:
        """Select a section in the structure and open it."""
        self.pool.clear_selection()
        if not self.structure.select_section(section_id):
            self.show_section(section_id)  # Welcome text and team even without the section
        self.structure_dock.show()

    def _select_in_views(self, article_id: str) -> None:
        if not self.structure.select_article(article_id):
            if not self.pool.select_article(article_id) and self.pool.filter_box.text():
                self.pool.filter_box.clear()  # a filter hid it: show the whole pool
                self.pool.select_article(article_id)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        """Remember which list was used last: Ctrl+N, Ctrl+D and Delete act on that one."""
        if event.type() == event.Type.FocusIn:
            self._last_list = "pool" if obj is self.pool_view else "structure"
        return False

    def focus_filter(self) -> None:
        self.pool_dock.show()
        self.pool_dock.raise_()
        self.pool.focus_filter()

    # ---- other panes and dialogs ---------------------------------------------------------------

    def open_export_dialog(self) -> ExportDialog:
        self.export_dialog = ExportDialog(self.doc, self)
        self.export_dialog.set_warning(self.problems.export_warning())
        self.export_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.export_dialog.show()
        return self.export_dialog

    def import_comments(self) -> None:
        chosen = dialogs.ask_reviewed_file(self)
        if chosen:
            self.review_dock.show()
            self.review_dock.raise_()
            self.review.import_from(Path(chosen))
            # Room for the comments: a third of the window while they are worked through.
            self.resizeDocks([self.review_dock], [max(220, self.height() // 3)],
                             Qt.Orientation.Vertical)

    def save_form(self) -> None:
        folder = self.doc.folder.parent if self.doc.folder else paths.documents_dir()
        save_submission_form(self, folder)

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
            self._last_list = "pool"
            self.select_article(outcome.article_ids[0])
            count = len(outcome.article_ids)
            self.statusBar().showMessage(f"Imported {plural(count, 'article')}", 5000)

    def edit_directory(self) -> None:
        if self.doc.folder is None:
            dialogs.show_info(self, "Save first", "Save the issue into a folder first: the "
                              "directory is kept beside the issue folders.")
            return
        dialog = DirectoryDialog(directory_path(self.doc.folder),
                                 self.doc.issue.known_contacts(), self)
        if dialog.exec():
            self.editor.reload_directory()

