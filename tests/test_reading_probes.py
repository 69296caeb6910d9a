"""The fifth round's pushy and hostile readings, measured on sentences written for them
blind (tests/probes/readings-K.toml): a helper that never saw the rules wrote, for each
of eleven themes (ultimatums, dated contact attempts, a promise set against today's
date, eye-roll emoji, ...), 12 sentences a coach would flag and 12 hard negatives with
the same surface features. Measured once when the readings were written (before: recall
74/132, false alarms 12/132; after: 97/132 and 12/132); the floors are those figures
with a small margin. Its misses were not read, so it stays a fair check of the readings.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from followup_lint import Linter

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PROBES = Path(__file__).resolve().parent / "probes" / "readings-K.toml"
RULES = frozenset({"pushy-phrasing", "hostile-tone", "desperate-tone"})


@pytest.fixture(scope="module")
def flagged() -> dict[str, tuple[list[bool], list[bool]]]:
    linter = Linter()
    groups = tomllib.loads(PROBES.read_text(encoding="utf-8"))["group"]

    def run(texts: list[str]) -> list[bool]:
        return [any(f.rule in RULES and f.severity.value != "info" for f in r.findings)
                for r in linter.lint_many(texts)]

    return {g["name"]: (run(g["bad"]), run(g["good"])) for g in groups}


def test_every_theme_has_flaggable_and_hard_negative_items(flagged) -> None:
    assert len(flagged) == 11
    for bad, good in flagged.values():
        assert len(bad) >= 12 and len(good) >= 12


def test_readings_catch_most_and_alarm_rarely(flagged) -> None:
    caught = sum(sum(bad) for bad, _ in flagged.values())
    total = sum(len(bad) for bad, _ in flagged.values())
    alarms = sum(sum(good) for _, good in flagged.values())
    negatives = sum(len(good) for _, good in flagged.values())
    assert caught / total >= 0.68, f"recall {caught}/{total}"
    assert alarms / negatives <= 0.13, f"false alarms {alarms}/{negatives}"
