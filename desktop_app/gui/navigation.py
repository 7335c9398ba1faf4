"""Going to where something is: a problem, a find match, a reviewer's comment, a pane.

A mixin of the main window (it uses the window's panes and editors), kept apart so the window
module stays about building and wiring.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from desktop_app.core.find import Match
from desktop_app.core.layout import WELCOME_ID
from desktop_app.core.validate import Problem

from .find_replace import FindReplaceDialog
from .problems import problem_element_index

ISSUE_FIELDS = {"title", "published", "welcome", "team_contacts", "strapline", "edition"}
WELCOME_FIELDS = {"welcome", "team_contacts"}


class Navigation:
    """The main window's ways of taking the user to a place."""

    def open_find(self) -> FindReplaceDialog:
        """Ctrl+H: find and replace across the issue (the words selected are looked for)."""
        if self.find_dialog is None:
            self.find_dialog = FindReplaceDialog(self.doc, self)
            self.find_dialog.show_match_requested.connect(self.show_match)
        focus = self.focusWidget()
        chosen = ""
        if hasattr(focus, "textCursor"):
            chosen = focus.textCursor().selectedText()
        elif hasattr(focus, "selectedText"):
            chosen = focus.selectedText()
        if chosen and "\u2029" not in chosen:
            self.find_dialog.find_box.setText(chosen)
        self.find_dialog.show()
        self.find_dialog.raise_()
        self.find_dialog.activateWindow()
        self.find_dialog.find_box.setFocus()
        self.find_dialog.find_box.selectAll()
        self.find_dialog.find()
        return self.find_dialog

    def show_match(self, match: Match) -> None:
        """Open the article (or section, or settings) a match is in, with its words selected."""
        place = match.place
        if place.article_id is not None:
            try:
                self.doc.issue.find_article(place.article_id)
            except KeyError:
                return
            self.select_article(place.article_id)
            self.editor.select_words(place.field, place.index, place.key, match.text)
        elif place.section_id is not None:
            self.select_section(place.section_id)
            self.section_editor.focus_field(place.field)
        elif place.field in WELCOME_FIELDS:
            self.select_section(WELCOME_ID)
            self.section_editor.focus_field(place.field)

    def show_review_note(self, article_id: str, anchor: str = "") -> None:
        """A reviewer's comment double-clicked: its article, with the words it is about
        selected."""
        try:
            self.doc.issue.find_article(article_id)
        except KeyError:
            return
        self.select_article(article_id)
        if anchor.strip() and not self.editor.select_words("body", None, "", anchor):
            self.statusBar().showMessage("The words this comment is about are no longer in "
                                         "the article.", 6000)

    def jump_to_problem(self, problem: Problem) -> None:
        """Go to the article and field a problem is about."""
        if problem.article_id:
            try:
                self.doc.issue.find_article(problem.article_id)
            except KeyError:
                return
            self.select_article(problem.article_id)
            self.editor.focus_field(problem.field, problem_element_index(problem))
        elif problem.field in WELCOME_FIELDS:
            self.select_section(WELCOME_ID)
            QTimer.singleShot(0, lambda: self.section_editor.focus_field(problem.field))
        elif problem.section_id:
            self.select_section(problem.section_id)
            self.section_editor.focus_field(problem.field or "title")
        elif problem.field in ISSUE_FIELDS:
            self.tabs.setCurrentWidget(self.settings_pane)
            widget = {"title": self.settings_pane.title,
                      "published": self.settings_pane.published,
                      "strapline": self.settings_pane.strapline,
                      "edition": self.settings_pane.edition}[problem.field]
            QTimer.singleShot(0, widget.setFocus)

    def cycle_panes(self, step: int) -> None:
        """F6 and Shift+F6: the keyboard goes to the next (previous) pane that is showing."""
        targets = [(self.structure_dock, self.tree), (self.pool_dock, self.pool_view),
                   (None, self._editor_focus()), (self.preview_dock, self.preview.pages),
                   (self.problems_dock, self.problems.tree),
                   (self.review_dock, self.review.tree)]
        # A dock behind another's tab counts as hidden: its region on screen is empty.
        shown = [(dock, widget) for dock, widget in targets
                 if widget is not None and (dock is None or (
                     dock.isVisible() and widget.isVisible()
                     and not widget.visibleRegion().isEmpty()))]
        if not shown:
            return
        focused = self.focusWidget()
        here = next((n for n, (dock, widget) in enumerate(shown)
                     if focused is not None and (focused is widget or (
                         dock is not None and dock.isAncestorOf(focused)) or (
                         dock is None and self.tabs.isAncestorOf(focused)))), -1)
        dock, widget = shown[(here + step) % len(shown)]
        if dock is not None:
            dock.raise_()
        widget.setFocus(Qt.FocusReason.TabFocusReason if step > 0
                        else Qt.FocusReason.BacktabFocusReason)

    def _editor_focus(self) -> QWidget:
        front = self.showing()
        if front is self.editor:
            return self.editor.title if self.editor.article_id else self.editor
        if front is self.section_editor:
            return self.section_editor.title
        return self.settings_pane.edition
