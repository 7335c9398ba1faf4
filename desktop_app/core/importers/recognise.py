"""Recognising the parts of an article that contributors write as ordinary sentences.

Contributors do not fill in contact blocks or pull quotes: they write "For more information
contact: Name – name@org" and "'…,' said DI Jones". These functions look at the plain text of
one paragraph (its structure has already been read by a real parser) and pick those out.
"""

from __future__ import annotations

import re
import unicodedata

from ..markup import Run
from ..model import STANDARD_SECTIONS, Contact

EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE = re.compile(r"(?<![\w])(?:\+44\s?\(?0?\)?\s?|0)\d(?:[\s-]?\d){8,10}(?![\w])")
_CONTACT_LEAD = re.compile(
    r"^\s*(?:for\s+(?:more|further)\s+(?:information|details)|further\s+information|"
    r"more\s+information|to\s+find\s+out\s+more|for\s+enquiries|enquiries|contact)\b",
    re.IGNORECASE,
)
_CONTACT_WORD = re.compile(
    r"^.*?\bcontact(?:\s+details)?\b\s*(?:(?:us|please)\s+)?(?::|-|\u2013|\u2014)?\s*"
    r"(?:(?:via|on|at)\s+)?",
    re.IGNORECASE | re.DOTALL,
)
_SPLIT_PEOPLE = re.compile(r"(\s*;\s*|\s+or\s+|\s+and\s+)", re.IGNORECASE)
_SPLIT_PARTS = re.compile(
    r"\s*(?:[,|()\u2013\u2014]|\s-\s|\b(?:on|at|via|email|e-mail|tel|telephone|phone|mobile)"
    r"\b:?)\s*", re.IGNORECASE)

OPEN_QUOTES = "\"\u201c\u201e\u00ab"
CLOSE_QUOTES = "\"\u201d\u00bb"
_Q_OPEN = f"[{OPEN_QUOTES}]"
_Q_CLOSE = f"[{CLOSE_QUOTES}]"
_Q_BODY = f"[^{OPEN_QUOTES}{CLOSE_QUOTES}]"
_VERBS = r"(?:said|says|added|adds|explained|explains|commented|comments|stated|states|" \
         r"told\s+us|remarked|noted)"
# "…," said DI Jones.   /   "…" said DI Jones, of Example Police.
_QUOTE_THEN_SPEAKER = re.compile(
    rf"^{_Q_OPEN}\s*(?P<q>{_Q_BODY}{{12,}}?)\s*{_Q_CLOSE}\s*[,.]?\s*{_VERBS}\s+(?P<who>.+)$",
    re.IGNORECASE | re.DOTALL)
# "…" – DI Jones
_QUOTE_DASH_SPEAKER = re.compile(
    rf"^{_Q_OPEN}\s*(?P<q>{_Q_BODY}{{12,}}?)\s*{_Q_CLOSE}\s*[.,]?\s*[-\u2013\u2014~]+\s*(?P<who>.+)$",
    re.DOTALL)
# DI Jones said: "…"
_SPEAKER_THEN_QUOTE = re.compile(
    rf"^(?P<who>[^{OPEN_QUOTES}{CLOSE_QUOTES}]{{3,160}}?)\s*,?\s+{_VERBS}\s*[:,]?\s*{_Q_OPEN}\s*"
    rf"(?P<q>{_Q_BODY}{{12,}}?)\s*(?:{_Q_CLOSE}\s*\.?|\.?\s*{_Q_CLOSE}?)\s*$",
    re.IGNORECASE | re.DOTALL)


def normalise_heading(text: str) -> str:
    """A heading reduced for comparison: case, apostrophes, ellipses and punctuation gone."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2026", " ").replace("...", " ")
    text = re.sub(r"['\u2018\u2019`]", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


_SECTION_KEYS = {normalise_heading(title): sid for sid, title in STANDARD_SECTIONS}


def standard_section(heading: str) -> str | None:
    """The id of the standard section a heading names ("meet the..." -> "meet-the"), or None."""
    return _SECTION_KEYS.get(normalise_heading(heading))


def collapse(text: str) -> str:
    return " ".join(text.split())


def is_contact_line(text: str) -> bool:
    """True for a line such as "For more information contact: …" (with or without details)."""
    text = collapse(text)
    return bool(_CONTACT_LEAD.match(text)) and "contact" in text.casefold() and len(text) < 400


def parse_contacts(text: str, link_emails: list[str] | None = None) -> list[Contact]:
    """The people named in a contact line; empty if it names no email or phone number.

    ``link_emails`` are addresses from mailto links on the line, for a line whose visible text
    is a name ("contact [Jane Smith](mailto:jane@example.org)").
    """
    rest = _CONTACT_WORD.sub("", collapse(text), count=1).strip(" .:")
    spare = [e for e in (link_emails or []) if e.casefold() not in rest.casefold()]
    if spare and not _has_detail(rest):
        # The addresses are behind the names: "contact [Jane Smith](mailto:jane@x)".
        bits = _SPLIT_PEOPLE.split(rest)[0::2]
        people = [p for p in bits if p.strip(" .,:")]
        if len(people) != len(spare):
            people = [rest]
    else:
        people = [p for p in _split_people(rest) if p.strip(" .,:")]
    contacts: list[Contact] = []
    for chunk in people:
        email_match = EMAIL.search(chunk)
        email = email_match.group(0) if email_match else ""
        if not email and spare and not PHONE.search(chunk):
            email = spare.pop(0)
        phone_match = PHONE.search(chunk)
        phone = collapse(phone_match.group(0)) if phone_match else ""
        words = chunk
        for found in (email_match, phone_match):
            if found:
                words = words.replace(found.group(0), " ")
        parts = [p.strip(" .:;") for p in _SPLIT_PARTS.split(words)]
        parts = [p for p in parts if p and not re.fullmatch(r"(?i)(?:the|a|an|and|or)", p)]
        if not (email or phone):
            continue
        name = re.sub(r"(?i)^the\s+", "", parts[0]) if parts else ""
        contact = Contact(name=name, email=email.rstrip("."), phone=phone)
        if len(parts) > 1:
            contact.role = parts[1]
        if len(parts) > 2:
            contact.organisation = ", ".join(parts[2:])
        if not contact.name and contact.email:
            contact.name = name_from_email(contact.email)
            contact.extra["name_guessed"] = True
        contacts.append(contact)
    return contacts


def _split_people(text: str) -> list[str]:
    """Split "A – a@x or B – b@y" into one chunk per person.

    Words with no email or phone of their own wait for the next detail ("Licensing and Trading
    Standards – x@y" stays one chunk); a bare detail after a chunk that lacks that kind joins it
    ("EAS via eas@x or 020 7215 5000").
    """
    bits = _SPLIT_PEOPLE.split(text)
    pieces, seps = bits[0::2], [""] + bits[1::2]
    merged: list[str] = []
    pending = ""
    for sep, piece in zip(seps, pieces, strict=True):
        if not piece.strip(" .,:"):
            continue
        if not _has_detail(piece):
            pending = f"{pending}{sep}{piece}" if pending else piece
            continue
        if merged and not pending and _only_detail(piece) and _fills_gap(merged[-1], piece):
            merged[-1] = f"{merged[-1]} {piece}"
            continue
        merged.append(f"{pending}{sep}{piece}" if pending else piece)
        pending = ""
    return merged


def _only_detail(text: str) -> bool:
    return not re.search(r"[A-Za-z]", PHONE.sub("", EMAIL.sub("", text)))


def _fills_gap(chunk: str, piece: str) -> bool:
    return (bool(EMAIL.search(piece)) and not EMAIL.search(chunk)) or (
        bool(PHONE.search(piece)) and not PHONE.search(chunk))


def _has_detail(text: str) -> bool:
    return bool(EMAIL.search(text) or PHONE.search(text))


def name_from_email(email: str) -> str:
    """A readable name from an address: "jason.prins@x" -> "Jason Prins"."""
    local = email.split("@", 1)[0]
    words = [w for w in re.split(r"[._-]+", local) if w]
    return " ".join(w.capitalize() for w in words) or email


def find_quote(text: str) -> tuple[str, str] | None:
    """The quotation and its speaker in a sentence of reported speech, or None."""
    text = collapse(text)
    if len(text) > 1200:
        return None
    for pattern in (_QUOTE_THEN_SPEAKER, _QUOTE_DASH_SPEAKER, _SPEAKER_THEN_QUOTE):
        match = pattern.match(text)
        if match:
            quote = match.group("q").strip().rstrip(",").strip()
            who = _speaker(match.group("who"))
            if who and quote:
                return quote, who
    return None


_ABBREVIATIONS = {
    "insp", "supt", "ch", "det", "sgt", "cllr", "dr", "mr", "mrs", "ms", "mx", "prof", "pc",
    "dc", "ds", "di", "dci", "dcs", "con", "rev", "lt", "col", "capt", "gen", "hon", "rt", "st",
    "jr", "sr", "no", "co", "ltd", "inc",
}


def _speaker(text: str) -> str:
    """The speaker part of "said DI Jones, of Example Police. More words." -> first sentence."""
    text = text.strip()
    for end in re.finditer(r"(\w+)\.(?:\s|$)", text):
        word = end.group(1)
        # "Insp. R. Cole" goes on past the full stops of titles and initials.
        if len(word) == 1 or word.casefold() in _ABBREVIATIONS:
            continue
        text = text[: end.end(1)]
        break
    text = text.strip(" .,:;\u2013\u2014-")
    if not text or len(text) > 160 or text[0] in OPEN_QUOTES:
        return ""
    return text


def mailto_addresses(runs: list[Run]) -> list[str]:
    """Addresses from mailto links in some runs."""
    found: list[str] = []
    for run in runs:
        if run.href and run.href.lower().startswith("mailto:"):
            address = run.href[7:].split("?", 1)[0]
            if address and address not in found:
                found.append(address)
    return found
