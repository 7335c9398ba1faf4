"""House style checks that look at one field at a time, each yielding Hits in that field.

Every check reads the masked text (``text.Prose``), so addresses are never matched and offsets
are offsets in what the editor typed. A replacement is given only where applying it cannot make
the text wrong: that is what makes it a quick fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .findings import Hit, Unit
from .rules import Rule
from .text import ESC, MARK, WORD, Block, alternation

Check = Callable[[Rule, Unit, "Context"], Iterator[Hit]]


@dataclass
class Context:
    """What checks may consult beyond the text: the spell checker, when it is loaded."""

    speller: object | None = None  # spelling.Speller

    def knows(self, word: str) -> bool | None:
        """Whether the dictionary knows a word; None if there is no dictionary."""
        return None if self.speller is None else self.speller.check(word)  # type: ignore


def match_case(original: str, replacement: str) -> str:
    """The replacement with the original's capitals: Center -> Centre, E.G. -> FOR EXAMPLE."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and letters[0].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def block_at(unit: Unit, offset: int) -> Block | None:
    for block in unit.prose.blocks:
        if block.start <= offset < block.end:
            return block
    return None


def sentence_around(unit: Unit, offset: int) -> str:
    block = block_at(unit, offset)
    if block is None:
        return unit.prose.masked
    for sentence in unit.prose.sentences(block):
        if sentence.start <= offset < sentence.end:
            return unit.prose.masked[sentence.start:sentence.end]
    return unit.prose.masked[block.start:block.end]


def starts_sentence(unit: Unit, offset: int) -> bool:
    """Whether a word at ``offset`` is the first of its sentence (or block)."""
    block = block_at(unit, offset)
    if block is None:
        return False
    for sentence in unit.prose.sentences(block):
        if sentence.start <= offset < sentence.end:
            lead = unit.prose.masked[sentence.start:offset]
            return not lead.strip(" \t\n\"'\u2018\u201c(" + MARK + ESC)
    return False


# ---- word lists and patterns ---------------------------------------------------------------


@lru_cache(maxsize=64)
def _word_regex(keys: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(?<![\w.\-'\u2019])(?:{alternation(keys)})(?![\w\-]|\.\w)", re.I)


def check_word_list(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    words = rule.once("words", lambda: {str(k).lower(): str(v)
                                        for k, v in (rule.param("words") or {}).items()})
    if not words:
        return
    masked = unit.prose.masked
    for m in rule.once("regex", lambda: _word_regex(tuple(words))).finditer(masked):
        found = m.group()
        key = found.lower()
        if key.replace(".", "").isalpha() and len(found) > 1 and found.isupper() and \
                "." not in found:
            continue  # IE, LABOR: an acronym or a name, not the word
        replacement = match_case(found, words[key])
        yield Hit(m.start(), m.end(), f"write \u2018{replacement}\u2019", replacement)


def _compile(source: str) -> re.Pattern | None:
    try:
        return re.compile(source)
    except re.error:
        return None


def check_pattern(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    pattern = rule.once("pattern", lambda: _compile(rule.param("pattern", "")))
    if pattern is None:
        return
    message = rule.param("message") or rule.explanation
    replacement = rule.param("replacement")
    text, index = unit.prose.unescaped()
    for m in pattern.finditer(text):
        if m.end() > m.start():
            yield Hit(*unit.prose.span(index, m.start(), m.end()), message, replacement)


IZE = re.compile(r"\b([A-Za-z]{3,}?)(i[zs]|y[zs])(e|es|ed|ing|ation|ations|ational|er|ers)\b")


def check_ize(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    exceptions = rule.once("exceptions", lambda: {str(w).casefold()
                                                  for w in rule.param("exceptions") or []})
    for m in IZE.finditer(unit.prose.masked):
        stem, middle, ending = m.groups()
        if "z" not in middle or m.group().casefold() in exceptions:
            continue
        british = stem + middle.replace("z", "s").replace("Z", "S") + ending
        known = ctx.knows(british)
        if known is False:
            continue  # no British -ise form of this word: not an American spelling
        yield Hit(m.start(), m.end(), f"write \u2018{british}\u2019 (British -ise spelling)",
                  british if known else None)


PROGRAM = re.compile(r"\b[Pp]rograms?\b")


def check_program(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    computing = rule.once("computing", lambda: {str(w).casefold()
                                                for w in rule.param("computing") or []})
    for m in PROGRAM.finditer(unit.prose.masked):
        sentence = sentence_around(unit, m.start())
        if any(w.group().casefold() in computing for w in WORD.finditer(sentence)):
            continue
        replacement = match_case(m.group(), "programmes" if m.group().endswith("s")
                                 else "programme")
        yield Hit(m.start(), m.end(), f"write \u2018{replacement}\u2019 (\u2018program\u2019 is "
                  "only for computer programs)", replacement)


LICENSE = re.compile(r"\b([Ll]icenses?)\b")
NOUN_BEFORE = frozenset(
    "a an the this that these those its their his her our your my no any each every new valid "
    "full driving premises personal alcohol operating music tv television gambling firearms "
    "firearm shotgun taxi export import provisional temporary annual trading street waste scrap "
    "hmo landlord landlords' licensing of".split())
NOUN_AFTER = frozenset(
    "holder holders fee fees number numbers conditions condition application applications plate "
    "plates review reviews check checks renewal renewals suspension revocation breach breaches "
    "was is were are has had".split())


def check_license_noun(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    masked = unit.prose.masked
    for m in LICENSE.finditer(masked):
        before = re.findall(r"[\w']+", masked[max(0, m.start() - 40):m.start()])
        after = re.findall(r"[\w']+", masked[m.end():m.end() + 30])
        prev = before[-1].casefold() if before else ""
        nxt = after[0].casefold() if after else ""
        if prev in NOUN_BEFORE or nxt in NOUN_AFTER:
            replacement = match_case(m.group(), "licences" if m.group().endswith("s")
                                     else "licence")
            yield Hit(m.start(), m.end(), f"write \u2018{replacement}\u2019: in British "
                      "English the noun is licence, the verb license", replacement)


def check_link_text(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    phrases = rule.once("phrases", lambda: {str(p).casefold()
                                            for p in rule.param("phrases") or []})
    for link in unit.prose.links:
        words = " ".join(re.sub(r"[*_\[\]]", "", link.text).casefold().strip(" .:!?,").split())
        if words in phrases or not words:
            yield Hit(link.start, link.end, "these link words do not say where the link goes"
                      if words else "a link with no words", None)


# ---- dates ---------------------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_ANY_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
MONTHS = ("January February March April May June July August September October November "
          "December").split()
_MONTH = "(" + alternation(MONTHS) + ")"
_ABBR = {m[:3]: m for m in MONTHS if m != "May"} | {"Sept": "September"}
_MONTH_ABBR = r"(" + "|".join(_ABBR) + r")\.?"
DATE_ORDINAL = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?{_MONTH}\b(?:,?\s+(\d{{4}}))?")
DATE_US = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(\d{{4}}))?\b")
DATE_ABBR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_ABBR}(?=[\s,.;:)]|$)(\s+\d{{4}})?")
DATE_WEEKDAY_COMMA = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),"
                                rf"\s+(\d{{1,2}}\s+{_MONTH})")
DATE_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d/]|\.\d)|"
                          r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


def check_dates(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    masked = unit.prose.masked
    if not _DIGIT.search(masked):
        return  # every date form has a digit
    months = _ANY_MONTH.search(masked) is not None
    taken: list[tuple[int, int]] = []

    def fresh(m: re.Match) -> bool:
        if any(s < m.end() and m.start() < e for s, e in taken):
            return False
        taken.append((m.start(), m.end()))
        return True

    for m in DATE_ORDINAL.finditer(masked) if months else ():
        if fresh(m):
            good = f"{int(m.group(1))} {m.group(2)}" + (f" {m.group(3)}" if m.group(3) else "")
            yield Hit(m.start(), m.end(), f"write the date as \u2018{good}\u2019", good)
    for m in DATE_US.finditer(masked) if months else ():
        day = int(m.group(2))
        if 1 <= day <= 31 and fresh(m):
            good = f"{day} {m.group(1)}" + (f" {m.group(3)}" if m.group(3) else "")
            yield Hit(m.start(), m.end(), f"write the date as \u2018{good}\u2019", good)
    for m in DATE_ABBR.finditer(masked) if months else ():
        if 1 <= int(m.group(1)) <= 31 and fresh(m):
            good = f"{int(m.group(1))} {_ABBR[m.group(2)]}{m.group(3) or ''}"
            yield Hit(m.start(), m.end(), f"write the month in full: \u2018{good}\u2019", good)
    for m in DATE_WEEKDAY_COMMA.finditer(masked) if months else ():
        if fresh(m):
            good = f"{m.group(1)} {m.group(2)}"
            yield Hit(m.start(), m.end(), f"no comma after the day: \u2018{good}\u2019", good)
    for m in DATE_NUMERIC.finditer(masked):
        if m.group(4):
            year, month, day = int(m.group(4)), int(m.group(5)), int(m.group(6))
        else:
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            year += 2000 if year < 100 else 0
        if 1 <= month <= 12 and 1 <= day <= 31 and fresh(m):
            good = f"{day} {MONTHS[month - 1]} {year}"
            yield Hit(m.start(), m.end(), f"write the month in words, e.g. \u2018{good}\u2019 "
                      "(if this is day/month/year)", None)


# ---- numbers -------------------------------------------------------------------------------

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
          "nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_VALUES = {w: i + 1 for i, w in enumerate(_UNITS)} | \
    {w: i + 10 for i, w in enumerate(_TEENS)} | {w: (i + 2) * 10 for i, w in enumerate(_TENS)}
NUMBER_WORD = re.compile(
    r"\b(?:(?:" + alternation(_TENS) + r")(?:-(?:" + alternation(_UNITS) + r"))?|"
    + alternation(_UNITS[1:] + _TEENS) + r")\b", re.I)
DIGITS_ONE_TO_NINE = re.compile(r"(?<![\w.,£$€/:\-])([1-9])(?![\w.,%:/\-])")


def number_value(word: str) -> int:
    parts = word.casefold().split("-")
    return sum(NUMBER_VALUES[p] for p in parts)


def check_numbers(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    if rule.param("style", "numerals") == "words-to-nine":
        yield from _numbers_in_words(rule, unit)
        return
    masked = unit.prose.masked
    expressions = rule.once("expressions", lambda: [str(e).casefold()
                                                    for e in rule.param("expressions") or []])
    for m in NUMBER_WORD.finditer(masked):
        word = m.group()
        after = masked[m.end():m.end() + 20]
        if after.startswith("-") or re.match(r"\s+\d", after):
            continue  # "three-year", "two 20-litre bins": words read better there
        if word[0].isupper() and not starts_sentence(unit, m.start()):
            continue  # part of a name: "Five Eyes"
        if starts_sentence(unit, m.start()):
            continue  # GOV.UK writes a number that starts a sentence in words
        near = masked[max(0, m.start() - 12):m.end() + 12].casefold()
        following = after.strip().split(" ")[0].casefold().strip(",.;:")
        if following in expressions or any(e in near for e in expressions
                                           if word.casefold() in e.split()):
            continue
        numeral = str(number_value(word))
        yield Hit(m.start(), m.end(), f"write \u2018{numeral}\u2019: we use numerals for "
                  "numbers from 2 up", numeral)
    for block in unit.prose.blocks:
        if block.kind != "paragraph":
            continue
        for sentence in unit.prose.sentences(block):
            text = masked[sentence.start:sentence.end]
            m = re.match(r"[\"'\u2018\u201c(]*(\d[\d,]*)(?=[\s%])", text)
            if m and not text[m.end(1):].startswith("%"):
                start = sentence.start + m.start(1)
                yield Hit(start, start + len(m.group(1)), "a number that starts a sentence "
                          "is written in words, or the sentence reworded", None)


def _numbers_in_words(rule: Rule, unit: Unit) -> Iterator[Hit]:
    masked = unit.prose.masked
    for m in DIGITS_ONE_TO_NINE.finditer(masked):
        after = masked[m.end():m.end() + 12].lstrip().casefold()
        if re.match(r"(am|pm|per|million|billion|mm|cm|km|kg|mb|kb|gb|%)\b", after):
            continue
        word = _UNITS[int(m.group(1)) - 1]
        yield Hit(m.start(), m.end(), f"write \u2018{word}\u2019: one to nine in words", word)


# ---- capitals, sentences and paragraphs ----------------------------------------------------

CAPS_RUN = re.compile(r"(?:[A-Z][A-Z'\u2019]+|\b[AI]\b|&)(?:[^\S\n]*[,;:\-\u2013]?[^\S\n]+"
                      r"(?:[A-Z][A-Z'\u2019]+|\b[AI]\b|&)){1,}(?![a-z])")


def check_capitals(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    least = int(rule.param("min_words", 3))
    for m in CAPS_RUN.finditer(unit.prose.masked):
        words = [w for w in re.findall(r"[A-Z][A-Z'\u2019]+", m.group()) if len(w) > 1]
        if len(words) >= least and not re.match(r"[a-z]", unit.prose.masked[m.end():]):
            yield Hit(m.start(), m.end(), "text in capitals is hard to read: use "
                      "sentence case (capitals only for acronyms)", None)


def check_sentence_length(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    most = int(rule.param("max_words", 25))
    for block in unit.prose.blocks:
        if block.kind == "heading":
            continue
        for sentence in unit.prose.sentences(block):
            if sentence.words > most:
                end = sentence.end
                while end > sentence.start and unit.text[end - 1] in " \t\n":
                    end -= 1
                yield Hit(sentence.start, end, f"this sentence has {sentence.words} words; aim "
                          f"for {most} at most", None)


def check_paragraph_length(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    most = int(rule.param("max_sentences", 5))
    for block in unit.prose.blocks:
        if block.kind != "paragraph":
            continue
        count = len(unit.prose.sentences(block))
        if count > most:
            yield Hit(block.start, block.end, f"this paragraph has {count} sentences; aim for "
                      f"{most} at most", None)


# ---- passive voice (counted, not flagged) --------------------------------------------------

_IRREGULAR = ("arisen awoken beaten become begun bent bitten blown broken brought built bought "
              "caught chosen done drawn driven eaten fallen felt fought found forgotten forgiven "
              "frozen given gone grown held hidden hit hurt kept known laid led left lent lost "
              "made meant met paid put read run said seen sent set shown shut sold spent spoken "
              "stolen struck sworn taken taught thrown told understood won worn written").split()
PASSIVE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:\w+ed|"
    + "|".join(_IRREGULAR) + r")\b", re.I)


def passive_count(unit: Unit) -> int:
    """Sentences with a passive construction ("was seized", "are being reviewed")."""
    count = 0
    for block in unit.prose.blocks:
        for sentence in unit.prose.sentences(block):
            if PASSIVE.search(unit.prose.masked, sentence.start, sentence.end):
                count += 1
    return count


def check_passive(rule: Rule, unit: Unit, ctx: Context) -> Iterator[Hit]:
    return iter(())  # counted in the article figures, never flagged one by one


# ---- facts collected for the issue-wide rules ----------------------------------------------

ACRONYM = re.compile(r"(?<![\w.\-/])([A-Z][A-Z&]*[A-Z])(?:s|['\u2019]s)?(?![\w\-]|\.\w)")
ROMAN = re.compile(r"^[IVXLCDM]+$")


@dataclass(frozen=True)
class AcronymUse:
    acronym: str
    start: int
    end: int
    defined: bool


def acronym_uses(unit: Unit, ctx: Context | None = None) -> list[AcronymUse]:
    """Acronyms in a field, with whether this use spells it out ("National Crime Agency (NCA)",
    or "NCA (National Crime Agency)"). With a dictionary, an ordinary word in a phrase set in
    capitals ("WHAT'S NEW", "MEET THE TEAM") is a heading in capitals, not an acronym."""
    masked = unit.prose.masked
    out: list[AcronymUse] = []
    if not _TWO_CAPITALS.search(masked):
        return out
    # a run of capitals ("CLOSING DATE FOR") is shouting, for the capitals rule, not acronyms
    shouted = [(m.start(), m.end()) for m in CAPS_RUN.finditer(masked)
               if len(re.findall(r"[A-Z]{2,}", m.group())) >= 3]
    for m in ACRONYM.finditer(masked):
        acronym = m.group(1)
        if ROMAN.match(acronym) and len(acronym) <= 4:
            continue
        if any(s <= m.start() < e for s, e in shouted):
            continue
        if ctx is not None and _in_caps_phrase(masked, m.start(), m.end()) and \
                ctx.knows(acronym.lower()):
            continue
        defined = masked[m.start() - 1:m.start()] == "(" and \
            masked[m.end():m.end() + 1] == ")" and \
            re.search(r"[A-Za-z]{2,}\s*$", masked[max(0, m.start() - 60):m.start() - 1]) \
            is not None
        if not defined:
            spelled = _SPELLED_AFTER.match(masked, m.end())
            defined = bool(spelled and len(spelled.group(1).split()) >= 2)
        out.append(AcronymUse(acronym, m.start(), m.end(), defined))
    return out


_TWO_CAPITALS = re.compile(r"[A-Z][A-Z&]*[A-Z]")
_CAPS_BEFORE = re.compile(r"(?:^|[^\w])[A-Z]{2,}['\u2019A-Z]*[ \t]+$")
_CAPS_AFTER = re.compile(r"['\u2019A-Z]*[ \t]+[A-Z]{2,}\b")


def _in_caps_phrase(masked: str, start: int, end: int) -> bool:
    """Whether the word has another word in capitals right before or after it."""
    return bool(_CAPS_BEFORE.search(masked[max(0, start - 30):start]) or
                _CAPS_AFTER.match(masked, end))
_SPELLED_AFTER = re.compile(r"\s*\(([^)]{4,80})\)")


OPERATION = re.compile(r"\b(?:Operation|Op|Project|Exercise)\s+([A-Z][A-Z\-]+)\b")


def operation_names(unit: Unit) -> set[str]:
    """Names of operations written in capitals (Operation HARBOUR): names, not acronyms."""
    return {m.group(1) for m in OPERATION.finditer(unit.prose.masked)}


@dataclass(frozen=True)
class TermUse:
    term: str  # the rule's form, lower case
    text: str  # as written
    start: int
    end: int
    sentence_start: bool


@lru_cache(maxsize=16)
def _terms_regex(terms: tuple[str, ...]) -> re.Pattern:
    parts = sorted((re.escape(t).replace(r"\ ", r"\s+") for t in terms), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.I)


def term_uses(unit: Unit, terms: tuple[str, ...]) -> list[TermUse]:
    if not terms:
        return []
    out = []
    masked = unit.prose.masked
    for m in _terms_regex(terms).finditer(masked):
        written = m.group()
        if not written.islower() and _in_a_name(masked, m.start(), m.end(), unit):
            continue
        opened = masked[max(0, m.start() - 1):m.start()] in ("'", '"', "\u2018", "\u201c")
        out.append(TermUse(" ".join(written.casefold().split()), written, m.start(), m.end(),
                           opened or starts_sentence(unit, m.start())))
    return out


def _in_a_name(masked: str, start: int, end: int, unit: Unit) -> bool:
    """Whether capitalised words run on either side: "the Kestrel Coast Serious and Organised
    Crime Partnership" is a name, where the rule does not apply."""
    before = re.search(r"([A-Za-z]+)[ \t]+$", masked[max(0, start - 40):start])
    after = re.match(r"[ \t]+([A-Za-z]+)", masked[end:end + 40])
    if after and after.group(1)[0].isupper():
        return True
    return bool(before and before.group(1)[0].isupper() and not starts_sentence(
        unit, start - len(before.group(0))))


UNIT_CHECKS: dict[str, Check] = {
    "word-list": check_word_list,
    "pattern": check_pattern,
    "ize": check_ize,
    "program": check_program,
    "license-noun": check_license_noun,
    "link-text": check_link_text,
    "dates": check_dates,
    "numbers": check_numbers,
    "capitals": check_capitals,
    "sentence-length": check_sentence_length,
    "paragraph-length": check_paragraph_length,
    "passive": check_passive,
}
