"""Simple measurements of the writer's prose: words, sentences, reading grade, questions.

The reading grade is the Flesch-Kincaid grade level,
``0.39 * words/sentences + 11.8 * syllables/words - 15.59``, computed over the parse's
own words and sentences (the email layout is already known, so lines such as the
greeting are not run into the first sentence). Syllables come from pyphen's
hyphenation dictionary, which ships with the package and works offline.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from followup_lint.model import Metrics

if TYPE_CHECKING:
    from pyphen import Pyphen
    from spacy.tokens import Token

    from followup_lint.draft import Draft

#: Below this many words a reading grade says nothing.
MIN_WORDS_FOR_GRADE = 10


@lru_cache(maxsize=1)
def _hyphenator() -> Pyphen:
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


#: pyphen keeps every word it has hyphenated in a dictionary of its own; past this size
#: it is emptied, so memory stays flat over long runs (our own cache below is bounded).
_PYPHEN_CACHE_LIMIT = 10_000


@lru_cache(maxsize=16384)
def syllables(word: str) -> int:
    """Syllables in one word (at least one)."""
    hyphenator = _hyphenator()
    count = max(1, len(hyphenator.positions(word.lower())) + 1)
    cache = getattr(getattr(hyphenator, "hd", None), "cache", None)
    if isinstance(cache, dict) and len(cache) > _PYPHEN_CACHE_LIMIT:
        cache.clear()
    return count


def flesch_kincaid_grade(words: list[str], sentence_count: int) -> float | None:
    """Flesch-Kincaid grade of a text given its words and sentence count."""
    if len(words) < MIN_WORDS_FOR_GRADE or sentence_count == 0:
        return None
    total = sum(syllables(w) for w in words)
    grade = 0.39 * len(words) / sentence_count + 11.8 * total / len(words) - 15.59
    return round(grade, 1)


def is_word(token: Token) -> bool:
    """A token that counts as a word: it has a letter or a digit."""
    return token.is_alpha or (not token.is_punct and not token.is_space
                              and any(c.isalnum() for c in token.text))


def measure(draft: Draft) -> Metrics:
    """Metrics of the body (the greeting, sign-off and quoted text are left out)."""
    words = [t.text for t in draft.body_tokens if is_word(t)]
    sentences = draft.body_sentences
    text = draft.doc_text
    questions = sum(1 for s in sentences if text[s.start_char:s.end_char].rstrip().endswith("?"))
    return Metrics(
        words=len(words),
        sentences=len(sentences),
        reading_grade=flesch_kincaid_grade(words, len(sentences)),
        questions=questions,
        specific_details=draft.specificity.count,
    )
