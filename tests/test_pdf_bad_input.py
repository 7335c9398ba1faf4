"""Contributor text and files treated as untrusted: the PDF prints them safely or says why not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.conftest import folder_snapshot
from tests.pdfcheck import all_text, fonts, page_texts, squash
from tests.pdfcheck import words as pdf_words
from pypdf import PdfReader

from desktop_app.core.errors import ExportError
from desktop_app.core.export_pdf import pdf_bytes, write_pdf
from desktop_app.core.model import Article, Section
from desktop_app.core.storage import load_issue


def _issue(folder: Path):
    return load_issue(folder).issue


def _export(issue, folder: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    out = tmp_path / "out.pdf"
    return out, write_pdf(issue, folder, out)


def test_markup_in_titles_and_bodies_prints_as_typed(demo_copy, tmp_path):
    issue = _issue(demo_copy)
    nasty = 'R&D <b>not bold</b> & "quotes"'
    article = issue.placed_articles()[0]
    article.title = nasty
    article.standfirst = "<font name=Helvetica>x</font> <a href='javascript:alert(1)'>y</a>"
    article.pull_quotes[0].text = "Tom & Jerry <i>said</i> &amp; meant it"
    issue.team_contacts[0].name = "O'Brien <script>"
    out, _ = _export(issue, demo_copy, tmp_path)
    text = all_text(out)
    assert nasty in text
    assert "<font name=Helvetica>x</font> <a href='javascript:alert(1)'>y</a>" in text
    assert "Tom & Jerry <i>said</i> &amp; meant it" in text
    assert "O'Brien <script>" in text
    # Nothing the contributor typed became a font or a link.
    reader = PdfReader(out)
    assert not any("Helvetica" in name for name in fonts(reader))
    uris = [str(a.get_object()["/A"].get("/URI", "")) for p in reader.pages
            for a in p.get("/Annots") or [] if "/A" in a.get_object()]
    assert not any("javascript" in u for u in uris)


def test_missing_picture_gives_placeholder_and_warning(demo_copy, tmp_path):
    issue = _issue(demo_copy)
    image = next(i for a in issue.placed_articles() for i in a.images)
    (demo_copy / image.path).unlink()
    out, warnings = _export(issue, demo_copy, tmp_path)
    assert len(warnings) == 1 and "file not found" in warnings[0]
    text = all_text(out)
    assert "Picture not available" in text
    assert squash(image.alt) in text
    assert squash(image.caption) in text


def test_unreadable_picture_gives_placeholder_and_warning(demo_copy, tmp_path):
    issue = _issue(demo_copy)
    image = next(i for a in issue.placed_articles() for i in a.images)
    (demo_copy / image.path).write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 50)
    out, warnings = _export(issue, demo_copy, tmp_path)
    assert len(warnings) == 1 and image.path.split("/")[-1] in warnings[0]
    assert "Picture not available" in all_text(out)


def test_characters_the_house_face_lacks_use_the_fallback(demo_copy, tmp_path):
    issue = _issue(demo_copy)
    issue.placed_articles()[0].title = "Checked \u2713 and starred \u2605 actions"
    out, _ = _export(issue, demo_copy, tmp_path)
    assert "Checked \u2713 and starred \u2605 actions" in all_text(out)
    used = fonts(PdfReader(out))
    assert any("DejaVuSans" in name for name in used)
    assert all(used.values())


def test_long_words_and_urls_stay_inside_the_column(demo_copy, tmp_path):
    issue = _issue(demo_copy)
    long_url = "https://www.example.org/" + "very-long-path-segment/" * 12 + "end"
    word = "Supercalifragilistic" * 8
    article = issue.placed_articles()[0]
    article.body = f"{word} in a sentence.\n\nSee <{long_url}> or [this]({long_url}).\n\n" \
        + article.body
    out, _ = _export(issue, demo_copy, tmp_path)
    found = pdf_words(out)
    assert any(w.text.startswith("Supercalifragilistic") for w in found)
    page_w = float(PdfReader(out).pages[0].mediabox.width)
    for w in found:
        assert w.x1 <= page_w - 42 + 1, w
        assert w.x0 >= 42 - 1, w


def test_article_longer_than_a_page_splits_cleanly(demo_copy, tmp_path):
    issue = _issue(demo_copy)
    paragraphs = [f"Paragraph number {n} of the long report. " + "Words fill the column. " * 12
                  for n in range(1, 121)]
    long = Article(id="long-report", title="The very long report",
                   body="\n\n".join(paragraphs))
    issue.sections.append(Section(id="annex", title="Annex", articles=[long]))
    out, _ = _export(issue, demo_copy, tmp_path)
    text = all_text(out)
    at = 0
    for n in range(1, 121):
        found = text.find(f"Paragraph number {n} of", at)
        assert found > at, n
        at = found
    assert len(PdfReader(out).pages) > 14
    for w in pdf_words(out):
        # Body text stays above the bottom margin; only the running footer is below it.
        assert w.y1 <= 842 - 58 + 1 or w.y0 >= 842 - 40, w


def test_output_in_a_missing_folder_is_refused(demo_copy, tmp_path):
    issue = _issue(demo_copy)
    with pytest.raises(ExportError, match="does not exist"):
        write_pdf(issue, demo_copy, tmp_path / "no-such" / "out.pdf")
    with pytest.raises(ExportError, match="is a folder"):
        write_pdf(issue, demo_copy, tmp_path)


def test_failed_write_leaves_no_file_and_keeps_the_old_one(demo_copy, tmp_path, monkeypatch):
    issue = _issue(demo_copy)
    target = tmp_path / "out" / "bulletin.pdf"
    target.parent.mkdir()
    target.write_bytes(b"the previous export")
    before = folder_snapshot(target.parent)
    real_replace = os.replace

    def full_disk(src, dst):
        if str(dst).endswith("bulletin.pdf"):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ExportError, match="No space left on device"):
        write_pdf(issue, demo_copy, target)
    assert folder_snapshot(target.parent) == before


def test_export_leaves_the_issue_folder_unchanged(demo_copy, tmp_path):
    before = folder_snapshot(demo_copy)
    _export(_issue(demo_copy), demo_copy, tmp_path)
    assert folder_snapshot(demo_copy) == before


def test_empty_issue_still_exports(tmp_path):
    from desktop_app.core.model import new_issue

    data, warnings = pdf_bytes(new_issue(edition=3, published="Spring 2027"), tmp_path)
    assert warnings == []
    assert "Third edition \u00b7 Spring 2027" in page_texts(data)[0]


def test_a_quote_taller_than_a_page_is_shrunk_not_lost(demo_copy, tmp_path):
    issue = _issue(demo_copy)
    quote = issue.placed_articles()[0].pull_quotes[0]
    quote.text = " ".join(f"word{n}" for n in range(900))
    out, _ = _export(issue, demo_copy, tmp_path)
    text = all_text(out)
    assert "word0 word1" in text and "word899" in text
