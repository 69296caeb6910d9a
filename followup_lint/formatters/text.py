"""Human-readable output: ``path:line:col: severity rule message`` with the source line."""

from __future__ import annotations

import os
from collections.abc import Sequence

from followup_lint.formatters.common import Options, Result

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def use_colour(stream: object) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def _source_line(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""


def format_text(results: Sequence[Result], options: Options) -> str:
    """One block per finding: location, severity, rule, message, source line and caret."""
    out: list[str] = []
    for result in results:
        for f in result.findings:
            severity = f.severity.value
            label = f"{_COLOURS[severity]}{severity}{_RESET}" if options.colour else severity
            rule = f"{_BOLD}{f.rule}{_RESET}" if options.colour else f.rule
            out.append(f"{result.path}:{f.line}:{f.column}: {label} {rule} {f.message}")
            source = _source_line(result.source, f.line) if options.excerpts else ""
            if source.strip():
                if f.end_line == f.line:
                    width = f.end_column - f.column
                else:
                    width = len(source) - f.column + 1
                out.append(f"  | {source.expandtabs(1)}")
                out.append(f"  | {' ' * (f.column - 1)}{'^' * max(1, width)}")
    return "\n".join(out) + ("\n" if out else "")


def format_statistics(results: Sequence[Result]) -> str:
    """Counts per rule, most frequent first (``--statistics``)."""
    counts: dict[tuple[str, str], int] = {}
    for result in results:
        for f in result.findings:
            key = (f.rule, f.severity.value)
            counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{n:6d}  {rule:<22} {severity}\n" for (rule, severity), n in rows)
