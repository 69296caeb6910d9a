"""Dates: day and month names, naive-UTC comparison, business days, readable gaps."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

#: Day and month names, lowercase: words that date something in a draft.
DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december".split()
)


def naive_utc(moment: datetime) -> datetime:
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


def describe_gap(delta: timedelta) -> str:
    """'3 days' from two days on, otherwise '30 hours'."""
    if delta >= timedelta(days=2):
        return f"{delta.days} days"
    return f"{int(delta.total_seconds() // 3600)} hours"
