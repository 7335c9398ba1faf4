"""Help: the user guide shown offline in the app, About with versions, folders and licences,
and the self-test an installation is checked with."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QTextDocument

from desktop_app import __version__
from desktop_app.gui import help_menu, paths
from desktop_app.resources import icon_files, user_guide

GUIDE = user_guide()


def _help_actions(window) -> dict[str, object]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return {a.text().replace("&", ""): a for a in menu.actions() if a.text()}


def test_the_help_menu_offers_the_guide_and_about(window):
    actions = _help_actions(window)
    assert set(actions) == {"User guide", "About SOC Bulletin Editor"}
    assert actions["User guide"].shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)


def test_the_user_guide_opens_offline_with_its_pictures(window, qtbot):
    _help_actions(window)["User guide"].trigger()
    guide = help_menu._open_guides[0]
    qtbot.waitExposed(guide)
    text = guide.browser.toPlainText()
    headings = re.findall(r"^#{1,3} (.+)$", GUIDE.read_text(encoding="utf-8"), re.MULTILINE)
    assert len(headings) >= 9
    for heading in headings:
        assert re.sub(r"[`*]", "", heading) in text
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", GUIDE.read_text(encoding="utf-8"))
    assert len(pictures) >= 6
    document = guide.browser.document()
    for name in pictures:
        image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert image is not None and not image.isNull(), name
    # A second F1 raises the same window rather than opening another.
    assert help_menu.show_user_guide(window) is guide
    guide.close()


def test_the_guide_links_to_its_own_headings_and_pictures():
    source = GUIDE.read_text(encoding="utf-8")
    html = help_menu.guide_html(GUIDE)
    anchors = set(re.findall(r'<a name="([^"]+)"', html))
    for target in re.findall(r"\]\(#([^)]+)\)", source):
        assert target in anchors, target
    for name in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", source):
        assert (GUIDE.parent / name).is_file(), name
    assert help_menu._slug("Take the comments back") == "take-the-comments-back"
    assert help_menu._slug("Export to print &amp; email") == "export-to-print--email"
    # Wide pictures are shown at the guide's width.
    assert re.search(rf'width="{help_menu.GUIDE_WIDTH}"', html)


def test_about_names_versions_folders_and_opens_the_licences(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(help_menu.AboutDialog, "exec", lambda self: shown.append(self) or 0)
    _help_actions(window)["About SOC Bulletin Editor"].trigger()
    about = shown[0]
    text = about.text.text()
    assert __version__ in text
    assert "Qt" in text and "Python" in text and "LGPL" in text
    assert str(paths.recovery_dir()) in text
    assert paths.settings().fileName() in text
    opened = []
    monkeypatch.setattr(help_menu.LicencesDialog, "exec", lambda self: opened.append(self) or 0)
    about.licences_button.click()
    licences = opened[0]
    titles = [licences.list.item(i).text() for i in range(licences.list.count())]
    assert "Third-party notices" in titles and "Qt: LGPL notice, replacing Qt" in titles
    licences.list.setCurrentRow(titles.index("Third-party notices"))
    assert "reportlab" in licences.view.toPlainText()
    licences.list.setCurrentRow(titles.index("SOC Bulletin Editor: MIT licence"))
    assert licences.view.toPlainText().startswith("MIT License")


def test_the_app_icon_has_every_drawn_size():
    from desktop_app.gui.app import app_icon

    assert all(path.is_file() for path in icon_files())
    icon = app_icon()
    assert {size.width() for size in icon.availableSizes()} == {16, 24, 32, 48, 64, 128, 256,
                                                               512}
    # The small sizes are their own drawing: a 16-pixel icon is not the big one shrunk.
    small = icon.pixmap(16, 16).toImage()
    assert small.width() == 16 and not small.isNull()


def test_the_self_test_opens_the_demo_and_exports_every_format(qapp, tmp_path: Path,
                                                               monkeypatch):
    from desktop_app.core import formats
    from desktop_app.gui.selftest import run_self_test

    monkeypatch.setattr(paths, "settings", paths.settings)  # the self-test repoints it
    code = run_self_test(qapp, tmp_path / "check")
    log = (tmp_path / "check" / "self-test.log").read_text(encoding="utf-8")
    assert code == 0, log
    assert "window shown" in log and "preview drawn by the helper process" in log
    assert "user guide shown" in log
    for fmt in formats.available():
        assert f"exported {fmt.name}:" in log
    assert log.rstrip().endswith("PASSED")
    assert (tmp_path / "check" / "window.png").stat().st_size > 10_000
