"""The rule pack format: what a ``rules/<family>/<rule-id>.toml`` file may hold.

A rule's metadata (id, family, severity, summary, rationale, lifecycle, examples)
feeds the engine, the docs and the tests. Its match data is one or more groups of
three kinds:

* ``phrase``  -- a list of phrases, matched by a spaCy PhraseMatcher on LOWER (or ORTH);
* ``pattern`` -- spaCy Matcher token patterns (LOWER, NORM, LEMMA, POS, TAG, DEP ...);
* ``regex``   -- a Python regular expression over the raw text (for punctuation and
  symbols the tokenizer splits unpredictably).

``python = true`` adds the fourth kind: a computed check in the module beside the pack,
``<rule-id>.py`` (see ``followup_lint.packs.binding``). Every pattern must fit the
run-time budget of ``followup_lint.packs.safety``.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from followup_lint.layout import PROSE_SECTIONS, SectionName
from followup_lint.model import Context, Mode, Severity
from followup_lint.packs.safety import regex_problem, token_pattern_problem

RULE_ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
#: Token attributes that need the tagger, lemmatizer or parser to be meaningful.
_ATTRIBUTE_NEEDS = {
    "POS": "pos", "TAG": "pos", "MORPH": "pos", "LEMMA": "lemma", "DEP": "dep",
    "ENT_TYPE": "ents", "ENT_IOB": "ents", "ENT_ID": "ents",
}
Need = Literal["pos", "lemma", "dep", "ents"]
#: The version rules without a ``since`` arrived in (the first release).
FIRST_VERSION = "0.1.0"


class Example(BaseModel):
    """One example draft, with the Context and mode it is linted in."""

    model_config = ConfigDict(extra="forbid")

    text: str
    context: Context | None = None
    mode: Mode = "draft"


class FixExample(BaseModel):
    """A draft and what the rule's safe fixes must turn it into."""

    model_config = ConfigDict(extra="forbid")

    input: str
    output: str
    context: Context | None = None
    mode: Mode = "draft"


class Examples(BaseModel):
    """Drafts that must trigger the rule (``fail``), drafts that must not (``pass``), and
    drafts whose safe fixes must give an expected text (``fix``).

    Each fail/pass item is a string, or a table ``{ text = "...", context = { ... },
    mode = "..." }``; each fix item is ``{ input = "...", output = "..." }``.
    """

    model_config = ConfigDict(extra="forbid")

    fail: list[Example] = Field(min_length=2)
    pass_: list[Example] = Field(alias="pass", min_length=2)
    fix: list[FixExample] = Field(default_factory=list)

    @field_validator("fail", "pass_", mode="before")
    @classmethod
    def _strings_are_texts(cls, value: object) -> object:
        if isinstance(value, list):
            return [{"text": item} if isinstance(item, str) else item for item in value]
        return value


class MatchGroup(BaseModel):
    """One group of match data with the message its hits carry."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["phrase", "pattern", "regex"]
    message: str = Field(min_length=1)
    severity: Severity | None = None
    phrases: list[str] = Field(default_factory=list)
    attr: Literal["LOWER", "ORTH", "NORM"] = "LOWER"
    patterns: list[list[dict[str, Any]]] = Field(default_factory=list)
    regex: str | None = None
    flags: list[Literal["IGNORECASE", "MULTILINE"]] = Field(default_factory=list)
    focus: int | tuple[int, int] | None = Field(
        default=None,
        description="Report only this token of a match, or the tokens [start, end) of it.",
    )
    replacement: str | None = Field(
        default=None,
        description="Suggested replacement for the reported span; regex groups may use "
        "backreferences such as \\1.",
    )
    safe: bool = Field(
        default=False,
        description="The replacement is unique and keeps the meaning: it may be applied "
        "automatically.",
    )
    sentence_lacks: list[str] = Field(
        default_factory=list,
        description="Drop a hit when its sentence contains one of these words (lowercase).",
    )
    sentence_has: list[str] = Field(
        default_factory=list,
        description="Keep a hit only when its sentence contains one of these words "
        "(lowercase), e.g. first-person pronouns.",
    )
    sections: list[SectionName] = Field(
        default_factory=list, description="Keep hits only in these sections (default: all prose)."
    )
    unless_specific: Literal["never", "sentence", "draft"] = Field(
        default="never",
        description="Drop a hit when its sentence ('sentence') or the whole draft ('draft') "
        "already names a specific detail.",
    )

    @model_validator(mode="after")
    def _data_matches_kind(self) -> MatchGroup:
        present = {
            "phrase": bool(self.phrases), "pattern": bool(self.patterns),
            "regex": self.regex is not None,
        }
        if not present[self.kind]:
            field_name = {"phrase": "phrases", "pattern": "patterns", "regex": "regex"}[self.kind]
            raise ValueError(f"a {self.kind!r} group needs a non-empty {field_name!r}")
        extra = [k for k, v in present.items() if v and k != self.kind]
        if extra:
            raise ValueError(f"a {self.kind!r} group cannot also carry {extra[0]} data")
        if isinstance(self.focus, tuple) and not 0 <= self.focus[0] < self.focus[1]:
            raise ValueError("focus = [start, end] needs 0 <= start < end")
        if isinstance(self.focus, int) and self.focus < 0:
            raise ValueError("focus must be a token index >= 0")
        if self.regex is not None:
            try:
                re.compile(self.regex)
            except re.error as exc:
                raise ValueError(f"invalid regex {self.regex!r}: {exc}") from None
            problem = regex_problem(self.regex, ignore_case="IGNORECASE" in self.flags)
            if problem:
                raise ValueError(f"regex {self.regex!r} is refused: {problem}")
        for index, pattern in enumerate(self.patterns):
            problem = token_pattern_problem(pattern)
            if problem:
                raise ValueError(f"patterns[{index}] is refused: {problem}")
        return self

    def focus_tokens(self, start: int, end: int) -> tuple[int, int]:
        """The token range [start, end) to report for a match over tokens [start, end)."""
        if self.focus is None:
            return start, end
        first, last = (self.focus, self.focus + 1) if isinstance(self.focus, int) else self.focus
        return min(start + first, end - 1), min(start + last, end)

    @property
    def needs(self) -> set[str]:
        """Annotations this group's patterns read (empty for phrases and regexes)."""
        found: set[str] = set()
        for pattern in self.patterns:
            for token_spec in pattern:
                found.update(_ATTRIBUTE_NEEDS[k] for k in token_spec if k in _ATTRIBUTE_NEEDS)
        return found


class RuleSpec(BaseModel):
    """One rule pack: metadata, match data, whether a Python check joins it, examples."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=RULE_ID)
    family: str = Field(pattern=RULE_ID)
    severity: Severity
    summary: str = Field(min_length=1)
    rationale: str = Field(min_length=1)
    python: bool = Field(
        default=False,
        description="A computed check joins the match data: the module '<id>.py' beside "
        "this file, which declares NEEDS, an Options model and check(draft, options).",
    )
    model: str | None = Field(
        default=None,
        description="A category of the shipped tone scorer (followup_lint.tonemodel): body "
        "sentences the rule's own matchers leave alone are reported, as warnings, when "
        "the scorer flags them for this category. Adds the rule option 'model' (on).",
    )
    needs: list[Need] = Field(
        default_factory=list,
        description="Annotations the match groups' filters read beyond their patterns "
        "(a Python rule declares its needs in its module).",
    )
    status: Literal["stable", "preview"] = Field(
        default="stable",
        description="'preview' rules run only with --preview / Config(preview=True).",
    )
    since: str = Field(
        default=FIRST_VERSION, pattern=r"^\d+\.\d+\.\d+$",
        description="The version the rule arrived in.",
    )
    match: list[MatchGroup] = Field(default_factory=list)
    sections: list[SectionName] = Field(
        default_factory=lambda: sorted(PROSE_SECTIONS),
        description="Where the rule's findings count (match groups may narrow it).",
    )
    on_placeholders: bool = Field(
        default=False,
        description="Keep findings on template slots; other rules ignore text inside them.",
    )
    superseded_by: list[str] = Field(
        default_factory=list,
        description="Rules whose finding on the same words makes this rule's finding redundant.",
    )
    model_superseded_by: list[str] = Field(
        default_factory=list,
        description="Rules whose finding (warning or above) on the same words makes what the "
        "tone scorer found for this rule redundant (e.g. personal-anecdote for desperate-tone's "
        "'reads as over-sharing').",
    )
    examples: Examples | None = None
    source: str = Field(default="", exclude=True)

    engine: bool = Field(
        default=False,
        description="The engine itself produces this rule's findings (e.g. unused suppressions).",
    )

    @model_validator(mode="after")
    def _has_something_to_do(self) -> RuleSpec:
        if not self.match and not self.python and not self.engine:
            raise ValueError("a rule needs 'match' groups, 'python = true', or both")
        if self.examples is None and not self.engine:
            raise ValueError("'examples' with 'fail' and 'pass' drafts is required")
        if self.model_superseded_by and self.model is None:
            raise ValueError("'model_superseded_by' needs 'model': only the tone scorer's "
                             "findings yield to it")
        if self.python and self.needs:
            raise ValueError("a Python rule declares 'needs' as NEEDS in its module, "
                             "not in the pack")
        return self

    @property
    def match_needs(self) -> set[str]:
        """Annotations the match groups read (their patterns and declared filters)."""
        found = set(self.needs)
        for group in self.match:
            found |= group.needs
        return found
