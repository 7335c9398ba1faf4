"""Quotations with their speakers, recognised the way an editor picks a pull quote.

Three shapes, from a table of reporting verbs and quotation marks:

- the quotation first: "“…,” said DI Jones." / "“…” – DI Jones" / "“…,” DI Jones said.";
- the speaker first, in the same paragraph: "DI Jones said: “…”";
- the speaker's line, then the quotation as a paragraph of its own ("Chief Executive Jo Bloggs
  said:" and a quoted, bold or block-quoted paragraph after it).

Quotation marks are taken in pairs (“…”, "…", ‘…’, '…', «…»): an apostrophe inside a word
("don’t") does not close a quotation, and a closing mark followed by a full stop (“….”. or
“…”.) is still the close of the pair. Text in quotation marks that is too short to print large,
or whose speaker is only a pronoun, is left alone.
"""

from __future__ import annotations

import re

OPEN_QUOTES = "\"\u201c\u201e\u00ab\u2018'"
CLOSE_QUOTES = "\"\u201d\u00bb\u2019'"
PAIRS = {"\u201c": "\u201d", "\"": "\"", "\u2018": "\u2019", "'": "'", "\u00ab": "\u00bb",
         "\u201e": "\u201c"}
MIN_QUOTE = 12  # characters: anything shorter is no pull quote
QUOTE_MARKS = frozenset(OPEN_QUOTES + CLOSE_QUOTES)
MAX_SUGGESTED_QUOTES = 3  # pull quotes an import suggests per article


def suggestions_full(pull_quotes: list) -> bool:
    """Whether an article already has as many suggested pull quotes as an import makes."""
    return sum(bool(q.extra.get("suggested")) for q in pull_quotes) >= MAX_SUGGESTED_QUOTES
VERBS = (r"(?:said|says|added|adds|explained|explains|commented|comments|stated|states|"
         r"told\s+(?:us|the\s+\w+|[A-Z][\w-]*)|remarked|noted|notes|continued|concluded|"
         r"reflected|warned|urged|emphasised|emphasized|highlighted|insisted|admitted|"
         r"declared|announced|recalled|observed|acknowledged|confirmed)")
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "one", "someone", "who"}


def _quoted(group: str) -> str:
    """A pattern for a quotation in any pair of marks, its words in ``group``."""
    alternatives = []
    for n, (open_mark, close_mark) in enumerate(PAIRS.items()):
        o, c = re.escape(open_mark), re.escape(close_mark)
        if close_mark in "\u2019'":
            # An apostrophe between letters (don’t, O’Neill) is not the closing mark.
            inner = rf"(?:[^{o}{c}]|(?<=\w){c}(?=\w))"
        else:
            inner = rf"[^{o}{c}]"
        alternatives.append(rf"{o}\s*(?P<{group}{n}>{inner}{{{MIN_QUOTE},}}?)\s*{c}")
    return "(?:" + "|".join(alternatives) + ")"


def _words(match: re.Match[str], group: str) -> str:
    for n in range(len(PAIRS)):
        value = match.groupdict().get(f"{group}{n}")
        if value is not None:
            return value
    return ""


_Q1, _Q2 = _quoted("q"), _quoted("r")
# “…,” said DI Jones, of Example Police.  /  “…,” said DI Jones. “More words.”
_QUOTE_THEN_SPEAKER = re.compile(
    rf"^{_Q1}\s*[,.]?\s*{VERBS}\s+(?P<who>[^\"\u201c\u201d]+?)[.,]?(?:\s+{_Q2}\s*)?[.]?\s*$",
    re.IGNORECASE | re.DOTALL)
# “…,” DI Jones said.
_QUOTE_SPEAKER_VERB = re.compile(
    rf"^{_Q1}\s*[,.]?\s*(?P<who>(?:the\s+)?[A-Z][^\"\u201c\u201d]{{1,120}}?)\s+{VERBS}\s*[.,]?"
    rf"(?:\s+{_Q2})?\s*[.]?\s*$",
    re.DOTALL)
# “…” – DI Jones   /   “…”, according to DI Jones.
_QUOTE_DASH_SPEAKER = re.compile(
    rf"^{_Q1}\s*[.,]?\s*(?:[-\u2013\u2014~]+|,?\s*according\s+to)\s*(?P<who>[^\"\u201c\u201d]+?)"
    r"[.]?\s*$", re.DOTALL)
# DI Jones said: “…”  /  DI Jones said “…”.
_SPEAKER_THEN_QUOTE = re.compile(
    rf"^(?P<who>[^\"\u201c\u201d\u2018]{{3,160}}?)\s*,?\s+{VERBS}\s*[:,]?\s*{_Q1}\s*[.]?\s*$",
    re.IGNORECASE | re.DOTALL)
# A line introducing the quotation below it: "Chief Executive Jo Bloggs said:"
_SAID_LINE = re.compile(
    rf"^(?:(?P<who>[^\"\u201c\u201d]{{3,160}}?)\s*,?\s+{VERBS}|(?:in\s+the\s+words\s+of|as)\s+"
    rf"(?P<who2>[^\"\u201c\u201d]{{3,160}}?)(?:\s+put\s+it)?)\s*[:,]?\s*$",
    re.IGNORECASE | re.DOTALL)

_ABBREVIATIONS = {
    "insp", "supt", "ch", "det", "sgt", "cllr", "dr", "mr", "mrs", "ms", "mx", "prof", "pc",
    "dc", "ds", "di", "dci", "dcs", "con", "rev", "lt", "col", "capt", "gen", "hon", "rt", "st",
    "jr", "sr", "no", "co", "ltd", "inc",
}


def find_quote(text: str) -> tuple[str, str] | None:
    """The quotation and its speaker in a sentence of reported speech, or None."""
    text = " ".join(text.split())
    if len(text) > 1200:
        return None
    for pattern in (_QUOTE_THEN_SPEAKER, _QUOTE_SPEAKER_VERB, _QUOTE_DASH_SPEAKER,
                    _SPEAKER_THEN_QUOTE):
        match = pattern.match(text)
        if not match:
            continue
        quote = _tidy(_words(match, "q"))
        more = _words(match, "r")
        if more:
            quote = f"{_end_sentence(quote)} {_tidy(more)}"
        who = speaker(match.group("who"))
        if who and quote:
            return quote, who
    return None


def said_line(text: str) -> str | None:
    """The speaker of a line that introduces a quotation below it ("X said:"), or None."""
    text = " ".join(text.split())
    if len(text) > 200 or not text.rstrip().endswith((":", ",")) and not re.search(
            rf"\b{VERBS}$", text, re.IGNORECASE):
        return None
    match = _SAID_LINE.match(text)
    if not match:
        return None
    return speaker(match.group("who") or match.group("who2") or "") or None


def unquote(text: str) -> str | None:
    """The words of a paragraph that is one quotation in a pair of marks, else None.

    “ Our mission is … practices ”.  ->  "Our mission is … practices"
    """
    text = " ".join(text.split())
    if not text or text[0] not in PAIRS:
        return None
    close = PAIRS[text[0]]
    body = text[1:]
    end = len(body.rstrip(" .,;:!?"))
    trimmed = body[:end]
    if not trimmed.endswith(close):
        # “Words.” with the stop inside, or a mark followed by nothing: look for the close
        # just before the trailing punctuation.
        return None
    inner = trimmed[:-1]
    if PAIRS.get(text[0]) in inner and not _apostrophes_only(inner, close):
        return None  # two quotations, not one
    inner = _tidy(inner)
    return inner if len(inner) >= MIN_QUOTE else None


def _apostrophes_only(inner: str, close: str) -> bool:
    if close not in "\u2019'":
        return False
    return all(0 < i < len(inner) - 1 and inner[i - 1].isalpha() and inner[i + 1].isalpha()
               for i, c in enumerate(inner) if c == close)


def strip_marks(text: str) -> str:
    """Text with the quotation marks around it taken off in a pair, or a lone mark at either
    end taken off (a quotation split over paragraphs)."""
    words = unquote(text)
    if words is not None:
        return words
    text = " ".join(text.split())
    if text and text[0] in PAIRS and PAIRS[text[0]] not in text[1:]:
        text = text[1:]
    stripped = text.rstrip(" .,;")
    if stripped and stripped[-1] in CLOSE_QUOTES and not any(
            o in stripped[:-1] for o in OPEN_QUOTES if PAIRS.get(o) == stripped[-1]):
        text = stripped[:-1]
    return _tidy(text)


def _tidy(quote: str) -> str:
    """The words of a quotation without the comma that led into "said"."""
    return quote.strip().rstrip(",").strip()


def _end_sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else f"{text}."


def speaker(text: str) -> str:
    """Who said it: "DI Jones, of Example Police. More words." -> "DI Jones, of Example
    Police"; a relative clause (", who leads the team") and a leading "The" are left out."""
    text = text.strip()
    for end in re.finditer(r"(\w+)\.(?:\s|$)", text):
        word = end.group(1)
        # "Insp. R. Cole" goes on past the full stops of titles and initials.
        if len(word) == 1 or word.casefold() in _ABBREVIATIONS:
            continue
        text = text[: end.end(1)]
        break
    text = re.split(r",\s+(?:who|which|whose|where)\b", text, maxsplit=1)[0]
    # "Speaking at the launch, X" / "In a statement, X": the speaker is X.
    text = re.sub(r"^(?:(?:speaking|commenting|writing|talking|responding)\b[^,]{0,80}|"
                  r"in\s+a\s+statement|at\s+the\s+\w+(?:\s+\w+)?),\s*", "", text,
                  flags=re.IGNORECASE)
    text = text.strip(" .,:;\u2013\u2014-")
    text = re.sub(r"^(?:The|the)\s+", "", text)
    if not text or len(text) > 160 or text[0] in OPEN_QUOTES or not any(
            w[0].isupper() for w in text.split()):
        return ""
    if text.split()[0].casefold() in _PRONOUNS:
        return ""
    return text


def quote_in(text: str, previous: str = "", bold: bool = False) -> tuple[str, str] | None:
    """The pull quote a paragraph holds, given the paragraph before it: a sentence of reported
    speech, a quotation introduced by "X said:" on the line before (in marks, or in bold), or
    a paragraph that is one quotation with no speaker."""
    speaker_before = said_line(previous) if previous else None
    if speaker_before:
        words = unquote(text)
        if words is None and bold and not any(c in text for c in OPEN_QUOTES[:4]):
            words = " ".join(text.split())
        if words and len(words) >= MIN_QUOTE:
            return words, speaker_before
    if not QUOTE_MARKS & set(text):
        return None  # no quotation marks: no quotation
    found = find_quote(text)
    if found is not None:
        return found
    words = unquote(text)
    if words is not None:
        return words, ""
    return None
