"""The static word-piece vectors the tone scorer reads (followup_lint/wordvectors.py,
rules/models/wordpieces.npz, distilled by training/distil_word_vectors.py)."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import numpy as np
import pytest

from followup_lint.wordvectors import DIMENSIONS, _table, pieces, sentence_vectors, words

ROOT = Path(__file__).resolve().parents[1]


def _vocab(ids: list[int]) -> list[str]:
    table = _table()
    names = {i: piece for piece, i in table.ids.items()}
    return [names[i] for i in ids]


def test_the_table_is_the_uncased_vocabulary_at_full_width() -> None:
    table = _table()
    assert table is not None
    assert len(table.ids) == 30522 and table.vectors.shape == (30522, DIMENSIONS)
    assert {"[UNK]", "[CLS]", "[SEP]", "the", "##s"} <= set(table.ids)


def test_words_split_like_the_encoders_uncased_tokenizer() -> None:
    assert words("Café—“OK”, you’re LATE!!") == [
        "cafe", "-", '"', "ok", '"', ",", "you", "'", "re", "late", "!", "!"]
    assert words("") == []


def test_longest_pieces_from_the_left() -> None:
    assert _vocab(pieces("unaffable")) == ["una", "##ffa", "##ble"]
    assert _vocab(pieces("interview")) == ["interview"]
    assert _vocab(pieces("ꙮꙮ")) == ["[UNK]"]


def _cosine(a: str, b: str) -> float:
    first, second = sentence_vectors([a, b])
    return float(first @ second)


def test_vectors_have_unit_length_or_are_empty() -> None:
    found = sentence_vectors(["Please reply by Friday.", "", "!!!"])
    assert found.shape == (3, DIMENSIONS)
    assert math.isclose(float(np.linalg.norm(found[0])), 1.0, rel_tol=1e-6)
    assert not found[1].any()


@pytest.mark.parametrize(("word", "near", "far"), [
    ("ridiculous", "absurd", "invoice"),
    ("hurry", "quickly", "painting"),
    ("rent", "landlord", "algorithm"),
    ("sorry", "apologies", "warehouse"),
])
def test_words_of_like_meaning_lie_close(word: str, near: str, far: str) -> None:
    assert _cosine(word, near) > _cosine(word, far) + 0.2


def test_a_paraphrase_lies_nearer_than_the_same_topic_said_politely() -> None:
    # Word vectors carry meaning beyond shared words: the impatient paraphrase shares
    # no content word with the first sentence, the polite one shares several.
    impatient = "This waiting is absurd; answer me immediately."
    paraphrase = "The delay is ridiculous, respond right now."
    polite = "Thank you for waiting on the delay while I prepared my answer."
    assert _cosine(impatient, paraphrase) > _cosine(impatient, polite)


def test_the_distiller_gelu_is_erf_gelu() -> None:
    spec = importlib.util.spec_from_file_location(
        "distil_word_vectors", ROOT / "training" / "distil_word_vectors.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("distil_word_vectors", module)
    spec.loader.exec_module(module)
    x = np.linspace(-6, 6, 241)
    exact = np.array([0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x])
    assert np.abs(module._gelu(x) - exact).max() < 1e-6
