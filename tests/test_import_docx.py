"""Word files in: a filled form, a form typed as plain lines, and contributors' own documents."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from desktop_app.core.errors import BulletinError
from desktop_app.core.importers import import_docx, write_form
from desktop_app.core.importers.form import FIELDS
from desktop_app.core.markup import parse, plain_text
from desktop_app.core.model import new_issue
from desktop_app.core.storage import load_issue
from tests import docmakers
from tests.docmakers import FORM_ANSWERS, png_bytes

PICTURE = png_bytes(90, 60, "#c03020")


def _import(path: Path, folder: Path):
    issue = new_issue()
    report = import_docx(path, issue, folder)
    assert len(issue.pool) == 1
    return issue.pool[0], report


# ---- the contributor's own document ---------------------------------------------------------


def test_a_free_form_document_becomes_one_pool_article_with_everything(tmp_path):
    source = docmakers.free_form(tmp_path / "county-lines.docx", PICTURE)
    issue_dir = tmp_path / "issue"
    article, report = _import(source, issue_dir)
    assert report.kind == "document"
    assert article.title == "Closing the net on county lines"
    assert article.standfirst == "Three forces and a charity share what worked"
    body = article.body
    assert body.startswith("Over the summer, officers from **three forces** worked with "
                           "*Safe Harbour Trust* to reach young people at risk.")
    assert "[full report](https://example.org/county-lines-report)" in body
    assert "[the team](mailto:team@example.org)" in body
    assert "### What we did" in body and "### Results" in body
    assert "- safeguard children found running drugs\n- disrupt the lines" in body
    assert "1. Forty-two referrals\n2. Nine lines closed" in body
    assert not parse(body).bad_links
    # The table is visible text, not dropped, and the report says what happened to it.
    assert "- Hollins Dale | 30" in body
    assert any("table of 3 rows" in n for n in report.notes)
    # The quotation stays in the text and is offered as a pull quote to accept.
    assert "said DI Amira Jones" in plain_text(body)
    [quote] = article.pull_quotes
    assert quote.text == "Working together is the only way to keep these children safe"
    assert quote.attribution == "DI Amira Jones of Example Police"
    assert quote.extra == {"suggested": True}
    # The contact line is a contact block now, not text.
    assert [(c.name, c.email) for c in article.contacts] == [
        ("Amira Jones", "amira.jones@example.org")]
    assert "For more information" not in body
    # The picture: extracted, checked, copied in, with its alt text and caption.
    [image] = article.images
    assert image.alt == "Officers and youth workers at a workshop"
    assert image.caption == "The workshop in Hollins Dale, June 2026"
    assert (issue_dir / image.path).read_bytes() == PICTURE
    assert report.images_written == [issue_dir / image.path]
    assert article.extra["imported_from"] == "county-lines.docx"


def test_the_title_falls_back_to_the_first_heading_then_a_short_bold_line(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("Some words before the heading.")
    doc.add_paragraph("The heading", style="Heading 1")
    doc.save(str(tmp_path / "a.docx"))
    article, _ = _import(tmp_path / "a.docx", tmp_path / "i1")
    assert (article.title, article.body) == ("The heading", "Some words before the heading.")

    doc = docx.Document()
    doc.add_paragraph().add_run("A bold first line").bold = True
    doc.add_paragraph("The text.")
    doc.save(str(tmp_path / "b.docx"))
    article, _ = _import(tmp_path / "b.docx", tmp_path / "i2")
    assert (article.title, article.body) == ("A bold first line", "The text.")

    doc = docx.Document()
    doc.add_paragraph("Only ordinary words, and *stars* that are not markup.")
    doc.save(str(tmp_path / "loose-notes.docx"))
    article, report = _import(tmp_path / "loose-notes.docx", tmp_path / "i3")
    assert article.title == "loose-notes"
    assert plain_text(article.body) == "Only ordinary words, and *stars* that are not markup."
    assert any("no title style or heading" in n for n in report.notes)


def test_numbered_lists_from_word_numbering_and_nested_bullets(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("Lists", style="Title")
    doc.add_paragraph("outer", style="List Bullet")
    doc.add_paragraph("inner", style="List Bullet 2")
    doc.add_paragraph("step one", style="List Number")
    doc.add_paragraph("step two", style="List Number")
    doc.save(str(tmp_path / "lists.docx"))
    article, _ = _import(tmp_path / "lists.docx", tmp_path / "issue")
    blocks = parse(article.body).blocks
    assert [(item.level, item.runs[0].text) for b in blocks for item in b.items] == [
        (0, "outer"), (1, "inner"), (0, "step one"), (0, "step two")]
    assert "1. step one\n2. step two" in article.body


# ---- the submission form -------------------------------------------------------------------


def test_the_blank_form_has_every_labelled_place_and_tags(tmp_path):
    out = tmp_path / "form.docx"
    write_form(out)
    doc = docx.Document(str(out))
    labels = [row.cells[0].paragraphs[0].text for t in doc.tables for row in t.rows]
    for wanted in ("Article title", "Suggested section", "One-line summary", "The article",
                   "Pull quote 1", "Pull quote 3: said by", "Contact name", "Role",
                   "Organisation", "Email", "Phone", "Picture 1", "Picture 1: alt text",
                   "Picture 1: caption", "Cleared for publication"):
        assert wanted in labels
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "How to fill it in" in text and "Paste each picture" in text
    hints = " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells[:1])
    assert "Partnerships in Action" in hints and "Meet the\u2026" in hints
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    for field in FIELDS:
        assert f'w:tag w:val="{field.key}"' in xml
    assert not list(tmp_path.glob(".*"))  # written atomically: no temporary file left


def test_a_form_filled_in_its_boxes_comes_through_field_by_field(tmp_path):
    source = docmakers.fill_form(tmp_path / "form.docx", {**FORM_ANSWERS, "Picture 1": PICTURE})
    issue_dir = tmp_path / "issue"
    article, report = _import(source, issue_dir)
    _assert_form_article(article, issue_dir)
    assert report.kind == "form"
    assert report.articles[0].suggested_section == "Partnerships in Action"
    assert "suggested section: Partnerships in Action" in "\n".join(report.lines())


def test_a_form_whose_boxes_lost_their_tags_is_read_by_its_labels(tmp_path):
    source = docmakers.fill_form(tmp_path / "form.docx", {**FORM_ANSWERS, "Picture 1": PICTURE},
                                 inside_controls=False)
    with zipfile.ZipFile(source) as z:
        assert "w:sdt>" not in z.read("word/document.xml").decode()
    issue_dir = tmp_path / "issue"
    article, _ = _import(source, issue_dir)
    _assert_form_article(article, issue_dir)


def _assert_form_article(article, issue_dir: Path) -> None:
    assert article.title == "Landlords join the fight against exploitation"
    assert article.standfirst == "A landlord forum in Brackenridge spots the signs of cuckooing."
    assert article.extra["suggested_section"] == "Partnerships in Action"
    assert article.body == (
        "Brackenridge Council set up a forum for private landlords in March.\n\n"
        "**Members now know the signs**\n\n"
        "- doors with new locks and many visitors\n"
        "- tenants who seem afraid to speak\n\n"
        "The forum meets every quarter and is open to any landlord in the borough.")
    assert [(q.text, q.attribution, q.extra) for q in article.pull_quotes] == [
        ("Landlords are our eyes and ears.", "Cllr Maya Patel, Brackenridge Council", {}),
        ("Every referral has been followed up.", "Sgt Tom Reed", {})]
    [contact] = article.contacts
    assert (contact.name, contact.role, contact.organisation, contact.email, contact.phone) == (
        "Maya Patel", "Community safety lead", "Brackenridge Council",
        "maya.patel@example.org", "01632 960 555")
    [image] = article.images
    assert (image.alt, image.caption) == ("Landlords round a table at the forum",
                                          "The landlord forum's first meeting")
    assert (issue_dir / image.path).read_bytes() == PICTURE
    assert article.extra["cleared_for_publication"] == "YES, Maya Patel, 3 October 2026"


def test_a_form_typed_as_plain_lines_is_still_understood(tmp_path):
    source = docmakers.form_ignoring_layout(tmp_path / "typed.docx", PICTURE)
    article, report = _import(source, tmp_path / "issue")
    assert report.kind == "form"
    assert any("layout was not used" in n for n in report.notes)
    assert article.title == "Scam awareness week reaches 5,000 residents"
    assert article.extra["suggested_section"] == "Protection"
    assert article.standfirst == "Volunteers took the message to markets and libraries."
    assert article.body == ("Trading Standards ran a week of events in October.\n\n"
                            "Volunteers handed out leaflets at:\n\n- markets\n- libraries")
    assert [(q.text, q.attribution) for q in article.pull_quotes] == [
        ("Nobody should lose their savings to a cold caller.",
         "Priya Shah, Trading Standards")]
    assert [(c.name, c.email, c.phone) for c in article.contacts] == [
        ("Priya Shah", "priya.shah@example.org", "01632 960 777")]
    [image] = article.images
    assert (image.alt, image.caption) == ("Volunteers at a market stall",
                                          "Volunteers in Hollins Dale market")
    assert article.extra["cleared_for_publication"] == "yes"


def test_an_empty_form_reports_what_is_missing(tmp_path):
    write_form(tmp_path / "blank.docx")
    article, report = _import(tmp_path / "blank.docx", tmp_path / "issue")
    assert article.title == "Untitled submission"
    notes = "\n".join(report.notes)
    assert "no article title" in notes and "article box is empty" in notes
    assert "not confirmed as cleared for publication" in notes


# ---- Word files saved by LibreOffice ----------------------------------------------------------


@pytest.fixture(scope="module")
def libreoffice_copies(tmp_path_factory):
    """The free-form document and a filled form, opened and saved again by LibreOffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    base = tmp_path_factory.mktemp("lo")
    made = base / "made"
    made.mkdir()
    docmakers.free_form(made / "free.docx", PICTURE)
    docmakers.fill_form(made / "form.docx", {**FORM_ANSWERS, "Picture 1": PICTURE})
    out = base / "out"
    profile = (base / "profile").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         "docx:MS Word 2007 XML", "--outdir", str(out), str(made / "free.docx"),
         str(made / "form.docx")],
        capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(base)})
    if result.returncode != 0 or not (out / "form.docx").exists():
        pytest.skip(f"LibreOffice could not convert: {result.stderr.strip()[:200]}")
    return out


def test_a_document_saved_by_libreoffice_imports_the_same(libreoffice_copies, tmp_path):
    article, _ = _import(libreoffice_copies / "free.docx", tmp_path / "issue")
    assert article.title == "Closing the net on county lines"
    assert article.standfirst == "Three forces and a charity share what worked"
    assert "**three forces**" in article.body and "*Safe Harbour Trust*" in article.body
    assert "[full report](https://example.org/county-lines-report)" in article.body
    assert "### What we did" in article.body
    assert "- safeguard children found running drugs" in article.body
    assert "1. Forty-two referrals" in article.body
    assert [(c.name, c.email) for c in article.contacts] == [
        ("Amira Jones", "amira.jones@example.org")]
    assert article.pull_quotes[0].attribution == "DI Amira Jones of Example Police"
    [image] = article.images
    assert image.alt == "Officers and youth workers at a workshop"
    assert image.caption == "The workshop in Hollins Dale, June 2026"


def test_a_form_saved_by_libreoffice_imports_the_same(libreoffice_copies, tmp_path):
    issue_dir = tmp_path / "issue"
    article, _ = _import(libreoffice_copies / "form.docx", issue_dir)
    assert article.title == "Landlords join the fight against exploitation"
    assert article.extra["suggested_section"] == "Partnerships in Action"
    assert "- doors with new locks and many visitors" in article.body
    assert article.contacts[0].email == "maya.patel@example.org"
    assert [q.attribution for q in article.pull_quotes] == [
        "Cllr Maya Patel, Brackenridge Council", "Sgt Tom Reed"]
    assert article.images[0].alt == "Landlords round a table at the forum"


# ---- the command -------------------------------------------------------------------------


def test_the_command_imports_into_the_demo_and_prints_the_report(cli, demo_copy, tmp_path):
    source = docmakers.free_form(tmp_path / "county-lines.docx", PICTURE)
    code, out, err = cli("import-docx", source, "--into", demo_copy)
    assert code == 0, err
    assert "Imported 1 article from county-lines.docx (document)" in out
    assert "- Closing the net on county lines" in out and "-> the pool" in out
    assert "contact: Amira Jones, amira.jones@example.org" in out
    assert "pull quote: \u201cWorking together is the only way" in out
    assert "[suggested: accept or remove it]" in out
    loaded = load_issue(demo_copy)
    assert not loaded.warnings  # the importers' extra keys are known to the reader
    article = loaded.issue.pool[-1]
    assert article.title == "Closing the net on county lines"
    assert (demo_copy / article.images[0].path).read_bytes() == PICTURE
    assert not [p for p in demo_copy.iterdir() if p.name.startswith(".import-")]


def test_the_command_prints_json_and_makes_a_new_issue(cli, tmp_path):
    source = docmakers.fill_form(tmp_path / "form.docx", FORM_ANSWERS)
    code, out, err = cli("import-docx", source, "--into", tmp_path / "new", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["kind"] == "form"
    assert data["articles"][0]["suggested_section"] == "Partnerships in Action"
    assert data["articles"][0]["section_id"] is None
    assert load_issue(tmp_path / "new").issue.pool[0].title == FORM_ANSWERS["Article title"]


def test_the_submission_form_command_writes_the_form(cli, tmp_path):
    code, out, err = cli("submission-form", tmp_path / "form.docx")
    assert code == 0, err
    assert "submission form" in out
    assert docx.Document(str(tmp_path / "form.docx")).tables
    code, out, err = cli("submission-form", tmp_path / "missing" / "form.docx")
    assert code == 2 and "does not exist" in err


def test_import_file_picks_the_importer_by_suffix_and_the_result_lays_out(tmp_path):
    from desktop_app.core.importers import import_file
    from desktop_app.core.layout import build_blocks
    from desktop_app.core.validate import validate

    issue = new_issue()
    folder = tmp_path / "issue"
    docmakers.free_form(tmp_path / "a.docx", PICTURE)
    (tmp_path / "b.md").write_text("# From Markdown\n\nWords.\n", encoding="utf-8")
    assert import_file(tmp_path / "a.docx", issue, folder).kind == "document"
    assert import_file(tmp_path / "b.md", issue, folder).kind == "markdown article"
    assert [a.title for a in issue.pool] == ["Closing the net on county lines", "From Markdown"]
    with pytest.raises(BulletinError, match="cannot import this kind of file"):
        import_file(tmp_path / "c.pdf", issue, folder)
    assert not [p for p in validate(issue, folder) if p.severity == "error"]
    assert build_blocks(issue, folder)


def test_the_command_skips_an_article_already_imported_unless_again(cli, tmp_path):
    source = docmakers.free_form(tmp_path / "county-lines.docx", PICTURE)
    target = tmp_path / "issue"
    assert cli("import-docx", source, "--into", target)[0] == 0
    code, out, err = cli("import-docx", source, "--into", target)
    assert code == 0, err
    assert "Imported 0 articles" in out
    assert "skipped: \"Closing the net on county lines\" is already in the issue" in out
    assert "--again" in out
    assert len(load_issue(target).issue.pool) == 1
    code, out, _ = cli("import-docx", source, "--into", target, "--again")
    assert code == 0 and "Imported 1 article" in out
    assert len(load_issue(target).issue.pool) == 2
