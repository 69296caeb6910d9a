"""A suggestion to also mail a handwritten note, where the field still values one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.rule import Hit, RuleOptions, whole_draft_span

if TYPE_CHECKING:
    from followup_lint.draft import Draft


#: Where a mailed, handwritten thank-you still leaves a lasting impression: traditional,
#: relationship-driven fields and senior roles.
DEFAULT_FIELDS = (
    "law", "legal", "attorney", "government", "public sector", "hospitality", "hotel",
    "finance", "banking", "wealth management", "insurance", "executive", "director",
    "vice president", "chief", "partner", "head of",
)


class Options(RuleOptions):
    fields: tuple[str, ...] = Field(
        default=DEFAULT_FIELDS,
        description="Industries or role words (matched in Context.industry and Context.role, "
        "as whole words) where a handwritten note is suggested.")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """Suggest a mailed note when the Context's industry or role is on the configured list."""
    context = draft.context
    if draft.kind != "thank-you" or context is None or not draft.body_tokens:
        return
    haystack = f" {context.industry or ''} | {context.role or ''} ".lower()
    for term in options.fields:
        if re.search(rf"(?<![a-z]){re.escape(term.lower())}(?![a-z])", haystack):
            start, end = whole_draft_span(draft)
            yield Hit(start, end, f"In {term} a handwritten thank-you card, mailed the same day "
                      "as this email, still leaves a lasting impression; consider sending one.")
            return
