"""A generic editor for an article's element lists: pull quotes, contacts, images, callouts.

It never changes the model: every edit emits ``edited(new_items, description, merge_key)`` and
the owner pushes an undo command; the model's answer comes back through ``set_items``. A new
item with nothing in it yet (a pull quote just added) waits in the list, unsaved, until its
first field is typed in, so no "has no text" problem appears before the user has typed.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .widgets import ContextMenus, route_undo_keys, typing_group


@dataclass(frozen=True)
class FieldSpec:
    """One editable field of a list item."""

    name: str
    label: str
    multiline: bool = False
    lines: bool = False  # a list[str] edited one entry per line
    read_only: bool = False
    placeholder: str = ""
    check: bool = False  # a tick box for a true/false field
    disables: str = ""  # the field this tick box switches off while ticked


def is_blank(item: Any) -> bool:
    """True for an item whose text fields are all empty (a fresh pull quote or callout)."""
    if not dataclasses.is_dataclass(item):
        return False
    for spec in dataclasses.fields(item):
        value = getattr(item, spec.name)
        if spec.name == "extra" or isinstance(value, bool):
            continue
        if (isinstance(value, list) and any(str(v).strip() for v in value)) or \
                (isinstance(value, str) and value.strip()):
            return False
    return True


class ListEditor(QGroupBox):
    """A list of items, buttons to add, remove and reorder, and a form for the chosen one."""

    edited = Signal(list, str, object)
    count_changed = Signal(int)
    field_made = Signal(str, QWidget)  # a field's widget was built (the spell checker attaches)

    def __init__(self, title: str, describe: Callable[[Any], str],
                 fields_for: Callable[[Any], list[FieldSpec]],
                 new_item: Callable[[], Any | None], parent: QWidget | None = None,
                 framed: bool = True, noun: str = "item") -> None:
        # In a tab the tab names the list, so the box draws no title of its own.
        super().__init__(title if framed else "", parent)
        self._title = title
        self.noun = noun
        self.setFlat(not framed)
        self.setAccessibleName(title)
        self.describe, self.fields_for, self.new_item = describe, fields_for, new_item
        self.items: list[Any] = []  # what is shown: the model's items, and a pending new one
        self.model_items: list[Any] = []
        self.pending = False
        self.fields: dict[str, QWidget] = {}
        self._shown: tuple[int, type] | None = None
        self._filling = False

        self.list = QListWidget()
        self.list.setAccessibleName(f"{title} list")
        self.list.setMaximumHeight(96)
        self.list.currentRowChanged.connect(lambda _r: self._row_changed())
        self.add_button = QPushButton("Add")
        self.remove_button = QPushButton("Remove")
        self.up_button = QPushButton("Up")
        self.down_button = QPushButton("Down")
        for button, name in ((self.add_button, "Add"), (self.remove_button, "Remove"),
                             (self.up_button, "Move up"), (self.down_button, "Move down")):
            button.setAccessibleName(f"{name} ({title.lower()})")
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
        layout.addStretch(1)
        self.menus = ContextMenus(self.list, self.context_menu)
        self._update_buttons()

    # ---- from the model ----------------------------------------------------------------------

    def set_items(self, items: list[Any]) -> None:
        """Show the model's list, keeping the selection, any field being typed in, and a new
        item not yet typed in (unless the model's list itself changed)."""
        if items == self.model_items and self.list.count() == len(self.items):
            return
        row = self.list.currentRow()
        self.model_items = copy.deepcopy(items)
        self.items = copy.deepcopy(items)
        self.pending = False
        self._refill(row)

    def _refill(self, row: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for n, item in enumerate(self.items):
            text = self.describe(item)
            if self.pending and n == len(self.items) - 1:
                text = f"(new {self.noun})"
            self.list.addItem(text)
        if self.items:
            self.list.setCurrentRow(min(max(row, 0), len(self.items) - 1))
        self.list.blockSignals(False)
        self._show_form()
        self.count_changed.emit(len(self.model_items))

    def select(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.list.setCurrentRow(row)

    def current(self) -> int:
        return self.list.currentRow()

    def _row_changed(self) -> None:
        if self.pending and self.list.currentRow() != len(self.items) - 1:
            # Left a new item without typing in it: it was never made.
            self.items = copy.deepcopy(self.model_items)
            self.pending = False
            self._refill(self.list.currentRow())
            return
        self._show_form()

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
                    self.fields[spec.name] = self._make_field(spec)
                    self.form.addRow("" if spec.check else spec.label, self.fields[spec.name])
            self._shown = key
        if item is not None:
            self._filling = True
            specs = self.fields_for(item)
            for spec in specs:
                self._fill(self.fields[spec.name], spec, getattr(item, spec.name))
            for spec in specs:
                if spec.check and spec.disables in self.fields:
                    self.fields[spec.disables].setEnabled(not getattr(item, spec.name))
            self._filling = False
        self._update_buttons()

    def _make_field(self, spec: FieldSpec) -> QWidget:
        widget: QWidget
        if spec.check:
            widget = QCheckBox(spec.label)
            widget.toggled.connect(lambda _on, s=spec: self._field_edited(s))
            widget.setEnabled(not spec.read_only)
        elif spec.multiline or spec.lines:
            widget = QPlainTextEdit()
            widget.setMinimumHeight(52)
            widget.setMaximumHeight(80)
            widget.setTabChangesFocus(True)
            widget.textChanged.connect(lambda s=spec: self._field_edited(s))
        else:
            widget = QLineEdit()
            widget.textEdited.connect(lambda _t, s=spec: self._field_edited(s))
        if not spec.check:
            widget.setReadOnly(spec.read_only)
            route_undo_keys(widget)
        widget.setAccessibleName(spec.label)
        if spec.placeholder:
            widget.setPlaceholderText(spec.placeholder)
        self.field_made.emit(spec.name, widget)
        return widget

    def _fill(self, widget: QWidget, spec: FieldSpec, value: Any) -> None:
        if isinstance(widget, QCheckBox):
            if widget.isChecked() != bool(value):
                widget.setChecked(bool(value))
            return
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
        old = getattr(self.items[row], spec.name)
        if isinstance(widget, QCheckBox):
            value: Any = widget.isChecked()
            merge_key: object = None  # a tick is an undo step of its own
        else:
            text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
            value = [ln.strip() for ln in text.splitlines() if ln.strip()] if spec.lines \
                else text
            before = "\n".join(old) if spec.lines else str(old)
            merge_key = (row, spec.name, typing_group(widget, before, text))
        if old == value:
            return
        new = copy.deepcopy(self.items)
        setattr(new[row], spec.name, value)
        if self.pending:
            # The first words in a new item make it: one undo step adds it with them.
            self.pending = False
            self.edited.emit(new, f"add to {self._title.lower()}", None)
        else:
            self.edited.emit(new, f"edit {spec.label.lower()}", merge_key)
        if spec.check and spec.disables in self.fields:
            self.fields[spec.disables].setEnabled(not value)

    # ---- buttons and the context menu --------------------------------------------------------

    def add(self) -> None:
        item = self.new_item()
        if item is None:
            return
        if is_blank(item):
            self.items = copy.deepcopy(self.model_items) + [item]
            self.pending = True
            self._refill(len(self.items) - 1)
            first = next(iter(self.fields.values()), None)
            if first is not None:
                first.setFocus()
            return
        self.add_item(item)

    def add_item(self, item: Any) -> None:
        new = copy.deepcopy(self.model_items) + [item]
        self.edited.emit(new, f"add to {self._title.lower()}", None)
        self.select(len(new) - 1)

    def remove(self) -> None:
        row = self.list.currentRow()
        if self.pending and row == len(self.items) - 1:
            self.set_items(self.model_items)  # the new item was never made
            return
        if 0 <= row < len(self.model_items):
            new = copy.deepcopy(self.model_items)
            del new[row]
            self.edited.emit(new, f"remove from {self._title.lower()}", None)

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < len(self.model_items) and 0 <= target < len(self.model_items):
            new = copy.deepcopy(self.model_items)
            new[row], new[target] = new[target], new[row]
            self.edited.emit(new, f"reorder {self._title.lower()}", None)
            self.select(target)

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        for button, text in ((self.add_button, f"Add a {self.noun}"),
                             (self.remove_button, f"Remove this {self.noun}"),
                             (self.up_button, "Move up"), (self.down_button, "Move down")):
            action = menu.addAction(text)
            action.setEnabled(button.isEnabled() and self.isEnabled())
            action.triggered.connect(button.click)
        return menu

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        has = 0 <= row < len(self.items)
        placed = 0 <= row < len(self.model_items)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(placed and row > 0)
        self.down_button.setEnabled(placed and row < len(self.model_items) - 1)
