"""The frame of an email: a greeting, a sign-off, a subject line that says what it is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.checks import Hit, register, whole_draft_span

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.ruleset import RuleSpec

#: Drafts shorter than this (in body words) are snippets, not emails, and are not judged.
MIN_BODY_WORDS = 20
#: Subject lines made only of these words say nothing about the message.
_VAGUE_SUBJECT_WORDS = frozenset(
    "hi hello hey hey! update question follow following up followup follow-up checking in "
    "check thanks thank you interview re fw fwd quick note email message hello! touching "
    "base just a an the my".split()
)
MAX_SUBJECT_WORDS = 10
MAX_SUBJECT_CHARS = 78
_WORD = re.compile(r"[\w'’-]+")


def _is_email(draft: Draft) -> bool:
    return draft.metrics.words >= MIN_BODY_WORDS


@register("missing-greeting")
def check_missing_greeting(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """A whole email that starts without addressing anyone."""
    if not _is_email(draft) or draft.layout.first("greeting") is not None:
        return
    start, end = whole_draft_span(draft)
    yield Hit(start, end, "Open with a greeting and the interviewer's name "
              "(\"Dear Ms. Alvarez,\"); a note that starts cold reads as a form letter.")


@register("missing-sign-off")
def check_missing_sign_off(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """A whole email that ends without a closing such as 'Best regards,'."""
    if not _is_email(draft) or draft.layout.first("sign-off") is not None:
        return
    body = draft.layout.spans("body")
    if not body:
        return
    last = body[-1]
    tail = draft.plain[last.start:last.end].rstrip()
    # A closing thanks in the last sentence does the sign-off's job.
    if re.search(r"(?i)(thank you|thanks|regards|sincerely|best wishes)[\s\S]{0,20}$", tail):
        return
    start = max(last.start, last.start + len(tail) - 1)
    yield Hit(start, last.start + len(tail), "Close with a sign-off (\"Best regards,\" or "
              "\"Thank you,\") and your name.")


@register("weak-subject")
def check_weak_subject(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """An empty, one-vague-word, or overlong subject line (only when a Subject: line exists)."""
    header = next((s for s in draft.layout.spans("header")
                   if draft.plain[s.start:s.end].lower().startswith("subject")), None)
    if header is None:
        return
    subject = draft.layout.first("subject")
    if subject is None:
        yield Hit(header.start, header.end, "The subject line is empty; say what the message "
                  "is, e.g. \"Thank you - Data Analyst interview\".")
        return
    text = draft.plain[subject.start:subject.end]
    words = [w.lower() for w in _WORD.findall(text)]
    if words and all(w in _VAGUE_SUBJECT_WORDS for w in words) and len(words) <= 3:
        yield Hit(subject.start, subject.end, f"'{text}' says little; name the role or the "
                  "interview, e.g. \"Thank you - Data Analyst interview on Tuesday\".",
                  quoted=(text,))
    elif len(words) > MAX_SUBJECT_WORDS or len(text) > MAX_SUBJECT_CHARS:
        yield Hit(subject.start, subject.end, f"The subject runs to {len(words)} words; keep it "
                  "under 10 so it shows whole in an inbox.")
