"""generic-message: the whole message could follow any interview."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.model import Severity
from followup_lint.rule import Hit, whole_draft_span
from followup_lint.specificity import is_generic

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.rule import RuleOptions

NEEDS = frozenset({"pos", "lemma"})


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """The whole message could follow any interview."""
    if not is_generic(draft):
        return
    start, end = whole_draft_span(draft)
    if draft.mode == "template":
        yield Hit(start, end, "This template names nothing specific and has no slot for a "
                  "detail from the interview (such as [topic discussed]); add one.",
                  severity=Severity.warning)
        return
    if draft.kind == "reminder":
        # A status check need not recall the conversation, so this only weakens it.
        yield Hit(start, end, "This reminder names nothing that identifies your interview: "
                  "mention the role, the date you interviewed or the person you met.",
                  severity=Severity.info)
        return
    yield Hit(start, end, "This note could follow any interview: it names no role, person, "
              "project or topic from the conversation. Add one or two specifics.")
