"""The proofing checker as a whole: the dictionary against real misspellings and British words,
word lists, issue-wide rules, reading ages, the rules file, ``bulletin check`` and the demo."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.core.model import AcceptedFinding, Article, Image, Issue, Section, Status
from desktop_app.core.proof import Checker, RulesError, Where, load_rules, word_lists_for
from desktop_app.core.proof.plain import syllables
from desktop_app.core.proof.spelling import (
    WordLists,
    add_team_word,
    load_team_words,
    shared_speller,
    team_words_path,
)
from desktop_app.core.proof.text import prose
from desktop_app.core.storage import load_issue, save_issue
from desktop_app.core.theme import contrast_ratio as theme_contrast_ratio
from desktop_app.resources import demo_dir
from desktop_app.templates import house_style_file, theme_names

FIXTURES = Path(__file__).parent / "fixtures" / "proof"


def rows(name: str) -> list[list[str]]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [ln.split() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@pytest.fixture(scope="module")
def speller():
    return shared_speller()


@pytest.fixture(scope="module")
def checker(speller) -> Checker:
    return Checker(speller=speller)


def issue_of(*bodies: str, **article_fields) -> Issue:
    articles = [Article(id=f"a{n}", title=f"Article {n}", body=body, status=Status.READY,
                        **article_fields) for n, body in enumerate(bodies, 1)]
    return Issue(sections=[Section(id="news", title="News", articles=articles)])


# ---- the dictionary ----------------------------------------------------------------------------


def test_every_common_misspelling_is_flagged(speller) -> None:
    pairs = rows("misspellings.txt")
    assert len(pairs) >= 150
    missed = [wrong for wrong, _ in pairs if speller.check(wrong)]
    assert missed == []
    assert all(speller.check(right) for _, right in pairs)


def test_suggestions_find_the_word_meant(speller) -> None:
    """Hunspell's top five hold the intended word for nearly all of them (every third pair, to
    keep the test quick: a suggestion takes about 0.2 s)."""
    sample = rows("misspellings.txt")[::3]
    top5 = sum(right in speller.suggest(wrong, 5) for wrong, right in sample)
    top1 = sum(speller.suggest(wrong, 1)[:1] == [right] for wrong, right in sample)
    assert top5 / len(sample) >= 0.95
    assert top1 / len(sample) >= 0.75


def test_correct_british_words_all_pass(speller) -> None:
    words = [w[0] for w in rows("british-words.txt")]
    assert len(words) >= 170
    rejected = [w for w in words for part in w.split("-") if not speller.check(part)]
    assert rejected == []


def test_curly_apostrophes_read_as_straight(speller) -> None:
    assert speller.check("council\u2019s") and speller.check("council's")
    assert speller.suggest("recieve\u2019s", 3)


# ---- word lists ------------------------------------------------------------------------------


def test_names_and_capitals_are_never_flagged(checker: Checker, demo_copy: Path) -> None:
    loaded = load_issue(demo_copy)
    article = loaded.issue.placed_articles()[0]
    article.body = ("Zubair Haqqanifield spoke to the OCPB and to Hannah Lowther of "
                    "hannah.lowther@example.org about Okonjoville.")
    found = {f.text for f in checker.check(loaded.issue, demo_copy).findings
             if f.rule == "spelling" and f.where.article_id == article.id}
    assert found == {"Zubair", "Haqqanifield", "Okonjoville"}


def test_every_address_the_exports_link_is_left_alone(checker: Checker) -> None:
    issue = issue_of("Write to safelivs.nhs, see kestrelsoc.scot or example.io/pagge today.")
    found = {f.text for f in checker.check(issue, None).findings if f.rule == "spelling"}
    assert not found & {"safelivs", "nhs", "kestrelsoc", "scot", "io", "pagge"}, found


def test_team_word_list_lives_beside_the_contact_directory(tmp_path: Path, checker) -> None:
    folder = tmp_path / "autumn-2026"
    folder.mkdir()
    issue = issue_of("The Okonjoville pilot began.")
    assert [f.text for f in checker.check(issue, folder).findings] == ["Okonjoville"]
    path = team_words_path(folder)
    assert path == tmp_path / "team-dictionary.txt"
    add_team_word(path, "Okonjoville")
    assert load_team_words(path) == {"Okonjoville"}
    assert checker.check(issue, folder).findings == []
    # another issue in the same team folder shares the list
    other = tmp_path / "winter-2026"
    other.mkdir()
    assert checker.check(issue_of("Okonjoville again."), other).findings == []


def test_ignored_words_are_stored_in_the_issue(tmp_path: Path, checker) -> None:
    issue = issue_of("The vape shops in Brackenmoor were visited.")
    assert {f.text for f in checker.check(issue).findings} == {"vape", "Brackenmoor"}
    issue.proofing.ignored_words += ["vape", "Brackenmoor"]
    save_issue(issue, tmp_path / "i")
    assert "ignored_words:" in (tmp_path / "i" / "issue.yaml").read_text(encoding="utf-8")
    loaded = load_issue(tmp_path / "i")
    assert loaded.warnings == []
    assert checker.check(loaded.issue).findings == []


def test_new_word_lists_are_never_answered_from_an_older_ones_results(checker) -> None:
    issue = issue_of("The Okonjoville pilot began.")
    for _ in range(20):  # a freed list's memory is reused at once: the results must not be
        assert [f.text for f in checker.check(issue, words=WordLists()).findings] == \
            ["Okonjoville"]
        assert checker.check(issue, words=WordLists(team={"Okonjoville"})).findings == []


def test_a_lower_case_list_word_matches_capitalised_but_not_the_reverse() -> None:
    words = WordLists(team={"vape", "Okonjo"})
    assert words.accepts("vape") and words.accepts("Vape") and words.accepts("VAPE")
    assert words.accepts("Okonjo") and words.accepts("Okonjo\u2019s")
    assert not words.accepts("okonjo")


def test_notes_are_proofread_and_fixable(checker: Checker) -> None:
    from desktop_app.core.find import get_value as get_text
    from desktop_app.core.find import set_value as set_text

    issue = issue_of("Text.[^1]")
    issue.placed_articles()[0].notes = ["See the recieve guidance, e.g. the annex."]
    found = {f.rule: f for f in checker.check(issue).findings}
    assert set(found) == {"spelling", "eg-ie"}
    assert found["spelling"].where == Where("notes", "a1", "news", 0)
    fix = found["eg-ie"]
    text = get_text(issue, fix.where)
    set_text(issue, fix.where, text[:fix.start] + fix.fix.replacement + text[fix.end:])
    assert issue.placed_articles()[0].notes == ["See the recieve guidance, for example the annex."]


def test_accepted_findings_are_not_listed_but_counted(checker: Checker) -> None:
    issue = issue_of("The training program starts. Book now!")
    assert {f.rule for f in checker.check(issue).findings} == {"program", "exclamation"}
    issue.proofing.accepted.append(AcceptedFinding("exclamation", "a1", "!", "House event"))
    report = checker.check(issue)
    assert [f.rule for f in report.findings] == ["program"] and report.accepted == 1


# ---- issue-wide rules ------------------------------------------------------------------------


def test_acronym_spelled_out_in_an_earlier_article_counts(checker: Checker) -> None:
    issue = issue_of("The National Crime Agency (NCA) leads.", "The NCA will report.")
    assert [f for f in checker.check(issue).findings if f.rule == "acronyms"] == []
    issue = issue_of("The NCA will report.", "The National Crime Agency (NCA) leads.")
    found = [f for f in checker.check(issue).findings if f.rule == "acronyms"]
    assert [(f.where.article_id, f.text) for f in found] == [("a1", "NCA")]


def test_term_casing_is_judged_across_the_issue(checker: Checker) -> None:
    rules = load_rules(house_style_file())
    majority = replace(rules, rules=tuple(
        replace(r, params={**r.params, "prefer": "majority"}) if r.id == "term-case" else r
        for r in rules.rules))
    issue = issue_of("Organised Crime Groups were found.", "We met Organised Crime Groups.",
                     "Most organised crime groups are local.")
    found = Checker(majority, speller=False).check(issue).findings
    assert [(f.where.article_id, f.text, f.fix.replacement) for f in found
            if f.rule == "term-case"] == [("a3", "organised crime groups",
                                           "Organised Crime Groups")]


def test_the_same_link_words_to_two_addresses(checker: Checker) -> None:
    issue = issue_of("Read [the guidance](https://www.example.org/a).",
                     "Read [the guidance](https://www.example.org/b) too.",
                     "Read [the guidance](https://example.org/a/) again.")
    found = [f for f in checker.check(issue).findings if f.rule == "link-repeated"]
    assert [(f.where.article_id, f.text) for f in found] == [
        ("a1", "the guidance"), ("a2", "the guidance"), ("a3", "the guidance")]


def test_pictures_alt_text_and_the_decorative_tick(checker: Checker) -> None:
    issue = issue_of("Text.", images=[Image(path="images/a.png", alt=""),
                                      Image(path="images/b.png", alt="", decorative=True)])
    found = [(f.rule, f.where.index) for f in checker.check(issue).findings
             if f.rule.startswith("alt")]
    assert found == [("alt-missing", 0)]


def test_text_in_a_picture_is_asked_for_in_the_body(checker: Checker) -> None:
    poster = Image(path="images/poster.png", alt="Poster: roadshow at Millbrook Library, "
                   "Tuesday 3 March, free parking, booking required")
    found = [f for f in checker.check(issue_of("Our roadshow is coming.", images=[poster]))
             .findings if f.rule == "text-in-picture"]
    assert len(found) == 1 and "repeat" in found[0].message
    said = "The roadshow is at Millbrook Library on Tuesday 3 March, with free parking; " \
           "booking is required."
    assert [f for f in checker.check(issue_of(said, images=[poster])).findings
            if f.rule == "text-in-picture"] == []


def test_theme_contrast(checker: Checker, monkeypatch) -> None:
    assert theme_contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert [f for f in checker.check(issue_of("Text.")).findings if f.rule == "contrast"] == []
    from desktop_app.core import theme as theme_module

    faint = replace(theme_module.load_theme(), colours={**theme_module.Theme().colours,
                                                        "muted": "#AAAAAA"})
    monkeypatch.setattr(theme_module, "load_theme", lambda *a, **k: faint)
    fresh = Checker(speller=False)  # a checker keeps each theme's contrast once worked out
    found = [f for f in fresh.check(issue_of("Text.")).findings if f.rule == "contrast"]
    assert len(found) == 1 and "#AAAAAA" in found[0].message
    assert found[0].where == Where("theme") and found[0].severity == "error"


# ---- plain English ---------------------------------------------------------------------------


def test_syllable_counts() -> None:
    counted = rows("syllables.txt")
    wrong = [w for w, n in counted if syllables(w) != int(n)]
    assert len(wrong) <= len(counted) // 10, wrong


def test_reading_age_orders_known_texts(checker: Checker) -> None:
    """A children's-book sentence, the demo's plainest article, a dense legal paragraph."""
    simple = "The dog ran to the park. It saw a cat. The cat ran up a tree. " * 10
    dense = ("Notwithstanding the aforementioned organisational considerations, multi-agency "
             "partnership arrangements necessitate comprehensive consideration of information-"
             "sharing responsibilities, proportionality and accountability mechanisms. ") * 8
    ages = {}
    for name, body in (("simple", simple), ("dense", dense)):
        report = checker.check(issue_of(body))
        ages[name] = report.articles[0].reading_age
    demo = load_issue(demo_dir())
    demo_ages = [a.reading_age for a in checker.check(demo.issue).articles if a.words > 80]
    assert ages["simple"] < 8
    assert ages["dense"] > 21
    assert all(ages["simple"] < age < ages["dense"] for age in demo_ages)


def test_an_article_far_above_the_median_is_named(checker: Checker) -> None:
    plain = "Officers met the council. They agreed a plan. The plan starts in May. " * 12
    dense = ("Notwithstanding organisational considerations, multi-agency arrangements "
             "necessitate comprehensive consideration of accountability mechanisms. ") * 12
    report = checker.check(issue_of(plain, plain, plain, dense))
    found = [f for f in report.findings if f.rule == "reading-age"]
    assert [f.where.article_id for f in found] == ["a4"]
    assert "median" in found[0].message


def test_passive_sentences_are_counted_not_flagged(checker: Checker) -> None:
    report = checker.check(issue_of("The cash was seized by officers. The car was found. "
                                    "Officers arrested him."))
    assert report.articles[0].passive == 2
    assert [f for f in report.findings if f.rule == "passive"] == []


# ---- the masked text keeps every offset ------------------------------------------------------


def test_markup_is_masked_without_moving_offsets() -> None:
    source = "### Heading\n\n**Bold** and [link words](https://www.example.org/x) end.\n- item"
    p = prose(source)
    assert len(p.masked) == len(source)
    assert [b.kind for b in p.blocks] == ["heading", "paragraph", "item"]
    assert p.masked[p.blocks[0].start:p.blocks[0].end] == "Heading"
    assert p.links[0].text == "link words"
    assert source[p.links[0].start:p.links[0].end] == "link words"
    assert "example" not in p.masked and "Bold" in p.masked and "**" not in p.masked


# ---- the rules file --------------------------------------------------------------------------


def test_house_style_file_is_not_a_theme() -> None:
    assert "house-style" not in theme_names() and "default" in theme_names()


def test_bundled_rules_explain_themselves() -> None:
    rules = load_rules(house_style_file())
    assert len(rules.rules) >= 25
    for rule in rules.rules:
        assert rule.explanation and rule.example and rule.fix, rule.id


@pytest.mark.parametrize(("text", "message"), [
    ("rules: [{id: a, check: nope}]", "unknown check 'nope'"),
    ("rules: [{check: spelling}]", "has no id"),
    ("rules: [{id: a, check: spelling}, {id: a, check: dates}]", "used twice"),
    ("rules: [{id: a, check: sentence-length, max_words: many}]", "should be a int"),
    ("rules: [{id: a, check: dates, colour: red}]", "not a setting"),
    ("rules: [{id: a, check: dates, skip: [everything]}]", "skip should list"),
    ("rules:\n  - id: a\n   check: x", ":3: not valid YAML"),
    ("just text", "expected 'rules:'"),
])
def test_a_broken_rules_file_is_one_clear_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


# ---- bulletin check --------------------------------------------------------------------------


def test_cli_check_exit_codes_and_json(cli, demo_copy: Path, tmp_path: Path) -> None:
    code, out, err = cli("check", demo_copy)
    assert code == 0, out
    assert "No findings" in out and "Reading age of the issue" in out
    loaded = load_issue(demo_copy)
    loaded.issue.placed_articles()[0].body += "\n\nBook your place now! We recieve 3 bids."
    save_issue(loaded.issue, demo_copy)
    code, out, err = cli("check", demo_copy)
    assert code == 1
    assert "\u2018recieve\u2019 is not in the British English dictionary [spelling]" in out
    assert "[exclamation]" in out and "2 findings" in out
    code, out, err = cli("check", demo_copy, "--json", "--suggest")
    data = json.loads(out)
    assert code == 1 and data["counts"] == {"exclamation": 1, "spelling": 1}
    spelled = next(f for f in data["findings"] if f["rule"] == "spelling")
    assert spelled["text"] == "recieve" and "receive" in spelled["suggestions"]
    assert spelled["where"] == {"field": "body", "article_id": loaded.issue.placed_articles()[0].id,
                                "section_id": "in-the-spotlight"}
    rules = tmp_path / "only-spelling.yaml"
    rules.write_text("rules: [{id: spelling, check: spelling}]", encoding="utf-8")
    code, out, _ = cli("check", demo_copy, "--rules", rules, "--json")
    assert code == 1 and json.loads(out)["counts"] == {"spelling": 1}


def test_cli_check_refuses_bad_input_in_one_line(cli, tmp_path: Path) -> None:
    code, out, err = cli("check", tmp_path / "missing")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules: [{id: a, check: nope}]", encoding="utf-8")
    code, out, err = cli("check", "--demo", "--rules", bad)
    assert code == 2 and "unknown check" in err and "Traceback" not in err


# ---- the demo --------------------------------------------------------------------------------


def test_demo_is_clean_and_every_accepted_finding_has_a_reason(checker: Checker) -> None:
    loaded = load_issue(demo_dir())
    report = checker.check(loaded.issue, loaded.folder,
                           word_lists_for(loaded.issue, None))
    assert [str(f) for f in report.findings] == []
    for kept in loaded.issue.proofing.accepted:
        assert len(kept.reason.split()) >= 4, kept
    # every acceptance still matches something: none is left over from text since rewritten
    assert report.accepted >= len(loaded.issue.proofing.accepted)
