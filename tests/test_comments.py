"""Reviewers' comments read back from the Word file, each on the article it is about."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
import yaml

from desktop_app.core.comments import apply_comments, note_key, read_comments
from desktop_app.core.docx.export_docx import write_docx
from desktop_app.core.storage import load_issue
from desktop_app.core.untrusted import UntrustedFileError
from desktop_app.resources import demo_dir
from tests import badfiles
from tests.conftest import folder_snapshot
from tests.reviewing import Remark, add_remarks

REMARKS = [
    Remark("The answer is encouraging", "Which data sources? Please name them."),
    Remark("The answer is encouraging", "Added a list below.", author="Sam Editor",
           initials="SE", reply_to=0),
    Remark("The Minister for Security has confirmed", "Check the figure with finance.",
           author="Lee Legal", initials="LL", resolved=True),
    Remark("More than 110 practitioners gathered", "These two paragraphs repeat each other.",
           to="The programme focused on"),
    Remark("Working together to tackle", "Strapline approved by the press office."),
    Remark("Pause Before You Pay returns", "Is this still running?", point=True),
]


@pytest.fixture(scope="module")
def demo():
    return load_issue(demo_dir())


@pytest.fixture(scope="module")
def reviewed(demo, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("review")
    write_docx(demo.issue, demo.folder, folder / "demo.docx")
    return add_remarks(folder / "demo.docx", folder / "reviewed.docx", REMARKS)


@pytest.fixture(scope="module")
def report(reviewed, demo):
    return read_comments(reviewed, demo.issue)


def by_text(report, start: str):
    return next(c for c in report.comments if c.text.startswith(start))


def test_each_comment_maps_to_its_article(report, demo):
    assert report.warnings == []
    assert len(report.comments) == len(REMARKS)
    expected = {
        "Which data": "local-profiles-review", "Added a list": "local-profiles-review",
        "Check the figure": "partnership-fund", "These two": "operation-harbour",
        "Strapline": None, "Is this still": "pause-before-you-pay",
    }
    for start, article_id in expected.items():
        comment = by_text(report, start)
        assert comment.article_id == article_id, start
        if article_id:
            assert comment.article_title == demo.issue.article(article_id).title


def test_comment_details(report):
    first = by_text(report, "Which data")
    assert (first.author, first.initials) == ("Priya Reviewer", "PR")
    assert first.date.startswith("20")
    assert first.anchor.startswith("The answer is encouraging. Most profiles now reach")
    assert "\n" not in first.anchor
    legal = by_text(report, "Check the figure")
    assert legal.resolved and legal.author == "Lee Legal"
    assert not first.resolved


def test_replies_point_at_their_comment(report):
    reply = by_text(report, "Added a list")
    assert reply.reply_to == by_text(report, "Which data").id
    assert by_text(report, "Which data").reply_to is None


def test_a_comment_spanning_paragraphs_keeps_all_its_text(report):
    spanning = by_text(report, "These two")
    lines = spanning.anchor.split("\n")
    assert lines[0].startswith("More than 110 practitioners gathered")
    assert lines[-1].startswith("The programme focused on")
    assert len(lines) == 3  # the caption of the picture between them is part of the range


def test_a_comment_on_a_point_is_kept(report):
    point = by_text(report, "Is this still")
    assert point.anchor == ""


def test_comments_come_in_document_order(report):
    order = [c.text.split()[0] for c in report.comments]
    assert order == ["Strapline", "Which", "Added", "Check", "Is", "These"]


def test_headings_are_the_fallback_when_bookmarks_are_lost(reviewed, demo, tmp_path):
    stripped = tmp_path / "stripped.docx"
    with zipfile.ZipFile(reviewed) as z:
        xml = z.read("word/document.xml")
    import re

    xml = re.sub(rb"<w:bookmark(Start|End) [^>]*/>", b"", xml)
    badfiles.rewrite_member(reviewed, stripped, "word/document.xml", xml)
    report = read_comments(stripped, demo.issue)
    assert by_text(report, "Check the figure").article_id == "partnership-fund"
    assert by_text(report, "These two").article_id == "operation-harbour"
    assert by_text(report, "Strapline").article_id is None
    assert any("bookmarks" in w for w in report.warnings)


def test_bookmarks_win_over_a_renamed_heading(reviewed, demo):
    import copy

    issue = copy.deepcopy(demo.issue)
    issue.article("partnership-fund").title = "A new title since the export"
    report = read_comments(reviewed, issue)
    comment = by_text(report, "Check the figure")
    assert comment.article_id == "partnership-fund"
    assert comment.article_title == "A new title since the export"


def test_a_word_file_from_elsewhere_lists_comments_unmapped(tmp_path, demo, cli, demo_copy):
    source = badfiles.good_docx(tmp_path / "other.docx", "Some unrelated memo text.")
    foreign = add_remarks(source, tmp_path / "foreign.docx",
                          [Remark("unrelated memo", "A comment on a memo.")])
    report = read_comments(foreign, demo.issue)
    assert [c.text for c in report.comments] == ["A comment on a memo."]
    assert report.comments[0].article_id is None
    assert report.comments[0].anchor == "Some unrelated memo text."
    assert len(report.warnings) == 1 and "does not look like" in report.warnings[0]
    code, out, err = cli("comments", foreign, "--issue", demo_copy)
    assert code == 0
    assert "A comment on a memo." in out and "Article: none" in out
    assert "warning" in err


def test_a_file_without_comments(demo, tmp_path):
    plain = badfiles.good_docx(tmp_path / "plain.docx")
    report = read_comments(plain, demo.issue)
    assert report.comments == [] and report.warnings == []


# ---- storing them ---------------------------------------------------------------------------


def test_apply_stores_notes_once(report, demo):
    import copy

    issue = copy.deepcopy(demo.issue)
    assert apply_comments(issue, report, "reviewed.docx") == len(REMARKS)
    notes = issue.article("local-profiles-review").review_notes
    assert [n.text for n in notes] == ["Which data sources? Please name them.",
                                       "Added a list below."]
    assert notes[1].reply_to == notes[0].key
    assert notes[0].source == "reviewed.docx"
    assert issue.article("partnership-fund").review_notes[0].resolved
    assert [n.text for n in issue.review_notes] == ["Strapline approved by the press office."]
    assert apply_comments(issue, report, "reviewed.docx") == 0
    assert len(issue.article("local-profiles-review").review_notes) == 2


def test_the_key_ignores_what_a_resave_changes():
    a = note_key("Ann", "2026-11-20T10:00:00Z", "Check  this", "The text")
    assert a == note_key("Ann", "2026-11-20T10:00:00.000", "Check this", "The  text")
    assert a != note_key("Ann", "2026-11-20T10:00:01Z", "Check this", "The text")


def test_cli_lists_and_applies(cli, reviewed, demo_copy):
    code, out, err = cli("comments", reviewed, "--issue", demo_copy)
    assert code == 0, err
    assert "6 comments in reviewed.docx: 5 on articles, 1 not on any article" in out
    assert "Article: Local profiles: what the national review found [local-profiles-review]" in out
    assert "[resolved]" in out and "Reply to #0" in out

    code, out, err = cli("comments", reviewed, "--issue", demo_copy, "--apply", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["applied"] == 6 and len(data["comments"]) == 6
    assert {"id", "author", "initials", "date", "text", "anchor", "article_id",
            "article_title", "reply_to", "resolved", "key"} <= set(data["comments"][0])
    saved = yaml.safe_load((demo_copy / "issue.yaml").read_text(encoding="utf-8"))
    article = next(a for s in saved["sections"] for a in s["articles"]
                   if a["id"] == "local-profiles-review")
    assert [n["author"] for n in article["review_notes"]] == ["Priya Reviewer", "Sam Editor"]
    assert saved["review_notes"][0]["text"] == "Strapline approved by the press office."

    before = folder_snapshot(demo_copy)
    code, out, err = cli("comments", reviewed, "--issue", demo_copy, "--apply")
    assert code == 0 and "Added 0 review notes" in out and "(6 already there)" in out
    assert folder_snapshot(demo_copy) == before


def test_apply_refuses_an_issue_changed_on_disk(reviewed, demo_copy, monkeypatch, cli):
    from desktop_app.core import storage

    real = storage.save_issue

    def someone_else_saves_first(issue, folder, expected_digest=None):
        path = Path(folder) / "issue.yaml"
        path.write_bytes(path.read_bytes() + b"\n# edited elsewhere\n")
        return real(issue, folder, expected_digest=expected_digest)

    monkeypatch.setattr("desktop_app.cli.save_issue", someone_else_saves_first)
    code, _, err = cli("comments", reviewed, "--issue", demo_copy, "--apply")
    assert code == 2 and "changed by another program" in err
    assert "review_notes" not in (demo_copy / "issue.yaml").read_text(encoding="utf-8")


# ---- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [
    lambda tmp, good: badfiles.not_a_zip(tmp / "x.docx"),
    lambda tmp, good: badfiles.truncated(good, tmp / "x.docx"),
    lambda tmp, good: badfiles.zip_bomb(tmp / "x.docx"),
    lambda tmp, good: badfiles.lying_sizes_bomb(tmp / "x.docx"),
    lambda tmp, good: badfiles.many_members(tmp / "x.docx"),
    lambda tmp, good: badfiles.evil_name(tmp / "x.docx"),
    lambda tmp, good: badfiles.rewrite_member(good, tmp / "x.docx", "word/document.xml",
                                              badfiles.BILLION_LAUGHS),
    lambda tmp, good: badfiles.rewrite_member(good, tmp / "x.docx", "word/comments.xml",
                                              badfiles.EXTERNAL_ENTITY),
    lambda tmp, good: badfiles.rewrite_member(good, tmp / "x.docx", "word/comments.xml",
                                              b"<w:comments><w:comment"),
], ids=["not-a-zip", "truncated", "bomb", "lying-sizes", "many-members", "evil-name",
        "billion-laughs", "external-entity", "broken-xml"])
def test_bad_files_are_refused_and_the_issue_untouched(make, reviewed, tmp_path, demo_copy,
                                                       cli):
    bad = make(tmp_path, reviewed)
    before = folder_snapshot(demo_copy)
    code, out, err = cli("comments", bad, "--issue", demo_copy, "--apply")
    assert code == 2, err
    assert err.startswith("bulletin: ") and err.count("\n") == 1
    assert "Traceback" not in err and out == ""
    assert folder_snapshot(demo_copy) == before


def test_read_comments_raises_the_gates_error(tmp_path, demo):
    with pytest.raises(UntrustedFileError):
        read_comments(badfiles.not_a_zip(tmp_path / "x.docx"), demo.issue)


def test_missing_file_and_missing_issue_are_one_line(cli, tmp_path, reviewed):
    code, _, err = cli("comments", tmp_path / "nope.docx", "--issue", demo_dir())
    assert code == 2 and err.count("\n") == 1
    code, _, err = cli("comments", reviewed, "--issue", tmp_path / "no-issue")
    assert code == 2 and err.count("\n") == 1


def test_comment_text_is_read_as_written(reviewed, demo):
    # python-docx reads the same comments: the reader agrees with it on author and text.
    theirs = {c.text: c.author for c in docx.Document(str(reviewed)).comments}
    ours = {c.text: c.author for c in read_comments(reviewed, demo.issue).comments}
    assert theirs == ours
    with zipfile.ZipFile(reviewed) as z:
        assert b"commentsExtended" in z.read("word/_rels/document.xml.rels")


def test_apply_on_a_full_disk_is_one_line(reviewed, demo_copy, cli, monkeypatch):
    from desktop_app.core import fileio

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    before = folder_snapshot(demo_copy)
    monkeypatch.setattr(fileio.tempfile, "mkstemp", no_space)
    code, _, err = cli("comments", reviewed, "--issue", demo_copy, "--apply")
    assert code == 2 and "No space left on device" in err and err.count("\n") == 1
    assert folder_snapshot(demo_copy) == before


def test_the_same_remark_on_two_articles_is_kept_twice(demo, tmp_path):
    """"Check the phone number" on the same words in two articles, in the same minute."""
    import copy

    issue = copy.deepcopy(demo.issue)
    articles = [a for s in issue.sections for a in s.articles][:2]
    for article in articles:
        article.body += "\n\nCall the helpline on 01632 960 000."
    write_docx(issue, demo.folder, tmp_path / "two.docx")
    same = dict(text="Check the phone number", date="2026-11-20T10:00:00Z")
    remarks = [Remark("Call the helpline on", occurrence=0, **same),
               Remark("Call the helpline on", occurrence=1, **same),
               Remark(articles[0].title, occurrence=0, **same)]
    reviewed = add_remarks(tmp_path / "two.docx", tmp_path / "two-reviewed.docx", remarks)
    report = read_comments(reviewed, issue)
    assert [c.article_id for c in report.comments] == [articles[0].id, articles[0].id,
                                                       articles[1].id]
    assert len({c.key for c in report.comments}) == 3
    assert apply_comments(issue, report, "two-reviewed.docx") == 3
    assert [n.text for n in articles[0].review_notes] == ["Check the phone number"] * 2
    assert [n.text for n in articles[1].review_notes] == ["Check the phone number"]
    assert apply_comments(issue, read_comments(reviewed, issue), "again.docx") == 0


def test_notes_stored_under_the_older_key_are_not_added_again(report, demo):
    import copy

    issue = copy.deepcopy(demo.issue)
    assert apply_comments(issue, report, "reviewed.docx") == len(REMARKS)
    for note in [n for a in issue.all_articles() for n in a.review_notes] + issue.review_notes:
        comment = next(c for c in report.comments if c.text == note.text)
        note.key = comment.legacy_key  # as an earlier version stored it
    assert apply_comments(issue, report, "reviewed.docx") == 0


def test_the_position_is_counted_from_the_start_of_the_article(report):
    on_article = [c for c in report.comments if c.article_id]
    assert all(c.offset is not None and c.offset >= 0 for c in on_article)
    first = by_text(report, "Which data")
    reply = by_text(report, "Added a list")
    assert first.offset == reply.offset  # the same words, the same place
