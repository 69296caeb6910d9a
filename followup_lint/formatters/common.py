"""What every formatter receives: per-file results and output options."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from followup_lint.model import Finding, Report

if TYPE_CHECKING:
    from followup_lint.packs.schema import RuleSpec


@dataclass(frozen=True)
class Result:
    """One linted file: its display path, its text, and its report (file positions)."""

    path: str
    source: str
    report: Report

    @property
    def findings(self) -> list[Finding]:
        """The report's findings."""
        return self.report.findings


@dataclass(frozen=True)
class Options:
    """Output options shared by all formatters."""

    colour: bool = False
    excerpts: bool = True
    rules: tuple[RuleSpec, ...] = ()
    root: Path = field(default_factory=Path.cwd)
