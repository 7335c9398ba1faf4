"""Issue settings: edition, date, title, strapline, welcome text, team contacts and theme."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.model import Contact
from desktop_app.templates import theme_names

from .article_editor import CONTACT_FIELDS, describe_contact
from .commands import SetIssueFieldCommand
from .document import Document
from .list_editor import ListEditor
from .rich_edit import RichBodyEditor
from .widgets import route_undo_keys, typing_group


class SettingsPane(QWidget):
    """Edits the issue's own settings through undo commands."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName("Issue settings")
        self.edition = QSpinBox()
        self.edition.setRange(1, 999)
        self.edition.setAccessibleName("Edition number")
        self.edition_words = QLabel()
        self.published = QLineEdit()
        self.published.setAccessibleName("Publication date or season")
        self.published.setPlaceholderText("Autumn 2026")
        self.title = QLineEdit()
        self.title.setAccessibleName("Bulletin title")
        self.strapline = QLineEdit()
        self.strapline.setAccessibleName("Strapline")
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        self.theme.addItems(theme_names())
        self.welcome = RichBodyEditor("Welcome text")
        self.team = ListEditor("Team contacts", describe_contact, lambda _c: CONTACT_FIELDS,
                               lambda: Contact(name=""))
        for widget in (self.published, self.title, self.strapline):
            route_undo_keys(widget)
        route_undo_keys(self.edition)

        self.edition.valueChanged.connect(lambda v: self._set("edition", v))
        for name, widget in (("published", self.published), ("title", self.title),
                             ("strapline", self.strapline)):
            widget.textEdited.connect(lambda t, n=name, w=widget: self._set(
                n, t, typing_group(w, getattr(self.doc.issue, n), t)))
        self.welcome.text_edited.connect(lambda t, key: self._set("welcome", t, key))
        self.theme.activated.connect(
            lambda i: self._set("export.theme", self.theme.itemText(i)))
        self.team.edited.connect(lambda items, _text, key: self._set("team_contacts", items,
                                                                     key))

        form = QFormLayout()
        form.addRow("Edition", self.edition)
        form.addRow("", self.edition_words)
        form.addRow("Published", self.published)
        form.addRow("Title", self.title)
        form.addRow("Strapline", self.strapline)
        form.addRow("Theme", self.theme)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Welcome text"))
        layout.addWidget(self.welcome, 2)
        layout.addWidget(self.team, 1)

        self._filling = False
        doc.settings_changed.connect(self.fill)
        doc.loaded.connect(self.fill)
        self.fill()

    def fill(self) -> None:
        """Show the issue's settings (after loading, undo or redo)."""
        issue = self.doc.issue
        self._filling = True
        if self.edition.value() != issue.edition:
            self.edition.setValue(issue.edition)
        self.edition_words.setText(issue.edition_line)
        for widget, value in ((self.published, issue.published), (self.title, issue.title),
                              (self.strapline, issue.strapline)):
            if widget.text() != value:
                widget.setText(value)
        index = self.theme.findText(issue.export.theme)
        if index >= 0:
            self.theme.setCurrentIndex(index)
        self.welcome.set_text(issue.welcome)
        self.team.set_items(issue.team_contacts)
        read_only = self.doc.read_only
        for widget in (self.published, self.title, self.strapline):
            widget.setReadOnly(read_only)
        self.edition.setReadOnly(read_only)
        self.theme.setEnabled(not read_only)
        self.welcome.setReadOnly(read_only)
        self.team.setEnabled(not read_only)
        self._filling = False

    def _set(self, field: str, value, merge_key: object = None) -> None:
        if self._filling or self.doc.read_only:
            return
        current = self.doc.issue.export.theme if field == "export.theme" \
            else getattr(self.doc.issue, field)
        if current == value:
            return
        self.doc.push(SetIssueFieldCommand(self.doc, field, value, merge_key))
