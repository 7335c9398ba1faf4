"""Issue settings: edition, date, title, strapline and theme.

The welcome text and the team's contacts are edited where they print: choose Welcome in the
issue structure (see ``section_editor``).
"""

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

from desktop_app.templates import theme_names

from . import dialogs
from .commands import SetIssueFieldCommand
from .document import Document
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
        self.edition_words = dialogs.plain_label()
        self.edition_words.setAccessibleName("Edition as printed")
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
        for widget in (self.published, self.title, self.strapline):
            route_undo_keys(widget)
        route_undo_keys(self.edition)

        self.edition.valueChanged.connect(lambda v: self._set("edition", v))
        for name, widget in (("published", self.published), ("title", self.title),
                             ("strapline", self.strapline)):
            widget.textEdited.connect(lambda t, n=name, w=widget: self._set(
                n, t, typing_group(w, getattr(self.doc.issue, n), t)))
        self.theme.activated.connect(
            lambda i: self._set("export.theme", self.theme.itemText(i)))

        form = QFormLayout()
        form.addRow("&Edition", self.edition)
        form.addRow("", self.edition_words)
        form.addRow("&Published", self.published)
        form.addRow("&Title", self.title)
        form.addRow("&Strapline", self.strapline)
        form.addRow("T&heme", self.theme)
        note = QLabel("The welcome text and the team's contacts are edited on the Welcome "
                      "section: choose Welcome in the issue structure.")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)

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
        read_only = self.doc.read_only
        for widget in (self.published, self.title, self.strapline):
            widget.setReadOnly(read_only)
        self.edition.setReadOnly(read_only)
        self.theme.setEnabled(not read_only)
        self._filling = False

    def _set(self, field: str, value, merge_key: object = None) -> None:
        if self._filling or self.doc.read_only:
            return
        current = self.doc.issue.export.theme if field == "export.theme" \
            else getattr(self.doc.issue, field)
        if current == value:
            return
        self.doc.push(SetIssueFieldCommand(self.doc, field, value, merge_key))
