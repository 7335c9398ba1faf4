"""Every proofing rule against a corpus of sentences: what it must flag, with the exact words
and quick fix, and what it must leave alone (false positives matter as much)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from desktop_app.core.find import get_value as get_text
from desktop_app.core.find import set_value as set_text
from desktop_app.core.model import Article, Contact, Image, Issue, PullQuote, Section, Status
from desktop_app.core.proof import Checker, Where
from desktop_app.core.proof.spelling import shared_speller

CORPUS = yaml.safe_load((Path(__file__).parent / "fixtures" / "proof" / "corpus.yaml")
                        .read_text(encoding="utf-8"))
WHERE = {
    "body": Where("body", "a", "news"),
    "title": Where("title", "a", "news"),
    "standfirst": Where("standfirst", "a", "news"),
    "quote": Where("pull_quotes", "a", "news", 0, "text"),
    "attribution": Where("pull_quotes", "a", "news", 0, "attribution"),
    "alt": Where("images", "a", "news", 0, "alt"),
    "caption": Where("images", "a", "news", 0, "caption"),
}


def one_article_issue(text: str, field: str = "body") -> Issue:
    """An issue with one placed article holding the text in the named field."""
    article = Article(
        id="a", title="Partners meet", standfirst="", body="", status=Status.READY,
        contacts=[Contact(name="Dr Miriam Okonjo-Castell", organisation="Wexmoor Fens Council",
                          email="miriam.okonjo-castell@example.org")],
        pull_quotes=[PullQuote("We meet every month.", "A partner")],
        images=[Image(path="images/photo.png", alt="Officers and council staff at a stand",
                      caption="")],
    )
    issue = Issue(sections=[Section(id="news", title="News", articles=[article])])
    set_text(issue, WHERE[field], text)
    return issue


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(speller=shared_speller())


def cases(kind: str):
    for rule, entry in CORPUS.items():
        for case in entry.get(kind, []):
            case = {"text": case} if isinstance(case, str) else case
            yield pytest.param(rule, case, id=f"{rule}: {case['text'][:40]}")


@pytest.mark.parametrize(("rule", "case"), list(cases("flag")))
def test_rule_flags(checker: Checker, rule: str, case: dict) -> None:
    field = case.get("field", "body")
    report = checker.check(one_article_issue(case["text"], field))
    mine = [f for f in report.findings if f.rule == rule]
    assert [f.text for f in mine] == [case["span"]], [str(f) for f in report.findings]
    found = mine[0]
    assert found.where == WHERE[field]
    assert case["text"][found.start:found.end] == case["span"]
    assert found.message and found.article_title == "Partners meet"
    if "fix" in case:
        if case["fix"] is None:
            assert found.fix is None
        else:
            assert found.fix is not None and found.fix.replacement == str(case["fix"])


@pytest.mark.parametrize(("rule", "case"), list(cases("pass")))
def test_rule_leaves_alone(checker: Checker, rule: str, case: dict) -> None:
    report = checker.check(one_article_issue(case["text"], case.get("field", "body")))
    assert [str(f) for f in report.findings if f.rule == rule] == []


@pytest.mark.parametrize(("rule", "case"), [
    p for p in cases("flag") if p.values[1].get("fix") is not None])
def test_quick_fix_leaves_nothing_to_flag(checker: Checker, rule: str, case: dict) -> None:
    """Applying a quick fix removes the finding and brings no new one: that is what safe means."""
    field = case.get("field", "body")
    issue = one_article_issue(case["text"], field)
    before = checker.check(issue).findings
    found = next(f for f in before if f.rule == rule)
    text = get_text(issue, found.where)
    set_text(issue, found.where, text[:found.start] + found.fix.replacement + text[found.end:])
    after = checker.check(issue).findings
    assert [f.rule for f in after if f.rule == rule] == []
    assert len(after) < len(before), [str(f) for f in after]


def test_every_rule_in_the_bundled_file_has_corpus_cases() -> None:
    from desktop_app.core.proof import default_rules

    untested = {"spelling", "passive", "reading-age", "alt-missing", "link-repeated", "contrast",
                "text-in-picture"}  # tested on their own below and in test_proof.py
    ids = {rule.id for rule in default_rules().rules}
    assert ids - untested <= set(CORPUS), sorted(ids - untested - set(CORPUS))
    for rule, entry in CORPUS.items():
        assert entry.get("flag") and entry.get("pass"), rule
