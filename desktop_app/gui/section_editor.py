"""The section editor: what the editor sees after choosing a section in the issue structure.

A section's title and its introduction (printed under its banner), edited where the section
is; for Welcome, the welcome text and the team's contacts printed on page one. Every change is
an undo command, typing one step per word.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.layout import WELCOME_ID
from desktop_app.core.model import Contact, plural

from . import dialogs
from .article_editor import CONTACT_FIELDS, describe_contact, scrolled
from .commands import SetIssueFieldCommand
from .document import Document
from .edit_commands import SetSectionFieldCommand
from .list_editor import ListEditor
from .rich_edit import RichBodyEditor
from .widgets import route_undo_keys, typing_group


class SectionEditor(QWidget):
    """Edits one section; ``new_article_requested(section_id)`` for its New article button."""

    new_article_requested = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.section_id: str | None = None
        self.setAccessibleName("Section editor")
        self.heading = dialogs.plain_label()  # shows the section's own title
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Section summary")
        font = self.heading.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        self.title = QLineEdit()
        self.title.setAccessibleName("Section title")
        route_undo_keys(self.title)
        self.title.textEdited.connect(self._title_edited)
        self.new_article = QPushButton("New article in this section\u2026")
        self.new_article.setAccessibleName("New article in this section")
        self.new_article.clicked.connect(
            lambda: self.section_id and self.new_article_requested.emit(self.section_id))
        form = QFormLayout()
        form.addRow("Section &title", self.title)

        self.intro = RichBodyEditor("Section introduction")
        self.intro.text_edited.connect(self._intro_edited)
        self.intro_label = QLabel("&Introduction (printed under the section's banner; "
                                  "optional)")
        self.intro_label.setWordWrap(True)
        self.intro_label.setBuddy(self.intro.edit)
        intro_box = QWidget()
        intro_layout = QVBoxLayout(intro_box)
        intro_layout.setContentsMargins(0, 0, 0, 0)
        intro_layout.addWidget(self.intro_label)
        intro_layout.addWidget(self.intro, 1)
        self.intro_box = intro_box

        self.welcome = RichBodyEditor("Welcome text")
        self.welcome.text_edited.connect(lambda t, key: self._set_issue("welcome", t, key))
        welcome_label = QLabel("&Welcome text (page one, under the contents)")
        welcome_label.setBuddy(self.welcome.edit)
        self.team = ListEditor("Team contacts", describe_contact, lambda _c: CONTACT_FIELDS,
                               lambda: Contact(name=""), noun="contact")
        self.team.edited.connect(
            lambda items, _text, key: self._set_issue("team_contacts", items, key))
        welcome_box = QWidget()
        welcome_layout = QVBoxLayout(welcome_box)
        welcome_layout.setContentsMargins(0, 0, 0, 0)
        welcome_layout.addWidget(welcome_label)
        welcome_layout.addWidget(self.welcome, 1)
        self.welcome_box = welcome_box
        self.team_box = scrolled(self.team, "Team contacts")
        self.team_box.setMinimumHeight(90)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        for part in (intro_box, welcome_box, self.team_box):
            part.setMinimumHeight(90)
            self.splitter.addWidget(part)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.new_article, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.splitter, 1)

        doc.section_changed.connect(self._section_changed)
        doc.structure_changed.connect(self.fill)
        doc.settings_changed.connect(self.fill)
        doc.loaded.connect(lambda: self.show_section(None))
        self.show_section(None)

    # ---- showing -------------------------------------------------------------------------------

    def section(self):
        if self.section_id is None:
            return None
        try:
            return self.doc.issue.section(self.section_id)
        except KeyError:
            return None

    @property
    def is_welcome(self) -> bool:
        return self.section_id == WELCOME_ID

    def show_section(self, section_id: str | None) -> None:
        self.section_id = section_id
        welcome = self.is_welcome
        self.intro_box.setVisible(not welcome)
        self.welcome_box.setVisible(welcome)
        self.team_box.setVisible(welcome)
        self.fill()

    def fill(self) -> None:
        """Show the section (and for Welcome, the welcome text and team) as the model has it."""
        section = self.section()
        editable = section is not None and not self.doc.read_only
        for widget in (self.title, self.new_article):
            widget.setEnabled(section is not None)
        self.title.setReadOnly(not editable)
        self.new_article.setEnabled(editable)
        self.intro.setReadOnly(not editable)
        self.welcome.setReadOnly(self.doc.read_only)
        self.team.setEnabled(not self.doc.read_only)
        if section is None:
            self.heading.setText("Choose a section in the issue structure.")
            self.title.clear()
            self.intro.set_text("")
            return
        count = len(section.articles)
        self.heading.setText(f"Section: {section.title or section.id} \u2014 "
                             f"{plural(count, 'article')}")
        if self.title.text().strip() != section.title:
            self.title.setText(section.title)
        self.intro.set_text(section.intro)
        if self.is_welcome:
            self.welcome.set_text(self.doc.issue.welcome)
            self.team.set_items(self.doc.issue.team_contacts)

    def _section_changed(self, section_id: str) -> None:
        if section_id == self.section_id:
            self.fill()

    # ---- editing -------------------------------------------------------------------------------

    def _title_edited(self, text: str) -> None:
        section = self.section()
        if section is None or self.doc.read_only or not text.strip() or \
                text.strip() == section.title:
            return  # a section always has a title: an empty box changes nothing yet
        key = typing_group(self.title, section.title, text.strip())
        self.doc.push(SetSectionFieldCommand(self.doc, section.id, "title", text.strip(), key))

    def _intro_edited(self, text: str, key: object) -> None:
        section = self.section()
        if section is None or self.doc.read_only or section.intro == text:
            return
        self.doc.push(SetSectionFieldCommand(self.doc, section.id, "intro", text, key))

    def _set_issue(self, field: str, value, key: object) -> None:
        if self.doc.read_only or getattr(self.doc.issue, field) == value:
            return
        self.doc.push(SetIssueFieldCommand(self.doc, field, value, key))

    def focus_field(self, field: str) -> None:
        """Put the cursor on a field a problem is about."""
        widget = {"title": self.title, "intro": self.intro.edit,
                  "welcome": self.welcome.edit, "team_contacts": self.team.list}.get(field)
        if widget is not None:
            widget.setFocus()
