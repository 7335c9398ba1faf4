"""The Help menu: the user guide, shown offline in the app, and About with the licences.

The guide is the Markdown in ``docs/user-guide/`` (shipped as ``desktop_app.guide``), turned
into HTML with markdown-it, the same library that reads article bodies, and shown in a
``QTextBrowser``: no browser, no network. About lists what ``--version`` prints (versions and
where settings and recovery files live) and opens the licence texts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QFontDatabase,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import notices
from desktop_app.resources import icon_files, user_guide

from .about import PRODUCT, facts

GUIDE_WIDTH = 760  # pictures wider than this are shown at this width (they stay sharp: HiDPI)
GUIDE_CSS = """
body { font-size: 11pt; }
h1 { color: #1D2B64; font-size: 20pt; }
h2 { color: #1D2B64; font-size: 15pt; margin-top: 18px; }
h3 { font-size: 12pt; margin-top: 12px; }
code { font-family: monospace; }
p.caption { color: #5B6270; font-size: 9.5pt; }
"""


def add_help_actions(menu: QMenu, parent: QWidget) -> None:
    """Fill the Help menu: User guide (F1) and About."""
    guide = menu.addAction("&User guide")
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    guide.triggered.connect(lambda: show_user_guide(parent))
    menu.addSeparator()
    about = menu.addAction(f"&About {PRODUCT}")
    about.setMenuRole(about.MenuRole.AboutRole)
    about.triggered.connect(lambda: AboutDialog(parent).exec())


# ---- the user guide --------------------------------------------------------------------------


def _slug(text: str) -> str:
    """A heading's anchor as GitHub makes it, so the guide's own links work in both places."""
    text = re.sub(r"<[^>]+>", "", html.unescape(text)).strip().lower()
    return re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", text))


def guide_html(path: Path, width: int = GUIDE_WIDTH) -> str:
    """The guide as HTML a QTextBrowser shows well: anchored headings, pictures fitted."""
    body = MarkdownIt("commonmark").enable("table").render(path.read_text(encoding="utf-8"))

    def anchor(found: re.Match[str]) -> str:
        level, text = found.group(1), found.group(2)
        return f'<h{level}><a name="{_slug(text)}"></a>{text}</h{level}>'

    def fit(found: re.Match[str]) -> str:
        tag, source = found.group(0), found.group(1)
        size = QImageReader(str(path.parent / html.unescape(source))).size()
        if size.isValid() and size.width() > width:
            return tag[:-1].rstrip("/ ") + f' width="{width}" />'
        return tag

    body = re.sub(r"<h([1-4])>(.*?)</h\1>", anchor, body)
    body = re.sub(r'<img src="([^"]+)"[^>]*>', fit, body)
    return f"<html><head><style>{GUIDE_CSS}</style></head><body>{body}</body></html>"


class UserGuide(QDialog):
    """The user guide in its own window, beside the editor (not modal)."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"User guide \u2014 {PRODUCT}")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.path = path or user_guide()
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(self.path.parent)])
        if self.path.is_file():
            self._add_fitted_pictures()
            self.browser.setHtml(guide_html(self.path))
        else:
            self.browser.setPlainText(f"The user guide is missing from this copy of the app "
                                      f"({self.path}).")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(GUIDE_WIDTH + 80, 860)

    def _add_fitted_pictures(self) -> None:
        """Give the document each wide picture already scaled smoothly to the guide's width
        (and to the screen's pixel ratio), so that the text in the screenshots stays readable:
        the browser itself would scale them down pixel by pixel."""
        ratio = self.devicePixelRatioF() or 1.0
        document = self.browser.document()
        for picture in sorted(self.path.parent.glob("*.png")):
            image = QImage(str(picture))
            if image.isNull() or image.width() <= GUIDE_WIDTH:
                continue
            fitted = image.scaledToWidth(int(GUIDE_WIDTH * ratio),
                                         Qt.TransformationMode.SmoothTransformation)
            fitted.setDevicePixelRatio(ratio)
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl(picture.name), fitted)


_open_guides: list[UserGuide] = []


def show_user_guide(parent: QWidget | None) -> UserGuide:
    """Show the guide (one window, raised if already open)."""
    for window in _open_guides:
        if window.isVisible():
            window.raise_()
            window.activateWindow()
            return window
    window = UserGuide(parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.destroyed.connect(lambda *_: _open_guides.clear())
    _open_guides[:] = [window]
    window.show()
    return window


# ---- About and the licences -------------------------------------------------------------------


class AboutDialog(QDialog):
    """The app's name, versions and folders, with the licences a button away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {PRODUCT}")
        picture = QLabel()
        picture.setPixmap(QIcon(str(icon_files()[-3])).pixmap(96, 96))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        rows = "".join(f"<tr><td><b>{html.escape(label)}</b>&nbsp;&nbsp;</td>"
                       f"<td>{html.escape(value)}</td></tr>" for label, value in facts())
        self.text = QLabel(
            f"<h2>{PRODUCT}</h2>"
            "<p>Assembles the SOC Local Partnerships Bulletin: contributors' articles in, a "
            "styled PDF and a Word file for reviewers out. Works offline.</p>"
            f"<table>{rows}</table>"
            "<p>Free software under the MIT licence. The window is drawn with Qt "
            "(\u00a9 The Qt Company Ltd and other contributors), used under the GNU LGPL "
            "version 3: see Licences for its notice, how to replace it, and every other "
            "library the app includes.</p>")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName("About this app")
        top = QHBoxLayout()
        top.addWidget(picture)
        top.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.licences_button = QPushButton("&Licences\u2026")
        buttons.addButton(self.licences_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.licences_button.clicked.connect(lambda: LicencesDialog(self).exec())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())


class LicencesDialog(QDialog):
    """Each licence document in a list; the chosen one's text beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Licences")
        self.documents: list[tuple[str, Callable[[], str]]] = notices.licence_documents()
        self.list = QListWidget()
        self.list.setAccessibleName("Licence documents")
        self.list.addItems([title for title, _ in self.documents])
        self.list.setMaximumWidth(260)
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        self.view.setAccessibleName("Licence text")
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.list.currentRowChanged.connect(self._show)
        row = QHBoxLayout()
        row.addWidget(self.list)
        row.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        folder = notices.bundled_licence_dir()
        if folder is not None:
            open_folder = QPushButton("Open folder")
            open_folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
            buttons.addButton(open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(980, 640)
        if self.documents:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.documents):
            self.view.setPlainText(self.documents[row][1]())
