"""How the tone scorer does on an author it has never seen: leave one blind set out.

    python training/cross_author.py            # every opened set in turn (~10 min)
    python training/cross_author.py A,D        # only these folds

Each opened blind set (``tests/blind/``, all but ``blind_eval.NEVER_TRAINED``) is one
author's writing. For each such set F, the scorer is trained and calibrated exactly as
``train_tone_model.py`` does, but without F's items; then F's items are counted as
flagged when the rules (linted once, with the scorer muted) or the fold's scorer flag
them. Pooled over the folds, the figures say what the scorer adds for a new author,
which the development sets (trained on) cannot say and one held-out set says with two
to five items of noise. docs/design.md ("Eighth round") has the figures of the shipped
features and of the variants tried.

The rules' share is optimistic (they were written from these sets); compare scorer
variants with it, not the rules. Nothing here is written to the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "tests"))

import train_tone_model as training  # noqa: E402
from blind_eval import CATEGORY_RULES, NEVER_TRAINED, SETS, load_set  # noqa: E402

from followup_lint import Linter, tonemodel  # noqa: E402


def lint_items() -> dict[tuple[str, str], list[tuple[bool, bool, list[str]]]]:
    """Per (set, category): (is bad, flagged by the rules, the sentences the scorer
    reads) for every item, linted with the scorer muted (every threshold above 1)."""
    shipped = tonemodel.tone_model()
    muted = tonemodel.ToneModel(shipped.categories, shipped.weights, shipped.biases,
                                np.full(len(shipped.categories), 2.0, dtype=np.float32))
    read: dict[str, list[str]] = {}
    score_draft = tonemodel.sentence_scores

    def recording(draft):
        read[draft.text] = [draft.plain[s.start_char:s.end_char]
                            for s, _ in tonemodel.scorable_sentences(draft)]
        return score_draft(draft)

    tonemodel._load, tonemodel.sentence_scores = (lambda: muted), recording
    linter, found = Linter(), {}
    for name in (s for s in SETS if s not in NEVER_TRAINED):
        for category, data in load_set(name).items():
            texts = list(data["bad"]) + list(data["good"])
            rules = CATEGORY_RULES[category]
            found[(name, category)] = [
                (i < len(data["bad"]),
                 any(f.rule in rules and f.severity.value != "info" for f in report.findings),
                 read.get(text, []))
                for i, (text, report) in enumerate(zip(texts, linter.lint_many(texts)))]
    return found


def train_without(left_out: str) -> dict[str, tuple[np.ndarray, float, float, str]]:
    """The scorer per category, trained as train_tone_model.py does on every source but
    the blind set ``left_out``."""
    every = training.sources
    training.sources = lambda: [p for p in every() if p.parent.name != left_out]
    try:
        return training.train(training.load())
    finally:
        training.sources = every


def main() -> None:
    items = lint_items()
    folds = sorted({name for name, _ in items})
    if len(sys.argv) > 1:
        folds = [f for f in sys.argv[1].split(",") if f in folds]
    totals: dict[str, list[int]] = {}
    for fold in folds:
        models = train_without(fold)
        for (name, category), found in items.items():
            if name != fold:
                continue
            asked = [c for c, rule in training.RULES.items() if rule in CATEGORY_RULES[category]]
            tally = totals.setdefault(category, [0] * 6)  # tp fn fp tn, scorer alone tp fp
            for bad, by_rules, sentences in found:
                by_scorer = False
                if sentences and asked:
                    matrix = tonemodel.feature_matrix(sentences)
                    by_scorer = any(
                        (training.predict(matrix, len(sentences), w, b) >= t).any()
                        for w, b, t, _ in (models[c] for c in asked))
                flagged = by_rules or by_scorer
                tally[(0 if flagged else 1) if bad else (2 if flagged else 3)] += 1
                tally[4 if bad else 5] += by_scorer
        print(f"fold {fold} done", file=sys.stderr)
    for category, (tp, fn, fp, tn, alone_tp, alone_fp) in sorted(totals.items()):
        print(f"{category:17s} recall {tp / max(tp + fn, 1):.3f} ({tp}/{tp + fn})  precision "
              f"{tp / max(tp + fp, 1):.3f}  scorer alone {alone_tp}/{tp + fn} bad, "
              f"{alone_fp}/{fp + tn} good")


if __name__ == "__main__":
    main()
