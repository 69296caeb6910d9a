"""Repeated apologies for writing: one 'sorry to bother you' is polite, three is pleading."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.checks import Hit, register

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.ruleset import RuleSpec

_APOLOGY = re.compile(r"(?i)\b(sorry|apologi[sz]e|apologies|apologising|apologizing|forgive me)\b")
#: From this many apologies on, the message reads as pleading.
MAX_APOLOGIES = 1


@register("repeated-apologies")
def check_repeated_apologies(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """Report the second and later apologies in the writer's prose."""
    found = []
    for section in draft.layout.spans("subject", "body", "sign-off"):
        found += [(section.start + m.start(), section.start + m.end())
                  for m in _APOLOGY.finditer(draft.text[section.start:section.end])]
    for start, end in found[MAX_APOLOGIES:]:
        yield Hit(start, end, f"Apologising {len(found)} times reads as pleading; one brief "
                  "apology at most, then get to the point.")
