"""The web edition, the email and govspeak: the demo and the 100- and 200-article issues.

Each figure is a whole export written to disk in this process, the way ``bulletin export``
runs it. The email is timed with and without the PDF attached: the PDF is most of its cost and
has its own figures in ``bench_pdf``. "PDF attached" builds the PDF each time (the last build is
forgotten first); "after the PDF export" is the email of a run that also wrote the PDF, which
attaches the PDF that run built. Growth is the 200-article time over the 100-article one
(2.0 is linear).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.common import demo_issue, median_seconds, report, stress_issue
from desktop_app.core import export_pdf
from desktop_app.core.export_govspeak import write_govspeak
from desktop_app.core.web.export_email import write_email
from desktop_app.core.web.export_html import write_html


def _fresh_email(issue, folder, out: Path) -> None:
    """The email with its PDF built afresh, as when it is the only format exported."""
    export_pdf._last = None
    write_email(issue, folder, out)


def run() -> None:
    issue, folder = demo_issue()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        report("web edition of the demo (folder written)",
               median_seconds(lambda: write_html(issue, folder, out / "web"), 9),
               target="< 0.15 s")
        report("email of the demo, PDF attached (PDF built)",
               median_seconds(lambda: _fresh_email(issue, folder, out / "a.eml"), 7),
               target="< 0.15 s")
        export_pdf.write_pdf(issue, folder, out / "a.pdf")
        report("email of the demo after the PDF export (that PDF attached)",
               median_seconds(lambda: write_email(issue, folder, out / "a.eml"), 7),
               target="< 0.15 s")
        report("email of the demo, without the PDF",
               median_seconds(lambda: write_email(issue, folder, out / "b.eml",
                                                  attach_pdf=False), 9),
               target="< 0.15 s")
        report("govspeak of the demo",
               median_seconds(lambda: write_govspeak(issue, folder, out / "c.md"), 9))
        times: dict[tuple[str, int], float] = {}
        issues = {n: stress_issue(n) for n in (100, 200)}
        for n, big in issues.items():
            times[("web", n)] = median_seconds(lambda b=big: write_html(b, folder, out / "bw"),
                                               5)
            times[("email", n)] = median_seconds(
                lambda b=big: write_email(b, folder, out / "be.eml", attach_pdf=False), 5)
        for kind, what in (("web", "web edition"), ("email", "email (no PDF)")):
            report(f"{what} of a 100-article issue", times[(kind, 100)])
            report(f"{what} of a 200-article issue", times[(kind, 200)], target="< 1.5 s")
            report(f"growth: {what} time(200) / time(100)",
                   times[(kind, 200)] / times[(kind, 100)], unit="x", target="about 2x")
        report("email of a 200-article issue, PDF attached", median_seconds(
            lambda: _fresh_email(issues[200], folder, out / "bp.eml"), 3))
