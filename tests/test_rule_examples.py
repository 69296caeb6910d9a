"""Every rule's own pass/fail examples (the ones shown in docs/rules.md) hold."""

from __future__ import annotations

import pytest

from followup_lint import Config, Linter
from followup_lint.packs.loading import load_rules
from followup_lint.packs.schema import Example

RULES = load_rules()
EXAMPLED = [r for r in RULES if r.examples is not None]
CASES = [(r.id, ex, True) for r in EXAMPLED for ex in r.examples.fail] + [
    (r.id, ex, False) for r in EXAMPLED for ex in r.examples.pass_
]
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


def test_only_engine_rules_lack_examples() -> None:
    assert {r.id for r in RULES if r.examples is None} == {"internal-error"}
