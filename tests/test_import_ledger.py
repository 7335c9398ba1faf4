"""Every word accounted for: the word ledger over every fixture, and what it caught.

The Word corpus in tests/fixtures/word is made by ``make_corpus.py`` there (pandoc, LibreOffice,
python-docx and raw XML); the Markdown fixtures are editions. Each file is imported and its
ledger must balance: every source word in the issue, in a label or lead-in the bulletin prints
its own way, or in the report's "dropped" list; and no passage doubled.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from desktop_app.core.docx.export_docx import write_docx
from desktop_app.core.export_pdf import write_pdf
from desktop_app.core.importers import docx_read, import_docx, import_file, import_markdown
from desktop_app.core.markup import parse, plain_text
from desktop_app.core.model import new_issue
from desktop_app.core.storage import load_issue, save_issue
from desktop_app.core.untrusted import UntrustedFileError, check_docx
from tests import docmakers
from tests.docmakers import FORM_ANSWERS, png_bytes
from tests.pdfcheck import all_text

FIXTURES = Path(__file__).parent / "fixtures"
WORD = FIXTURES / "word"
FILES = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".docx", ".md"))
MADE = {
    "free-form": lambda d: docmakers.free_form(d / "free.docx", png_bytes()),
    "form-in-its-boxes": lambda d: docmakers.fill_form(d / "form.docx", FORM_ANSWERS),
    "form-without-tags": lambda d: docmakers.fill_form(d / "form.docx", FORM_ANSWERS,
                                                       inside_controls=False),
    "form-typed-as-lines": lambda d: docmakers.form_ignoring_layout(d / "typed.docx",
                                                                   png_bytes()),
    "long-document": lambda d: docmakers.long_document(d / "long.docx", pages=3),
}


def _import(path: Path, tmp_path: Path):
    issue = new_issue()
    report = import_file(path, issue, tmp_path / "issue")
    return issue, report


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_fixture_accounts_for_every_word(path, tmp_path):
    _, report = _import(path, tmp_path)
    ledger = report.ledger
    assert ledger is not None and ledger.source > 10
    assert ledger.unaccounted == [], report.lines()
    assert ledger.doubled == [], report.lines()
    assert "every word accounted for" in report.lines()[-1]


@pytest.mark.parametrize("name", list(MADE))
def test_every_word_file_the_tests_make_accounts_for_every_word(name, tmp_path):
    _, report = _import(MADE[name](tmp_path), tmp_path)
    assert report.ledger.unaccounted == [] and report.ledger.doubled == [], report.lines()


def test_the_ledger_catches_a_word_the_reader_loses(tmp_path, monkeypatch):
    original = docx_read.DocxReader._paragraph

    def careless(self, p):
        info = original(self, p)
        if "fortnight" in info.text:
            info.runs = []  # a reader that silently drops a paragraph
        return info

    monkeypatch.setattr(docx_read.DocxReader, "_paragraph", careless)
    _, report = _import(WORD / "pandoc-article.docx", tmp_path)
    assert "fortnight" in report.ledger.unaccounted
    assert "NOT accounted for" in report.lines()[-1]
    assert report.to_dict()["ledger"]["unaccounted"] == report.ledger.unaccounted


def test_the_ledger_catches_a_text_box_read_twice(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_read, "_outer_boxes",
                        lambda p: p.findall(f".//{docx_read.w('txbxContent')}"))
    _, report = _import(WORD / "text-boxes.docx", tmp_path)
    assert any("sign up at the library" in d for d in report.ledger.doubled)


# ---- what the ledger holds the readers to ------------------------------------------------------


def test_footnotes_and_endnotes_become_numbered_notes(tmp_path):
    issue, report = _import(WORD / "pandoc-notes.docx", tmp_path)
    [article] = issue.pool
    assert [f"[{n}]" in article.body for n in (1, 2, 3, 4)] == [True] * 4
    assert article.notes[0] == "Costs are taken from the published estimates for England and " \
        "Wales."
    assert "*Organised crime: a guide for partners*" in article.notes[2]
    assert any("4 footnotes or endnotes" in n for n in report.notes)
    issue, _ = _import(WORD / "footnotes-and-endnotes.docx", tmp_path / "2")
    [article] = issue.pool
    assert article.body.count("[1]") == 1 and article.body.count("[2]") == 1
    assert article.notes[1] == ("Guidance for landlords is at "
                                "[example.org/landlords](https://example.org/landlords)")


def test_notes_print_in_the_pdf_and_the_word_file(tmp_path):
    issue, _ = _import(WORD / "pandoc-notes.docx", tmp_path)
    article = issue.pool.pop()
    issue.sections[1].articles.append(article)
    folder = tmp_path / "issue"
    folder.mkdir(exist_ok=True)
    save_issue(issue, folder)
    reread = load_issue(folder).issue
    assert reread.all_articles()[0].notes == article.notes  # kept in issue.yaml
    write_pdf(reread, folder, tmp_path / "out.pdf")
    text = all_text(tmp_path / "out.pdf")
    assert "weighs each offence by its cost to victims.[1]" in text
    at = text.index("Notes")
    assert text.index("Costs are taken from the published estimates", at) < text.index(
        "Two of them ran fraud call centres", at)
    write_docx(reread, folder, tmp_path / "out.docx")
    paragraphs = docx.Document(str(tmp_path / "out.docx")).paragraphs
    heading = next(i for i, p in enumerate(paragraphs) if p.text == "Notes")
    assert paragraphs[heading].style.name.startswith("Heading")
    notes = paragraphs[heading + 1: heading + 5]
    assert [p.style.name for p in notes] == ["List Number"] * 4
    assert notes[3].text.startswith("As the board chair put it")


def test_text_boxes_come_in_once_and_drop_caps_join_their_word(tmp_path):
    issue, _ = _import(WORD / "text-boxes.docx", tmp_path)
    body = plain_text(issue.pool[0].body)
    assert body.count("Sign up at the library") == 1
    assert "Inner box: bring a friend." in body
    issue, _ = _import(WORD / "drop-caps.docx", tmp_path / "2")
    assert issue.pool[0].body == ("Farmers in the dales now share CCTV with police.\n\n"
                                  "Theft of quad bikes fell by a third.")


def test_content_controls_are_read_wherever_they_sit(tmp_path):
    issue, _ = _import(WORD / "content-controls.docx", tmp_path)
    body = plain_text(issue.pool[0].body)
    for words in ("The board met in the town hall.", "Chair: Councillor Dev Anand, with eight",
                  "Action | Owner in a control", "Map the lines | Police",
                  "Visit landlords | Council housing team"):
        assert words in body


def test_what_cannot_come_in_is_named_with_its_words(tmp_path):
    issue, report = _import(WORD / "headers-equation-comment.docx", tmp_path)
    assert "*total cost/victims*" in issue.pool[0].body  # an equation: its words, in italics
    assert any("OFFICIAL: for partners only" in d for d in report.dropped)
    issue, report = _import(WORD / "tracked-changes-and-fields.docx", tmp_path / "2")
    body = issue.pool[0].body
    assert "through the portal" in body and "by post" not in body
    assert "[the referral page](https://example.org/refer)" in body
    assert "new place in Brackenridge today" in body and "old place" not in body
    assert any("'mailto:pnn.police.uk': not a valid email address" in d for d in report.dropped)


# ---- Word packages as Word reads them ---------------------------------------------------------


def test_a_main_part_with_another_name_is_found_through_the_relationship(tmp_path):
    path = WORD / "renamed-main-part.docx"
    with zipfile.ZipFile(path) as z:
        assert "word/document.xml" not in z.namelist()
    assert check_docx(path) == "word/main-text.xml"
    issue, _ = _import(path, tmp_path)
    assert issue.pool[0].title == "Main part with another name"
    assert len(issue.pool[0].images) == 2


def test_strict_open_xml_is_read_and_said_so(tmp_path):
    with zipfile.ZipFile(WORD / "strict-open-xml.docx") as z:
        assert b"purl.oclc.org/ooxml/wordprocessingml" in z.read("word/document.xml")
    issue, report = _import(WORD / "strict-open-xml.docx", tmp_path)
    article = issue.pool[0]
    assert article.title == "A file saved as Strict Open XML"
    assert [i.alt for i in article.images] == ["Stalls in the square", "The youth band"]
    assert any("Strict Open XML" in n for n in report.notes)


def test_one_missing_picture_does_not_stop_the_rest(tmp_path):
    issue, report = _import(WORD / "missing-picture.docx", tmp_path)
    article = issue.pool[0]
    assert [i.alt for i in article.images] == ["Stalls in the square"]
    assert article.body.endswith("The day raised money for the youth club.")
    [dropped] = report.dropped
    assert "\"The youth band\" (image2.png): its data is missing from the file" in dropped


def test_a_macro_enabled_document_is_read_without_its_macros(tmp_path):
    issue, report = _import(WORD / "macro-enabled.docx", tmp_path)
    assert issue.pool[0].title == "Saved as a macro-enabled document"
    assert any("macro-enabled" in n for n in report.notes)


@pytest.mark.parametrize("member, message", [
    ("xl/workbook.xml", "an Excel workbook, not a Word document"),
    ("ppt/presentation.xml", "a PowerPoint presentation, not a Word document"),
    ("content.xml", r"an OpenDocument file \(\.odt\), not a Word document: save it as \.docx"),
])
def test_other_office_files_named_docx_are_refused_by_what_they_are(tmp_path, member, message):
    bad = tmp_path / "x.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr(member, "<x/>")
        if member != "content.xml":
            z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(UntrustedFileError, match=message):
        import_docx(bad, new_issue(), tmp_path / "issue")


def test_a_relationship_to_a_missing_main_part_is_refused_in_one_line(tmp_path):
    good = docmakers.with_picture(tmp_path / "good.docx", png_bytes())
    bad = tmp_path / "x.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            if info.filename != "word/document.xml":
                zout.writestr(info, zin.read(info))
    with pytest.raises(UntrustedFileError) as caught:
        import_docx(bad, new_issue(), tmp_path / "issue")
    assert str(caught.value) == "x.docx: not a Word document (its main part " \
        "'word/document.xml' is missing)"


# ---- links and re-imports --------------------------------------------------------------------


def test_bare_addresses_become_links_on_import(tmp_path):
    issue, _ = _import(WORD / "pandoc-article.docx", tmp_path)
    body = issue.pool[0].body
    assert "www.example.org/summary" in body
    links = {r.href for b in parse(body).blocks for r in getattr(b, "runs", []) if r.href}
    assert "http://www.example.org/summary" in links


def test_importing_the_same_file_twice_adds_nothing_the_second_time(tmp_path):
    issue = new_issue()
    folder = tmp_path / "issue"
    import_docx(WORD / "pandoc-article.docx", issue, folder)
    again = import_docx(WORD / "pandoc-article.docx", issue, folder)
    assert len(issue.pool) == 1 and again.articles == []
    assert "\"Safer streets in Hollins Dale\" is already in the issue (in the pool, " \
        "[safer-streets-in-hollins-dale])" in again.skipped[0]
    assert again.ledger.unaccounted == []
    forced = import_docx(WORD / "pandoc-article.docx", issue, folder, again=True)
    assert len(issue.pool) == 2 and len(forced.articles) == 1
    edition = FIXTURES / "markdown" / "edition.md"
    issue = new_issue()
    import_markdown(edition, issue, folder)
    count, welcome = len(issue.all_articles()), issue.welcome
    second = import_markdown(edition, issue, folder)
    assert len(issue.all_articles()) == count and issue.welcome == welcome
    assert len(second.skipped) == count + 2  # the articles, the welcome, a section intro


from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from desktop_app.core.importers.ledger import markup_words, tokens  # noqa: E402
from desktop_app.core.importers.write_markup import Item, ItemList, Para, blocks_markup  # noqa: E402
from desktop_app.core.markup import Run  # noqa: E402

_TEXT = st.text(alphabet="ab c_*[]()<>\\!&#-1.é的@:/", min_size=1, max_size=12)
_RUN = st.builds(Run, _TEXT, st.booleans(), st.booleans(),
                 st.sampled_from([None, None, "https://example.org/x_(y)",
                                  "mailto:jo_day@example.org"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_RUN, min_size=1, max_size=6), min_size=1, max_size=4), st.booleans())
@example([[Run("1. ", italic=True), Run("1")]], False)  # an italic "1." is not a list number
def test_the_ledger_reads_the_words_of_written_bodies_as_the_parser_does(paragraphs, as_list):
    """The ledger counts body words without parsing (for speed): it must see what the body
    parser sees in anything the importers write."""
    blocks = [ItemList([Item(runs, 0, n % 2 == 1) for n, runs in enumerate(paragraphs)])] \
        if as_list else [Para(runs) for runs in paragraphs]
    markup = blocks_markup(blocks)
    assert tokens(markup_words(markup)) == tokens(plain_text(markup))
