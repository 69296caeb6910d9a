"""CI details: --no-excerpts everywhere, suppression reasons and unknown names, linear
directives, per-file-ignores names, exclude and .gitignore switches."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup_lint import Config, ConfigError, lint_file
from followup_lint.formatters import Options, Result
from followup_lint.formatters.sarif import format_sarif
from followup_lint.layout import read_layout
from followup_lint.model import Finding, Severity
from followup_lint.settings import load_settings
from followup_lint.suppression import apply_directives, read_directives


def cli(*args: str, cwd: Path):
    command = [sys.executable, "-m", "followup_lint", "--no-cache", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"})


def test_suppression_reason_and_unknown_names(linter) -> None:  # noqa: ANN001
    text = ("<!-- followup-lint: disable=casual-tone -- our brand voice is relaxed -->\n"
            "Hey Ana, thx for the tour of the Lisbon office!\n"
            "<!-- followup-lint: disable-next-line=casul-tone -->\n"
            "Thank you again for the kiosk demo.\n")
    report = linter.lint(text)
    rules = [f.rule for f in report.findings]
    assert "casual-tone" not in rules
    [unused] = [f for f in report.findings if f.rule == "unused-suppression"]
    assert unused.line == 3 and "no known rule or family ('casul-tone')" in unused.message
    directives = read_directives(text, read_layout(text))
    assert directives[0].reason == "our brand voice is relaxed"
    assert directives[0].names == {"casual-tone"}
    from followup_lint.engine import Linter

    redacted = Linter(Config(redact=True)).lint(text)
    [quiet] = [f for f in redacted.findings if f.rule == "unused-suppression"]
    assert "casul" not in quiet.message and quiet.excerpt == ""


def _finding(start: int, rule: str = "casual-tone") -> Finding:
    return Finding(rule=rule, family="tone", severity=Severity.warning, message="m",
                   start=start, end=start + 3, line=1, column=1, end_line=1, end_column=4,
                   excerpt="thx")


def test_thousands_of_directives_are_applied_correctly() -> None:
    lines = []
    for i in range(2000):
        lines.append("<!-- followup-lint: disable-next-line=casual-tone -->")
        lines.append(f"thx {i}")
    lines += ["<!-- followup-lint: disable=spelling -->"] * 1000
    lines += ["<!-- followup-lint: enable=spelling -->"] * 1000
    lines.append("thx at the end")
    text = "\n".join(lines) + "\n"
    directives = read_directives(text, read_layout(text))
    assert len(directives) == 4000
    starts = [text.index(f"thx {i}\n") for i in range(0, 2000, 2)] + [text.rindex("thx")]
    kept = apply_directives([_finding(s) for s in starts], directives)
    assert [f.start for f in kept] == [text.rindex("thx")]
    used = [d.used for d in directives]
    assert sum(used[0:2000:2]) == 1000 and not any(used[1:2000:2])  # the ones that hid a thx
    assert not any(d.used for d in directives[4000 - 2000:4000] if d.action == "disable")


def test_no_excerpts_in_errors_fingerprints_and_messages(tmp_path: Path) -> None:
    fingerprints = []
    for word in ("thx", "thnx"):
        folder = tmp_path / word
        folder.mkdir()
        path = folder / "note.md"
        path.write_text(f"Hi Ana,\n\nThank you for the demo, {word}.\n\nBest,\nSam\n",
                        encoding="utf-8")
        report = lint_file(path, config=Config(redact=True))
        result = Result("note.md", path.read_text(encoding="utf-8"), report, exact=False)
        log = json.loads(format_sarif([result], Options(excerpts=False, root=folder)))
        results = log["runs"][0]["results"]
        assert word not in json.dumps(log)
        fingerprints.append({r["ruleId"]: r["partialFingerprints"] for r in results})
    shared = set(fingerprints[0]) & set(fingerprints[1])
    assert "casual-tone" in shared
    assert fingerprints[0]["casual-tone"] == fingerprints[1]["casual-tone"]  # no words hashed

    (tmp_path / "bad.md").write_text("---\ninterview_at: mysecretdate\n---\nHi\n",
                                     encoding="utf-8")
    run = cli("--no-excerpts", "--format", "sarif", "bad.md", cwd=tmp_path)
    assert run.returncode == 2
    assert "mysecretdate" not in run.stderr + run.stdout
    assert "bad.md: front matter key 'interview_at': expected a date" in run.stderr


def test_per_file_ignores_names_are_checked(tmp_path: Path) -> None:
    settings = tmp_path / ".followup-lint.toml"
    settings.write_text('[per-file-ignores]\n"a/*.txt" = ["all"]\n"b/*.txt" = ["tone"]\n',
                        encoding="utf-8")
    assert load_settings(settings).per_file_ignores["a/*.txt"] == ("all",)
    settings.write_text('[per-file-ignores]\n"*.txt" = ["casual-tone", "casul-tone"]\n',
                        encoding="utf-8")
    with pytest.raises(ConfigError, match=r"per-file-ignores: unknown rule or family "
                                          r"'casul-tone'"):
        load_settings(settings)


def test_exclude_and_gitignore_switches(tmp_path: Path) -> None:
    for name in ("keep/a.txt", "scratch/b.txt", "vendor/c.txt", "node_modules/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Hi Ana,\n\nThank you for the demo.\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("scratch/\n", encoding="utf-8")
    (tmp_path / ".followup-lint.toml").write_text('extend-exclude = ["vendor/"]\n',
                                                  encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    run = cli("--format", "json", "--no-gitignore", ".", "vendor/c.txt", cwd=tmp_path)
    paths = [e["path"] for e in json.loads(run.stdout)["files"]]
    assert paths == ["keep/a.txt", "scratch/b.txt"]  # vendor/ excluded even when named
    default = cli("--format", "json", "--select", "casual-tone", ".", "scratch/b.txt",
                  cwd=tmp_path)
    paths = [e["path"] for e in json.loads(default.stdout)["files"]]
    assert paths == ["keep/a.txt", "scratch/b.txt"]  # ignored by git, but named: linted


def test_bad_output_and_baseline_arguments_are_clear_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Hi Ana,\n\nThank you for the demo.\n", encoding="utf-8")
    bad_write = cli("--write", "yaml=out.yml", "a.txt", cwd=tmp_path)
    assert bad_write.returncode == 2
    assert "expected FORMAT=FILE with FORMAT one of text, json" in bad_write.stderr
    (tmp_path / "old.json").write_text('{"version": 9, "files": {}}', encoding="utf-8")
    for baseline, message in (("missing.json", "missing.json: baseline file not found"),
                              ("old.json", "old.json: not a followup-lint baseline")):
        run = cli("--baseline", baseline, "a.txt", cwd=tmp_path)
        assert run.returncode == 2 and message in run.stderr, run.stderr
        assert "Traceback" not in run.stderr
