"""Apply safe fixes: unique, meaning-preserving replacements (a doubled word, a double space).

Only suggestions marked ``safe`` are applied, never two that overlap, from the end of
the text backwards so that earlier offsets stay valid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from followup_lint.model import Finding, Report


@dataclass(frozen=True)
class Edit:
    """One replacement of text[start:end]."""

    start: int
    end: int
    replacement: str
    rule: str


def safe_edits(findings: Iterable[Finding]) -> list[Edit]:
    """The safe, non-overlapping edits among the findings, in text order."""
    edits: list[Edit] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        safe = [s for s in finding.suggestions if s.safe]
        if len(safe) != 1:
            continue  # only a unique replacement is applied automatically
        if edits and finding.start < edits[-1].end:
            continue
        edits.append(Edit(finding.start, finding.end, safe[0].replacement, finding.rule))
    return edits


def apply_edits(text: str, edits: list[Edit]) -> str:
    """The text with the edits applied."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


def apply_fixes(text: str, report: Report | Iterable[Finding]) -> str:
    """``text`` with the report's safe fixes applied (the public fix API).

    ``report`` must come from linting exactly this ``text``; findings are matched by
    character offsets. Fixes that are not safe, not unique or overlap are left out.
    """
    findings = report.findings if isinstance(report, Report) else report
    edits = safe_edits(findings)
    for edit in edits:
        if not 0 <= edit.start <= edit.end <= len(text):
            raise ValueError(f"a {edit.rule} fix at {edit.start}-{edit.end} is outside the "
                             f"text ({len(text)} characters): lint this text first")
    return apply_edits(text, edits)


#: Most rounds of fix, re-lint, fix again that one ``--fix`` run makes.
MAX_FIX_ROUNDS = 10


def fix_until_stable(text: str, findings: Iterable[Finding],
                     relint: Callable[[str], Iterable[Finding]],
                     max_rounds: int = MAX_FIX_ROUNDS) -> tuple[str, list[Edit]]:
    """Apply safe fixes, lint the result and repeat until no safe fix is left.

    A fix can reveal another ("to to to" -> "to to" -> "to"), so one run converges.
    Stops after ``max_rounds`` rounds, or when a text comes back (fixes that undo each
    other). Returns the fixed text and every edit applied, round after round.
    """
    applied: list[Edit] = []
    seen = {text}
    for _ in range(max_rounds):
        edits = safe_edits(findings)
        fixed = apply_edits(text, edits) if edits else text
        if fixed in seen:
            break
        seen.add(fixed)
        applied += edits
        text = fixed
        findings = relint(text)
    return text, applied
