"""Measure the spell-checking libraries the proofing checker could be built on.

Not part of ``make bench``: the candidates are not dependencies of the app, and two of them
install the same module name (``hunspell``), so each needs its own virtual environment::

    python3 -m venv /tmp/c1 && /tmp/c1/bin/pip install chunspell-next codespell
    /tmp/c1/bin/python bench/spell_candidates.py

Every candidate present in the running interpreter is measured on the same material:

- speed: checking every word of the real seventh edition (``/work/shared/reference``) or, if
  that is absent, the demo edition, as milliseconds per 1,000 words (median of 5 runs);
- suggestions: top-1 and top-5 hit rate on ``tests/fixtures/proof/misspellings.txt`` and on a
  sample of codespell's list of misspellings found in the wild (when codespell is installed);
- false flags: how many of ``tests/fixtures/proof/british-words.txt`` are rejected, and how
  many lower-case words of the real edition are rejected;
- the time to load the dictionary.

Prints one JSON object per candidate.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DICT = ROOT / "resources" / "dictionaries"
FIXTURES = ROOT / "tests" / "fixtures" / "proof"
REFERENCE = Path("/work/shared/reference/bulletin-seventh-edition.txt")
WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")


def pairs(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            wrong, right = line.split()
            out.append((wrong, right))
    return out


def words(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def codespell_sample(accept, limit: int = 400) -> list[tuple[str, str]]:
    """Lower-case one-word misspellings from codespell whose correction en_GB accepts."""
    try:
        import codespell_lib
    except ImportError:
        return []
    data = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    rows = []
    for line in data.read_text(encoding="utf-8").splitlines():
        wrong, _, right = line.partition("->")
        right = right.strip().rstrip(",")
        if "," in right or not wrong.isalpha() or not right.isalpha() or not wrong.islower():
            continue
        rows.append((wrong, right))
    step = max(1, len(rows) // (limit * 3))
    sample = []
    for wrong, right in rows[::step]:
        if accept(right) and not accept(wrong):
            sample.append((wrong, right))
        if len(sample) >= limit:
            break
    return sample


def candidates():
    """(name, version, load) for each library importable here; load() -> (spell, suggest)."""
    found = []
    try:
        import hunspell  # chunspell or chunspell-next: both install this module

        dist = "chunspell-next" if _has("chunspell-next") else "chunspell"

        def load_hunspell():
            h = hunspell.Hunspell("en_GB", hunspell_data_dir=str(DICT))
            return h.spell, lambda w: list(h.suggest(w))

        found.append((dist, metadata.version(dist), load_hunspell))
    except ImportError:
        pass
    try:
        from spylls.hunspell import Dictionary

        def load_spylls():
            d = Dictionary.from_files(str(DICT / "en_GB"))
            return d.lookup, lambda w: list(d.suggest(w))

        found.append(("spylls", metadata.version("spylls"), load_spylls))
    except ImportError:
        pass
    try:
        from spellchecker import SpellChecker

        def load_pyspellchecker():
            sc = SpellChecker(language="en")  # it reads no Hunspell files; its own list only

            def suggest(w):
                cands = sc.candidates(w) or []
                return sorted(cands, key=lambda c: -sc.word_usage_frequency(c))

            return (lambda w: not sc.unknown([w.lower()])), suggest

        found.append(("pyspellchecker", metadata.version("pyspellchecker"), load_pyspellchecker))
    except ImportError:
        pass
    return found


def _has(dist: str) -> bool:
    try:
        metadata.version(dist)
        return True
    except metadata.PackageNotFoundError:
        return False


def hit_rates(suggest, rows: list[tuple[str, str]]) -> dict[str, float]:
    top1 = top5 = 0
    for wrong, right in rows:
        got = suggest(wrong)
        top1 += bool(got) and got[0] == right
        top5 += right in got[:5]
    n = len(rows) or 1
    return {"n": len(rows), "top1": round(top1 / n, 3), "top5": round(top5 / n, 3)}


def measure(name: str, version: str, load) -> dict:
    start = time.perf_counter()
    spell, suggest = load()
    load_s = time.perf_counter() - start
    text = REFERENCE.read_text(encoding="utf-8") if REFERENCE.exists() else \
        (ROOT / "resources" / "demo" / "issue.yaml").read_text(encoding="utf-8")
    tokens = [m.group().replace("\u2019", "'") for m in WORD.finditer(text)]
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        for token in tokens:
            spell(token)
        runs.append(time.perf_counter() - start)
    per_k = statistics.median(runs) / len(tokens) * 1000
    lower = [t for t in tokens if t.islower()]
    flagged_text = sorted({t for t in lower if not spell(t)})
    british = words(FIXTURES / "british-words.txt")
    british_flagged = [w for w in british for part in w.split("-") if not spell(part)]
    start = time.perf_counter()
    own = hit_rates(suggest, pairs(FIXTURES / "misspellings.txt"))
    suggest_s = (time.perf_counter() - start) / max(own["n"], 1)
    wild = hit_rates(suggest, codespell_sample(spell))
    return {
        "candidate": name, "version": version,
        "load_ms": round(load_s * 1000, 1),
        "check_ms_per_1000_words": round(per_k * 1000, 2),
        "suggest_ms_per_word": round(suggest_s * 1000, 1),
        "misspellings_list": own, "codespell_sample": wild,
        "british_words_rejected": british_flagged,
        "british_words_total": len(british),
        "edition_lowercase_words_rejected": len(flagged_text),
        "edition_lowercase_distinct": len(set(lower)),
        "edition_rejected_examples": flagged_text[:25],
    }


def main() -> None:
    found = candidates()
    if not found:
        sys.exit("no candidate library is installed in this interpreter")
    for name, version, load in found:
        print(json.dumps(measure(name, version, load), ensure_ascii=False))


if __name__ == "__main__":
    main()
