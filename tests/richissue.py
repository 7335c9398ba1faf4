"""An issue with every element the bulletin prints, written here for the PDF's tagging tests.

Every callout kind, bullet, numbered and nested lists, sub-headings at two levels, pictures
with and without captions, a decorative picture, a missing picture's placeholder, an article
long enough to run over three pages, links of every kind (web, mail, contents), text the house
font lacks (it falls back to DejaVu Sans) and words reportlab could set with ligatures.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop_app.core.model import (
    Article,
    Contact,
    Image,
    Issue,
    PullQuote,
    Section,
    SidebarCallout,
    StatisticCallout,
    Status,
)
from desktop_app.resources import demo_dir

SENTENCES = [
    "Officers from the regional unit met council staff to plan the next stage of the work.",
    "The affiliated offices shared figures on fly-tipping, fraud and financial exploitation.",
    "Residents told the panel which streets felt unsafe after dark and why that mattered.",
    "A final review looked at what had changed since the first meeting in the spring.",
    "Partners agreed to publish a short summary for every household in the district.",
]


def _paragraph(n: int, words: int = 70) -> str:
    text: list[str] = []
    i = n
    while sum(len(s.split()) for s in text) < words:
        text.append(SENTENCES[i % len(SENTENCES)])
        i += 1
    return " ".join(text)


def rich_issue(folder: Path) -> Issue:
    """The issue, with its pictures copied into ``folder/images``."""
    images = folder / "images"
    images.mkdir(parents=True, exist_ok=True)
    for picture in (demo_dir() / "images").iterdir():
        shutil.copy(picture, images / picture.name)

    lead = Article(
        id="every-element",
        title="Every element in one article",
        standfirst="A standfirst in italics, then all the parts of the house style.",
        status=Status.READY,
        body="\n\n".join([
            "The first paragraph has a [web link](https://example.org/one) and an "
            "[older link](http://example.org/two), then an email to "
            "[the partnerships mailbox](mailto:partnerships@example.org).",
            "### A sub-heading",
            "Characters the house face lacks: \u2713 done, \u2605 starred, \u2192 next, "
            "\u0416 and \u03a9, \U0001F600 smiling. Words with ligatures: office, fluffy, "
            "affiliation.",
            "The steps were:",
            "1. Agree the aims\n2. Share the data, as in the "
            "[data-sharing template for every partner in the region]"
            "(https://example.org/a/very/long/address/for/the/template)\n3. Review",
            "#### A deeper sub-heading",
            "Points to note:",
            "- Bullet one\n  - Nested under one\n  - Also nested\n- Bullet two with "
            "[a link](https://example.org/list)",
            _paragraph(1, 40),
        ]),
        pull_quotes=[PullQuote("Working together is what made the difference.",
                               "A. Partner, Head of Safety"),
                     PullQuote("A quotation without anyone named.", "")],
        contacts=[Contact("Sam Rivers", "Coordinator", "Northmoor Council",
                          "sam.rivers@example.org", "020 7946 0000"),
                  Contact("", "", "The Unit", "unit@example.org", "")],
        images=[Image("images/regional-roadshows-map.png", "A map of the seven areas",
                      "The seven partnership areas."),
                Image("images/asset-recovery-chart.png", "A bar chart of assets recovered", ""),
                Image("images/county-lines-workshop.png", "", "A decorative photograph.",
                      decorative=True),
                Image("images/not-here.png", "A picture that went missing", "Lost caption.")],
        callouts=[StatisticCallout("42%", "of partners shared data for the first time"),
                  SidebarCallout("At a glance", ["First point", "Second point",
                                                 "Third point with \u2713"])],
    )
    long = Article(
        id="long-article", title="A long article over three pages",
        standfirst="It runs on, column after column.", status=Status.READY,
        body="\n\n".join(_paragraph(n, 90) for n in range(32)),
        contacts=[Contact("Lee Long", "", "", "lee.long@example.org", "")],
    )
    short = Article(id="short", title="A short notice", status=Status.READY,
                    body="Just one paragraph, with [one link](https://example.org/short).")
    return Issue(
        edition=12, published="Winter 2027",
        welcome="Welcome to an issue that uses [everything](https://example.org/all).",
        team_contacts=[Contact("Ada Lane", "Editor", "Home Office", "ada.lane@example.org",
                               "020 7946 0999")],
        sections=[
            Section("welcome", "Welcome"),
            Section("in-the-spotlight", "In the Spotlight", intro="A section's own intro.",
                    articles=[lead, short]),
            Section("disruptions", "Disruptions", articles=[long]),
        ],
    )
