"""The editor's Qt-free operations: articles made, copied, deleted and moved; find and replace;
undo groups for typing; article templates; the callout kinds declared once."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.article_templates import load_templates
from desktop_app.core.articles import (
    delete_from_pool,
    duplicate_article,
    insert_article,
    new_article,
    plan_article_moves,
    remove_article,
)
from desktop_app.core.find import (
    BODIES,
    CONTACTS,
    QUOTES,
    TITLES,
    apply_changes,
    find_all,
    get_value,
    plan_replacements,
)
from desktop_app.core.layout import CALLOUT_BLOCKS, build_blocks
from desktop_app.core.model import (
    CALLOUT_KINDS,
    Article,
    Issue,
    Section,
    SidebarCallout,
    StatisticCallout,
    Status,
    move_article,
    plural,
)
from desktop_app.core.storage import dump_issue, load_issue, parse_issue
from desktop_app.core.typing_groups import Edit, TypingGroups, diff
from desktop_app.core.validate import validate
from desktop_app.resources import demo_dir


@pytest.fixture
def demo() -> Issue:
    return load_issue(demo_dir()).issue


# ---- new, duplicate, delete ------------------------------------------------------------------


def test_a_new_article_is_a_draft_with_an_id_from_its_title(demo):
    article = new_article(demo, "  Safer  streets in Hollins Dale ")
    assert (article.id, article.title, article.status) == (
        "safer-streets-in-hollins-dale", "Safer streets in Hollins Dale", Status.DRAFT)
    insert_article(demo, article, None)
    assert demo.pool[-1] is article
    again = new_article(demo, "Safer streets in Hollins Dale")
    assert again.id != article.id and again.id.startswith("safer-streets-in-hollins-dale-")
    with pytest.raises(ValueError):
        new_article(demo, "   ")
    with pytest.raises(ValueError):
        insert_article(demo, article, "whats-new")  # the same id twice


def test_a_duplicate_copies_everything_but_the_review_notes(demo):
    original = demo.article("local-profiles-review")
    original.review_notes = [copy.deepcopy(n) for n in original.review_notes]
    twin = duplicate_article(demo, "local-profiles-review")
    assert twin.title == original.title + " (copy)" and twin.id != original.id
    assert (twin.body, twin.pull_quotes, twin.contacts) == (
        original.body, original.pull_quotes, original.contacts)
    assert twin.review_notes == [] and twin.status is Status.DRAFT
    twin.pull_quotes[0].text = "changed"
    assert original.pull_quotes[0].text != "changed"  # a real copy, not shared items


def test_delete_takes_only_pool_articles_and_remove_says_where_it_was(demo):
    placed = demo.section("prevent").articles[0].id
    with pytest.raises(ValueError, match="return it to the pool first"):
        delete_from_pool(demo, placed)
    assert demo.section("prevent").articles[0].id == placed
    pooled = demo.pool[1].id
    article, index = delete_from_pool(demo, pooled)
    assert (article.id, index) == (pooled, 1) and pooled not in demo.used_ids()
    article, section, index = remove_article(demo, placed)
    assert (article.id, section, index) == (placed, "prevent", 0)


# ---- moving several articles ----------------------------------------------------------------


def _arrangement(issue: Issue) -> dict[str | None, list[str]]:
    out: dict[str | None, list[str]] = {s.id: [a.id for a in s.articles] for s in issue.sections}
    out[None] = [a.id for a in issue.pool]
    return out


@settings(deadline=None)  # the machine is shared: a slow example is not a failure
@given(data=st.data())
def test_a_planned_move_puts_the_articles_together_in_order(data):
    issue = Issue(sections=[Section(id=f"s{n}", articles=[Article(id=f"a{n}{k}")
                                                          for k in range(n + 1)])
                            for n in range(3)],
                  pool=[Article(id=f"p{k}") for k in range(3)])
    ids = [a.id for a in issue.all_articles()]
    chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4, unique=True))
    target = data.draw(st.sampled_from(["s0", "s1", "s2", None]))
    size = len(issue.section(target).articles) if target else len(issue.pool)
    row = data.draw(st.integers(-1, size))
    before = _arrangement(issue)
    plan = plan_article_moves(issue, chosen, target, row)
    assert _arrangement(issue) == before  # planning changes nothing
    for aid, index in plan:
        move_article(issue, aid, target, index)
    after = _arrangement(issue)[target]
    start = after.index(chosen[0])
    assert after[start:start + len(chosen)] == chosen
    # Nothing else moved relative to each other, and nothing was lost.
    rest = [a for a in before[target] if a not in chosen]
    assert [a for a in after if a not in chosen] == rest
    assert sorted(a.id for a in issue.all_articles()) == sorted(ids)
    if row >= 0:
        assert start == min(row - sum(1 for a in before[target][:row] if a in chosen),
                            len(rest))


def test_a_plan_with_an_unknown_article_is_refused(demo):
    with pytest.raises(KeyError):
        plan_article_moves(demo, ["no-such-article"], "prevent", 0)


# ---- find and replace -----------------------------------------------------------------------


def test_find_lists_each_match_with_its_place_and_context(demo):
    found = find_all(demo, "county lines")
    wheres = {m.where for m in found}
    assert any("title" in w for w in wheres) and any("body" in w for w in wheres)
    for match in found:
        value = get_value(demo, match.place)
        assert value[match.start:match.end].casefold().split() == ["county", "lines"]
        assert match.before == value[max(0, match.start - 36):match.start].replace("\n", " ")
    assert find_all(demo, "COUNTY LINES", match_case=True) == []
    assert len(find_all(demo, "county lines", scopes={TITLES})) < len(found)


def test_find_reaches_quotes_contacts_welcome_and_crosses_line_breaks(demo):
    assert find_all(demo, "hannah.lowther@example.org", scopes={CONTACTS})
    assert find_all(demo, "Every child moved along", scopes={QUOTES})
    assert any(m.place.field == "welcome" for m in find_all(demo, "ninth edition",
                                                            scopes={BODIES}))
    # "read every\nserious" is one phrase in the hard-wrapped body.
    assert find_all(demo, "read every serious", scopes={BODIES})
    assert find_all(demo, "line", whole_words=True) != find_all(demo, "line")


def test_replace_all_changes_every_match_and_undo_restores(demo):
    before = dump_issue(demo)
    found = find_all(demo, "Kestrel Coast")
    changes = plan_replacements(demo, found, "Kestrel *Shore*")
    assert dump_issue(demo) == before  # planning changes nothing
    apply_changes(demo, changes)
    assert find_all(demo, "Kestrel Coast") == []
    bodies = [c for c in changes if c.place.field == "body"]
    assert bodies and all("Kestrel \\*Shore\\*" in c.new for c in bodies)  # words, not markup
    titles = [c for c in changes if c.place.field == "title"]
    assert all("Kestrel *Shore*" in c.new for c in titles)
    apply_changes(demo, changes, undo=True)
    assert dump_issue(demo) == before


def test_a_stale_match_replaces_nothing(demo):
    [match] = find_all(demo, "Operation HARBOUR", scopes={TITLES})
    article = demo.article(match.place.article_id)
    article.title = "Something else entirely, Operation HARBOUR"
    assert plan_replacements(demo, [match], "X") == []


# ---- undo groups for typing -----------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _type(groups: TypingGroups, clock: Clock, text: str, start: int = 0) -> list[int]:
    numbers = []
    for i, char in enumerate(text):
        clock.now += 0.1
        numbers.append(groups.group("body", Edit(start + i, "", char)))
    return numbers


def test_typing_is_one_step_per_word():
    clock = Clock()
    groups = TypingGroups(clock)
    numbers = _type(groups, clock, "hello world  again")
    words = ["hello ", "world  ", "again"]
    expected = [n for n, word in enumerate(words) for _ in word]
    assert [x - numbers[0] for x in numbers] == expected


def test_a_pause_a_jump_a_switch_to_deleting_or_another_field_starts_a_step():
    clock = Clock()
    groups = TypingGroups(clock)
    first = _type(groups, clock, "abc")[-1]
    clock.now += 5
    assert groups.group("body", Edit(3, "", "d")) != first  # a pause
    after_pause = groups.group("body", Edit(4, "", "e"))
    assert groups.group("body", Edit(0, "", "z")) != after_pause  # typing elsewhere
    here = groups.group("body", Edit(1, "", "y"))
    assert groups.group("body", Edit(1, "y", "")) != here  # backspace
    back = groups.group("body", Edit(0, "z", ""))
    assert back == groups.number  # a run of backspaces is one step
    assert groups.group("title", Edit(0, "", "q")) != back  # another field
    assert groups.group("title", Edit(1, "", "pasted")) != groups.number - 1  # a paste


def test_diff_finds_the_one_edit():
    assert diff("hello world", "hello big world") == Edit(6, "", "big ")
    assert diff("aaa", "aa") == Edit(2, "a", "")
    assert diff("abc", "axc") == Edit(1, "b", "x")


# ---- templates and callout kinds ------------------------------------------------------------


def test_bundled_templates_load_and_make_articles(demo, tmp_path):
    templates, warnings = load_templates()
    assert warnings == []
    names = [t.name for t in templates]
    assert names == sorted(names, key=str.casefold)
    assert {"Meet the\u2026 profile", "Event notice", "Funding announcement"} <= set(names)
    for template in templates:
        assert template.section in {s.id for s in demo.sections}
        article = new_article(demo, f"From {template.name}", template.article)
        assert article.body == template.article.body and article.title.startswith("From")
        insert_article(demo, article, template.section)
    assert not [p for p in validate(demo, demo_dir()) if "id" == p.field]
    (tmp_path / "broken.yaml").write_text("name: Broken\narticle: [1, 2]\n")
    (tmp_path / "nameless.yaml").write_text("article:\n  body: hello\n")
    (tmp_path / "team.yaml").write_text("name: Team notice\narticle:\n  body: Hello\n")
    found, warnings = load_templates([tmp_path])
    assert [t.name for t in found] == ["Team notice"]
    assert len(warnings) == 2 and any("broken.yaml" in w for w in warnings)


def test_every_callout_kind_is_stored_validated_laid_out_and_written(demo, tmp_path):
    import docx

    from desktop_app.core.docx.export_docx import write_docx
    from desktop_app.core.export_pdf import pdf_bytes
    from tests.pdfcheck import all_text

    assert set(CALLOUT_BLOCKS) == set(CALLOUT_KINDS)
    article = demo.article("local-profiles-review")
    article.callouts = [kind.new() for kind in CALLOUT_KINDS.values()]
    problems = [p.message for p in validate(demo, demo_dir())]
    for i, kind in enumerate(CALLOUT_KINDS.values()):
        assert any(f"{kind.kind} {i + 1} {kind.incomplete}" in m for m in problems)
    article.callouts = [StatisticCallout("23", "vans seized"),
                        SidebarCallout("Tips for hosts", ["Check the register"])]
    again = parse_issue(dump_issue(demo), tmp_path / "issue.yaml").issue
    assert again.article("local-profiles-review").callouts == article.callouts
    laid = [blk for blk in build_blocks(demo, demo_dir())
            if blk.kind in {k.block for k in CALLOUT_KINDS.values()}]
    assert {blk.kind for blk in laid} == {k.block for k in CALLOUT_KINDS.values()}
    # Each writer draws each kind's words.
    data, _warnings = pdf_bytes(demo, demo_dir())
    (tmp_path / "out.pdf").write_bytes(data)
    words = all_text(tmp_path / "out.pdf")
    write_docx(demo, demo_dir(), tmp_path / "out.docx")
    paragraphs = " ".join(p.text for p in docx.Document(str(tmp_path / "out.docx")).paragraphs)
    for text in ("vans seized", "Tips for hosts", "Check the register"):
        assert text in " ".join(words.split()) and text in paragraphs


def test_an_undeclared_callout_kind_is_refused_not_taken_for_a_sidebar(tmp_path):
    text = dump_issue(load_issue(demo_dir()).issue).decode().replace(
        "kind: sidebar", "kind: timeline", 1)
    with pytest.raises(Exception, match="callout kind 'timeline' should be statistic or sidebar"):
        parse_issue(text.encode(), tmp_path / "issue.yaml")


def test_plurals():
    assert [plural(n, "article") for n in (0, 1, 2)] == ["0 articles", "1 article",
                                                         "2 articles"]
    assert plural(1, "entry", "entries") == "1 entry" and plural(3, "entry", "entries") == \
        "3 entries"


def test_find_and_replace_reach_an_articles_notes(demo):
    article = demo.article("operation-flint")
    article.notes = ["Figures from the council's 2025 audit."]
    [match] = find_all(demo, "council's 2025", scopes={BODIES})
    assert match.where.endswith("note 1")
    apply_changes(demo, plan_replacements(demo, [match], "county's 2024"))
    assert article.notes == ["Figures from the county's 2024 audit."]
