"""Proofing: the dictionary's first load, a whole 200-article issue, a re-check after a
keystroke, and the spelling underlines of a 1,000-word body."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.common import demo_issue, median_seconds, report, stress_issue
from desktop_app.core.proof import Checker, word_lists_for
from desktop_app.core.proof.fields import issue_fields
from desktop_app.core.proof.spelling import shared_speller
from desktop_app.core.proof.text import WORD

ROOT = Path(__file__).resolve().parent.parent
LOAD = ("import time; t = time.perf_counter(); "
        "from desktop_app.core.proof.spelling import Speller; Speller(); "
        "print(time.perf_counter() - t)")


def thousand_word_body() -> str:
    """About 1,000 words: paragraphs of the demo's article bodies, one after another."""
    issue, _ = demo_issue()
    out, count = [], 0
    for article in issue.all_articles():
        for paragraph in article.body.split("\n\n"):
            if count >= 1000:
                return "\n\n".join(out)
            out.append(paragraph)
            count += len(paragraph.split())
    return "\n\n".join(out)


def distinct_texts(issue) -> None:
    """Make every field of the cycled stress articles differ, so no cache keyed on text can
    answer for a copy: the figure is what 200 different articles cost."""
    for n, article in enumerate(issue.placed_articles()):
        tag = f" Reference {n}."
        article.body += f"\n\nThis is article{tag}"
        article.standfirst += tag
        for quote in article.pull_quotes:
            quote.text += tag
        for image in article.images:
            image.alt += tag
            image.caption += tag
        for callout in article.callouts:
            if hasattr(callout, "label"):
                callout.label += tag


STALL = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop_app.gui import workers
from PySide6.QtCore import QObject
app = QApplication([])
owner = QObject()
beats, done = [time.perf_counter()], []
timer = QTimer()
timer.timeout.connect(lambda: beats.append(time.perf_counter()))
timer.start(10)
def load(_progress):
    from desktop_app.core.proof.spelling import Speller
    Speller()
    return True
worker = workers.Worker(load, owner)
worker.signals.finished.connect(lambda _r: done.append(1))
QTimer.singleShot(50, lambda: workers.start(worker))
while not done:
    app.processEvents()
    time.sleep(0.001)
print(max(b - a for a, b in zip(beats, beats[1:])))
"""


def load_stall() -> float:
    """The longest gap of a 10 ms heartbeat in a fresh window process while a worker thread
    loads the dictionary: what the editor feels of the load."""
    out = subprocess.run([sys.executable, "-c", STALL], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1])


def dictionary_load() -> float:
    out = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return float(out.stdout.strip())


def run() -> None:
    loads = sorted(dictionary_load() for _ in range(5))
    report("proof: first start, dictionary load (own process)", loads[2],
           target="< 0.3 s, off the window's start path")
    speller = shared_speller()
    big = stress_issue(200)
    distinct_texts(big)
    words = word_lists_for(big, None)

    def cold() -> None:
        speller._known.clear()  # every word goes to Hunspell again
        Checker(speller=speller).check(big, None, words)

    whole = median_seconds(cold, 5)
    report("proof: check a 200-article issue (cold)", whole, target="< 1 s")
    known = {w.lower() for _, text in issue_fields(big) for w in WORD.findall(text)}

    def floor() -> None:  # the least any checker does: every word of every field looked up
        for _, text in issue_fields(big):
            for word in WORD.findall(text):
                _ = word.lower() in known

    base = median_seconds(floor, 5)
    report("proof: floor, every word of the issue looked up in a set", base)
    report("proof: whole check / floor", whole / base, unit="x")
    warm = Checker(speller=speller)
    warm.check(big, None, words)
    article = big.placed_articles()[57]
    original = article.body
    typed = iter(range(10**6))

    def keystroke() -> None:
        article.body = original + " x" * (next(typed) % 7 + 1)
        warm.check(big, None, words)

    again = median_seconds(keystroke, 15)
    report("proof: re-check the 200-article issue after a keystroke", again * 1000,
           unit=" ms", target="< 20 ms")
    walk = median_seconds(lambda: list(issue_fields(big)), 15)
    report("proof: re-check / walking the issue's fields once", again / walk, unit="x")
    body = thousand_word_body()
    lines = body.split("\n")

    def underline() -> None:
        speller._known.clear()
        for line in lines:
            warm.misspelt(line, words)

    report(f"proof: spelling of a {len(body.split())}-word body, line by line (cold)",
           median_seconds(underline, 9) * 1000, unit=" ms", target="< 30 ms")
    _gui_highlight(body, words)
    stalls = sorted(load_stall() for _ in range(3))
    report("proof: event-loop stall as a worker loads the dictionary",
           stalls[1] * 1000, unit=" ms")


def _gui_highlight(body: str, words) -> None:
    """The real underlines: the highlighter over a QTextDocument holding the body."""
    try:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtWidgets import QApplication

        from desktop_app.gui.spelling import SpellingHighlighter
    except ImportError:
        return
    app = QApplication.instance() or QApplication([])
    checker = Checker(speller=shared_speller())
    document = QTextDocument()
    document.setPlainText(body)
    highlighter = SpellingHighlighter(document, checker, lambda: words, markdown=True)

    def rehighlight() -> None:
        checker.speller._known.clear()
        highlighter.rehighlight()

    report("proof: underline a 1,000-word body in a QTextDocument (cold)",
           median_seconds(rehighlight, 9) * 1000, unit=" ms", target="< 30 ms")
    del app
