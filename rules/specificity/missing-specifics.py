"""missing-specifics: facts from the Context left out, or nothing recalled from the
conversation (a generic draft is generic-message's, said more strongly)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint.content import is_withdrawal
from followup_lint.rule import Hit, whole_draft_span
from followup_lint.specificity import is_generic

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.rule import RuleOptions

NEEDS = frozenset({"pos", "lemma"})


def check(draft: Draft, options: RuleOptions) -> Iterator[Hit]:
    """Facts from the Context left out, or nothing recalled from the conversation."""
    if not draft.body_tokens:
        return
    spec = draft.specificity
    topics = draft.context.topics if draft.context else []
    if is_generic(draft):
        # generic-message already says it, more strongly; only the Context's topics add
        # something it does not: what exactly to mention.
        if topics and spec.topics_missing == topics:
            start, end = whole_draft_span(draft)
            listed = ", ".join(f"'{t}'" for t in topics)
            yield Hit(start, end, f"Mention something you discussed (for example: {listed}) "
                      "to show you listened.", quoted=tuple(topics))
        return
    start, end = whole_draft_span(draft)
    if spec.company_named is False and draft.context is not None:
        if spec.role_named is not True:
            company = draft.context.company or ""
            yield Hit(start, end, f"Name the company ('{company}') or the role so the reader "
                      "places your message at once.", quoted=(company,))
    elif spec.role_named is False and spec.company_named is None and draft.context is not None:
        role = draft.context.role or ""
        yield Hit(start, end, f"Name the role you interviewed for ('{role}').", quoted=(role,))
    if spec.topics_missing and spec.topics_missing == (draft.context.topics if draft.context
                                                       else []):
        topics = ", ".join(f"'{t}'" for t in spec.topics_missing)
        yield Hit(start, end, f"Mention something you discussed (for example: {topics}) to "
                  "show you listened.", quoted=tuple(spec.topics_missing))
    elif draft.kind == "thank-you" and spec.discussed_known and not spec.discussed and not (
        draft.context and draft.context.topics
    ) and not is_withdrawal(draft):  # a withdrawal or an answer to a rejection recalls nothing
        # A warning even as the note's only gap: recalling nothing from the conversation
        # is what a careers coach asks to rewrite first (measured: no complete good email of
        # the real-mail corpus is left unclean by it; see docs/design.md, sixth round).
        yield Hit(start, end, "Recall something concrete from the conversation (a project, "
                  "a responsibility, a challenge the team faces) to make the note memorable.")
