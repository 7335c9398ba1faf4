"""The proofing rules: read from ``templates/house-style.yaml`` (or a file the team names)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from desktop_app.templates import house_style_file

from ..errors import BulletinError
from ..yamlsafe import safe_load
from .spelling import read_small_text

ERROR, WARNING, ADVICE = "error", "warning", "advice"
SEVERITIES = (ERROR, WARNING, ADVICE)
MAX_RULES_BYTES = 1024 * 1024

# Every kind of check a rule can name, and the parameters each takes (name -> type).
CHECKS: dict[str, dict[str, type]] = {
    "spelling": {},
    "word-list": {"words": dict},
    "ize": {"exceptions": list},
    "program": {"computing": list},
    "license-noun": {},
    "link-text": {"phrases": list},
    "dates": {},
    "numbers": {"style": str, "expressions": list},
    "terms": {"terms": list, "prefer": str},
    "pattern": {"pattern": str, "replacement": str, "message": str},
    "capitals": {"min_words": int},
    "acronyms": {"known": list},
    "sentence-length": {"max_words": int},
    "paragraph-length": {"max_sentences": int},
    "passive": {},
    "reading-age": {"above_median": int, "min_words": int},
    "alt-missing": {},
    "alt-short": {"min_chars": int, "min_words": int},
    "alt-filename": {},
    "alt-image-of": {"phrases": list},
    "link-repeated": {},
    "heading-emphasis": {"max_words": int},
    "contrast": {},
    "fake-table": {},
    "fake-list": {},
    "text-in-picture": {"words": list},
}
FIELD_KINDS = frozenset({"title", "standfirst", "body", "heading", "quote", "attribution", "alt",
                         "caption", "callout", "note", "welcome", "intro"})
RULE_KEYS = frozenset({"id", "check", "explanation", "example", "fix", "severity", "enabled",
                       "skip"})


class RulesError(BulletinError):
    """A rules file that cannot be used: names the file and the rule."""


@dataclass(frozen=True)
class Rule:
    """One rule: what it checks, how it explains itself, and its settings."""

    id: str
    check: str
    explanation: str = ""
    example: str = ""
    fix: str = ""
    severity: str = WARNING
    skip: frozenset[str] = frozenset()
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    # What a check builds once from the params (a compiled pattern, a lookup table).
    compiled: dict[str, Any] = field(default_factory=dict, hash=False, compare=False,
                                     repr=False)

    def once(self, name: str, build):
        """``build()``, made the first time a check asks for ``name`` and kept."""
        if name not in self.compiled:
            self.compiled[name] = build()
        return self.compiled[name]

    def param(self, name: str, default: Any = None) -> Any:
        return self.params.get(name, default)


@dataclass(frozen=True)
class RuleSet:
    """The rules in force, in file order, and where they came from."""

    rules: tuple[Rule, ...]
    source: Path | None = None

    def by_check(self, check: str) -> list[Rule]:
        return [r for r in self.rules if r.check == check]



_default: RuleSet | None = None


def default_rules() -> RuleSet:
    """The bundled rules, read once."""
    global _default
    if _default is None:
        _default = load_rules(house_style_file())
    return _default


def load_rules(path: Path | str) -> RuleSet:
    """Read and check a rules file; RulesError with the file (and line or rule) if it is wrong."""
    path = Path(path)
    text = read_small_text(path, MAX_RULES_BYTES, "a rules file", RulesError)
    if text is None:
        raise RulesError(f"{path}: no such rules file")
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise RulesError(f"{where}: not valid YAML") from None
    return parse_rules(data, path)


def parse_rules(data: Any, path: Path | None = None) -> RuleSet:
    """Rules from already-read YAML data."""
    name = str(path) if path else "rules"
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RulesError(f"{name}: expected 'rules:' followed by a list of rules")
    rules: list[Rule] = []
    seen: set[str] = set()
    for n, item in enumerate(data["rules"], 1):
        if not isinstance(item, dict):
            raise RulesError(f"{name}: rule {n} should be a mapping (id:, check:, …)")
        rule_id = str(item.get("id") or "").strip()
        where = f"{name}: rule '{rule_id or n}'"
        if not rule_id:
            raise RulesError(f"{where}: has no id")
        if rule_id in seen:
            raise RulesError(f"{where}: the id is used twice")
        seen.add(rule_id)
        check = item.get("check")
        if check not in CHECKS:
            raise RulesError(f"{where}: unknown check '{check}' (known: "
                             f"{', '.join(sorted(CHECKS))})")
        severity = item.get("severity", WARNING)
        if severity not in SEVERITIES:
            raise RulesError(f"{where}: severity should be error, warning or advice")
        skip = item.get("skip") or []
        if not isinstance(skip, list) or not set(map(str, skip)) <= FIELD_KINDS:
            raise RulesError(f"{where}: skip should list kinds of text from "
                             f"{', '.join(sorted(FIELD_KINDS))}")
        params = {k: v for k, v in item.items() if k not in RULE_KEYS}
        for key, value in params.items():
            wanted = CHECKS[check].get(key)
            if wanted is None:
                raise RulesError(f"{where}: '{key}' is not a setting of the {check} check")
            if not isinstance(value, wanted) or isinstance(value, bool):
                raise RulesError(f"{where}: '{key}' should be a {wanted.__name__}")
        if item.get("enabled", True) is False:
            continue
        rules.append(Rule(
            id=rule_id, check=check,
            explanation=" ".join(str(item.get("explanation") or "").split()),
            example=str(item.get("example") or ""), fix=str(item.get("fix") or ""),
            severity=severity, skip=frozenset(map(str, skip)), params=params,
        ))
    return RuleSet(tuple(rules), path)
