"""British English spelling: Hunspell with the bundled en_GB dictionary, and the word lists.

Hunspell comes from ``chunspell-next`` (its wheels carry the C++ library for Windows, macOS and
Linux, so nothing is installed system-wide); the dictionary ships in ``resources/dictionaries``.
README's "Proofing" section has the figures that chose it over spylls, pyspellchecker and
pyenchant.

Which words are never flagged, whatever Hunspell says: words in capitals (SOC, NCA, OCGs),
words with a capital inside (GOV.UK, SafeLives), words touching a digit (2nd, 10am), the names
of the issue's contacts and the team's directory, the team's own word list and the words
ignored in this issue.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.resources import resource_dir

from ..errors import BulletinError
from ..fileio import FileTooBig, read_regular, write_bytes_atomic

LANGUAGE = "en_GB"
TEAM_WORDS_FILE = "team-dictionary.txt"
MAX_WORDLIST_BYTES = 2 * 1024 * 1024
_CAPITALS = re.compile(r"^[A-Z][A-Z'\u2019]*[A-Z](?:['\u2019]?s)?$")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


class SpellingUnavailable(BulletinError):
    """The spell checker could not be started (library or dictionary missing or unreadable)."""


def dictionary_dir() -> Path:
    return resource_dir() / "dictionaries"


class Speller:
    """Hunspell on the bundled dictionary, safe to call from several threads, with a cache.

    Hunspell keeps working buffers in its handle, so calls are serialised with a lock; the
    cache answers repeated words (most of any text) without taking it.
    """

    def __init__(self, folder: Path | None = None, language: str = LANGUAGE) -> None:
        folder = folder or dictionary_dir()
        try:
            from hunspell import Hunspell
        except ImportError as exc:
            raise SpellingUnavailable(f"the spell checker is not installed ({exc})") from None
        try:
            self._hunspell = Hunspell(language, hunspell_data_dir=str(folder))
        except Exception as exc:  # the binding raises IOError subclasses or UnicodeError
            raise SpellingUnavailable(
                f"the {language} dictionary in {folder} cannot be read ({exc})") from None
        self._lock = threading.Lock()
        self._known: dict[str, bool] = {}

    def check(self, word: str) -> bool:
        """Whether Hunspell knows the word (curly apostrophes read as straight ones)."""
        known = self._known.get(word)
        if known is None:
            plain = word.replace("\u2019", "'")
            with self._lock:
                known = bool(self._hunspell.spell(plain))
            if len(self._known) > 200_000:
                self._known.clear()
            self._known[word] = known
        return known

    def suggest(self, word: str, limit: int = 6) -> list[str]:
        """Hunspell's suggestions, best first. Slow (0.1–0.3 s a word): only on request."""
        plain = word.replace("\u2019", "'")
        with self._lock:
            found = list(self._hunspell.suggest(plain))
        if "\u2019" in word:
            found = [s.replace("'", "\u2019") for s in found]
        return found[:limit]


_shared: Speller | None = None
_shared_error: str | None = None
_shared_lock = threading.Lock()


def shared_speller() -> Speller:
    """The one speller of this process, loaded on first use (about 0.15 s); raises
    SpellingUnavailable, the same message every time, if it cannot be loaded."""
    global _shared, _shared_error
    with _shared_lock:
        if _shared is None and _shared_error is None:
            try:
                _shared = Speller()
            except SpellingUnavailable as exc:
                _shared_error = str(exc)
        if _shared is None:
            raise SpellingUnavailable(_shared_error or "the spell checker is not available")
        return _shared


def speller_loaded() -> bool:
    """Whether the shared speller is ready without waiting (the window asks before drawing)."""
    return _shared is not None


_VERSIONS = itertools.count(1)


@dataclass
class WordLists:
    """Words to accept beyond the dictionary: names, the team's list, this issue's ignores."""

    names: set[str] = field(default_factory=set)
    team: set[str] = field(default_factory=set)
    ignored: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.version = 0  # a new number, never used by any other list, at every change
        self._exact: set[str] = set()
        self._folded: set[str] = set()
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the lookup after one of the sets changed."""
        self.version = next(_VERSIONS)
        self._exact = set(self.team) | set(self.ignored)
        # A name or a lower-case entry accepts any capitalisation; "Kestrel" only itself
        # and KESTREL, as Hunspell treats its own entries.
        self._folded = {n.casefold() for n in self.names}
        self._folded |= {w.casefold() for w in self._exact if w.islower()}
        self._exact |= {w.upper() for w in self._exact}

    def accepts(self, word: str) -> bool:
        word = word.replace("\u2019", "'")
        if word.endswith("'s"):
            base = word[:-2]
            if base in self._exact or base.casefold() in self._folded:
                return True
        return word in self._exact or word.casefold() in self._folded


def never_flagged(word: str, before: str, after: str) -> bool:
    """Words no dictionary should judge: capitals, inner capitals, words touching digits or
    dots (2nd, file.png)."""
    if _CAPITALS.match(word) or _INNER_CAPITAL.search(word):
        return True
    if before[-1:].isdigit() or after[:1].isdigit():
        return True
    if before[-1:] in ("_", "/", "\\", "@", "#") or after[:1] in ("_", "@", "/", "\\"):
        return True
    return after[:1] == "." and after[1:2].isalnum()


def name_words(names: Iterable[str]) -> set[str]:
    """The words of people's names and organisations, for the spell checker to accept."""
    out: set[str] = set()
    for name in names:
        for word in re.findall(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*", name):
            out.add(word)
            out.update(part for part in re.split(r"['\u2019-]", word) if part)
    return out


# ---- the team's word list, beside the contact directory --------------------------------------


def team_words_path(issue_folder: Path | str) -> Path:
    """Where the team's word list lives: the folder that holds the issue folders (and
    ``contacts.yaml``)."""
    return Path(issue_folder).resolve().parent / TEAM_WORDS_FILE


def read_small_text(path: Path | str, limit: int, what: str,
                    error: type[BulletinError] = BulletinError) -> str | None:
    """The text of a small UTF-8 file the team edits (a word list, a rules file); None if
    there is none. Too big or unreadable raises ``error`` with one line naming the file."""
    path = Path(path)
    try:
        return read_regular(path, limit).decode("utf-8-sig")
    except FileNotFoundError:
        return None
    except FileTooBig:
        raise error(f"{path}: too big for {what}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: {what} cannot be read ({exc})") from None


def load_team_words(path: Path | str) -> set[str]:
    """The words in a team word list (one a line, ``#`` comments); empty if there is none."""
    text = read_small_text(path, MAX_WORDLIST_BYTES, "the team's word list") or ""
    return {ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}


def add_team_word(path: Path | str, word: str) -> set[str]:
    """Add a word to the team's list (written atomically, sorted); the new list."""
    word = clean_word(word)
    words = load_team_words(path) | {word}
    text = ("# The team's own words, accepted by the spell checker in every issue.\n"
            "# One word a line; a word in lower case also matches it with a capital.\n")
    text += "".join(f"{w}\n" for w in sorted(words, key=lambda w: (w.casefold(), w)))
    try:
        write_bytes_atomic(path, text.encode("utf-8"), backup=True)
    except OSError as exc:
        raise BulletinError(f"{path}: cannot be saved ({exc.strerror or exc})") from None
    return words


def clean_word(word: str) -> str:
    """A word as stored in a list: one token, straight apostrophes, no spaces."""
    word = word.strip().replace("\u2019", "'")
    if not word or any(c.isspace() for c in word) or len(word) > 80:
        raise BulletinError(f"'{word}' is not a single word")
    return word
