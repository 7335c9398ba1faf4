"""Edit the team's contact directory (``contacts.yaml`` beside the issues)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.directory import DirectoryError, load_directory, save_directory
from desktop_app.core.model import Contact
from desktop_app.core.storage import CONTACT_KEYS

from . import dialogs

HEADERS = ["Name", "Role", "Organisation", "Email", "Phone"]


class DirectoryDialog(QDialog):
    """A table of the directory's contacts; Save writes the file atomically."""

    def __init__(self, path: Path, suggestions: list[Contact],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.suggestions = suggestions
        self.setWindowTitle("Team contact directory")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setAccessibleName("Contact directory")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.horizontalHeader().setStretchLastSection(True)
        add = QPushButton("Add")
        add.setAccessibleName("Add a contact to the directory")
        add.clicked.connect(lambda: self.add_row(Contact()))
        take = QPushButton("Add everyone from this issue")
        take.setAccessibleName("Add this issue's contacts to the directory")
        take.clicked.connect(self.add_suggestions)
        remove = QPushButton("Remove")
        remove.setAccessibleName("Remove the selected contact")
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        row = QHBoxLayout()
        for button in (add, take, remove):
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(dialogs.plain_label(f"Kept in {path}, offered in every issue's contact "
                                             "picker."))
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(820, 420)
        try:
            contacts = load_directory(path)
        except DirectoryError as exc:
            dialogs.show_error(self, "Directory not read", str(exc))
            contacts = []
        for contact in contacts:
            self.add_row(contact)

    def add_row(self, contact: Contact) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, key in enumerate(CONTACT_KEYS):
            self.table.setItem(row, column, QTableWidgetItem(getattr(contact, key)))

    def add_suggestions(self) -> None:
        have = {c.key() for c in self.contacts()}
        for contact in self.suggestions:
            if contact.key() not in have:
                self.add_row(contact)

    def contacts(self) -> list[Contact]:
        out = []
        for row in range(self.table.rowCount()):
            values = {}
            for column, key in enumerate(CONTACT_KEYS):
                item = self.table.item(row, column)
                values[key] = item.text().strip() if item is not None else ""
            out.append(Contact(**values))
        return out

    def save(self) -> None:
        try:
            save_directory(self.path, self.contacts())
        except DirectoryError as exc:
            dialogs.show_error(self, "Directory not saved", str(exc))
            return
        self.accept()
