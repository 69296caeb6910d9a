"""Edges: threads sharing one pipeline, surrogates, control characters, symbol runs,
lone-CR line ends. Speed is measured in benchmarks; these tests check results only."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import followup_lint
from followup_lint import Config, Linter

DRAFTS = [
    "Dear Ms. Halvorsen,\n\nthx for the intervew about the returns workflow!!\n\nCheers,\nSam",
    "Thank you for the tour of the Lisbon office.",
    "Dear Priya,\n\nI recieve the the notes. Please let me know by Friday.\n\nBest,\nSam",
    "I AM SO EXCITED!!",
]


def _check(text: str, report) -> None:
    for f in report.findings:
        assert text[f.start:f.end] == f.excerpt


def test_two_linters_sharing_a_pipeline_across_threads() -> None:
    """Different Configs, one cached spaCy pipeline: the pipeline's lock serialises them."""
    plain, quiet = Linter(Config()), Linter(Config(ignore=("casual-tone", "spelling")))
    assert plain.pipeline is quiet.pipeline
    expected = {id(plain): [plain.lint(t) for t in DRAFTS],
                id(quiet): [quiet.lint(t) for t in DRAFTS]}
    calls = [(linter, i) for _ in range(25) for linter in (plain, quiet)
             for i in range(len(DRAFTS))]

    def run(call: tuple[Linter, int]) -> bool:
        linter, i = call
        return linter.lint(DRAFTS[i]) == expected[id(linter)][i]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, calls))
    assert len(results) == 200 and all(results)


def test_module_lint_with_two_configs_from_eight_threads() -> None:
    configs = [Config(), Config(select=("tone",))]
    expected = [[followup_lint.lint(t, config=c) for t in DRAFTS] for c in configs]
    calls = [(c, i) for _ in range(10) for c in range(2) for i in range(len(DRAFTS))]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda call: followup_lint.lint(DRAFTS[call[1]],
                                                            config=configs[call[0]]), calls))
    assert got == [expected[c][i] for c, i in calls]


def test_lone_surrogate_is_a_clear_result_not_an_abort(linter) -> None:
    texts = ["Dear Ana,\n\nthx for the tour \ud800 of the office!!\n\nBest,\nKim",
             "\udfff", "Thank you for the the tour."]
    reports = list(linter.lint_many(texts))  # one bad text does not abort the others
    assert len(reports) == 3
    first = reports[0]
    assert {"casual-tone"} <= {f.rule for f in first.findings}
    cleaned = texts[0].replace("\ud800", "\ufffd")
    _check(cleaned, first)  # offsets unchanged: the surrogate reads as U+FFFD
    assert first.model_dump_json()  # serialisable: no surrogate left in the report
    assert [f.rule for f in reports[2].findings if f.rule == "repeated-word"] == [
        "repeated-word"]


def test_control_characters_are_linted_with_exact_offsets(linter) -> None:
    controls = "".join(chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127,
                                        *range(0x80, 0xA0)])
    text = f"Dear Ana,\n\nthx {controls} for the tour\x1b[31m!!\n\nBest,\nKim"
    report = linter.lint(text)
    _check(text, report)
    assert "casual-tone" in {f.rule for f in report.findings}


def test_long_symbol_runs_keep_offsets(linter) -> None:
    for run in ("=" * 16_000, "😀" * 8_000, "-=" * 4_000):
        text = f"Dear Ana,\n\nthx for the tour!!\n{run}\nI recieve the notes.\n\nBest,\nKim"
        report = linter.lint(text)
        _check(text, report)
        spelling = [f for f in report.findings if f.rule == "spelling"]
        assert [f.excerpt for f in spelling] == ["recieve"]
        assert spelling[0].line == 5 and spelling[0].column == 3


def test_lone_cr_line_ends_give_line_numbers(linter) -> None:
    text = "Dear Ana,\r\rThank you for the tour.\r\rI recieve the notes.\r\rBest,\rKim"
    report = linter.lint(text)
    spelling = [f for f in report.findings if f.rule == "spelling"]
    assert [(f.excerpt, f.line, f.column, f.end_line) for f in spelling] == [
        ("recieve", 5, 3, 5)]
    mixed = "Hi Ana,\r\nthx\rfor\nthe tour!!"
    found = {f.excerpt: (f.line, f.column) for f in linter.lint(mixed).findings}
    assert found.get("thx") == (2, 1) and found.get("!!") == (4, 9)


def test_fuzz_harness_small_run() -> None:
    """The fuzz benchmark's own checks, on 100 drafts (the 10,000-draft run is manual)."""
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz.py"
    result = subprocess.run([sys.executable, str(script), "--n", "100", "--model", "blank",
                             "--ignore", "spelling"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fuzz: 100 drafts (blank, ignoring spelling)" in result.stdout
    assert " 0 violations" in result.stdout
