"""Promises of the command line (docs/usage.md), each run as a real subprocess.

Every test works in a folder of its own (a repository root, so no settings file above it
applies) and without the shared result cache; see ``clirun.py``.
"""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import time
from pathlib import Path

import jsonschema
import pytest
from clirun import cli, command, isolated_args, make_root

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "output.schema.json").read_text(encoding="utf-8"))

FRONT_MATTER = """---
company: Contoso
role: Data Analyst
kind: reminder
interviewers: [Maria Alvarez]
---
Dear Ms. Alverez,

Thank you for the the tour of the Contoso returns team.  I loved the dashboard demo.

Best regards,
Sam
"""


def _files(stdout: str) -> dict[str, dict]:
    return {f["path"]: f["report"] for f in json.loads(stdout)["files"]}


def _rules(report: dict) -> list[str]:
    return [f["rule"] for f in report["findings"]]


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# -- --jobs ---------------------------------------------------------------------------


def test_jobs_zero_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Thank you for the tour.", encoding="utf-8")
    result = cli("--jobs", "0", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "--jobs: must be at least 1, got 0" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_parallel_run_without_cache_matches_serial_run(tmp_path: Path) -> None:
    """--jobs 2 over enough files really takes the process-pool path (no cache to hide it)."""
    texts = [f"Dear Ms. Ruiz,\n\nthx for tour number {i} of the Denver warehouse!!\n\nSam\n"
             for i in range(6)]
    for i, text in enumerate(texts):
        (tmp_path / f"n{i}.txt").write_text(text, encoding="utf-8")
    serial = cli("--format", "json", "--jobs", "1", ".", cwd=tmp_path)
    parallel = cli("--format", "json", "--jobs", "2", ".", cwd=tmp_path)
    assert parallel.returncode == serial.returncode == 1, parallel.stderr
    assert not (tmp_path / ".followup-lint-cache").exists()
    assert parallel.stdout == serial.stdout
    files = _files(parallel.stdout)
    assert list(files) == [f"n{i}.txt" for i in range(6)]
    for i, report in enumerate(files.values()):  # each report belongs to its own file
        thx = next(f for f in report["findings"] if f["excerpt"] == "thx")
        assert texts[i][thx["start"]:thx["end"]] == "thx"
        assert f"number {i} " in texts[i]


# -- --max-chars ----------------------------------------------------------------------


def test_max_chars_rejects_longer_files_and_keeps_the_others(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text("thx for the tour of the bakery", encoding="utf-8")  # 30
    (tmp_path / "short.txt").write_text("thx for the tour", encoding="utf-8")  # 16
    over = cli("--format", "json", "--max-chars", "29", "long.txt", "short.txt", cwd=tmp_path)
    assert over.returncode == 2
    assert "long.txt: 30 characters is over the limit of 29 (--max-chars)" in over.stderr
    assert list(_files(over.stdout)) == ["short.txt"]
    at_limit = cli("--format", "json", "--max-chars", "30", "long.txt", cwd=tmp_path)
    assert at_limit.returncode == 1 and list(_files(at_limit.stdout)) == ["long.txt"]
    assert cli("--max-chars", "0", "long.txt", cwd=tmp_path).returncode == 2


# -- progress line and Ctrl-C (stderr on a real terminal) ------------------------------


def _start_on_a_terminal(folder: Path, *args: str) -> tuple[subprocess.Popen, int]:
    main, secondary = pty.openpty()
    process = subprocess.Popen([*command(), *isolated_args(args)], cwd=folder,
                               stdout=subprocess.PIPE, stderr=secondary, text=True,
                               env={**os.environ, "NO_COLOR": "1"})
    os.close(secondary)
    return process, main


def _read_terminal(main: int, until: str | None = None, timeout: float = 600) -> str:
    """What the process wrote to the terminal: up to ``until``, or to the end."""
    seen, deadline = b"", time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        seen += chunk
        if until is not None and until.encode() in seen:
            break
    return seen.decode("utf-8", "replace")


def _many_drafts(folder: Path, count: int) -> Path:
    make_root(folder)
    drafts = folder / "drafts"
    drafts.mkdir()
    for i in range(count):
        (drafts / f"d{i:03d}.txt").write_text(f"thx for tour {i}!!\n", encoding="utf-8")
    return folder


def test_progress_line_on_a_terminal(tmp_path: Path) -> None:
    folder = _many_drafts(tmp_path, 60)
    process, main = _start_on_a_terminal(folder, "--statistics", "drafts")
    shown = _read_terminal(main)
    process.stdout.read()
    assert process.wait(timeout=600) == 1
    os.close(main)
    assert "\rfollowup-lint: 25/60 files" in shown
    assert "\rfollowup-lint: 60/60 files" in shown
    assert "Traceback" not in shown
    # Not with --quiet, and not when stderr is not a terminal.
    quiet, main = _start_on_a_terminal(folder, "--quiet", "drafts")
    assert "files" not in _read_terminal(main)
    assert quiet.wait(timeout=600) == 1
    os.close(main)
    piped = cli("--statistics", "drafts", cwd=folder)
    assert "files" not in piped.stderr and "casual-tone" in piped.stdout


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    folder = _many_drafts(tmp_path, 400)
    process, main = _start_on_a_terminal(folder, "--format", "json", "drafts")
    before = _read_terminal(main, until="followup-lint: 25/400 files")
    assert "25/400" in before, before  # it is linting, not still starting up
    process.send_signal(signal.SIGINT)
    after = _read_terminal(main)
    process.stdout.read()
    assert process.wait(timeout=600) == 130
    os.close(main)
    assert "400/400" not in after
    assert "Traceback" not in before + after and "KeyboardInterrupt" not in after


# -- the result cache ---------------------------------------------------------------


def _plant(entry: Path, old: str, new: str) -> None:
    """Rewrite a cache entry's report and seal it again with the local key (an edit that
    is not sealed is a miss: see test_cache.py)."""
    from followup_lint.cache import ResultCache
    from followup_lint.model import Report

    _, _, body = entry.read_bytes().partition(b"\n")
    report = Report.model_validate_json(body.decode("utf-8").replace(old, new, 1))
    ResultCache(entry.parent.parent).put(entry.stem, report)


def test_cache_is_read_written_and_ignores_itself(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "a.txt").write_text("thx for the tour", encoding="utf-8")
    first = cli("--format", "json", "--cache-dir", ".followup-lint-cache", "a.txt",
                cwd=tmp_path)
    cache = tmp_path / ".followup-lint-cache"
    assert (cache / ".gitignore").read_text(encoding="utf-8") == "*\n"
    [entry] = cache.rglob("*.json")
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"],
                            cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert status.split() == ["??", "a.txt"]  # git does not see the cache
    # Plant a different message in the entry: a cached run serves it, --no-cache does not.
    _plant(entry, _files(first.stdout)["a.txt"]["findings"][0]["message"], "PLANTED MESSAGE")
    planted = entry.read_text(encoding="utf-8")
    cached = cli("--format", "json", "--cache-dir", ".followup-lint-cache", "a.txt",
                 cwd=tmp_path)
    assert "PLANTED MESSAGE" in cached.stdout
    fresh = cli("--format", "json", "--no-cache", "a.txt", cwd=tmp_path)
    assert "PLANTED MESSAGE" not in fresh.stdout and fresh.stdout == first.stdout
    assert entry.read_text(encoding="utf-8") == planted  # --no-cache wrote nothing


def test_no_cache_writes_no_cache_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("thx for the tour", encoding="utf-8")
    assert cli("--no-cache", "a.txt", cwd=tmp_path).returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [".git", "a.txt"]


# -- front matter -----------------------------------------------------------------------


@pytest.mark.parametrize(("block", "message"), [
    ("company Contoso", "front matter must be a mapping of 'key: value' lines"),
    ("interview_at: next Tuesday", "front matter key 'interview_at'"),
])
def test_malformed_front_matter_is_an_input_error(tmp_path: Path, block: str,
                                                  message: str) -> None:
    (tmp_path / "broken.md").write_text(f"---\n{block}\n---\nDear Ms. Chen,\n",
                                        encoding="utf-8")
    (tmp_path / "good.txt").write_text("thx for the tour", encoding="utf-8")
    result = cli("--format", "json", "broken.md", "good.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert f"broken.md: {message}" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(_files(result.stdout)) == ["good.txt"]


def test_context_flags_override_front_matter_field_by_field(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(FRONT_MATTER, encoding="utf-8")
    plain = _files(cli("--format", "json", "a.md", cwd=tmp_path).stdout)["a.md"]
    assert "context-mismatch" in _rules(plain) and plain["kind"] == "reminder"
    flagged = _files(cli("--format", "json", "--interviewer", "Maria Alverez", "a.md",
                         cwd=tmp_path).stdout)["a.md"]
    assert "context-mismatch" not in _rules(flagged)
    assert flagged["kind"] == "reminder" and flagged["kind_inferred"] is False  # kept
    kind = _files(cli("--format", "json", "--kind", "thank-you", "a.md",
                      cwd=tmp_path).stdout)["a.md"]
    assert kind["kind"] == "thank-you" and "context-mismatch" in _rules(kind)


# -- --fix --------------------------------------------------------------------------------


def test_fix_keeps_crlf_and_applies_one_of_overlapping_fixes(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Dear Ms. Ruiz,\r\n\r\nThank you for the  the tour of the Denver "
                     b"warehouse.\r\nI loved the  demo.\r\n\r\nBest regards,\r\nSam\r\n")
    result = cli("--fix", "crlf.txt", cwd=tmp_path)
    # 'the  the' holds a double space: the repeated-word fix covers it, so only that one
    # is applied there; the separate double space on the next line is fixed too.
    assert path.read_bytes() == (b"Dear Ms. Ruiz,\r\n\r\nThank you for the tour of the Denver "
                                 b"warehouse.\r\nI loved the demo.\r\n\r\nBest regards,\r\n"
                                 b"Sam\r\n")
    assert "crlf.txt: fixed 2 (punctuation-spacing, repeated-word)" in result.stderr
    again = cli("--fix", "crlf.txt", cwd=tmp_path)
    assert "fixed" not in again.stderr


# -- settings: extensions, rule-dirs, template-variables ---------------------------------

CUSTOM_RULE = """
id = "no-synergy"
family = "house"
severity = "warning"
summary = "Our house style avoids 'synergy'."
rationale = "It says nothing."
[[match]]
kind = "phrase"
message = "Say what the two teams will do together instead of 'synergy'."
phrases = ["synergy"]
[examples]
fail = ["I see real synergy here.", "Synergy across teams."]
pass = ["I see how our teams could work together.", "We would share one backlog."]
"""

TEMPLATE = ("Dear {{first_name}},\n\nThank you for meeting me about the {{role}} role at "
            "Contoso. I see real synergy with the returns team.\n\nBest regards,\nSam\n")


def test_extensions_rule_dirs_and_template_variables(tmp_path: Path) -> None:
    project = make_root(tmp_path)
    (project / "house" / "house").mkdir(parents=True)
    (project / "house" / "house" / "no-synergy.toml").write_text(CUSTOM_RULE, encoding="utf-8")
    (project / "templates").mkdir()
    (project / "templates" / "a.tmpl").write_text(TEMPLATE, encoding="utf-8")
    settings = project / ".followup-lint.toml"
    settings.write_text('mode = "template"\nextensions = [".tmpl"]\nrule-dirs = ["house"]\n'
                        'template-variables = ["first_name"]\n', encoding="utf-8")
    result = cli("--format", "json", "templates", cwd=project)
    report = _files(result.stdout)["templates/a.tmpl"]  # found through `extensions`
    by_rule = {}
    for f in report["findings"]:
        by_rule.setdefault(f["rule"], []).append(f["excerpt"])
    assert by_rule["no-synergy"] == ["synergy"]  # the rule pack from `rule-dirs`
    assert by_rule["unfilled-placeholder"] == ["{{role}}"]  # {{first_name}} is declared

    settings.write_text('mode = "template"\n', encoding="utf-8")
    assert _files(cli("--format", "json", "templates", cwd=project).stdout) == {}
    plain = _files(cli("--format", "json", "templates/a.tmpl", cwd=project).stdout)
    rules = _rules(plain["templates/a.tmpl"])
    assert "no-synergy" not in rules and "unfilled-placeholder" not in rules


# -- JSON output against its published schema ---------------------------------------------


def test_json_output_matches_the_published_schema(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(FRONT_MATTER, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Hey Ana,\n\nthx for the tour of the\nLisbon office!!\n",
                                    encoding="utf-8")
    result = cli("--format", "json", "a.md", "b.txt", cwd=tmp_path)
    document = json.loads(result.stdout)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    validator.validate(document)
    files = _files(result.stdout)
    assert set(files) == {"a.md", "b.txt"}
    for path, report in files.items():
        raw = (tmp_path / path).read_text(encoding="utf-8")
        assert report["findings"]
        for f in report["findings"]:
            assert raw[f["start"]:f["end"]] == f["excerpt"]
            assert (f["line"], f["column"]) == _position(raw, f["start"]), f
            assert (f["end_line"], f["end_column"]) == _position(raw, f["end"]), f
    # The schema is strict enough to catch a wrong document.
    broken = json.loads(result.stdout)
    broken["files"][0]["report"]["findings"][0]["severity"] = "fatal"
    assert not validator.is_valid(broken)
    del broken["files"][0]["report"]["findings"][0]["rule"]
    assert not validator.is_valid(broken)


# -- settings discovery stops at the repository root ---------------------------------------


@pytest.mark.parametrize("marker", ["folder", "file"])
def test_settings_search_stops_at_the_repository_root(tmp_path: Path, marker: str) -> None:
    outer = tmp_path / "outer"
    (outer / "repo").mkdir(parents=True)
    (outer / "plain").mkdir()
    (outer / ".followup-lint.toml").write_text('select = ["tone"]\n', encoding="utf-8")
    if marker == "folder":
        (outer / "repo" / ".git").mkdir()
    else:  # a git worktree or submodule has a .git file
        (outer / "repo" / ".git").write_text("gitdir: /elsewhere\n", encoding="utf-8")
    for folder in ("repo", "plain"):
        (outer / folder / "a.txt").write_text("thx for the intervew", encoding="utf-8")
    result = cli("--format", "json", "outer/repo/a.txt", "outer/plain/a.txt", cwd=tmp_path)
    files = _files(result.stdout)
    inside = {f["family"] for f in files["outer/repo/a.txt"]["findings"]}
    outside = {f["family"] for f in files["outer/plain/a.txt"]["findings"]}
    assert "proofreading" in inside  # the settings above the repository do not apply
    assert outside == {"tone"}  # without a repository root, the search goes on up


def test_a_changed_rule_pack_is_never_served_an_old_report(tmp_path: Path) -> None:
    rule = tmp_path / "house" / "house" / "no-synergy.toml"
    rule.parent.mkdir(parents=True)
    rule.write_text(CUSTOM_RULE, encoding="utf-8")
    (tmp_path / ".followup-lint.toml").write_text('rule-dirs = ["house"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("I see real synergy here.\n", encoding="utf-8")
    args = ("--format", "json", "--cache-dir", "c", "a.txt")
    assert "instead of 'synergy'" in cli(*args, cwd=tmp_path).stdout
    rule.write_text(CUSTOM_RULE.replace("instead of 'synergy'", "CHANGED"), encoding="utf-8")
    assert "CHANGED" in cli(*args, cwd=tmp_path).stdout
