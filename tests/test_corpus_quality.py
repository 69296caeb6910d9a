"""Per-rule precision and recall on the labelled drafts in tests/corpus/."""

from __future__ import annotations

import pytest
from corpus_eval import CORE_RULES, THRESHOLD, all_rules, evaluate, load_drafts


@pytest.fixture(scope="module")
def scores():
    return evaluate()


def test_corpus_is_large_and_balanced() -> None:
    drafts = load_drafts()
    assert len(drafts) >= 60
    assert len({d["id"] for d in drafts}) == len(drafts)
    assert len([d for d in drafts if not d["expect"]]) >= 20
    assert {d["kind"] for d in drafts} == {"thank-you", "reminder"}
    assert any("context" in d for d in drafts)
    for draft in drafts:
        assert set(draft["expect"]) <= set(draft["scope"]), draft["id"]


@pytest.mark.parametrize("rule", all_rules())
def test_every_rule_has_positive_examples(rule: str) -> None:
    positives = sum(rule in d["expect"] for d in load_drafts())
    assert positives >= (10 if rule in CORE_RULES else 5), f"{rule}: {positives} positives"


@pytest.mark.parametrize("rule", all_rules())
def test_precision(scores, rule: str) -> None:
    score = scores[rule]
    assert score.precision >= THRESHOLD, (
        f"{rule}: precision {score.precision:.2f}; false positives {score.false_positives}")


@pytest.mark.parametrize("rule", all_rules())
def test_recall(scores, rule: str) -> None:
    score = scores[rule]
    assert score.recall >= THRESHOLD, (
        f"{rule}: recall {score.recall:.2f}; missed {score.false_negatives}")
