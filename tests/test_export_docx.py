"""The Word file as a reviewer sees it: styles, headings, links, pictures, bookmarks, pages."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from desktop_app.core import layout
from desktop_app.core.docx.docx_links import article_bookmark, bookmark_name, section_bookmark
from desktop_app.core.docx.docx_styles import STYLES
from desktop_app.core.docx.export_docx import docx_bytes, reference_path, write_docx
from desktop_app.core.errors import ExportError
from desktop_app.core.model import Image
from desktop_app.core.storage import load_issue
from desktop_app.core.theme import load_theme
from desktop_app.resources import demo_dir
from tests.conftest import folder_snapshot

GOLDEN = Path(__file__).parent / "golden" / "demo-document.xml"


@pytest.fixture(scope="module")
def demo():
    return load_issue(demo_dir())


@pytest.fixture(scope="module")
def exported(demo, tmp_path_factory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("docx") / "demo.docx"
    warnings = write_docx(demo.issue, demo.folder, out)
    return out, warnings


@pytest.fixture(scope="module")
def document(exported):
    return docx.Document(str(exported[0]))


def style_name(paragraph) -> str:
    # Word stores built-in names in lower case ("heading 1"); compare as a reviewer reads them.
    name = paragraph.style.name
    return name[0].upper() + name[1:] if name.startswith(("heading", "caption")) else name


def styled(document, name: str) -> list[str]:
    return [p.text for p in document.paragraphs if style_name(p) == name]


def test_headings_follow_the_issue_in_order(demo, document):
    issue = demo.issue
    sections = layout.exported_sections(issue)
    assert styled(document, "Heading 1") == [s.title for s in sections]
    assert styled(document, "Heading 2") == [a.title for s in sections for a in s.articles]
    # Heading 1 and 2 alternate as the Navigation pane shows them: each article under its section.
    outline = [(style_name(p), p.text) for p in document.paragraphs
               if style_name(p) in ("Heading 1", "Heading 2")]
    expected = []
    for section in sections:
        expected.append(("Heading 1", section.title))
        expected.extend(("Heading 2", a.title) for a in section.articles)
    assert outline == expected


def test_masthead_uses_title_and_subtitle(demo, document):
    paragraphs = document.paragraphs
    assert (style_name(paragraphs[0]), paragraphs[0].text) == ("Title", demo.issue.title)
    assert (style_name(paragraphs[1]), paragraphs[1].text) == ("Subtitle", demo.issue.strapline)
    assert paragraphs[2].text == demo.issue.edition_line


def test_named_styles_where_they_belong(demo, document):
    articles = {a.id: a for a in demo.issue.placed_articles()}
    quotes = [q for a in articles.values() for q in a.pull_quotes]
    assert styled(document, "Pull Quote") == [f"\u201c{q.text}\u201d" for q in quotes]
    assert styled(document, "Quote Attribution") == [f"\u2014 {q.attribution}" for q in quotes]
    captions = [i.caption for a in articles.values() for i in a.images if i.caption]
    assert styled(document, "Caption") == captions
    contacts = styled(document, "Contact Block")
    for article in articles.values():
        for contact in article.contacts:
            assert any(contact.name in block and contact.email in block for block in contacts)
    callouts = " ".join(styled(document, "Callout") + styled(document, "Callout Bullet"))
    for article in articles.values():
        for callout in article.callouts:
            words = callout.value if callout.kind == "statistic" else callout.title
            assert words in callouts
    assert styled(document, "Standfirst")[0] == next(iter(articles.values())).standfirst
    # Lists use Word's own list styles, so Word's list tools work on them.
    assert "a third of profiles had not been refreshed in the last 12 months" in styled(
        document, "List Bullet")
    assert styled(document, "List Number")[0].startswith("Every profile should be refreshed")


def test_every_contact_email_is_a_mailto_link(demo, document):
    links = {h.address: h.text for p in document.paragraphs for h in p.hyperlinks}
    emails = {c.email for c in demo.issue.team_contacts}
    emails |= {c.email for a in demo.issue.placed_articles() for c in a.contacts}
    for email in emails:
        assert links.get(f"mailto:{email}") == email
    assert "https://www.example.org/local-profiles-review" in links
    # Links carry Word's Hyperlink character style, so they look like links.
    runs = document.element.body.findall(f".//{qn('w:hyperlink')}/{qn('w:r')}")
    styles = {r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) for r in runs
              if r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}") is not None}
    assert "Hyperlink" in styles


def test_contents_links_to_the_bookmarks(demo, document):
    anchors = [h.get(qn("w:anchor")) for h in document.element.body.iter(qn("w:hyperlink"))
               if h.get(qn("w:anchor"))]
    placed = demo.issue.placed_articles()
    assert [a for a in anchors if a.startswith("a_")] == [article_bookmark(a.id) for a in placed]


def test_pictures_are_inline_with_alt_text(demo, document):
    alts = [s._inline.docPr.get("descr") for s in document.inline_shapes]
    expected = [i.alt for a in demo.issue.placed_articles() for i in a.images]
    assert alts == expected and all(alts)


def test_every_section_and_article_is_bookmarked_around_its_text(demo, exported):
    with zipfile.ZipFile(exported[0]) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find(qn("w:body"))
    starts = {b.get(qn("w:name")): b.get(qn("w:id")) for b in body.iter(qn("w:bookmarkStart"))}
    ends = {b.get(qn("w:id")) for b in body.iter(qn("w:bookmarkEnd"))}
    for section in layout.exported_sections(demo.issue):
        assert section_bookmark(section.id) in starts
        for article in section.articles:
            name = article_bookmark(article.id)
            assert starts[name] in ends
            # The bookmark covers the article: from its heading to its last paragraph.
            paragraphs = list(body.iter(qn("w:p")))
            first = next(i for i, p in enumerate(paragraphs)
                         if any(b.get(qn("w:name")) == name for b in p.iter(qn("w:bookmarkStart"))))
            last = next(i for i, p in enumerate(paragraphs)
                        if any(b.get(qn("w:id")) == starts[name]
                               for b in p.iter(qn("w:bookmarkEnd"))))
            text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                             for p in paragraphs[first:last + 1])
            assert text.startswith(article.title)
            for contact in article.contacts:
                assert contact.email in text
            others = [a.title for a in demo.issue.placed_articles() if a is not article]
            assert not any(f"\n{title}\n" in text for title in others)


def test_bookmark_names_fit_word():
    long_id = "a" + "-very-long-article-identifier" * 2
    names = {bookmark_name(f"article-{long_id}"), bookmark_name(f"article-{long_id}x"),
             bookmark_name("article-fraud-week"), bookmark_name("section-fraud-week")}
    assert len(names) == 4
    for name in names:
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", name)
    assert bookmark_name("article-fraud-week") == "a_fraud_week"


def test_core_properties_and_language(demo, document):
    props = document.core_properties
    assert props.title == f"{demo.issue.title} \u2014 {demo.issue.edition_line}"
    assert props.subject == demo.issue.strapline
    assert props.author == "Home Office"
    assert "serious and organised crime" in props.keywords
    assert "In the Spotlight" in props.keywords
    assert props.language == "en-GB"
    langs = {lang.get(qn("w:val"))
             for lang in document.styles.element.find(qn("w:docDefaults")).iter(qn("w:lang"))}
    assert langs == {"en-GB"}


def test_header_and_footer_show_title_and_page_numbers(demo, document):
    section = document.sections[0]
    assert demo.issue.title in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]._p
    fields = [f.get(qn("w:instr")).strip() for f in footer.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert "".join(t.text for t in footer.iter(qn("w:t"))) == "Page 1 of 1"


def test_theme_font_and_colours_carry_over(demo, document):
    theme = load_theme(demo.issue.export.theme, demo.issue.export)
    fonts = document.styles.element.find(qn("w:docDefaults")).find(f".//{qn('w:rFonts')}")
    assert fonts.get(qn("w:ascii")) == theme.font_family == "Lato"
    heading = document.styles["Heading 2"].element
    assert heading.find(f".//{qn('w:color')}").get(qn("w:val")) == theme.colours["primary"][1:]
    banner = document.styles["Heading 1"].element
    assert banner.find(f".//{qn('w:shd')}").get(qn("w:fill")) == theme.colours["primary"][1:]


def test_a_changed_theme_colour_reaches_the_styles(demo, tmp_path, monkeypatch):
    from desktop_app.core.docx import export_docx

    theme = load_theme("default")
    colours = {**theme.colours, "primary": "#123456"}
    monkeypatch.setattr(export_docx, "load_theme",
                        lambda *a, **k: type(theme)(**{**theme.__dict__, "colours": colours}))
    out = tmp_path / "t.docx"
    write_docx(demo.issue, demo.folder, out)
    heading = docx.Document(str(out)).styles["Heading 2"].element
    assert heading.find(f".//{qn('w:color')}").get(qn("w:val")) == "123456"


def test_reference_template_holds_every_named_style():
    names = {s.name for s in docx.Document(str(reference_path())).styles}
    for spec in STYLES:
        stored = spec.name.lower() if spec.name.startswith(("Heading", "TOC ")) else spec.name
        stored = {"Caption": "caption", "Header": "header", "Footer": "footer"}.get(
            spec.name, stored)
        assert spec.name in names or stored in names, spec.name


def test_single_column_by_default_and_two_on_request(demo, document, tmp_path):
    assert all(c.get(qn("w:num"), "1") == "1"
               for c in document.element.body.iter(qn("w:cols")))
    out = tmp_path / "two.docx"
    write_docx(demo.issue, demo.folder, out, columns=2)
    two = docx.Document(str(out))
    cols = [c.get(qn("w:num")) for c in two.element.body.iter(qn("w:cols"))]
    assert cols == ["1", "2"]  # masthead and contents across the page, then two columns
    assert two.sections[1].start_type == 0  # continuous: no page break after the contents
    assert styled(two, "Heading 2") == styled(docx.Document(str(out)), "Heading 2")


def test_issue_setting_gives_two_columns(demo, tmp_path):
    import copy

    issue = copy.deepcopy(demo.issue)
    issue.export.docx_columns = 2
    data, _ = docx_bytes(issue, demo.folder)
    out = tmp_path / "x.docx"
    out.write_bytes(data)
    assert "2" in [c.get(qn("w:num"))
                   for c in docx.Document(str(out)).element.body.iter(qn("w:cols"))]


def test_missing_picture_leaves_a_placeholder_and_a_warning(demo_copy, tmp_path):
    (demo_copy / "images" / "county-lines-workshop.png").unlink()
    loaded = load_issue(demo_copy)
    out = tmp_path / "x.docx"
    warnings = write_docx(loaded.issue, loaded.folder, out)
    assert len(warnings) == 1 and "county-lines-workshop.png" in warnings[0]
    assert "operation-harbour" in warnings[0]
    document = docx.Document(str(out))
    figures = styled(document, "Figure")
    assert any(f.startswith("[Picture not available:") for f in figures)
    assert len(document.inline_shapes) == 2


def test_a_damaged_picture_is_a_warning_not_a_failure(demo_copy, tmp_path):
    (demo_copy / "images" / "asset-recovery-chart.png").write_bytes(b"\x89PNG\r\n\x1a\nrubbish")
    loaded = load_issue(demo_copy)
    warnings = write_docx(loaded.issue, loaded.folder, tmp_path / "x.docx")
    assert any("asset-recovery-chart.png" in w for w in warnings)


def test_control_characters_are_cleaned(demo, tmp_path):
    import copy

    issue = copy.deepcopy(demo.issue)
    article = issue.placed_articles()[0]
    article.title = "Bad\x0b title\x01 here"
    article.body = "Text with a \x0c form feed and \x1f unit separator.\n\nMore."
    article.images.append(Image(path="images/nope.png", alt="alt\x02", caption="cap\x03"))
    out = tmp_path / "x.docx"
    write_docx(issue, demo.folder, out)
    with zipfile.ZipFile(out) as z:
        etree.fromstring(z.read("word/document.xml"))  # well-formed XML 1.0
    document = docx.Document(str(out))
    assert "Bad title here" in styled(document, "Heading 2")
    assert any("Text with a  form feed and  unit separator." == p.text
               for p in document.paragraphs)


def test_progress_is_reported(demo, tmp_path):
    seen = []
    write_docx(demo.issue, demo.folder, tmp_path / "x.docx",
               progress=lambda done, total: seen.append((done, total)))
    total = len(layout.build_blocks(demo.issue, demo.folder))
    assert seen[-1] == (total, total) and len(seen) == total


def test_unwritable_output_is_an_export_error(demo, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_docx(demo.issue, demo.folder, tmp_path / "no" / "such" / "x.docx")
    with pytest.raises(ExportError, match="is a folder"):
        write_docx(demo.issue, demo.folder, tmp_path)
    if os.geteuid() != 0:  # root can write anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        with pytest.raises(ExportError, match="cannot write"):
            write_docx(demo.issue, demo.folder, locked / "x.docx")


def test_failed_write_leaves_the_old_file(demo, tmp_path, monkeypatch):
    from desktop_app.core import fileio

    out = tmp_path / "x.docx"
    out.write_bytes(b"previous")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", broken_fsync)
    with pytest.raises(ExportError, match="No space left"):
        write_docx(demo.issue, demo.folder, out)
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["x.docx"]


def test_cli_exports_the_demo(cli, tmp_path):
    out = tmp_path / "b.docx"
    code, stdout, stderr = cli("export", "--demo", "--docx", out, "--columns", "2")
    assert code == 0, stderr
    assert "Wrote the Word file" in stdout and out.is_file()
    assert docx.Document(str(out)).paragraphs[0].text == "SOC Local Partnerships Bulletin"


def test_cli_bad_output_is_one_line_and_exit_2(cli, demo_copy, tmp_path):
    before = folder_snapshot(demo_copy)
    code, _, stderr = cli("export", demo_copy, "--docx", tmp_path / "missing" / "b.docx")
    assert code == 2
    assert stderr.count("\n") == 1 and "does not exist" in stderr
    code, _, stderr = cli("export", demo_copy, "--docx", tmp_path / "b.docx", "--columns", "3")
    assert code == 2 and "invalid choice" in stderr
    assert folder_snapshot(demo_copy) == before


# ---- golden file ----------------------------------------------------------------------------


def normalised_document_xml(data: bytes) -> str:
    """document.xml pretty-printed, with editing ids (rsids) left out."""
    parser = etree.XMLParser(remove_blank_text=True)
    root = etree.fromstring(data, parser)
    for element in root.iter():
        for attr in list(element.attrib):
            if "rsid" in attr:
                del element.attrib[attr]
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def test_demo_document_xml_matches_the_golden_file(exported):
    with zipfile.ZipFile(exported[0]) as z:
        actual = normalised_document_xml(z.read("word/document.xml"))
    if os.environ.get("UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(actual, encoding="utf-8")
        if not os.environ.get("UPDATE_GOLDEN"):
            pytest.fail("golden file was missing and has been written; run again")
    assert actual == GOLDEN.read_text(encoding="utf-8"), (
        "the demo's document.xml changed; if intended, run with UPDATE_GOLDEN=1")
