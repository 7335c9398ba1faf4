"""An edition's own facts, read the way an editor reads a past edition.

Its title and strapline, the edition number ("Welcome to the fifth edition", "Edition 5",
"Issue 5"), the season or date, the welcome letter and the regional team's contact list; and
its section headings matched to the bulletin's standard sections whatever their case,
apostrophes or ellipsis ("WHAT’S NEW", "Meet the..."), or nearly ("Partnerships" for
"Partnerships in Action"). Headings printed in capitals become title case, keeping acronyms:
the bulletin's own (SOC, NCA, GAIN...) and any word the edition itself writes in capitals in
ordinary sentences ("Op SLATE").
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..model import STANDARD_SECTIONS, ordinal_words
from .recognise import SECTION_KEYS, normalise_heading

ACRONYMS = frozenset("""
    SOC NCA GAIN ROCU ROCUS OCG OCGS HMRC HMICFRS NPCC PCC PCCS OPCC CPS DVLA DVSA GLAA EAS
    READ SCOC OSCT HMG POCA ARIS CSE CCE NRM MASH SIA UK EU NHS ACC DCC DCI DI DS DC PC PS
    PCSO OCA OCAS SOCPA ROCTA PEEL CSP CSPS ASB MARAC MAPPA IOM NCSC CEOP HMP BEIS DWP GCHQ
    CCTV SME SMES GP LGA NFU ISVA IDVA YOT VRU VRUS NCCU RART ARA FCA DBS HMPPS MOJ CJS
""".split())
SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to via with".split())
_ORDINALS = {ordinal_words(n): n for n in range(1, 200)}
_ORDINAL_EDITION = re.compile(
    r"\b(?P<word>[a-z]+(?:[- ][a-z]+)?|(?P<num>\d{1,3})(?:st|nd|rd|th))\s+(?:edition|issue)\b",
    re.IGNORECASE)
_NUMBERED_EDITION = re.compile(r"\b(?:edition|issue)\s*(?:no\.?|number|#)?\s*(?P<n>\d{1,3})\b",
                               re.IGNORECASE)
_SEASON = re.compile(r"\b((?:spring|summer|autumn|winter|january|february|march|april|may|june|"
                     r"july|august|september|october|november|december)\s+\d{4})\b",
                     re.IGNORECASE)
_TEAM_HEADING = re.compile(r"\b(?:team|regional|region|our|engagement)\b[^.!?]*\bcontact"
                           r"(?:s|\s+details|\s+list)?\s*:?\s*$", re.IGNORECASE)
_STOP = frozenset("a an and the of in on for to from at by with".split())


def edition_number(text: str) -> int | None:
    """The edition number a text gives: "the fifth edition", "5th edition", "Edition 5"."""
    for match in _ORDINAL_EDITION.finditer(text):
        if match.group("num"):
            return int(match.group("num"))
        word = re.sub(r"\s+", "-", match.group("word").casefold())
        for candidate in (word, word.split("-")[-1]):
            if candidate in _ORDINALS:
                return _ORDINALS[candidate]
    match = _NUMBERED_EDITION.search(text)
    return int(match.group("n")) if match else None


def season(text: str) -> str | None:
    """A season or month with its year ("Autumn 2026"), as printed in the edition line."""
    match = _SEASON.search(text)
    if not match:
        return None
    found = match.group(1)
    return found[0].upper() + found[1:].lower()


def is_team_heading(text: str) -> bool:
    """A line introducing the regional team's contacts ("READ Team contact details:")."""
    text = " ".join(text.split())
    return len(text.split()) <= 16 and bool(_TEAM_HEADING.search(text))


# ---- headings --------------------------------------------------------------------------------


def acronyms_in(texts: list[str]) -> set[str]:
    """Words written in capitals inside ordinary sentences: the edition's own acronyms."""
    found: set[str] = set()
    for text in texts:
        if sum(c.islower() for c in text) < 10:
            continue  # a heading in capitals says nothing about which words are acronyms
        found.update(w for w in re.findall(r"\b[A-Z][A-Z0-9]{1,9}\b", text))
    return found


def title_case(text: str, acronyms: set[str] | frozenset[str] = ACRONYMS) -> str:
    """A heading printed in capitals, in title case with its acronyms kept; a heading that
    already has small letters is left as written."""
    if any(c.islower() for c in text):
        return text
    words = re.split(r"(\s+)", text.strip())
    out: list[str] = []
    first = True
    for word in words:
        if not word.strip():
            out.append(word)
            continue
        out.append(_title_word(word, acronyms, first))
        first = False
    return "".join(out)


def _title_word(word: str, acronyms: set[str] | frozenset[str], first: bool) -> str:
    core = re.sub(r"^[^\w]+|[^\w]+$", "", word)
    bare = re.sub(r"[\u2019'](?:S)$", "", core)  # GAIN'S -> GAIN
    if bare and (bare in acronyms or bare in ACRONYMS):
        return word
    if not core:
        return word
    lowered = word.lower()
    if not first and core.lower() in SMALL_WORDS:
        return lowered
    index = next((i for i, c in enumerate(lowered) if c.isalpha() or c.isdigit()), None)
    if index is None:
        return word
    return lowered[:index] + lowered[index].upper() + lowered[index + 1:]


@dataclass(frozen=True)
class SectionMatch:
    """The section a heading names: a standard section (``sid``) or a section of its own."""

    sid: str | None
    title: str
    near: bool = False  # matched nearly, not exactly: the report says so


_STANDARD = dict(STANDARD_SECTIONS)
_KEYS = SECTION_KEYS


def match_section(heading: str, acronyms: set[str] | frozenset[str] = ACRONYMS) -> SectionMatch:
    """The section a heading names, matched as an editor would."""
    key = normalise_heading(heading)
    sid = _KEYS.get(key) or _near(key)
    if sid is None:
        return SectionMatch(None, title_case(" ".join(heading.split()), acronyms))
    title = _STANDARD[sid]
    if "\u2019" in heading:
        title = title.replace("'", "\u2019")  # the edition's own apostrophe
    return SectionMatch(sid, title, near=key not in _KEYS)


def _near(key: str) -> str | None:
    """A standard section that a heading nearly names: the words it has are the meaningful
    words of one section only ("partnerships" -> Partnerships in Action), or it differs by a
    letter or two ("partnership in action")."""
    words = [w for w in key.split() if w not in _STOP]
    if not words:
        return None
    subset = [sid for k, sid in _KEYS.items()
              if set(words) <= {w for w in k.split() if w not in _STOP}]
    if len(subset) == 1:
        return subset[0]
    close = difflib.get_close_matches(key, list(_KEYS), n=2, cutoff=0.85)
    if len(close) == 1:
        return _KEYS[close[0]]
    return None
