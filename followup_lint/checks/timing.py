"""When a message is sent: late thank-yous, early reminders, too many follow-ups.

These checks need dates from the Context (``interview_at``, ``sent_at``,
``decision_by``, ``previous_messages``); without the dates they need they say nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from followup_lint.checks import Hit, register, whole_draft_span
from followup_lint.model import Severity

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.ruleset import RuleSpec

#: The guide: send the thank-you within 24-48 hours; after a week it has lost its point.
THANK_YOU_WARNING_AFTER = timedelta(hours=48)
THANK_YOU_ERROR_AFTER = timedelta(days=7)
#: Without a decision date, wait this many business days after the interview.
REMINDER_MIN_BUSINESS_DAYS = 5
#: Reminders closer together than this crowd the hiring team.
MIN_GAP_BETWEEN_MESSAGES = timedelta(days=7)
MAX_REMINDERS = 2


def _naive_utc(moment: datetime) -> datetime:
    """Compare aware and naive datetimes alike: aware ones are converted to naive UTC."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def business_days_between(start: datetime, end: datetime) -> int:
    """Whole weekdays (Mon-Fri) after ``start``'s date up to and including ``end``'s date."""
    day, last, count = start.date(), end.date(), 0
    while day < last:
        day += timedelta(days=1)
        count += day.weekday() < 5
    return count


def _describe(delta: timedelta) -> str:
    if delta >= timedelta(days=2):
        return f"{delta.days} days"
    return f"{int(delta.total_seconds() // 3600)} hours"


@register("late-thank-you")
def check_late_thank_you(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """A thank-you sent more than 48 hours (warning) or 7 days (error) after the interview."""
    context = draft.context
    if draft.kind != "thank-you" or context is None:
        return
    if context.interview_at is None or context.sent_at is None:
        return
    delay = _naive_utc(context.sent_at) - _naive_utc(context.interview_at)
    if delay <= THANK_YOU_WARNING_AFTER:
        return
    start, end = whole_draft_span(draft)
    if delay > THANK_YOU_ERROR_AFTER:
        yield Hit(start, end, f"Sent {_describe(delay)} after the interview: a thank-you this "
                  "late has lost its point. Send it within 48 hours, or reframe it as a "
                  "brief check-in.", severity=Severity.error)
    else:
        yield Hit(start, end, f"Sent {_describe(delay)} after the interview; thank-you notes "
                  "land best within 24-48 hours.", severity=Severity.warning)


@register("early-reminder")
def check_early_reminder(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """A reminder before the decision date, or within 5 business days of the interview."""
    context = draft.context
    if draft.kind != "reminder" or context is None or context.sent_at is None:
        return
    sent = _naive_utc(context.sent_at)
    start, end = whole_draft_span(draft)
    if context.decision_by is not None:
        decision = _naive_utc(context.decision_by)
        if sent < decision:
            yield Hit(start, end, f"The team said it would decide by "
                      f"{decision:%A %d %B}; a reminder before then looks impatient. Wait "
                      "until that date has passed.")
        return
    if context.interview_at is not None:
        days = business_days_between(_naive_utc(context.interview_at), sent)
        if days < REMINDER_MIN_BUSINESS_DAYS:
            yield Hit(start, end, f"Only {days} business day(s) since the interview; with no "
                      f"decision date given, wait at least {REMINDER_MIN_BUSINESS_DAYS} "
                      "business days before a reminder.")


@register("too-many-follow-ups")
def check_too_many_follow_ups(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """A second thank-you, reminders closer than a week apart, or more than two reminders."""
    context = draft.context
    if context is None or not context.previous_messages:
        return
    previous = sorted(_naive_utc(m) for m in context.previous_messages)
    if context.interview_at is not None:
        interview = _naive_utc(context.interview_at)
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
    if reminders > MAX_REMINDERS:
        yield Hit(start, end, f"This would be reminder number {reminders}; after "
                  f"{MAX_REMINDERS} unanswered reminders, give the team space.")
    elif context.sent_at is not None:
        gap = _naive_utc(context.sent_at) - previous[-1]
        if gap < MIN_GAP_BETWEEN_MESSAGES:
            yield Hit(start, end, f"Your last message was {_describe(gap)} ago; leave at "
                      "least a week between follow-ups.")
