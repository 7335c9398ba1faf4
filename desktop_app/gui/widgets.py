"""Small shared widgets: undo keys routed to the app, and a generic editor for element lists."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class AppUndoKeys(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the window's undo stack from inside text fields.

    Text widgets claim those keys for their own little undo history; that history does not
    know about the issue, so the shortcut override is refused here and the app's action runs.
    """

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride:
            if event.matches(QKeySequence.StandardKey.Undo) or \
                    event.matches(QKeySequence.StandardKey.Redo):
                return True
        return False


_UNDO_KEYS = AppUndoKeys()


def route_undo_keys(widget: QWidget) -> None:
    """Send the undo keys of a text widget to the app's undo stack."""
    widget.installEventFilter(_UNDO_KEYS)
    if isinstance(widget, QPlainTextEdit):
        widget.setUndoRedoEnabled(False)


@dataclass(frozen=True)
class FieldSpec:
    """One editable field of a list item."""

    name: str
    label: str
    multiline: bool = False
    lines: bool = False  # a list[str] edited one entry per line
    read_only: bool = False
    placeholder: str = ""


class ListEditor(QGroupBox):
    """Edits a list of small dataclasses (pull quotes, contacts, images, callouts).

    It never changes the model: every edit emits ``edited(new_items, description, merge_key)``
    and the owner pushes an undo command; the model's answer comes back through ``set_items``.
    """

    edited = Signal(list, str, object)
    field_made = Signal(str, QWidget)  # a field's widget was built (the spell checker attaches)

    def __init__(self, title: str, describe: Callable[[Any], str],
                 fields_for: Callable[[Any], list[FieldSpec]],
                 new_item: Callable[[], Any | None], parent: QWidget | None = None,
                 framed: bool = True) -> None:
        # In a tab the tab names the list, so the box draws no title of its own.
        super().__init__(title if framed else "", parent)
        self._title = title
        self.setFlat(not framed)
        self.setAccessibleName(title)
        self.describe, self.fields_for, self.new_item = describe, fields_for, new_item
        self.items: list[Any] = []
        self.fields: dict[str, QWidget] = {}
        self._shown: tuple[int, type] | None = None
        self._filling = False

        self.list = QListWidget()
        self.list.setAccessibleName(f"{title} list")
        self.list.setMaximumHeight(96)
        self.list.currentRowChanged.connect(lambda _r: self._show_form())
        self.add_button = QPushButton("Add")
        self.remove_button = QPushButton("Remove")
        self.up_button = QPushButton("Up")
        self.down_button = QPushButton("Down")
        for button, name in ((self.add_button, "Add"), (self.remove_button, "Remove"),
                             (self.up_button, "Move up"), (self.down_button, "Move down")):
            button.setAccessibleName(f"{name} ({title})")
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(self.buttons)
        layout.addLayout(self.form)
        self._update_buttons()

    # ---- from the model ----------------------------------------------------------------------

    def set_items(self, items: list[Any]) -> None:
        """Show the model's list, keeping the selection and any field being typed in."""
        row = self.list.currentRow()
        self.items = copy.deepcopy(items)
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.items:
            self.list.addItem(self.describe(item))
        if self.items:
            self.list.setCurrentRow(min(max(row, 0), len(self.items) - 1))
        self.list.blockSignals(False)
        self._show_form()

    def select(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.list.setCurrentRow(row)

    def current(self) -> int:
        return self.list.currentRow()

    # ---- the form ----------------------------------------------------------------------------

    def _show_form(self) -> None:
        row = self.list.currentRow()
        item = self.items[row] if 0 <= row < len(self.items) else None
        key = (row, type(item)) if item is not None else None
        if key != self._shown:
            while self.form.rowCount():
                self.form.removeRow(0)
            self.fields = {}
            if item is not None:
                for spec in self.fields_for(item):
                    self.fields[spec.name] = self._make_field(spec, row)
                    self.form.addRow(spec.label, self.fields[spec.name])
            self._shown = key
        if item is not None:
            self._filling = True
            for spec in self.fields_for(item):
                self._fill(self.fields[spec.name], spec, getattr(item, spec.name))
            self._filling = False
        self._update_buttons()

    def _make_field(self, spec: FieldSpec, row: int) -> QWidget:
        if spec.multiline or spec.lines:
            widget: QWidget = QPlainTextEdit()
            widget.setMinimumHeight(52)
            widget.setMaximumHeight(80)
            widget.textChanged.connect(lambda s=spec: self._field_edited(s))
        else:
            widget = QLineEdit()
            widget.textEdited.connect(lambda _t, s=spec: self._field_edited(s))
        widget.setReadOnly(spec.read_only)
        widget.setAccessibleName(spec.label)
        if spec.placeholder:
            widget.setPlaceholderText(spec.placeholder)
        route_undo_keys(widget)
        self.field_made.emit(spec.name, widget)
        return widget

    def _fill(self, widget: QWidget, spec: FieldSpec, value: Any) -> None:
        text = "\n".join(value) if spec.lines else str(value)
        current = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        if spec.lines:
            # A trailing blank line being typed is not in the model yet: keep it.
            if [ln.strip() for ln in current.splitlines() if ln.strip()] == list(value):
                return
        if current != text:
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(text)
            else:
                widget.setText(text)

    def _field_edited(self, spec: FieldSpec) -> None:
        if self._filling:
            return
        row = self.list.currentRow()
        if not 0 <= row < len(self.items):
            return
        widget = self.fields[spec.name]
        text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        value: Any = [ln.strip() for ln in text.splitlines() if ln.strip()] if spec.lines \
            else text
        if getattr(self.items[row], spec.name) == value:
            return
        new = copy.deepcopy(self.items)
        setattr(new[row], spec.name, value)
        self.edited.emit(new, f"edit {spec.label.lower()}", (row, spec.name))

    # ---- buttons -----------------------------------------------------------------------------

    def add(self) -> None:
        item = self.new_item()
        if item is None:
            return
        self.add_item(item)

    def add_item(self, item: Any) -> None:
        new = copy.deepcopy(self.items) + [item]
        self.edited.emit(new, f"add to {self._title.lower()}", None)
        self.select(len(new) - 1)

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.items):
            new = copy.deepcopy(self.items)
            del new[row]
            self.edited.emit(new, f"remove from {self._title.lower()}", None)

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < len(self.items) and 0 <= target < len(self.items):
            new = copy.deepcopy(self.items)
            new[row], new[target] = new[target], new[row]
            self.edited.emit(new, f"reorder {self._title.lower()}", None)
            self.select(target)

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        has = 0 <= row < len(self.items)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self.items) - 1)
