"""A suggestion to also mail a handwritten note, where the field still values one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.checks import Hit, register, whole_draft_span

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.ruleset import RuleSpec


@register("handwritten-note")
def check_handwritten_note(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """Suggest a mailed note when the Context's industry or role is on the configured list."""
    context = draft.context
    if draft.kind != "thank-you" or context is None or not draft.body_tokens:
        return
    haystack = f" {context.industry or ''} | {context.role or ''} ".lower()
    for term in draft.config.handwritten_note_for:
        if re.search(rf"(?<![a-z]){re.escape(term.lower())}(?![a-z])", haystack):
            start, end = whole_draft_span(draft)
            yield Hit(start, end, f"In {term} a handwritten thank-you card, mailed the same day "
                      "as this email, still leaves a lasting impression; consider sending one.")
            return
