"""Generated docs stay in sync with the rule metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_lint.packs.loading import load_rules
from followup_lint.reference import generated_docs

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("name", sorted(generated_docs()))
def test_generated_docs_in_sync(name: str) -> None:
    actual = (DOCS / name).read_text(encoding="utf-8")
    assert actual == generated_docs()[name], "run: python -m followup_lint.reference docs/"


def test_every_rule_documented() -> None:
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    for rule in load_rules():
        assert f"## {rule.id}\n" in text
