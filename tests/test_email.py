"""The email draft, read back with Python's email parser the way a mail program reads it."""

from __future__ import annotations

import email
import io
import random
import re
from email import policy
from pathlib import Path

import pytest
from lxml import html as lxml_html
from PIL import Image as PILImage

from desktop_app.core import formats
from desktop_app.core.errors import ExportError
from desktop_app.core.export_pdf import write_pdf
from desktop_app.core.markup import parse
from desktop_app.core.model import Image
from desktop_app.core.storage import load_issue
from desktop_app.core.web import export_email
from desktop_app.core.web.export_email import email_bytes, write_email
from desktop_app.resources import demo_dir
from tests.webcheck import HOSTILE, HOSTILE_ATTR, every_element_issue, hostile_issue, words


@pytest.fixture(scope="module")
def demo():
    return load_issue(demo_dir())


@pytest.fixture(scope="module")
def demo_email(demo, tmp_path_factory) -> tuple[Path, email.message.EmailMessage]:
    out = tmp_path_factory.mktemp("email") / "bulletin.eml"
    report = write_email(demo.issue, demo.folder, out)
    assert report.warnings == []
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    return out, message


def test_the_parts_are_where_mail_programs_look(demo_email):
    _, message = demo_email
    shape = [(p.get_content_type(), p.get_content_disposition()) for p in message.walk()]
    assert shape[:5] == [("multipart/mixed", None), ("multipart/alternative", None),
                         ("text/plain", None), ("multipart/related", None),
                         ("text/html", None)]
    assert shape[5:8] == [("image/png", "inline")] * 3
    assert shape[8:] == [("application/pdf", "attachment")]
    assert message["Subject"] == "SOC Local Partnerships Bulletin \u2013 Ninth edition, Autumn 2026"
    assert message["X-Unsent"] == "1"
    assert message.get_body(("plain",)).get_content_charset() == "utf-8"


def test_every_cid_reference_is_resolved(demo_email):
    _, message = demo_email
    html = message.get_body(("html",)).get_content()
    tree = lxml_html.fromstring(html)
    sources = [img.get("src") for img in tree.iter("img")]
    parts = {p["Content-ID"].strip("<>"): p for p in message.walk() if p["Content-ID"]}
    assert sources and all(s.startswith("cid:") for s in sources)
    assert {s[4:] for s in sources} == set(parts)
    demo_images = {p.read_bytes() for p in (demo_dir() / "images").iterdir()}
    assert {p.get_content() for p in parts.values()} == demo_images
    assert all(img.get("alt") for img in tree.iter("img"))


def test_the_html_part_is_built_for_mail_programs(demo_email):
    _, message = demo_email
    html = message.get_body(("html",)).get_content()
    tree = lxml_html.fromstring(html)
    assert tree.get("lang") == "en-GB"
    assert not tree.findall(".//style") and not tree.findall(".//link")
    assert not tree.findall(".//script")
    sheet = tree.find(".//table[@class='sheet']")
    assert sheet.get("width") == "600" and "max-width: 600px" in sheet.get("style")
    assert all(t.get("role") == "presentation" for t in tree.iter("table"))
    h2 = tree.find(".//h2")
    assert "background" in h2.get("style") and "Arial" in h2.get("style")
    assert "@font-face" not in html and "fonts.googleapis" not in html
    assert len(tree.findall(".//h1")) == 1
    assert len(html.encode()) < export_email.HTML_LIMIT


def test_the_plain_text_holds_every_articles_words(demo, demo_email):
    _, message = demo_email
    text = message.get_body(("plain",)).get_content()
    # A link's address follows its words in brackets: read the words without it.
    flowing = " ".join(words(re.sub(r"\s+\((?:https?://|[^ )]+@)[^)]*\)", "", text)))
    for article in demo.issue.placed_articles():
        parts = [article.title, article.standfirst]
        parts += ["".join(r.text for r in blk.runs) for blk in parse(article.body).blocks
                  if hasattr(blk, "runs")]
        parts += ["".join(r.text for r in item.runs) for blk in parse(article.body).blocks
                  for item in getattr(blk, "items", [])]
        parts += [q.text for q in article.pull_quotes] + [c.email for c in article.contacts]
        for part in parts:
            assert " ".join(words(part)) in flowing, part
    assert max(len(line) for line in text.splitlines()) <= 100  # long addresses only
    assert "(https://www.example.org/local-profiles-review)" in text


def test_the_attached_pdf_is_the_same_as_the_exported_one(demo, demo_email, tmp_path):
    _, message = demo_email
    attached = next(p for p in message.walk() if p.get_content_type() == "application/pdf")
    assert attached.get_filename() == "soc-bulletin-edition-9.pdf"
    write_pdf(demo.issue, demo.folder, tmp_path / "b.pdf")
    assert attached.get_content() == (tmp_path / "b.pdf").read_bytes()


def test_the_pdf_can_be_left_out(demo):
    data, report = email_bytes(demo.issue, demo.folder, attach_pdf=False)
    message = email.message_from_bytes(data, policy=policy.default)
    assert not [p for p in message.walk() if p.get_content_type() == "application/pdf"]
    assert "whole message" in report.notes[0]


def test_the_size_report(demo):
    _, report = email_bytes(demo.issue, demo.folder)
    assert report.warnings == [] and report.offers == {}
    assert report.notes[0].startswith("HTML part ") and "limit 10.0 MB" in report.notes[0]


def _noisy_png(path: Path, width: int, height: int) -> None:
    rng = random.Random(7)
    img = PILImage.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    img.save(path, "PNG", compress_level=1)


@pytest.fixture
def huge_picture_issue(demo_copy):
    loaded = load_issue(demo_copy)
    _noisy_png(demo_copy / "images" / "huge-photo.png", 2600, 1700)  # 13 MB: too big to email
    loaded.issue.placed_articles()[0].images.append(Image("images/huge-photo.png",
                                                          "A huge photograph.", "Huge."))
    return loaded.issue, demo_copy


def test_a_picture_that_makes_the_email_too_big_is_named_and_a_smaller_copy_offered(
        huge_picture_issue, tmp_path):
    issue, folder = huge_picture_issue
    report = formats.export("email", issue, folder, tmp_path / "big.eml", attach_pdf=False)
    assert any("over the 10.0 MB" in w for w in report.warnings), report.warnings
    offer = report.offers["smaller_pictures"]
    assert "huge-photo.png (12." in offer and "too big" in offer
    assert (tmp_path / "big.eml").stat().st_size > export_email.MESSAGE_LIMIT

    report = formats.export("email", issue, folder, tmp_path / "small.eml", attach_pdf=False,
                            smaller_pictures=True)
    assert report.offers == {} and not any("10.0 MB" in w for w in report.warnings)
    assert any("smaller email copies" in n for n in report.notes)
    small = tmp_path / "small.eml"
    assert small.stat().st_size < export_email.MESSAGE_LIMIT
    message = email.message_from_bytes(small.read_bytes(), policy=policy.default)
    pictures = [p for p in message.walk() if p["Content-ID"]]
    copy = next(p for p in pictures if p.get_filename().startswith("huge-photo"))
    with PILImage.open(io.BytesIO(copy.get_content())) as img:
        assert img.width == export_email.EMAIL_PICTURE_WIDTH
    others = {p.get_content() for p in pictures} - {copy.get_content()}
    assert others == {p.read_bytes() for p in (demo_dir() / "images").iterdir()}
    assert (folder / "images" / "huge-photo.png").stat().st_size > 10_000_000  # untouched


def test_the_cli_says_which_flag_makes_it_smaller(huge_picture_issue, cli, tmp_path):
    from desktop_app.core.storage import save_issue

    issue, folder = huge_picture_issue
    save_issue(issue, folder)
    code, stdout, stderr = cli("export", folder, "--email", tmp_path / "b.eml",
                               "--no-attach-pdf")
    assert code == 0, stderr
    assert "bulletin: warning: the email is " in stderr
    assert "huge-photo.png" in stdout and "run again with --smaller-pictures" in stdout


def test_when_the_pdf_makes_the_email_too_big_leaving_it_out_is_offered(
        huge_picture_issue, tmp_path):
    issue, folder = huge_picture_issue
    report = formats.export("email", issue, folder, tmp_path / "b.eml", smaller_pictures=True)
    assert any("over the 10.0 MB" in w for w in report.warnings)
    assert "the attached PDF is" in report.offers["attach_pdf"]
    assert "of which the PDF" in report.notes[0]


def test_every_element_reaches_both_parts(demo_copy):
    issue, folder = every_element_issue(demo_copy)
    data, report = email_bytes(issue, folder, attach_pdf=False)
    assert len([w for w in report.warnings if "missing.png" in w]) == 1
    message = email.message_from_bytes(data, policy=policy.default)
    text = message.get_body(("plain",)).get_content()
    for expected in ("Everything at once", "A quote nobody signed.", "42% \u2013 of something",
                     "[ A sidebar ]", "Only A Name", "[Picture: A bar chart rising year on",
                     "5. a list that starts at five", "ANNEX"):
        assert expected in text, expected
    assert "divider" not in text  # a decorative picture says nothing
    html = message.get_body(("html",)).get_content()
    tree = lxml_html.fromstring(html)
    assert [h.text_content() for h in tree.iter("h2")][0] == "Welcome"
    alts = [i.get("alt") for i in tree.iter("img")]
    assert "" in alts and "A map with no caption." in alts


def test_hostile_text_arrives_as_text(demo_copy):
    issue, folder = hostile_issue(demo_copy)
    data, _ = email_bytes(issue, folder, attach_pdf=False)
    message = email.message_from_bytes(data, policy=policy.default)
    html = message.get_body(("html",)).get_content()
    tree = lxml_html.fromstring(html)
    assert not tree.findall(".//script") and "<script>" not in html
    assert not any(k.startswith("on") for e in tree.iter() for k in e.attrib)
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert all(h.startswith(("http:", "https:", "mailto:", "tel:", "#")) for h in hrefs)
    assert HOSTILE in tree.text_content() and HOSTILE_ATTR in tree.text_content()
    text = message.get_body(("plain",)).get_content()
    assert HOSTILE in text and "javascript link" in text
    assert HOSTILE in message["Subject"]


def test_bad_output_is_one_line(cli, tmp_path):
    code, _, stderr = cli("export", "--demo", "--email", tmp_path / "no" / "x.eml")
    assert code == 2 and stderr.count("\n") == 1 and "does not exist" in stderr
    with pytest.raises(ExportError, match="it is a folder"):
        demo_issue = load_issue(demo_dir())
        write_email(demo_issue.issue, demo_issue.folder, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_cli_reports_sizes(cli, tmp_path):
    out = tmp_path / "b.eml"
    code, stdout, stderr = cli("export", "--demo", "--email", out, "--no-attach-pdf")
    assert code == 0, stderr
    assert f"Wrote the email to {out}" in stdout and "HTML part" in stdout
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert not [p for p in message.walk() if p.get_content_type() == "application/pdf"]


def _attached_pdf(path: Path) -> bytes:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    return next(p for p in message.walk()
                if p.get_content_type() == "application/pdf").get_content()


def test_pdf_and_email_exported_together_build_the_pdf_once(demo_copy, tmp_path, monkeypatch):
    from desktop_app.core import export_pdf

    builds: list[int] = []
    real_build = export_pdf._build

    def counting_build(*args, **kwargs):
        builds.append(1)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(export_pdf, "_build", counting_build)
    issue = load_issue(demo_copy).issue
    formats.export("pdf", issue, demo_copy, tmp_path / "a.pdf")
    formats.export("email", issue, demo_copy, tmp_path / "a.eml")
    assert len(builds) == 1
    assert _attached_pdf(tmp_path / "a.eml") == (tmp_path / "a.pdf").read_bytes()

    # An edit in between: the email's PDF is built again and carries the edit.
    issue.sections[1].articles[0].title = "A title changed after the PDF export"
    formats.export("email", issue, demo_copy, tmp_path / "b.eml")
    assert len(builds) == 2
    write_pdf(issue, demo_copy, tmp_path / "b.pdf")
    assert _attached_pdf(tmp_path / "b.eml") == (tmp_path / "b.pdf").read_bytes()
    assert _attached_pdf(tmp_path / "b.eml") != (tmp_path / "a.pdf").read_bytes()


def test_a_picture_replaced_on_disk_is_not_served_from_the_last_pdf(demo_copy, tmp_path):
    issue = load_issue(demo_copy).issue
    picture = next(image for article in issue.placed_articles() for image in article.images)
    write_pdf(issue, demo_copy, tmp_path / "before.pdf")
    _noisy_png(demo_copy / picture.path, 120, 80)
    formats.export("email", issue, demo_copy, tmp_path / "after.eml")
    write_pdf(issue, demo_copy, tmp_path / "after.pdf")
    assert (tmp_path / "after.pdf").read_bytes() != (tmp_path / "before.pdf").read_bytes()
    assert _attached_pdf(tmp_path / "after.eml") == (tmp_path / "after.pdf").read_bytes()
