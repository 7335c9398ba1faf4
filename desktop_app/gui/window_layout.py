"""The window on the screen: opened within the screen's free area, its size and panes
remembered between sessions, and put back as they first were on View ▸ Reset layout.

A laptop at 1280×720 or 1366×768 with a taskbar leaves about 1280×650 for the window, and at
2× scaling a 2560×1440 screen is 1280×720 of Qt's pixels: the first size is the wished one cut
down to what is free, and a remembered size from a bigger screen is cut down the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from . import paths

WISHED = QSize(1400, 900)
STATE_VERSION = 3  # bump when the docks change, so an old arrangement is not restored
GEOMETRY_KEY, STATE_KEY = "geometry", "window_state"


def available_area(window: QMainWindow) -> QRect:
    """The part of the window's screen not taken by panels and taskbars."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 680)


def frame_margins(window: QMainWindow) -> QSize:
    """What the window manager adds around the window (title bar, borders); a guess before
    the window has been shown."""
    extra = window.frameGeometry().size() - window.geometry().size()
    if extra.width() <= 0 and extra.height() <= 0:
        return QSize(2, 32)
    return QSize(max(0, extra.width()), max(0, extra.height()))


def fit(window: QMainWindow, size: QSize, area: QRect) -> None:
    """Make the window at most ``size`` and never bigger than the area, and put it inside."""
    margins = frame_margins(window)
    room = QSize(max(320, area.width() - margins.width()),
                 max(240, area.height() - margins.height()))
    width, height = min(size.width(), room.width()), min(size.height(), room.height())
    window.resize(width, height)
    x = area.left() + (area.width() - width - margins.width()) // 2
    y = area.top() + (area.height() - height - margins.height()) // 2
    window.move(QPoint(max(area.left(), x), max(area.top(), y)))


def place(window: QMainWindow, area: QRect | None = None) -> bool:
    """Size and place the window for this session: the remembered geometry if there is one
    (cut down to fit), else the wished size within the free area. True if remembered."""
    area = area if area is not None else available_area(window)
    saved = paths.settings().value(GEOMETRY_KEY)
    if isinstance(saved, QByteArray | bytes) and window.restoreGeometry(saved):
        frame = window.frameGeometry()
        if frame.width() > area.width() or frame.height() > area.height() or \
                not area.intersects(frame):
            fit(window, window.size(), area)
        return True
    fit(window, WISHED, area)
    return False


def restore_state(window: QMainWindow) -> bool:
    """The user's own arrangement of the panes, if one was saved by this version."""
    state = paths.settings().value(STATE_KEY)
    return isinstance(state, QByteArray | bytes) and window.restoreState(state, STATE_VERSION)


def save(window: QMainWindow) -> None:
    store = paths.settings()
    store.setValue(GEOMETRY_KEY, window.saveGeometry())
    store.setValue(STATE_KEY, window.saveState(STATE_VERSION))
