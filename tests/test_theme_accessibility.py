"""Themes a reader can read: colour contrast, and a masthead logo with its alt text."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pikepdf
import pytest

from desktop_app.core import theme as theme_module
from desktop_app.core.docx.export_docx import write_docx
from desktop_app.core.errors import BulletinError
from desktop_app.core.export_pdf import pdf_bytes
from desktop_app.core.storage import load_issue
from desktop_app.core.theme import (
    PAPER,
    TEXT_COLOURS,
    contrast_problems,
    contrast_ratio,
    load_theme,
)
from desktop_app.core.validate import ERROR, WARNING, validate
from desktop_app.resources import demo_dir
from desktop_app.templates import template_dir, theme_names
from tests.pdfstruct import figure_alts, structure
from tests.test_pdf_tagging import conformance_failures


def test_contrast_ratio_matches_wcag():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    # The old statistic colour: readable only as large text.
    assert contrast_ratio("#00A3AD", "#FFFFFF") == pytest.approx(3.07, abs=0.01)


@pytest.mark.parametrize("name", theme_names())
def test_every_text_colour_of_every_shipped_theme_reaches_4_5_to_1(name):
    theme = load_theme(name)
    colours = {**theme.colours, "paper": PAPER}
    for fg, bg, what, _ in TEXT_COLOURS:
        assert contrast_ratio(colours[fg], colours[bg]) >= 4.5, (name, fg, bg, what)
    assert contrast_problems(theme) == []


@pytest.fixture
def own_themes(tmp_path, monkeypatch):
    """A themes folder of the test's own: returns a function that writes a theme into it."""
    folder = tmp_path / "themes"
    folder.mkdir()
    for name in theme_names():
        shutil.copy(template_dir() / f"{name}.yaml", folder)
    shutil.copytree(template_dir() / "logos", folder / "logos")
    monkeypatch.setattr(theme_module, "theme_file", lambda name: folder / f"{name}.yaml")
    monkeypatch.setattr(theme_module, "theme_names",
                        lambda: sorted(p.stem for p in folder.glob("*.yaml")))

    def write(name: str, extra: str, base: str = "default") -> Path:
        text = (template_dir() / f"{base}.yaml").read_text(encoding="utf-8")
        if "colours:" in extra:
            text = text[:text.index("colours:")]
        (folder / f"{name}.yaml").write_text(text + extra, encoding="utf-8")
        return folder

    return write


def _demo_with(theme: str):
    loaded = load_issue(demo_dir())
    loaded.issue.export.theme = theme
    return loaded.issue, loaded.folder


def test_validate_reports_a_theme_whose_text_is_too_faint(own_themes):
    own_themes("faint", 'colours:\n  muted: "#A0A0A0"\n  statistic: "#6FC5CC"\n')
    issue, folder = _demo_with("faint")
    found = [p for p in validate(issue, folder) if p.field == "theme"]
    messages = [p.message for p in found]
    assert all(p.severity == ERROR for p in found)
    assert any(m.startswith("theme 'Default': colour muted (#A0A0A0) on paper (#FFFFFF)")
               and "needs at least 4.5:1" in m for m in messages), messages
    # Large text (the statistic's figure) needs 3:1 only: 2.0:1 fails, and says so.
    assert any("colour statistic (#6FC5CC)" in m and "3:1" in m for m in messages), messages


def test_large_text_passes_at_3_to_1(own_themes):
    own_themes("large", 'colours:\n  statistic: "#00A3AD"\n')
    issue, folder = _demo_with("large")
    assert [p for p in validate(issue, folder) if p.field == "theme"] == []


def test_the_logo_theme_tags_its_logo_and_word_places_it(tmp_path):
    issue, folder = _demo_with("with-logo")
    data, warnings = pdf_bytes(issue, folder)
    assert warnings == []
    pdf = tmp_path / "logo.pdf"
    pdf.write_bytes(data)
    assert figure_alts(pdf)[0] == "SOC Local Partnerships"
    masthead = structure(pdf).kids[0]
    assert [k.role for k in masthead.kids][:2] == ["Figure", "H1"]
    assert conformance_failures(pdf, "ua1") == [] and conformance_failures(pdf, "2u") == []
    with pikepdf.open(pdf) as doc:
        page1 = doc.pages[0].Resources.XObject
        sizes = sorted(int(x.Width) for x in page1.values())
    assert 600 in sizes  # the logo's own pixels, drawn on the first page

    out = tmp_path / "logo.docx"
    assert write_docx(issue, folder, out) == []
    first = docx.Document(out).paragraphs[0]
    pictures = first._p.findall(".//{*}docPr")
    assert [p.get("descr") for p in pictures] == ["SOC Local Partnerships"]
    assert docx.Document(out).paragraphs[1].style.name == "Title"


@pytest.mark.parametrize("damage", ["missing", "damaged"])
def test_a_lost_logo_is_a_warning_never_a_crash(own_themes, tmp_path, damage):
    folder = own_themes("lost", "logo:\n  file: logos/gone.png\n  alt: Our logo\n")
    if damage == "damaged":
        (folder / "logos" / "gone.png").write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    issue, issue_folder = _demo_with("lost")
    why = ("file not found: gone.png" if damage == "missing" else
           "gone.png: not a picture in an allowed format (PNG, JPEG, GIF)")
    data, warnings = pdf_bytes(issue, issue_folder)
    assert warnings == [f"the theme's logo is not drawn ({why})"]
    pdf = tmp_path / "lost.pdf"
    pdf.write_bytes(data)
    assert conformance_failures(pdf, "ua1") == []
    assert "Our logo" not in figure_alts(pdf)
    docx_warnings = write_docx(issue, issue_folder, tmp_path / "out.docx")
    assert len(docx_warnings) == 1
    assert docx_warnings[0].startswith("the theme's logo is not included: gone.png")
    problems = [(p.severity, p.message) for p in validate(issue, issue_folder)
                if p.field == "theme"]
    assert problems == [(WARNING, "theme 'Default': the logo gone.png is missing, so the "
                                  "exports leave it out" if damage == "missing" else
                         f"theme 'Default': the logo cannot be used ({why}), so the exports "
                         "leave it out")]


def test_a_logo_without_alt_text_is_an_error_and_the_pdf_says_it_does_not_conform(own_themes):
    own_themes("silent", "logo: logos/partnership-mark.png\n")
    issue, folder = _demo_with("silent")
    problems = [p for p in validate(issue, folder) if p.field == "theme"]
    assert [(p.severity, p.message) for p in problems] == [
        (ERROR, "theme 'Default': the logo partnership-mark.png has no alt text")]
    data, warnings = pdf_bytes(issue, folder)
    assert warnings == ["the PDF does not conform to PDF/UA: the theme's logo "
                        "(partnership-mark.png) has no alt text (add alt text, or mark the "
                        "picture decorative)"]
    assert any("FIGURE-ALTERNATIVE-TEXT" in f for f in conformance_failures(data, "ua1"))


@pytest.mark.parametrize("entry", ["logo: 5\n", "logo:\n  alt: no file\n",
                                   "logo:\n  file: ../../../etc/passwd\n  alt: x\n"])
def test_a_malformed_logo_entry_is_a_clear_theme_error(own_themes, entry):
    own_themes("odd", entry)
    with pytest.raises(BulletinError, match="logo"):
        load_theme("odd")
    issue, folder = _demo_with("odd")
    problems = [p for p in validate(issue, folder) if p.field == "theme"]
    assert len(problems) == 1 and problems[0].severity == ERROR
    assert problems[0].message.startswith("theme: ") and "logo" in problems[0].message


def test_export_of_a_theme_with_a_lost_logo_from_the_command_line(cli, demo_copy, own_themes,
                                                                  tmp_path):
    own_themes("lost", "logo:\n  file: logos/gone.png\n  alt: Our logo\n")
    text = (demo_copy / "issue.yaml").read_text(encoding="utf-8")
    (demo_copy / "issue.yaml").write_text(text.replace("theme: default", "theme: lost")
                                          if "theme: default" in text
                                          else text + "export:\n  theme: lost\n",
                                          encoding="utf-8")
    code, out, err = cli("export", demo_copy, "--pdf", tmp_path / "x.pdf")
    assert code == 0, err
    assert err.splitlines() == ["bulletin: warning: the theme's logo is not drawn (file not "
                                "found: gone.png)"]
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
    code, out, err = cli("validate", demo_copy)
    assert code == 1 and "the logo gone.png is missing" in out + err
