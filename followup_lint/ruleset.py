"""STAGE 2: find and validate rule packs, then compile their match data once per pipeline.

A rule is a TOML file under ``rules/<family>/<rule-id>.toml``. Its metadata (id,
family, severity, summary, rationale, examples) feeds the engine, the docs and the
tests. Its match data is one or more groups of three kinds:

* ``phrase``  -- a list of phrases, matched by a spaCy PhraseMatcher on LOWER (or ORTH);
* ``pattern`` -- spaCy Matcher token patterns (LOWER, NORM, LEMMA, POS, TAG, DEP ...);
* ``regex``   -- a Python regular expression over the raw text (for punctuation and
  symbols the tokenizer splits unpredictably).

A rule may also name ``checks``: computed checks registered in
``followup_lint.checks`` for what data cannot express. Rule packs are data: nothing in
them is imported or executed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from followup_lint.datafiles import describe, read_toml
from followup_lint.errors import RulePackError
from followup_lint.model import Context, Mode, Severity

if TYPE_CHECKING:
    from spacy.matcher import Matcher, PhraseMatcher

    from followup_lint.nlp import Pipeline

_RULE_ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
#: Token attributes that need the tagger, lemmatizer or parser to be meaningful.
_ATTRIBUTE_NEEDS = {
    "POS": "pos", "TAG": "pos", "MORPH": "pos", "LEMMA": "lemma", "DEP": "dep",
    "ENT_TYPE": "ents", "ENT_IOB": "ents", "ENT_ID": "ents",
}
Need = Literal["pos", "lemma", "dep", "ents"]
Section = Literal["header", "subject", "greeting", "body", "sign-off", "signature"]


try:  # the regex parser moved in Python 3.11
    import re._constants as _sre
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)}
_FIXED = {_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY}


def _consumes_fixed_char(items: Any) -> bool:
    """True when every match of ``items`` must consume at least one character outside
    any repeat, so that repeating ``items`` cannot split the text in many ways."""
    for op, av in items:
        if op in _FIXED:
            return True
        if op is _sre.SUBPATTERN and _consumes_fixed_char(av[-1]):
            return True
        if op is _sre.BRANCH and all(_consumes_fixed_char(b) for b in av[1]):
            return True
    return False


def _has_open_repeat(items: Any) -> bool:
    for op, av in items:
        if op in _REPEATS and (av[1] == _sre.MAXREPEAT or av[1] > 1):
            return True
        if op is _sre.SUBPATTERN and _has_open_repeat(av[-1]):
            return True
        if op is _sre.BRANCH and any(_has_open_repeat(b) for b in av[1]):
            return True
    return False


def _nested_repeat(items: Any) -> bool:
    for op, av in items:
        if op in _REPEATS:
            body = av[2]
            if (av[1] == _sre.MAXREPEAT or av[1] > 1) and _has_open_repeat(body) and \
                    not _consumes_fixed_char(body):
                return True
            if _nested_repeat(body):
                return True
        elif op is _sre.SUBPATTERN:
            if _nested_repeat(av[-1]):
                return True
        elif op is _sre.BRANCH:
            if any(_nested_repeat(b) for b in av[1]):
                return True
        elif op in {_sre.ASSERT, _sre.ASSERT_NOT} and _nested_repeat(av[1]):
            return True
    return False


def may_backtrack_catastrophically(pattern: str) -> bool:
    """A conservative test for nested quantifiers such as ``(a+)+`` or ``(\\s*\\w+)*``."""
    return _nested_repeat(_sre_parse.parse(pattern))


class Example(BaseModel):
    """One example draft, with the Context and mode it is linted in."""

    model_config = ConfigDict(extra="forbid")

    text: str
    context: Context | None = None
    mode: Mode = "draft"


class Examples(BaseModel):
    """Drafts that must trigger the rule (``fail``) and drafts that must not (``pass``).

    Each item is a string, or a table ``{ text = "...", context = { ... }, mode = "..." }``.
    """

    model_config = ConfigDict(extra="forbid")

    fail: list[Example] = Field(min_length=2)
    pass_: list[Example] = Field(alias="pass", min_length=2)

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
    sections: list[Section] = Field(
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
            if may_backtrack_catastrophically(self.regex):
                raise ValueError(
                    f"regex {self.regex!r} nests a repeat inside a repeat with no fixed "
                    "character between them (like '(a+)+'), which can take exponential time")
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
    """One rule: metadata, match data, an optional computed check, and examples."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_RULE_ID)
    family: str = Field(pattern=_RULE_ID)
    severity: Severity
    summary: str = Field(min_length=1)
    rationale: str = Field(min_length=1)
    checks: list[str] = Field(
        default_factory=list, description="Computed checks (registered in followup_lint.checks)."
    )
    needs: list[Need] = Field(
        default_factory=list, description="Annotations the computed check reads."
    )
    match: list[MatchGroup] = Field(default_factory=list)
    sections: list[Section] = Field(
        default_factory=lambda: ["subject", "greeting", "body", "sign-off"],
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
    examples: Examples | None = None
    source: str = Field(default="", exclude=True)

    engine: bool = Field(
        default=False,
        description="The engine itself produces this rule's findings (e.g. unused suppressions).",
    )

    @model_validator(mode="after")
    def _has_something_to_do(self) -> RuleSpec:
        if not self.match and not self.checks and not self.engine:
            raise ValueError("a rule needs 'match' groups, 'checks', or both")
        if self.examples is None and not self.engine:
            raise ValueError("'examples' with 'fail' and 'pass' drafts is required")
        return self

    @field_validator("checks")
    @classmethod
    def _known_checks(cls, value: list[str]) -> list[str]:
        from followup_lint.checks import CHECKS

        for name in value:
            if name not in CHECKS:
                raise ValueError(f"unknown check {name!r}; known: {', '.join(sorted(CHECKS))}")
        return value

    @property
    def all_needs(self) -> set[str]:
        """Every annotation the rule reads, from its check and its patterns."""
        found = set(self.needs)
        for group in self.match:
            found |= group.needs
        return found


def rules_dir() -> Path:
    """The shipped rule packs: inside the installed package, or at the repository top level."""
    installed = Path(__file__).resolve().parent / "rules"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "rules"


def load_rule_file(path: Path) -> RuleSpec:
    """Read and validate one rule pack file; errors name the file, the key and the reason."""
    data = read_toml(path, RulePackError, "rule pack")
    try:
        spec = RuleSpec.model_validate(data)
    except ValidationError as exc:
        raise RulePackError(f"{path}: {describe(exc)}") from None
    if spec.id != path.stem:
        raise RulePackError(f"{path}: id {spec.id!r} must match the file name {path.stem!r}")
    return spec.model_copy(update={"source": str(path)})


def load_rules(directories: Iterable[Path] | None = None) -> tuple[RuleSpec, ...]:
    """Load every ``<family>/<rule-id>.toml`` under the given directories (default: shipped)."""
    dirs = [rules_dir()] if directories is None else list(directories)
    return _load_rules_cached(tuple(str(d) for d in dirs))


@lru_cache(maxsize=8)
def _load_rules_cached(dirs: tuple[str, ...]) -> tuple[RuleSpec, ...]:
    specs: dict[str, RuleSpec] = {}
    for directory in map(Path, dirs):
        if not directory.is_dir():
            raise RulePackError(f"{directory}: rule directory not found")
        for path in sorted(directory.glob("*/*.toml")):
            spec = load_rule_file(path)
            if spec.family != path.parent.name:
                raise RulePackError(
                    f"{path}: family {spec.family!r} must match its folder {path.parent.name!r}"
                )
            if spec.id in specs:
                raise RulePackError(f"{path}: duplicate rule id {spec.id!r} (also in "
                                    f"{specs[spec.id].source})")
            specs[spec.id] = spec
    return tuple(specs[k] for k in sorted(specs))


@dataclass(frozen=True)
class CompiledGroup:
    """A match group ready to run, keyed back to its rule."""

    rule: RuleSpec
    group: MatchGroup
    regex: re.Pattern[str] | None


@dataclass
class CompiledRules:
    """PhraseMatchers and Matchers for all enabled rules, built once per Linter.

    Every token pattern is tried at every token, so patterns are grouped by the words a
    match cannot do without (their anchors): one set per required token, and a Matcher
    runs only on drafts holding a word of every set.
    """

    def token_matches(self, doc: Any, words: set[int]) -> list[tuple[int, int, int]]:
        """Matches of the token patterns whose anchors occur in ``words`` (string hashes)."""
        found: list[tuple[int, int, int]] = []
        for anchors, matcher in self.matchers:
            if all(not anchor.isdisjoint(words) for anchor in anchors):
                found.extend(matcher(doc))
        return found

    #: (anchor sets as string hashes, Matcher): the Matcher runs only on drafts holding a
    #: word of every anchor set.
    matchers: list[tuple[tuple[frozenset[int], ...], Matcher]]
    phrase_matcher: Callable[[Any], list[tuple[int, int, int]]]
    groups: dict[str, CompiledGroup]
    regex_groups: list[tuple[str, CompiledGroup]]
    skipped: set[str]  # group keys whose patterns the pipeline cannot annotate


def group_key(rule: RuleSpec, index: int) -> str:
    """The match id of a rule's group inside the shared matchers."""
    return f"{rule.id}#{index}"


def compile_rules(rules: Iterable[RuleSpec], pipeline: Pipeline) -> CompiledRules:
    """Compile all match groups of ``rules`` for ``pipeline``'s vocabulary.

    Pattern groups that read annotations the pipeline lacks (e.g. LEMMA in blank mode)
    are skipped and reported as degraded by the engine.
    """
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokens import Doc

    nlp = pipeline.nlp
    matchers: list[tuple[tuple[frozenset[int], ...], Matcher]] = []
    phrase_matchers = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in _PHRASE_ATTRIBUTES}
    groups: dict[str, CompiledGroup] = {}
    regex_groups: list[tuple[str, CompiledGroup]] = []
    skipped: set[str] = set()
    for rule in rules:
        for index, group in enumerate(rule.match):
            key = group_key(rule, index)
            compiled_regex = None
            if group.kind == "regex":
                flags = 0
                for flag in group.flags:
                    flags |= getattr(re, flag)
                compiled_regex = re.compile(group.regex or "", flags)
            groups[key] = CompiledGroup(rule, group, compiled_regex)
            if group.kind == "phrase":
                docs = list(nlp.tokenizer.pipe(group.phrases))
                phrase_matchers[group.attr].add(key, docs)
            elif group.kind == "pattern":
                if not group.needs <= pipeline.capabilities:
                    skipped.add(key)
                    continue
                token_patterns = []
                for pattern in group.patterns:
                    phrases = as_phrases(pattern)
                    if phrases is None:
                        token_patterns.append(pattern)
                        continue
                    attribute, sequences = phrases
                    phrase_matchers[attribute].add(key, [
                        Doc(nlp.vocab, words=list(words),
                            lemmas=list(words) if attribute == "LEMMA" else None)
                        for words in sequences
                    ])
                # One Matcher per anchor set: a pattern only runs on drafts holding its anchor.
                by_anchor: dict[tuple[frozenset[str], ...], list[list[dict[str, Any]]]] = {}
                for pattern in token_patterns:
                    by_anchor.setdefault(pattern_anchors(pattern), []).append(pattern)
                for anchors, patterns in by_anchor.items():
                    matcher = Matcher(nlp.vocab, validate=True)
                    try:
                        matcher.add(key, patterns)
                    except (ValueError, KeyError) as exc:
                        raise RulePackError(
                            f"{rule.source}: match[{index}].patterns: {exc}") from None
                    hashes = tuple(frozenset(nlp.vocab.strings.add(w) for w in anchor)
                                   for anchor in anchors)
                    matchers.append((hashes, matcher))
            else:
                regex_groups.append((key, groups[key]))
    return CompiledRules(
        matchers=matchers,
        phrase_matcher=_merge_phrase_matchers(phrase_matchers),
        groups=groups,
        regex_groups=regex_groups,
        skipped=skipped,
    )


#: Token attributes a PhraseMatcher can match on.
_PHRASE_ATTRIBUTES = frozenset({"ORTH", "LOWER", "NORM", "LEMMA"})
#: Largest number of phrases one token pattern may expand into.
_MAX_EXPANSION = 500


def as_phrases(pattern: list[dict[str, Any]]) -> tuple[str, list[tuple[str, ...]]] | None:
    """A pattern of plain words (one attribute, literal or ``IN`` values, no operators) as
    the list of word sequences it matches, or None when it needs the Matcher.

    The Matcher tests every pattern against every token with Python-level predicate
    calls; the PhraseMatcher finds the same spans with one hash lookup per token.
    """
    attribute = None
    choices: list[list[str]] = []
    for token_spec in pattern:
        if len(token_spec) != 1:
            return None
        (key, value), = token_spec.items()
        if key not in _PHRASE_ATTRIBUTES or attribute not in (None, key):
            return None
        attribute = key
        if isinstance(value, str):
            choices.append([value])
        elif isinstance(value, dict) and list(value) == ["IN"] and all(
            isinstance(v, str) for v in value["IN"]
        ):
            choices.append(list(value["IN"]))
        else:
            return None
    size = 1
    for options in choices:
        size *= len(options)
    if attribute is None or size > _MAX_EXPANSION:
        return None
    return attribute, list(product(*choices))


def pattern_anchors(pattern: list[dict[str, Any]]) -> tuple[frozenset[str], ...]:
    """For each required token with literal word values (LOWER, NORM, LEMMA, ORTH), the
    set of those values: a draft can only match when it holds a word of every set.

    Empty when no token has literal values (the pattern then always runs).
    """
    anchors: list[frozenset[str]] = []
    for token_spec in pattern:
        if "OP" in token_spec and token_spec["OP"] not in {"+", "1"}:
            continue
        for key in ("LOWER", "NORM", "LEMMA", "ORTH", "TEXT"):
            value = token_spec.get(key)
            if isinstance(value, str):
                anchors.append(frozenset({value}))
                break
            if isinstance(value, dict) and isinstance(value.get("IN"), list):
                anchors.append(frozenset(str(v) for v in value["IN"]))
                break
    return tuple(sorted(set(anchors), key=sorted))


def _merge_phrase_matchers(
    by_attr: dict[str, PhraseMatcher],
) -> Callable[[Any], list[tuple[int, int, int]]]:
    """Return a callable running each non-empty PhraseMatcher (one per attribute)."""
    active = [m for m in by_attr.values() if len(m)]

    def run(doc: Any) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = []
        for phrase_matcher in active:
            found.extend(phrase_matcher(doc))
        return found

    return run
