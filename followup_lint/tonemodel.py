"""A small learned sentence scorer for the tone categories, shipped as data.

One logistic regression per category over hashed features of a sentence (word unigrams
and bigrams, and character 4-grams inside words, on the typographically normalised,
lowercased text). It was trained by ``training/train_tone_model.py`` on the labelled
sentences in ``training/sentences/`` plus the development blind sets; the weights and
each category's threshold live in ``rules/models/tone.npz``. It runs on plain Python and
numpy: no network, no extra package, about 0.1 ms per sentence.

The tone rules consult it only for sentences their own category readings did not
flag, and report what it finds as warnings (see docs/design.md, "A learned scorer").
"""

from __future__ import annotations

import re
import threading
import zlib
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from followup_lint.datafiles import rules_dir
from followup_lint.normalize import plain

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy as np
    from spacy.tokens import Span

    from followup_lint.draft import Draft
    from followup_lint.rule import Hit, RuleOptions

#: Sentences shorter than this (in words) are not scored: too little evidence ("It's
#: Jacob.", "Happy hiring!").
MIN_WORDS = 6
#: Number of hashed feature slots (a power of two).
DIMENSIONS = 1 << 16
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[!?]|\.\.\.|[\"*#@$%]|[^\w\s.,;:()\[\]'-]")
_lock = threading.Lock()


def tokens(text: str) -> list[str]:
    """The scorer's tokens: lowercased words, '!' and '?', quotes, symbols and emoji."""
    return _TOKEN.findall(plain(text).lower())


def features(text: str) -> list[int]:
    """Hashed feature slots of ``text`` (with repeats, one per occurrence)."""
    words = tokens(text)
    if not words:
        return []
    grams = [f"w:{w}" for w in words]
    grams += [f"b:{a} {b}" for a, b in zip(["<s>"] + words, words + ["</s>"])]
    for word in words:
        if len(word) > 3 and word.isalpha():
            padded = f"<{word}>"
            grams += [f"c:{padded[i:i + 4]}" for i in range(len(padded) - 3)]
    return [zlib.crc32(g.encode("utf-8")) & (DIMENSIONS - 1) for g in grams]


@dataclass(frozen=True, eq=False)
class ToneModel:
    """Weights (categories x DIMENSIONS), biases and thresholds per category."""

    categories: tuple[str, ...]
    weights: np.ndarray
    biases: np.ndarray
    thresholds: np.ndarray

    @property
    def columns(self) -> np.ndarray:
        """The weights as float32 rows per feature slot (DIMENSIONS x categories): one
        gather per sentence."""
        cached = self.__dict__.get("_columns")
        if cached is None:
            import numpy as np

            cached = np.ascontiguousarray(self.weights.T, dtype=np.float32)
            object.__setattr__(self, "_columns", cached)
        return cached

    def scores(self, text: str) -> dict[str, float]:
        """Probability per category that ``text`` has the category's problem."""
        return dict(zip(self.categories, _probabilities(self, text)))

    def flags(self, text: str, category: str) -> bool:
        """True when ``text`` scores at or over the category's threshold."""
        position = self.categories.index(category)
        return _probabilities(self, text)[position] >= float(self.thresholds[position])


def _probabilities(model: ToneModel, text: str) -> tuple[float, ...]:
    """Every category's probability for ``text``."""
    import numpy as np

    slots = features(text)
    if not slots:
        return (0.0,) * len(model.categories)
    index, counts = np.unique(np.asarray(slots, dtype=np.int64), return_counts=True)
    values = np.log1p(counts).astype(np.float32)
    values /= max(float(np.sqrt((values ** 2).sum())), 1e-9)
    logits = values @ model.columns[index] + model.biases
    return tuple(float(p) for p in 1.0 / (1.0 + np.exp(-logits)))


def model_path():
    return rules_dir() / "models" / "tone.npz"


@lru_cache(maxsize=1)
def _load() -> ToneModel | None:
    import numpy as np

    path = model_path()
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        return ToneModel(categories=tuple(str(c) for c in data["categories"]),
                         weights=data["weights"], biases=data["biases"].astype(np.float32),
                         thresholds=data["thresholds"].astype(np.float32))


def tone_model() -> ToneModel | None:
    """The shipped model, loaded once (None when the data file is absent)."""
    with _lock:
        return _load()


#: What a flagged sentence reads as, per category (for the finding's message).
_READS_AS = {
    "pushy": "pressure on the reader",
    "hostile": "hostile or sarcastic",
    "desperate": "pleading, over-sharing or gushing",
    "apologetic": "apologetic or hedging",
    "inappropriate": "out of place in a professional note",
}


def sentence_scores(draft: Draft) -> dict[int, tuple[float, ...]]:
    """Every category's probability for each body sentence long enough to score, by the
    sentence's start offset (``Draft.tone_scores`` keeps it: several rules ask)."""
    model = tone_model()
    if model is None:
        return {}
    found = {}
    for sentence in draft.body_sentences:
        text = draft.text[sentence.start_char:sentence.end_char]
        if sum(w.isalpha() for w in tokens(text)) >= MIN_WORDS:
            found[sentence.start_char] = _probabilities(model, text)
    return found


def scored_hits(draft: Draft, category: str, hits: list[Hit],
                clears: Callable[[Span], bool] | None = None) -> list[Hit]:
    """Warnings for the body sentences no hit in ``hits`` touches that the scorer flags
    for ``category``, except those the rule's own reading ``clears``."""
    from followup_lint.model import Severity
    from followup_lint.rule import Hit

    model = tone_model()
    if model is None or category not in model.categories:
        return []
    position = model.categories.index(category)
    threshold = float(model.thresholds[position])
    scores = draft.tone_scores
    found = []
    for sentence in draft.body_sentences:
        start, end = sentence.start_char, sentence.end_char
        score = scores.get(start)
        if score is None or score[position] < threshold:
            continue
        if any(h.start < end and start < h.end for h in hits):
            continue
        if clears is not None and draft.has_parse and clears(sentence):
            continue
        found.append(Hit(start, end, f"This sentence reads as {_READS_AS[category]} "
                         "(flagged by the tone scorer, a model trained on labelled "
                         "sentences); reread it as the recipient would.",
                         severity=Severity.warning))
    return found


@cache
def with_model_option(options_model: type[RuleOptions]) -> type[RuleOptions]:
    """``options_model`` with one more option, ``model`` (on): consult the tone scorer."""
    from pydantic import Field, create_model

    return create_model(
        f"{options_model.__name__}WithModel", __base__=options_model,
        model=(bool, Field(default=True, description="Also report sentences the tone "
                           "scorer flags for this rule's category (warnings).")))
