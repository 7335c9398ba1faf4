"""Contact lines and reported speech, in the shapes contributors really write them."""

from __future__ import annotations

import docx
import pytest

from desktop_app.core.importers import import_docx
from desktop_app.core.importers.recognise import (
    find_quote,
    is_contact_line,
    parse_contacts,
    standard_section,
)
from desktop_app.core.model import new_issue


@pytest.mark.parametrize("line, expected", [
    ("For more information contact: Sam Hill \u2013 sam.hill@example.org",
     [("Sam Hill", "", "", "sam.hill@example.org", "")]),
    ("For more information, contact the Helpdesk via help@example.org or 01632 960 000 and "
     "ask for an adviser.",
     [("Helpdesk", "", "", "help@example.org", "01632 960 000")]),
    ("For more information contact: ann.lee@example.org or bo.chan@example.org",
     [("Ann Lee", "", "", "ann.lee@example.org", ""),
      ("Bo Chan", "", "", "bo.chan@example.org", "")]),
    ("For further information contact Jo Day, Head of Licensing and Trading Standards, "
     "Example Council \u2013 jo.day@example.org, 01632 960 321",
     [("Jo Day", "Head of Licensing and Trading Standards", "Example Council",
       "jo.day@example.org", "01632 960 321")]),
    ("For more information contact: teamprevent@example.org",
     [("Teamprevent", "", "", "teamprevent@example.org", "")]),
])
def test_contact_lines(line, expected):
    assert is_contact_line(line)
    found = [(c.name, c.role, c.organisation, c.email, c.phone) for c in parse_contacts(line)]
    assert found == expected


def test_a_contact_line_without_details_names_nobody():
    assert is_contact_line("For more information contact your local team.")
    assert parse_contacts("For more information contact your local team.") == []
    assert not is_contact_line("We contacted 40 landlords for more information.")


@pytest.mark.parametrize("text, expected", [
    ("\u201cWe closed nine lines in a month,\u201d said DS Kay Moss.",
     ("We closed nine lines in a month", "DS Kay Moss")),
    ("Chief Officer Dan Webb said: \u201cThis is what partnership looks like.\u201d",
     ("This is what partnership looks like", "Chief Officer Dan Webb")),
    ("The regional coordinator Ali Rahman said \u201cOnce again this shows what sharing "
     "information can do\u201d.",
     ("Once again this shows what sharing information can do",
      "The regional coordinator Ali Rahman")),
    ("\"Every referral was followed up\" \u2013 Insp. R. Cole, Example Police",
     ("Every referral was followed up", "Insp. R. Cole, Example Police")),
])
def test_reported_speech_gives_the_quotation_and_the_speaker(text, expected):
    assert find_quote(text) == expected


def test_sentences_that_are_not_quotations_are_left_alone():
    assert find_quote("He said it had gone well.") is None
    assert find_quote("\u201cShort,\u201d said Al.") is None  # too short to print large


def test_section_names_in_any_case_and_with_or_without_the_ellipsis():
    assert standard_section("MEET THE...") == "meet-the"
    assert standard_section("Meet the\u2026") == "meet-the"
    assert standard_section("meet the") == "meet-the"
    assert standard_section("Whats new") == "whats-new"
    assert standard_section("What\u2019s New") == "whats-new"
    assert standard_section("Meet the team") is None


def test_a_speaker_line_then_the_quotation_in_its_own_paragraph(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("Workers protected", style="Title")
    doc.add_paragraph("Chief Executive Jo Bloggs said:")
    doc.add_paragraph("\u201cOur mission is to protect vulnerable and exploited workers.\u201d")
    doc.save(str(tmp_path / "q.docx"))
    issue = new_issue()
    import_docx(tmp_path / "q.docx", issue, tmp_path / "issue")
    [quote] = issue.pool[0].pull_quotes
    assert (quote.text, quote.attribution) == (
        "Our mission is to protect vulnerable and exploited workers",
        "Chief Executive Jo Bloggs")


def test_a_contact_line_whose_address_is_on_the_next_line(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("Prevent update", style="Title")
    doc.add_paragraph("The programme grows.")
    doc.add_paragraph("For more information contact:")
    doc.add_paragraph("prevent.team@example.org")
    doc.save(str(tmp_path / "c.docx"))
    issue = new_issue()
    import_docx(tmp_path / "c.docx", issue, tmp_path / "issue")
    article = issue.pool[0]
    assert article.body == "The programme grows."
    assert [(c.name, c.email) for c in article.contacts] == [
        ("Prevent Team", "prevent.team@example.org")]


def test_deleted_tracked_changes_stay_deleted_and_insertions_come_in(tmp_path):
    from docx.oxml import parse_xml

    doc = docx.Document()
    doc.add_paragraph("Tracked", style="Title")
    p = doc.add_paragraph("Kept ")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.append(parse_xml(f'<w:del {w} w:id="1" w:author="A"><w:r><w:delText>removed '
                          '</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {w} w:id="2" w:author="A"><w:r><w:t>added</w:t></w:r>'
                          '</w:ins>'))
    doc.save(str(tmp_path / "t.docx"))
    issue = new_issue()
    import_docx(tmp_path / "t.docx", issue, tmp_path / "issue")
    assert issue.pool[0].body == "Kept added"


def test_links_written_as_hyperlink_fields_are_kept_or_dropped_like_others(tmp_path):
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def field(instr: str, words: str) -> list:
        return [parse_xml(xml) for xml in (
            f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>',
            f'<w:r {w}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>',
            f'<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>',
            f'<w:r {w}><w:t>{words}</w:t></w:r>',
            f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>')]

    doc = docx.Document()
    doc.add_paragraph("Fields", style="Title")
    p = doc.add_paragraph("See ")
    for element in field('HYPERLINK "https://example.org/guide"', "the guide"):
        p._p.append(element)
    p.add_run(" and ")
    for element in field('HYPERLINK "javascript:alert(1)"', "this"):
        p._p.append(element)
    p.add_run(".")
    doc.save(str(tmp_path / "f.docx"))
    issue = new_issue()
    report = import_docx(tmp_path / "f.docx", issue, tmp_path / "issue")
    assert issue.pool[0].body == "See [the guide](https://example.org/guide) and this."
    assert any("javascript:alert(1)" in d for d in report.dropped)
