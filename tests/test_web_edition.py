"""The web edition as files: its structure, its links, its pictures and what it refuses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import html as lxml_html

from desktop_app.core import layout
from desktop_app.core.errors import ExportError
from desktop_app.core.storage import load_issue
from desktop_app.core.web.export_html import html_files, write_html
from desktop_app.resources import demo_dir
from tests.conftest import folder_snapshot
from tests.webcheck import (
    HOSTILE,
    HOSTILE_ATTR,
    every_element_issue,
    expected_headings,
    hostile_issue,
)

ALLOWED = ("http:", "https:", "mailto:", "tel:", "#")


@pytest.fixture(scope="module")
def demo():
    return load_issue(demo_dir())


@pytest.fixture(scope="module")
def demo_page(demo, tmp_path_factory) -> tuple[Path, lxml_html.HtmlElement]:
    out = tmp_path_factory.mktemp("web") / "edition"
    assert write_html(demo.issue, demo.folder, out) == []
    return out, lxml_html.fromstring((out / "index.html").read_bytes())


def _headings(tree) -> list[tuple[str, str]]:
    return [(h.tag, h.text_content().strip()) for h in tree.iter("h1", "h2", "h3")]


def test_the_folder_holds_the_page_its_style_sheet_and_pictures(demo_page):
    out, _ = demo_page
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert names == ["bulletin.css", "images/01-regional-roadshows-map.png",
                     "images/02-asset-recovery-chart.png", "images/03-county-lines-workshop.png",
                     "index.html"]
    demo_images = demo_dir() / "images"
    assert (out / "images/02-asset-recovery-chart.png").read_bytes() == \
        (demo_images / "asset-recovery-chart.png").read_bytes()


def test_one_h1_an_h2_per_section_an_h3_per_article(demo, demo_page):
    _, tree = demo_page
    assert _headings(tree) == expected_headings(demo.issue)
    assert len(tree.findall(".//h1")) == 1
    sections = tree.findall(".//main/section")
    assert [s.get("id") for s in sections] == [
        layout.section_anchor(s.id) for s in layout.exported_sections(demo.issue)]
    for section in sections:
        assert section.find("h2") is not None
        assert [a.get("id") for a in section.findall("article")] == [
            layout.article_anchor(a.id) for s in demo.issue.sections
            if layout.section_anchor(s.id) == section.get("id") for a in s.articles]


def test_language_title_skip_link_and_landmarks(demo, demo_page):
    _, tree = demo_page
    assert tree.get("lang") == "en-GB"
    assert tree.findtext(".//title") == \
        "SOC Local Partnerships Bulletin \u2013 Ninth edition, Autumn 2026"
    body = tree.find("body")
    skip = body[0]
    assert skip.tag == "a" and skip.get("href") == "#main" and "Skip" in skip.text
    main = tree.find(".//main")
    assert main.get("id") == "main"
    assert tree.find(".//header[@class='masthead']/div/h1") is not None
    nav = tree.find(".//nav")
    links = [a.get("href") for a in nav.iter("a")]
    targets = {e.get("id") for e in tree.iter() if e.get("id")}
    assert len(links) == sum(1 + len(s.articles) for s in layout.exported_sections(demo.issue))
    assert all(link[1:] in targets for link in links)
    assert tree.find(".//footer") is not None


def test_no_scripts_and_nothing_from_outside(demo_page):
    out, tree = demo_page
    assert not tree.findall(".//script") and not tree.findall(".//iframe")
    assert not any(k.startswith("on") for e in tree.iter() for k in e.attrib)
    sources = [e.get("src") for e in tree.iter("img")] + \
        [e.get("href") for e in tree.iter("link")]
    assert sources and all(s and "://" not in s and not s.startswith("//") for s in sources)
    css = (out / "bulletin.css").read_text()
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    policy = tree.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    assert "default-src 'none'" in policy and "script-src" not in policy


def test_links_are_only_http_https_mailto_tel_and_internal(demo, demo_page):
    _, tree = demo_page
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert all(h.startswith(ALLOWED) for h in hrefs), hrefs
    assert "mailto:hannah.lowther@example.org" in hrefs
    assert "tel:+442079460231" in hrefs
    assert "https://www.example.org/local-profiles-review" in hrefs


def test_the_bulletins_elements_have_their_html_elements(demo, demo_page):
    _, tree = demo_page
    placed = demo.issue.placed_articles()
    quotes = tree.findall(".//figure[@class='pull-quote']")
    assert len(quotes) == sum(len(a.pull_quotes) for a in placed)
    assert all(q.find("blockquote") is not None and q.find("figcaption") is not None
               for q in quotes)
    addresses = tree.findall(".//address")
    assert len(addresses) == sum(len(a.contacts) for a in placed) + \
        len(demo.issue.team_contacts)
    assert all(a.find(".//a[@href]") is not None for a in addresses)
    asides = tree.findall(".//aside")
    assert len(asides) == sum(len(a.callouts) for a in placed)
    assert all(a.get("aria-labelledby") for a in asides)
    figures = [f for f in tree.findall(".//figure") if f.find("img") is not None]
    alts = {i.alt for a in placed for i in a.images}
    assert {f.find("img").get("alt") for f in figures} == alts
    assert all(f.find("figcaption") is not None for f in figures)
    assert tree.findall(".//ol") and tree.findall(".//ul//li")


def test_every_element_and_the_layouts_own_welcome(demo_copy, tmp_path):
    issue, folder = every_element_issue(demo_copy)
    files, warnings = html_files(issue, folder)
    tree = lxml_html.fromstring(files["index.html"])
    assert _headings(tree) == expected_headings(issue)
    assert [w for w in warnings if "missing.png" in w] and len(warnings) == 1
    article = tree.get_element_by_id("article-everything-at-once")
    imgs = article.findall(".//img")
    assert [i.get("alt") for i in imgs] == ["A bar chart rising year on year.", "",
                                            "A map with no caption."]
    assert "Picture not available: A picture that is not there." in article.text_content()
    assert [h.tag for h in article.iter("h4", "h5")] == ["h4", "h5"]
    ordered = article.findall(".//ol")
    assert [o.get("start") for o in ordered] == [None, "5"]
    nested = ordered[0].find("li/ul/li/ul/li")
    assert nested is not None and nested.text_content().strip() == "deeper still"
    assert article.find(".//p/br") is not None
    assert article.find(".//strong/em") is not None or article.find(".//em/strong") is not None
    assert "a?b=1&c=2" in [a.get("href") for a in article.iter("a")][0]
    quotes = article.findall(".//figure[@class='pull-quote']")
    assert [q.find("figcaption") is not None for q in quotes] == [True, False]
    addresses = article.findall(".//address")
    assert [a.text_content() for a in addresses][1] == "Only A Name"
    assert "tel:+442079460000" in [a.get("href") for a in addresses[0].iter("a")]
    sidebars = article.findall(".//aside[@class='sidebar']")
    assert sidebars[0].find("p").text == "A sidebar"
    assert sidebars[1].get("aria-label") == "Sidebar" and sidebars[1].find("p") is None
    intro = tree.get_element_by_id("section-annex").find("p")
    assert intro.get("class") == "intro"


def test_hostile_text_arrives_as_text(demo_copy):
    issue, folder = hostile_issue(demo_copy)
    files, _ = html_files(issue, folder)
    page = files["index.html"].decode()
    tree = lxml_html.fromstring(files["index.html"])
    assert not tree.findall(".//script") and not tree.findall(".//img[@onerror]")
    assert not any(k.startswith("on") for e in tree.iter() for k in e.attrib)
    assert "<script>" not in page and HOSTILE_ATTR not in page
    article = tree.get_element_by_id("article-hostile")
    text = article.text_content()
    assert HOSTILE in text and HOSTILE_ATTR in text
    assert "javascript link" in text and "raw html link" in text
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert all(h.startswith(ALLOWED) for h in hrefs), hrefs
    assert not any("javascript" in h or h.startswith("data:") for h in hrefs)
    assert tree.findtext(".//h1") == f"Bulletin {HOSTILE}"
    img = article.find(".//img")
    assert img.get("alt") == f"alt {HOSTILE_ATTR}"


def test_a_new_export_replaces_an_earlier_one_but_never_someone_elses(demo, tmp_path):
    out = tmp_path / "web"
    write_html(demo.issue, demo.folder, out)
    (out / "index.html").write_text((out / "index.html").read_text() + "<!-- old -->")
    write_html(demo.issue, demo.folder, out)
    assert "<!-- old -->" not in (out / "index.html").read_text()
    mine = tmp_path / "my-photos"
    mine.mkdir()
    (mine / "cat.jpg").write_bytes(b"purr")
    before = folder_snapshot(tmp_path)
    with pytest.raises(ExportError, match="not empty"):
        write_html(demo.issue, demo.folder, mine)
    with pytest.raises(ExportError, match="does not exist"):
        write_html(demo.issue, demo.folder, tmp_path / "no" / "web")
    assert folder_snapshot(tmp_path) == before


def test_the_folder_gets_ordinary_permissions(demo, tmp_path):
    out = tmp_path / "web"
    write_html(demo.issue, demo.folder, out)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask


def test_progress_rises_to_the_total(demo, tmp_path):
    seen: list[tuple[int, int]] = []
    html_files(demo.issue, demo.folder, progress=lambda d, t: seen.append((d, t)))
    total = len(layout.build_blocks(demo.issue, demo.folder))
    assert seen[-1] == (total, total) and len(seen) == total


def test_the_cli_writes_the_web_edition(cli, tmp_path):
    out = tmp_path / "web"
    code, stdout, stderr = cli("export", "--demo", "--html", out)
    assert code == 0, stderr
    assert f"Wrote the web edition to {out}" in stdout
    assert (out / "index.html").is_file()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, stderr = cli("export", "--demo", "--html", blocker)
    assert code == 2 and stderr.count("\n") == 1 and "it is a file" in stderr


def test_a_damaged_or_disguised_picture_is_left_out_with_a_warning(demo_copy):
    from desktop_app.core.model import Image
    from desktop_app.core.web.export_email import email_bytes

    loaded = load_issue(demo_copy)
    (demo_copy / "images" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    (demo_copy / "images" / "page.png").write_text("<html><script>alert(1)</script></html>")
    article = loaded.issue.placed_articles()[0]
    article.images += [Image("images/broken.png", "Broken.", ""),
                       Image("images/page.png", "Not a picture.", "")]
    files, warnings = html_files(loaded.issue, demo_copy)
    assert len(warnings) == 2 and all("not included" in w for w in warnings)
    assert not [n for n in files if "broken" in n or "page" in n]
    text = lxml_html.fromstring(files["index.html"]).text_content()
    assert "Picture not available: Broken." in text
    _, report = email_bytes(loaded.issue, demo_copy, attach_pdf=False)
    assert len(report.warnings) == 2


def test_the_themes_logo_heads_the_page_and_the_email(tmp_path):
    import email
    from email import policy

    from desktop_app.core.web.export_email import email_bytes

    loaded = load_issue(demo_dir())
    loaded.issue.export.theme = "with-logo"
    files, warnings = html_files(loaded.issue, loaded.folder)
    assert warnings == []
    tree = lxml_html.fromstring(files["index.html"])
    logo = tree.find(".//header[@class='masthead']//img")
    assert logo.get("alt") == "SOC Local Partnerships" and logo.get("class") == "logo"
    from desktop_app.templates import template_dir

    assert files[logo.get("src")] == (template_dir() / "logos/partnership-mark.png").read_bytes()
    data, report = email_bytes(loaded.issue, loaded.folder, attach_pdf=False)
    assert report.warnings == []
    message = email.message_from_bytes(data, policy=policy.default)
    html = lxml_html.fromstring(message.get_body(("html",)).get_content())
    first = html.find(".//td[@class='masthead']/img")
    assert first.get("alt") == "SOC Local Partnerships" and first.get("src").startswith("cid:")
    assert first.get("width") == "200"


def test_a_lost_logo_is_left_out_with_a_warning(tmp_path, monkeypatch):
    from dataclasses import replace

    from desktop_app.core.theme import ThemeLogo, load_theme
    from desktop_app.core.web import export_html

    theme = replace(load_theme("with-logo"), logo=ThemeLogo(tmp_path / "gone.png", "Ours"))
    monkeypatch.setattr(export_html, "load_theme", lambda *_a, **_k: theme)
    loaded = load_issue(demo_dir())
    files, warnings = html_files(loaded.issue, loaded.folder)
    assert warnings == ["the theme's logo is not included (file not found: gone.png)"]
    assert lxml_html.fromstring(files["index.html"]).find(".//header//img") is None
