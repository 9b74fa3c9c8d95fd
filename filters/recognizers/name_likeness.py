"""How much a single word looks like a person's name, by its letters alone, in any language.

A logistic model over hashed character n-grams of the lower-cased word ("^kow", "ski$", "nen$",
"ová$"), fitted on the given names and surnames of Faker's locales against the common words of
fourteen languages and technical vocabulary (`tests/bench/train_name_model.py` rebuilds
`config/name_likeness.npz`; `make test` never trains). It knows no name by heart: no word is a
feature, only its pieces, so "Hämäläinen", "Nguyễn" or "Щербакова" score high and "Validating",
"Generate", "Kubernetes" low. It is one signal among others: the words around a candidate and
spaCy's entity label decide with it.
"""

from __future__ import annotations

import math
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).resolve().parents[2] / "config" / "name_likeness.npz"


def ngrams(word: str, sizes: tuple[int, ...]) -> list[str]:
    """The character n-grams of `word`, lower-cased, with ^ and $ marking its edges."""
    padded = f"^{word.lower()}$"
    return [padded[i:i + n] for n in sizes for i in range(len(padded) - n + 1)]


def buckets(word: str, sizes: tuple[int, ...], size: int) -> list[int]:
    """The hashed feature indices of `word` (crc32: the same in every process, unlike hash())."""
    return [zlib.crc32(gram.encode("utf-8")) % size for gram in ngrams(word, sizes)]


class NameLikeness:
    """P(name) of one word from the fitted weights."""

    def __init__(self, weights: np.ndarray, bias: float, sizes: tuple[int, ...]) -> None:
        self.weights = weights.astype(np.float32)
        self.bias = bias
        self.sizes = sizes
        self.score = lru_cache(maxsize=8192)(self._score)

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> NameLikeness:
        with np.load(path) as data:
            return cls(data["weights"], float(data["bias"]), tuple(int(n) for n in data["sizes"]))

    def _score(self, word: str) -> float:
        if "-" in word.strip("-"):   # Heinz-Jürgen, Nowak-Kowalska: the mean of the parts
            parts = [p for p in word.split("-") if p]
            return sum(self._score(p) for p in parts) / len(parts)
        indices = buckets(word, self.sizes, len(self.weights))
        logit = self.bias + float(self.weights[indices].sum()) if indices else self.bias
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))
