"""Every rule's own pass/fail examples (the ones shown in docs/rules.md) hold."""

from __future__ import annotations

import pytest

from followup_lint.ruleset import load_rules

RULES = load_rules()
CASES = [(r.id, text, True) for r in RULES for text in r.examples.fail] + [
    (r.id, text, False) for r in RULES for text in r.examples.pass_
]


@pytest.mark.parametrize(("rule", "text", "should_fire"), CASES,
                         ids=[f"{c[0]}-{'fail' if c[2] else 'pass'}-{i}" for i, c in enumerate(CASES)])
def test_rule_example(fired, rule: str, text: str, should_fire: bool) -> None:
    assert (rule in fired(text)) is should_fire
