"""A linted file as its writer sees it: positions in the file's own text, the file's
per-file ignores, the rule directories of its settings, and "now" as the sending time.
Shared by the command line and the language server."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from followup_lint.model import Context, Report

if TYPE_CHECKING:
    from followup_lint.inputs import Source
    from followup_lint.settings import Settings


def rule_dirs(settings: Settings) -> list[Path] | None:
    from followup_lint.datafiles import rules_dir

    return [rules_dir(), *settings.rule_dirs] if settings.rule_dirs else None


def sending_now(context: Context) -> Context:
    """Without ``sent_at``, a draft being linted is about to be sent: the timing rules
    measure from now (to the minute, so cached results stay useful within it)."""
    dates = [context.interview_at, context.decision_by, *context.previous_messages]
    if context.sent_at is not None or not any(dates):
        return context
    aware = any(d is not None and d.tzinfo is not None for d in dates)
    now = datetime.now(timezone.utc) if aware else datetime.now()
    return context.model_copy(update={"sent_at": now.replace(second=0, microsecond=0)})


def to_file_positions(source: Source, report: Report) -> Report:
    """The report with every span mapped into the file's own text."""
    if not source.pieces or source.raw is None:
        return report
    from followup_lint.offsets import with_utf16
    from followup_lint.stamping import LineIndex

    raw = source.raw
    lines = LineIndex(raw)
    findings = []
    for f in report.findings:
        start, end = source.to_raw(f.start), source.to_raw(f.end)
        end = max(start, end)
        line, column = lines.position(start)
        end_line, end_column = lines.position(end)
        findings.append(f.model_copy(update={
            "start": start, "end": end, "line": line, "column": column,
            "end_line": end_line, "end_column": end_column, "excerpt": raw[start:end],
        }))
    return report.model_copy(update={"findings": with_utf16(raw, findings)})


def filter_ignored(report: Report, ignored: set[str]) -> Report:
    if not ignored:
        return report
    from followup_lint.report import recount

    kept = [f for f in report.findings if f.rule not in ignored and f.family not in ignored]
    return recount(report, kept)
