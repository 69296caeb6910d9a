"""Template slots left in a draft, and undeclared slots in a template."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from followup_lint.rule import Hit, RuleOptions

if TYPE_CHECKING:
    from followup_lint.draft import Draft

_NON_WORD = re.compile(r"[^a-z0-9]+")


def slot_name(placeholder: str) -> str:
    """The variable a slot names: '[First Name]', '{{first_name}}' -> 'first_name'."""
    inner = placeholder.strip("[]{}<>() ")
    return _NON_WORD.sub("_", inner.lower()).strip("_")


class Options(RuleOptions):
    template_variables: tuple[str, ...] = Field(
        default=(), description="In template mode, the slot names a template may use "
        "({{company}}, [First Name]); when set, any other placeholder is reported.")


def check(draft: Draft, options: Options) -> Iterator[Hit]:
    """Draft mode: every slot is unfilled. Template mode: slots must be declared variables."""
    declared = {slot_name(v) for v in options.template_variables}
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
