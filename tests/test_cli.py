"""The bulletin command: exit codes, one-line errors, and what each command prints."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop_app.core.storage import ISSUE_FILE, load_issue
from tests.conftest import folder_snapshot


def test_new_makes_an_issue_with_the_standard_sections(cli, tmp_path):
    code, out, err = cli("new", tmp_path / "winter", "--edition", "10", "--published",
                         "Winter 2026")
    assert (code, err) == (0, "")
    issue = load_issue(tmp_path / "winter").issue
    assert issue.edition_words == "Tenth edition" and len(issue.sections) == 10
    assert (tmp_path / "winter" / "images").is_dir()
    assert not (tmp_path / "winter" / "issue.yaml.bak").exists()


def test_new_demo_is_a_working_copy(cli, tmp_path):
    code, out, _ = cli("new", tmp_path / "copy", "--demo")
    assert code == 0
    assert len(list((tmp_path / "copy" / "images").glob("*.png"))) >= 2
    assert load_issue(tmp_path / "copy").issue.edition == 9


def test_new_refuses_an_existing_folder(cli, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine")
    before = folder_snapshot(tmp_path)
    code, out, err = cli("new", tmp_path / "full")
    assert code == 2 and "already exists" in err and err.count("\n") == 1
    assert folder_snapshot(tmp_path) == before


def test_show_prints_the_outline(cli):
    code, out, _ = cli("show", "--demo")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "SOC Local Partnerships Bulletin \u2014 Ninth edition \u00b7 Autumn 2026"
    assert any(line.startswith("Disruptions  [disruptions]  2 articles") for line in lines)
    assert "  1. Operation LANTERN shines a light on Millbrook" in out
    assert "Pool: 3 articles waiting to be placed" in out


def test_show_json_has_the_documented_keys(cli):
    code, out, _ = cli("show", "--demo", "--json")
    data = json.loads(out)
    assert {"schema_version", "title", "strapline", "edition", "published", "team_contacts",
            "sections", "pool"} <= set(data)
    section = data["sections"][1]
    assert {"id", "title", "articles"} <= set(section)
    article = section["articles"][0]
    assert {"id", "title", "standfirst", "body", "pull_quotes", "contacts", "images",
            "callouts", "status"} <= set(article)
    contact = data["team_contacts"][0]
    assert set(contact) >= {"name", "role", "organisation", "email", "phone"}
    every = [a for s in data["sections"] for a in s["articles"]] + data["pool"]
    kinds = {c["kind"] for a in every for c in a["callouts"]}
    assert kinds == {"statistic", "sidebar"}
    stat = next(c for a in every for c in a["callouts"] if c["kind"] == "statistic")
    side = next(c for a in every for c in a["callouts"] if c["kind"] == "sidebar")
    assert {"value", "label"} <= set(stat) and {"title", "items"} <= set(side)
    image = next(i for a in every for i in a["images"])
    assert set(image) >= {"path", "alt", "caption"}
    quote = next(q for a in every for q in a["pull_quotes"])
    assert set(quote) >= {"text", "attribution"}


def test_validate_exit_codes(cli, demo_copy, tmp_path):
    assert cli("validate", "--demo")[0] == 0
    issue = load_issue(demo_copy).issue
    issue.article("operation-lantern").contacts[0].email = "nope"
    from desktop_app.core.storage import save_issue
    save_issue(issue, demo_copy)
    code, out, _ = cli("validate", demo_copy)
    assert code == 1 and "'nope' is not a valid email address" in out
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / ISSUE_FILE).write_text("schema_version: 1\ntitle: [\n")
    code, out, err = cli("validate", tmp_path / "broken")
    assert code == 2 and f"{ISSUE_FILE}:" in err and err.count("\n") == 1


@pytest.mark.parametrize("args, words", [
    ((), "required"),
    (("show",), "required"),
    (("frobnicate",), "invalid choice"),
    (("show", "--demo", "--bogus"), "unrecognized arguments"),
    (("new",), "required"),
])
def test_usage_mistakes_are_one_line_and_exit_2(cli, args, words):
    code, out, err = cli(*args)
    assert code == 2 and words in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_bad_file_never_shows_a_traceback_from_the_real_command(tmp_path):
    (tmp_path / ISSUE_FILE).write_text("schema_version: 1\ntitle: !!python/name:os.system\n")
    result = subprocess.run([sys.executable, "-m", "desktop_app", "show", str(tmp_path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("bulletin: ") and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_unknown_keys_are_warned_about(cli, tmp_path):
    (tmp_path / ISSUE_FILE).write_text("schema_version: 1\ntitle: T\nmystery: 1\n")
    code, out, err = cli("show", tmp_path)
    assert code == 0 and "warning:" in err and "unknown key 'mystery'" in err
