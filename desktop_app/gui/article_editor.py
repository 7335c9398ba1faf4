"""The article editor: title, standfirst, status, the body as formatted text, and the
article's elements (pull quotes, contacts, pictures, callouts) in tabs with their counts.

Every edit becomes an undo command pushed on the document; the editor then shows what the
model says, so undo, redo and edits made elsewhere all appear here the same way. Typing is
one undo step per word (see ``core.typing_groups``).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
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
from desktop_app.core.find import pattern
from desktop_app.core.images import ImageProblem, check_image
from desktop_app.core.model import (
    CALLOUT_KINDS,
    Article,
    Contact,
    Image,
    PullQuote,
    Status,
    callout_kind,
)
from desktop_app.core.storage import IMAGES_DIR

from . import dialogs
from .commands import SetArticleFieldCommand, SetArticleListCommand
from .document import Document
from .list_editor import FieldSpec, ListEditor
from .rich_edit import RichBodyEditor
from .widgets import route_undo_keys, typing_group

CONTACT_FIELDS = [
    FieldSpec("name", "Name"), FieldSpec("role", "Role"),
    FieldSpec("organisation", "Organisation"), FieldSpec("email", "Email"),
    FieldSpec("phone", "Phone"),
]
QUOTE_FIELDS = [FieldSpec("text", "Quote", multiline=True),
                FieldSpec("attribution", "Attribution")]
IMAGE_FIELDS = [FieldSpec("path", "File", read_only=True),
                FieldSpec("alt", "Alt text",
                          placeholder="What the picture shows, for readers who cannot see it"),
                FieldSpec("decorative", "Decorative: no alt text needed", check=True,
                          disables="alt"),
                FieldSpec("caption", "Caption")]
# Each callout kind's form, from the model's one table of kinds.
CALLOUT_FIELDS = {kind.kind: [FieldSpec(f.name, f.label, lines=f.lines,
                                        placeholder=f.placeholder) for f in kind.fields]
                  for kind in CALLOUT_KINDS.values()}
NOTE_FIELDS = [FieldSpec("text", "Note", multiline=True,
                         placeholder="Printed under \u201cNotes\u201d at the end of the article")]
ELEMENT_TABS = (("pull_quotes", "Pull quotes"), ("contacts", "Contacts"), ("images", "Images"),
                ("callouts", "Callouts"), ("notes", "Notes"))


@dataclass
class NoteItem:
    """One of an article's numbered notes (``Article.notes`` holds their texts)."""

    text: str = ""


# Lists the model keeps as plain texts, shown in a ListEditor as items with one field: how an
# article's list becomes the editor's items, and back.
LIST_ITEMS = {"notes": (lambda texts: [NoteItem(t) for t in texts],
                        lambda items: [item.text for item in items])}
_AS_IS = (list, list)

NO_ARTICLE = "Choose an article in the issue structure or the pool, or make one (Ctrl+N)."


def describe_contact(contact: Contact) -> str:
    bits = [contact.name or "(no name)", contact.organisation]
    return " \u2014 ".join(b for b in bits if b)


def describe_image(image: Image) -> str:
    text = image.caption or image.alt or image.path
    return f"{text} (decorative)" if image.decorative else text


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


def scrolled(widget: QWidget, name: str) -> QScrollArea:
    """A widget in a scroll area, so a small screen scrolls it instead of cutting it off."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setAccessibleName(name)
    area.setWidget(widget)
    return area


class ContactPicker(QComboBox):
    """Everyone already in the issue or the team's directory, sorted, found by typing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName("Add a known contact")
        self.setToolTip("Type part of a name or organisation, then choose")
        self.setMinimumContentsLength(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMaxVisibleItems(12)
        # A plain drop-down list that scrolls, never a popup taller than the screen.
        self.setStyleSheet("QComboBox { combobox-popup: 0; }")
        self.lineEdit().setPlaceholderText("Add a known contact\u2026")
        self.lineEdit().setAccessibleName("Find a known contact")
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)

    def set_contacts(self, contacts: list[Contact]) -> None:
        """Offer these contacts (nothing is redone when they are the ones offered already)."""
        if contacts == getattr(self, "_offered", None):
            return
        self._offered = list(contacts)
        self.blockSignals(True)
        self.clear()
        for contact in sorted(contacts, key=lambda c: (c.name.casefold(),
                                                       c.organisation.casefold())):
            self.addItem(describe_contact(contact), contact)
        self.setCurrentIndex(-1)
        self.clearEditText()
        self.blockSignals(False)


class ArticleEditor(QWidget):
    """Edits one article; emits ``directory_requested`` for the contact directory dialog."""

    directory_requested = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.article_id: str | None = None
        self.setAccessibleName("Article editor")

        self.heading = dialogs.plain_label(NO_ARTICLE)  # shows the article's own title
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Article location")
        font = self.heading.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        self.title = QLineEdit()
        self.title.setAccessibleName("Article title")
        self.standfirst = QLineEdit()
        self.standfirst.setAccessibleName("Standfirst")
        self.standfirst.setPlaceholderText("One line under the title (optional)")
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for status in Status:
            self.status.addItem(status.label, status.value)
        self.body = RichBodyEditor("Body")
        for widget in (self.title, self.standfirst):
            route_undo_keys(widget)
        self._typed = {"title": "", "standfirst": ""}
        self.title.textEdited.connect(lambda t: self._typed_in("title", self.title, t))
        self.standfirst.textEdited.connect(
            lambda t: self._typed_in("standfirst", self.standfirst, t))
        self.body.text_edited.connect(lambda t, key: self._set_field("body", t, key))
        self.status.activated.connect(
            lambda i: self._set_field("status", Status(self.status.itemData(i))))

        self.quotes = ListEditor("Pull quotes", lambda q: q.text[:80] or "(empty quote)",
                                 lambda _q: QUOTE_FIELDS, lambda: PullQuote(text=""),
                                 framed=False, noun="pull quote")
        self.contacts = ListEditor("Contacts", describe_contact, lambda _c: CONTACT_FIELDS,
                                   lambda: Contact(name=""), framed=False, noun="contact")
        self.images = ListEditor("Images", describe_image, lambda _i: IMAGE_FIELDS,
                                 self._new_image, framed=False, noun="picture")
        self.callouts = ListEditor(
            "Callouts", lambda c: callout_kind(c).describe(c),
            lambda c: CALLOUT_FIELDS[callout_kind(c).kind], self._new_callout, framed=False,
            noun="callout")
        # Footnotes and endnotes of imported files, or notes the editor adds: "[1]" in the
        # body refers to the first.
        self.notes = ListEditor("Notes", lambda n: n.text[:80] or "(empty note)",
                                lambda _n: NOTE_FIELDS, NoteItem, framed=False, noun="note")
        self.lists = {"pull_quotes": self.quotes, "contacts": self.contacts,
                      "images": self.images, "callouts": self.callouts, "notes": self.notes}
        for attr, editor in self.lists.items():
            editor.edited.connect(lambda items, text, key, a=attr: self._set_list(a, items,
                                                                                    text, key))

        # The contact picker: everyone already in this issue or in the team's directory.
        self.picker = ContactPicker()
        self.picker.activated.connect(self._pick_contact)
        directory_button = QPushButton("Directory\u2026")
        directory_button.setAccessibleName("Edit the contact directory")
        directory_button.clicked.connect(self.directory_requested)
        self.contacts.buttons.insertWidget(4, self.picker, 1)
        self.contacts.buttons.insertWidget(5, directory_button)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow("&Title", self.title)
        form.addRow("Stand&first", self.standfirst)
        form.addRow("Stat&us", self.status)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Article elements")
        self.tabs.setDocumentMode(True)
        for attr, label in ELEMENT_TABS:
            editor = self.lists[attr]
            self.tabs.addTab(scrolled(editor, label), label)
            editor.count_changed.connect(lambda n, a=attr: self._count_tab(a, n))
        body_box = QWidget()
        body_layout = QVBoxLayout(body_box)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_label = QLabel("&Body")
        body_label.setBuddy(self.body.edit)
        body_layout.addWidget(body_label)
        body_layout.addWidget(self.body, 1)
        # Body over elements, the divider the user's to move; neither forces the window up.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(body_box)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        body_box.setMinimumHeight(110)
        self.tabs.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.splitter, 1)

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

    def _count_tab(self, attr: str, count: int) -> None:
        index = [a for a, _label in ELEMENT_TABS].index(attr)
        label = dict(ELEMENT_TABS)[attr]
        text = f"{label} ({count})" if count else label
        if self.tabs.tabText(index) != text:
            self.tabs.setTabText(index, text)

    def _fill(self) -> None:
        article = self.article()
        if article is None:
            self.heading.setText(NO_ARTICLE)
            for widget in (self.title, self.standfirst):
                widget.clear()
            self.body.set_text("")
            for editor in self.lists.values():
                editor.set_items([])
            return
        section, _ = self.doc.issue.find_article(article.id)
        where = f"in {section.title}" if section else "in the pool (not placed yet)"
        self.heading.setText(f"{article.title or article.id} \u2014 {where}")
        for name, widget in (("title", self.title), ("standfirst", self.standfirst)):
            value = getattr(article, name)
            if widget.text() != value:
                widget.setText(value)
            self._typed[name] = value
        index = self.status.findData(article.status.value)
        if self.status.currentIndex() != index:
            self.status.setCurrentIndex(index)
        self.body.set_text(article.body)
        for attr, editor in self.lists.items():
            to_items, _ = LIST_ITEMS.get(attr, _AS_IS)
            editor.set_items(to_items(getattr(article, attr)))  # a no-op when unchanged

    def _fill_picker(self) -> None:
        self.picker.set_contacts(self.known_contacts())

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

    def _typed_in(self, field: str, widget: QLineEdit, text: str) -> None:
        key = typing_group(widget, self._typed[field], text)
        self._typed[field] = text
        self._set_field(field, text, key)

    def _set_field(self, field: str, value, merge_key: object = None) -> None:
        article = self.article()
        if article is None or self.doc.read_only or getattr(article, field) == value:
            return
        self.doc.push(SetArticleFieldCommand(self.doc, article.id, field, value, merge_key))

    def _set_list(self, attr: str, items: list, text: str, merge_key: object) -> None:
        if self.article_id is None or self.doc.read_only:
            return
        _, from_items = LIST_ITEMS.get(attr, _AS_IS)
        items = from_items(items)
        self.doc.push(SetArticleListCommand(self.doc, self.article_id, attr, items, text,
                                            merge_key))
        if attr == "contacts" and merge_key is None:
            self._fill_picker()

    def _pick_contact(self, index: int) -> None:
        contact = self.picker.itemData(index)
        self.picker.setCurrentIndex(-1)
        self.picker.clearEditText()
        if isinstance(contact, Contact):
            self.contacts.add_item(Contact(contact.name, contact.role, contact.organisation,
                                           contact.email, contact.phone))

    def _new_callout(self):
        kinds = list(CALLOUT_KINDS.values())
        choice = dialogs.ask_item(self, "Add a callout", "Kind:", [k.label for k in kinds])
        return kinds[choice].new() if choice is not None else None

    def _new_image(self) -> Image | None:
        """Choose a picture: checked, copied into images/, with alt text; None if refused."""
        if self.doc.folder is None:
            dialogs.show_info(self, "Save first",
                              "Save the issue into a folder before adding pictures.")
            return None
        chosen = dialogs.ask_picture_file(self)
        if not chosen:
            return None
        source = Path(chosen)
        try:
            check_image(source)
        except ImageProblem as exc:
            dialogs.show_error(self, "Picture refused", f"This picture cannot be used: {exc}")
            return None
        answer = dialogs.ask_alt_text(self, source.name)
        if answer is None:
            return None
        alt, decorative = answer
        try:
            relative = copy_image_into(self.doc.folder, source)
        except OSError as exc:
            dialogs.show_error(self, "Picture not copied",
                               f"The picture could not be copied into the issue folder: "
                               f"{exc.strerror or exc}")
            return None
        return Image(path=relative, alt=alt, caption="", decorative=decorative)

    def select_words(self, field: str, index: int | None, key: str, words: str) -> bool:
        """Select some words where they are (a match found, a comment's anchor) and put the
        cursor there. An anchor not found in the body is looked for in the other fields.
        False if the words are not there any more."""
        search = pattern(words)
        if field == "body" or not field:
            found = search.search(self.body.document().toPlainText())
            if found:
                cursor = QTextCursor(self.body.document())
                cursor.setPosition(found.start())
                cursor.setPosition(found.end(), QTextCursor.MoveMode.KeepAnchor)
                self.body.edit.setTextCursor(cursor)
                self.body.edit.ensureCursorVisible()
                self.body.edit.setFocus()
                return True
            if field:
                return self.select_words("", None, "", words)
        lines = [("title", self.title, None, ""), ("standfirst", self.standfirst, None, "")]
        if field in self.lists and index is not None:
            lines.insert(0, (field, None, index, key))
        elif not field:
            lines += [(attr, None, i, k) for attr, k in (("pull_quotes", "text"),
                                                         ("pull_quotes", "attribution"))
                      for i in range(len(self.lists[attr].items))]
        for name, widget, row, attr in lines:
            if field and name != field:
                continue
            if widget is None:
                self.focus_field(name, row)
                widget = self.lists[name].fields.get(attr)
            if widget is None:
                continue
            text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
            found = search.search(text)
            if not found:
                continue
            widget.setFocus()
            if isinstance(widget, QPlainTextEdit):
                cursor = widget.textCursor()
                cursor.setPosition(found.start())
                cursor.setPosition(found.end(), QTextCursor.MoveMode.KeepAnchor)
                widget.setTextCursor(cursor)
            else:
                widget.setSelection(found.start(), found.end() - found.start())
            return True
        return False

    def focus_field(self, field: str, index: int | None = None) -> None:
        """Put the cursor where a problem is: a field, or an element of a list."""
        targets = {"title": self.title, "standfirst": self.standfirst, "status": self.status,
                   "body": self.body.edit, "id": self.title}
        if field in targets:
            targets[field].setFocus()
            return
        if field in self.lists:
            editor = self.lists[field]
            self.tabs.setCurrentIndex([a for a, _l in ELEMENT_TABS].index(field))
            if index is not None:
                editor.select(index)
            editor.list.setFocus()

