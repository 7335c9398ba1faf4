"""Proofing before an edition goes out: British spelling, house style, plain English and an
accessibility preflight, as one checker with three doors (``bulletin check``, the Problems
pane and the editor's underlines). Pure Python: no Qt here.

The names below are loaded on first use, so importing ``proof.spelling`` alone (the editor's
start-up loads the dictionary in a worker) does not pull in every rule module.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "Checker": "checker", "check_issue": "checker", "word_lists_for": "checker",
    "Where": "fields", "plan_fixes": "fixes",
    "Finding": "findings", "Fix": "findings", "Report": "findings",
    "RuleSet": "rules", "RulesError": "rules", "default_rules": "rules", "load_rules": "rules",
    "SpellingUnavailable": "spelling", "WordLists": "spelling",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(name)
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
