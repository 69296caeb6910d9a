"""One draft's findings: run every rule, keep what counts, stamp it, apply suppressions.

The steps, in order:

1. :func:`run_rules` -- each enabled rule's ``run(draft, options)``; a rule that raises
   is recorded as a failure and the others go on;
2. :func:`counts_here` -- drop hits outside the rule's sections, or on template slots;
3. :func:`one_per_place` -- one finding per rule per place, the longest match winning;
   :func:`drop_scored_duplicates` -- drop what the tone scorer found where a rule in
   ``model_superseded_by`` already speaks (one note per sentence, the precise one);
4. :func:`drop_superseded` -- drop a finding another rule makes redundant (``superseded_by``);
5. internal errors for failed rules, then suppression comments and unused suppressions.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from followup_lint.draft import Draft
from followup_lint.model import Finding, Severity
from followup_lint.packs.schema import RuleSpec
from followup_lint.rule import Hit, Rule, RuleOptions
from followup_lint.stamping import Stamper
from followup_lint.suppression import apply_directives, read_directives


@dataclass(frozen=True)
class MetaRules:
    """The rules whose findings the engine itself produces (None when switched off)."""

    unused_suppression: RuleSpec | None
    internal_error: RuleSpec | None
    #: Every loaded rule id and family: a directive naming none of them says so.
    known_names: frozenset[str] = frozenset()


def run_rules(draft: Draft, rules: Iterable[Rule], options: dict[str, RuleOptions],
              failures: list[tuple[Rule, Exception]]) -> Iterator[tuple[Rule, Hit]]:
    """Every rule's hits on ``draft``; rules that raise are appended to ``failures``."""
    for rule in rules:
        try:
            found = list(rule.run(draft, options[rule.id]))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the rest
            failures.append((rule, exc))
            continue
        for hit in found:
            yield rule, hit


def counts_here(draft: Draft, rule: RuleSpec, hit: Hit) -> bool:
    """True when ``hit`` is in one of the rule's sections (or is a point outside every
    section, which speaks of the whole draft) and, unless the rule is about them, not on
    a template slot."""
    section = draft.section_of(hit.start)
    if section not in rule.sections and not (section is None and hit.start == hit.end):
        return False  # (a point outside every section speaks of the whole draft)
    return rule.on_placeholders or not draft.in_placeholder(hit.start, hit.end)


def one_per_place(hits: Iterable[tuple[Rule, Hit]]) -> list[tuple[Rule, Hit]]:
    """Hits sorted by start, keeping one per rule per place: the longest match wins."""
    ordered = sorted(hits, key=lambda item: (item[1].start, -(item[1].end - item[1].start),
                                             item[0].id))
    reach: dict[str, int] = {}  # per rule: the end of its furthest hit so far
    kept = []
    for rule, hit in ordered:
        if hit.start < reach.get(rule.id, -1) or (
            hit.start == hit.end and hit.start == reach.get(rule.id)
        ):
            continue
        reach[rule.id] = max(hit.end, reach.get(rule.id, -1))
        kept.append((rule, hit))
    return kept


def drop_scored_duplicates(hits: list[tuple[Rule, Hit]]) -> list[tuple[Rule, Hit]]:
    """``hits`` without the tone scorer's where a rule named in the rule's
    ``model_superseded_by`` already reports the same words at warning or above: its
    "reads as over-sharing" adds nothing to "personal details about money do not belong"."""
    if not any(hit.scored for _, hit in hits):
        return hits
    said = [(rule.id, hit.start, hit.end) for rule, hit in hits
            if not hit.scored and (hit.severity or rule.spec.severity) != Severity.info]
    return [(rule, hit) for rule, hit in hits if not hit.scored or not any(
        rule_id in rule.spec.model_superseded_by and start < hit.end and hit.start < end
        for rule_id, start, end in said)]


def drop_superseded(findings: list[Finding], specs: dict[str, RuleSpec]) -> list[Finding]:
    """Findings (sorted by start) without those a ``superseded_by`` rule's finding covers."""
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

    return [f for f in findings if not any(
        overlaps(name, f.start, f.end) for name in specs[f.rule].superseded_by)]


def collect(draft: Draft, rules: list[Rule], options: dict[str, RuleOptions],
            stamper: Stamper, meta: MetaRules) -> list[Finding]:
    """The findings of ``rules`` on ``draft``, stamped, filtered and suppressed."""
    failures: list[tuple[Rule, Exception]] = []
    hits = [(rule, hit) for rule, hit in run_rules(draft, rules, options, failures)
            if counts_here(draft, rule.spec, hit)]
    findings = [stamper.stamp(rule.spec, hit)
                for rule, hit in drop_scored_duplicates(one_per_place(hits))]
    findings = drop_superseded(findings, {r.id: r.spec for r in rules})
    if failures:
        if meta.internal_error is None:  # pragma: no cover - the shipped pack always has it
            raise failures[0][1]
        findings += [stamper.stamp(meta.internal_error, Hit(
            0, 0, f"Rule '{rule.id}' failed on this draft ({type(exc).__name__}: {exc}); its "
            "findings are missing. Please report this.")) for rule, exc in failures]
    directives = read_directives(draft.text, draft.layout)
    if not directives:
        return findings
    findings = apply_directives(findings, directives)
    if meta.unused_suppression is not None:
        findings += [
            stamper.stamp(meta.unused_suppression, Hit(
                d.start, d.end, d.unused_message(meta.known_names),
                quoted=(",".join(sorted(d.names)), *d.names)))
            for d in directives if not d.used
        ]
    return findings
