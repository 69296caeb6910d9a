"""Per-rule precision and recall on the labelled drafts in tests/corpus/drafts.toml."""

from __future__ import annotations

import pytest

from corpus_eval import THRESHOLDS, evaluate, load_drafts


@pytest.fixture(scope="module")
def scores(linter):
    return evaluate(linter)


def test_corpus_is_large_and_balanced() -> None:
    drafts = load_drafts()
    assert len(drafts) >= 60
    assert len({d["id"] for d in drafts}) == len(drafts)
    good = [d for d in drafts if not d["expect"]]
    assert len(good) >= 20
    assert {d["kind"] for d in drafts} == {"thank-you", "reminder"}
    assert any("context" in d for d in drafts)
    for rule in THRESHOLDS:
        assert sum(rule in d["expect"] for d in drafts) >= 10, rule


@pytest.mark.parametrize("rule", sorted(THRESHOLDS))
def test_precision(scores, rule: str) -> None:
    score = scores[rule]
    assert score.precision >= THRESHOLDS[rule], (
        f"{rule}: precision {score.precision:.2f}; false positives {score.false_positives}")


@pytest.mark.parametrize("rule", sorted(THRESHOLDS))
def test_recall(scores, rule: str) -> None:
    score = scores[rule]
    assert score.recall >= THRESHOLDS[rule], (
        f"{rule}: recall {score.recall:.2f}; missed {score.false_negatives}")
