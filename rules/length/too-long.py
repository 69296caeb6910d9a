"""too-long: the body is longer than a busy reader will take in.

Replies to short emails peak at roughly 50-125 words; a thank-you past ~200 words, or a
reminder past ~150, asks more of a busy reader than it gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.rule import Hit, RuleOptions, whole_draft_span

if TYPE_CHECKING:
    from followup_lint.draft import Draft


class Options(RuleOptions):
    max_words: int = Field(default=200, ge=1, description="Most body words in a thank-you.")
    max_words_reminder: int = Field(default=150, ge=1,
                                    description="Most body words in a reminder.")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """The body is longer than a busy reader will take in."""
    words = draft.metrics.words
    limit = options.max_words_reminder if draft.kind == "reminder" else options.max_words
    if words > limit:
        start, end = whole_draft_span(draft)
        yield Hit(start, end, f"The message runs to {words} words; keep a {draft.kind} under "
                  f"{limit} (replies peak at 50-125 words). Cut to the one detail and the one "
                  "qualification that matter most.")
