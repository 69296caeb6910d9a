"""Repeated apologies for writing: one 'sorry to bother you' is polite, three is pleading."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.rule import Hit, RuleOptions

if TYPE_CHECKING:
    from followup_lint.draft import Draft

_APOLOGY = re.compile(r"(?i)\b(sorry|apologi[sz]e|apologies|apologising|apologizing|forgive me)\b")


class Options(RuleOptions):
    max_apologies: int = Field(
        default=1, ge=0,
        description="Apologies allowed; each one after these is reported as pleading.")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """Report the second and later apologies in the writer's prose."""
    found = []
    for section in draft.layout.spans("subject", "body", "sign-off"):
        found += [(section.start + m.start(), section.start + m.end())
                  for m in _APOLOGY.finditer(draft.text[section.start:section.end])]
    for start, end in found[options.max_apologies:]:
        yield Hit(start, end, f"Apologising {len(found)} times reads as pleading; one brief "
                  "apology at most, then get to the point.")
