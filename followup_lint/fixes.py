"""Apply safe fixes: unique, meaning-preserving replacements (a doubled word, a double space).

Only suggestions marked ``safe`` are applied, never two that overlap, from the end of
the text backwards so that earlier offsets stay valid.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from followup_lint.model import Finding


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
