"""Human-readable output: per file a verdict line, then each finding with a window on it.

    examples/draft.txt: do-not-send · score 41/100 · 1 error, 4 warnings, 1 info
    examples/draft.txt:5:24: error spelling 'oppertunity' is not a word I know.
      |
    5 | Thank you for the oppertunity to interview for the position yes…
      |                   ^^^^^^^^^^^
      = suggestions: "opportunity"

Findings about the whole message are listed once under the file, not pinned to its
first sentence. Lines are cut to a window around the finding so the output fits the
terminal (or 100 columns when it is not one); the caret is placed in display cells.
A summary line ends the output: "All drafts ready" when there is nothing to say.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

from followup_lint.fixes import safe_edits
from followup_lint.formatters.common import Options, Result
from followup_lint.model import Finding, Severity
from followup_lint.terminal import MIN_WIDTH, display, safe_text

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m",
            "ready": "\033[32m", "revise": "\033[33m", "do-not-send": "\033[31m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
ELLIPSIS = "…"


def _paint(text: str, code: str, options: Options) -> str:
    return f"{code}{text}{_RESET}" if options.colour else text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"


def _counts(findings: Sequence[Finding]) -> str:
    parts = []
    for severity in Severity:
        count = sum(f.severity is severity for f in findings)
        if count:
            parts.append(_plural(count, severity.value))
    return ", ".join(parts) or "no findings"


def _source_line(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""


def window(line: str, start: int, end: int, budget: int) -> tuple[str, int, int]:
    """Cut ``line`` to at most ``budget`` cells around characters [start, end).

    Returns the shown text, and the caret's first cell and width in it (at least 1).
    """
    shown = [display(c) for c in line]
    start = min(start, len(shown))
    end = min(max(end, start), len(shown))
    total = sum(n for _, n in shown)
    first, last = 0, len(shown)
    if total > budget:
        room = budget - 2  # an ellipsis may go at each end
        span = sum(n for _, n in shown[start:end])
        lead = max(0, min(room // 3, room - span))
        first, used = start, 0
        while first > 0 and used + shown[first - 1][1] <= lead:
            first -= 1
            used += shown[first][1]
        last, used = first, 0
        while last < len(shown) and used + shown[last][1] <= room:
            used += shown[last][1]
            last += 1
    prefix = ELLIPSIS if first > 0 else ""
    suffix = ELLIPSIS if last < len(shown) else ""
    text = prefix + "".join(s for s, _ in shown[first:last]) + suffix
    caret_at = len(prefix) + sum(n for _, n in shown[first:start])
    caret_end = len(prefix) + sum(n for _, n in shown[first:min(end, last)])
    if end > last:
        caret_end += len(suffix)
    return text, caret_at, max(1, caret_end - caret_at)


def _suggestions(finding: Finding, fixable: bool) -> str | None:
    if not finding.suggestions:
        return None
    quoted = ", ".join(f'"{safe_text(s.replacement)}"' for s in finding.suggestions[:5])
    more = f" (+{len(finding.suggestions) - 5} more)" if len(finding.suggestions) > 5 else ""
    label = "fix" if fixable else "suggestions" if len(finding.suggestions) > 1 else "suggestion"
    return f"{label}: {quoted}{more}"


def _wrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(text, width=width, subsequent_indent=indent,
                         break_long_words=True, break_on_hyphens=False) or [""]


def _finding(result: Result, f: Finding, fixable: bool, options: Options) -> list[str]:
    width = max(MIN_WIDTH, options.width)
    severity = f.severity.value
    mark = " [*]" if fixable else ""
    head = f"{safe_text(result.path)}:{f.line}:{f.column}: {severity} {f.rule}{mark} "
    lines = _wrap(head + safe_text(f.message), width, "    ")
    if options.colour:  # colour after wrapping so escape codes do not count as width
        plain = f": {severity} {f.rule}"
        painted = (f": {_paint(severity, _COLOURS[severity], options)} "
                   f"{_paint(f.rule, _BOLD, options)}")
        lines[0] = lines[0].replace(plain, painted, 1)
    source = _source_line(result.source, f.line) if options.excerpts else ""
    if source.strip():
        number = str(f.line)
        gutter = " " * len(number)
        end = f.end_column - 1 if f.end_line == f.line else len(source)
        shown, at, span = window(source, f.column - 1, end, width - len(gutter) - 3)
        bar = _paint("|", _DIM, options)
        lines += [f"{gutter} {bar}", f"{number} {bar} {shown}",
                  f"{gutter} {bar} {' ' * at}{_paint('^' * span, _COLOURS[severity], options)}"]
        advice = _suggestions(f, fixable)
        if advice:
            lines += _wrap(f"{gutter} = {advice}", width, gutter + "   ")
    return lines


def _file_block(result: Result, options: Options) -> list[str]:
    report = result.report
    out = _wrap(f"{safe_text(result.path)}: {report.verdict} · score {report.score}/100 · "
                f"{_counts(result.findings)}", max(MIN_WIDTH, options.width), "    ")
    painted = _paint(report.verdict, _COLOURS[report.verdict], options)
    out[0] = out[0].replace(f": {report.verdict} · ", f": {painted} · ", 1)
    fixable = {(e.start, e.end, e.rule) for e in safe_edits(result.findings)}
    whole = [f for f in result.findings if f.scope == "message"]
    for f in result.findings:
        if f.scope != "message":
            out += _finding(result, f, (f.start, f.end, f.rule) in fixable, options)
    if whole:
        out.append(f"{safe_text(result.path)}: about the whole message")
        for f in whole:
            severity = _paint(f.severity.value, _COLOURS[f.severity.value], options)
            text = f"  - {f.severity.value} {f.rule}: {safe_text(f.message)}"
            wrapped = _wrap(text, max(MIN_WIDTH, options.width), "    ")
            wrapped[0] = wrapped[0].replace(f.severity.value, severity, 1)
            out += wrapped
    return out


def summary_line(results: Sequence[Result], width: int = 100) -> str:
    """Files, errors, warnings, infos and fixable findings; "All drafts ready" when clean."""
    findings = [f for r in results for f in r.findings]
    files = _plural(len(results), "file")
    if not findings:
        if len(results) == 1:
            report = results[0].report
            return "\n".join(_wrap(f"All drafts ready: {safe_text(results[0].path)} · score "
                                    f"{report.score}/100 · no findings.", width, "    "))
        return f"All drafts ready ({files}, no findings)."
    fixable = sum(len(safe_edits(r.findings)) for r in results)
    verdicts = {v: sum(r.report.verdict == v for r in results)
                for v in ("do-not-send", "revise", "ready")}
    verdict = ", ".join(f"{n} {v}" for v, n in verdicts.items() if n)
    counts = [_plural(sum(f.severity is s for f in findings), s.value) for s in Severity]
    return "\n".join(_wrap(f"Summary: {files} ({verdict}) · {' · '.join(counts)} · {fixable} "
                            "fixable with --fix [*]", width, "    "))


def format_text(results: Sequence[Result], options: Options) -> str:
    """Every file with findings as a block, then one summary line."""
    out: list[str] = []
    for result in results:
        if result.findings:
            out += _file_block(result, options)
            out.append("")
    out.append(summary_line(results, max(MIN_WIDTH, options.width)))
    return "\n".join(out) + "\n"


def statistics(results: Sequence[Result]) -> list[dict[str, object]]:
    """Counts per rule, most frequent first."""
    counts: dict[tuple[str, str], int] = {}
    fixable: dict[tuple[str, str], int] = {}
    for result in results:
        safe = {(e.start, e.end, e.rule) for e in safe_edits(result.findings)}
        for f in result.findings:
            key = (f.rule, f.severity.value)
            counts[key] = counts.get(key, 0) + 1
            fixable[key] = fixable.get(key, 0) + ((f.start, f.end, f.rule) in safe)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"rule": rule, "severity": severity, "count": n, "fixable": fixable[(rule, severity)]}
            for (rule, severity), n in rows]


def format_statistics(results: Sequence[Result], output_format: str = "text") -> str:
    """``--statistics``: a table, or with ``--format json`` a JSON list."""
    rows = statistics(results)
    if output_format == "json":
        return json.dumps(rows, indent=2) + "\n"
    return "".join(f"{row['count']:6d}  {row['rule']:<22} {row['severity']:<8}"
                   f"{'[*]' if row['fixable'] else ''}".rstrip() + "\n" for row in rows)
