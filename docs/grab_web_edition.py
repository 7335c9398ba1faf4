"""Photograph the demo's web edition and email in Chromium for the README.

Run: ``.venv/bin/python docs/grab_web_edition.py``. Writes ``docs/web-edition-1280.png`` (the
top of the page on a desktop), ``docs/web-edition-375.png`` (an article on a phone) and
``docs/email-600.png`` (the email's HTML part as a mail program shows it). Uses Debian's
Chromium (``/usr/bin/chromium``); nothing is downloaded and the pages ask for nothing outside.
"""

from __future__ import annotations

import email
import sys
import tempfile
from email import policy
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from desktop_app.core.storage import load_issue  # noqa: E402
from desktop_app.core.web.export_email import email_bytes  # noqa: E402
from desktop_app.core.web.export_html import write_html  # noqa: E402
from desktop_app.resources import demo_dir  # noqa: E402
from tests.webcheck import Visit, chromium  # noqa: E402


def email_page(data: bytes, folder: Path) -> Path:
    """The email's HTML part with its cid: pictures saved beside it."""
    message = email.message_from_bytes(data, policy=policy.default)
    html = message.get_body(("html",)).get_content()
    for n, part in enumerate(p for p in message.walk() if p["Content-ID"]):
        name = f"part-{n}.{part.get_content_subtype()}"
        (folder / name).write_bytes(part.get_content())
        html = html.replace(f"cid:{part['Content-ID'].strip('<>')}", name)
    page = folder / "email.html"
    page.write_text(html, encoding="utf-8")
    return page


def main() -> int:
    demo = load_issue(demo_dir())
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        web = Path(tmp) / "web"
        write_html(demo.issue, demo.folder, web)
        url = (web / "index.html").as_uri()
        desktop = Visit(browser, url, width=1280, height=900)
        desktop.page.screenshot(path=str(HERE / "web-edition-1280.png"))
        desktop.close()
        phone = Visit(browser, url, width=375, height=812)
        quote = phone.page.locator("#article-local-profiles-review .pull-quote")
        quote.scroll_into_view_if_needed()
        phone.page.evaluate("window.scrollBy(0, 240)")
        phone.page.screenshot(path=str(HERE / "web-edition-375.png"))
        phone.close()
        data, _ = email_bytes(demo.issue, demo.folder, attach_pdf=False)
        mail = Visit(browser, email_page(data, Path(tmp)).as_uri(), width=640, height=1000)
        mail.page.screenshot(path=str(HERE / "email-600.png"))
        mail.close()
    for name in ("web-edition-1280.png", "web-edition-375.png", "email-600.png"):
        print(f"Wrote {HERE / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
