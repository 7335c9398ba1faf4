"""The model: standard sections, edition words, and the editing operations."""

from __future__ import annotations

import pytest

from desktop_app.core.model import (
    STANDARD_SECTIONS,
    Article,
    Contact,
    add_section,
    make_id,
    move_article,
    move_section,
    new_issue,
    ordinal_words,
    remove_section,
    rename_section,
    slugify,
)


def titles(issue):
    return [s.title for s in issue.sections]


def test_new_issue_has_the_standard_sections_in_order():
    issue = new_issue(7, "Autumn 2026")
    assert titles(issue) == [
        "Welcome", "In the Spotlight", "From the Centre", "What's New", "Meet the\u2026",
        "Partnerships in Action", "Disruptions", "Prevent", "Protection", "Feedback",
    ]
    assert [s.id for s in issue.sections] == [sid for sid, _ in STANDARD_SECTIONS]
    assert issue.title == "SOC Local Partnerships Bulletin"
    assert issue.strapline == "Working together to tackle serious and organised crime"
    assert issue.pool == [] and all(not s.articles for s in issue.sections)


@pytest.mark.parametrize("n, words", [
    (1, "First edition"), (2, "Second edition"), (3, "Third edition"), (7, "Seventh edition"),
    (9, "Ninth edition"), (12, "Twelfth edition"), (20, "Twentieth edition"),
    (21, "Twenty-first edition"), (42, "Forty-second edition"), (100, "One hundredth edition"),
])
def test_edition_is_shown_in_words(n, words):
    assert new_issue(n).edition_words == words


def test_edition_line_joins_words_and_season():
    assert new_issue(7, "Autumn 2026").edition_line == "Seventh edition \u00b7 Autumn 2026"
    assert new_issue(7).edition_line == "Seventh edition"
    assert ordinal_words(1000) == "1000th"


def issue_with_articles():
    issue = new_issue(1)
    issue.pool = [Article(id=f"a{i}", title=f"A{i}") for i in range(4)]
    return issue


def test_move_article_from_pool_to_section_and_back():
    issue = issue_with_articles()
    move_article(issue, "a1", "prevent", 0)
    move_article(issue, "a3", "prevent", 0)
    assert [a.id for a in issue.section("prevent").articles] == ["a3", "a1"]
    assert [a.id for a in issue.pool] == ["a0", "a2"]
    move_article(issue, "a3", None, 1)
    assert [a.id for a in issue.pool] == ["a0", "a3", "a2"]


def test_move_within_a_list_counts_positions_before_the_move():
    issue = issue_with_articles()
    move_article(issue, "a0", None, 3)  # drop between a2 and a3
    assert [a.id for a in issue.pool] == ["a1", "a2", "a0", "a3"]
    move_article(issue, "a3", None, 0)
    assert [a.id for a in issue.pool] == ["a3", "a1", "a2", "a0"]


def test_unknown_targets_change_nothing():
    issue = issue_with_articles()
    with pytest.raises(KeyError):
        move_article(issue, "nope", None, 0)
    with pytest.raises(KeyError):
        move_article(issue, "a0", "no-such-section", 0)
    assert [a.id for a in issue.pool] == ["a0", "a1", "a2", "a3"]


def test_sections_can_be_added_renamed_reordered_and_removed():
    issue = issue_with_articles()
    section = add_section(issue, "Cyber Crime", index=2)
    assert section.id == "cyber-crime" and titles(issue)[2] == "Cyber Crime"
    rename_section(issue, "cyber-crime", "Cyber and Fraud")
    assert issue.section("cyber-crime").title == "Cyber and Fraud"  # the id is stable
    move_section(issue, "cyber-crime", 0)
    assert titles(issue)[0] == "Cyber and Fraud"
    move_article(issue, "a2", "cyber-crime", 0)
    removed = remove_section(issue, "cyber-crime")
    assert removed.title == "Cyber and Fraud"
    assert "Cyber and Fraud" not in titles(issue)
    assert issue.pool[-1].id == "a2"  # its articles return to the pool, not lost
    with pytest.raises(ValueError):
        add_section(issue, "   ")
    with pytest.raises(ValueError):
        rename_section(issue, "prevent", "")


def test_ids_are_slugs_and_never_collide():
    assert slugify("Meet the\u2026 GLAA!") == "meet-the-glaa"
    taken = {"operation-slate"}
    new = make_id("Operation SLATE", taken)
    assert new != "operation-slate" and new.startswith("operation-slate-")
    assert make_id("Operation LANTERN", taken) == "operation-lantern"


def test_known_contacts_offers_each_person_once():
    issue = issue_with_articles()
    jo = Contact(name="Jo Bloggs", email="jo@example.org")
    issue.team_contacts = [jo]
    issue.pool[0].contacts = [Contact(name="jo bloggs", email="JO@example.org"),
                              Contact(name="Sam Lee", email="sam@example.org")]
    assert [c.name for c in issue.known_contacts()] == ["Jo Bloggs", "Sam Lee"]
