"""The export intermediate form, tested directly on the demo and on small issues."""

from __future__ import annotations

from desktop_app.core import blocks as b
from desktop_app.core.layout import build_blocks
from desktop_app.core.model import Article, Contact, Image, PullQuote, StatisticCallout, new_issue
from desktop_app.core.storage import load_issue
from desktop_app.resources import demo_dir


def demo_blocks():
    loaded = load_issue(demo_dir())
    return loaded.issue, build_blocks(loaded.issue, loaded.folder)


def test_demo_starts_with_masthead_contents_then_welcome():
    issue, blocks = demo_blocks()
    masthead, contents, banner = blocks[0], blocks[1], blocks[2]
    assert isinstance(masthead, b.Masthead)
    assert masthead.title == "SOC Local Partnerships Bulletin"
    assert masthead.edition_line == "Ninth edition \u00b7 Autumn 2026"
    assert isinstance(contents, b.Contents) and contents.title == "In this issue"
    assert isinstance(banner, b.SectionBanner) and banner.title == "Welcome"
    assert isinstance(blocks[3], b.ParagraphBlock) and blocks[3].role == "welcome"
    team = next(x for x in blocks if isinstance(x, b.ContactBlock))
    assert team.origin.field == "team_contacts" and len(team.contacts) == 4


def test_articles_appear_in_issue_order_each_under_its_section():
    issue, blocks = demo_blocks()
    headings = [x for x in blocks if isinstance(x, b.ArticleHeading)]
    assert [h.article_id for h in headings] == [a.id for a in issue.placed_articles()]
    section = None
    for block in blocks:
        if isinstance(block, b.SectionBanner):
            section = block.section_id
        if isinstance(block, b.ArticleHeading):
            assert issue.find_article(block.article_id)[0].id == section
    pool_ids = {a.id for a in issue.pool}
    assert not pool_ids & {x.origin.article_id for x in blocks}


def test_contents_lists_every_printed_section_and_article():
    issue, blocks = demo_blocks()
    contents = blocks[1]
    sections = [e.title for e in contents.entries if e.level == 1]
    articles = [e.title for e in contents.entries if e.level == 2]
    assert sections == [s.title for s in issue.sections if s.articles or s.id == "welcome"]
    assert articles == [a.title for a in issue.placed_articles()]
    anchors = {x.anchor for x in blocks if isinstance(x, (b.SectionBanner, b.ArticleHeading))}
    assert {e.anchor for e in contents.entries} == anchors


def test_every_block_is_traceable_to_its_source():
    issue, blocks = demo_blocks()
    for block in blocks:
        if block.origin.article_id:
            article = issue.article(block.origin.article_id)
            assert block.origin.section_id == issue.find_article(article.id)[0].id
    kinds = {x.kind for x in blocks}
    assert {"masthead", "contents", "section_banner", "article_heading", "paragraph", "list",
            "pull_quote", "contact_block", "statistic", "sidebar", "image", "subheading"} <= kinds


def small_issue(tmp_path):
    issue = new_issue(2, "Winter 2026")
    art = Article(
        id="op-slate", title="Operation SLATE", standfirst="Twelve agencies, one day.",
        body="First para.\n\nSecond para.\n\n- a\n- b\n\nThird para.\n\nFourth para.",
        pull_quotes=[PullQuote("Together we did it.", "DI Jones")],
        contacts=[Contact(name="Jo", email="jo@example.org")],
        images=[Image(path="images/missing.png", alt="A van", caption="The van")],
        callouts=[StatisticCallout("23", "vehicles seized")],
    )
    issue.section("disruptions").articles.append(art)
    return issue, build_blocks(issue, tmp_path)


def test_article_element_order(tmp_path):
    _, blocks = small_issue(tmp_path)
    kinds = [x.kind for x in blocks if x.origin.article_id == "op-slate"]
    # The quote never comes between a paragraph and the list it leads into.
    assert kinds == ["article_heading", "paragraph", "image", "paragraph", "list", "paragraph",
                     "pull_quote", "paragraph", "statistic", "contact_block", "article_end"]
    image = next(x for x in blocks if isinstance(x, b.ImageBlock))
    assert image.problem == "file not found: images/missing.png"
    contact = next(x for x in blocks if isinstance(x, b.ContactBlock))
    assert contact.heading == "For more information contact:"


def test_empty_sections_do_not_print_and_control_characters_are_cleaned(tmp_path):
    issue, _ = small_issue(tmp_path)
    issue.section("disruptions").articles[0].title = "Bad\x0b title\x01"
    blocks = build_blocks(issue, tmp_path)
    banners = [x.title for x in blocks if isinstance(x, b.SectionBanner)]
    assert banners == ["Disruptions"]  # no welcome text, so no Welcome banner
    heading = next(x for x in blocks if isinstance(x, b.ArticleHeading))
    assert heading.title == "Bad title"
