"""The console script, run as a real subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import cli

EXAMPLE_SOURCE = Path(__file__).resolve().parents[1] / "examples" / "thank-you-draft.txt"
EXAMPLE = "thank-you-draft.txt"
GOOD = ("Dear Ms. Ruiz,\n\nThank you for walking me through the ICU scheduling system on "
        "Tuesday. I would love to help reduce the overtime you described.\n\n"
        "Best regards,\nKofi Mensah\n")


@pytest.fixture()
def here(tmp_path: Path) -> Path:
    """The test's own folder, holding a copy of the shipped example draft."""
    shutil.copy(EXAMPLE_SOURCE, tmp_path / EXAMPLE)
    return tmp_path


def test_example_draft_text_output(here: Path) -> None:
    result = cli(EXAMPLE, cwd=here)
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{EXAMPLE}:1:")
    assert "^" in result.stdout and "\033[" not in result.stdout
    assert "spelling" in result.stdout and "pushy-phrasing" in result.stdout


def test_good_draft_exits_zero(tmp_path) -> None:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = cli(str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_fail_on_warning(tmp_path) -> None:
    path = tmp_path / "mild.txt"
    path.write_text(GOOD.replace("Dear Ms. Ruiz", "Hey Ms. Ruiz"), encoding="utf-8")
    assert cli(str(path), cwd=tmp_path).returncode == 0
    assert cli("--fail-on", "warning", str(path), cwd=tmp_path).returncode == 1


def test_json_output_and_stdin(tmp_path: Path) -> None:
    result = cli("--format", "json", "-", stdin="thx for the tour!!", cwd=tmp_path)
    document = json.loads(result.stdout)
    assert document["schema_version"]
    [entry] = document["files"]
    assert entry["path"] == "<stdin>"
    assert {f["rule"] for f in entry["report"]["findings"]} >= {"casual-tone"}
    assert document["summary"]["error"] >= 1


def test_directory_and_bad_files(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("thx for the tour", encoding="utf-8")
    (tmp_path / "b.md").write_bytes(b"caf\xe9")
    (tmp_path / "ignored.py").write_text("thx", encoding="utf-8")
    result = cli("--format", "json", str(tmp_path), str(tmp_path / "missing.txt"),
                 cwd=tmp_path)
    assert result.returncode == 2
    assert "missing.txt: no such file" in result.stderr
    assert "b.md: not valid UTF-8" in result.stderr
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert paths == [str(tmp_path / "a.txt")]


def test_usage_errors_exit_two(here: Path) -> None:
    assert cli(cwd=here).returncode == 2
    assert cli("--select", "no-such-rule", EXAMPLE, cwd=here).returncode == 2
    assert cli("--format", "xml", EXAMPLE, cwd=here).returncode == 2
    result = cli("--model", "en_core_web_missing", EXAMPLE, cwd=here)
    assert result.returncode == 2 and "pip install" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["--version"], ["rules"], ["explain", "pushy-phrasing"]])
def test_fast_commands_do_not_import_spacy(args, tmp_path: Path) -> None:
    code = ("import sys; from followup_lint.cli import main; rc = main(%r); "
            "assert 'spacy' not in sys.modules; print('RC', rc)" % (args,))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, cwd=tmp_path)
    assert "RC 0" in result.stdout or (args == ["--version"] and "followup-lint" in result.stdout)
    assert "spacy" not in result.stderr


def test_rules_and_explain(tmp_path: Path) -> None:
    listing = cli("rules", cwd=tmp_path).stdout
    assert "pushy-phrasing" in listing and "casual-tone" in listing
    explained = cli("explain", "pushy-phrasing", cwd=tmp_path)
    assert explained.returncode == 0 and "Flagged:" in explained.stdout
    assert cli("explain", "nope", cwd=tmp_path).returncode == 2


def test_quiet_and_no_color(here: Path) -> None:
    result = cli("--quiet", EXAMPLE, cwd=here)
    assert result.returncode == 1 and result.stdout == ""
