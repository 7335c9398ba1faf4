"""Contact lines, recognised the way an editor reads them.

Contributors write "For more information contact: Name – name@org", "Please contact
name@org for further information", a one-line "Name, Role, Org – email – phone", or a block of
short lines (name, role, then "Direct" and "Mob" numbers). An editor turns each into a contact
block and keeps every other sentence in the text. This module does the same from tables:

- ``LEAD_INS``: the phrasings that introduce contact details ("For more information ...
  contact", "Enquiries to", "You can reach the team on", "Please email"), each a named class;
- ``PURPOSES``: what may follow the details and belongs to the contact line ("for further
  information", "if you have any questions");
- ``LABELS``: the labels written before a number or address (Tel, Direct, Mob, E, Email...);
- ``TITLES``, ``ORGANISATION_WORDS`` and ``ROLE_WORDS``: how a name is told from a team, a
  role or an organisation.

A name comes only from the text: a mailbox with no person in front of it is a contact with
the team or organisation the sentence names, or with no name at all (never one made up from
the address). The words of the lead-in and the labels are reported as consumed, so the word
ledger can account for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..markup import Run
from ..model import Contact

EMAIL = re.compile(r"(?<![\w.+\-])[A-Za-z0-9][A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]*"
                   r"@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+")
# UK numbers as people write them: 01632 960 321, 020 7946 0000, (01632) 960321,
# +44 (0)20 7946 0000, 0300-123-4567, with an optional extension.
PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?\d|\(?0\d)[\d \-()]{7,15}\d"
                   r"(?:\s?(?:ext\.?|extension|x)\s?\d{1,5})?(?![\w])", re.IGNORECASE)

LABELS = (r"(?:tel(?:ephone)?|phone|direct(?:\s+(?:line|dial))?|ddi|mob(?:ile)?|m|t|"
          r"office|switchboard|landline|fax|helpline|work|e-?mail|e|email\s+address|"
          r"out\s+of\s+hours|24\s+hours?|minicom|text(?:phone)?|sms)")
_LABEL = re.compile(rf"\b{LABELS}\s*[.:]?\s*$", re.IGNORECASE)
_LABEL_AFTER = re.compile(rf"\s*\(({LABELS})\)", re.IGNORECASE)
_PLAIN_LABELS = {"tel", "telephone", "phone", "mob", "mobile", "fax", "email", "e-mail",
                 "ddi", "switchboard", "landline", "helpline", "minicom", "textphone",
                 "email address", "out of hours", "direct line", "direct dial"}
_VERB = (r"\b(?:contact(?:\s+details)?|e-?mail(?:ing)?|call(?:ing)?|ring|phone|telephone|"
         r"speak\s+(?:to|with)|talk\s+to|get\s+in\s+touch(?:\s+with)?|write\s+to|reach|"
         r"(?:send|direct|forward|address|report|pass|refer)\s+(?:[\w/]+\s+){0,3}?to|"
         r"message)\b")
# A lead-in with more words of its own than this says more than "get in touch": its sentence
# stays in the text (the contact block is added beside it).
MAX_LEAD_WORDS = 6
_BOILERPLATE = frozenset("""
    a an and any are at by can contact contacting details do does don't e email e-mail for
    further get hesitate if in information info is like me more need not of on or our please
    require questions queries should so the this to touch us wish would you your have want
    details enquiries advice help find out learn about call ring phone via with
""".split())
_JOIN = (r"(?:\s+(?:us|me|them|please))?\s*(?:[:\u2013\u2014,]|\s-)?\s*"
         r"(?:(?:on|at|via|by|through|using)\s+)?(?:e-?mail(?:ing)?\s+|phon(?:e|ing)\s+)?")
_TOPIC = r"[^,:;.!?]{1,90}?"


@dataclass(frozen=True)
class Phrasing:
    """One way of introducing contact details: a class name and the pattern of its lead-in,
    matched at the start of a sentence or clause, ending where the details begin."""

    kind: str
    pattern: re.Pattern[str]
    org_group: bool = False  # the pattern names the team or organisation ("the work of X")


def _p(kind: str, lead: str, org_group: bool = False) -> Phrasing:
    return Phrasing(kind, re.compile(lead, re.IGNORECASE | re.DOTALL), org_group)


LEAD_INS: tuple[Phrasing, ...] = (
    # For more information (on the work of X | or to request ...), (please) contact: ...
    _p("for more information ... contact", rf"(?:for|to\s+get)\s+(?:more|further|additional|any)"
       rf"\s+(?:information|info|details|advice|help|guidance|support|enquiries|queries|"
       rf"questions)(?:\s+(?:on|about|regarding|concerning)\s+(?:the\s+work\s+of\s+)?"
       rf"(?P<org>{_TOPIC}))?(?:,?\s+or\s+to\s+{_TOPIC})?\s*[,:]?\s*(?:please\s+)?(?:do\s+)?"
       rf"{_VERB}{_JOIN}", org_group=True),
    # To find out more (about X), email ...
    _p("to find out more ... email", rf"to\s+(?:find\s+out|learn|hear|know)\s+more(?:\s+about"
       rf"\s+(?:the\s+work\s+of\s+)?(?P<org>{_TOPIC}))?\s*[,:]?\s*(?:please\s+)?{_VERB}{_JOIN}",
       org_group=True),
    # To book a place / get involved / request copies, contact ...
    _p("to book or take part ... contact", rf"to\s+(?:book|register|sign\s+up|get\s+involved|"
       rf"request|order|join|take\s+part|reserve|apply|refer|arrange|submit)\b(?:{_TOPIC})?\s*"
       rf"[,:]?\s*(?:please\s+)?{_VERB}{_JOIN}"),
    # Drop Ruth an email at ... / Drop us a line on ...
    _p("drop X an email", r"drop\s+(?:(?P<who>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)|us|me|"
       r"the\s+team)?\s*an?\s+(?:e-?mail|line|message|note)\s*(?:at|on|to|via)?\s*"),
    # If you would like / have any questions ..., please contact ...  (Should you require ...)
    _p("if you ... contact", rf"(?:if\s+you|should\s+you)\s+(?:would\s+like|want|wish|need|"
       rf"have|are|'d\s+like|require)"
       rf"[^:;.!?]{{0,120}}?[,:]?\s*(?:please\s+)?(?:do\s+)?(?:feel\s+free\s+to\s+)?"
       rf"{_VERB}{_JOIN}"),
    # X can be contacted on / reached at ...
    _p("X can be contacted on", r"(?P<who>[^,.;:!?]{2,80}?)\s+(?:can|may)\s+be\s+(?:contacted|"
       r"reached|e-?mailed|called)\s*(?:directly\s+)?(?:on|at|via|by)?\s*(?:e-?mail\s+)?"),
    # Interested partners should / are invited to contact ...
    _p("someone should contact", rf"[^,.;:!?]{{2,80}}?\s+(?:should|can|may|are\s+(?:asked|"
       rf"encouraged|invited|welcome)\s+to|is\s+(?:asked|invited)\s+to)\s+{_VERB}{_JOIN}"),
    # You can contact the team at ... / Do not hesitate to contact ...
    _p("you can contact", rf"(?:you\s+can|you\s+may|please\s+feel\s+free\s+to|feel\s+free\s+to|"
       rf"do\s+not\s+hesitate\s+to|don[\u2019']t\s+hesitate\s+to)\s+(?:also\s+)?{_VERB}{_JOIN}"),
    # Enquiries to ... / Questions should be sent to ...
    _p("enquiries to", rf"(?:all\s+)?(?:enquiries|queries|questions|feedback|articles|"
       rf"submissions|comments|bookings|referrals)(?:\s+(?:about|on|regarding|for)\s+{_TOPIC})?"
       rf"\s+"
       rf"(?:should\s+be\s+|can\s+be\s+|may\s+be\s+)?(?:sent|directed|addressed|e-?mailed|"
       rf"made)?\s*to\s*:?\s*"),
    # Contact: / Enquiries: / Media enquiries: / Further information: / Contact details:
    _p("label: details", r"(?:for\s+)?(?:further\s+information|more\s+information|contacts|"
       r"(?:media|press|general|all)\s+enquiries|enquiries|queries|"
       r"contact(?:\s+details)?|details|get\s+in\s+touch|questions|feedback|contact\s+us|"
       r"key\s+contact|lead\s+contact|useful\s+contact)\s*(?::|\u2013|\u2014|\s-)\s*"
       rf"(?:(?:please\s+)?{_VERB}{_JOIN})?"),
    # Please contact ... / Contact ... / Email ... / Call the helpline on ...
    _p("please contact", rf"(?:please\s+|do\s+|simply\s+|just\s+)?(?:{_VERB}){_JOIN}"),
)

# What may follow the details inside the contact sentence: it goes with the contact line.
PURPOSES: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"^\s*(?:for|with)\s+(?:any\s+|more\s+|further\s+|additional\s+)?(?:information|info|"
    r"details|advice|help|guidance|support|questions|queries|enquiries)\b[^.!?]*[.!?]?\s*$",
    r"^\s*(?:if\s+you\s+(?:have|would|want|need|are)|to\s+(?:find\s+out|learn)\s+more|"
    r"who\s+(?:will|can)\s+be\s+(?:happy|pleased|glad)\s+to\s+help)[^.!?]*[.!?]?\s*$",
    r"^\s*(?:to\s+(?:book|register|request|arrange|join|discuss))[^.!?]*[.!?]?\s*$",
    r"^\s*[.!?:;,)\u2013\u2014-]*\s*$",
))

TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "cllr", "councillor", "sir",
    "dame", "lord", "lady", "rev", "revd", "pc", "ps", "dc", "ds", "di", "dci", "dsi", "dcs",
    "ci", "sgt", "sergeant", "insp", "inspector", "supt", "superintendent", "ch", "chief",
    "det", "detective", "acc", "dcc", "cc", "commander", "constable", "t/det", "t/supt",
    "t/dci", "t/di", "pcso", "police", "assistant", "deputy", "temporary", "staff", "captain",
    "major", "colonel", "judge", "baroness", "baron", "mp", "msp", "ms.", "mr.", "dr.",
}
ORGANISATION_WORDS = {
    "team", "unit", "police", "constabulary", "council", "service", "services", "office",
    "agency", "authority", "trust", "partnership", "partnerships", "inspectorate", "helpdesk",
    "desk", "mailbox", "inbox", "centre", "center", "department", "board", "group", "network",
    "hub", "helpline", "line", "programme", "program", "project", "forum", "association",
    "foundation", "charity", "ltd", "limited", "plc", "nhs", "university", "college",
    "school", "commission", "commissioner's", "directorate", "ministry", "government",
    "standards", "safety", "society", "institute", "bureau", "secretariat", "hq",
    "headquarters", "branch", "division", "command", "squad", "panel", "committee",
    "coalition", "alliance", "cic", "watch", "shop", "clinic", "surgery", "support",
    "enquiries", "admin", "administration", "communications", "comms", "press", "media",
    "bulletin", "newsletter", "editor", "editors",
}
ROLE_WORDS = {
    "officer", "manager", "lead", "head", "director", "coordinator", "co-ordinator", "chair",
    "analyst", "adviser", "advisor", "worker", "executive", "secretary", "specialist",
    "consultant", "investigator", "partner", "administrator", "assistant", "clerk",
    "president", "founder", "trustee", "chief", "commissioner", "inspector", "sergeant",
    "constable", "superintendent", "warden", "practitioner", "nurse", "doctor", "teacher",
    "leader", "champion", "ambassador", "volunteer", "engagement", "liaison", "principal",
    "senior", "deputy", "spokesperson", "editor", "researcher",
}
_CONNECTORS = re.compile(r"^(?:the|a|an|and|or|on|at|to|via|by|through|email|e-mail|emailing|"
                         r"tel|telephone|phone|phoning|call|calling|ring|contact|please|us|me|"
                         r"either|our|your|using|directly|is|are)$", re.IGNORECASE)
_SPLIT_PEOPLE = re.compile(r"(\s*;\s*|\s+or\s+|\s+and\s+|,\s*or\s+|,\s*and\s+|\s*/\s+)",
                           re.IGNORECASE)
_PART_SEPARATORS = re.compile(r"\s*(?:[,|()\[\]]|\s[-\u2013\u2014]+\s|\s[\u2013\u2014]|"
                              r"[\u2013\u2014]\s|:)\s*")
_AFFILIATION = re.compile(r"\s+(?:of|from|at)\s+(?=(?:the\s+)?[A-Z])")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])")
_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Za-z]|" + "|".join(
    sorted((re.escape(t.rstrip(".")) for t in TITLES | {"st", "no", "co", "ltd", "inc", "tel",
                                                         "ext", "etc", "eg", "ie", "vs"}),
           key=len, reverse=True)) + r")\.)$", re.IGNORECASE)


@dataclass
class ContactMatch:
    """Contacts found in a paragraph, and what happens to the paragraph's text.

    ``start``..``end`` is the stretch of the paragraph the contact line took (offsets in the
    text given); ``keep`` is text from inside that stretch that stays in the body (the end of
    the sentence after the details); ``consumed`` are the words the contact block replaces
    (the lead-in, labels, "and"); ``lines`` is how many following lines were part of it.
    """

    contacts: list[Contact]
    kind: str
    start: int = 0
    end: int = 0
    keep: str = ""
    consumed: list[str] = field(default_factory=list)
    lines: int = 0


def has_detail(text: str) -> bool:
    """True if some text holds an email address or a phone number."""
    return bool(EMAIL.search(text) or _phones(text))


def _phones(text: str) -> list[re.Match[str]]:
    found = []
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0).split("x")[0].split("ext")[0])
        if 10 <= len(digits) <= 13 and "  " not in match.group(0).strip():
            found.append(match)
    return found


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences (and lines) of a paragraph."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for end in _SENTENCE_END.finditer(line.group(0)):
            cut = line.start() + end.start()
            if _ABBREVIATION_END.search(text[start:cut]) or EMAIL.search(
                    text[cut - 1:cut + 2] if cut > 0 else ""):
                continue
            spans.append((start, cut))
            start = line.start() + end.end()
        spans.append((start, line.end()))
    return [(a, b) for a, b in spans if text[a:b].strip()]


# ---- finding contact lines in a paragraph ----------------------------------------------------


def find_contacts(text: str, links: list[str] | None = None,
                  following: list[str] | None = None) -> ContactMatch | None:
    """The first contact line in a paragraph (and the short lines after it), or None.

    ``links`` are addresses from mailto links in the paragraph (for "contact [Jo Day](mailto:
    jo@x)"); ``following`` the texts of the next paragraphs, for a contact block written as
    short lines ("For more information contact:" / "Jo Day" / "Direct: 01632 ...").
    """
    links = [a for a in (links or []) if a.casefold() not in text.casefold()]
    following = following or []
    if not (has_detail(text) or links or _lead_only(text)):
        return None
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) > 1:
        block = _block(text, lines, kind="lines of contact details")
        if block is not None:
            return block
    for start, end in sentences(text):
        sentence = text[start:end]
        found = _in_sentence(text, start, end, links)
        if found is not None:
            return found
        if _lead_only(sentence) and not text[end:].strip():
            block = _block_after(sentence, following, links)
            if block is not None:
                block.start, block.end = start, end
                return block
    return None


def _lead(clause: str) -> tuple[Phrasing, re.Match[str]] | None:
    for phrasing in LEAD_INS:
        match = phrasing.pattern.match(clause)
        if match and (has_detail(clause[match.end():]) or match.end() == len(clause.rstrip())
                      or phrasing.kind != "please contact"):
            return phrasing, match
    return None


def lead_only(text: str) -> bool:
    """A line that introduces contact details and gives none: "For more information contact:"
    (the details follow on the next lines)."""
    return _lead_only(text.split("\n")[-1]) if text.strip() else False


def _lead_only(text: str) -> bool:
    """A line that introduces contact details and gives none: "For more information contact:"."""
    text = text.strip()
    if not text or has_detail(text) or len(text) > 160:
        return False
    found = _lead(text)
    return found is not None and not text[found[1].end():].strip(" :.\u2013\u2014-")


def _clause_starts(sentence: str) -> list[int]:
    """Where a lead-in may start in a sentence: at its start, or after a dash, semicolon,
    colon or comma ("Invites will be sent by email – please contact ...")."""
    starts = [0]
    starts += [m.end() for m in re.finditer(r"(?:\s[\u2013\u2014-]\s|;\s|:\s|,\s|\(\s?)",
                                            sentence)]
    return starts


def _in_sentence(text: str, start: int, end: int, links: list[str]) -> ContactMatch | None:
    sentence = text[start:end]
    if not (has_detail(sentence) or links):
        return None
    for offset in _clause_starts(sentence):
        clause = sentence[offset:]
        found = _lead(clause)
        if found is None:
            continue
        phrasing, match = found
        rest = clause[match.end():]
        detail_end = _details_end(rest, links)
        if detail_end is None:
            continue
        details, tail = rest[:detail_end], rest[detail_end:]
        lead_text = clause[:match.end()]
        extra_org = ""
        if phrasing.org_group and match.groupdict().get("org"):
            extra_org = re.sub(r"(?i)^the\s+", "", match.group("org").strip())
        if match.groupdict().get("who"):
            details = f"{match.group('who')} {details}"
            lead_text = lead_text.replace(match.group("who"), "", 1)
        contacts, consumed = parse_people(details, links, extra_org)
        if not contacts:
            continue
        own = [w for w in re.findall(r"[\w'\u2019-]+", lead_text.casefold())
               if w not in _BOILERPLATE]
        if _says_more(tail) or len(own) > MAX_LEAD_WORDS:
            # "..., who will send you the toolkit", "... for a copy of the toolkit": the
            # sentence says more than how to get in touch, so it stays whole; the contact
            # block is added beside it.
            return ContactMatch(contacts, phrasing.kind, start, start, "",
                                [lead_text, *consumed])
        keep, tail_consumed = _tail(tail)
        before = sentence[:offset]
        result = ContactMatch(contacts, phrasing.kind, start + offset, end, keep,
                              [lead_text, *consumed, *tail_consumed])
        if before.strip():
            # The clause before the lead-in stays; its joining dash or comma goes.
            result.consumed.append(before[len(before.rstrip(" ,;:\u2013\u2014-")):])
            result.start = start + len(before.rstrip(" ,;:\u2013\u2014-"))
            if not keep:
                result.keep = "."  # the sentence before ends here
        return result
    if _only_details(sentence) and (has_detail(sentence)):
        contacts, consumed = parse_people(sentence, links)
        if contacts:
            return ContactMatch(contacts, "one line of contact details", start, end, "",
                                consumed)
    return None


def _details_end(rest: str, links: list[str]) -> int | None:
    """Where the details end in what follows a lead-in: after the last address or number
    (and a closing bracket), or None if there is none."""
    ends = [m.end() for m in EMAIL.finditer(rest)] + [m.end() for m in _phones(rest)]
    if not ends:
        if links and rest.strip():
            # "contact [Jo Day](mailto:jo@x)": the names are the details.
            cut = re.search(r"\s+(?:for|if|to|who|and\s+ask)\b|[.!?](?:\s|$)", rest)
            return cut.start() if cut else len(rest)
        return None
    last = max(ends)
    close = re.match(r"\s*(?:\)|\([^()]{1,40}\))", rest[last:])  # "(North)", "(mobile)"
    if close:
        last += close.end()
    return last


def _says_more(tail: str) -> bool:
    """A tail that modifies the contact sentence (a relative clause, "for a copy of ..."),
    rather than starting a thought of its own ("and ask for an adviser")."""
    if any(purpose.match(tail) for purpose in PURPOSES):
        return False
    return bool(re.match(r"^\s*,?\s*(?:who|which|where|whose|for|to|about|with|from|in|"
                         r"before|by|until|so)\b", tail, re.IGNORECASE))


def _tail(tail: str) -> tuple[str, list[str]]:
    """The rest of the contact sentence: kept in the body, unless it only says what the
    contact is for ("for further information")."""
    for purpose in PURPOSES:
        if purpose.match(tail):
            return "", [tail]
    text = tail.strip()
    lead = re.match(r"^[,;:\u2013\u2014-]*\s*(?:and|or|then)?\s*", text, re.IGNORECASE)
    consumed = [lead.group(0)] if lead and lead.group(0).strip() else []
    text = text[lead.end():] if lead else text
    if not text:
        return "", consumed
    return text[0].upper() + text[1:], consumed


def _only_details(text: str) -> bool:
    """A line that is nothing but names, roles and details ("Jo Day, Licensing Officer,
    Example Council – jo@x – 01632 960 321"): short parts, no sentence."""
    words = text
    for match in [*EMAIL.finditer(text), *_phones(text)]:
        words = words.replace(match.group(0), " ")
    words = re.sub(rf"\b{LABELS}\s*[.:]|\b(?:out\s+of\s+hours|mobile|mob|tel|direct\s+line)\b",
                   " ", words, flags=re.IGNORECASE)
    parts = [p.strip(" .") for p in _PART_SEPARATORS.split(words) if p and p.strip(" .")]
    if len(parts) > 5 or len(words.split()) > 14:
        return False
    # Names, roles and teams are written with capitals; a clause of a sentence is not.
    return all(len(p.split()) <= 7 and not re.search(r"[.!?]\s+\w|\b\d+\b", p)
               and (p[0].isupper() or _CONNECTORS.match(p)) for p in parts)


# ---- blocks of short lines -------------------------------------------------------------------


def _contact_line(line: str) -> bool:
    """A line that could be part of a contact block: a labelled or bare detail, or a short
    line of words (a name, a role, a team)."""
    line = line.strip()
    if not line or len(line) > 120:
        return False
    if has_detail(line):
        return _only_details(line)
    words = line.split()
    return len(words) <= 9 and not re.search(r"[.!?]$", line.rstrip(")")) or bool(
        _ABBREVIATION_END.search(line)) and len(words) <= 9


def _block_after(lead: str, following: list[str], links: list[str]) -> ContactMatch | None:
    lines: list[str] = []
    for paragraph in following[:8]:
        parts = [p for p in paragraph.split("\n") if p.strip()]
        if not parts or not all(_contact_line(p) for p in parts):
            break
        lines.append(paragraph)
        if len(lines) >= 8:
            break
    while lines and not has_detail("\n".join(lines[-1:])) and has_detail("\n".join(lines)):
        lines.pop()  # a short line after the last detail belongs to what follows
    if not lines or not has_detail("\n".join(lines)):
        return None
    flat = [p for paragraph in lines for p in paragraph.split("\n") if p.strip()]
    contacts, consumed = parse_block(flat, links)
    if not contacts:
        return None
    return ContactMatch(contacts, "lead-in, then lines of details", 0, 0, "", [lead, *consumed],
                        lines=len(lines))


def _block(text: str, lines: list[str], kind: str) -> ContactMatch | None:
    """A paragraph of short lines holding details (a signature-like block)."""
    if len(lines) < 2 or not all(_contact_line(line) for line in lines):
        return None
    if not has_detail(text) or len(lines) > 8:
        return None
    lead = _lead_only(lines[0])
    contacts, consumed = parse_block(lines[1:] if lead else lines, [])
    if not contacts:
        return None
    return ContactMatch(contacts, kind, 0, len(text), "",
                        ([lines[0]] if lead else []) + consumed)


def parse_block(lines: list[str], links: list[str]) -> tuple[list[Contact], list[str]]:
    """People from a block of lines: words lines (name, role, organisation) then details;
    a words line after a detail starts the next person."""
    people: list[list[str]] = [[]]
    seen_detail = False
    for line in lines:
        if not has_detail(line) and seen_detail:
            people.append([])
            seen_detail = False
        people[-1].append(line)
        seen_detail = seen_detail or has_detail(line)
    contacts: list[Contact] = []
    consumed: list[str] = []
    for person in people:
        words = [line for line in person if not has_detail(line)]
        details = " ".join(line for line in person if has_detail(line))
        found, used = parse_people(", ".join(words + [details]) if words else details, links,
                                   split=False)
        contacts += found
        consumed += used
    return contacts, consumed


# ---- the people in a stretch of details --------------------------------------------------------


def parse_people(details: str, links: list[str] | None = None, organisation: str = "",
                 split: bool = True) -> tuple[list[Contact], list[str]]:
    """The contacts in some details ("Jo Day – jo@x or Sam Hill on 01632 960 000"), and the
    words used only to join them (labels, "or", "on")."""
    links = list(links or [])
    chunks = _split_people(details, links) if split else [details]
    contacts: list[Contact] = []
    # The words that only joined one person to the next ("or", "and").
    consumed: list[str] = [sep for sep in _SPLIT_PEOPLE.findall(details) if sep.strip(" ,;/")
                           and not any(sep in chunk for chunk in chunks)] if split else []
    for chunk in chunks:
        contact, used = _person(chunk, links, organisation)
        consumed += used
        if contact is not None:
            contacts.append(contact)
            # A second address for the same person or team: a second line in the block.
            contacts += [replace(contact, email=other, phone="", extra={})
                         for other in contact.extra.pop("more_emails", [])]
    return contacts, consumed


def _split_people(text: str, links: list[str]) -> list[str]:
    """Split "A – a@x or B – b@y" into one chunk per person.

    Words with no email or phone of their own wait for the next detail ("Licensing and Trading
    Standards – x@y" stays one chunk), unless mailto links give the names their addresses; a
    bare detail after a chunk that lacks that kind joins it ("EAS via eas@x or 020 7215 5000").
    """
    if links and not has_detail(text):
        names = [p for p in _SPLIT_PEOPLE.split(text)[0::2] if p.strip(" .,:")]
        return names if len(names) == len(links) else [text]
    bits = _SPLIT_PEOPLE.split(text)
    pieces, seps = bits[0::2], [""] + bits[1::2]
    merged: list[str] = []
    pending = ""
    for sep, piece in zip(seps, pieces, strict=True):
        if not piece.strip(" .,:"):
            continue
        if not has_detail(piece):
            pending = f"{pending}{sep}{piece}" if pending else piece
            continue
        if merged and not pending and _only_detail(piece) and (
                _fills_gap(merged[-1], piece) or (not EMAIL.search(piece) and re.search(
                    r"[A-Za-z]{2}", EMAIL.sub("", merged[-1])))):
            # "EAS via eas@x or 020 ...", "Omar on 0161 ... or 07700 ...": the same person.
            merged[-1] = f"{merged[-1]}{sep}{piece}"
            continue
        if len(EMAIL.findall(piece)) > 1 and not pending:
            # "a@x, b@y": one address to a person.
            merged += [p for p in re.split(r"\s*,\s*", piece) if p.strip()]
            continue
        merged.append(f"{pending}{sep}{piece}" if pending else piece)
        pending = ""
    if pending and merged:
        merged[-1] = f"{merged[-1]} {pending}"
    return merged


def _only_detail(text: str) -> bool:
    """Details with no words of their own ("or call 01632 960 000", "by emailing x@y")."""
    rest = EMAIL.sub("", text)
    for match in _phones(rest):
        rest = rest.replace(match.group(0), "")
    rest = re.sub(rf"\b(?:{LABELS}|on|at|via|by|call|calling|ring|phone|emailing|"
                  r"e-?mail(?:ing)?|write\s+to|text|contact)\b\s*[.:]?", "", rest,
                  flags=re.IGNORECASE)
    return not re.search(r"[A-Za-z]", rest)


def _fills_gap(chunk: str, piece: str) -> bool:
    return (bool(EMAIL.search(piece)) and not EMAIL.search(chunk)) or (
        bool(_phones(piece)) and not _phones(chunk))


def _label_before(before: str) -> re.Match[str] | None:
    """The label written just before a number or address ("Tel:", "Mob", "E:"), if any.

    A word that is also part of names ("office", "direct", "work", a lone letter) counts as a
    label only after a separator: "Press office: 020 ..." names the press office.
    """
    label = _LABEL.search(before)
    if label is None:
        return None
    word = label.group(0).strip(" .:").casefold()
    if word in _PLAIN_LABELS:
        return label
    ahead = before[: label.start()].rstrip()
    return label if not ahead or ahead[-1] in ",;(|:\u2013\u2014-/" else None


def _person(chunk: str, links: list[str], organisation: str) -> tuple[Contact | None, list[str]]:
    consumed: list[str] = []
    emails = [m.group(0).rstrip(".") for m in EMAIL.finditer(chunk)]
    phones = _phones(chunk)
    words = chunk
    numbers: list[tuple[str, str]] = []
    for match in phones:
        at = words.find(match.group(0))
        label = _label_before(words[:at])
        number = " ".join(match.group(0).split())
        start, end = (label.start() if label else at), at + len(match.group(0))
        after = _LABEL_AFTER.match(words[end:])
        if label:
            numbers.append((label.group(0).strip(" .:"), number))
        elif after:
            numbers.append(("", f"{number} ({after.group(1)})"))
            end += after.end()
        else:
            numbers.append(("", number))
        # A separator where the detail was, so the words either side stay apart.
        words = words[:start] + " | " + words[end:]
    for email in emails:
        at = words.find(email)
        label = _label_before(words[:at]) if at >= 0 else None
        if label:
            consumed.append(label.group(0))
            words = words[: label.start()] + words[at:]
            at = words.find(email)
        words = words[:at] + " | " + words[at + len(email):]
    email = emails[0] if emails else ""
    if not email and links and not phones:
        email = links.pop(0)
    if not (email or numbers):
        return None, [chunk]
    if len(numbers) == 1:
        if numbers[0][0]:
            consumed.append(numbers[0][0])
        phone = numbers[0][1]
    else:
        phone = ", ".join(f"{label} {number}" if label else number for label, number in numbers)
    name, role, org, used = _who(words)
    consumed += used
    if not org and organisation and not name:
        org = organisation
    elif organisation:
        consumed.append(organisation)
    contact = Contact(name=name, role=role, organisation=org, email=email, phone=phone)
    if len(emails) > 1:
        contact.extra["more_emails"] = emails[1:]
    return contact, consumed


def _who(words: str) -> tuple[str, str, str, list[str]]:
    """Name, role and organisation from the words around the details."""
    consumed: list[str] = []
    parts: list[str] = []
    # "(London, the South-East and East)": what a bracket holds is one part, commas and all.
    bracketed = re.findall(r"\(([^()|]*[A-Za-z][^()|]*)\)", words)
    for inner in bracketed:
        words = words.replace(f"({inner})", f" | \x00{len(parts)}\x00 | ", 1)
        parts.append(inner)
    held, parts = parts, []
    for part in _PART_SEPARATORS.split(words):
        hold = re.fullmatch(r"\s*\x00(\d+)\x00\s*", part)
        if hold:
            parts.append(held[int(hold.group(1))].strip())
            continue
        tokens = part.split()
        while tokens and _CONNECTORS.match(tokens[-1]):
            consumed.append(tokens.pop())
        while tokens and _CONNECTORS.match(tokens[0]) and not (
                tokens[0].casefold() == "the" and len(tokens) > 1 and _is_organisation(
                    " ".join(tokens[1:]))):
            consumed.append(tokens.pop(0))
        part = " ".join(tokens).strip(" .:;,")
        if tokens and tokens[0].casefold() == "the":
            consumed.append(tokens[0])
            part = " ".join(tokens[1:]).strip(" .:;,")
        if part and re.search(r"[A-Za-z]", part):
            parts.append(part)
        elif part:
            consumed.append(part)
    if not parts:
        return "", "", "", consumed
    first = parts[0]
    # A one-word name ("Contact Omar on ...") only in front of the details: "(North)" after an
    # address names the mailbox, not a person.
    single_ok = first not in held and (words.find("|") < 0 or
                                       0 <= words.find(first) < words.find("|"))
    affiliation = _AFFILIATION.split(first, maxsplit=1)
    if len(affiliation) == 2 and _is_person(affiliation[0]):
        parts[0:1] = [affiliation[0], affiliation[1]]
        first = parts[0]
        consumed.append("of")
    if _is_person(first, single_ok):
        name, rest = first, parts[1:]
        role = org = ""
        if rest and (_is_organisation(rest[0]) and not _is_role(rest[0])):
            org = ", ".join(rest)
        elif rest:
            role = rest[0]
            org = ", ".join(rest[1:])
        return name, role, org, consumed
    # No person: a team or an organisation, perhaps with more about it.
    return "", ", ".join(parts[1:2]) if len(parts) > 1 and _is_role(parts[1]) else "", \
        ", ".join([parts[0]] + [p for p in parts[1:] if not _is_role(p)]), consumed


def _is_person(text: str, single_ok: bool = True) -> bool:
    """Words that read as a person's name, perhaps with a title ("DI Amira Jones")."""
    words = text.split()
    if not words or len(words) > 7:
        return False
    lowered = [w.casefold().strip(".,") for w in words]
    if any(w in ORGANISATION_WORDS for w in lowered):
        return False
    titles = 0
    while titles < len(words) and lowered[titles] in TITLES:
        titles += 1
    names = words[titles:]
    if not names or len(names) > 4:
        return False
    for word in names:
        bare = word.strip(".,'\u2019")
        if not bare or not bare[0].isupper():
            if bare.casefold() in ("van", "von", "de", "der", "da", "di", "le", "la", "bin",
                                   "al"):
                continue
            return False
        if len(bare) > 1 and bare.isupper() and not titles:
            return False  # an acronym: a team or an organisation
    return titles > 0 or len(names) >= 2 or single_ok and len(names) == 1 and \
        len(words) == 1 and len(names[0]) > 2 and not names[0].isupper()


def _is_organisation(text: str) -> bool:
    words = [w.casefold().strip(".,()") for w in text.split()]
    return any(w in ORGANISATION_WORDS for w in words) or (
        len(words) <= 3 and all(w.isupper() and len(w) > 1 for w in text.split()))


def _is_role(text: str) -> bool:
    words = [w.casefold().strip(".,()") for w in re.split(r"[\s/]+", text)]
    return any(w in ROLE_WORDS for w in words)


def remaining_text(text: str, match: ContactMatch) -> str:
    """The paragraph's text without the contact line: what stays in the body."""
    before, after = text[: match.start].rstrip(), text[match.end:].lstrip()
    keep = match.keep
    if keep == "." and before and before[-1] in ".!?":
        keep = ""
    parts = [before + (keep if keep == "." else ""), "" if keep == "." else keep, after]
    return " ".join(p for p in parts if p.strip()).strip()


def without_contact(runs: list[Run], match: ContactMatch) -> list[Run]:
    """A paragraph's runs with the contact line taken out (and any words kept put back)."""
    text = "".join(r.text for r in runs)
    head: list[Run] = []
    tail: list[Run] = []
    pos = 0
    for run in runs:
        a, b = pos, pos + len(run.text)
        pos = b
        if b <= match.start:
            head.append(run)
        elif a >= match.end:
            tail.append(run)
        else:
            if a < match.start:
                head.append(Run(run.text[: match.start - a], run.bold, run.italic, run.href))
            if b > match.end:
                tail.append(Run(run.text[match.end - a:], run.bold, run.italic, run.href))
    keep = match.keep
    before = text[: match.start].rstrip()
    if keep == ".":
        if before and before[-1] not in ".!?":
            head.append(Run("."))
        keep = ""
    if tail:
        tail[0] = Run(tail[0].text.lstrip(), tail[0].bold, tail[0].italic, tail[0].href)
    middle = [Run(" " + keep + " ")] if keep else [Run(" ")]
    return head + middle + tail
