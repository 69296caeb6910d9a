"""early-reminder: a reminder before the decision date, or too soon after the interview.

Needs ``sent_at`` and ``decision_by`` or ``interview_at`` in the Context.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.dates import business_days_between, naive_utc
from followup_lint.rule import Hit, RuleOptions, whole_draft_span

if TYPE_CHECKING:
    from followup_lint.draft import Draft


class Options(RuleOptions):
    min_business_days: int = Field(
        default=5, ge=0, description="Without a decision date, business days to wait after "
        "the interview before a reminder.")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """A reminder before the decision date, or within 5 business days of the interview."""
    context = draft.context
    if draft.kind != "reminder" or context is None or context.sent_at is None:
        return
    sent = naive_utc(context.sent_at)
    start, end = whole_draft_span(draft)
    if context.decision_by is not None:
        decision = naive_utc(context.decision_by)
        if sent < decision:
            yield Hit(start, end, f"The team said it would decide by "
                      f"{decision:%A %d %B}; a reminder before then looks impatient. Wait "
                      "until that date has passed.")
        return
    if context.interview_at is not None:
        days = business_days_between(naive_utc(context.interview_at), sent)
        if days < options.min_business_days:
            yield Hit(start, end, f"Only {days} business day(s) since the interview; with no "
                      f"decision date given, wait at least {options.min_business_days} "
                      "business days before a reminder.")
