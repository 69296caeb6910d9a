"""Length and readability: too long overall, hard to read, or one sentence that runs on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.checks import Hit, register, whole_draft_span
from followup_lint.metrics import flesch_kincaid_grade, is_word

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.ruleset import RuleSpec

# Replies to short emails peak at roughly 50-125 words; a thank-you past ~200 words, or
# a reminder past ~150, asks more of a busy reader than it gives.
MAX_WORDS = {"thank-you": 200, "reminder": 150}
#: Flesch-Kincaid grade above which the note is hard going for a quick read.
MAX_READING_GRADE = 12.0
MIN_WORDS_FOR_READABILITY = 40
#: Words in one sentence beyond which it is hard to follow.
MAX_SENTENCE_WORDS = 35


@register("too-long")
def check_too_long(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """The body is longer than a busy reader will take in."""
    words = draft.metrics.words
    limit = MAX_WORDS[draft.kind]
    if words > limit:
        start, end = whole_draft_span(draft)
        yield Hit(start, end, f"The message runs to {words} words; keep a {draft.kind} under "
                  f"{limit} (replies peak at 50-125 words). Cut to the one detail and the one "
                  "qualification that matter most.")


@register("readability")
def check_readability(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """A reading grade above 12: long words and long sentences."""
    metrics = draft.metrics
    if metrics.words < MIN_WORDS_FOR_READABILITY or metrics.reading_grade is None:
        return
    if metrics.reading_grade > MAX_READING_GRADE:
        start, end = whole_draft_span(draft)
        yield Hit(start, end, f"Reading grade {metrics.reading_grade:.0f}: shorter sentences "
                  "and plainer words make the note quicker to read.")


@register("long-sentence")
def check_long_sentence(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """One sentence with more than 35 words."""
    for sentence in draft.body_sentences:
        words = [t for t in sentence if is_word(t)]
        if len(words) > MAX_SENTENCE_WORDS:
            grade = flesch_kincaid_grade([t.text for t in words], 1)
            note = f" (grade {grade:.0f})" if grade is not None else ""
            yield Hit(sentence.start_char, sentence.end_char,
                      f"This sentence has {len(words)} words{note}; split it in two.")


@register("too-short")
def check_too_short(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """A draft with no words of its own: nothing to send, so never 'ready'."""
    if draft.metrics.words > 0 or draft.placeholders:
        return
    # A point outside every section: at the start of an empty draft, else at its end.
    at = len(draft.text) if draft.text.strip() else 0
    yield Hit(at, at, "The draft has no message in it: write the note before sending.")
