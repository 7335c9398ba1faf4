"""Every question the window asks the user, in one place so tests can answer them.

Each function opens a standard dialog and returns a plain value; a test replaces the function
with ``monkeypatch`` and nothing ever blocks.
"""

from __future__ import annotations

from PySide6 import QtGui
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


# ---- plain text -----------------------------------------------------------------------------
# Qt guesses whether a label's text is HTML; text from an issue or an imported file must never
# be taken for markup (a crafted file could show pictures from outside the folder, links and
# colours). Every label and message box that may show such text is made here, as plain text.


def plain_label(text: str = "") -> QLabel:
    """A label that shows ``text`` exactly as written, never as rich text."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_tooltip(text: str) -> str:
    """Tooltip text shown exactly as written (Qt always guesses a tooltip's format)."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                informative: str = "") -> QMessageBox:
    """A message box whose text and informative text are plain text."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    return box


def _answer(box: QMessageBox, buttons: QMessageBox.StandardButton,
            default: QMessageBox.StandardButton | None = None) -> QMessageBox.StandardButton:
    box.setStandardButtons(buttons)
    if default is not None:
        box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())


# ---- messages and questions ------------------------------------------------------------------


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    message_box(parent, QMessageBox.Icon.Warning, title, message).exec()


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    message_box(parent, QMessageBox.Icon.Information, title, message).exec()


def ask_unsaved(parent: QWidget | None, name: str) -> str:
    """Save, discard or cancel before the unsaved work is closed."""
    box = message_box(parent, QMessageBox.Icon.Warning, "Unsaved changes",
                      f"{name} has changes that are not saved.", "Save them before closing?")
    save = box.addButton("Save", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Don't save", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL


def ask_changed_on_disk(parent: QWidget | None, message: str) -> str:
    """The file changed on disk since it was opened: Save As, reload, or cancel."""
    box = message_box(parent, QMessageBox.Icon.Warning, "Changed by someone else", message,
                      "Your edits are kept. Save them under another name, or reload the "
                      "file from disk (your edits are then lost).")
    save_as = box.addButton("Save As\u2026", QMessageBox.ButtonRole.AcceptRole)
    reload = box.addButton("Reload from disk", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return SAVE_AS if clicked is save_as else RELOAD if clicked is reload else CANCEL


def ask_save_failed(parent: QWidget | None, message: str) -> bool:
    """Saving failed (read-only folder, full disk): offer Save As. True to try Save As."""
    box = message_box(parent, QMessageBox.Icon.Warning, "Not saved",
                      f"The issue could not be saved: {message}\n\nYour edits are kept in the "
                      "window. Save them somewhere else?")
    buttons = QMessageBox.StandardButton
    return _answer(box, buttons.Save | buttons.Cancel, buttons.Save) == buttons.Save


def ask_open_another(parent: QWidget | None, message: str) -> bool:
    """An issue could not be opened at start: offer to open another. True to choose one."""
    box = message_box(parent, QMessageBox.Icon.Warning, "Cannot open this issue",
                      f"This issue cannot be opened.\n\n{message}",
                      "Open another issue? The file is left as it is.")
    buttons = QMessageBox.StandardButton
    return _answer(box, buttons.Open | buttons.Cancel, buttons.Open) == buttons.Open


RESTORE_COPY, OPEN_SAVED, COMPARE = "restore-copy", "open-saved", "compare"


def ask_restore_changed(parent: QWidget | None, saved_at: str, changed_at: str) -> str:
    """Unsaved edits were kept, but issue.yaml changed after them: what to do.

    OPEN_SAVED (drop the kept edits), RESTORE_COPY (the edits become a copy beside the issue),
    COMPARE (list the differences article by article, then ask again) or CANCEL.
    """
    box = message_box(
        parent, QMessageBox.Icon.Warning, "Restore unsaved work?",
        f"The editor did not close normally last time. Unsaved changes to this issue were "
        f"kept at {saved_at}, but the issue file was changed after that (at {changed_at}), "
        "perhaps by an import or a colleague.",
        "Restoring the kept changes over it would lose those later changes. Open the saved "
        "file as it is now, restore your changes as a copy beside it, or compare the two "
        "article by article first.")
    opened = box.addButton("Open the saved file", QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton("Restore my changes as a copy", QMessageBox.ButtonRole.ActionRole)
    compare = box.addButton("Compare\u2026", QMessageBox.ButtonRole.HelpRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(copy)
    box.exec()
    clicked = box.clickedButton()
    return {opened: OPEN_SAVED, copy: RESTORE_COPY, compare: COMPARE}.get(clicked, CANCEL)


def ask_open_folder(parent: QWidget | None, start: str) -> str | None:
    folder = QFileDialog.getExistingDirectory(parent, "Open an issue folder", start)
    return folder or None


def ask_save_as_folder(parent: QWidget | None, start: str) -> str | None:
    folder = QFileDialog.getExistingDirectory(
        parent, "Save the issue into a folder (an empty folder, or a new one)", start)
    return folder or None


def ask_use_demo(parent: QWidget | None, where: str) -> bool:
    box = message_box(parent, QMessageBox.Icon.Question, "Start with the demo edition?",
                      f"No issue is open yet. Open a working copy of the demo edition in\n"
                      f"{where}\nto try the editor? (The copy is yours to change.)")
    buttons = QMessageBox.StandardButton
    return _answer(box, buttons.Yes | buttons.No, buttons.Yes) == buttons.Yes


def ask_restore(parent: QWidget | None, saved_at: str) -> bool:
    """After a crash: restore the unsaved work kept at ``saved_at``? True to restore."""
    box = message_box(parent, QMessageBox.Icon.Question, "Restore unsaved work?",
                      f"The editor did not close normally last time. Unsaved changes to this "
                      f"issue were kept at {saved_at}.\n\nRestore them? (They stay unsaved "
                      "until you save.)")
    buttons = QMessageBox.StandardButton
    return _answer(box, buttons.Yes | buttons.No, buttons.Yes) == buttons.Yes


def ask_confirm(parent: QWidget | None, title: str, message: str) -> bool:
    box = message_box(parent, QMessageBox.Icon.Question, title, message)
    buttons = QMessageBox.StandardButton
    return _answer(box, buttons.Yes | buttons.No) == buttons.Yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def ask_item(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """Choose one of ``items``; its index, or None."""
    value, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(value) if ok and value in items else None


def ask_reviewed_file(parent: QWidget | None) -> str | None:
    """A Word file that reviewers have commented on; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, "Import reviewer comments", "",
                                          "Word files (*.docx)")
    return path or None


def ask_form_file(parent: QWidget | None, start: str) -> str | None:
    """Where to save the blank submission form; None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, "Save the submission form", start,
                                          "Word files (*.docx)")
    return path or None


def ask_export_folder(parent: QWidget | None, start: str) -> str | None:
    """The folder to export into; None when cancelled."""
    folder = QFileDialog.getExistingDirectory(parent, "Export to folder", start)
    return folder or None


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
    label = plain_label(summary)
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
    label = plain_label(f"Describe {name} for readers who cannot see it:")
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
