"""Shared pieces of the benchmarks: timing with medians, and generated stress issues."""

from __future__ import annotations

import copy
import statistics
import time
from collections.abc import Callable

from desktop_app.core.model import Issue, Section
from desktop_app.core.storage import load_issue
from desktop_app.resources import demo_dir


def median_seconds(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
    """The median wall time of ``fn`` over ``repeat`` runs, after ``warmup`` untimed runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, value: float, unit: str = "s", target: str = "") -> None:
    """Print one figure in a fixed format that the README copies."""
    shown = f"{value:.3f} {unit}" if unit == "s" else f"{value:.2f}{unit}"
    line = f"{name:<58} {shown:>12}"
    if target:
        line += f"   (target {target})"
    print(line, flush=True)


def demo_issue() -> tuple[Issue, object]:
    """The demo edition and its folder."""
    loaded = load_issue(demo_dir())
    return loaded.issue, loaded.folder


def stress_issue(articles: int) -> Issue:
    """An issue of ``articles`` placed articles made by cycling the demo's, ids kept unique.

    Spread over the demo's sections in turn, so every kind of element appears in proportion.
    """
    base, _ = demo_issue()
    sources = base.placed_articles() + list(base.pool)
    issue = copy.deepcopy(base)
    issue.pool = []
    for section in issue.sections:
        section.articles = []
    targets: list[Section] = [s for s in issue.sections if s.id != "welcome"]
    for n in range(articles):
        article = copy.deepcopy(sources[n % len(sources)])
        article.id = f"{article.id[:30]}-{n}"
        article.title = f"{article.title} ({n + 1})"
        targets[n % len(targets)].articles.append(article)
    return issue
