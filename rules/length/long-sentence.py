"""long-sentence: one sentence that runs on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.metrics import flesch_kincaid_grade, is_word
from followup_lint.rule import Hit, RuleOptions

if TYPE_CHECKING:
    from followup_lint.draft import Draft


class Options(RuleOptions):
    max_words: int = Field(
        default=35, ge=1, description="Words in one sentence beyond which it is hard to follow.")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """One body sentence with more than ``max-words`` words."""
    for sentence in draft.body_sentence_lists:
        words = [t for t in sentence if is_word(t)]
        if len(words) > options.max_words:
            grade = flesch_kincaid_grade([t.text for t in words], 1)
            note = f" (grade {grade:.0f})" if grade is not None else ""
            yield Hit(sentence.start_char, sentence.end_char,
                      f"This sentence has {len(words)} words{note}; split it in two.")
