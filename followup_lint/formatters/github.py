"""GitHub Actions workflow commands: ``::error file=...,line=...,col=...,title=...::message``."""

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
    """One workflow command per finding; GitHub shows them as annotations."""
    lines = []
    for result in results:
        for f in result.findings:
            properties = ",".join([
                f"file={escape_property(result.path)}", f"line={f.line}", f"col={f.column}",
                f"endLine={f.end_line}", f"endColumn={f.end_column}",
                f"title={escape_property(f'{f.rule} ({f.severity.value})')}",
            ])
            lines.append(f"::{_LEVEL[f.severity.value]} {properties}::{escape_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
