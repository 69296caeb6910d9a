"""What a rule is to the engine: one ``Rule`` with options, needs and ``run``.

Every rule pack, data or Python, compiles to a :class:`Rule` (see
``followup_lint.packs.binding``). A rule only says what it found, as :class:`Hit`
objects; the engine stamps rule id, severity, line/column and excerpt.

A Python rule module (``rules/<family>/<rule-id>.py``, beside its pack) imports from
here and from the modules describing a draft; nothing imports it back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from followup_lint.model import Severity, Suggestion

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.packs.schema import RuleSpec


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
    #: Found by the tone scorer, not by a reading of the rule's own: it yields to the
    #: rules of the pack's ``model_superseded_by`` on the same words (findings.py).
    scored: bool = False


def _hyphenate(name: str) -> str:
    return name.replace("_", "-")


class RuleOptions(BaseModel):
    """Base of every rule's options: written with hyphens in settings files
    (``max-words``), accepted with underscores from Python too; unknown keys rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=_hyphenate,
                              populate_by_name=True)


#: What a rule's ``run`` is: the draft and the rule's resolved options in, hits out.
Run = Callable[["Draft", Any], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """One rule, ready to run: its pack's metadata, its options model, what it reads."""

    spec: RuleSpec
    run: Run
    options_model: type[RuleOptions] = RuleOptions
    #: Annotations the rule reads (from its Python module and its token patterns).
    needs: frozenset[str] = frozenset()
    #: The Python module holding its check, if it has one.
    module: str | None = None
    defaults: RuleOptions = field(default_factory=RuleOptions)

    @property
    def id(self) -> str:
        """The rule id, e.g. ``pushy-phrasing``."""
        return self.spec.id

    @property
    def family(self) -> str:
        """The rule's family (its folder), e.g. ``tone``."""
        return self.spec.family


def whole_draft_span(draft: Draft) -> tuple[int, int]:
    """Where a finding about the whole message points: the first body sentence."""
    if draft.body_sentences:
        first = draft.body_sentences[0]
        text = draft.doc_text[first.start_char:first.end_char].rstrip()  # first.text, faster
        return first.start_char, first.start_char + len(text)
    body = draft.layout.first("body") or next(iter(draft.layout.sections), None)
    if body is None:
        stripped = draft.text.strip()
        start = draft.text.find(stripped) if stripped else 0
        return start, start + len(stripped)
    return body.start, body.end
