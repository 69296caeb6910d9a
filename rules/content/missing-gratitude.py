"""missing-gratitude: no thanks anywhere in the note."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.content import THANKS, calibrated, is_withdrawal
from followup_lint.model import Severity
from followup_lint.rule import Hit, whole_draft_span

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.rule import RuleOptions

NEEDS = frozenset({"lemma"})


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """No thanks anywhere: an error in a thank-you, a warning in a reminder."""
    if not draft.body_tokens:
        return
    if draft.prose_forms & THANKS:
        return
    start, end = whole_draft_span(draft)
    closing = is_withdrawal(draft)
    if draft.kind == "reminder" or closing:
        yield Hit(start, end, "Thank the reader for their time, even in a reminder; it keeps "
                  "the check-in warm.",
                  severity=Severity.info if closing else calibrated(draft))
    else:
        # An error needs certainty: a guessed kind may be a withdrawal or another message.
        yield Hit(start, end, "A thank-you note that never says thank you: thank the "
                  "interviewer for their time.",
                  severity=Severity.warning if draft.kind_inferred else None)
