"""Human-readable output: ``path:line:col: severity rule message`` with the source line."""

from __future__ import annotations

import os
from collections.abc import Sequence

from followup_lint.model import Report

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def use_colour(stream: object) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def _source_line(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""


def format_text(results: Sequence[tuple[str, str, Report]], *, colour: bool = False) -> str:
    """One block per finding: location, severity, rule, message, source line and caret."""
    out: list[str] = []
    for path, text, report in results:
        for f in report.findings:
            severity = f.severity.value
            label = f"{_COLOURS[severity]}{severity}{_RESET}" if colour else severity
            rule = f"{_BOLD}{f.rule}{_RESET}" if colour else f.rule
            out.append(f"{path}:{f.line}:{f.column}: {label} {rule} {f.message}")
            source = _source_line(text, f.line)
            if source.strip():
                width = (f.end_column - f.column) if f.end_line == f.line else len(source) - f.column + 1
                out.append(f"  | {source.expandtabs(1)}")
                out.append(f"  | {' ' * (f.column - 1)}{'^' * max(1, width)}")
    return "\n".join(out) + ("\n" if out else "")
