"""missing-qualifications: a thank-you with no sentence tying the writer's skills to the role."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.content import calibrated, is_withdrawal
from followup_lint.rule import Hit, RuleOptions, whole_draft_span

if TYPE_CHECKING:
    from followup_lint.draft import Draft

NEEDS = frozenset({"lemma", "dep"})


class Options(RuleOptions):
    min_words: int = Field(default=25, ge=1,
                           description="Shorter bodies are too short to judge.")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """A thank-you with no sentence tying the writer's own skills to the role."""
    body_words = len([t for t in draft.body_tokens if t.is_alpha])
    if draft.kind != "thank-you" or body_words < options.min_words or \
            is_withdrawal(draft):
        return
    if draft.ties_experience:
        return
    start, end = whole_draft_span(draft)
    yield Hit(start, end, "Connect one of your skills or experiences to something discussed "
              "(\"my work on X would help with Y\") to remind them why you fit.",
              severity=calibrated(draft))

