"""A whole past edition imported: the bulletin's seventh edition, and the edition's own facts.

``fixtures/markdown/seventh-edition.md`` is the text of the real seventh edition (a Home Office
publication) turned into Markdown by ``make_seventh_edition.py`` beside it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from desktop_app.core.importers import import_markdown
from desktop_app.core.importers.edition import edition_number, match_section, season, title_case
from desktop_app.core.layout import build_blocks
from desktop_app.core.markup import parse, plain_text
from desktop_app.core.model import new_issue
from desktop_app.core.validate import validate

MARKDOWN = Path(__file__).parent / "fixtures" / "markdown"
SEVENTH = MARKDOWN / "seventh-edition.md"
REFERENCE = Path("/work/shared/reference/bulletin-seventh-edition.txt")


@pytest.fixture(scope="module")
def seventh():
    issue = new_issue()
    report = import_markdown(SEVENTH, issue, None)
    return issue, report


def _article(issue, title):
    return next(a for a in issue.all_articles() if a.title == title)


def _links(markup: str) -> set[str]:
    return {r.href for b in parse(markup).blocks for r in getattr(b, "runs", []) if r.href}


def test_the_script_output_is_the_committed_fixture():
    if not REFERENCE.is_file():
        pytest.skip("the reference text of the seventh edition is not on this machine")
    spec = importlib.util.spec_from_file_location("make7", MARKDOWN / "make_seventh_edition.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.convert(REFERENCE.read_text(encoding="utf-8")) == SEVENTH.read_text(
        encoding="utf-8")


def test_the_editions_own_facts(seventh):
    issue, report = seventh
    assert report.kind == "markdown edition"
    assert issue.title == "SOC Local Partnerships Bulletin"
    assert issue.strapline == "Working together to tackle serious and organised crime"
    assert issue.edition == 7 and issue.edition_words == "Seventh edition"
    assert issue.welcome.startswith("Welcome to the seventh edition of our Serious")
    assert "Working together to tackle" not in issue.welcome  # the strapline is not the welcome
    assert "READ) Team contact details" not in issue.welcome
    assert not any(a.title == "Welcome" for a in issue.all_articles())
    contents = [e.title for blk in build_blocks(issue) if blk.kind == "contents"
                for e in blk.entries]
    assert contents.count("Welcome") == 1


def test_the_regional_team_is_the_team_list(seventh):
    issue, _ = seventh
    assert [(c.name, c.role, c.email) for c in issue.team_contacts] == [
        ("John Penny Cook", "London, the South-East and East",
         "John.Pennycook@homeoffice.x.gsi.gov.uk"),
        ("Lucie Irving", "South-West and Midlands", "Lucie.Irving1@homeoffice.x.gsi.gov.uk"),
        ("Shane Roberts", "Bedfordshire and the North", "Shane.Roberts3@homeoffice.x.gsi.gov.uk"),
        ("Carla Giudice", "Wales", "Carla.Giuidice@homeoffice.x.gsi.gov.uk"),
    ]


def test_sections_are_the_editions_own_in_its_order(seventh):
    issue, report = seventh
    assert [(s.id, s.title) for s in issue.sections] == [
        ("welcome", "Welcome"), ("from-the-centre", "From the Centre"),
        ("whats-new", "What\u2019s New"), ("meet-the", "Meet the\u2026"),
        ("partnerships-in-action", "Partnerships in Action")]
    assert [a.title for a in issue.section("from-the-centre").articles] == [
        "Peer support team", "Engagement", "Police Transformation Funding",
        "Serious and Organised Crime Strategy Review", "Take 5 and Cyber Aware"]
    assert any("left out: In the Spotlight, Disruptions, Prevent, Protection, Feedback" in n
               for n in report.notes)


def test_contacts_as_an_editor_would_make_them(seventh):
    issue, _ = seventh
    contacts = {a.title: [(c.name, c.organisation, c.email, c.phone) for c in a.contacts]
                for a in issue.all_articles() if a.contacts}
    assert contacts == {
        "Serious and Organised Crime Strategy Review": [
            ("", "", "Carla.Giudice@homeoffice.x.gsi.gov.uk", "")],
        "Prevent Projects 2017/18": [("", "", "socprevent@homeoffice.x.gsi.gov.uk", "")],
        "Metropolitan Police Service Organised Crime Advisors": [
            ("Jason Prins", "", "Jason.Prins@met.pnn.police.uk", "")],
        "Employment Agency Standards Inspectorate": [("", "EAS", "eas@beis.gov.uk",
                                                      "020 7215 5000")],
        "Op GUARDIAN": [("", "", "Lian.Penhale@south-wales.pnn.police.uk", "")],
        "Crawley Serious and Organised Crime Hotel Seminar": [
            ("", "", "Michael.Lyons@crawley.gov.uk", ""),
            ("", "", "Guy.Pace@westsussex.gov.uk", "")],
    }
    # The sentences around a contact stay in the body.
    eas = plain_text(_article(issue, "Employment Agency Standards Inspectorate").body)
    assert eas.endswith("Ask for an EAS officer. The EAS are keen to speak to partners locally, "
                        "including Organised Crime Partnership Boards.")
    review = plain_text(_article(issue, "Serious and Organised Crime Strategy Review").body)
    assert review.endswith("Invites will be sent via your local READ Team member.")
    assert "For more information" not in plain_text(
        _article(issue, "Prevent Projects 2017/18").body)


def test_quotes_with_their_speakers(seventh):
    issue, _ = seventh
    glaa = _article(issue, "Gangmasters and Labour Abuse Authority")
    [quote] = glaa.pull_quotes
    assert quote.attribution == "Chief Executive Paul Broadbent"
    assert quote.text.startswith("Our mission is to work in partnership")
    assert quote.text.endswith("victims to exploitative practices")
    # The line that introduced it is not left above it in the text.
    assert "said:" not in glaa.body
    guardian = _article(issue, "Op GUARDIAN")
    assert [(q.text[:23], q.attribution, bool(q.extra.get("suggested")))
            for q in guardian.pull_quotes] == [
        ("The workshop was also a", "", False),
        ("by working together wit", "ACC Drake", True)]
    # Both marks of the pair go: none left at either end.
    assert guardian.pull_quotes[0].text.endswith("exploited by organised crime groups")
    [slate] = _article(issue, "Operation SLATE").pull_quotes
    assert slate.attribution == "North East GAIN Coordinator Peter Constantine"


def test_addresses_in_the_text_are_links(seventh):
    issue, _ = seventh
    assert "http://www.gla.gov.uk" in _links(
        _article(issue, "Gangmasters and Labour Abuse Authority").body)
    assert "https://www.cyberaware.gov.uk" in _links(
        _article(issue, "Take 5 and Cyber Aware").body)
    assert "mailto:SCOC.localpartnerships@homeoffice.x.gsi.gov.uk" in _links(issue.welcome)


def test_every_word_is_accounted_for_and_the_issue_is_valid(seventh):
    issue, report = seventh
    assert report.ledger.unaccounted == [] and report.ledger.doubled == []
    assert report.ledger.source > 2900
    errors = [p for p in validate(issue) if p.severity == "error"]
    assert errors == []


# ---- the facts one at a time -------------------------------------------------------------------


@pytest.mark.parametrize("text, number", [
    ("Welcome to the fifth edition of the bulletin", 5), ("Edition 5", 5), ("Issue 5", 5),
    ("Issue No. 12 · Spring 2026", 12), ("our 21st edition", 21),
    ("the twenty-first edition", 21), ("the twenty first edition", 21),
    ("a future edition", None), ("this edition", None),
])
def test_edition_numbers_as_editions_write_them(text, number):
    assert edition_number(text) == number


def test_seasons_and_dates():
    assert season("Sixth edition \u00b7 spring 2026") == "Spring 2026"
    assert season("Published October 2025") == "October 2025"
    assert season("Summer seems to have passed by") is None


@pytest.mark.parametrize("heading, sid, title, near", [
    ("WHAT\u2019S NEW", "whats-new", "What\u2019s New", False),
    ("What's new", "whats-new", "What's New", False),
    ("MEET THE...", "meet-the", "Meet the\u2026", False),
    ("PARTNERSHIPS", "partnerships-in-action", "Partnerships in Action", True),
    ("Partnership in action", "partnerships-in-action", "Partnerships in Action", True),
    ("Spotlight", "in-the-spotlight", "In the Spotlight", True),
    ("COMMUNITY VOICES", None, "Community Voices", False),
    ("NCA AND GAIN UPDATE", None, "NCA and GAIN Update", False),
])
def test_section_headings_match_as_an_editor_would(heading, sid, title, near):
    match = match_section(heading)
    assert (match.sid, match.title, match.near) == (sid, title, near)


def test_capitals_become_title_case_keeping_acronyms():
    assert title_case("SOC LOCAL PARTNERSHIPS BULLETIN") == "SOC Local Partnerships Bulletin"
    assert title_case("THE ROLE OF ROCUS IN DISRUPTING OCGS") == \
        "The Role of ROCUS in Disrupting OCGS"
    assert title_case("OPERATION SLATE", {"SLATE"}) == "Operation SLATE"
    assert title_case("Op GUARDIAN") == "Op GUARDIAN"  # small letters: as written


def test_a_near_match_is_made_and_reported_and_no_empty_sections_are_added():
    issue = new_issue()
    report = import_markdown("# SOC Local Partnerships Bulletin\n\n# PARTNERSHIPS\n\n"
                             "## OPERATION SLATE\n\nOp SLATE closed the site.\n", issue)
    assert [(s.id, s.title) for s in issue.sections] == [
        ("partnerships-in-action", "Partnerships in Action")]
    assert [a.title for a in issue.section("partnerships-in-action").articles] == [
        "Operation SLATE"]
    assert any("\"PARTNERSHIPS\" was taken as the section \"Partnerships in Action\"" in n
               for n in report.notes)


def test_an_edition_into_an_issue_with_content_keeps_its_sections(demo_copy):
    from desktop_app.core.storage import load_issue

    issue = load_issue(demo_copy).issue
    before = [s.id for s in issue.sections]
    report = import_markdown(SEVENTH, issue, demo_copy)
    assert [s.id for s in issue.sections][:len(before)] == before
    assert issue.edition != 7 and issue.title == load_issue(demo_copy).issue.title
    assert "the file is the seventh edition; the issue stays the ninth edition" in report.notes
    assert "added the imported welcome text after the existing one" in report.issue_changes
    assert report.ledger.unaccounted == []


def test_the_pdf_and_the_word_file_make_bare_addresses_clickable(seventh, tmp_path):
    import docx
    from pypdf import PdfReader

    from desktop_app.core.docx.export_docx import write_docx
    from desktop_app.core.export_pdf import write_pdf
    from tests.pdfcheck import link_targets

    issue, _ = seventh
    write_pdf(issue, tmp_path, tmp_path / "seventh.pdf")
    targets = {uri for _, uri in link_targets(PdfReader(tmp_path / "seventh.pdf"))}
    assert {"http://www.gla.gov.uk", "https://www.cyberaware.gov.uk",
            "mailto:SCOC.localpartnerships@homeoffice.x.gsi.gov.uk"} <= targets
    write_docx(issue, tmp_path, tmp_path / "seventh.docx")
    rels = {rel.target_ref for rel in docx.Document(str(tmp_path / "seventh.docx")).part.rels
            .values() if rel.is_external}
    assert {"http://www.gla.gov.uk", "https://www.cyberaware.gov.uk"} <= rels
