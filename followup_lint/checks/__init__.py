"""STAGE 2 (computed): checks for what rule-pack data cannot express.

Each check is a generator registered under a name; a rule pack refers to it with
``check = "<name>"``. A check only says what it found (span, message, suggestions);
the engine stamps rule id, severity, line/column and excerpt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from followup_lint.model import Severity, Suggestion

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.ruleset import RuleSpec


@dataclass(frozen=True)
class Hit:
    """What a rule found: a span of the original text and what to say about it."""

    start: int
    end: int
    message: str
    severity: Severity | None = None  # None: the rule's default severity
    suggestions: tuple[Suggestion, ...] = ()
    #: Fragments of the writer's text or Context quoted in ``message`` (redacted on request).
    quoted: tuple[str, ...] = ()


Check = Callable[["Draft", "RuleSpec"], Iterable[Hit]]
CHECKS: dict[str, Check] = {}


def register(name: str) -> Callable[[Check], Check]:
    """Register a check under ``name`` for rule packs to refer to."""

    def decorate(function: Check) -> Check:
        CHECKS[name] = function
        return function

    return decorate


def whole_draft_span(draft: Draft) -> tuple[int, int]:
    """Where a finding about the whole message points: the first body sentence."""
    if draft.body_sentences:
        first = draft.body_sentences[0]
        text = first.text.rstrip()
        return first.start_char, first.start_char + len(text)
    body = draft.layout.first("body") or next(iter(draft.layout.sections), None)
    if body is None:
        stripped = draft.text.strip()
        start = draft.text.find(stripped) if stripped else 0
        return start, start + len(stripped)
    return body.start, body.end


# Registration happens on import; the list is explicit so nothing is loaded from data.
from followup_lint.checks import (  # noqa: E402,F401
    capitalization,
    casual_tone,
    content,
    context_mismatch,
    desperate_tone,
    handwritten_note,
    hostile_tone,
    impersonal_greeting,
    length,
    placeholders,
    pushy_phrasing,
    self_centred,
    specificity_checks,
    spelling,
    structure,
    timing,
)
