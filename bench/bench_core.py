"""Loading, validating and laying out an issue: the work under every export."""

from __future__ import annotations

from bench.common import demo_issue, median_seconds, report, stress_issue
from desktop_app.core.layout import build_blocks
from desktop_app.core.storage import dump_issue, load_issue, parse_issue
from desktop_app.core.validate import validate
from desktop_app.resources import demo_dir


def run() -> None:
    report("load the demo issue.yaml", median_seconds(lambda: load_issue(demo_dir()), 9))
    issue, folder = demo_issue()
    report("lay out the demo (intermediate form)",
           median_seconds(lambda: build_blocks(issue, folder), 9))
    report("validate the demo", median_seconds(lambda: validate(issue, folder), 9))
    big = stress_issue(200)
    data = dump_issue(big)
    path = demo_dir() / "issue.yaml"
    report("parse a 200-article issue.yaml", median_seconds(lambda: parse_issue(data, path), 5))
