"""STAGE 4: findings -> Report (sorted, counted, with metrics)."""

from __future__ import annotations

from collections.abc import Iterable

from followup_lint.model import Finding, MessageKind, Metrics, Mode, Report, Severity, Verdict

#: Points a finding costs the 0-100 score, by severity.
PENALTY = {Severity.error: 20, Severity.warning: 5, Severity.info: 1}


def score_and_verdict(counts: dict[Severity, int]) -> tuple[int, Verdict]:
    """A simple, documented judgement of the whole draft from its finding counts."""
    score = max(0, 100 - sum(PENALTY[s] * n for s, n in counts.items()))
    if counts.get(Severity.error):
        return score, "do-not-send"
    if counts.get(Severity.warning):
        return score, "revise"
    return score, "ready"


def sort_key(finding: Finding) -> tuple[int, int, str]:
    """Findings are ordered by position, then by rule id."""
    return finding.start, finding.end, finding.rule


def build_report(
    findings: Iterable[Finding],
    *,
    kind: MessageKind,
    kind_inferred: bool,
    mode: Mode,
    metrics: Metrics,
    model: str,
    pipeline: list[str],
    degraded_rules: Iterable[str],
    rules: Iterable[str],
) -> Report:
    """Assemble the Report for one draft."""
    return recount(Report(
        kind=kind,
        kind_inferred=kind_inferred,
        mode=mode,
        model=model,
        pipeline=pipeline,
        degraded_rules=sorted(degraded_rules),
        rules=sorted(rules),
        metrics=metrics,
    ), list(findings))


def recount(report: Report, findings: list[Finding]) -> Report:
    """The report with a new list of findings and the counts, score and verdict to match."""
    counts = {severity: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity] += 1
    score, verdict = score_and_verdict(counts)
    return report.model_copy(update={"findings": sorted(findings, key=sort_key),
                                     "counts": counts, "score": score, "verdict": verdict})
