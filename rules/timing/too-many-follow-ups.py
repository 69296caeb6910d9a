"""too-many-follow-ups: a second thank-you, reminders close together, or too many of them.

Needs ``previous_messages`` in the Context.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.dates import describe_gap, naive_utc
from followup_lint.rule import Hit, RuleOptions, whole_draft_span

if TYPE_CHECKING:
    from followup_lint.draft import Draft


class Options(RuleOptions):
    max_reminders: int = Field(default=2, ge=1,
                               description="Most unanswered reminders after one interview.")
    min_gap_days: float = Field(default=7, ge=0, description="Fewest days between two "
                                "follow-ups; closer ones crowd the hiring team.")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """A second thank-you, reminders closer than a week apart, or more than two reminders."""
    context = draft.context
    if context is None or not context.previous_messages:
        return
    previous = sorted(naive_utc(m) for m in context.previous_messages)
    if context.interview_at is not None:
        interview = naive_utc(context.interview_at)
        previous = [m for m in previous if m >= interview]
    if not previous:
        return
    start, end = whole_draft_span(draft)
    if draft.kind == "thank-you":
        yield Hit(start, end, "You already wrote after this interview; one thank-you is "
                  "enough. Wait, then send a single polite reminder if needed.")
        return
    # The first message after an interview is the thank-you; the rest were reminders.
    reminders = len(previous)  # earlier reminders plus this one
    if reminders > options.max_reminders:
        yield Hit(start, end, f"This would be reminder number {reminders}; after "
                  f"{options.max_reminders} unanswered reminders, give the team space.")
    elif context.sent_at is not None:
        gap = naive_utc(context.sent_at) - previous[-1]
        if gap < timedelta(days=options.min_gap_days):
            yield Hit(start, end, f"Your last message was {describe_gap(gap)} ago; leave at "
                      "least a week between follow-ups.")
