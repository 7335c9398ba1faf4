"""Robustness at a price worth paying: the folder lock's cost on a save, and one very long
paragraph in the PDF (its time, and how it grows with length)."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import median_seconds, report
from desktop_app.core import storage
from desktop_app.core.export_pdf import pdf_bytes
from desktop_app.core.locking import folder_lock
from desktop_app.core.model import Article, Status, new_issue
from desktop_app.core.storage import load_issue, save_issue
from desktop_app.resources import demo_dir

_WORDS = ("the partnership disrupted organised crime groups across the region and shared "
          "intelligence with councils charities and businesses every quarter").split()


def long_paragraph_issue(chars: int, seed: int = 15):
    """An issue whose one article is a single paragraph of about ``chars`` characters."""
    rng = random.Random(seed)
    sentences: list[str] = []
    size = 0
    while size < chars:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 28))]
        sentence = " ".join(words).capitalize() + ". "
        sentences.append(sentence)
        size += len(sentence)
    issue = new_issue()
    issue.sections[1].articles.append(Article(id="long", title="A very long paragraph",
                                              status=Status.READY,
                                              body="".join(sentences)[:chars].strip()))
    return issue


def _save_cost(folder: Path, pairs: int = 41) -> tuple[float, float, float]:
    """Saves with and without the lock, in alternating pairs so that the machine's load (and
    the disk's fsync, which dominates a save) falls on both alike; medians and the median
    difference."""
    loaded = load_issue(folder)
    state = {"digest": loaded.digest}
    original = storage.folder_lock

    def save(locked: bool) -> float:
        storage.folder_lock = original if locked else (
            lambda *_a, **_k: contextlib.nullcontext())
        start = time.perf_counter()
        state["digest"] = save_issue(loaded.issue, folder, expected_digest=state["digest"])
        return time.perf_counter() - start

    try:
        save(True), save(False)
        timed = [(save(True), save(False)) for _ in range(pairs)]
    finally:
        storage.folder_lock = original
    return (statistics.median(a for a, _ in timed), statistics.median(b for _, b in timed),
            statistics.median(a - b for a, b in timed))


def run() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-robust-"))
    try:
        folder = work / "demo"
        shutil.copytree(demo_dir(), folder, ignore=shutil.ignore_patterns("__pycache__",
                                                                          "__init__.py"))
        def take_and_drop() -> None:
            with folder_lock(folder):
                pass

        report("take and drop the folder's write lock", median_seconds(
            take_and_drop, repeat=41, warmup=3) * 1000, " ms")
        with_lock, without, cost = _save_cost(folder)
        report("save the demo issue.yaml (with the write lock)", with_lock * 1000, " ms")
        report("the same save without the lock", without * 1000, " ms")
        report("the lock's cost on a save (median of paired differences)", cost * 1000, " ms",
               target="< 5 ms")
        # fsync waits for the disk and, on a busy machine, swamps the difference: measured
        # again without it, the difference is the lock's own work (file, flock, unlink).
        real_fsync = os.fsync
        os.fsync = lambda _fd: None
        try:
            with_lock, without, cost = _save_cost(folder)
        finally:
            os.fsync = real_fsync
        report("the same, fsync left out: save with / without the lock",
               with_lock * 1000, " ms")
        report("  without the lock", without * 1000, " ms")
        report("  the lock's cost (median of paired differences)", cost * 1000, " ms",
               target="< 5 ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    times = {}
    for kb in (100, 200, 400, 1000):
        issue = long_paragraph_issue(kb * 1000)
        times[kb] = median_seconds(lambda issue=issue: pdf_bytes(issue, Path(".")),
                                   repeat=3, warmup=0 if kb > 200 else 1)
        target = "< 10 s" if kb == 1000 else ""
        report(f"PDF of one {kb} KB paragraph", times[kb], target=target)
    report("growth: time(200 KB) / time(100 KB)", times[200] / times[100], "x",
           target="about 2x: linear")
    report("growth: time(400 KB) / time(200 KB)", times[400] / times[200], "x",
           target="about 2x: linear")
    report("growth: time(1000 KB) / time(100 KB)", times[1000] / times[100], "x",
           target="about 10x: linear; 100x if quadratic")
