"""Section names, and contacts and quotes as they sit in real Word files (the phrasing
corpus itself is tested in test_import_phrasings.py)."""

from __future__ import annotations

import docx

from desktop_app.core.importers import import_docx
from desktop_app.core.importers.recognise import standard_section
from desktop_app.core.model import new_issue


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
        "Our mission is to protect vulnerable and exploited workers.",
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
    # A mailbox with no person: no name is made up from the address.
    assert [(c.name, c.email) for c in article.contacts] == [("", "prevent.team@example.org")]


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
