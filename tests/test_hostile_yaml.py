"""Issue files written by an attacker or a careless hand: every one refused with its file and
line (exit 2 in the command line), or read with text kept as text; nothing hangs or explodes."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from desktop_app.core.errors import BulletinError, IssueFileError
from desktop_app.core.storage import ISSUE_FILE, load_issue, save_issue
from desktop_app.core.yamlsafe import MAX_DEPTH

HEAD = "schema_version: 1\ntitle: T\n"


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ISSUE_FILE).write_text(text, encoding="utf-8")
    return folder


def refusal(folder: Path) -> IssueFileError:
    with pytest.raises(IssueFileError) as caught:
        load_issue(folder)
    return caught.value


def load_within(folder: Path, seconds: float = 5.0, load=load_issue):
    """Load in a thread: a hang fails the test instead of stopping the suite."""
    result: list[object] = []

    def work() -> None:
        try:
            result.append(load(folder))
        except Exception as exc:  # noqa: BLE001 - handed back to the test
            result.append(exc)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"loading {folder} hung for {seconds} s"
    return result[0]


# ---- text stays text -----------------------------------------------------------------------


def test_dates_yes_and_numbers_in_text_fields_stay_as_typed(tmp_path):
    write(tmp_path, "schema_version: 1\ntitle: yes\nstrapline: 1.50\npublished: 2026-02-30\n"
                    "welcome: 2026-01-01 10:00:00\npool:\n  - id: a\n    title: no\n"
                    "    standfirst: off\n    body: 0x1F\n")
    issue = load_issue(tmp_path).issue
    assert (issue.title, issue.strapline, issue.published) == ("yes", "1.50", "2026-02-30")
    assert issue.welcome == "2026-01-01 10:00:00"
    article = issue.pool[0]
    assert (article.title, article.standfirst, article.body) == ("no", "off", "0x1F")


def test_text_that_looks_like_other_types_survives_a_save(tmp_path):
    write(tmp_path, HEAD + "published: 2026-02-30\nstrapline: 'yes'\n")
    loaded = load_issue(tmp_path)
    save_issue(loaded.issue, tmp_path, expected_digest=loaded.digest)
    again = load_issue(tmp_path).issue
    assert (again.published, again.strapline) == ("2026-02-30", "yes")


def test_yes_is_not_a_tick(tmp_path):
    write(tmp_path, HEAD + "pool:\n  - id: a\n    images:\n      - path: images/x.png\n"
                    "        decorative: yes\n    review_notes:\n      - text: t\n"
                    "        resolved: no\n")
    article = load_issue(tmp_path).issue.pool[0]
    assert article.images[0].decorative is False
    assert article.review_notes[0].resolved is False


# ---- refused, with file and line ------------------------------------------------------------


@pytest.mark.parametrize("body, line, words", [
    (HEAD + "published: !!bool maybe\n", 3, "not a valid !!bool"),
    (HEAD + "edition: !!int seven\n", 3, "not a valid !!int"),
    (HEAD + "published: !!timestamp 2026-02-30\n", 3, "refused: the tag"),
    (HEAD + "welcome: !!binary aGVsbG8=\n", 3, "refused: the tag"),
    (HEAD + "strapline: !custom x\n", 3, "refused: the tag"),
    (HEAD + "strapline: &s hello\nwelcome: *s\n", 4, "alias"),
    (HEAD + "export: &e {theme: default}\npool:\n  - <<: *e\n", 5, "merge key"),
    (HEAD + "pool:\n  - <<: {id: a}\n", 4, "merge key"),
    (HEAD + "title: again\n", 3, "appears twice"),
    (HEAD + "---\nschema_version: 1\n", 3, "more than one YAML document"),
    (HEAD + "? [a, b]\n: c\n", 3, "key that is not plain text"),
])
def test_hostile_yaml_is_refused_with_its_line(tmp_path, body, line, words):
    error = refusal(write(tmp_path, body))
    assert words in str(error)
    assert error.line == line
    assert str(error).startswith(f"{tmp_path / ISSUE_FILE}:{line}: ")


def test_a_billion_laughs_is_refused_at_once(tmp_path):
    lines = ["schema_version: 1", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    write(tmp_path, "\n".join(lines) + "\n")
    assert len((tmp_path / ISSUE_FILE).read_bytes()) < 700
    started = time.perf_counter()
    error = load_within(tmp_path)
    assert isinstance(error, IssueFileError) and "alias" in str(error) and error.line == 3
    assert time.perf_counter() - started < 2


def test_deep_nesting_is_refused_not_a_crash(tmp_path):
    depth = 200_000  # far past any stack, flow and block alike
    write(tmp_path, "schema_version: 1\nwelcome: " + "[" * depth + "]" * depth + "\n")
    error = load_within(tmp_path)
    assert isinstance(error, IssueFileError) and error.line == 2
    # libyaml stops at its own limit first; past ours, but within its, ours speaks.
    assert f"more than {MAX_DEPTH} levels" in str(error) or "nesting depth" in str(error)
    depth = MAX_DEPTH + 10
    write(tmp_path, "schema_version: 1\nwelcome: " + "[" * depth + "]" * depth + "\n")
    assert f"more than {MAX_DEPTH} levels" in str(refusal(tmp_path))
    block = "".join(f"{'  ' * i}k{i}:\n" for i in range(MAX_DEPTH + 5))
    write(tmp_path, "schema_version: 1\nextra:\n" + "".join("  " + ln + "\n"
                                                          for ln in block.splitlines()))
    assert "levels" in str(refusal(tmp_path))


# ---- only regular files ---------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_issue_file_is_refused_without_hanging(tmp_path):
    os.mkfifo(tmp_path / ISSUE_FILE)
    error = load_within(tmp_path)
    assert isinstance(error, IssueFileError) and "not a regular file" in str(error)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_link_to_a_fifo_inside_the_folder_is_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / ISSUE_FILE).symlink_to(tmp_path / "pipe")
    error = load_within(tmp_path)
    assert isinstance(error, IssueFileError) and "not a regular file" in str(error)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_the_teams_files_beside_the_issues_are_never_read_from_a_fifo(tmp_path):
    from desktop_app.core.article_templates import load_template
    from desktop_app.core.directory import DirectoryError, load_directory
    from desktop_app.core.proof.spelling import load_team_words

    for name, load, refused in (
            ("contacts.yaml", load_directory, DirectoryError),
            ("team-dictionary.txt", load_team_words, BulletinError),
            ("template.yaml", load_template, BulletinError)):
        os.mkfifo(tmp_path / name)
        error = load_within(tmp_path / name, load=load)
        assert isinstance(error, refused) and "not a regular file" in str(error), name


def test_a_symlinked_issue_file_outside_the_folder_is_not_read(tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text(HEAD + "welcome: the secret\n")
    folder = tmp_path / "issue"
    folder.mkdir()
    (folder / ISSUE_FILE).symlink_to(secret)
    error = refusal(folder)
    assert "outside the issue folder" in str(error) and "secret" not in error.reason


def test_a_device_is_refused(tmp_path):
    try:  # /dev/zero's own numbers: reading it never ends
        os.mknod(tmp_path / ISSUE_FILE, 0o600 | stat.S_IFCHR, os.makedev(1, 5))
    except (AttributeError, PermissionError, OSError):
        pytest.skip("cannot make a device node here (needs root on Linux)")
    error = load_within(tmp_path)
    assert isinstance(error, IssueFileError) and "not a regular file" in str(error)


def test_a_symlink_inside_the_folder_is_followed(tmp_path):
    write(tmp_path, HEAD)
    (tmp_path / "current.yaml").write_text(HEAD + "welcome: linked\n")
    (tmp_path / ISSUE_FILE).unlink()
    (tmp_path / ISSUE_FILE).symlink_to("current.yaml")
    assert load_issue(tmp_path).issue.welcome == "linked"


# ---- the command line -----------------------------------------------------------------------


@pytest.mark.parametrize("body, line", [
    (HEAD + "published: 2026-02-30\nedition: !!bool maybe\n", 4),
    (HEAD + "a: &x [1]\nb: *x\n", 4),
])
@pytest.mark.parametrize("command", ["show", "validate", "export"])
def test_the_cli_refuses_with_exit_2_file_and_line(tmp_path, cli, body, line, command):
    write(tmp_path, body)
    extra = ["--pdf", str(tmp_path / "out.pdf")] if command == "export" else []
    code, out, err = cli(command, tmp_path, *extra)
    assert code == 2, err
    assert err.startswith(f"bulletin: {tmp_path / ISSUE_FILE}:{line}: ")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_the_cli_does_not_hang_on_a_fifo(tmp_path, cli):
    os.mkfifo(tmp_path / ISSUE_FILE)
    code, _, err = cli("show", tmp_path)
    assert code == 2 and "not a regular file" in err


def test_a_bad_date_published_is_shown_as_typed(tmp_path, cli):
    write(tmp_path, HEAD + "published: 2026-02-30\n")
    code, out, err = cli("show", tmp_path, "--json")
    assert code == 0, err
    assert '"published": "2026-02-30"' in out
