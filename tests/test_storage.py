"""Issue files: lossless round trips, atomic saves with backups, and refusals of bad files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import ChangedOnDiskError, IssueFileError
from desktop_app.core.model import (
    Article,
    Contact,
    ExportOptions,
    Image,
    Issue,
    PullQuote,
    ReviewNote,
    Section,
    SidebarCallout,
    StatisticCallout,
    Status,
    new_issue,
)
from desktop_app.core.storage import (
    ISSUE_FILE,
    MAX_FILE_BYTES,
    dump_issue,
    load_issue,
    parse_issue,
    save_issue,
)
from tests.conftest import folder_snapshot

# ---- the round trip ------------------------------------------------------------------------

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
contacts = st.builds(Contact, name=text, role=text, organisation=text, email=text, phone=text)
quotes = st.builds(PullQuote, text=text, attribution=text)
images = st.builds(Image, path=st.from_regex(r"images/[a-z0-9_-]{1,12}\.png", fullmatch=True),
                   alt=text, caption=text, decorative=st.booleans())
callouts = st.one_of(
    st.builds(StatisticCallout, value=text, label=text),
    st.builds(SidebarCallout, title=text, items=st.lists(text, max_size=4)),
)
notes = st.builds(ReviewNote, key=text, author=text, initials=text, date=text, text=text,
                  anchor=text, reply_to=text, resolved=st.booleans(), done=st.booleans(),
                  source=text)
articles = st.builds(
    Article, id=ids, title=text, standfirst=text, body=text,
    status=st.sampled_from(list(Status)),
    pull_quotes=st.lists(quotes, max_size=2), contacts=st.lists(contacts, max_size=2),
    images=st.lists(images, max_size=2), callouts=st.lists(callouts, max_size=2),
    review_notes=st.lists(notes, max_size=2),
)
sections = st.builds(Section, id=ids, title=text, intro=text,
                     articles=st.lists(articles, max_size=3))
exports = st.builds(ExportOptions, theme=st.sampled_from(["default", "print-one-column"]),
                    paper=st.sampled_from([None, "A4", "Letter"]),
                    columns=st.sampled_from([None, 1, 2, 3]), docx_columns=st.sampled_from([1, 2]))
issues = st.builds(
    Issue, title=text, strapline=text, edition=st.integers(1, 500), published=text,
    welcome=text, team_contacts=st.lists(contacts, max_size=3),
    sections=st.lists(sections, max_size=4), pool=st.lists(articles, max_size=3),
    export=exports, review_notes=st.lists(notes, max_size=2),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issue=issues)
def test_load_save_load_is_lossless(issue, tmp_path_factory):
    folder = tmp_path_factory.mktemp("rt")
    save_issue(issue, folder)
    first = load_issue(folder)
    assert first.issue == issue
    assert first.warnings == []
    save_issue(first.issue, folder)
    assert load_issue(folder).issue == issue
    assert (folder / ISSUE_FILE).read_bytes() == dump_issue(issue)


def test_the_demo_round_trips_byte_for_byte(demo_copy):
    loaded = load_issue(demo_copy)
    assert parse_issue(dump_issue(loaded.issue), demo_copy / ISSUE_FILE).issue == loaded.issue


def test_file_is_readable_yaml_with_literal_blocks(tmp_path):
    issue = new_issue(3, "Spring 2027")
    issue.welcome = "First paragraph.\n\nSecond paragraph with **bold**.\n"
    save_issue(issue, tmp_path)
    written = (tmp_path / ISSUE_FILE).read_text(encoding="utf-8")
    assert "welcome: |\n  First paragraph.\n\n  Second paragraph with **bold**.\n" in written
    assert "schema_version: 1" in written
    assert "title: Meet the\u2026" in written  # UTF-8, not escapes


# ---- saving safely -------------------------------------------------------------------------


def test_save_keeps_the_previous_version_as_a_backup(tmp_path):
    issue = new_issue(1)
    save_issue(issue, tmp_path)
    first = (tmp_path / ISSUE_FILE).read_bytes()
    issue.published = "Winter 2026"
    save_issue(issue, tmp_path)
    assert (tmp_path / "issue.yaml.bak").read_bytes() == first
    assert load_issue(tmp_path).issue.published == "Winter 2026"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_failed_save_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    issue = new_issue(1)
    save_issue(issue, tmp_path)
    before = folder_snapshot(tmp_path)

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    issue.published = "lost"
    with pytest.raises(OSError):
        save_issue(issue, tmp_path)
    assert folder_snapshot(tmp_path) == before


def test_a_read_only_folder_refuses_the_save_cleanly(tmp_path, monkeypatch):
    save_issue(new_issue(1), tmp_path)
    before = folder_snapshot(tmp_path)

    def read_only(*args, **kwargs):  # what mkstemp meets in a read-only folder (even as root
        raise PermissionError(13, "Permission denied")  # on a read-only mount)

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(PermissionError):
        save_issue(new_issue(2), tmp_path)
    assert folder_snapshot(tmp_path) == before


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path):
    save_issue(new_issue(1), tmp_path)
    loaded = load_issue(tmp_path)
    other = new_issue(1)
    other.published = "Saved by a colleague"
    save_issue(other, tmp_path)
    with pytest.raises(ChangedOnDiskError):
        save_issue(loaded.issue, tmp_path, expected_digest=loaded.digest)
    assert load_issue(tmp_path).issue.published == "Saved by a colleague"
    fresh = load_issue(tmp_path)
    save_issue(fresh.issue, tmp_path, expected_digest=fresh.digest)


# ---- refusals ------------------------------------------------------------------------------


def write(folder: Path, text: str) -> Path:
    (folder / ISSUE_FILE).write_text(text, encoding="utf-8")
    return folder


def refusal(folder: Path) -> IssueFileError:
    before = folder_snapshot(folder)
    with pytest.raises(IssueFileError) as caught:
        load_issue(folder)
    assert folder_snapshot(folder) == before
    assert "\n" not in str(caught.value)
    return caught.value


def test_malformed_yaml_names_the_file_and_line(tmp_path):
    error = refusal(write(tmp_path, "schema_version: 1\ntitle: ok\nsections:\n  - id: [oops\n"))
    assert error.line is not None and error.line >= 4
    assert str(error).startswith(f"{tmp_path / ISSUE_FILE}:{error.line}: ")


def test_python_tags_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "pwned"
    write(tmp_path, "schema_version: 1\ntitle: !!python/object/apply:os.system "
                    f"['touch {marker}']\n")
    error = refusal(tmp_path)
    assert "refused" in str(error) and error.line == 2
    assert not marker.exists()


def test_a_newer_schema_is_refused_with_a_clear_message(tmp_path):
    error = refusal(write(tmp_path, "schema_version: 99\ntitle: From the future\n"))
    assert "newer version of the app" in str(error) and "99" in str(error)


def test_a_huge_file_is_refused_before_reading(tmp_path):
    with (tmp_path / ISSUE_FILE).open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    assert "limit is 20 MB" in str(refusal(tmp_path))


@pytest.mark.parametrize("path", ["../outside.png", "/etc/passwd", "images/../../x.png",
                                  "C:\\Windows\\x.png", "..\\x.png"])
def test_image_paths_must_stay_inside_the_folder(tmp_path, path):
    write(tmp_path, f"""schema_version: 1
sections:
  - id: s
    title: S
    articles:
      - id: a
        title: A
        images:
          - path: '{path}'
            alt: x
""")
    error = refusal(tmp_path)
    assert "inside the issue folder" in str(error) and error.line == 9


def test_a_symlink_out_of_the_folder_is_refused(tmp_path):
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"x")
    folder = tmp_path / "issue"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "link.png").symlink_to(outside)
    write(folder, "schema_version: 1\npool:\n  - id: a\n    images:\n"
                  "      - path: images/link.png\n")
    assert "leads outside" in str(refusal(folder))


@pytest.mark.parametrize("body, words", [
    ("schema_version: 1\nedition: seven\n", "edition should be a whole number"),
    ("schema_version: 1\nsections: {a: 1}\n", "sections should be a list"),
    ("schema_version: 1\npool:\n  - id: a\n    status: published\n", "status 'published'"),
    ("schema_version: 1\npool:\n  - id: a\n    callouts:\n      - kind: poem\n", "kind 'poem'"),
    ("title: no version\n", "no schema_version"),
    ("", "is empty"),
    ("- just\n- a list\n", "mapping"),
])
def test_wrong_shapes_are_refused_with_a_reason(tmp_path, body, words):
    assert words in str(refusal(write(tmp_path, body)))


def test_not_utf8_and_missing_files_are_clear(tmp_path):
    (tmp_path / ISSUE_FILE).write_bytes(b"schema_version: 1\ntitle: caf\xe9\n")
    assert "not UTF-8" in str(refusal(tmp_path))
    with pytest.raises(IssueFileError, match="no issue file here"):
        load_issue(tmp_path / "nowhere")


def test_unknown_keys_warn_and_survive_a_save(tmp_path):
    write(tmp_path, """schema_version: 1
title: Bulletin
print_run: 500
sections:
  - id: s
    title: S
    colour: teal
    articles:
      - id: a
        title: A
        embargo: 2026-12-01
        contacts:
          - name: Jo
            pronouns: she/her
""")
    loaded = load_issue(tmp_path)
    assert len(loaded.warnings) == 4
    assert any(":3: unknown key 'print_run'" in w for w in loaded.warnings)
    assert any(":11: unknown key 'embargo'" in w for w in loaded.warnings)
    save_issue(loaded.issue, tmp_path)
    again = load_issue(tmp_path)
    assert again.issue.extra == {"print_run": 500}
    assert again.issue.sections[0].extra == {"colour": "teal"}
    assert str(again.issue.sections[0].articles[0].extra["embargo"]) == "2026-12-01"
    assert again.issue.sections[0].articles[0].contacts[0].extra == {"pronouns": "she/her"}
