"""Every rule's own pass/fail examples (the ones shown in docs/rules.md) hold.

A fail example must give the rule's finding on the recorded excerpt, span and severity,
and a safe fix must give the recorded text (``regression/rule_examples.json``, written
by ``python tests/snapshots.py --update``); a pass example must give no finding of it.
"""

from __future__ import annotations

import pytest
from snapshots import RULE_EXAMPLES, describe, load

from followup_lint import Config, Linter
from followup_lint.packs.loading import load_rules
from followup_lint.packs.schema import Example

RULES = load_rules()
EXAMPLED = [r for r in RULES if r.examples is not None]
CASES = [(r.id, ex, True) for r in EXAMPLED for ex in r.examples.fail] + [
    (r.id, ex, False) for r in EXAMPLED for ex in r.examples.pass_
]
FAIL_CASES = [(r.id, i, ex) for r in EXAMPLED for i, ex in enumerate(r.examples.fail)]
_linters: dict[str, Linter] = {}


def _linter(mode: str) -> Linter:
    if mode not in _linters:
        _linters[mode] = Linter(Config(mode=mode))
    return _linters[mode]


@pytest.mark.parametrize(("rule", "example", "should_fire"), CASES,
                         ids=[f"{c[0]}-{'fail' if c[2] else 'pass'}-{i}"
                              for i, c in enumerate(CASES)])
def test_rule_example(rule: str, example: Example, should_fire: bool) -> None:
    report = _linter(example.mode).lint(example.text, example.context)
    assert (rule in {f.rule for f in report.findings}) is should_fire


@pytest.mark.parametrize(("rule", "index", "example"), FAIL_CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in FAIL_CASES])
def test_fail_example_findings_match_snapshot(rule: str, index: int, example: Example) -> None:
    recorded = load(RULE_EXAMPLES)[rule][index]
    report = _linter(example.mode).lint(example.text, example.context)
    found = [describe(f, example.text) for f in report.findings if f.rule == rule]
    assert recorded, f"{rule} example {index}: the snapshot records no finding"
    assert found == recorded, "if intended, run: python tests/snapshots.py --update"
    for entry in recorded:
        assert example.text[entry["start"]:entry["end"]] == entry["excerpt"]


def test_snapshot_covers_every_fail_example() -> None:
    recorded = load(RULE_EXAMPLES)
    assert {r: len(v) for r, v in recorded.items()} == {
        r.id: len(r.examples.fail) for r in EXAMPLED}


def test_only_engine_rules_lack_examples() -> None:
    assert {r.id for r in RULES if r.examples is None} == {"internal-error"}
