"""weak-subject: an empty, one-vague-word, or overlong subject line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.rule import Hit, RuleOptions

if TYPE_CHECKING:
    from followup_lint.draft import Draft

#: Subject lines made only of these words say nothing about the message.
_VAGUE_SUBJECT_WORDS = frozenset(
    "hi hello hey hey! update question follow following up followup follow-up checking in "
    "check thanks thank you interview re fw fwd quick note email message hello! touching "
    "base just a an the my".split()
)
_WORD = re.compile(r"[\w'’-]+")


class Options(RuleOptions):
    max_words: int = Field(default=10, ge=1, description="Most words in a subject line.")
    max_chars: int = Field(default=78, ge=1, description="Most characters in a subject line "
                           "(what an inbox shows whole).")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
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
    elif len(words) > options.max_words or len(text) > options.max_chars:
        yield Hit(subject.start, subject.end, f"The subject runs to {len(words)} words; keep it "
                  f"under {options.max_words} so it shows whole in an inbox.")
