"""The data shapes users see: Severity, Finding, Context, Metrics and Report.

Everything here is a pydantic model so that reports serialise to JSON and back
without loss (``Report.model_validate_json(report.model_dump_json()) == report``).
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: Bumped whenever a field of Finding or Report changes meaning or disappears.
SCHEMA_VERSION = "1.0"


class Severity(str, Enum):
    """How much a finding matters: fix before sending, weakens the message, or a hint."""

    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        """Order for comparisons: info < warning < error."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


MessageKind = Literal["thank-you", "reminder"]
Verdict = Literal["ready", "revise", "do-not-send"]
Mode = Literal["draft", "template"]


class Suggestion(BaseModel):
    """A replacement for the finding's span; ``safe`` fixes may be applied automatically."""

    model_config = ConfigDict(frozen=True)

    replacement: str
    description: str = ""
    safe: bool = False


class Finding(BaseModel):
    """One problem in a draft, pinned to an exact character span of the original text."""

    model_config = ConfigDict(frozen=True)

    rule: str = Field(description="Stable rule id, e.g. 'casual-tone'.")
    family: str = Field(description="Rule family, e.g. 'tone'.")
    severity: Severity
    message: str
    start: int = Field(ge=0, description="Offset of the first character (0-based).")
    end: int = Field(ge=0, description="Offset one past the last character.")
    line: int = Field(ge=1, description="1-based line of `start`.")
    column: int = Field(ge=1, description="1-based column of `start`, in characters.")
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    excerpt: str = Field(description="Always equal to text[start:end].")
    suggestions: tuple[Suggestion, ...] = ()
    degraded: bool = Field(
        default=False,
        description="True when the rule ran without the parser data it normally uses.",
    )


class Context(BaseModel):
    """What the writer knows about the interview; every field is optional.

    Given a Context, rules become sharper: the company and role should be named,
    topics discussed should appear, names are never spelling errors.
    """

    model_config = ConfigDict(extra="forbid")

    company: str | None = None
    role: str | None = None
    interviewers: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    interview_at: datetime | None = None
    sent_at: datetime | None = None
    kind: MessageKind | None = None
    previous_messages: list[datetime] = Field(default_factory=list)
    industry: str | None = None
    decision_by: datetime | None = None


class Metrics(BaseModel):
    """Simple measurements of the writer's own prose (quoted text excluded)."""

    words: int = 0
    sentences: int = 0
    reading_grade: float | None = Field(
        default=None, description="Flesch-Kincaid grade level; None for under 10 words."
    )
    questions: int = 0
    specific_details: int = Field(
        default=0, description="Distinct specific details found (names, numbers, topics)."
    )


class Report(BaseModel):
    """The result of linting one draft."""

    schema_version: str = SCHEMA_VERSION
    findings: list[Finding] = Field(default_factory=list)
    counts: dict[Severity, int] = Field(default_factory=dict)
    kind: MessageKind = "thank-you"
    kind_inferred: bool = True
    mode: Mode = "draft"
    model: str = ""
    pipeline: list[str] = Field(
        default_factory=list, description="spaCy components that ran on this draft."
    )
    degraded_rules: list[str] = Field(
        default_factory=list,
        description="Rules that ran with less parser information than they normally use.",
    )
    rules: list[str] = Field(
        default_factory=list,
        description="Every rule that ran on this draft (shipped and rule-dirs packs), by id.",
    )
    metrics: Metrics = Field(default_factory=Metrics)
    score: int = Field(
        default=100, ge=0, le=100,
        description="100 minus 20 per error, 5 per warning and 1 per info finding (at least 0).",
    )
    verdict: Verdict = Field(
        default="ready",
        description="'do-not-send' with any error, 'revise' with any warning, else 'ready'.",
    )

    @property
    def errors(self) -> list[Finding]:
        """Findings of severity error."""
        return [f for f in self.findings if f.severity is Severity.error]

    def has_at_least(self, severity: Severity | str) -> bool:
        """True when any finding is at or above ``severity``."""
        threshold = Severity(severity).rank
        return any(f.severity.rank >= threshold for f in self.findings)
