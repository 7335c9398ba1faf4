"""Issues and a browser for testing the web edition, the email and the govspeak file.

``every_element_issue`` adds to the demo an article with each element in each form the layout
makes (and drops the Welcome section, so the layout's own Welcome appears); ``hostile_issue``
fills an article with text that would run as code if any writer forgot to escape it.
The browser is Debian's Chromium driven by Playwright: never a downloaded browser.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

from desktop_app.core.layout import exported_sections
from desktop_app.core.model import (
    Article,
    Contact,
    Image,
    Issue,
    PullQuote,
    Section,
    SidebarCallout,
    StatisticCallout,
)
from desktop_app.core.storage import load_issue

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"  # Debian's package (make test-deps)
# Root (the test machine) needs --no-sandbox; the rest keep Chromium from calling home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--disable-default-apps", "--disable-extensions"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

EVERYTHING_BODY = """\
A first paragraph with **bold**, *italic*, ***both*** and a [web link](https://www.example.org/a?b=1&c=2)
and a [mail link](mailto:someone@example.org), then a line break{BREAK}after two spaces.

### A sub-heading

1. first numbered
2. second numbered
   - nested bullet
     - deeper still
3. third numbered

#### A smaller sub-heading

- plain bullet
- bullet with a [link](https://www.example.org/list)

5. a list that starts at five
6. and goes on

The last paragraph: a long web address https://www.example.org/a/very/long/path/that/should/wrap/on/a/narrow/phone/screen/without/scrolling/sideways/at/all
""".replace("{BREAK}", "  \n")  # two spaces and a newline: a line break

HOSTILE = '<script>alert("x")</script>'
HOSTILE_ATTR = '"><img src=x onerror=alert(1)>'
HOSTILE_BODY = f"""\
Plain {HOSTILE} in a paragraph, and {HOSTILE_ATTR} too.

A [javascript link](javascript:alert(1)) and a [data link](data:text/html,<b>x</b>) and
<a href="javascript:alert(2)">raw html link</a>.

$C
Not a contact block: a govspeak marker typed by a contributor.
$C

^Not a callout^ and {{:/comment}} and # not a heading
"""


def every_element_issue(demo_copy: Path) -> tuple[Issue, Path]:
    """The demo with one more section whose article has every element, and no Welcome
    section (the layout then makes its own)."""
    loaded = load_issue(demo_copy)
    issue = loaded.issue
    images = demo_copy / "images"
    shutil.copy(images / "county-lines-workshop.png", images / "divider.png")
    article = Article(
        id="everything-at-once", title="Everything at once", standfirst="A standfirst.",
        body=EVERYTHING_BODY,
        pull_quotes=[PullQuote("A quote with its speaker.", "A Speaker, Somewhere"),
                     PullQuote("A quote nobody signed.", "")],
        contacts=[Contact(name="Full Contact", role="Role", organisation="Org",
                          email="full.contact@example.org", phone="+44 20 7946 0000"),
                  Contact(name="Only A Name"),
                  Contact(email="only.email@example.org")],
        images=[Image("images/asset-recovery-chart.png", "A bar chart rising year on year.",
                      "A caption."),
                Image("images/divider.png", "", "", decorative=True),
                Image("images/missing.png", "A picture that is not there.", "Lost."),
                Image("images/regional-roadshows-map.png", "A map with no caption.", "")],
        callouts=[StatisticCallout("42%", "of something measured"),
                  StatisticCallout("7", ""),
                  SidebarCallout("A sidebar", ["one point", "another point"]),
                  SidebarCallout("", ["a sidebar with no title"])],
    )
    issue.sections = [s for s in issue.sections if s.id != "welcome"]
    issue.sections.append(Section(id="annex", title="Annex",
                                  intro="A section introduction with a [link](https://www.example.org).",
                                  articles=[article]))
    return issue, demo_copy


def hostile_issue(demo_copy: Path) -> tuple[Issue, Path]:
    """The demo with an article whose every field tries to become markup or code."""
    loaded = load_issue(demo_copy)
    issue = loaded.issue
    article = Article(
        id="hostile", title=f"Title {HOSTILE}", standfirst=f"Standfirst {HOSTILE_ATTR}",
        body=HOSTILE_BODY,
        pull_quotes=[PullQuote(f"</blockquote>{HOSTILE}", f"{HOSTILE_ATTR}")],
        contacts=[Contact(name=HOSTILE, role=HOSTILE_ATTR, organisation="$C",
                          email=f'{HOSTILE_ATTR}@example.org', phone="javascript:alert(1)"),
                  Contact(name="Scheme trick", email="javascript:alert(1)")],
        images=[Image("images/asset-recovery-chart.png", f'alt {HOSTILE_ATTR}',
                      f"caption {HOSTILE}")],
        callouts=[StatisticCallout(HOSTILE, HOSTILE_ATTR),
                  SidebarCallout(HOSTILE, [HOSTILE_ATTR, "{:/comment}"])],
    )
    issue.sections.append(Section(id="hostile-section", title=f"Section {HOSTILE}",
                                  articles=[article]))
    issue.title = f"Bulletin {HOSTILE}"
    return issue, demo_copy


def expected_headings(issue: Issue) -> list[tuple[str, str]]:
    """The headings a page of this issue should have: h1, then h2 per section with an h3 per
    article (Welcome first when the issue has welcome text but no Welcome section)."""
    out = [("h1", issue.title)]
    sections = exported_sections(issue)
    if not any(s.id == "welcome" for s in sections) and (issue.welcome.strip()
                                                         or issue.team_contacts):
        out.append(("h2", "Welcome"))
    for section in sections:
        out.append(("h2", section.title))
        out.extend(("h3", a.title) for a in section.articles)
    return out


def words(text: str) -> list[str]:
    """The words of a text, for comparing wrapped and unwrapped copies of it."""
    return re.findall(r"[\w\u00a3%£'’.-]+", text)


# ---- the browser ----------------------------------------------------------------------------


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """Debian's Chromium under Playwright."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make test-deps` (as root)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Visit:
    """A page opened in its own browser context, with every request it makes recorded and any
    request that would leave the machine refused."""

    def __init__(self, browser, url: str, width: int = 1280, height: int = 900,
                 bypass_csp: bool = False, media: str = "screen", scale: float = 1) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height},
                                           device_scale_factor=scale, bypass_csp=bypass_csp)
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context.route(re.compile(r"^(?!file:)"), lambda route: route.abort())
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.emulate_media(media=media)
        self.page.goto(url)
        self.page.wait_for_load_state("load")

    def close(self) -> None:
        self.context.close()

    def headings(self) -> list[tuple[str, str]]:
        return [tuple(x) for x in self.page.evaluate(
            "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]"
            ".map(h => [h.tagName.toLowerCase(), h.textContent.trim()])")]

    def axe(self, tags: list[str] = WCAG_TAGS) -> list[dict]:
        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(self.page, options={"runOnly": {"type": "tag", "values": tags},
                                                "resultTypes": ["violations"]})
        return results.response["violations"]

    def scroll_width(self) -> int:
        return self.page.evaluate("document.documentElement.scrollWidth")


def describe(violations: list[dict]) -> str:
    """Axe's violations, one line each, for an assertion message."""
    return "\n".join(f"{v['id']} ({v['impact']}): {len(v['nodes'])} x, e.g. "
                     f"{v['nodes'][0]['html'][:160]}" for v in violations)
