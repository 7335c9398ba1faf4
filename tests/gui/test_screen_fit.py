"""The window on a laptop screen: it opens within the free area (1280×720 and 1366×768 with a
taskbar, at 1× and 2×), every control has the room it needs or scrolls, and its size and panes
are remembered and can be reset."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from desktop_app.gui import window_layout

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QTabBar,
            QAbstractItemView, QTextEdit)
# The free area of the usual government laptops: 1280×720 and 1366×768, less a 40-pixel
# taskbar; the window manager's title bar comes off that too.
LAPTOPS = [QRect(0, 0, 1280, 680), QRect(0, 0, 1366, 728)]


def cut_off(window: QWidget) -> list[str]:
    """Every visible control squeezed below the size it needs, or lying outside what holds it
    (a control inside a scroll area only has to fit the scroll area's content)."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or \
                widget.visibleRegion().isEmpty() or isinstance(widget.parentWidget(), CONTROLS):
            continue  # hidden (a dock behind another), or part of a control (a spin box's text)
        name = widget.accessibleName() or widget.objectName() or type(widget).__name__
        need = widget.minimumSizeHint()
        if isinstance(widget, (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)) and \
                (widget.width() < need.width() - 1 or widget.height() < need.height() - 1):
            problems.append(f"{name}: {widget.width()}x{widget.height()} < "
                            f"{need.width()}x{need.height()}")
        child, parent = widget, widget.parentWidget()
        while parent is not None and child is not window:
            if isinstance(parent.parentWidget(), QAbstractScrollArea) and \
                    parent is parent.parentWidget().viewport():
                break  # scrolled into view when needed
            inside = parent.rect().adjusted(-1, -1, 1, 1)
            if not inside.contains(child.geometry()) and child.isVisible():
                problems.append(f"{name}: {child.geometry()} outside "
                                f"{type(parent).__name__} {parent.rect()}")
                break
            child, parent = parent, parent.parentWidget()
    return problems


def each_view(window, qtbot):
    """Every state of the central area a user meets: an article with each element tab, a
    section, Welcome, the settings."""
    window.select_article("local-profiles-review")
    for tab in range(window.editor.tabs.count()):
        window.editor.tabs.setCurrentIndex(tab)
        qtbot.wait(1)
        yield f"article, element tab {tab}"
    window.select_section("prevent")
    yield "section"
    window.select_section("welcome")
    yield "welcome"
    window.tabs.setCurrentWidget(window.settings_pane)
    yield "settings"


@pytest.mark.parametrize("area", LAPTOPS, ids=["1280x720", "1366x768"])
def test_the_window_fits_a_laptop_screen_with_nothing_cut_off(make_window, demo_copy, qtbot,
                                                              area):
    window = make_window(demo_copy)
    window.place_on_screen(area)
    qtbot.wait(10)
    frame = window_layout.frame_margins(window)
    assert window.width() + frame.width() <= area.width()
    assert window.height() + frame.height() <= area.height()
    hint = window.minimumSizeHint()
    assert hint.width() <= window.width() and hint.height() <= window.height()
    for state in each_view(window, qtbot):
        assert cut_off(window) == [], state


def test_a_remembered_size_from_a_bigger_screen_is_cut_down(make_window, demo_copy, qtbot):
    window = make_window(demo_copy)
    window.resize(1900, 1150)
    window_layout.save(window)
    again = make_window(demo_copy)
    area = QRect(0, 0, 1280, 680)
    again.place_on_screen(area)
    assert again.width() <= 1280 and again.height() <= 680
    assert area.contains(again.frameGeometry().topLeft())


def test_geometry_and_panes_are_remembered_and_reset(make_window, demo_copy, qtbot):
    window = make_window(demo_copy)
    area = QRect(0, 0, 760, 700)  # within the test screen (Qt keeps a window on its screen)
    window.place_on_screen(area)
    window.review_dock.hide()
    window.preview_dock.setFloating(True)
    size = window.size()
    window.close()
    again = make_window(demo_copy)
    again.place_on_screen(area)
    assert again.size() == size
    assert again.review_dock.isHidden() and again.preview_dock.isFloating()
    again.act_reset_layout.trigger()
    assert not again.review_dock.isHidden() and not again.preview_dock.isFloating()
    assert again.dockWidgetArea(again.preview_dock).name == "RightDockWidgetArea"


SCALED = """
import json, sys
from PySide6.QtCore import QRect
from desktop_app.gui.app import make_app
app = make_app()
from desktop_app.gui.mainwindow import MainWindow
from tests.gui.test_screen_fit import cut_off
window = MainWindow()
window.place_on_screen()  # the screen's own free area
first = [window.width(), window.height(), window.devicePixelRatio()]
window.show()
window.open_folder(sys.argv[1])
window.place_on_screen(QRect(0, 0, 1280, 696))  # a 48-pixel taskbar at 2x
app.processEvents()
found = {}
window.select_article("local-profiles-review")
for tab in range(window.editor.tabs.count()):
    window.editor.tabs.setCurrentIndex(tab)
    app.processEvents()
    found[f"tab {tab}"] = cut_off(window)
window.select_section("welcome")
app.processEvents()
found["welcome"] = cut_off(window)
print(json.dumps({"first": first, "size": [window.width(), window.height()],
                  "found": found}))
window.doc.undo_stack.setClean()
window.close()
"""


def test_at_2x_on_a_2560x1440_screen_it_opens_within_the_screen(demo_copy, tmp_path):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": 2560, "height": 1440, "logicalDpi": 96,
        "logicalBaseDpi": 96, "dpr": 1}]}))
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_SCALE_FACTOR="2", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"),
               PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-c", SCALED, str(demo_copy)], env=env,
                          capture_output=True, text=True, timeout=120, cwd=root)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    width, height, ratio = result["first"]
    assert ratio == 2.0
    # 1280×720 of Qt's pixels is the whole 2560×1440 screen: never 1400×900 (2800×1800).
    assert width <= 1280 and height <= 720
    assert result["size"][0] <= 1280 and result["size"][1] <= 696
    assert all(found == [] for found in result["found"].values()), result["found"]
