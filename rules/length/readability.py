"""readability: a reading grade too high for a quick read (long words, long sentences)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.rule import Hit, RuleOptions, whole_draft_span

if TYPE_CHECKING:
    from followup_lint.draft import Draft


class Options(RuleOptions):
    max_grade: float = Field(
        default=12.0, description="Flesch-Kincaid grade above which the note is hard going.")
    min_words: int = Field(
        default=40, ge=1, description="Shorter notes are not graded (too few words to tell).")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """A reading grade above ``max-grade``: long words and long sentences."""
    metrics = draft.metrics
    if metrics.words < options.min_words or metrics.reading_grade is None:
        return
    if metrics.reading_grade > options.max_grade:
        start, end = whole_draft_span(draft)
        yield Hit(start, end, f"Reading grade {metrics.reading_grade:.0f}: shorter sentences "
                  "and plainer words make the note quicker to read.")
