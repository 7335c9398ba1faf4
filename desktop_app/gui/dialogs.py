"""Every question the window asks the user, in one place so tests can answer them.

Each function opens a standard dialog and returns a plain value; a test replaces the function
with ``monkeypatch`` and nothing ever blocks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

SAVE, DISCARD, CANCEL, SAVE_AS, RELOAD = "save", "discard", "cancel", "save-as", "reload"


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def ask_unsaved(parent: QWidget | None, name: str) -> str:
    """Save, discard or cancel before the unsaved work is closed."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                      f"{name} has changes that are not saved.", parent=parent)
    box.setInformativeText("Save them before closing?")
    save = box.addButton("Save", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Don't save", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL


def ask_changed_on_disk(parent: QWidget | None, message: str) -> str:
    """The file changed on disk since it was opened: Save As, reload, or cancel."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Changed by someone else", message,
                      parent=parent)
    box.setInformativeText("Your edits are kept. Save them under another name, or reload the "
                           "file from disk (your edits are then lost).")
    save_as = box.addButton("Save As\u2026", QMessageBox.ButtonRole.AcceptRole)
    reload = box.addButton("Reload from disk", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return SAVE_AS if clicked is save_as else RELOAD if clicked is reload else CANCEL


def ask_save_failed(parent: QWidget | None, message: str) -> bool:
    """Saving failed (read-only folder, full disk): offer Save As. True to try Save As."""
    answer = QMessageBox.warning(
        parent, "Not saved",
        f"The issue could not be saved: {message}\n\nYour edits are kept in the window. "
        "Save them somewhere else?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save)
    return answer == QMessageBox.StandardButton.Save


def ask_open_folder(parent: QWidget | None, start: str) -> str | None:
    folder = QFileDialog.getExistingDirectory(parent, "Open an issue folder", start)
    return folder or None


def ask_save_as_folder(parent: QWidget | None, start: str) -> str | None:
    folder = QFileDialog.getExistingDirectory(
        parent, "Save the issue into a folder (an empty folder, or a new one)", start)
    return folder or None


def ask_use_demo(parent: QWidget | None, where: str) -> bool:
    answer = QMessageBox.question(
        parent, "Start with the demo edition?",
        f"No issue is open yet. Open a working copy of the demo edition in\n{where}\n"
        "to try the editor? (The copy is yours to change.)",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def ask_confirm(parent: QWidget | None, title: str, message: str) -> bool:
    answer = QMessageBox.question(parent, title, message)
    return answer == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def ask_item(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """Choose one of ``items``; its index, or None."""
    value, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(value) if ok and value in items else None


def ask_import_files(parent: QWidget | None, start: str, file_filter: str) -> list[str]:
    """Word or Markdown files to import (several at once); empty when cancelled."""
    chosen, _ = QFileDialog.getOpenFileNames(parent, "Import articles", start, file_filter)
    return list(chosen)


def show_report(parent: QWidget | None, title: str, summary: str, lines: list[str]) -> None:
    """What an import made and what it left out: a summary over a read-only list of lines."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    layout = QVBoxLayout(dialog)
    label = QLabel(summary)
    label.setWordWrap(True)
    layout.addWidget(label)
    text = QPlainTextEdit("\n".join(lines))
    text.setReadOnly(True)
    text.setAccessibleName("Import report")
    text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    # Fixed pitch keeps the report's indented details lined up under their articles.
    text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    buttons.accepted.connect(dialog.accept)
    layout.addWidget(buttons)
    dialog.resize(640, 360)
    dialog.exec()


# ---- questions asked while editing --------------------------------------------------------


def ask_link(parent: QWidget | None, text: str, url: str) -> tuple[str, str] | None:
    """The words and the address of a link (Ctrl+K); None when cancelled.

    An empty address means: take the link off, keep the words.
    """
    dialog = QDialog(parent)
    dialog.setWindowTitle("Link")
    form = QFormLayout(dialog)
    words = QLineEdit(text)
    words.setAccessibleName("Text to show")
    address = QLineEdit(url)
    address.setAccessibleName("Link address")
    address.setPlaceholderText("https://\u2026 or mailto:name@example.org")
    form.addRow("&Text to show", words)
    form.addRow("&Address", address)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    (address if text else words).setFocus()
    dialog.resize(460, dialog.sizeHint().height())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return words.text(), address.text()


def ask_picture_file(parent: QWidget | None, start: str = "") -> str | None:
    """A picture to add to an article; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, "Choose a picture", start,
                                          "Pictures (*.png *.jpg *.jpeg *.gif)")
    return path or None


def ask_alt_text(parent: QWidget | None, name: str) -> tuple[str, bool] | None:
    """Alt text for a new picture, or that it is decorative (then it needs none).

    Returns ``(alt text, decorative)``; None when cancelled. OK stays off until one is given.
    """
    dialog = QDialog(parent)
    dialog.setWindowTitle("Alt text")
    layout = QVBoxLayout(dialog)
    label = QLabel(f"Describe {name} for readers who cannot see it:")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    text = QLineEdit()
    text.setAccessibleName("Alt text")
    label.setBuddy(text)
    decorative = QCheckBox("Decorative: it adds nothing a reader needs (no alt text)")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)

    def update() -> None:
        text.setEnabled(not decorative.isChecked())
        ok.setEnabled(decorative.isChecked() or bool(text.text().strip()))

    text.textChanged.connect(update)
    decorative.toggled.connect(update)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    for widget in (label, text, decorative, buttons):
        layout.addWidget(widget)
    update()
    dialog.resize(460, dialog.sizeHint().height())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return ("" if decorative.isChecked() else text.text().strip()), decorative.isChecked()
