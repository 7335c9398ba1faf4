"""Licence notices: generated from the installed distributions, staged for the frozen app,
and listed by Help > About > Licences."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from desktop_app import notices
from tests.conftest import REPO


def _stage_module():
    spec = importlib.util.spec_from_file_location("make_notices",
                                                  REPO / "packaging" / "make_notices.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_distributions_are_the_app_and_its_runtime_requirements():
    names = [notices.normalise(d.metadata["Name"]) for d in notices.shipped_distributions()]
    assert names[0] == "soc-bulletin"
    for needed in ("reportlab", "python-docx", "pikepdf", "pillow", "lxml", "pyyaml",
                   "markdown-it-py", "linkify-it-py", "pyside6-essentials", "pyside6-pdf",
                   "shiboken6"):
        assert needed in names
    # Test tools are installed here (the [test] extra) but never ship.
    for tool in ("pytest", "hypothesis", "pypdf", "ruff", "page-validation"):
        assert tool not in names
    assert names[1:] == sorted(names[1:])


def test_every_shipped_distribution_names_a_licence():
    for dist in notices.shipped_distributions():
        assert notices.licence_of(dist) not in ("", "not stated"), dist.metadata["Name"]


def test_the_notices_carry_each_name_version_and_licence_text():
    text = notices.build_notices()
    for dist in notices.shipped_distributions():
        record = notices.describe(dist)
        assert f"{record.name} {record.version}: {record.licence}" in text
        for _, licence in record.texts:
            assert licence in text
    assert "Mozilla Public License Version 2.0" in text  # pikepdf's own text
    assert "Python Software Foundation License" in text


def test_extra_distributions_ship_without_their_requirements():
    plain = {d.metadata["Name"] for d in notices.shipped_distributions()}
    with_extra = {d.metadata["Name"] for d in notices.shipped_distributions(extra=["pytest"])}
    assert with_extra - plain == {"pytest"}  # not pluggy, iniconfig...
    assert notices.shipped_distributions(extra=["no-such-distribution"])


def test_the_frozen_licence_folder_is_staged(tmp_path: Path):
    written = _stage_module().stage_licences(tmp_path / "licences")
    names = {p.name for p in written}
    assert {"LICENSE.txt", "Qt-LGPL-NOTICE.txt", "LGPL-3.0.txt", "GPL-3.0.txt",
            "OFL-Lato.txt", "LICENSE-DejaVu.txt", notices.NOTICES_FILE} <= names
    assert (tmp_path / "licences" / "LICENSE.txt").read_text() == (REPO / "LICENSE").read_text()
    staged = (tmp_path / "licences" / notices.NOTICES_FILE).read_text(encoding="utf-8")
    assert "reportlab" in staged and "PySide6_Essentials" in staged
    qt_notice = (tmp_path / "licences" / "Qt-LGPL-NOTICE.txt").read_text()
    assert "Replacing the Qt libraries" in qt_notice


def test_licence_documents_from_a_checkout():
    titles = [title for title, _ in notices.licence_documents()]
    assert titles[:2] == ["SOC Bulletin Editor: MIT licence", "Third-party notices"]
    assert "Lato font: Open Font Licence" in titles
    assert "Qt: LGPL notice, replacing Qt" in titles
    lato = dict(notices.licence_documents())["Lato font: Open Font Licence"]()
    assert "SIL Open Font License" in lato


def test_licence_documents_when_frozen_come_from_the_bundle(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "licences").mkdir()
    (tmp_path / "licences" / "LICENSE.txt").write_text("the app's licence")
    (tmp_path / "licences" / notices.NOTICES_FILE).write_text("the bundled notices")
    (tmp_path / "licences" / "LICENSE-en_GB.txt").write_text("a dictionary's licence")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    documents = notices.licence_documents()
    assert [(t, read()) for t, read in documents] == [
        ("SOC Bulletin Editor: MIT licence", "the app's licence"),
        ("Third-party notices", "the bundled notices"),
        ("LICENSE-en_GB", "a dictionary's licence"),
    ]
    assert notices.current_notices() == "the bundled notices"
