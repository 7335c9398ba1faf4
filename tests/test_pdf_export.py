"""The demo edition's PDF, read back the way a reader meets it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.core import blocks as b
from desktop_app.core.export_pdf import pdf_bytes, write_pdf
from desktop_app.core.layout import build_blocks, exported_sections
from desktop_app.core.markup import plain_text
from desktop_app.core.storage import load_issue
from desktop_app.resources import demo_dir
from tests.pdfcheck import BASE14, all_text, fonts, link_targets, outline_tree, page_texts, squash
from tests.pdfcheck import words as pdf_words


@pytest.fixture(scope="module")
def demo():
    return load_issue(demo_dir())


@pytest.fixture(scope="module")
def demo_pdf(demo, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "demo.pdf"
    warnings = write_pdf(demo.issue, demo.folder, out)
    assert warnings == []
    return out


@pytest.fixture(scope="module")
def reader(demo_pdf) -> PdfReader:
    return PdfReader(demo_pdf)


def test_page_one_has_masthead_contents_and_welcome(demo, demo_pdf):
    first = page_texts(demo_pdf)[0]
    issue = demo.issue
    assert first.startswith(f"{issue.title} {issue.strapline}")
    assert "Ninth edition \u00b7 Autumn 2026" in first
    assert first.index("In this issue") < first.index("Welcome to the ninth edition")
    assert "Regional team contact details:" in first
    assert "hannah.lowther@example.org" in first


def test_every_article_title_present_in_issue_order(demo, demo_pdf):
    pages = page_texts(demo_pdf)
    body = " ".join(pages[1:])  # after the contents on page one, each title appears once more
    body = " ".join([pages[0].split("Welcome to the ninth edition")[1], body])
    at = 0
    for article in demo.issue.placed_articles():
        found = body.find(squash(article.title), at)
        assert found >= 0, f"{article.title!r} missing or out of order"
        at = found
    for article in demo.issue.pool:
        assert squash(article.title) not in body


def test_body_text_reads_in_column_order(demo, demo_pdf):
    """Each paragraph's opening words come in the order of the blocks, across both columns."""
    text = all_text(demo_pdf)
    text = text[text.index("Welcome to the ninth edition"):]
    at = 0
    checked = 0
    for block in build_blocks(demo.issue, demo.folder):
        if isinstance(block, b.ParagraphBlock):
            opening = " ".join(block.text.split()[:6])
            found = text.find(opening, at)
            assert found >= 0, f"paragraph {opening!r} missing or out of reading order"
            at = found
            checked += 1
    assert checked > 40


def test_two_columns_left_before_right(demo_pdf):
    """On a full page, the stream gives all of the left column before the right one."""
    page2 = [w for w in pdf_words(demo_pdf) if w.page == 2 and 80 < w.y0 < 760]
    xs = [w.x0 for w in page2]
    switch = next(i for i, x in enumerate(xs) if x > 300)
    left, right = xs[:switch], xs[switch:]
    # Once the right column starts, the left one does not come back until the next banner.
    assert min(left) < 60 and all(x > 290 for x in right[:40])


def test_contents_page_numbers_match_where_things_are(demo, demo_pdf, reader):
    first = page_texts(demo_pdf)[0]
    contents = first[first.index("In this issue"):first.index("Welcome to the ninth")]
    tree = outline_tree(reader)
    assert tree, "no outline"
    for section, page, articles in tree:
        assert re.search(re.escape(squash(section)) + rf" {page}\b", contents), section
        for title, art_page in articles:
            assert re.search(re.escape(squash(title)) + rf" {art_page}\b", contents), title
            # The title really is printed on that page.
            assert squash(title) in page_texts(demo_pdf)[art_page - 1].replace(
                "In this issue", "")


def test_outline_is_sections_then_their_articles(demo, reader):
    tree = outline_tree(reader)
    expected = [(s.title, [a.title for a in s.articles]) for s in exported_sections(demo.issue)]
    assert [(sec, [t for t, _ in arts]) for sec, _, arts in tree] == expected
    pages = [p for _, p, arts in tree for p in [p, *[q for _, q in arts]]]
    assert pages == sorted(pages)


def test_every_contact_email_is_a_mailto_link(demo, reader):
    targets = {uri for _, uri in link_targets(reader)}
    emails = {c.email for c in demo.issue.team_contacts}
    emails |= {c.email for a in demo.issue.placed_articles() for c in a.contacts}
    for email in emails:
        assert f"mailto:{email}" in targets, email


def test_links_are_only_http_https_mailto_and_body_links_survive(demo, reader):
    targets = [uri for _, uri in link_targets(reader)]
    assert targets
    assert all(re.match(r"^(https?://|mailto:)", uri) for uri in targets), targets
    assert "https://www.example.org/local-profiles-review" in targets
    # The contents entries are internal links to their destinations.
    first = reader.pages[0]
    internal = [a.get_object() for a in first["/Annots"] if "/Dest" in a.get_object()]
    assert len(internal) >= len(demo.issue.placed_articles())


def test_metadata_language_and_window_title(demo, reader):
    meta = reader.metadata
    assert meta.title == "SOC Local Partnerships Bulletin \u2013 Ninth edition \u00b7 Autumn 2026"
    assert meta.author == "Home Office"
    assert "serious and organised crime" in meta.subject
    assert "Home Office" in meta["/Keywords"]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] is True or \
        str(root["/ViewerPreferences"]["/DisplayDocTitle"]).lower() == "true"


def test_every_font_is_embedded_and_none_is_base14(demo_pdf, reader):
    used = fonts(reader)
    assert used, "no fonts found"
    assert all(used.values()), used
    assert not {name.split("+")[-1].lstrip("/") for name in used} & BASE14
    report = subprocess.run(["pdffonts", str(demo_pdf)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert report and all(line.split()[-5] == "yes" for line in report), report


def test_a4_by_default_with_page_x_of_y(demo_pdf, reader):
    count = len(reader.pages)
    for page in reader.pages:
        assert round(float(page.mediabox.width)) == 595
        assert round(float(page.mediabox.height)) == 842
    texts = page_texts(demo_pdf)
    for n, text in enumerate(texts, 1):
        assert text.endswith(f"Page {n} of {count}")


def test_pictures_and_callouts_are_drawn(demo, demo_pdf, reader):
    images = sum(len(p["/Resources"].get("/XObject", {}) or {}) for p in reader.pages)
    assert images == 3
    text = all_text(demo_pdf)
    for article in demo.issue.placed_articles():
        for image in article.images:
            assert squash(image.caption) in text
        for quote in article.pull_quotes:
            assert squash(quote.text) in text
        for callout in article.callouts:
            if callout.kind == "statistic":
                assert f"{callout.value} {squash(callout.label)}" in text
            else:
                assert squash(callout.title) in text
                assert all(squash(item) in text for item in callout.items)


def test_section_banners_are_never_at_the_foot_of_a_page(demo, demo_pdf):
    found = pdf_words(demo_pdf)
    firsts = {s.title.split()[0] for s in exported_sections(demo.issue)}
    # Banner words are the only 13-point words set just inside the band's left edge.
    banners = [w for w in found if w.text in firsts and 56 < w.x0 < 58 and w.y1 - w.y0 > 11]
    assert len(banners) == len(exported_sections(demo.issue))
    for word in banners:
        # Below every banner there is room for more than a few lines of its section.
        assert word.y0 < 842 * 0.8, word


def test_the_same_issue_in_another_folder_gives_the_same_bytes(demo, tmp_path):
    """Pictures are named by their content, not their path (reportlab hashes the path)."""
    import shutil

    from desktop_app.core.storage import load_issue

    moved = tmp_path / "somewhere else" / "autumn"
    shutil.copytree(demo.folder, moved)
    here, _ = pdf_bytes(demo.issue, demo.folder)
    there, _ = pdf_bytes(load_issue(moved).issue, moved)
    assert here == there


def test_same_issue_gives_the_same_bytes(demo):
    first, _ = pdf_bytes(demo.issue, demo.folder)
    second, _ = pdf_bytes(demo.issue, demo.folder)
    assert first == second


def test_progress_rises_to_the_total(demo):
    calls: list[tuple[int, int]] = []
    pdf_bytes(demo.issue, demo.folder, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) > 10
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert calls[-1][0] == calls[-1][1]


def test_welcome_text_is_the_issue_welcome(demo, demo_pdf):
    text = all_text(demo_pdf)
    assert squash(plain_text(demo.issue.welcome)) in text
