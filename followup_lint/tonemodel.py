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
    return plain_tokens(plain(text))


def plain_tokens(text: str) -> list[str]:
    """:func:`tokens` of a text already made plain (``followup_lint.normalize``)."""
    return _TOKEN.findall(text.lower())


_WORD_SEED, _PAIR_SEED, _CHAR_SEED = zlib.crc32(b"w:"), zlib.crc32(b"b:"), zlib.crc32(b"c:")
_START = zlib.crc32(b"<s>", _PAIR_SEED)
_END = b" </s>"


def features(text: str) -> list[int]:
    """Hashed feature slots of ``text`` (with repeats, one per occurrence): the CRC-32 of
    ``w:<word>``, ``b:<word> <next word>`` (with ``<s>`` and ``</s>`` at the ends) and
    ``c:<4 characters>`` of each ``<word>`` longer than three letters, modulo DIMENSIONS.
    The CRC of a prefix is computed once and continued (same values, less work)."""
    return _slots(tokens(text))


def _slots(found: list[str]) -> list[int]:
    """``features`` of a text already split into ``tokens``."""
    words = [_word(w) for w in found]
    if not words:
        return []
    crc, mask = zlib.crc32, DIMENSIONS - 1
    slots = [w[0] for w in words]
    heads = [_START] + [w[1] for w in words]
    tails = [w[2] for w in words] + [_END]
    slots += [crc(t, h) & mask for h, t in zip(heads, tails)]
    for word in words:
        slots += word[3]
    return slots


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> tuple[int, int, bytes, tuple[int, ...]]:
    """What ``features`` needs of one word, computed once per word: its own slot, the CRC
    of ``b:<word>`` that its bigram continues, `` <word>`` to continue the previous
    word's, and the slots of its character 4-grams."""
    crc, mask = zlib.crc32, DIMENSIONS - 1
    encoded = word.encode("utf-8")
    grams: tuple[int, ...] = ()
    if len(word) > 3 and word.isalpha():
        padded = f"<{word}>"
        grams = tuple(crc(padded[i:i + 4].encode("utf-8"), _CHAR_SEED) & mask
                      for i in range(len(padded) - 3))
    return crc(encoded, _WORD_SEED) & mask, crc(encoded, _PAIR_SEED), b" " + encoded, grams


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
    return _batch_probabilities(model, [text])[0]


def feature_matrix(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The texts' features as a sparse matrix in COO form (row, slot, value): log counts,
    each row scaled to unit length. Training and scoring both read it."""
    return _matrix([features(text) for text in texts])


def _matrix(feature_lists: list[list[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``feature_matrix`` of texts whose ``features`` are already computed."""
    import numpy as np

    rows: list[int] = []
    slots: list[int] = []
    for row, found in enumerate(feature_lists):
        rows += [row] * len(found)
        slots += found
    keys, counts = np.unique(np.asarray(rows, dtype=np.int64) * DIMENSIONS
                             + np.asarray(slots, dtype=np.int64), return_counts=True)
    row_of, slot_of = keys // DIMENSIONS, keys % DIMENSIONS
    values = np.log1p(counts)
    norms = np.sqrt(np.bincount(row_of, weights=values ** 2, minlength=len(feature_lists)))
    return row_of, slot_of, values / np.maximum(norms[row_of], 1e-9)


def _batch_probabilities(model: ToneModel, texts: list[str]) -> list[tuple[float, ...]]:
    """Every category's probability for each of ``texts``, in one pass of array work (a
    draft's sentences together: numpy's per-call cost dominates single sentences)."""
    return _scores(model, [features(text) for text in texts])


def _scores(model: ToneModel, feature_lists: list[list[int]]) -> list[tuple[float, ...]]:
    """``_batch_probabilities`` of texts whose ``features`` are already computed."""
    import numpy as np

    n, k = len(feature_lists), len(model.categories)
    row_of, slot_of, values = _matrix(feature_lists)
    weighted = model.columns[slot_of] * values[:, None]
    logits = np.stack([np.bincount(row_of, weights=weighted[:, j], minlength=n)
                       for j in range(k)], axis=1) + model.biases
    probabilities = 1.0 / (1.0 + np.exp(-logits))
    probabilities[np.bincount(row_of, minlength=n) == 0] = 0.0  # nothing to judge
    return [tuple(row) for row in probabilities.tolist()]  # Python floats


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
    scorable = scorable_sentences(draft)
    found = [_slots(words) for _, words in scorable]
    return dict(zip((s.start_char for s, _ in scorable), _scores(model, found))) if found \
        else {}


def scorable_sentences(draft: Draft) -> list[tuple[Span, list[str]]]:
    """The body sentences long enough to score (MIN_WORDS words), each with its tokens."""
    found = []
    for sentence in draft.body_sentences:
        # ``plain`` maps one character to one, so the slice of the draft's plain text is
        # the plain text of the slice
        words = plain_tokens(draft.plain[sentence.start_char:sentence.end_char])
        if sum(w.isalpha() for w in words) >= MIN_WORDS:
            found.append((sentence, words))
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
                         severity=Severity.warning, scored=True))
    return found


@cache
def with_model_option(options_model: type[RuleOptions]) -> type[RuleOptions]:
    """``options_model`` with one more option, ``model`` (on): consult the tone scorer."""
    from pydantic import Field, create_model

    return create_model(
        f"{options_model.__name__}WithModel", __base__=options_model,
        model=(bool, Field(default=True, description="Also report sentences the tone "
                           "scorer flags for this rule's category (warnings).")))
