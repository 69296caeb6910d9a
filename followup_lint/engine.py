"""STAGE 3: run the enabled rules over each Draft and stamp their findings.

A rule only says what it found; the engine stamps rule id, family, severity (after
config overrides), line/column and excerpt, drops hits outside the writer's prose
or inside placeholders, and marks rules that ran without the parse they need.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from followup_lint.checks import CHECKS, Hit
from followup_lint.config import Config
from followup_lint.draft import Draft, clean_text, parse_drafts
from followup_lint.errors import ConfigError, InputTooLargeError
from followup_lint.model import Context, Finding, Report, Suggestion
from followup_lint.nlp import Pipeline, load_pipeline
from followup_lint.report import build_report
from followup_lint.ruleset import CompiledRules, MatchGroup, RuleSpec, compile_rules, load_rules
from followup_lint.suppression import apply_directives, read_directives

#: The rule that reports suppression comments which suppressed nothing.
UNUSED_SUPPRESSION = "unused-suppression"
#: The rule that reports a rule which raised instead of finishing.
INTERNAL_ERROR = "internal-error"

if TYPE_CHECKING:
    from pathlib import Path

#: Texts per spaCy memory zone: strings interned while linting them are freed after.
_ZONE_SIZE = 512


@dataclass
class _Loaded:
    pipeline: Pipeline
    compiled: CompiledRules
    degraded: frozenset[str]


def select_rules(rules: Iterable[RuleSpec], config: Config) -> list[RuleSpec]:
    """Rules enabled by ``config.select``/``config.ignore`` (ids or family names)."""
    rules = list(rules)
    known = {r.id for r in rules} | {r.family for r in rules}
    for name in (*config.select, *config.ignore, *config.severity):
        if name not in known:
            raise ConfigError(
                f"unknown rule or family {name!r}; known: {', '.join(sorted(known))}"
            )
    for name in config.severity:
        if name not in {r.id for r in rules}:
            raise ConfigError(f"severity overrides take rule ids, not families: {name!r}")

    def wanted(rule: RuleSpec) -> bool:
        selected = not config.select or rule.id in config.select or rule.family in config.select
        ignored = rule.id in config.ignore or rule.family in config.ignore
        return selected and not ignored

    return [r for r in rules if wanted(r)]


def _take_contexts(contexts: Iterator[Context | None], n: int) -> list[Context | None]:
    found = list(islice(contexts, n))
    if len(found) < n:
        raise ValueError("fewer contexts than texts")
    for item in found:
        if item is not None and not isinstance(item, Context):
            raise TypeError(f"expected Context or None, got {type(item).__name__}")
    return found


def line_index(text: str) -> LineIndex:
    """Offset -> (line, column) lookups for ``text``."""
    return LineIndex(text)


#: A line ends at LF, CRLF or a lone CR (old Mac files, some pasted text).
_LINE_END = re.compile(r"\r\n?|\n")


class LineIndex:
    """Offset -> (line, column), both 1-based, built once per text."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


class Linter:
    """Lints follow-up drafts; build once and reuse (the pipeline and matchers are cached).

    ``lint`` and ``lint_many`` are safe to call from several threads, also on different
    Linters: every Linter using one spaCy pipeline serialises on that pipeline's lock
    (see nlp.Pipeline), one chunk of up to 512 drafts at a time.
    """

    def __init__(self, config: Config | None = None, *, rule_dirs: Iterable[Path] | None = None):
        self.config = config or Config()
        self.rules = select_rules(load_rules(rule_dirs), self.config)
        self._loaded: _Loaded | None = None
        self._lock = threading.RLock()

    # -- set-up ---------------------------------------------------------------------
    def _load(self) -> _Loaded:
        with self._lock:
            if self._loaded is None:
                need_entities = any("ents" in r.all_needs for r in self.rules)
                pipeline = load_pipeline(self.config.model, need_entities=need_entities)
                compiled = compile_rules(self.rules, pipeline)
                degraded = frozenset(
                    r.id for r in self.rules if not r.all_needs <= pipeline.capabilities
                )
                self._loaded = _Loaded(pipeline, compiled, degraded)
            return self._loaded

    @property
    def pipeline(self) -> Pipeline:
        """The loaded spaCy pipeline (loads it on first use)."""
        return self._load().pipeline

    # -- public API -----------------------------------------------------------------
    def lint(self, text: str, context: Context | None = None) -> Report:
        """Lint one draft."""
        return next(self.lint_many([text], [context]))

    def lint_many(
        self,
        texts: Iterable[str],
        contexts: Iterable[Context | None] | Context | None = None,
        *,
        batch_size: int = 32,
        n_process: int = 1,
    ) -> Iterator[Report]:
        """Lint many drafts in batches through ``nlp.pipe``; yields Reports in input order.

        ``contexts`` is one Context for all drafts, or one (or None) per draft.
        """
        loaded = self._load()
        shared = contexts if contexts is None or isinstance(contexts, Context) else None
        context_iter = None if contexts is None or isinstance(contexts, Context) else iter(contexts)
        vocabulary = frozenset(w.lower() for w in self.config.vocabulary)
        iterator = iter(texts)
        while True:
            chunk = list(islice(iterator, _ZONE_SIZE))
            if not chunk:
                return
            for text in chunk:
                if not isinstance(text, str):
                    raise TypeError(f"expected str, got {type(text).__name__}")
                if len(text) > self.config.max_chars:
                    raise InputTooLargeError(
                        f"draft of {len(text):,} characters is over the limit of "
                        f"{self.config.max_chars:,} (Config.max_chars)")
            chunk = [clean_text(text) for text in chunk]
            chunk_contexts = (
                [shared] * len(chunk) if context_iter is None
                else _take_contexts(context_iter, len(chunk))
            )
            # One lock per pipeline, shared by every Linter that uses it; the reports of a
            # chunk are made under it and yielded after, so a paused generator holds no lock.
            with loaded.pipeline.lock, loaded.pipeline.nlp.memory_zone():
                drafts = parse_drafts(
                    loaded.pipeline, chunk, chunk_contexts, self.config, vocabulary=vocabulary,
                    batch_size=batch_size, n_process=n_process,
                )
                reports = [self._report(draft, loaded) for draft in drafts]
            yield from reports

    # -- internals ------------------------------------------------------------------
    def _report(self, draft: Draft, loaded: _Loaded) -> Report:
        findings = self._findings(draft, loaded)
        return build_report(
            draft, findings,
            model=loaded.pipeline.name,
            pipeline=loaded.pipeline.components,
            degraded_rules=loaded.degraded,
        )

    def _hits(self, draft: Draft, loaded: _Loaded, failures: list[tuple[RuleSpec, Exception]]
              ) -> Iterator[tuple[RuleSpec, MatchGroup | None, Hit]]:
        compiled = loaded.compiled
        doc = draft.doc
        strings = doc.vocab.strings
        matches = compiled.token_matches(doc, draft.word_forms) + compiled.phrase_matcher(doc)
        for match_id, start, end in matches:
            group = compiled.groups[strings[match_id]]
            span = doc[slice(*group.group.focus_tokens(start, end))]
            yield group.rule, group.group, self._group_hit(
                group.group, span.start_char, span.end_char, span.text
            )
        for _key, group in compiled.regex_groups:
            assert group.regex is not None
            where = set(group.group.sections or group.rule.sections)
            for section in draft.layout.sections:
                if section.name not in where:
                    continue
                for match in group.regex.finditer(draft.plain, section.start, section.end):
                    if match.end() > match.start():
                        replacement = None
                        if group.group.replacement is not None:
                            # Expand against what the writer typed (curly quotes kept) when
                            # the pattern matches it there too.
                            typed = group.regex.fullmatch(draft.text, match.start(), match.end())
                            replacement = (typed or match).expand(group.group.replacement)
                        yield group.rule, group.group, self._group_hit(
                            group.group, match.start(), match.end(), match.group(), replacement
                        )
        for rule in self.rules:
            for name in rule.checks:
                try:
                    found = list(CHECKS[name](draft, rule))
                except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the rest
                    failures.append((rule, exc))
                    continue
                for hit in found:
                    yield rule, None, hit

    @staticmethod
    def _group_hit(group: MatchGroup, start: int, end: int, excerpt: str,
                   replacement: str | None = None) -> Hit:
        suggestions: tuple[Suggestion, ...] = ()
        replacement = group.replacement if replacement is None else replacement
        if replacement is not None:
            if excerpt[:1].isupper() and replacement[:1].islower():
                replacement = replacement[:1].upper() + replacement[1:]
            suggestions = (Suggestion(replacement=replacement, safe=group.safe),)
        return Hit(start, end, group.message, group.severity, suggestions)

    @staticmethod
    def _keep(draft: Draft, rule: RuleSpec, group: MatchGroup | None, hit: Hit) -> bool:
        section = draft.section_of(hit.start)
        allowed = group.sections if group and group.sections else rule.sections
        if section not in allowed and not (section is None and hit.start == hit.end):
            return False  # (a point outside every section speaks of the whole draft)
        if not rule.on_placeholders and draft.in_placeholder(hit.start, hit.end):
            return False
        if group is None:
            return True
        sentence = draft.sentence_at(hit.start)
        if group.sentence_has or group.sentence_lacks:
            words = {t.lower_ for t in sentence} if sentence is not None else set()
            if group.sentence_has and not words & set(group.sentence_has):
                return False
            if words & set(group.sentence_lacks):
                return False
        if group.unless_specific == "never":
            return True
        if group.unless_specific == "draft":
            return draft.specificity.count == 0
        return sentence is None or not draft.specificity.sentence_is_specific(sentence)

    def _findings(self, draft: Draft, loaded: _Loaded) -> list[Finding]:
        failures: list[tuple[RuleSpec, Exception]] = []
        lines = LineIndex(draft.text)  # built once per draft, shared by every stamp
        findings = list(self._stamped(draft, lines, loaded, failures))  # sorted by start
        starts: dict[str, list[int]] = {}
        ends: dict[str, list[int]] = {}
        for finding in findings:
            starts.setdefault(finding.rule, []).append(finding.start)
            ends.setdefault(finding.rule, []).append(finding.end)

        def overlaps(rule_id: str, start: int, end: int) -> bool:
            # Findings of one rule never overlap each other, so their ends are sorted too.
            index = bisect_right(ends.get(rule_id, []), start)
            rule_starts = starts.get(rule_id, [])
            return index < len(rule_starts) and rule_starts[index] < end

        def redundant(finding: Finding, rule: RuleSpec) -> bool:
            return any(overlaps(name, finding.start, finding.end) for name in rule.superseded_by)

        rules = {r.id: r for r in self.rules}
        findings = [f for f in findings if not redundant(f, rules[f.rule])]
        if failures:
            findings += self._internal_errors(draft, lines, loaded, failures)
        directives = read_directives(draft.text, draft.layout)
        if not directives:
            return findings
        findings = apply_directives(findings, directives)
        unused_rule = rules.get(UNUSED_SUPPRESSION)
        if unused_rule is not None:
            findings += [
                self._stamp(draft, lines, loaded, unused_rule, Hit(
                    d.start, d.end,
                    f"This '{d.action}={','.join(sorted(d.names))}' suppressed nothing; "
                    "remove it."))
                for d in directives if not d.used
            ]
        return findings

    def _internal_errors(self, draft: Draft, lines: LineIndex, loaded: _Loaded,
                         failures: list[tuple[RuleSpec, Exception]]) -> list[Finding]:
        """One finding per rule that raised, so the failure is visible and the run goes on."""
        meta = next((r for r in load_rules() if r.id == INTERNAL_ERROR), None)
        if meta is None:  # pragma: no cover - the shipped pack always has it
            raise failures[0][1]
        return [self._stamp(draft, lines, loaded, meta, Hit(
            0, 0, f"Rule '{rule.id}' failed on this draft ({type(exc).__name__}: {exc}); its "
            "findings are missing. Please report this."))
            for rule, exc in failures]

    def _stamp(self, draft: Draft, lines: LineIndex, loaded: _Loaded, rule: RuleSpec,
               hit: Hit) -> Finding:
        line, column = lines.position(hit.start)
        end_line, end_column = lines.position(hit.end)
        message, excerpt, suggestions = hit.message, draft.text[hit.start:hit.end], hit.suggestions
        if self.config.redact:
            for fragment in sorted({q for q in hit.quoted if q}, key=len, reverse=True):
                message = message.replace(fragment, "…")
            excerpt, suggestions = "", ()
        return Finding(
            rule=rule.id,
            family=rule.family,
            severity=self.config.severity.get(rule.id) or hit.severity or rule.severity,
            message=message,
            start=hit.start,
            end=hit.end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            excerpt=excerpt,
            suggestions=suggestions,
            degraded=rule.id in loaded.degraded,
        )

    def _stamped(self, draft: Draft, lines: LineIndex, loaded: _Loaded,
                 failures: list[tuple[RuleSpec, Exception]]) -> Iterator[Finding]:
        reach: dict[str, int] = {}  # per rule: the end of its furthest finding so far
        hits = sorted(
            (item for item in self._hits(draft, loaded, failures) if self._keep(draft, *item)),
            key=lambda item: (item[2].start, -(item[2].end - item[2].start), item[0].id),
        )
        for rule, _group, hit in hits:
            if hit.start < reach.get(rule.id, -1) or (
                hit.start == hit.end and hit.start == reach.get(rule.id)
            ):
                continue  # one finding per rule per place: the longest match wins
            reach[rule.id] = max(hit.end, reach.get(rule.id, -1))
            yield self._stamp(draft, lines, loaded, rule, hit)
