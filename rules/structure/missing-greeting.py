"""missing-greeting: a whole email that starts without addressing anyone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.rule import Hit, RuleOptions, whole_draft_span

if TYPE_CHECKING:
    from followup_lint.draft import Draft


class Options(RuleOptions):
    min_words: int = Field(default=20, ge=1, description="Drafts with fewer body words are "
                           "snippets, not emails, and are not judged.")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """A whole email that starts without addressing anyone."""
    if draft.metrics.words < options.min_words or draft.layout.first("greeting") is not None:
        return
    start, end = whole_draft_span(draft)
    yield Hit(start, end, "Open with a greeting and the interviewer's name "
              "(\"Dear Ms. Alvarez,\"); a note that starts cold reads as a form letter.")
