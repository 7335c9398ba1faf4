"""Validation finds each kind of problem and says where it is."""

from __future__ import annotations

from pathlib import Path

from PIL import Image as PILImage

from desktop_app.core.model import Contact, Image
from desktop_app.core.storage import ISSUE_FILE, load_issue, save_issue
from desktop_app.core.validate import validate


def problems_of(folder: Path):
    loaded = load_issue(folder)
    return validate(loaded.issue, loaded.folder, loaded.source)


def line_of(folder: Path, needle: str, after: str = "") -> int:
    lines = (folder / ISSUE_FILE).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i in range(start, len(lines)) if needle in lines[i]) + 1


def test_the_demo_validates_clean(demo_copy):
    assert problems_of(demo_copy) == []


def test_each_kind_of_problem_is_found_with_its_line(demo_copy):
    loaded = load_issue(demo_copy)
    issue = loaded.issue
    lantern = issue.article("operation-lantern")
    lantern.title = ""
    lantern.contacts[0].email = "not-an-email"
    lantern.body += "\n\nSee [the form](javascript:alert(1)) now."
    fund = issue.article("partnership-fund")
    fund.contacts = []
    issue.article("regional-roadshows").images[0].alt = ""
    issue.article("asset-recovery-record").images.append(Image(path="images/gone.png", alt="x"))
    issue.section("feedback").articles[0].id = "operation-flint"  # duplicate id
    issue.section("protection").articles.clear()
    issue.title = ""
    save_issue(issue, demo_copy)

    found = problems_of(demo_copy)
    text = "\n".join(str(p) for p in found)
    file = str(demo_copy / ISSUE_FILE)
    expect = {
        "article 'operation-lantern': no title": line_of(demo_copy, "id: operation-lantern"),
        "'not-an-email' is not a valid email address": line_of(demo_copy, "not-an-email"),
        "goes to 'javascript:alert(1)'": line_of(demo_copy, "javascript:alert"),
        "no contact for more information": line_of(demo_copy, "id: partnership-fund"),
        "has no alt text": line_of(demo_copy, "path: images/regional-roadshows"),
        "images/gone.png) is missing": line_of(demo_copy, "path: images/gone.png"),
        "the id 'operation-flint' is used 2 times": line_of(demo_copy, "id: operation-flint"),
        "section 'Protection' is empty": line_of(demo_copy, "id: protection"),
    }
    for words, line in expect.items():
        match = [p for p in found if words in str(p)]
        assert match, f"no problem saying {words!r} in:\n{text}"
        assert str(match[0]).startswith(f"{file}:"), str(match[0])
        assert abs(match[0].line - line) <= 1, (words, match[0].line, line)
    untitled = next(p for p in found if p.message == "the bulletin has no title")
    assert untitled.line is None and untitled.field == "title"  # the key is gone from the file
    jump = next(p for p in found if "not a valid email" in p.message)
    assert (jump.article_id, jump.field, jump.section_id) == ("operation-lantern", "contacts",
                                                               "disruptions")


def test_a_broken_picture_is_a_problem(demo_copy):
    loaded = load_issue(demo_copy)
    image = loaded.issue.article("regional-roadshows").images[0]
    (demo_copy / image.path).write_bytes(b"\x89PNG\r\n\x1a\n not really")
    assert any("damaged picture" in p.message or "not a picture" in p.message
               for p in problems_of(demo_copy))


def test_an_oversized_picture_is_refused(tmp_path, demo_copy):
    loaded = load_issue(demo_copy)
    image = loaded.issue.article("regional-roadshows").images[0]
    PILImage.new("1", (9000, 9000)).save(demo_copy / image.path)
    assert any("more than a picture needs" in p.message for p in problems_of(demo_copy))


def test_team_contacts_are_checked(demo_copy):
    loaded = load_issue(demo_copy)
    loaded.issue.team_contacts.append(Contact(name="", email=""))
    found = validate(loaded.issue, demo_copy)
    assert any("team contact 5: needs a name or an email" in p.message for p in found)


def test_a_decorative_picture_needs_no_alt_text(tmp_path):
    from desktop_app.core.model import Article, Image, new_issue
    from desktop_app.core.validate import validate

    issue = new_issue()
    article = Article(id="a", title="A", body="Text.",
                      images=[Image(path="images/rule.png", alt="", decorative=True),
                              Image(path="images/photo.png", alt="")])
    issue.sections[0].articles.append(article)
    alt_problems = [p for p in validate(issue) if p.field == "images" and "alt text" in p.message]
    assert [p.message.endswith("image 2 (images/photo.png) has no alt text")
            for p in alt_problems] == [True]
