"""Small helpers the importers share: headings compared loosely, and addresses behind links.

The recognisers themselves have their own modules: contact lines in :mod:`.contacts`,
quotations in :mod:`.quotes`, an edition's own facts in :mod:`.edition`.
"""

from __future__ import annotations

import re
import unicodedata

from ..markup import Run
from ..model import STANDARD_SECTIONS


def normalise_heading(text: str) -> str:
    """A heading reduced for comparison: case, apostrophes, ellipses and punctuation gone."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2026", " ").replace("...", " ")
    text = re.sub(r"['\u2018\u2019`]", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


SECTION_KEYS = {normalise_heading(title): sid for sid, title in STANDARD_SECTIONS}


def standard_section(heading: str) -> str | None:
    """The id of the standard section a heading names ("meet the..." -> "meet-the"), or None."""
    return SECTION_KEYS.get(normalise_heading(heading))


def mailto_addresses(runs: list[Run]) -> list[str]:
    """Addresses from mailto links in some runs."""
    found: list[str] = []
    for run in runs:
        if run.href and run.href.lower().startswith("mailto:"):
            address = run.href[7:].split("?", 1)[0]
            if address and address not in found:
                found.append(address)
    return found


__all__ = ["normalise_heading", "standard_section", "mailto_addresses", "SECTION_KEYS"]
