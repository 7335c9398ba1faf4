"""Find and replace across the whole issue (Ctrl+H): titles, standfirsts, bodies, quotes and
contacts. Each match is listed with the words around it; Replace changes the chosen ones and
Replace all changes every one, each as one undo step. The searching is ``core.find``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.find import SCOPE_LABELS, SCOPES, Match, find_all, plan_replacements
from desktop_app.core.model import plural

from . import dialogs
from .document import Document
from .edit_commands import ReplaceTextCommand

MATCH_ROLE = Qt.ItemDataRole.UserRole + 40
SHOWN_LIMIT = 5000  # matches listed at most (a search for "e" should not build 100 000 rows)


class MatchModel(QAbstractTableModel):
    """The matches: where each is, and the words around it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matches: list[Match] = []

    def set_matches(self, matches: list[Match]) -> None:
        self.beginResetModel()
        self.matches = matches
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.matches)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Where", "Found")[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        match = self.matches[index.row()]
        if role == MATCH_ROLE:
            return match
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            text = match.where if index.column() == 0 else \
                f"\u2026{match.before}{match.text}{match.after}\u2026"
            if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == 1:
                return f"{match.text}, in: {text}"
            # Contributors' words: a tooltip would take them for HTML if they looked like it.
            return dialogs.plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None


class ContextDelegate(QStyledItemDelegate):
    """Draws a match's context with the matched words in bold on the highlight colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        match = index.data(MATCH_ROLE)
        if match is None or index.column() != 1:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)
        rect = option.rect.adjusted(4, 0, -4, 0)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        normal = QFont(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        plain_metrics, bold_metrics = QFontMetrics(normal), QFontMetrics(bold)
        found = bold_metrics.elidedText(match.text, Qt.TextElideMode.ElideRight,
                                        rect.width() // 2)
        found_width = bold_metrics.horizontalAdvance(found) + 4
        room = max(0, (rect.width() - found_width) // 2)
        before = plain_metrics.elidedText("\u2026" + match.before, Qt.TextElideMode.ElideLeft,
                                          room)
        before_width = plain_metrics.horizontalAdvance(before)
        after = plain_metrics.elidedText(match.after + "\u2026", Qt.TextElideMode.ElideRight,
                                         max(0, rect.width() - before_width - found_width))
        painter.save()
        painter.setPen(text_colour)
        painter.setFont(normal)
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(QRect(rect.left(), rect.top(), before_width, rect.height()), align,
                         before)
        box = QRect(rect.left() + before_width, rect.top() + 2, found_width, rect.height() - 4)
        if not selected:
            painter.fillRect(box, palette.color(QPalette.ColorRole.Highlight).lighter(170))
            painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(bold)
        painter.drawText(box.adjusted(2, -2, 0, 2), align, found)
        painter.setPen(text_colour)
        painter.setFont(normal)
        painter.drawText(QRect(box.right() + 1, rect.top(), rect.right() - box.right(),
                               rect.height()), align, after)
        painter.restore()


class FindReplaceDialog(QDialog):
    """Find words anywhere in the issue, see each in context, replace one or all."""

    show_match_requested = Signal(object)  # a Match: open its article and select the words

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle("Find and replace")
        self.setAccessibleName("Find and replace")
        self.find_box = QLineEdit()
        self.find_box.setAccessibleName("Find")
        self.find_box.setClearButtonEnabled(True)
        self.replace_box = QLineEdit()
        self.replace_box.setAccessibleName("Replace with")
        self.match_case = QCheckBox("Match &case")
        self.whole_words = QCheckBox("&Whole words")
        self.scopes: dict[str, QCheckBox] = {}
        scope_row = QHBoxLayout()
        for scope in SCOPES:
            box = QCheckBox(SCOPE_LABELS[scope])
            box.setChecked(True)
            box.setAccessibleName(f"Search {SCOPE_LABELS[scope].lower()}")
            box.toggled.connect(lambda _on: self.find())
            self.scopes[scope] = box
            scope_row.addWidget(box)
        scope_row.addStretch(1)
        options = QHBoxLayout()
        options.addWidget(self.match_case)
        options.addWidget(self.whole_words)
        options.addStretch(1)
        form = QFormLayout()
        form.addRow("F&ind", self.find_box)
        form.addRow("Replace wit&h", self.replace_box)
        form.addRow("", options)
        form.addRow("Search in", scope_row)

        self.model = MatchModel(self)
        self.results = QTreeView()
        self.results.setAccessibleName("Matches")
        self.results.setModel(self.model)
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setItemDelegateForColumn(1, ContextDelegate(self.results))
        header = self.results.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 260)
        self.results.activated.connect(self._activated)
        self.summary = dialogs.plain_label("Type the words to find.")
        self.summary.setAccessibleName("Find summary")

        self.find_button = QPushButton("&Find")
        self.replace_button = QPushButton("&Replace")
        self.replace_button.setAccessibleName("Replace the chosen matches")
        self.replace_all_button = QPushButton("Replace &all")
        self.find_button.clicked.connect(self.find)
        self.replace_button.clicked.connect(self.replace_selected)
        self.replace_all_button.clicked.connect(self.replace_all)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in (self.find_button, self.replace_button, self.replace_all_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.find_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self.resize(720, 460)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.find)
        self.find_box.textChanged.connect(lambda _t: self.timer.start())
        self.match_case.toggled.connect(lambda _on: self.find())
        self.whole_words.toggled.connect(lambda _on: self.find())
        doc.changed.connect(self._doc_changed)
        self._update_buttons()

    # ---- finding -------------------------------------------------------------------------------

    def chosen_scopes(self) -> set[str]:
        return {scope for scope, box in self.scopes.items() if box.isChecked()}

    def find(self) -> list[Match]:
        """Search now and list the matches."""
        self.timer.stop()
        matches = find_all(self.doc.issue, self.find_box.text(), self.chosen_scopes(),
                           self.match_case.isChecked(), self.whole_words.isChecked(),
                           limit=SHOWN_LIMIT)
        self.model.set_matches(matches)
        places = len({m.place for m in matches})
        if not self.find_box.text().strip():
            self.summary.setText("Type the words to find.")
        elif not matches:
            self.summary.setText("Not found.")
        else:
            more = " (the first shown)" if len(matches) >= SHOWN_LIMIT else ""
            self.summary.setText(f"{plural(len(matches), 'match', 'matches')} in "
                                 f"{plural(places, 'place')}{more}.")
        self._update_buttons()
        return matches

    def _doc_changed(self) -> None:
        if self.isVisible() and self.find_box.text().strip():
            self.timer.start()  # the list follows edits made in the window

    def _update_buttons(self) -> None:
        editable = not self.doc.read_only
        has = self.model.rowCount() > 0
        self.replace_all_button.setEnabled(editable and has)
        self.replace_button.setEnabled(editable and has)

    def selected_matches(self) -> list[Match]:
        rows = sorted({i.row() for i in self.results.selectionModel().selectedRows()})
        if not rows and self.results.currentIndex().isValid():
            rows = [self.results.currentIndex().row()]
        return [self.model.matches[r] for r in rows]

    def _activated(self, index: QModelIndex) -> None:
        match = index.data(MATCH_ROLE)
        if match is not None:
            self.show_match_requested.emit(match)

    # ---- replacing -----------------------------------------------------------------------------

    def replace_selected(self) -> int:
        """Replace the chosen matches (one undo step); how many were replaced."""
        return self._replace(self.selected_matches())

    def replace_all(self) -> int:
        """Replace every match, not just the ones listed (one undo step)."""
        matches = find_all(self.doc.issue, self.find_box.text(), self.chosen_scopes(),
                           self.match_case.isChecked(), self.whole_words.isChecked())
        return self._replace(matches)

    def _replace(self, matches: list[Match]) -> int:
        if not matches or self.doc.read_only:
            return 0
        changes = plan_replacements(self.doc.issue, matches, self.replace_box.text())
        if not changes:
            return 0
        count = len(matches)
        self.doc.push(ReplaceTextCommand(self.doc, changes, count))
        self.find()
        self.summary.setText(f"Replaced {plural(count, 'match', 'matches')}. Ctrl+Z puts them "
                             "back. " + self.summary.text())
        return count
