"""The tagged PDF read as a screen reader reads it, and checked against PDF/UA-1 and PDF/A-2u.

``page-validation`` checks the rules; ``pdfinfo -struct-text`` (poppler) gives the structure
with each element's words, independently of the code that wrote it.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import page
import pikepdf
import pytest

from desktop_app.core import blocks as b
from desktop_app.core.export_pdf import pdf_bytes
from desktop_app.core.layout import build_blocks, exported_sections
from desktop_app.core.model import Issue
from desktop_app.core.storage import load_issue
from desktop_app.resources import demo_dir
from desktop_app.templates import theme_names
from tests.pdfcheck import words as pdf_words
from tests.pdfstruct import Elem, figure_alts, headings, structure
from tests.richissue import rich_issue


def conformance_failures(pdf: Path | bytes, profile: str) -> list[str]:
    """Each failed rule of a profile, with its message ("" when the file conforms)."""
    if isinstance(pdf, bytes):
        report = page.validate_pdf_bytes(pdf, profile=profile)
    else:
        report = page.validate_pdf(pdf, profile=profile)
    return [f"{f.rule_id}: {f.message}" for f in report.failures]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Issue, Path, Path]:
    loaded = load_issue(demo_dir())
    out = tmp_path_factory.mktemp("demo") / "demo.pdf"
    out.write_bytes(pdf_bytes(loaded.issue, loaded.folder)[0])
    return loaded.issue, loaded.folder, out


@pytest.fixture(scope="module")
def rich(tmp_path_factory) -> tuple[Issue, Path, Path]:
    folder = tmp_path_factory.mktemp("rich")
    issue = rich_issue(folder)
    out = folder / "rich.pdf"
    out.write_bytes(pdf_bytes(issue, folder)[0])
    return issue, folder, out


# ---- conformance -------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["demo", "rich"])
@pytest.mark.parametrize("profile", ["ua1", "2u"])
def test_demo_and_every_element_issue_conform(request, which, profile):
    _, _, pdf = request.getfixturevalue(which)
    assert conformance_failures(pdf, profile) == []


def test_200_article_issue_conforms():
    from bench.common import stress_issue
    loaded = load_issue(demo_dir())
    data, _ = pdf_bytes(stress_issue(200), loaded.folder)
    assert conformance_failures(data, "ua1") == []
    assert conformance_failures(data, "2u") == []


@pytest.mark.parametrize("theme", theme_names())
@pytest.mark.parametrize("paper,columns", [("A4", 1), ("A4", 2), ("A4", 3), ("Letter", 1),
                                           ("Letter", 2), ("Letter", 3)])
def test_every_theme_layout_and_paper_conforms(tmp_path, theme, paper, columns):
    issue = rich_issue(tmp_path)
    issue.export.theme, issue.export.paper, issue.export.columns = theme, paper, columns
    data, _ = pdf_bytes(issue, tmp_path)
    assert conformance_failures(data, "ua1") == []
    assert conformance_failures(data, "2u") == []
    # No stream may end in CR before its endstream (qpdf's object streams included).
    assert b"\r\nendstream" not in data


# ---- what a screen reader meets ----------------------------------------------------------

def _bullet_free_words(blocks: list[b.Block]) -> list[str]:
    """The words one article's blocks print, in order, bullets and numbers aside."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, b.ArticleHeading):
            out += [block.title, block.standfirst]
        elif isinstance(block, (b.ParagraphBlock, b.SubHeading)):
            out.append(block.text)
        elif isinstance(block, b.ListBlock):
            out += ["".join(r.text for r in item.runs) for item in block.items]
        elif isinstance(block, b.PullQuoteBlock):
            out += [block.text, block.attribution]
        elif isinstance(block, b.ContactBlock):
            out.append(block.heading)
            for c in block.contacts:
                out += [c.name, c.role, c.organisation, c.email, c.phone]
        elif isinstance(block, b.StatisticBlock):
            out += [block.value, block.label]
        elif isinstance(block, b.SidebarBlock):
            out += [block.title, *block.items]
        elif isinstance(block, b.ImageBlock):
            if block.problem and not block.decorative:
                out += ["Picture not available", block.alt]
            out.append(block.caption)
    return " ".join(out).split()


def _articles(issue: Issue, folder: Path) -> list[tuple[str, list[b.Block]]]:
    found: list[tuple[str, list[b.Block]]] = []
    for block in build_blocks(issue, folder):
        if isinstance(block, b.ArticleHeading):
            found.append((block.article_id, []))
        if found and not isinstance(block, b.SectionEnd):
            found[-1][1].append(block)
        if isinstance(block, b.ArticleEnd):
            found.append(("", []))  # nothing after an article's end belongs to it
    return [(aid, blocks) for aid, blocks in found if aid]


@pytest.mark.parametrize("which", ["demo", "rich"])
def test_every_word_of_every_article_is_in_its_art_in_order(request, which):
    issue, folder, pdf = request.getfixturevalue(which)
    arts = structure(pdf).find("Art")
    articles = _articles(issue, folder)
    assert len(arts) == len(articles)
    for art, (aid, blocks) in zip(arts, articles, strict=True):
        # Word boundaries kept: "the" at a line's end and "article" after it stay apart.
        assert art.words(skip=("Lbl",)) == _bullet_free_words(blocks), aid


@pytest.mark.parametrize("which", ["demo", "rich"])
def test_headings_follow_the_issue_and_never_skip_a_level(request, which):
    issue, folder, pdf = request.getfixturevalue(which)
    root = structure(pdf)
    levels = [level for level, _ in headings(root)]
    assert levels[0] == 1 and headings(root)[0][1] == " ".join(issue.title.split())
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    sections = exported_sections(issue)
    h2 = [text for level, text in headings(root) if level == 2]
    assert h2 == ["In this issue"] + [" ".join(s.title.split()) for s in sections]
    sects = [s for s in root.find("Sect") if s.find("TOC") == []]
    assert len(sects) == len(sections)
    for sect, section in zip(sects, sections, strict=True):
        # Each article's first element is its own H3, in the section's order.
        titles = []
        for art in sect.find("Art"):
            first = next(k for k in art.kids if isinstance(k, Elem))
            assert first.role == "H3"
            titles.append(" ".join(first.words()))
        assert titles == [" ".join(a.title.split()) for a in section.articles]


def test_lists_have_a_label_and_a_body_for_every_item(rich):
    _, _, pdf = rich
    items = structure(pdf).find("LI")
    assert len(items) == 10  # 3 numbered, 4 bullets (two nested), 3 in the sidebar
    labels = []
    for item in items:
        kinds = [k.role for k in item.kids if isinstance(k, Elem)]
        assert kinds[:2] == ["Lbl", "LBody"], kinds
        labels.append(" ".join(item.kids[0].words()))
    assert {"\u2022", "\u2013", "1.", "2.", "3."} <= set(labels)
    # The nested items are a list inside the body of the item they belong to.
    nested = [e for e in structure(pdf).find("LBody") if e.find("L")]
    assert [" ".join(n.words(skip=("L",))) for n in nested] == ["Bullet one"]


def test_pull_quotes_keep_their_attribution_and_callouts_their_heading(rich):
    _, _, pdf = rich
    root = structure(pdf)
    quotes = [[" ".join(p.words()) for p in q.find("P")] for q in root.find("BlockQuote")]
    assert ["Working together is what made the difference.",
            "A. Partner, Head of Safety"] in quotes
    assert ["A quotation without anyone named."] in quotes
    groups = {" ".join(d.words()) for d in root.find("Div")}
    assert "At a glance \u2022 First point \u2022 Second point \u2022 Third point with \u2713" \
        in groups
    assert "42% of partners shared data for the first time" in groups


@pytest.mark.parametrize("which", ["demo", "rich"])
def test_each_figure_carries_its_alt_text(request, which):
    issue, folder, pdf = request.getfixturevalue(which)
    expected = [blk.alt for blk in build_blocks(issue, folder)
                if isinstance(blk, b.ImageBlock) and not blk.decorative]
    assert figure_alts(pdf) == expected
    # Each figure's caption sits beside it, in the same group.
    for group in structure(pdf).find("Div"):
        roles = [k.role for k in group.kids if isinstance(k, Elem)]
        if "Caption" in roles:
            assert roles == ["Figure", "Caption"]


def test_a_decorative_picture_is_an_artifact_with_its_caption_kept(rich):
    issue, folder, pdf = rich
    text = " ".join(structure(pdf).words())
    assert "A decorative photograph." in text
    assert len(figure_alts(pdf)) == 3  # the map, the chart and the missing picture


@pytest.mark.parametrize("which", ["demo", "rich"])
def test_no_footer_or_page_number_is_read_out(request, which):
    issue, _, pdf = request.getfixturevalue(which)
    text = " ".join(structure(pdf).words())
    assert not re.search(r"Page \d+ of \d+", text)
    footer = f"{issue.title} \u00b7 {issue.edition_line}"
    assert " ".join(footer.split()) not in text
    # ...yet the footer is on every page, as an artifact.
    assert all(re.search(r"Page \d+ of \d+", t) for t in _page_texts(pdf))


def _page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return [t for t in out.split("\f") if t.strip()]


def test_links_are_tagged_described_and_in_tab_order(rich):
    issue, _, pdf = rich
    with pikepdf.open(pdf) as doc:
        assert doc.Root.MarkInfo.Marked is True
        contents = []
        for pg in doc.pages:
            assert pg.obj.Tabs == "/S"
            for annot in pg.obj.get("/Annots", []):
                assert annot.Subtype == "/Link"
                assert "/StructParent" in annot and int(annot.F) & 4
                contents.append(str(annot.Contents))
    assert "web link" in contents and "older link" in contents
    assert "Email the partnerships mailbox" in contents
    assert "Email Sam Rivers" in contents and "Email unit@example.org" in contents
    assert "Every element in one article" in contents  # a line of the contents
    # A link that breaks over two lines has an annotation for each, both described alike.
    assert contents.count("data-sharing template for every partner in the region") == 2
    links = structure(pdf).find("Link")
    assert all(link.words() for link in links)
    toc = structure(pdf).find("TOCI")
    assert [" ".join(t.find("Link")[0].words()) for t in toc][:3] == [
        "Welcome 1", "In the Spotlight 1", "Every element in one article 1"]


def test_text_outside_the_house_font_ligatures_and_bullets_copy_out(rich):
    _, _, pdf = rich
    text = " ".join(structure(pdf).words())
    # The emoji lies beyond U+FFFF: its ToUnicode entry must be a surrogate pair to read back.
    for word in ("\u2713", "\u2605", "\u2192", "\u0416", "\u03a9,", "\U0001F600", "office,",
                 "fluffy,", "affiliation."):
        assert word in text.split(), word
    copied = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                            check=True).stdout
    assert "\u2022" in copied and "office, fluffy, affiliation" in " ".join(copied.split())
    assert "\x00" not in copied and "\ufffe" not in copied and "\ufeff" not in copied


def test_a_long_article_runs_over_three_pages_as_one_art(rich):
    issue, _, pdf = rich
    found = pdf_words(pdf)
    title = [w.page for w in found if w.text == "three" and w.y1 - w.y0 > 10]
    ending = [w.page for w in found if w.text == "lee.long@example.org"]
    assert ending[-1] - title[0] >= 2
    long = next(a for a in structure(pdf).find("Art")
                if "A long article" in " ".join(a.words()[:5]))
    assert len(long.find("H3")) == 1 and "lee.long@example.org" in long.words()


def test_metadata_language_and_title(demo):
    issue, _, pdf = demo
    with pikepdf.open(pdf) as doc:
        assert str(doc.Root.Lang) == "en-GB"
        assert doc.Root.ViewerPreferences.DisplayDocTitle is True
        meta = doc.open_metadata()
        assert meta["dc:title"] == str(doc.docinfo.Title)
        assert meta["pdfuaid:part"] == "1"
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "U"
        assert doc.Root.OutputIntents[0].S == "/GTS_PDFA1"
        for font in (f for pg in doc.pages for f in pg.Resources.Font.values()):
            cmap = font.ToUnicode.read_bytes()
            assert not re.search(rb"<[0-9A-F]+> <(0000|FEFF|FFFE)>", cmap)


def test_the_same_issue_gives_the_same_bytes(rich):
    issue, folder, pdf = rich
    assert pdf_bytes(issue, folder)[0] == pdf.read_bytes()


def test_a_picture_without_alt_text_still_exports_and_says_why_it_does_not_conform(tmp_path):
    issue = rich_issue(tmp_path)
    issue.sections[1].articles[0].images[0].alt = ""
    data, warnings = pdf_bytes(issue, tmp_path)
    why = [w for w in warnings if "PDF/UA" in w]
    assert why == ["the PDF does not conform to PDF/UA: the picture regional-roadshows-map.png "
                   "in 'Every element in one article' has no alt text (add alt text, or mark "
                   "the picture decorative)"]
    failures = conformance_failures(data, "ua1")
    assert any("FIGURE-ALTERNATIVE-TEXT" in f for f in failures)
    # The file no longer claims PDF/UA, and is still PDF/A.
    assert any("ID-SCHEMA" in f for f in failures)
    assert conformance_failures(data, "2u") == []
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert doc.Root.MarkInfo.Marked is True


def test_streams_mended_for_strict_checkers_keep_every_pixel_and_glyph(demo, tmp_path):
    """A stream whose compressed bytes end in a carriage return is written again from
    equivalent data (see pdf/finish.py); forced on every stream here, nothing on the page
    changes and the file still conforms."""
    from pikepdf import PdfImage

    from desktop_app.core.pdf import finish

    _, _, pdf = demo
    mended = tmp_path / "mended.pdf"
    with pikepdf.open(pdf) as doc:
        for pg in doc.pages:
            for picture in pg.Resources.get("/XObject", {}).values():
                before = PdfImage(picture).as_pil_image().tobytes()
                finish._mend_image(picture)
                assert PdfImage(picture).as_pil_image().tobytes() == before
            for font in pg.Resources.Font.values():
                finish._mend_font(font.FontDescriptor.FontFile2)
                finish._mend_text(font.ToUnicode)
            finish._mend_text(pg.Contents)
        doc.save(mended)
    assert conformance_failures(mended, "ua1") == []
    assert conformance_failures(mended, "2u") == []
    for n in (1, 2, 5):
        shots = []
        for which, p in (("before", pdf), ("after", mended)):
            root = tmp_path / f"{which}-{n}"
            subprocess.run(["pdftoppm", "-r", "40", "-f", str(n), "-l", str(n), "-png",
                            "-singlefile", str(p), str(root)], check=True)
            shots.append(root.with_suffix(".png").read_bytes())
        assert shots[0] == shots[1], f"page {n} changed"


def _edge_issues() -> dict[str, Issue]:
    from desktop_app.core.model import (
        STANDARD_SECTIONS,
        Article,
        Contact,
        Image,
        Section,
    )
    chart = Image("images/asset-recovery-chart.png", "", "", decorative=True)
    return {
        "empty": Issue(),
        "empty standard sections": Issue(sections=[Section(i, t) for i, t in STANDARD_SECTIONS]),
        "no title anywhere": Issue(title="", strapline="", sections=[
            Section("s", "S", articles=[Article("a", title="", body="Text.")])]),
        "only a decorative picture": Issue(sections=[
            Section("s", "S", articles=[Article("a", title="Pictures", images=[chart])])]),
        "deep headings first": Issue(sections=[Section(
            "s", "S", intro="#### Deep first\n\nText",
            articles=[Article("a", title="T", body="##### Deeper\n\n- a\n    - b\n"
                                                    "        - c\n- d")])]),
        "welcome only": Issue(welcome="Hello [there](https://example.org)",
                              team_contacts=[Contact("A", email="a@example.org")]),
    }


@pytest.mark.parametrize("name", list(_edge_issues()))
def test_edge_issues_conform(tmp_path, name):
    issue = _edge_issues()[name]
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "asset-recovery-chart.png").write_bytes(
        (demo_dir() / "images" / "asset-recovery-chart.png").read_bytes())
    data, _ = pdf_bytes(issue, tmp_path)
    assert conformance_failures(data, "ua1") == []
    assert conformance_failures(data, "2u") == []


def test_command_line_export_of_a_picture_without_alt_text(cli, demo_copy, tmp_path):
    issue_file = demo_copy / "issue.yaml"
    text = issue_file.read_text(encoding="utf-8")
    first_alt = re.search(r"\n(\s+)alt: .*", text)
    issue_file.write_text(text[:first_alt.start()] + f'\n{first_alt.group(1)}alt: ""'
                          + text[first_alt.end():], encoding="utf-8")
    out = tmp_path / "out.pdf"
    code, stdout, stderr = cli("export", demo_copy, "--pdf", out)
    assert code == 0 and out.is_file()
    assert stderr.splitlines() == [
        "bulletin: warning: the PDF does not conform to PDF/UA: the picture "
        "regional-roadshows-map.png in 'Regional roadshows this winter' has no alt text (add "
        "alt text, or mark the picture decorative)"]
    code, stdout, stderr = cli("validate", demo_copy)
    assert code == 1
    assert "image 1 (images/regional-roadshows-map.png) has no alt text" in stdout + stderr


def test_a_finishing_pass_that_fails_still_gives_the_pages_and_says_so(monkeypatch, rich):
    from desktop_app.core import export_pdf

    def broken(*args, **kwargs):
        raise RuntimeError("qpdf fell over")

    monkeypatch.setattr(export_pdf, "finish", broken)
    issue, folder, _ = rich
    data, warnings = pdf_bytes(issue, folder)
    assert data.startswith(b"%PDF")
    assert any("STRUCT-TREE-ROOT" in f for f in conformance_failures(data, "ua1"))
    assert warnings[-1] == ("the PDF could not be tagged (RuntimeError: qpdf fell over); it is "
                            "written untagged and does not conform to PDF/UA")
    assert "Every element in one article" in subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
