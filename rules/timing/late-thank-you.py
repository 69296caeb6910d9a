"""late-thank-you: a thank-you sent long after the interview.

Needs ``interview_at`` and ``sent_at`` in the Context; without them it says nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.dates import describe_gap, naive_utc
from followup_lint.model import Severity
from followup_lint.rule import Hit, RuleOptions, whole_draft_span

if TYPE_CHECKING:
    from followup_lint.draft import Draft


class Options(RuleOptions):
    # The guide: send the thank-you within 24-48 hours; after a week it has lost its point.
    warning_after_hours: float = Field(
        default=48, gt=0, description="Hours after the interview from which a thank-you is late "
        "(warning).")
    error_after_days: float = Field(
        default=7, gt=0, description="Days after the interview from which a thank-you has lost "
        "its point (error).")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """A thank-you sent more than 48 hours (warning) or 7 days (error) after the interview."""
    context = draft.context
    if draft.kind != "thank-you" or context is None:
        return
    if context.interview_at is None or context.sent_at is None:
        return
    delay = naive_utc(context.sent_at) - naive_utc(context.interview_at)
    if delay <= timedelta(hours=options.warning_after_hours):
        return
    start, end = whole_draft_span(draft)
    if delay > timedelta(days=options.error_after_days):
        yield Hit(start, end, f"Sent {describe_gap(delay)} after the interview: a thank-you this "
                  "late has lost its point. Send it within 48 hours, or reframe it as a "
                  "brief check-in.", severity=Severity.error)
    else:
        yield Hit(start, end, f"Sent {describe_gap(delay)} after the interview; thank-you notes "
                  "land best within 24-48 hours.", severity=Severity.warning)
