"""Reliability: a failing rule, threads, redaction, the result cache, start-up cost."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from clirun import make_root
from rulepacks import write_rule

from followup_lint import Config, Linter, Severity

DRAFT = ("Dear Ms. Halvorsen,\n\nthx for the intervew about the Contoso returns workflow!! "
         "Please let me know by Friday.\n\nCheers,\nSam")

EXPLODING_MODULE = """
from followup_lint.rule import Hit


def check(draft, options):
    yield Hit(0, 1, "first")
    raise RuntimeError("boom")
"""


@pytest.fixture()
def exploding_rule_dir(tmp_path: Path):
    write_rule(tmp_path, "exploding-rule", module=EXPLODING_MODULE)
    from followup_lint.datafiles import rules_dir

    return [rules_dir(), tmp_path]


def test_a_rule_that_raises_becomes_an_internal_error(exploding_rule_dir) -> None:
    report = Linter(Config(), rule_dirs=exploding_rule_dir).lint(DRAFT)
    internal = [f for f in report.findings if f.rule == "internal-error"]
    assert len(internal) == 1 and internal[0].severity is Severity.error
    assert "exploding-rule" in internal[0].message and "boom" in internal[0].message
    assert not [f for f in report.findings if f.rule == "exploding-rule"]
    others = {f.rule for f in report.findings}
    assert {"spelling", "casual-tone", "pushy-phrasing"} <= others
    assert report.verdict == "do-not-send"


def test_one_linter_shared_by_threads(linter) -> None:
    texts = [DRAFT, "Thank you for the tour of the Lisbon office.", "I AM SO EXCITED!!",
             "Dear Priya,\n\nI recieve the notes.\n\nBest,\nSam"] * 6
    sequential = [linter.lint(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(linter.lint, texts))
    assert threaded == sequential


def test_redacted_report_keeps_text_out(linter) -> None:
    report = Linter(Config(redact=True)).lint(DRAFT)
    assert report.findings
    for finding in report.findings:
        assert finding.excerpt == "" and finding.suggestions == ()
        for word in ("Halvorsen", "intervew", "thx"):
            assert word not in finding.message
    plain = linter.lint(DRAFT)
    assert [(f.rule, f.start, f.end) for f in plain.findings] == [
        (f.rule, f.start, f.end) for f in report.findings]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "html"])
def test_no_excerpts_in_any_format(tmp_path: Path, fmt: str) -> None:
    path = make_root(tmp_path) / "note.txt"
    path.write_text(DRAFT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "followup_lint", "--no-cache", "--no-excerpts", "--format", fmt,
         "--interviewer", "Maria Halvorson", str(path)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 1
    for secret in ("Halvorsen", "intervew", "thx for", "Friday", "Contoso returns"):
        assert secret not in result.stdout, (fmt, secret)


def test_warm_cache_never_imports_spacy(tmp_path: Path) -> None:
    make_root(tmp_path)
    for i in range(5):
        (tmp_path / f"n{i}.txt").write_text(f"thx for tour {i}!!", encoding="utf-8")
    code = ("import sys, json; from followup_lint.cli import main; rc = main(['--format', "
            "'json', '--cache-dir', sys.argv[1], sys.argv[2]]); "
            "print('SPACY', 'spacy' in sys.modules, file=sys.stderr)")
    cold = subprocess.run([sys.executable, "-c", code, str(tmp_path / "c"), str(tmp_path)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    warm = subprocess.run([sys.executable, "-c", code, str(tmp_path / "c"), str(tmp_path)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert "SPACY True" in cold.stderr and "SPACY False" in warm.stderr
    assert json.loads(cold.stdout) == json.loads(warm.stdout)


def test_cache_sees_changed_text_and_config(tmp_path: Path) -> None:
    path = make_root(tmp_path) / "n.txt"
    path.write_text("thx for the tour", encoding="utf-8")
    base = [sys.executable, "-m", "followup_lint", "--format", "json", "--cache-dir",
            str(tmp_path / "c"), str(path)]

    def rules(*extra: str) -> set[str]:
        out = subprocess.run(base + list(extra), capture_output=True, text=True, timeout=300,
                             cwd=tmp_path)
        return {f["rule"] for f in json.loads(out.stdout)["files"][0]["report"]["findings"]}

    assert "casual-tone" in rules()
    assert "casual-tone" not in rules("--ignore", "casual-tone")
    path.write_text("Thank you for the tour of the bakery.", encoding="utf-8")
    assert "casual-tone" not in rules()


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["rules"],
                                  ["explain", "spelling"]])
def test_fast_commands_never_import_spacy(args: list[str], tmp_path: Path) -> None:
    code = ("import sys\nfrom followup_lint.cli import main\ntry:\n    main(%r)\n"
            "except SystemExit:\n    pass\nprint('SPACY', 'spacy' in sys.modules)" % (args,))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, cwd=tmp_path)
    assert "SPACY False" in result.stdout
