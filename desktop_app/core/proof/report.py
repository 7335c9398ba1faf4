"""The checker's report as lines of text for ``bulletin check``: grouped by article."""

from __future__ import annotations

from .findings import Finding, Report


def _owner(finding: Finding) -> str:
    where = finding.where
    if where.article_id:
        return f"'{finding.article_title}'  [{where.article_id}]"
    if where.field == "theme":
        return "The theme"
    if where.section_id:
        return f"Section '{where.section_id}'"
    return "The issue"


def format_report(report: Report) -> list[str]:
    """Findings under their article, each with field, line, words, message and rule; then the
    reading ages and a count."""
    lines: list[str] = []
    owner = None
    for finding in report.findings:
        heading = _owner(finding)
        if heading != owner:
            if owner is not None:
                lines.append("")
            lines.append(heading)
            owner = heading
        where = finding.where.label() if finding.where.field != "theme" else "colours"
        if finding.line > 1:
            where += f" line {finding.line}"
        words = finding.shown_text()
        if len(words) > 60:
            words = words[:59] + "\u2026"
        quoted = f" \u2018{words}\u2019" if words else ""
        line = f"  {where}:{quoted} {finding.message} [{finding.rule}]"
        if finding.fix is not None:
            line += f" (quick fix: {finding.fix.label.lower()})"
        if finding.suggestions:
            line += f" (suggestions: {', '.join(finding.suggestions)})"
        lines.append(line)
    if lines:
        lines.append("")
    age = report.issue.reading_age
    if age is not None:
        median = report.median_reading_age
        lines.append(f"Reading age of the issue: {age:.0f}" + (
            f" (median article {median:.0f})" if median is not None else "") +
            f"; {report.issue.passive} sentences in the passive voice")
    total = len(report.findings)
    fixes = sum(f.fix is not None for f in report.findings)
    summary = f"{total} finding{'s' if total != 1 else ''}" if total else "No findings"
    if fixes:
        summary += f" ({fixes} with a quick fix)"
    if report.accepted:
        summary += f"; {report.accepted} accepted in the issue"
    lines.append(summary)
    return lines
