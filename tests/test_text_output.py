"""What a person sees in a terminal: windows, carets in display cells, verdicts, summaries,
and the flags around the text output. CLI cases run the real console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from clirun import cli as _cli

from followup_lint.formatters import Options, Result
from followup_lint.formatters.text import format_text, window

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "thank-you-draft.txt"


def cli(*args: str, cwd: Path | None = None, **options) -> subprocess.CompletedProcess:
    """``followup-lint ARGS`` in a fresh folder of its own (absolute paths in ARGS)."""
    import tempfile

    folder = Path(cwd) if cwd is not None else Path(tempfile.mkdtemp(prefix="fl-text-"))
    return _cli(*args, cwd=folder, **options)

#: Most cases need no parse: the blank pipeline keeps them fast.
FAST = ("--no-cache", "--model", "blank")


def cells(text: str) -> int:
    """Display width by East Asian Width and combining class (independent of wcwidth)."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


def caret_rows(output: str) -> list[tuple[str, str]]:
    """(source row, caret row) pairs of the text output, without their gutters."""
    lines = output.splitlines()
    pairs = []
    for i, line in enumerate(lines[:-1]):
        if " | " in line and "^" in lines[i + 1] and line.split(" | ")[0].strip().isdigit():
            pairs.append((line.split(" | ", 1)[1], lines[i + 1].split(" | ", 1)[1]))
    return pairs


def test_example_fits_100_columns_with_verdict_score_and_summary(tmp_path: Path) -> None:
    result = cli("--no-cache", str(EXAMPLE), env={"NO_COLOR": "1"})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert max(cells(line) for line in lines) <= 100
    document = json.loads(cli("--no-cache", "--format", "json", str(EXAMPLE)).stdout)
    report = document["files"][0]["report"]
    assert lines[0].startswith(f"{EXAMPLE}: {report['verdict']} · score {report['score']}/100")
    assert lines[-1].startswith("Summary: 1 file (1 do-not-send) · ")
    assert f"{report['counts']['error']} errors" in lines[-1]
    # Whole-message findings are listed once, without a caret under the first sentence.
    whole = [f for f in report["findings"] if f["scope"] == "message"]
    assert whole
    for finding in whole:
        assert result.stdout.count(finding["message"][:40]) == 1
        assert f":{finding['line']}:{finding['column']}: {finding['severity']} " \
               f"{finding['rule']}" not in result.stdout
    # Every caret sits under its finding's words.
    spans = [f for f in report["findings"] if f["scope"] == "span"]
    rows = caret_rows(result.stdout)
    assert len(rows) == len(spans)
    for (source, carets), finding in zip(rows, spans):
        start = len(carets) - len(carets.lstrip(" "))
        assert finding["excerpt"].startswith(source[start:start + len(carets.strip())])


@pytest.mark.parametrize("prefix", ["Thanks 😀😀 for ", "面接ありがとう for ",
                                    "Café\u0301 😀 中文 "])
def test_caret_right_after_emoji_and_cjk(linter, prefix: str) -> None:
    text = f"Dear Ms. Ruiz,\n\n{prefix}teh tour on Tuesday.\n\nBest regards,\nKofi\n"
    report = linter.lint(text)
    [finding] = [f for f in report.findings if f.excerpt == "teh"]
    out = format_text([Result("note.txt", text, report)], Options(width=100))
    line = text.split("\n")[finding.line - 1]
    rows = [(s, c) for s, c in caret_rows(out) if s == line]
    carets = [(len(c) - len(c.lstrip(" ")), c.strip()) for _, c in rows]
    assert (cells(line[:line.index("teh")]), "^^^") in carets


def test_window_cuts_long_lines_around_the_finding(linter) -> None:
    text = "Dear Ms. Ruiz,\n\n" + "We talked about the schedule. " * 20 + "I was teh one " + \
        "who asked about overtime and rotas. " * 20 + "\n\nBest regards,\nKofi\n"
    report = linter.lint(text)
    out = format_text([Result("note.txt", text, report)], Options(width=80))
    assert max(cells(line) for line in out.splitlines()) <= 80
    [(source, carets)] = [(s, c) for s, c in caret_rows(out) if "teh" in s]
    start = len(carets) - len(carets.lstrip(" "))
    assert source.startswith("…") and source.endswith("…")
    assert source[start:start + 3] == "teh" and carets.strip() == "^^^"
    shown, at, span = window("x" * 10 + "😀" * 100, 5, 200, 30)
    assert cells(shown) <= 30 and span >= 1 and at + span <= cells(shown)


def test_terminal_escapes_in_a_draft_are_shown_not_run(tmp_path: Path) -> None:
    path = tmp_path / "evil.txt"
    path.write_text("Dear Ms. Ruiz,\n\nThanks for teh \x1b]0;pwned\x07\x1b[2J tour \u202eon "
                    "Tuesday.\n\nBest regards,\nKofi\n", encoding="utf-8")
    for colour in ("never", "always"):
        result = cli(*FAST, "--color", colour, str(path))
        assert "\x1b]" not in result.stdout and "\x1b[2J" not in result.stdout
        assert "\x07" not in result.stdout and "\u202e" not in result.stdout
        assert "\\x1b]0;pwned\\x07" in result.stdout
        if colour == "never":
            assert "\x1b" not in result.stdout


def test_clean_draft_and_quiet(tmp_path: Path) -> None:
    from test_cli import GOOD

    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = cli(*FAST, str(path))
    assert result.returncode == 0
    assert " ".join(result.stdout.split()) == \
        f"All drafts ready: {path} · score 100/100 · no findings."
    assert cli(*FAST, "--quiet", str(path)).stdout == ""


def test_colour_choice(tmp_path: Path) -> None:
    base = {"NO_COLOR": "", "FORCE_COLOR": ""}
    run = [str(EXAMPLE), *FAST]
    assert "\x1b[" in cli(*run, "--color", "always", env={**base, "NO_COLOR": "1"}).stdout
    assert "\x1b[" not in cli(*run, "--color", "never", env={**base, "FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in cli(*run, env={**base, "FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in cli(*run, env={**base, "FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[" not in cli(*run, env=base).stdout  # not a terminal


def test_output_file_and_exit_zero(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    result = cli(*FAST, "--output-file", str(target), "--exit-zero", str(EXAMPLE))
    assert result.returncode == 0 and result.stdout == ""
    assert "Summary: 1 file" in target.read_text(encoding="utf-8")
    bad = cli(*FAST, "--output-file", str(tmp_path / "missing" / "out.txt"), str(EXAMPLE))
    assert bad.returncode == 2 and "cannot write" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("flags", [["--fix", "--diff"], ["--exit-zero", "--fail-on", "info"],
                                   ["--quiet", "--statistics"], ["--diff", "--format", "json"],
                                   ["--statistics", "--format", "sarif"]])
def test_conflicting_flags_are_a_usage_error(flags: list[str]) -> None:
    result = cli(*FAST, *flags, str(EXAMPLE))
    assert result.returncode == 2 and "usage:" in result.stderr
    assert "cannot" in result.stderr or "not --format" in result.stderr


def test_rules_and_statistics_as_json(tmp_path: Path) -> None:
    rules = json.loads(cli("rules", "--format", "json").stdout)
    assert {"spelling", "pushy-phrasing"} <= {r["id"] for r in rules}
    assert all(r["summary"] and r["severity"] in ("error", "warning", "info") for r in rules)
    stats = json.loads(cli(*FAST, "--statistics", "--format", "json", str(EXAMPLE)).stdout)
    document = json.loads(cli(*FAST, "--format", "json", str(EXAMPLE)).stdout)
    findings = document["files"][0]["report"]["findings"]
    assert sum(row["count"] for row in stats) == len(findings)
    assert {row["rule"] for row in stats} == {f["rule"] for f in findings}


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    exe = shutil.which("followup-lint", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "followup_lint"]
    process = subprocess.Popen([*command, *FAST, str(EXAMPLE)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    process.stdout.close()  # the reader is gone before anything is written, like `| head -0`
    _, stderr = process.communicate(timeout=300)
    assert "Traceback" not in stderr.decode() and "BrokenPipe" not in stderr.decode()
    assert process.returncode in (0, 1)


def test_dates(tmp_path: Path) -> None:
    bad = cli(*FAST, "--interview-at", "March 4", str(EXAMPLE))
    assert bad.returncode == 2
    assert "--interview-at" in bad.stderr and "2026-03-04" in bad.stderr
    assert "Traceback" not in bad.stderr
    two_weeks_ago = (datetime.now() - timedelta(days=14)).date().isoformat()
    yesterday = (datetime.now() - timedelta(days=1)).date().isoformat()
    late = cli(*FAST, "--format", "json", "--interview-at", two_weeks_ago, str(EXAMPLE))
    fresh = cli(*FAST, "--format", "json", "--interview-at", yesterday, str(EXAMPLE))
    rules = [{f["rule"] for f in json.loads(r.stdout)["files"][0]["report"]["findings"]}
             for r in (late, fresh)]
    assert "late-thank-you" in rules[0] and "late-thank-you" not in rules[1]
