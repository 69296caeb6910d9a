"""missing-enthusiasm: no word of interest or enthusiasm for the role or the company."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.content import calibrated, is_withdrawal, shows_enthusiasm
from followup_lint.rule import Hit, RuleOptions, whole_draft_span

if TYPE_CHECKING:
    from followup_lint.draft import Draft

NEEDS = frozenset({"lemma"})


class Options(RuleOptions):
    min_words: int = Field(default=12, ge=1,
                           description="Shorter bodies are too short to judge.")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """No word of interest or enthusiasm for the role or the company."""
    if len([t for t in draft.body_tokens if t.is_alpha]) < options.min_words:
        return  # too short to judge
    if shows_enthusiasm(draft) or is_withdrawal(draft):
        return
    start, end = whole_draft_span(draft)
    yield Hit(start, end, "Say that you want the job: one sentence of genuine enthusiasm for "
              "the role or the team.", severity=calibrated(draft))
