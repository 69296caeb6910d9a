"""GitHub Actions workflow commands: ``::error file=...,line=...,col=...,title=...::message``.

Every value is escaped as the workflow-command syntax requires, so a file name or a
message holding a line break or ``::`` cannot start a command of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from followup_lint.formatters.common import Options, Result

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a message as the workflow-command syntax requires."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(results: Sequence[Result], options: Options) -> str:
    """One workflow command per finding and per skipped file; GitHub shows annotations."""
    lines = []
    for skipped in options.skipped:
        lines.append(f"::error file={escape_property(skipped.path)},"
                     f"title={escape_property('followup-lint: file not linted')}::"
                     f"{escape_data(skipped.reason)}")
    for result in results:
        for f in result.findings:
            properties = ",".join([
                f"file={escape_property(result.path)}", f"line={f.line}", f"col={f.column}",
                f"endLine={f.end_line}", f"endColumn={f.end_column}",
                f"title={escape_property(f'{f.rule} ({f.severity.value})')}",
            ])
            lines.append(f"::{_LEVEL[f.severity.value]} {properties}::{escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
