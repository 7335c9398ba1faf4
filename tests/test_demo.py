"""The demo edition: uses every element, validates clean, and ships inside the package."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop_app.core.markup import ListBlock, parse
from desktop_app.core.model import SidebarCallout, StatisticCallout
from desktop_app.core.storage import image_file, load_issue
from desktop_app.core.validate import validate
from desktop_app.resources import demo_dir
from tests.conftest import REPO


@pytest.fixture(scope="module")
def demo():
    return load_issue(demo_dir())


def test_demo_reads_like_an_edition_and_uses_every_element(demo):
    issue = demo.issue
    placed = issue.placed_articles()
    assert issue.edition_line == "Ninth edition \u00b7 Autumn 2026"
    assert len(placed) >= 14
    assert sum(1 for s in issue.sections if s.articles) >= 8
    assert sum(len(a.pull_quotes) for a in placed) >= 3
    assert sum(1 for a in placed if a.contacts) >= 8
    callouts = [c for a in placed for c in a.callouts]
    assert any(isinstance(c, StatisticCallout) for c in callouts)
    assert any(isinstance(c, SidebarCallout) for c in callouts)
    images = [i for a in placed for i in a.images]
    assert len(images) >= 2 and all(i.alt.strip() and i.caption.strip() for i in images)
    assert all(image_file(demo.folder, i).is_file() for i in images)
    bodies = [parse(a.body) for a in placed]
    assert any(isinstance(b, ListBlock) for p in bodies for b in p.blocks)
    hrefs = [r.href for p in bodies for b in p.blocks
             for r in getattr(b, "runs", []) if r.href]
    assert len(hrefs) >= 3 and all("example.org" in h for h in hrefs)
    assert len(issue.pool) == 3
    assert len(issue.team_contacts) >= 3


def test_demo_is_fictional(demo):
    emails = [c.email for a in demo.issue.all_articles() for c in a.contacts]
    emails += [c.email for c in demo.issue.team_contacts]
    assert emails and all(e.endswith("example.org") for e in emails)


def test_demo_validates_clean(demo):
    assert validate(demo.issue, demo.folder, demo.source) == []
    assert demo.warnings == []


@pytest.mark.slow
def test_a_plain_install_carries_the_demo_fonts_and_themes(tmp_path):
    """`pip install .` (not editable) gives a package whose `show --demo` works."""
    wheel_dir = tmp_path / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(wheel_dir), str(REPO)], check=True, timeout=600)
    wheel = next(wheel_dir.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("desktop_app/resources/demo/issue.yaml", "desktop_app/templates/default.yaml",
                   "desktop_app/resources/fonts/Lato-Regular.ttf",
                   "desktop_app/resources/fonts/OFL-Lato.txt", "desktop_app/core/model.py"):
        assert needed in names
    assert sum(n.startswith("desktop_app/resources/demo/images/") for n in names) >= 2
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, timeout=600)
    code = ("import sys, desktop_app; assert desktop_app.__file__.startswith(sys.argv[1]), "
            "desktop_app.__file__; from desktop_app.cli import run; sys.exit(run(['show', "
            "'--demo']))")
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True,
                            text=True, env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Ninth edition" in result.stdout and "Pool: 3 articles" in result.stdout
    assert Path(target / "desktop_app" / "resources" / "demo" / "issue.yaml").is_file()
