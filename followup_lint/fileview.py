"""A linted file as its writer sees it: positions in the file's own text, the file's
per-file ignores, the rule directories of its settings, and "now" as the sending time.
Shared by the command line and the language server."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from followup_lint.model import Context, Report

if TYPE_CHECKING:
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


def filter_ignored(report: Report, ignored: set[str]) -> Report:
    if not ignored:
        return report
    from followup_lint.report import recount

    if "all" in ignored:
        return recount(report, [])
    kept = [f for f in report.findings if f.rule not in ignored and f.family not in ignored]
    return recount(report, kept)
