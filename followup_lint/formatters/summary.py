"""A Markdown job summary: one row per file (verdict, score, counts), then the findings.

Written for ``$GITHUB_STEP_SUMMARY`` (``--write summary=FILE`` appends to the file, as
GitHub expects); table cells are escaped so a file name or message cannot break the
table or inject markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from followup_lint.formatters.common import Options, Result

#: Finding rows shown at most (GitHub caps a summary at 1 MiB).
MAX_FINDING_ROWS = 500
_VERDICT = {"ready": "ready", "revise": "revise", "do-not-send": "do not send"}


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    text = " ".join(str(text).split())
    for char in "\\|`*_[]<>":
        text = text.replace(char, "\\" + char)
    return text


def format_summary(results: Sequence[Result], options: Options) -> str:
    """The job summary as GitHub-flavoured Markdown."""
    total = sum(len(r.findings) for r in results)
    out = ["## followup-lint", "",
           f"{len(results)} file(s) linted, {total} finding(s)"
           + (f", {len(options.skipped)} file(s) not linted" if options.skipped else "") + ".",
           "", "| File | Verdict | Score | Errors | Warnings | Info |",
           "| --- | --- | ---: | ---: | ---: | ---: |"]
    for result in results:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in result.findings:
            counts[f.severity.value] += 1
        report = result.report
        out.append(f"| {cell(result.path)} | {_VERDICT[report.verdict]} | {report.score} | "
                   f"{counts['error']} | {counts['warning']} | {counts['info']} |")
    if options.skipped:
        out += ["", "### Not linted", "", "| File | Reason |", "| --- | --- |"]
        out += [f"| {cell(s.path)} | {cell(s.reason)} |" for s in options.skipped]
    if total:
        out += ["", "### Findings", "", "| File | Line | Column | Severity | Rule | Message |",
                "| --- | ---: | ---: | --- | --- | --- |"]
        rows = [(r.path, f) for r in results for f in r.findings]
        for path, f in rows[:MAX_FINDING_ROWS]:
            out.append(f"| {cell(path)} | {f.line} | {f.column} | {f.severity.value} | "
                       f"{cell(f.rule)} | {cell(f.message)} |")
        if len(rows) > MAX_FINDING_ROWS:
            out.append(f"\n{len(rows) - MAX_FINDING_ROWS} more finding(s) not shown.")
    return "\n".join(out) + "\n"
