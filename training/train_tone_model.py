"""Train the tone scorer shipped in rules/models/tone.npz (see followup_lint/tonemodel.py).

    python training/train_tone_model.py            # train, calibrate, write the model
    python training/train_tone_model.py --report   # also print calibration figures

Data: every ``bad``/``good`` list in ``training/sentences/*.toml`` (written for training)
and in the development blind sets under ``tests/blind/`` -- never the held-out sets named
by ``tests/blind_eval.NEVER_TRAINED``. For a category, its ``bad`` items are positives; every
``good`` item of every file, and the bad items of the whole-email categories (generic
notes, impersonal greetings: fine in tone), are negatives.

Every item goes to training or to calibration by a hash of its text (80/20, stable
across runs). Calibration also gets, as negatives, the sentences of the regression
drafts (``tests/regression/``) labelled for the category's rule and not expecting it:
whole notes, where a false alarm shows first.

A logistic regression per category is fitted on the training part by full batch
gradient descent with L2; its threshold is the lowest score at which at most
``MAX_FALSE_ALARMS`` of the calibration negatives are flagged and precision on the
calibration part reaches ``PRECISION`` (never below 0.5). Deterministic: the same
data gives the same file.
"""

from __future__ import annotations

import re
import sys
import zlib
from pathlib import Path

import numpy as np

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from blind_eval import NEVER_TRAINED  # noqa: E402
from regression_drafts import BLIND_ONLY_RULES, load_drafts  # noqa: E402

from followup_lint.packs.loading import load_rules  # noqa: E402
from followup_lint.tonemodel import DIMENSIONS, MIN_WORDS, feature_matrix, model_path  # noqa: E402

CATEGORIES = ("pushy", "hostile", "desperate", "apologetic", "inappropriate")
#: Categories whose bad items are whole-note problems, fine in tone: negatives here.
TONE_NEUTRAL = ("generic", "generic_greeting", "neutral")
PRECISION = 0.95
#: Share of calibration negatives a threshold may flag.
MAX_FALSE_ALARMS = 0.005
L2 = 1e-5
STEPS = 800
RATE = 20.0


#: The rule that speaks for each category: the pack that names it (``model = "..."``).
RULES = {spec.model: spec.id for spec in load_rules() if spec.model}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def draft_negatives(category: str) -> list[str]:
    """Sentences of regression drafts labelled for the category's rule that do not expect
    it (the regression tests count a finding there as a false alarm)."""
    rule = RULES[category]
    found = []
    for draft in load_drafts():
        labelled = set(draft["scope"]) - set(BLIND_ONLY_RULES)
        if rule not in labelled or rule in draft["expect"]:
            continue
        own = "\n".join(line for line in draft["text"].splitlines()
                         if not line.lstrip().startswith(">"))  # not quoted history
        found += [p.strip() for p in _SENTENCE_END.split(own) if len(p.split()) >= MIN_WORDS]
    return found


def sources() -> list[Path]:
    files = sorted((ROOT / "training" / "sentences").glob("*.toml"))
    for name in sorted(p.name for p in (ROOT / "tests" / "blind").iterdir() if p.is_dir()):
        if name not in NEVER_TRAINED:
            files += sorted((ROOT / "tests" / "blind" / name).glob("*.toml"))
    return files


def load() -> list[tuple[str, str, bool]]:
    """(text, category, is_bad) for every item, deduplicated by text and label."""
    items, seen = [], set()
    for path in sources():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for label, bad in (("bad", True), ("good", False)):
            for text in data.get(label, []):
                key = (text, data["category"], bad)
                if key not in seen:
                    seen.add(key)
                    items.append((text, data["category"], bad))
    return items


def fit(coo, n: int, y: np.ndarray) -> tuple[np.ndarray, float]:
    rows, cols, vals = coo
    w, b = np.zeros(DIMENSIONS), 0.0
    positive = max(y.mean(), 1e-9)
    sample_weight = np.where(y == 1, 0.5 / positive, 0.5 / max(1 - positive, 1e-9))
    for _ in range(STEPS):
        z = np.bincount(rows, weights=w[cols] * vals, minlength=n) + b
        p = 1.0 / (1.0 + np.exp(-z))
        error = (p - y) * sample_weight / n
        grad = np.bincount(cols, weights=error[rows] * vals, minlength=DIMENSIONS) + L2 * w
        w -= RATE * grad
        b -= RATE * error.sum()
    return w, b


def predict(coo, n: int, w: np.ndarray, b: float) -> np.ndarray:
    rows, cols, vals = coo
    return 1.0 / (1.0 + np.exp(-(np.bincount(rows, weights=w[cols] * vals, minlength=n) + b)))


def _floor(negatives: np.ndarray) -> float:
    """The lowest score that flags at most MAX_FALSE_ALARMS of ``negatives``."""
    negatives = np.sort(negatives)[::-1]
    allowed = int(len(negatives) * MAX_FALSE_ALARMS)
    return float(negatives[allowed]) + 1e-6 if len(negatives) > allowed else 0.5


def threshold(scores: np.ndarray, y: np.ndarray, drafts: np.ndarray) -> float:
    """The lowest score (at least 0.5) at which at most MAX_FALSE_ALARMS of the written
    calibration negatives, and as few of the regression drafts' sentences, are flagged,
    and precision reaches PRECISION: a follow-up has many sentences, nearly all fine, so
    the sentence-level false alarm rate must be close to zero. The drafts are held to
    their own share, so that many easy written negatives cannot buy false alarms on
    whole notes."""
    floor = max(0.5, _floor(scores[(y == 0) & ~drafts]), _floor(scores[drafts]))
    for t in np.unique(np.concatenate([scores, [floor]])):
        if t < floor:
            continue
        flagged = scores >= t
        if flagged.sum() == 0:
            break
        if (y[flagged] == 1).mean() >= PRECISION:
            return float(t)
    return 1.01


def train(items: list[tuple[str, str, bool]]) -> dict[str, tuple[np.ndarray, float, float,
                                                                   str]]:
    """(weights, bias, threshold, calibration report) per category, fitted on ``items``
    (as ``load`` gives them) as described above."""
    calibration = [zlib.crc32(t.encode("utf-8")) % 5 == 0 for t, _, _ in items]
    models = {}
    for category in CATEGORIES:
        chosen = [(t, int(c == category and bad), cal)
                  for (t, c, bad), cal in zip(items, calibration)
                  if (c == category and bad) or not bad or c in TONE_NEUTRAL]
        train = [(t, y) for t, y, cal in chosen if not cal]
        held = [(t, y) for t, y, cal in chosen if cal]
        written = len(held)
        held += [(t, 0) for t in draft_negatives(category)]
        from_drafts = np.arange(len(held)) >= written
        coo = feature_matrix([t for t, _ in train])
        w, b = fit(coo, len(train), np.array([y for _, y in train], dtype=np.float64))
        y_cal = np.array([y for _, y in held])
        scores = predict(feature_matrix([t for t, _ in held]), len(held), w, b)
        t = threshold(scores, y_cal, from_drafts)
        flagged = scores >= t
        recall = (flagged & (y_cal == 1)).sum() / max((y_cal == 1).sum(), 1)
        report = (f"{category:14s} train {len(train):5d} ({int(sum(y for _, y in train))} bad)"
                  f"  calibration {len(held):4d}  threshold {t:.2f}  recall {recall:.2f}"
                  f"  false alarms {int((flagged & (y_cal == 0)).sum())}/"
                  f"{int((y_cal == 0).sum())}")
        models[category] = (w, b, t, report)
    return models


def main() -> None:
    models = train(load())
    weights, biases, thresholds = [], [], []
    for category in CATEGORIES:
        w, b, t, report = models[category]
        weights.append(w.astype(np.float16))
        biases.append(b)
        thresholds.append(t)
        if "--report" in sys.argv:
            print(report)
    path = model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, categories=np.array(CATEGORIES), weights=np.stack(weights),
                        biases=np.array(biases, dtype=np.float32),
                        thresholds=np.array(thresholds, dtype=np.float32))
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
