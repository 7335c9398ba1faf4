"""Paper sizes and column counts from the theme and the issue's export options."""

from __future__ import annotations

import io

import pytest
from desktop_app.resources import demo_dir
from tests.pdfcheck import all_text, squash
from tests.pdfcheck import words as pdf_words
from pypdf import PdfReader

from desktop_app.core import blocks as b
from desktop_app.core.export_pdf import pdf_bytes
from desktop_app.core.layout import build_blocks
from desktop_app.core.storage import load_issue


@pytest.mark.parametrize("paper,columns,theme,size", [
    ("Letter", 3, "default", (612, 792)),
    (None, None, "print-one-column", (595, 842)),
    ("A4", 2, "default", (595, 842)),
])
def test_layouts_keep_every_word_in_order_and_full_size(tmp_path, paper, columns, theme, size):
    loaded = load_issue(demo_dir())
    issue = loaded.issue
    issue.export.paper, issue.export.columns, issue.export.theme = paper, columns, theme
    data, _ = pdf_bytes(issue, loaded.folder)
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(data)
    reader = PdfReader(io.BytesIO(data))
    assert tuple(round(float(x)) for x in reader.pages[0].mediabox[2:]) == size
    text = all_text(pdf)
    at = 0
    for block in build_blocks(issue, loaded.folder):
        if isinstance(block, b.ParagraphBlock):
            opening = " ".join(block.text.split()[:6])
            found = text.find(opening, at)
            assert found >= 0, opening
            at = found
    # Nothing was shrunk to squeeze it in: every word is at least the footer's size.
    small = [w for w in pdf_words(pdf) if w.y1 - w.y0 < 7]
    assert not small, small[:5]
    assert squash(issue.placed_articles()[-1].title) in text


@pytest.mark.parametrize("paper,columns", [("A4", 2), ("Letter", 3), ("A4", 1)])
def test_headings_are_never_left_at_the_foot_of_a_column(tmp_path, paper, columns):
    loaded = load_issue(demo_dir())
    issue = loaded.issue
    issue.export.paper, issue.export.columns = paper, columns
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(pdf_bytes(issue, loaded.folder)[0])
    found = pdf_words(pdf)
    texts = [w.text for w in found]
    headings = [blk.text for blk in build_blocks(issue, loaded.folder)
                if isinstance(blk, b.SubHeading)]
    headings += [a.title for a in issue.placed_articles()]
    checked = 0
    for heading in headings:
        tokens = heading.split()
        for i in range(len(texts) - len(tokens)):
            # Headings are set at 11 points and more: skip the same words in body text.
            if texts[i:i + len(tokens)] == tokens and found[i].y1 - found[i].y0 > 10.5 \
                    and i > 60:  # skip the contents
                last, after = found[i + len(tokens) - 1], found[i + len(tokens)]
                # What follows a heading is on the next line down, in the same column.
                assert after.page == last.page, heading
                assert 0 < after.y0 - last.y0 < 40 and abs(after.x0 - found[i].x0) < 30, \
                    (heading, last, after)
                checked += 1
    assert checked >= len(headings)
