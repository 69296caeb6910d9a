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
    exact: bool = True  # the linted text is the file's text (fixes apply to it as they are)

    @property
    def findings(self) -> list[Finding]:
        """The report's findings."""
        return self.report.findings


@dataclass(frozen=True)
class Options:
    """Output options shared by all formatters."""

    colour: bool = False
    #: Columns the text output may use (the terminal's width, or 100).
    width: int = 100
    excerpts: bool = True
    rules: tuple[RuleSpec, ...] = ()
    root: Path = field(default_factory=Path.cwd)
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True)
class Skipped:
    """A file that was not linted (unreadable, binary, too long, bad front matter)."""

    path: str
    reason: str
