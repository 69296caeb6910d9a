"""Per-rule precision and recall of the linter on the labelled drafts in tests/corpus/."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from followup_lint import Context, Linter

CORPUS = Path(__file__).resolve().parent / "corpus" / "drafts.toml"
#: Rules whose quality the labelled corpus measures, with the minimum precision/recall.
THRESHOLDS = {
    "generic-phrase": 0.9,
    "generic-message": 0.9,
    "missing-specifics": 0.9,
    "casual-tone": 0.9,
    "spelling": 0.9,
    "pushy-phrasing": 0.9,
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_drafts() -> list[dict]:
    return tomllib.loads(CORPUS.read_text(encoding="utf-8"))["draft"]


def evaluate(linter: Linter | None = None) -> dict[str, Score]:
    """Lint every labelled draft; a rule 'fires' on a draft when it has any finding there."""
    linter = linter or Linter()
    drafts = load_drafts()
    contexts = [
        Context(kind=d.get("kind"), **d["context"]) if "context" in d else Context(kind=d.get("kind"))
        for d in drafts
    ]
    scores = {rule: Score() for rule in THRESHOLDS}
    for draft, report in zip(drafts, linter.lint_many([d["text"] for d in drafts], contexts)):
        fired = {f.rule for f in report.findings}
        expected = set(draft["expect"])
        for rule, score in scores.items():
            if rule in fired and rule in expected:
                score.tp += 1
            elif rule in fired:
                score.fp += 1
                score.false_positives.append(draft["id"])
            elif rule in expected:
                score.fn += 1
                score.false_negatives.append(draft["id"])
    return scores


if __name__ == "__main__":
    for rule, score in evaluate().items():
        print(f"{rule:20s} P={score.precision:.2f} R={score.recall:.2f} "
              f"fp={score.false_positives} fn={score.false_negatives}")
