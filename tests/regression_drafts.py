"""Regression drafts: labelled drafts written together with the rules they exercise.

These drafts were written while the rules were being built, and the rules were tuned
until they passed on them, so their precision and recall say nothing about quality on
unseen drafts (blind sets do that). They are kept as regression tests: a change that
makes a rule miss or over-fire on one of them fails, and ``snapshots.py`` pins each
expected finding to its excerpt and position so a hit elsewhere in the draft does not
count.

Two files under ``tests/regression/``:

* ``drafts.toml`` is labelled for the six core rules only (``CORE_RULES``);
* ``drafts-full.toml`` is labelled for every rule: its ``expect`` lists exactly the
  rules that must fire.

Run this file directly to see the per-rule figures and the misses.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from followup_lint import Config, Context, Linter
from followup_lint.packs.loading import load_rules

DRAFTS_DIR = Path(__file__).resolve().parent / "regression"
CORE_RULES = ("generic-phrase", "generic-message", "missing-specifics", "casual-tone",
              "spelling", "pushy-phrasing")
#: Rules produced by the engine rather than by wording (not measured on drafts).
ENGINE_RULES = ("internal-error", "unused-suppression")
#: Rules newer than these drafts: their quality is measured on the blind sets in
#: tests/blind/ (see tests/test_blind_sets.py) and by their examples, not on drafts
#: written with the rules.
BLIND_ONLY_RULES = ("hostile-tone", "impersonal-greeting", "self-centred", "too-short",
                    "apologetic-tone", "inappropriate-content")
#: Minimum precision and recall per rule on these (non-blind) drafts: a regression floor.
THRESHOLD = 0.9


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


def all_rules() -> list[str]:
    return [r.id for r in load_rules() if r.id not in ENGINE_RULES + BLIND_ONLY_RULES]


def load_drafts() -> list[dict]:
    """Every labelled draft, with the rules it is labelled for under ``scope``."""
    drafts = []
    for name, scope in (("drafts.toml", CORE_RULES), ("drafts-full.toml", tuple(all_rules()))):
        path = DRAFTS_DIR / name
        if path.is_file():
            for draft in tomllib.loads(path.read_text(encoding="utf-8"))["draft"]:
                drafts.append({**draft, "scope": scope, "file": name})
    return drafts


def evaluate() -> dict[str, Score]:
    """Lint every labelled draft and score each rule on the drafts labelled for it."""
    linters: dict[str, Linter] = {}
    scores = {rule: Score() for rule in all_rules()}
    for draft in load_drafts():
        mode = draft.get("mode", "draft")
        linter = linters.setdefault(mode, Linter(Config(mode=mode)))
        context = Context(kind=draft.get("kind"), **draft.get("context", {}))
        fired = {f.rule for f in linter.lint(draft["text"], context).findings}
        expected = set(draft["expect"])
        for rule in draft["scope"]:
            score = scores[rule]
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
        flag = "" if min(score.precision, score.recall) >= THRESHOLD else "  <-- below"
        print(f"{rule:24s} P={score.precision:.2f} R={score.recall:.2f} "
              f"(tp={score.tp}){flag} fp={score.false_positives} fn={score.false_negatives}")
