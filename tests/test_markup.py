"""The body markup: the Markdown subset, raw HTML as text, and only safe links."""

from __future__ import annotations

import pytest

from desktop_app.core.markup import Heading, ListBlock, Paragraph, Run, parse, plain_text, safe_href


def test_paragraphs_bold_italic_and_links():
    blocks = parse("Plain **bold** and *italic* with [a link](https://example.org/x).\n\n"
                   "Second paragraph.").blocks
    assert [type(b) for b in blocks] == [Paragraph, Paragraph]
    assert blocks[0].runs == [
        Run("Plain "), Run("bold", bold=True), Run(" and "), Run("italic", italic=True),
        Run(" with "), Run("a link", href="https://example.org/x"), Run("."),
    ]


def test_lists_and_subheadings():
    blocks = parse("### What we found\n\n- one\n- **two**\n  - nested\n\n3. third\n4. fourth\n"
                   ).blocks
    assert isinstance(blocks[0], Heading) and blocks[0].level == 3
    bullets, numbers = blocks[1], blocks[2]
    assert isinstance(bullets, ListBlock) and not bullets.ordered
    assert [("".join(r.text for r in i.runs), i.level) for i in bullets.items] == [
        ("one", 0), ("two", 0), ("nested", 1)]
    assert bullets.items[1].runs == [Run("two", bold=True)]
    assert numbers.ordered and numbers.start == 3 and len(numbers.items) == 2


def test_raw_html_is_text_never_markup():
    blocks = parse('<b>not bold</b> <script>alert("x")</script>\n\n<div>block</div>').blocks
    assert plain_text('<b>not bold</b> & "quotes"') == '<b>not bold</b> & "quotes"'
    assert all(not r.bold for b in blocks for r in b.runs)
    assert "".join(r.text for r in blocks[1].runs) == "<div>block</div>"


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#115;cript:alert(1)",
    "javascript&colon;alert(1)", "file:///etc/passwd", "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox", "/relative/path", "ftp://example.org", "%6Aavascript:alert(1)",
    "<java\u200bscript:alert(1)>",
])
def test_only_http_https_and_mailto_links_keep_their_target(url):
    parsed = parse(f"[click]({url})")
    assert all(r.href is None for b in parsed.blocks for r in b.runs)
    assert "click" in plain_text(f"[click]({url})")
    assert len(parsed.bad_links) == 1 and parsed.bad_links[0].text == "click"


@pytest.mark.parametrize("url", ["https://example.org", "http://example.org/a?b=c",
                                 "mailto:someone@example.org"])
def test_allowed_links(url):
    assert safe_href(url) == url
    assert parse(f"[x]({url})").bad_links == []


def test_bad_links_report_their_line():
    parsed = parse("Line one.\n\nLine three [x](javascript:1).")
    assert parsed.bad_links[0].line == 3
