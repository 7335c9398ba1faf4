"""Quick fixes as text changes: each field's new text with the safe fixes of some findings made."""

from __future__ import annotations

from collections.abc import Iterable

from ..find import Change, get_value, splice
from ..model import Issue
from .fields import Where
from .findings import Finding


def plan_fixes(issue: Issue, findings: Iterable[Finding]) -> list[Change]:
    """The change to each field the findings' fixes rewrite, each field once. A finding whose
    words are no longer where it said (the text changed since the check), or that overlaps
    another fix, is left out; so is a field that is gone."""
    by_field: dict[Where, list[Finding]] = {}
    for finding in findings:
        if finding.fix is not None:
            by_field.setdefault(finding.where, []).append(finding)
    changes: list[Change] = []
    for where, found in by_field.items():
        try:
            text = get_value(issue, where)
        except (KeyError, IndexError, AttributeError):
            continue
        new = splice(text, [(f.start, f.end, f.text, f.fix.replacement) for f in found
                            if f.fix is not None])
        if new != text:
            changes.append(Change(where, text, new))
    return changes
