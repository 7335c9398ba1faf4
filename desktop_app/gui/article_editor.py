"""The article editor: title, standfirst, body, status, and the article's elements.

Every edit becomes an undo command pushed on the document; the editor then shows what the
model says, so undo, redo and edits made elsewhere all appear here the same way.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.directory import (
    DirectoryError,
    directory_path,
    load_directory,
    merge_contacts,
)
from desktop_app.core.images import ImageProblem, check_image
from desktop_app.core.model import (
    Article,
    Contact,
    Image,
    PullQuote,
    SidebarCallout,
    StatisticCallout,
    Status,
)
from desktop_app.core.storage import IMAGES_DIR

from .commands import SetArticleFieldCommand, SetArticleListCommand
from .document import Document
from .markdown_edit import MarkdownEditor
from .widgets import FieldSpec, ListEditor, route_undo_keys

CONTACT_FIELDS = [
    FieldSpec("name", "Name"), FieldSpec("role", "Role"),
    FieldSpec("organisation", "Organisation"), FieldSpec("email", "Email"),
    FieldSpec("phone", "Phone"),
]
QUOTE_FIELDS = [FieldSpec("text", "Quote", multiline=True),
                FieldSpec("attribution", "Attribution")]
IMAGE_FIELDS = [FieldSpec("path", "File", read_only=True),
                FieldSpec("alt", "Alt text (required)",
                          placeholder="What the picture shows, for readers who cannot see it"),
                FieldSpec("caption", "Caption")]
STATISTIC_FIELDS = [FieldSpec("value", "Figure", placeholder="£24 billion"),
                    FieldSpec("label", "What it measures")]
SIDEBAR_FIELDS = [FieldSpec("title", "Sidebar title"),
                  FieldSpec("items", "Points (one a line)", lines=True)]
CALLOUT_KINDS = ["Statistic", "Sidebar"]


# ---- dialogs the editor asks through (tests replace these) ----------------------------------


def choose_image_file(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Choose a picture", "",
                                          "Pictures (*.png *.jpg *.jpeg *.gif)")
    return path or None


def ask_alt_text(parent: QWidget, name: str) -> str | None:
    text, ok = QInputDialog.getText(
        parent, "Alt text", f"Describe {name} for readers who cannot see it (required):")
    return text.strip() if ok else None


def ask_callout_kind(parent: QWidget) -> str | None:
    kind, ok = QInputDialog.getItem(parent, "Add a callout", "Kind:", CALLOUT_KINDS, 0, False)
    return kind if ok else None


def describe_callout(callout) -> str:
    if isinstance(callout, StatisticCallout):
        return f"Statistic: {callout.value} {callout.label}".strip()
    return f"Sidebar: {callout.title}"


def describe_contact(contact: Contact) -> str:
    bits = [contact.name or "(no name)", contact.organisation]
    return " \u2014 ".join(b for b in bits if b)


def copy_image_into(folder: Path, source: Path) -> str:
    """Copy a checked picture into the issue's images folder; its relative path.

    A different file that already has the name gets a numbered name, never overwritten.
    """
    images = folder / IMAGES_DIR
    images.mkdir(exist_ok=True)
    target = images / source.name
    n = 1
    while target.exists():
        if target.read_bytes() == source.read_bytes():
            break
        target = images / f"{source.stem}-{n}{source.suffix}"
        n += 1
    if not target.exists():
        shutil.copyfile(source, target)
    return f"{IMAGES_DIR}/{target.name}"


class ArticleEditor(QWidget):
    """Edits one article; emits ``directory_requested`` for the contact directory dialog."""

    directory_requested = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.article_id: str | None = None
        self.setAccessibleName("Article editor")

        self.heading = QLabel("Choose an article in the issue structure or the pool.")
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Article location")
        self.title = QLineEdit()
        self.title.setAccessibleName("Article title")
        self.standfirst = QLineEdit()
        self.standfirst.setAccessibleName("Standfirst")
        self.standfirst.setPlaceholderText("One line under the title (optional)")
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for status in Status:
            self.status.addItem(status.label, status.value)
        self.body = MarkdownEditor("Body")
        for widget in (self.title, self.standfirst):
            route_undo_keys(widget)
        self.title.textEdited.connect(lambda t: self._set_field("title", t))
        self.standfirst.textEdited.connect(lambda t: self._set_field("standfirst", t))
        self.body.text_edited.connect(lambda t: self._set_field("body", t))
        self.status.activated.connect(
            lambda i: self._set_field("status", Status(self.status.itemData(i))))

        self.quotes = ListEditor("Pull quotes", lambda q: q.text[:80] or "(empty quote)",
                                 lambda _q: QUOTE_FIELDS, lambda: PullQuote(text=""),
                                 framed=False)
        self.contacts = ListEditor("Contacts", describe_contact, lambda _c: CONTACT_FIELDS,
                                   lambda: Contact(name=""), framed=False)
        self.images = ListEditor("Images", lambda i: i.caption or i.alt or i.path,
                                 lambda _i: IMAGE_FIELDS, self._new_image, framed=False)
        self.callouts = ListEditor(
            "Callouts", describe_callout,
            lambda c: STATISTIC_FIELDS if isinstance(c, StatisticCallout) else SIDEBAR_FIELDS,
            self._new_callout, framed=False)
        self.lists = {"pull_quotes": self.quotes, "contacts": self.contacts,
                      "images": self.images, "callouts": self.callouts}
        for attr, editor in self.lists.items():
            editor.edited.connect(lambda items, text, key, a=attr: self._set_list(a, items,
                                                                                    text, key))

        # The contact picker: everyone already in this issue or in the team's directory.
        self.picker = QComboBox()
        self.picker.setAccessibleName("Add a known contact")
        self.picker.setMinimumContentsLength(18)
        self.picker.activated.connect(self._pick_contact)
        directory_button = QPushButton("Directory\u2026")
        directory_button.setAccessibleName("Edit the contact directory")
        directory_button.clicked.connect(self.directory_requested)
        self.contacts.buttons.insertWidget(4, self.picker)
        self.contacts.buttons.insertWidget(5, directory_button)

        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("Standfirst", self.standfirst)
        form.addRow("Status", self.status)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Article elements")
        self.tabs.addTab(self.quotes, "Pull quotes")
        self.tabs.addTab(self.contacts, "Contacts")
        self.tabs.addTab(self.images, "Images")
        self.tabs.addTab(self.callouts, "Callouts")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(QLabel("Body (Markdown: **bold**, *italic*, [link](https://\u2026), "
                                "- lists, ### sub-headings)"))
        layout.addWidget(self.body, 3)
        layout.addWidget(self.tabs, 2)

        doc.article_changed.connect(self._article_changed)
        doc.structure_changed.connect(self._structure_changed)
        doc.loaded.connect(lambda: self.show_article(None))
        doc.loaded.connect(self.reload_directory)
        self._directory: list[Contact] = []
        self.show_article(None)

    # ---- showing -------------------------------------------------------------------------------

    def article(self) -> Article | None:
        if self.article_id is None:
            return None
        try:
            return self.doc.issue.article(self.article_id)
        except KeyError:
            return None

    def show_article(self, article_id: str | None) -> None:
        self.article_id = article_id
        article = self.article()
        if article is None:
            self.article_id = None
        enabled = article is not None and not self.doc.read_only
        for widget in (self.title, self.standfirst, self.status, self.body, self.tabs):
            widget.setEnabled(article is not None)
        for widget in (self.title, self.standfirst):
            widget.setReadOnly(not enabled)
        self.body.setReadOnly(not enabled)
        self.status.setEnabled(enabled)
        for editor in self.lists.values():
            editor.setEnabled(enabled)
        self._fill()
        self._fill_picker()

    def _fill(self) -> None:
        article = self.article()
        if article is None:
            self.heading.setText("Choose an article in the issue structure or the pool.")
            for widget in (self.title, self.standfirst):
                widget.clear()
            self.body.set_text("")
            for editor in self.lists.values():
                editor.set_items([])
            return
        section, _ = self.doc.issue.find_article(article.id)
        where = f"in {section.title}" if section else "in the pool (not placed yet)"
        self.heading.setText(f"<b>{_escape(article.title or article.id)}</b> \u2014 {where}")
        if self.title.text() != article.title:
            self.title.setText(article.title)
        if self.standfirst.text() != article.standfirst:
            self.standfirst.setText(article.standfirst)
        self.status.setCurrentIndex(self.status.findData(article.status.value))
        self.body.set_text(article.body)
        for attr, editor in self.lists.items():
            editor.set_items(getattr(article, attr))

    def _fill_picker(self) -> None:
        self.picker.clear()
        self.picker.addItem("Add a known contact\u2026", None)
        for contact in self.known_contacts():
            self.picker.addItem(describe_contact(contact), contact)

    def reload_directory(self) -> None:
        """Read the team directory beside the issues again (after it is edited)."""
        self._directory = []
        if self.doc.folder is not None:
            try:
                self._directory = load_directory(directory_path(self.doc.folder))
            except DirectoryError:
                pass  # a broken directory must not stop editing; its dialog says why
        self._fill_picker()

    def known_contacts(self) -> list[Contact]:
        """Contacts used in this issue, then the team directory beside the issues."""
        return merge_contacts(self.doc.issue.known_contacts(), self._directory)

    def _article_changed(self, article_id: str) -> None:
        if article_id == self.article_id:
            self._fill()

    def _structure_changed(self) -> None:
        if self.article_id is not None and self.article() is None:
            self.show_article(None)
        elif self.article_id is not None:
            self._fill()

    # ---- editing -------------------------------------------------------------------------------

    def _set_field(self, field: str, value) -> None:
        article = self.article()
        if article is None or self.doc.read_only or getattr(article, field) == value:
            return
        self.doc.push(SetArticleFieldCommand(self.doc, article.id, field, value))

    def _set_list(self, attr: str, items: list, text: str, merge_key: object) -> None:
        if self.article_id is None or self.doc.read_only:
            return
        self.doc.push(SetArticleListCommand(self.doc, self.article_id, attr, items, text,
                                            merge_key))
        if attr == "contacts" and merge_key is None:
            self._fill_picker()

    def _pick_contact(self, index: int) -> None:
        contact = self.picker.itemData(index)
        self.picker.setCurrentIndex(0)
        if contact is not None:
            self.contacts.add_item(Contact(contact.name, contact.role, contact.organisation,
                                           contact.email, contact.phone))

    def _new_callout(self):
        kind = ask_callout_kind(self)
        if kind == "Statistic":
            return StatisticCallout()
        if kind == "Sidebar":
            return SidebarCallout()
        return None

    def _new_image(self) -> Image | None:
        """Choose a picture: checked, copied into images/, with alt text; None if refused."""
        if self.doc.folder is None:
            QMessageBox.information(self, "Save first",
                                    "Save the issue into a folder before adding pictures.")
            return None
        chosen = choose_image_file(self)
        if not chosen:
            return None
        source = Path(chosen)
        try:
            check_image(source)
        except ImageProblem as exc:
            QMessageBox.warning(self, "Picture refused", f"This picture cannot be used: {exc}")
            return None
        alt = ask_alt_text(self, source.name)
        while alt is not None and not alt:
            alt = ask_alt_text(self, source.name)  # alt text is required, so ask again
        if alt is None:
            return None
        try:
            relative = copy_image_into(self.doc.folder, source)
        except OSError as exc:
            QMessageBox.warning(self, "Picture not copied",
                                f"The picture could not be copied into the issue folder: "
                                f"{exc.strerror or exc}")
            return None
        return Image(path=relative, alt=alt, caption="")

    def focus_field(self, field: str, index: int | None = None) -> None:
        """Put the cursor where a problem is: a field, or an element of a list."""
        targets = {"title": self.title, "standfirst": self.standfirst, "status": self.status,
                   "body": self.body.edit, "id": self.title}
        if field in targets:
            targets[field].setFocus()
            return
        if field in self.lists:
            editor = self.lists[field]
            self.tabs.setCurrentWidget(editor)
            if index is not None:
                editor.select(index)
            editor.list.setFocus()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
