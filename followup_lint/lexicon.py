"""Word lists shipped in ``rules/vocabulary`` and the spell checker, each loaded once, lazily."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from followup_lint.datafiles import rules_dir

if TYPE_CHECKING:
    from spellchecker import SpellChecker

_spell_lock = threading.Lock()


def vocabulary_dir() -> Path:
    """Folder of the shipped word lists."""
    return rules_dir() / "vocabulary"


@cache
def word_list(name: str) -> frozenset[str]:
    """A shipped one-word-a-line list (lowercase); a missing list is an empty set."""
    path = vocabulary_dir() / name
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


class PhrasePattern:
    """Phrases found as whole words in lowercased text: "for me" is not found in "for
    mentioning", "i'm single" not in "i'm single-handedly". A phrase that starts or ends
    with punctuation (", you know") is matched as written at that end. A plain substring
    test runs first: most sentences hold none of the phrases, and it is some twenty times
    cheaper than the bounded expression."""

    __slots__ = ("phrases", "_pattern")

    def __init__(self, phrases: tuple[str, ...]):
        def bounded(phrase: str) -> str:
            before = r"(?<![\w-])" if phrase[:1].isalnum() else ""
            after = r"(?![\w-])" if phrase[-1:].isalnum() else ""
            return before + re.escape(phrase) + after
        self.phrases = phrases
        self._pattern = re.compile("|".join(bounded(p) for p in phrases))

    def search(self, text: str) -> re.Match[str] | None:
        for phrase in self.phrases:  # (a loop: a third cheaper than any() over a generator)
            if phrase in text:
                return self._pattern.search(text)
        return None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        for phrase in self.phrases:
            if phrase in text:
                yield from self._pattern.finditer(text)
                return


def phrase_pattern(phrases: tuple[str, ...]) -> PhrasePattern:
    """The PhrasePattern of ``phrases``; build it once, where the phrases are defined."""
    return PhrasePattern(phrases)


@cache
def misspellings() -> dict[str, str]:
    """Curated corrections for misspellings whose dictionary top candidate is wrong."""
    path = vocabulary_dir() / "misspellings.tsv"
    if not path.is_file():
        return {}
    pairs = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return {p[0].strip().lower(): p[1].strip() for p in pairs if len(p) == 2}


@lru_cache(maxsize=1)
def _spellchecker() -> SpellChecker:
    from spellchecker import SpellChecker

    checker = SpellChecker(language="en", distance=1)
    # Bulk-loading is ~1000x faster than adding words one at a time.
    checker.word_frequency.load_words(sorted(word_list("professional.txt")))
    return checker


def spellchecker() -> SpellChecker:
    """The shared spell checker with the professional vocabulary loaded (thread-safe load)."""
    with _spell_lock:
        return _spellchecker()


@cache
def _valences() -> dict[str, float]:
    """The VADER sentiment lexicon (MIT): 7,500 words and emoticons rated -4 to +4 by
    human raters, read from the vaderSentiment package's own data file (no import of its
    analyser, no network)."""
    from importlib.resources import files

    lines = files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    table: dict[str, float] = {}
    for line in lines.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                table[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return table


def valence(word: str) -> float:
    """How positive (up to +4) or negative (down to -4) a word reads; 0 when unrated."""
    return _valences().get(word.lower(), 0.0)
