"""Markdown in: a whole edition into its sections, or articles into the pool."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.importers import import_markdown
from desktop_app.core.markup import parse, plain_text
from desktop_app.core.model import Issue, new_issue
from desktop_app.core.storage import load_issue
from tests.conftest import folder_snapshot
from tests.docmakers import png_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"
EDITION = FIXTURES / "edition.md"


def _edition(tmp_path: Path) -> tuple[Issue, object]:
    issue = new_issue()
    report = import_markdown(EDITION, issue, tmp_path)
    return issue, report


def test_an_edition_fills_the_bulletin_title_welcome_and_sections(tmp_path):
    issue, report = _edition(tmp_path)
    assert report.kind == "markdown edition"
    # The leading heading names the bulletin: it is the title, not a section.
    assert issue.title == "SOC Local Partnerships Bulletin"
    assert not any("bulletin" in s.title.casefold() for s in issue.sections)
    assert issue.edition == 6 and issue.published == "Spring 2026"
    assert issue.welcome.startswith("Welcome to the sixth edition")
    assert "**county lines**" in issue.welcome
    # Raw HTML is text, not markup: the words and the tags are both visible.
    assert "<em>partnership analysts</em>" in plain_text(issue.welcome)
    # An article before any section heading goes to the Welcome section.
    welcome = issue.section("welcome")
    assert [a.title for a in welcome.articles] == ["Peer support for analysts"]
    assert welcome.articles[0].contacts[0].name == "Robin Hale"
    assert welcome.articles[0].contacts[0].email == "robin.hale@example.org"


def test_section_headings_map_to_standard_sections_in_any_case(tmp_path):
    issue, _ = _edition(tmp_path)
    spotlight = issue.section("in-the-spotlight")
    assert spotlight.title == "In the Spotlight"
    assert spotlight.intro == "A short introduction to the spotlight section."
    assert [a.title for a in spotlight.articles] == ["Local profiles under the microscope"]
    # "Meet the…" and "meet the" (no ellipsis) are both the standard section.
    assert [a.title for a in issue.section("meet-the").articles] == [
        "The Eastern region team", "A second team profile"]
    assert [a.title for a in issue.section("disruptions").articles] == [
        "Closure orders in Hollins Dale"]
    # A section the bulletin does not have is added, after the one before it in the file.
    ids = [s.id for s in issue.sections]
    assert ids.index("community-voices") == ids.index("disruptions") + 1
    assert [a.title for a in issue.section("community-voices").articles] == [
        "Residents lead the way"]
    # A new issue gets the edition's sections, in its order: no empty standard sections.
    assert ids == ["welcome", "in-the-spotlight", "meet-the", "disruptions", "community-voices"]
    assert not issue.pool


def test_an_article_keeps_its_text_links_lists_and_picks_out_quotes_and_contacts(tmp_path):
    issue, report = _edition(tmp_path)
    article = issue.section("in-the-spotlight").articles[0]
    assert article.standfirst == "What a year of reading local profiles taught us."
    body = parse(article.body)
    assert not body.bad_links
    text = plain_text(article.body)
    assert "Most profiles now reach well beyond police data." in text
    assert "[review](https://example.org/review)" in article.body
    # The javascript: link is gone; its words stay; the report says so.
    assert "this one" in text and "javascript" not in article.body
    assert any("javascript:alert" in d for d in report.dropped)
    assert "### Where the gaps remain" in article.body
    assert "- few profiles use **health** data" in article.body
    assert "  1. primary" in article.body
    # The block quote became a pull quote with its speaker, and left the body.
    assert [(q.text, q.attribution) for q in article.pull_quotes] == [(
        "Profiles that partners write together get read together.",
        "Dr Lena Okafor, Strategic Centre for Organised Crime")]
    assert "get read together" not in article.body
    # A contact line with a mailto link behind the name.
    assert [(c.name, c.email) for c in article.contacts] == [
        ("Lena Okafor", "lena.okafor@example.org")]
    assert "For more information" not in article.body


def test_a_bold_quotation_with_a_speaker_becomes_a_pull_quote(tmp_path):
    issue, _ = _edition(tmp_path)
    team = issue.section("meet-the").articles[0]
    assert [(q.text, q.attribution) for q in team.pull_quotes] == [(
        "We are the link between national policy and local partnerships",
        "Sam Ortiz, team lead")]
    assert team.body == "The team covers six counties."
    closure = issue.section("disruptions").articles[0]
    assert [(c.name, c.email, c.phone) for c in closure.contacts] == [
        ("Tom Reed", "tom.reed@example.org", "01632 960 123")]


def test_the_report_lists_articles_sections_contacts_and_quotes(tmp_path):
    _, report = _edition(tmp_path)
    lines = "\n".join(report.lines())
    assert "Imported 6 articles from edition.md (markdown edition)" in lines
    assert "- Local profiles under the microscope" in lines
    assert "-> In the Spotlight" in lines
    assert "contact: Lena Okafor, lena.okafor@example.org" in lines
    assert "pull quote: \u201cProfiles that partners write together" in lines
    assert 'added the section "Community Voices"' in lines
    assert "dropped: link on \"this one\"" in lines


def test_one_article_goes_to_the_pool(tmp_path):
    issue = new_issue()
    text = ("# Scam awareness week\n\nVolunteers visited *markets*.\n\n## How it went\n\n"
            "Well.\n\nFor more information contact: Priya Shah - priya.shah@example.org\n")
    report = import_markdown(text, issue, tmp_path)
    assert report.kind == "markdown article"
    assert [a.title for a in issue.pool] == ["Scam awareness week"]
    article = issue.pool[0]
    assert article.body == "Volunteers visited *markets*.\n\n### How it went\n\nWell."
    assert article.contacts[0].email == "priya.shah@example.org"
    assert not any(s.articles for s in issue.sections)


def test_several_articles_without_sections_go_to_the_pool(tmp_path):
    issue = new_issue()
    import_markdown("## First\n\nOne.\n\n## Second\n\nTwo.\n", issue, tmp_path)
    assert [(a.title, a.body) for a in issue.pool] == [("First", "One."), ("Second", "Two.")]


def test_an_edition_into_an_issue_that_has_content_keeps_its_title_and_welcome(demo_copy):
    loaded = load_issue(demo_copy)
    issue = loaded.issue
    before_title, before_welcome = issue.title, issue.welcome
    count = len(issue.all_articles())
    report = import_markdown(EDITION, issue, demo_copy)
    assert issue.title == before_title and issue.edition == loaded.issue.edition
    assert issue.welcome.startswith(before_welcome.rstrip())
    assert len(issue.all_articles()) == count + 6
    assert "added the imported welcome text after the existing one" in report.issue_changes


def test_pictures_beside_the_markdown_file_are_checked_and_copied(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "chart.png").write_bytes(png_bytes(60, 40))
    (source / "fake.png").write_bytes(b"not a picture at all")
    md = source / "article.md"
    md.write_text("# With pictures\n\n![A bar chart](chart.png \"Referrals by month\")\n\n"
                  "![broken](fake.png)\n\n![outside](../secret.png)\n\n"
                  "![web](https://example.org/x.png)\n\nText.\n", encoding="utf-8")
    issue_dir = tmp_path / "issue"
    issue_dir.mkdir()
    issue = new_issue()
    report = import_markdown(md, issue, issue_dir)
    article = issue.pool[0]
    assert [(i.alt, i.caption) for i in article.images] == [("A bar chart", "Referrals by month")]
    assert (issue_dir / article.images[0].path).read_bytes() == (source / "chart.png").read_bytes()
    dropped = "\n".join(report.dropped)
    assert "fake.png" in dropped and "outside" in dropped and "web address" in dropped
    assert sorted(p.name for p in (issue_dir / "images").iterdir()) == ["with-pictures-1.png"]


def test_the_command_makes_a_new_issue_and_reports(cli, tmp_path):
    target = tmp_path / "spring-2026"
    code, out, err = cli("import-markdown", EDITION, "--into", target)
    assert code == 0, err
    assert "created a new issue" in out and "-> Disruptions" in out
    loaded = load_issue(target)
    assert loaded.issue.edition == 6
    assert len(loaded.issue.all_articles()) == 6
    assert not loaded.warnings
    assert not list(tmp_path.glob(".spring-2026*"))


def test_the_command_adds_to_an_existing_issue_atomically(cli, demo_copy):
    code, out, err = cli("import-markdown", EDITION, "--into", demo_copy, "--json")
    assert code == 0, err
    import json

    data = json.loads(out)
    assert len(data["articles"]) == 6
    assert data["articles"][1]["section_id"] == "in-the-spotlight"
    assert not [p for p in demo_copy.iterdir() if p.name.startswith(".import-")]
    assert (demo_copy / "issue.yaml.bak").exists()


def test_a_file_that_is_not_text_is_refused_and_changes_nothing(cli, demo_copy, tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"# Title\n\n\xff\xfe not utf-8")
    before = folder_snapshot(demo_copy)
    code, out, err = cli("import-markdown", bad, "--into", demo_copy)
    assert code == 2
    assert err.count("\n") == 1 and "not UTF-8" in err
    assert folder_snapshot(demo_copy) == before


def test_text_imported_without_a_folder_writes_nothing_anywhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    issue = new_issue()
    report = import_markdown("# Pasted\n\n![chart](chart.png)\n\nWords.\n", issue)
    assert issue.pool[0].body == "Words." and issue.pool[0].images == []
    assert any("no issue folder" in d for d in report.dropped)
    assert list(tmp_path.iterdir()) == []


def test_disguised_link_schemes_are_dropped_and_reported(tmp_path):
    issue = new_issue()
    text = ("# Links\n\n[a](jav&#x61;script:alert(1)) [b](JaVaScRiPt:alert(2)) "
            "[c](data:text/html;base64,PHNjcmlwdD4=) [d](file:///etc/passwd) "
            "[e](https://example.org/ok) <script>alert(3)</script>\n")
    report = import_markdown(text, issue, tmp_path)
    article = issue.pool[0]
    assert len(report.dropped) == 4
    assert not parse(article.body).bad_links
    assert "[e](https://example.org/ok)" in article.body
    shown = plain_text(article.body)
    assert shown == "a b c d e <script>alert(3)</script>"


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "# ", "## ", "### ", "- ", "1. ", "> ", "**", "*", "_", "[", "](", ")", "javascript:",
    "https://example.org", "mailto:a@example.org", "\u201c", "\u201d", " said ", "\n", "\n\n",
    "For more information contact: ", "x@example.org", "<b>", "&amp;", "\\", "`", "Meet the",
    "Welcome", "Bulletin", "word ", "  ", "![", "01632 960 000",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_markdown_gives_bodies_that_read_back_cleanly(text):
    issue = new_issue()
    import_markdown(text, issue)
    for article in issue.all_articles():
        assert article.title
        assert not parse(article.body).bad_links
        for quote in article.pull_quotes:
            assert quote.text
    assert not parse(issue.welcome).bad_links


def test_a_block_quote_of_only_quotation_marks_is_no_pull_quote():
    issue = new_issue()
    import_markdown("# An article\n\n> \u201c\n\nText.\n", issue)
    [article] = issue.pool
    assert article.pull_quotes == []
    assert article.body == "Text."


def test_words_under_a_welcome_heading_are_the_welcome_letter(tmp_path):
    issue = new_issue()
    import_markdown("# Welcome\n\nDear partners, welcome.\n\n## Peer support\n\nText.\n\n"
                    "# Prevent\n\n## Schools\n\nMore.\n", issue)
    assert issue.welcome == "Dear partners, welcome."
    assert issue.section("welcome").intro == ""
    assert [a.title for a in issue.section("welcome").articles] == ["Peer support"]
    assert [a.title for a in issue.section("prevent").articles] == ["Schools"]


def test_a_path_given_as_a_string_is_read_as_a_file(tmp_path):
    md = tmp_path / "one.md"
    md.write_text("# From a file\n\nBody.\n", encoding="utf-8")
    issue = new_issue()
    report = import_markdown(str(md), issue, tmp_path)
    assert report.source == "one.md"
    assert issue.pool[0].title == "From a file"
