"""Static word-piece vectors: what a sentence is about, beyond its exact words.

One vector per word piece of the uncased BERT vocabulary (30,522 pieces), distilled by
``training/distil_word_vectors.py`` from the sentence encoder all-MiniLM-L6-v2
(Apache-2.0 weights): a piece's vector is the encoder's output for that piece alone,
projected on 128 principal components and weighted down for frequent words. A
sentence's vector is the mean of its pieces' vectors, scaled to unit length. Words of
like meaning lie close ("ridiculous": absurd, unbelievable, nonsense; "hurry": quick,
fast, rushed), so the tone scorer can carry a category over to wordings it was never
trained on. Only a table lookup runs here (no encoder, no network): about 10 us a
sentence. The table lives in ``rules/models/wordpieces.npz`` (int8, one scale a row).
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from followup_lint.datafiles import rules_dir
from followup_lint.normalize import plain

if TYPE_CHECKING:
    import numpy as np

#: Width of a sentence vector.
DIMENSIONS = 128
_lock = threading.Lock()


def table_path():
    return rules_dir() / "models" / "wordpieces.npz"


class _Table:
    def __init__(self, vocab: list[str], vectors: np.ndarray) -> None:
        self.ids = {piece: i for i, piece in enumerate(vocab)}
        self.vectors = vectors
        self.unknown = self.ids["[UNK]"]


@lru_cache(maxsize=1)
def _load() -> _Table | None:
    import numpy as np

    path = table_path()
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        vectors = data["vectors"].astype(np.float32) * data["scales"][:, None]
        return _Table(str(data["vocab"]).split("\n"), vectors)


def _table() -> _Table | None:
    with _lock:
        return _load()


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    return (33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126
            or unicodedata.category(char).startswith("P"))


def words(text: str) -> list[str]:
    """The encoder's words: lowercased, accents stripped, punctuation split off (as its
    uncased tokenizer does)."""
    text = unicodedata.normalize("NFD", plain(text).lower())
    found: list[str] = []
    current: list[str] = []
    for char in text:
        if unicodedata.category(char) == "Mn":
            continue
        if char.isspace() or _is_punctuation(char):
            if current:
                found.append("".join(current))
                current = []
            if not char.isspace():
                found.append(char)
        else:
            current.append(char)
    if current:
        found.append("".join(current))
    return found


@lru_cache(maxsize=1 << 16)
def _pieces(word: str) -> tuple[int, ...]:
    """``word`` split into the longest vocabulary pieces from the left (WordPiece)."""
    table = _table()
    if table is None:
        return ()
    ids, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in table.ids:
                ids.append(table.ids[piece])
                break
            end -= 1
        else:
            return (table.unknown,)
        start = end
    return tuple(ids)


def pieces(text: str) -> list[int]:
    """The vocabulary ids of ``text``'s word pieces."""
    return [i for word in words(text) if len(word) <= 100 for i in _pieces(word)]


def sentence_vectors(texts: list[str]) -> np.ndarray:
    """One unit-length vector per text (zeros for a text with no word, or no table)."""
    import numpy as np

    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float64)
    table = _table()
    if table is None:
        return out
    for row, text in enumerate(texts):
        ids = pieces(text)
        if ids:
            mean = table.vectors[ids].mean(axis=0)
            out[row] = mean / max(float(np.linalg.norm(mean)), 1e-9)
    return out
