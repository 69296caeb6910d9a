"""too-short: a draft with no words of its own, so there is nothing to send."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.rule import Hit

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.rule import RuleOptions


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """A draft with no words of its own: nothing to send, so never 'ready'."""
    if draft.metrics.words > 0 or draft.placeholders:
        return
    # A point outside every section: at the start of an empty draft, else at its end.
    at = len(draft.text) if draft.text.strip() else 0
    yield Hit(at, at, "The draft has no message in it: write the note before sending.")
