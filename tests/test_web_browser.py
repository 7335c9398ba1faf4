"""The web edition and the email's HTML part in a real browser: Chromium with axe-core.

Zero WCAG 2.2 A/AA violations for the demo, the 200-article issue and an issue with every
element; headings that are the issue's structure; no request leaving the page; readable at
320 px and at 400% zoom; a print style sheet; hostile text that never runs.
"""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path

import pytest

from bench.common import stress_issue
from desktop_app.core.storage import load_issue
from desktop_app.core.web.export_email import email_bytes
from desktop_app.core.web.export_html import write_html
from desktop_app.resources import demo_dir
from tests.richissue import rich_issue
from tests.webcheck import (
    HOSTILE,
    Visit,
    chromium,
    describe,
    every_element_issue,
    expected_headings,
    hostile_issue,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def demo():
    return load_issue(demo_dir())


@pytest.fixture(scope="module")
def demo_web(demo, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("web") / "edition"
    write_html(demo.issue, demo.folder, out)
    return out


def _url(folder: Path) -> str:
    return (folder / "index.html").as_uri()


def _only_local(visit: Visit, folder: Path) -> None:
    root = folder.resolve().as_uri()
    assert visit.requests and all(r.startswith(root + "/") for r in visit.requests), \
        [r for r in visit.requests if not r.startswith(root)]


def test_the_demo_has_no_wcag_violations_and_its_headings_are_the_issue(browser, demo,
                                                                        demo_web):
    visit = Visit(browser, _url(demo_web), bypass_csp=True)
    try:
        violations = visit.axe()
        assert violations == [], describe(violations)
        assert [h for h in visit.headings() if h[0] in ("h1", "h2", "h3")] == \
            expected_headings(demo.issue)
    finally:
        visit.close()


def test_nothing_leaves_the_page_and_nothing_runs(browser, demo_web):
    visit = Visit(browser, _url(demo_web))
    try:
        visit.page.wait_for_load_state("networkidle")
        _only_local(visit, demo_web)
        assert len(visit.requests) == 5  # the page, its style sheet, three pictures
        assert visit.page.evaluate("getComputedStyle(document.querySelector('.contents > ul'))"
                                   ".columnCount") == "2"  # wide enough for two
        assert visit.page.evaluate("document.scripts.length") == 0
        # The style sheet and the pictures loaded under the page's own security policy.
        assert visit.page.evaluate(
            "getComputedStyle(document.querySelector('.masthead')).backgroundColor"
        ) == "rgb(29, 43, 100)"
        assert visit.page.evaluate(
            "[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    finally:
        visit.close()


@pytest.mark.parametrize("width,scale", [(320, 1), (320, 4), (375, 2)],
                         ids=["320px", "400pc-zoom", "phone"])
def test_readable_on_a_narrow_screen_without_scrolling_sideways(browser, demo_copy, tmp_path,
                                                                width, scale):
    issue, folder = every_element_issue(demo_copy)
    out = tmp_path / "web"
    write_html(issue, folder, out)
    visit = Visit(browser, _url(out), width=width, height=800, scale=scale)
    try:
        assert visit.scroll_width() <= width
        wide = visit.page.evaluate(
            f"[...document.querySelectorAll('main *')].filter(e => "
            f"e.getBoundingClientRect().right > {width} + 1).map(e => e.tagName)")
        assert wide == []
        size = visit.page.evaluate("parseFloat(getComputedStyle(document.querySelector("
                                   "'main p')).fontSize)")
        assert size >= 16
        # One column of contents on a narrow screen (two would split words like "Partnerships").
        assert visit.page.evaluate("getComputedStyle(document.querySelector('.contents > ul'))"
                                   ".columnCount") == "auto"
    finally:
        visit.close()


@pytest.mark.parametrize("which", ["every-element", "rich-issue"])
def test_an_issue_with_every_element_passes(browser, demo_copy, tmp_path, which):
    if which == "every-element":
        issue, folder = every_element_issue(demo_copy)
    else:  # the PDF tagging tests' issue: emoji, fallback glyphs, a three-page article
        folder = tmp_path / "rich"
        issue = rich_issue(folder)
    out = tmp_path / "web"
    write_html(issue, folder, out)
    visit = Visit(browser, _url(out), bypass_csp=True)
    try:
        violations = visit.axe()
        assert violations == [], describe(violations)
        assert [h for h in visit.headings() if h[0] in ("h1", "h2", "h3")] == \
            expected_headings(issue)
        if which == "every-element":
            assert ("h5", "A smaller sub-heading") in visit.headings()
        assert visit.scroll_width() <= 1280
    finally:
        visit.close()


def test_the_200_article_issue_passes(browser, demo, tmp_path):
    issue = stress_issue(200)
    out = tmp_path / "web"
    write_html(issue, demo.folder, out)
    visit = Visit(browser, _url(out), bypass_csp=True)
    try:
        violations = visit.axe()
        assert violations == [], describe(violations)
        headings = [h for h in visit.headings() if h[0] in ("h1", "h2", "h3")]
        assert headings == expected_headings(issue)
        assert sum(1 for h in headings if h[0] == "h3") == 200
    finally:
        visit.close()


def test_keyboard_the_skip_link_comes_first_and_leads_to_the_content(browser, demo_web):
    visit = Visit(browser, _url(demo_web))
    try:
        page = visit.page
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
        assert page.evaluate("document.activeElement.getBoundingClientRect().height") > 0
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
    finally:
        visit.close()


def test_printing_uses_the_print_style_sheet(browser, demo_web):
    visit = Visit(browser, _url(demo_web), media="print")
    try:
        page = visit.page
        assert page.evaluate("getComputedStyle(document.querySelector('.skip-link')).display") \
            == "none"
        after = page.evaluate("getComputedStyle(document.querySelector("
                              "'main a[href^=\"http\"]'), '::after').content")
        assert "https://" in after
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 50_000
    finally:
        visit.close()


def _email_folder(data: bytes, folder: Path) -> Path:
    """The email's HTML part saved with its pictures beside it, each cid: reference pointing at
    its part's file: what a mail program does when it shows the message."""
    message = email.message_from_bytes(data, policy=policy.default)
    html = message.get_body(("html",)).get_content()
    folder.mkdir()
    for n, part in enumerate(p for p in message.walk() if p["Content-ID"]):
        cid = part["Content-ID"].strip("<>")
        name = f"part-{n}.{part.get_content_subtype()}"
        (folder / name).write_bytes(part.get_content())
        assert f"cid:{cid}" in html
        html = html.replace(f"cid:{cid}", name)
    assert "cid:" not in html  # every reference resolved
    (folder / "index.html").write_text(html, encoding="utf-8")
    return folder


@pytest.mark.parametrize("which", ["demo", "every-element", "200-articles"])
def test_the_emails_html_part_passes(browser, demo, demo_copy, tmp_path, which):
    if which == "demo":
        issue, folder = demo.issue, demo.folder
    elif which == "every-element":
        issue, folder = every_element_issue(demo_copy)
    else:
        issue, folder = stress_issue(200), demo.folder
    data, _ = email_bytes(issue, folder, attach_pdf=False)
    shown = _email_folder(data, tmp_path / "email")
    visit = Visit(browser, _url(shown), width=700, bypass_csp=True)
    try:
        violations = visit.axe()
        assert violations == [], describe(violations)
        assert [h for h in visit.headings() if h[0] in ("h1", "h2", "h3")] == \
            expected_headings(issue)
        visit.page.wait_for_load_state("networkidle")
        _only_local(visit, shown)
        assert visit.page.evaluate(
            "[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    finally:
        visit.close()
    phone = Visit(browser, _url(shown), width=375)
    try:
        assert phone.scroll_width() <= 375
    finally:
        phone.close()


def test_hostile_text_never_runs_in_the_page_or_the_email(browser, demo_copy, tmp_path):
    issue, folder = hostile_issue(demo_copy)
    out = tmp_path / "web"
    write_html(issue, folder, out)
    data, _ = email_bytes(issue, folder, attach_pdf=False)
    shown = _email_folder(data, tmp_path / "email")
    for page_folder in (out, shown):
        visit = Visit(browser, _url(page_folder), bypass_csp=True)  # no policy to hide behind
        try:
            page = visit.page
            page.wait_for_timeout(300)
            assert visit.dialogs == []
            assert page.evaluate("document.scripts.length") == 0
            assert page.evaluate("document.querySelectorAll('[onerror]').length") == 0
            text = page.evaluate("document.body.innerText")
            assert HOSTILE in text
            hrefs = page.evaluate("[...document.links].map(a => a.href)")
            assert not [h for h in hrefs if not re.match(r"^(https?:|mailto:|tel:|file:.*#)", h)]
            _only_local(visit, page_folder)
        finally:
            visit.close()


def test_the_logo_theme_passes_and_its_logo_loads(browser, tmp_path):
    loaded = load_issue(demo_dir())
    loaded.issue.export.theme = "with-logo"
    out = tmp_path / "web"
    write_html(loaded.issue, loaded.folder, out)
    visit = Visit(browser, _url(out), bypass_csp=True)
    try:
        violations = visit.axe()
        assert violations == [], describe(violations)
        logo = visit.page.locator("header.masthead img.logo")
        assert logo.get_attribute("alt") == "SOC Local Partnerships"
        assert logo.evaluate("i => i.complete && i.naturalWidth") == 600
        _only_local(visit, out)
    finally:
        visit.close()
