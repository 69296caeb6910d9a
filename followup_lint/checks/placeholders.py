"""Template slots left in a draft, and undeclared slots in a template."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.checks import Hit, register
from followup_lint.templates import slot_name

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.ruleset import RuleSpec

@register("unfilled-placeholder")
def check_unfilled_placeholder(draft: Draft, rule: RuleSpec) -> Iterator[Hit]:
    """Draft mode: every slot is unfilled. Template mode: slots must be declared variables."""
    declared = {slot_name(v) for v in draft.config.template_variables}
    for start, end in draft.placeholders:
        section = draft.section_of(start)
        if section in {"quoted", "header"}:
            continue
        text = draft.text[start:end]
        if draft.mode == "draft":
            yield Hit(start, end, f"Unfilled placeholder '{text}': replace it before sending. "
                      "A leftover slot shows the note is a mass template.", quoted=(text,))
        elif declared and slot_name(text) not in declared:
            yield Hit(start, end, f"Placeholder '{text}' is not one of the template's declared "
                      f"variables ({', '.join(sorted(declared))}).", quoted=(text,))
