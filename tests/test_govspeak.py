"""The govspeak file: GOV.UK's blocks for the bulletin's elements, and text that stays text.

GOV.UK renders govspeak with kramdown, which is not installed here; markdown-it (CommonMark,
raw HTML allowed, as kramdown allows it) stands in to show what the Markdown part becomes.
"""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from desktop_app.core import layout
from desktop_app.core.export_govspeak import esc, govspeak_text
from desktop_app.core.model import SidebarCallout, StatisticCallout
from desktop_app.core.storage import load_issue
from desktop_app.resources import demo_dir
from tests.webcheck import HOSTILE, HOSTILE_ATTR, every_element_issue, hostile_issue


@pytest.fixture(scope="module")
def demo():
    return load_issue(demo_dir())


@pytest.fixture(scope="module")
def demo_text(demo) -> str:
    return govspeak_text(demo.issue, demo.folder)


def _body(text: str) -> str:
    """The part pasted into the publisher: everything after the opening comment."""
    assert text.startswith("{::comment}\n")
    return text.split("{:/comment}\n", 1)[1]


def _render(text: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(f"<div>{MarkdownIt('commonmark').render(text)}</div>")


def test_headings_follow_the_issue(demo, demo_text):
    body = _body(demo_text)
    headings = re.findall(r"^(#{2,3}) (.+)$", body, re.MULTILINE)
    expected = []
    for section in layout.exported_sections(demo.issue):
        expected.append(("##", section.title))
        expected += [("###", a.title) for a in section.articles]
    assert [(h, t.replace("\\", "")) for h, t in headings] == expected
    assert not re.search(r"^# ", body, re.MULTILINE)  # the publisher makes the h1


def test_elements_become_govspeak_blocks(demo, demo_text):
    body = _body(demo_text)
    placed = demo.issue.placed_articles()
    contacts = sum(len(a.contacts) for a in placed) + len(demo.issue.team_contacts)
    assert body.count("$C\n**") == contacts and body.count("\n$C\n") + 1 >= contacts
    stats = [c for a in placed for c in a.callouts if isinstance(c, StatisticCallout)]
    sidebars = [c for a in placed for c in a.callouts if isinstance(c, SidebarCallout)]
    assert len(re.findall(r"^\^\*\*.+\^$", body, re.MULTILINE)) == len(stats)
    assert body.count("$CTA\n") == 2 * len(sidebars)
    assert "[hannah.lowther@example.org](mailto:hannah.lowther@example.org)" in body
    assert "Telephone: 020 7946 0231" in body
    images = [i for a in placed for i in a.images]
    for image in images:
        name = image.path.rsplit("/", 1)[-1]
        assert f"\n[Image: {name}]\n" in body
        assert f"- {name}: alt text \u201c{image.alt}\u201d" in demo_text
    quotes = [q for a in placed for q in a.pull_quotes]
    assert body.count("\n> \u201c") == len(quotes)
    assert "(https://www.example.org/local-profiles-review)" in body


def test_the_markdown_reads_as_the_bulletin(demo, demo_text):
    tree = _render(_body(demo_text))
    assert [h.text_content() for h in tree.iter("h2")] == [
        s.title for s in layout.exported_sections(demo.issue)]
    assert tree.findall(".//ol") and tree.findall(".//ul") and tree.findall(".//blockquote")
    assert tree.findall(".//strong")


def test_every_element(demo_copy):
    issue, folder = every_element_issue(demo_copy)
    text = govspeak_text(issue, folder)
    body = _body(text)
    assert "## Welcome" in body and "## Annex" in body
    assert "- divider.png: decorative, no alt text" in text
    assert "[Image: missing.png]" in body
    assert "^**7**^" in body
    assert "1. first numbered\n2. second numbered\n    * nested bullet\n        * deeper" in body
    assert "5. a list that starts at five" in body
    assert "#### A sub-heading" in body and "##### A smaller sub-heading" in body
    assert "$C\n**Only A Name**\n$C" in body
    assert "$CTA\n\n* a sidebar with no title\n$CTA" in body


def test_hostile_text_stays_text(demo_copy):
    issue, folder = hostile_issue(demo_copy)
    text = govspeak_text(issue, folder)
    body = _body(text)
    assert "<script" not in text and "<img" not in text
    assert "](javascript" not in body and "](data:" not in body
    # The contributor's own "$C" lines and "^…^" are not govspeak blocks.
    assert "\n$C\nNot a contact block" not in body
    assert "\n^Not a callout^" not in body
    # The comment is closed once, by the writer, at its end.
    assert text.count("{:/comment}") == 1
    rendered = _render(body)
    assert not rendered.findall(".//script") and not rendered.findall(".//img")
    words = rendered.text_content()
    assert HOSTILE in words and HOSTILE_ATTR in words
    assert not [a for a in rendered.iter("a") if "javascript" in a.get("href", "")]


@pytest.mark.parametrize("typed", ["# not a heading", "- not a list", "1. not a list",
                                   "> not a quote", "$CTA", "^callout^", "%warning%",
                                   "@advisory@", "**not bold**", "[not](a link)",
                                   "a <b>tag</b> & &amp; entity"])
def test_escaped_text_renders_as_typed(typed):
    rendered = _render(esc(typed))
    assert rendered.text_content().strip() == typed
    assert [e.tag for e in rendered.iter()] == ["div", "p"]


def test_the_cli_writes_govspeak(cli, tmp_path):
    out = tmp_path / "page.md"
    code, stdout, stderr = cli("export", "--demo", "--govspeak", out)
    assert code == 0, stderr
    assert f"Wrote the govspeak file to {out}" in stdout
    assert "## In the Spotlight" in out.read_text(encoding="utf-8")
