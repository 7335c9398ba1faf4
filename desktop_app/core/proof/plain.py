"""Plain English: syllables, sentence and word counts, and the reading age built on them.

The reading age is the Flesch-Kincaid grade (0.39 x words per sentence + 11.8 x syllables per
word - 15.59) plus five years, the usual way a US school grade becomes a UK reading age. textstat
was the obvious library, but since 0.7.4 it counts syllables with NLTK's CMU dictionary, which
it downloads on first use: no network at run time rules it out. The syllable counter below is a
rule-of-thumb one; README gives its agreement with the CMU dictionary on real text.
"""

from __future__ import annotations

import re
import statistics
from functools import lru_cache

from .findings import ArticleStats, Unit
from .style import passive_count
from .text import COUNT_WORD

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Two vowels written together but said apart (ra-di-o, se-ri-ous, be-ing, i-de-a); the letters
# before them that merge them into one sound (na-tion, so-cial, re-li-gion) are left out.
_SPLIT = re.compile(r"(?<![tscgnlx])io|(?<![tscg])ia|(?<![tcsxg])iou|(?<![qg])ua|"
                    r"(?<!t)ie(?=[nt])|[aeiouy]ing$|ea$|^crea|oe[mt]|^coo[pr]|(?<!p)eo")
_SILENT_E = re.compile(r"[^aeiouyl]e$|[aeiouy]le$|[^aeiouysxzhcgl]es$|[aeiouy]les$|"
                       r"[^aeiouydt]ed$")
# An e that is silent inside a word, before a common ending (state-ment, safe-guard).
_INNER_E = re.compile(r"[aeiou][^aeiouyl]{1,2}e(?:ment|ness|ful|less|ly|guard)")
_IRREGULAR_SYLLABLES = {"business": 2, "businesses": 3, "every": 2, "different": 3,
                        "evening": 2, "interest": 2, "interested": 3, "family": 3}


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    """Syllables in an English word, by rule of thumb (README gives its agreement with the CMU
    pronouncing dictionary)."""
    w = re.sub(r"[^a-z]", "", word.casefold())
    if not w:
        return 0
    if w in _IRREGULAR_SYLLABLES:
        return _IRREGULAR_SYLLABLES[w]
    if len(w) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(w))
    if _SILENT_E.search(w):
        count -= 1
    count -= len(_INNER_E.findall(w))
    count += len(_SPLIT.findall(w))
    return max(1, count)


def unit_stats(unit: Unit) -> ArticleStats:
    """Words, sentences and syllables of a field's running text (sub-headings left out)."""
    stats = ArticleStats(unit.where.article_id, "")
    masked = unit.prose.masked
    for block in unit.prose.blocks:
        if block.kind == "heading":
            continue
        for sentence in unit.prose.sentences(block):
            words = COUNT_WORD.findall(masked, sentence.start, sentence.end)
            if not words:
                continue
            stats.sentences += 1
            stats.words += len(words)
            stats.syllables += sum(syllables(w) if not w[0].isdigit() else
                                   max(1, len(w) // 2) for w in words)
            if len(words) > 25:
                stats.long_sentences += 1
    stats.passive = passive_count(unit)
    return stats


def median_age(articles: list[ArticleStats], min_words: int) -> float | None:
    ages = [a.reading_age for a in articles if a.words >= min_words and a.reading_age]
    return statistics.median(ages) if ages else None
