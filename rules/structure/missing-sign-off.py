"""missing-sign-off: a whole email that ends without a closing such as 'Best regards,'."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.rule import Hit, RuleOptions

if TYPE_CHECKING:
    from followup_lint.draft import Draft

# A closing thanks in the last sentence does the sign-off's job.
_CLOSING_THANKS = re.compile(r"(?i)(thank you|thanks|regards|sincerely|best wishes)[\s\S]{0,20}$")


class Options(RuleOptions):
    min_words: int = Field(default=20, ge=1, description="Drafts with fewer body words are "
                           "snippets, not emails, and are not judged.")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """A whole email that ends without a closing such as 'Best regards,'."""
    if draft.metrics.words < options.min_words or draft.layout.first("sign-off") is not None:
        return
    body = draft.layout.spans("body")
    if not body:
        return
    last = body[-1]
    tail = draft.plain[last.start:last.end].rstrip()
    if _CLOSING_THANKS.search(tail):
        return
    start = max(last.start, last.start + len(tail) - 1)
    yield Hit(start, last.start + len(tail), "Close with a sign-off (\"Best regards,\" or "
              "\"Thank you,\") and your name.")
