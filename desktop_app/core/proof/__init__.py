"""Proofing before an edition goes out: British spelling, house style, plain English and an
accessibility preflight, as one checker with three doors (``bulletin check``, the Problems
pane and the editor's underlines). Pure Python: no Qt here."""

from __future__ import annotations

from .checker import Checker, check_issue, word_lists_for
from .fields import Where, get_text, set_text
from .findings import Finding, Fix, Report
from .rules import RulesError, RuleSet, default_rules, load_rules
from .spelling import SpellingUnavailable, WordLists

__all__ = [
    "Checker", "Finding", "Fix", "Report", "RuleSet", "RulesError", "SpellingUnavailable",
    "Where", "WordLists", "check_issue", "default_rules", "get_text", "load_rules", "set_text",
    "word_lists_for",
]
