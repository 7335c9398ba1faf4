"""What an export trips on is found by validate first, and long or foreign text never vanishes:
damaged pictures, unknown paper, a theme that cannot load, characters no bundled font has,
and a paragraph long enough to make reportlab's layout quadratic."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage
from pypdf import PdfReader

from desktop_app.core.export_pdf import pdf_bytes
from desktop_app.core.markup import Run
from desktop_app.core.model import Article, Status, new_issue
from desktop_app.core.pdf import system_fonts
from desktop_app.core.pdf.chunks import split_runs
from desktop_app.core.storage import ISSUE_FILE, load_issue
from desktop_app.core.validate import validate
from tests.pdfcheck import fonts, page_texts, squash

DEVANAGARI = "\u0939\u093f\u0928\u094d\u0926\u0940"  # Hindi, in Devanagari
CHINESE = "\u4e2d\u6587"


def edit(folder: Path, old: str, new: str) -> int:
    """Replace text in issue.yaml; returns the (1-based) line it is on."""
    path = folder / ISSUE_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1


def problems(folder: Path) -> list[str]:
    loaded = load_issue(folder)
    return [str(p) for p in validate(loaded.issue, loaded.folder, loaded.source)]


# ---- damaged pictures, paper, theme --------------------------------------------------------


def test_a_truncated_jpeg_is_a_problem_with_its_line(demo_copy):
    loaded = load_issue(demo_copy)
    article = next(a for a in loaded.issue.all_articles() if a.images)
    picture = demo_copy / article.images[0].path
    photo = PILImage.effect_noise((900, 600), 60).convert("RGB")
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    jpeg = picture.with_suffix(".jpg")
    jpeg.write_bytes(data[: len(data) // 2])
    line = edit(demo_copy, f"path: {article.images[0].path}", f"path: images/{jpeg.name}")
    found = [p for p in problems(demo_copy) if jpeg.name in p]
    assert len(found) == 1, found
    assert found[0].startswith(f"{demo_copy / ISSUE_FILE}:{line}: error: ")
    assert "damaged picture" in found[0]


def test_an_unknown_paper_is_a_problem_and_the_export_blames_the_issue(demo_copy, tmp_path,
                                                                       cli):
    text = (demo_copy / ISSUE_FILE).read_text(encoding="utf-8")
    text = re.sub(r"(?m)^export:\n", "export:\n  paper: A0\n", text) if "\nexport:" in text \
        else text + "export:\n  paper: A0\n"
    (demo_copy / ISSUE_FILE).write_text(text, encoding="utf-8")
    line = text[: text.index("paper: A0")].count("\n") + 1
    found = [p for p in problems(demo_copy) if "A0" in p]
    assert found == [f"{demo_copy / ISSUE_FILE}:{line}: error: export paper 'A0' should be "
                     "A4 or Letter"]
    code, _, err = cli("export", demo_copy, "--pdf", tmp_path / "out.pdf")
    assert code == 2
    assert "the issue's export paper 'A0'" in err and "default.yaml" not in err


def test_a_theme_that_cannot_load_is_a_problem_with_its_line(demo_copy):
    text = (demo_copy / ISSUE_FILE).read_text(encoding="utf-8")
    text += "export:\n  theme: glossy\n" if "\nexport:" not in text else ""
    if "theme: glossy" not in text:
        text = re.sub(r"(?m)^export:\n", "export:\n  theme: glossy\n", text)
    (demo_copy / ISSUE_FILE).write_text(text, encoding="utf-8")
    line = text[: text.index("theme: glossy")].count("\n") + 1
    found = [p for p in problems(demo_copy) if "glossy" in p]
    assert len(found) == 1 and found[0].startswith(f"{demo_copy / ISSUE_FILE}:{line}: error: ")
    assert "no theme called 'glossy'" in found[0]


# ---- characters no bundled font has ----------------------------------------------------------


@pytest.fixture
def font_dir(tmp_path):
    """A fonts folder of the test's own: holds one system font with Devanagari if we have one."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    found = None
    if shutil.which("fc-list"):
        listed = subprocess.run(["fc-list", "--format", "%{file}\n", ":charset=939"],
                                capture_output=True, text=True, check=False).stdout.split()
        found = next((p for p in listed if p.endswith(".ttf")), None)
    system_fonts.font_dirs = [folder]
    system_fonts.forget()
    yield folder, (Path(found) if found else None)
    system_fonts.font_dirs = None
    system_fonts.forget()


def _with_text(extra: str):
    issue = new_issue()
    article = Article(id="world", title="Partners across the world", status=Status.READY,
                      body=f"Our partners wrote in their own words: {extra}. Thank you.")
    issue.sections[1].articles.append(article)
    return issue


def test_characters_no_font_has_are_reported_with_their_article(font_dir, tmp_path):
    issue = _with_text(CHINESE)
    data, warnings = pdf_bytes(issue, tmp_path)
    assert len(warnings) == 1
    assert "article 'Partners across the world'" in warnings[0]
    assert "U+4E2D" in warnings[0] and "missing from the PDF" in warnings[0]
    found = [p for p in validate(issue, tmp_path) if "U+4E2D" in p.message]
    assert len(found) == 1 and found[0].article_id == "world"


def test_a_note_is_checked_and_an_article_left_in_the_pool_is_not(font_dir, tmp_path):
    issue = _with_text("nothing unusual")
    issue.sections[1].articles[0].notes = [f"A source in Chinese: {CHINESE}."]
    issue.pool.append(Article(id="pooled", title="Pooled", body=f"Not printed: {CHINESE}"))
    data, warnings = pdf_bytes(issue, tmp_path)
    assert len(warnings) == 1 and "article 'Partners across the world'" in warnings[0]
    found = [p for p in validate(issue, tmp_path) if "U+4E2D" in p.message]
    assert [p.article_id for p in found] == ["world"]


def test_a_system_font_that_has_them_is_used(font_dir, tmp_path):
    folder, devanagari = font_dir
    if devanagari is None:
        pytest.skip("no system font with Devanagari (Debian: fonts-lohit-deva)")
    shutil.copy(devanagari, folder)
    issue = _with_text(DEVANAGARI)
    data, warnings = pdf_bytes(issue, tmp_path)
    text = " ".join(page_texts(data))
    assert all(c in text for c in DEVANAGARI)
    assert len(warnings) == 1 and devanagari.name in warnings[0]
    used = fonts(PdfReader(io.BytesIO(data)))
    assert any(devanagari.stem.replace(" ", "") in name for name in used)
    assert all(used.values()), "every font is embedded"


def test_ordinary_text_never_searches_for_fonts(font_dir, tmp_path, monkeypatch):
    def refuse(_code):
        raise AssertionError("searched for a system font")

    monkeypatch.setattr(system_fonts, "_candidates", refuse)
    data, warnings = pdf_bytes(_with_text("Ça va, Zoë? Ελληνικά, кириллица \u2014 \u20ac5"),
                               tmp_path)
    assert warnings == []


def test_cli_export_warns_about_lost_characters(demo_copy, tmp_path, cli, font_dir):
    edit(demo_copy, "title: ", f"title: {CHINESE} ")
    code, _, err = cli("export", demo_copy, "--pdf", tmp_path / "out.pdf")
    assert code == 0
    assert "bulletin: warning: " in err and "U+4E2D" in err


# ---- very long paragraphs ------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(runs=st.lists(st.builds(Run, text=st.text(alphabet=st.sampled_from("ab .!?\n\u00a0"),
                                                max_size=400), bold=st.booleans()),
                     max_size=12),
       limit=st.integers(5, 300))
def test_pieces_keep_every_character_in_order(runs, limit):
    pieces = split_runs(runs, limit)
    assert "".join(r.text for p in pieces for r in p) == "".join(r.text for r in runs)
    styled = [(c, r.bold) for p in pieces for r in p for c in r.text]
    assert styled == [(c, r.bold) for r in runs for c in r.text]


def test_pieces_end_at_sentences_and_never_inside_a_word():
    sentence = "The partnership met every month and shared what it learnt. "
    text = sentence * 300
    pieces = split_runs([Run(text)], 1000)
    assert len(pieces) > 10
    for piece in pieces[:-1]:
        assert "".join(r.text for r in piece).endswith("learnt. ")


def test_a_long_paragraph_keeps_every_word_in_the_pdf(tmp_path):
    words = [f"w{i}" for i in range(12_000)]  # about 80 KB in one paragraph
    issue = new_issue()
    issue.sections[1].articles.append(Article(id="long", title="Long", status=Status.READY,
                                              body=" ".join(words)))
    data, _ = pdf_bytes(issue, tmp_path)
    text = squash(" ".join(page_texts(data)))
    found = re.findall(r"\bw\d+\b", text)
    assert found == words


def test_a_very_long_title_still_exports_to_word(tmp_path):
    """Found by the fuzz: Word's document properties hold at most 255 characters."""
    from desktop_app.core.docx.export_docx import docx_bytes

    issue = new_issue()
    issue.title = "A title pasted with its whole first paragraph " * 10
    issue.sections = issue.sections[:1]
    data, _ = docx_bytes(issue, tmp_path)
    import docx

    document = docx.Document(io.BytesIO(data))
    assert len(document.core_properties.title) == 255
    assert document.core_properties.title.startswith("A title pasted")
