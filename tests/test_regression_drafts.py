"""Regression tests on the labelled drafts written together with the rules.

Not a quality measure (see ``regression_drafts.py``): the drafts were written alongside
the rules. Each expected rule must fire on the expected excerpt (``snapshots.py``), and
the per-rule precision and recall on these drafts must not fall below the floor.
"""

from __future__ import annotations

import pytest
from regression_drafts import CORE_RULES, THRESHOLD, all_rules, evaluate, load_drafts
from snapshots import EXPECTED_FINDINGS, draft_findings, load


@pytest.fixture(scope="module")
def scores():
    return evaluate()


@pytest.fixture(scope="module")
def found():
    return draft_findings()


def test_regression_drafts_are_large_and_balanced() -> None:
    drafts = load_drafts()
    assert len(drafts) >= 60
    assert len({d["id"] for d in drafts}) == len(drafts)
    assert len([d for d in drafts if not d["expect"]]) >= 20
    assert {d["kind"] for d in drafts} == {"thank-you", "reminder"}
    assert any("context" in d for d in drafts)
    for draft in drafts:
        assert set(draft["expect"]) <= set(draft["scope"]), draft["id"]


@pytest.mark.parametrize("rule", all_rules())
def test_every_rule_has_regression_drafts(rule: str) -> None:
    positives = sum(rule in d["expect"] for d in load_drafts())
    assert positives >= (10 if rule in CORE_RULES else 5), f"{rule}: {positives} positives"


@pytest.mark.parametrize("rule", all_rules())
def test_regression_precision(scores, rule: str) -> None:
    score = scores[rule]
    assert score.precision >= THRESHOLD, (
        f"{rule}: precision {score.precision:.2f}; false positives {score.false_positives}")


@pytest.mark.parametrize("rule", all_rules())
def test_regression_recall(scores, rule: str) -> None:
    score = scores[rule]
    assert score.recall >= THRESHOLD, (
        f"{rule}: recall {score.recall:.2f}; missed {score.false_negatives}")


def test_snapshot_covers_every_labelled_draft() -> None:
    expected = load(EXPECTED_FINDINGS)
    assert {d["id"]: sorted(d["expect"]) for d in load_drafts()} == {
        k: sorted(v) for k, v in expected.items()}


@pytest.mark.parametrize("draft_id", [d["id"] for d in load_drafts() if d["expect"]])
def test_regression_draft_findings_match_snapshot(found, draft_id: str) -> None:
    """Each expected rule fires on the same excerpt, position and severity as recorded."""
    expected = load(EXPECTED_FINDINGS)[draft_id]
    for rule, findings in expected.items():
        assert findings, f"{draft_id}: the snapshot has no finding for expected {rule}"
    assert found[draft_id] == expected, (
        "findings moved; if intended, run: python tests/snapshots.py --update")
