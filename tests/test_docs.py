"""Generated docs stay in sync with the rule metadata."""

from __future__ import annotations

from pathlib import Path

from followup_lint.reference import render_rule_reference
from followup_lint.ruleset import load_rules

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_rule_reference_in_sync() -> None:
    expected = render_rule_reference()
    actual = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "run: python -m followup_lint.reference > docs/rules.md"


def test_every_rule_documented() -> None:
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    for rule in load_rules():
        assert f"## {rule.id}\n" in text
