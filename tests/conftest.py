"""Shared fixtures: one Linter per session (the model loads once)."""

from __future__ import annotations

import pytest

from followup_lint import Config, Context, Linter


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter(Config())


@pytest.fixture(scope="session")
def blank_linter() -> Linter:
    return Linter(Config(model="blank"))


@pytest.fixture(scope="session")
def fired(linter: Linter):
    """fired(text, context=None) -> set of rule ids with a finding."""

    def run(text: str, context: Context | None = None) -> set[str]:
        return {f.rule for f in linter.lint(text, context).findings}

    return run


@pytest.fixture(scope="session")
def findings(linter: Linter):
    """findings(text, rule, context=None) -> list of (start, end, excerpt) for one rule."""

    def run(text: str, rule: str, context: Context | None = None):
        return [(f.start, f.end, f.excerpt) for f in linter.lint(text, context).findings
                if f.rule == rule]

    return run
