"""The editor window: cold start, a drop and its undo, the preview after an edit, how long
the window's event loop stalls while the 200-article issue is exported, importing a Word
file into that issue (and undoing it); typing in the rich body editor, switching articles, the
preview jumping to an article, and find across the 200-article issue."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import report, stress_issue
from desktop_app.resources import demo_dir

ROOT = Path(__file__).resolve().parents[1]

# The child process: build the window, open the demo copy, show it, say so, quit.
_START = """
import sys
from desktop_app.gui.app import make_app
app = make_app()
from desktop_app.gui.mainwindow import MainWindow
window = MainWindow()
window.resize(1400, 900)
window.show()
window.open_folder(sys.argv[1])
app.processEvents()
print("shown", flush=True)
window.doc.undo_stack.setClean()
window.close()
"""


def _isolated_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def cold_start(runs: int = 5) -> float:
    """Median seconds from launching a fresh process to the window shown with the demo."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        folder = home / "demo"
        shutil.copytree(demo_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
        env = _isolated_env(home)
        for n in range(runs + 1):
            start = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-c", _START, str(folder)], env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                    text=True)
            line = proc.stdout.readline()
            elapsed = time.perf_counter() - start
            proc.wait()
            if line.strip() != "shown":
                raise RuntimeError("the editor did not start")
            if n:  # the first run warms the disk cache
                times.append(elapsed)
    return statistics.median(times)


def _window(folder: Path):
    from desktop_app.gui.app import make_app

    app = make_app()
    from desktop_app.gui import paths

    home = folder.parent
    paths.documents_dir = lambda: home / "Documents"  # type: ignore[assignment]
    paths.data_dir = lambda: home / "data"  # type: ignore[assignment]
    from desktop_app.gui.mainwindow import MainWindow

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    window.open_folder(folder)
    _settle(app)
    return app, window


def _settle(app, seconds: float = 0.0) -> None:
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    end = time.perf_counter() + seconds
    app.processEvents()
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def drop_and_undo(app, window, runs: int = 15) -> tuple[float, float]:
    """Median seconds for a drop from the pool into a section (view updated), and its undo."""
    from PySide6.QtCore import Qt

    model = window.structure_model
    drops, undos = [], []
    for _ in range(runs):
        data = window.pool_model.mimeData([window.pool_model.index(0, 0)])
        parent = model.index_of_section("whats-new")
        start = time.perf_counter()
        model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, parent)
        app.processEvents()
        drops.append(time.perf_counter() - start)
        start = time.perf_counter()
        window.doc.undo_stack.undo()
        app.processEvents()
        undos.append(time.perf_counter() - start)
    _settle(app)
    return statistics.median(drops), statistics.median(undos)


def preview_after_edit(app, window, runs: int = 5) -> float:
    """Median seconds from the end of the typing pause to the new PDF on screen."""
    preview = window.preview
    window.select_article("local-profiles-review")
    times = []
    for n in range(runs):
        window.editor.title.setText(f"Local profiles: review {n}")
        window.editor.title.textEdited.emit(f"Local profiles: review {n}")
        preview.timer.stop()  # the 600 ms pause is by design; time the rebuild after it
        _settle(app)
        done: list[float] = []
        preview.rebuilt.connect(lambda d=done: d.append(time.perf_counter()))
        start = time.perf_counter()
        preview.rebuild_now()
        while not done:
            app.processEvents()
            time.sleep(0.001)
        times.append(done[0] - start)
        preview.rebuilt.disconnect()
    window.doc.undo_stack.setClean()
    _settle(app)
    return statistics.median(times)


def export_stall(app, window, out: Path) -> tuple[float, float]:
    """The longest gap between 10 ms heartbeats while the 200-article issue exports (PDF and
    Word), and the export's wall time."""
    from PySide6.QtCore import QTimer

    from desktop_app.gui.export_dialog import ExportDialog

    window.doc.issue = stress_issue(200)
    dialog = ExportDialog(window.doc, window)
    dialog.show()
    dialog.folder.setText(str(out))
    _settle(app)
    beats: list[float] = []
    heart = QTimer()
    heart.setInterval(10)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))
    heart.start()
    _settle(app, 0.1)
    start = time.perf_counter()
    dialog.export_button.click()
    while dialog.running:
        app.processEvents()
        time.sleep(0.001)
    wall = time.perf_counter() - start
    _settle(app, 0.05)
    heart.stop()
    gaps = [(b - a, a - start) for a, b in zip(beats, beats[1:], strict=False) if b >= start]
    dialog.close()
    worst = max(gaps)
    if os.environ.get("BENCH_VERBOSE"):
        print(f"   worst gap {worst[0] * 1000:.0f} ms at {worst[1]:.2f} s of {wall:.2f} s")
    return worst[0], wall


def _word_file(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Safer streets in Hollins Dale", level=1)
    for n in range(20):
        document.add_paragraph(f"Paragraph {n}: neighbourhood officers and the council closed "
                               "three cuckooed flats in a month, working with housing staff.")
    document.add_paragraph("For more information contact: Priya Shah \u2013 "
                           "priya.shah@example.org")
    document.save(str(path))
    return path


def import_and_undo(app, window, source: Path, runs: int = 7) -> tuple[float, float]:
    """Median seconds to import a Word file through the window (issue snapshots, command,
    views updated; the report dialog left out) into the 200-article issue, and to undo it."""
    from desktop_app.gui.importing import import_article_files

    window.doc.issue = stress_issue(200)
    window.doc.undo_stack.clear()
    window.doc.structure_changed.emit()
    _settle(app)
    imports, undos = [], []
    for _ in range(runs):
        start = time.perf_counter()
        outcome = import_article_files(window.doc, [source])
        app.processEvents()
        imports.append(time.perf_counter() - start)
        if outcome.refused:
            raise RuntimeError(outcome.refused[0])
        start = time.perf_counter()
        window.doc.undo_stack.undo()
        app.processEvents()
        undos.append(time.perf_counter() - start)
    window.preview.timer.stop()
    window.problems.timer.stop()
    _settle(app)
    return statistics.median(imports), statistics.median(undos)


def keystrokes(app, window, count: int = 300) -> tuple[float, float, float]:
    """Median and worst seconds for one key typed in the body of the longest demo article,
    from the key press to the window's event loop being free again (the undo command pushed,
    the model and the panes updated); and a floor: the same key in a bare QTextEdit."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QTextEdit

    longest = max(window.doc.issue.all_articles(), key=lambda a: len(a.body))
    window.select_article(longest.id)
    edit = window.editor.body.edit
    window.activateWindow()
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.setPosition(edit.document().characterCount() // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord)
    edit.setTextCursor(cursor)
    _settle(app)

    def timed(target, n: int) -> list[float]:
        times = []
        for i in range(n):
            key = Qt.Key.Key_Space if i % 6 == 5 else Qt.Key.Key_A
            start = time.perf_counter()
            QTest.keyClick(target, key)
            app.processEvents()
            times.append(time.perf_counter() - start)
        return times

    timed(edit, 20)  # warm up
    times = timed(edit, count)
    bare = QTextEdit()
    bare.setPlainText(longest.body)
    bare.show()
    floor = statistics.median(timed(bare, count))
    bare.close()
    window.preview.timer.stop()
    window.problems.timer.stop()
    while window.doc.undo_stack.canUndo():
        window.doc.undo_stack.undo()
    window.doc.undo_stack.clear()
    _settle(app)
    return statistics.median(times), max(times), floor


def _quiet(app, window) -> None:
    """Let the checks and the preview that the last edits started finish, so a measure of
    the window's own work is not one of a validation thread holding the interpreter lock."""
    _settle(app, 1.0)
    window.problems.timer.stop()
    window.preview.timer.stop()
    _settle(app)


def switching(app, window, runs: int = 3) -> float:
    """Median seconds to choose another article and have it shown in the editor."""
    ids = [a.id for a in window.doc.issue.all_articles()]
    _quiet(app, window)
    times = []
    for _ in range(runs):
        for article_id in ids:
            start = time.perf_counter()
            window.select_article(article_id)
            app.processEvents()
            times.append(time.perf_counter() - start)
    _settle(app)
    return statistics.median(times)


def preview_jumps(app, window) -> float:
    """Median seconds from choosing an article to the preview showing its page, marked, with
    the pages on screen drawn (the PDF already built)."""
    preview = window.preview
    preview.rebuild_now()
    deadline = time.perf_counter() + 30
    while (preview.busy or preview.page_count() == 0) and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)
    ids = [a.id for a in window.doc.issue.placed_articles()]
    _quiet(app, window)
    times = []
    for _ in range(2):
        for article_id in ids:
            window.select_section("welcome")
            app.processEvents()
            start = time.perf_counter()
            window.select_article(article_id)
            preview.pages.render_visible()
            app.processEvents()
            times.append(time.perf_counter() - start)
    _settle(app)
    return statistics.median(times)


def find_in_stress(app, window, runs: int = 7) -> tuple[float, int]:
    """Median seconds for Find and replace to search the 200-article issue and list every
    match (its list filled), and how many it found."""
    window.doc.issue = stress_issue(200)
    window.doc.structure_changed.emit()
    _settle(app)
    dialog = window.open_find()
    dialog.find_box.setText("partnership")
    times = []
    found = 0
    for _ in range(runs):
        start = time.perf_counter()
        found = len(dialog.find())
        app.processEvents()
        times.append(time.perf_counter() - start)
    dialog.close()
    return statistics.median(times), found


def run() -> None:
    report("editor: cold start to window shown with the demo", cold_start(), target="< 1.5 s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "demo"
        shutil.copytree(demo_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
        app, window = _window(folder)
        median, worst, floor = keystrokes(app, window)
        report("editor: a key typed in the longest body (median)", median * 1000, " ms",
               "< 16 ms")
        report("editor: a key typed in the longest body (worst)", worst * 1000, " ms",
               "< 50 ms")
        report("floor: the same key in a bare QTextEdit (median)", floor * 1000, " ms")
        report("editor: switch to another article", switching(app, window) * 1000, " ms",
               "< 50 ms")
        report("editor: preview jumps to an article's page", preview_jumps(app, window) * 1000,
               " ms", "< 100 ms")
        drop, undo = drop_and_undo(app, window)
        report("editor: drop an article into a section", drop * 1000, " ms", "< 50 ms")
        report("editor: undo that drop", undo * 1000, " ms", "< 50 ms")
        report("editor: preview rebuilt after an edit (demo)", preview_after_edit(app, window),
               target="< 0.5 s")
        stall, wall = export_stall(app, window, Path(tmp) / "out")
        report("editor: longest event-loop stall, 200-article export", stall * 1000, " ms",
               "< 100 ms")
        report("editor: that export (PDF + Word) in the background", wall)
        imported, undone = import_and_undo(app, window, _word_file(Path(tmp) / "article.docx"))
        report("editor: import a Word file, 200-article issue", imported * 1000, " ms",
               "< 200 ms")
        report("editor: undo that import", undone * 1000, " ms", "< 100 ms")
        seconds, found = find_in_stress(app, window)
        report(f"editor: find across 200 articles ({found} matches listed)", seconds * 1000,
               " ms", "< 200 ms")
        window.doc.undo_stack.setClean()
        window.close()
