"""The learned use classifier's features: word 1-2 grams and character 3-5 grams, tf-idf weighted.

Training (tests/bench/train_use_classifier.py) and scoring compute them with the same code
(`TextFeatures`; training also counts document frequencies with `feature_names`), so the features a
model was fitted on are the features it scores, with no scikit-learn at run time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import cast

import numpy as np

_WORD = re.compile(r"[^\W_]+")
CHAR_SIZES = (3, 4, 5)
MAX_WORDS = 400   # a window longer than this is scored on its first MAX_WORDS words (see classifier windows)


def words_of(text: str) -> list[str]:
    """The words a text is scored on: lower-cased runs of letters and digits, the first MAX_WORDS."""
    return _WORD.findall(text.lower())[:MAX_WORDS]


def word_key(word: str) -> str:
    return "w:" + word


def pair_key(first: str, second: str) -> str:
    return "b:" + first + " " + second


def char_keys(word: str) -> list[str]:
    """`word`'s character 3-5 grams (padded with a space each side), shortest first, in text order."""
    padded = f" {word} "
    return ["c:" + padded[i:i + size] for size in CHAR_SIZES for i in range(len(padded) - size + 1)]


def feature_names(text: str) -> set[str]:
    """Every feature `text` has, indexed or not (training counts their document frequency with it)."""
    words = words_of(text)
    found = {word_key(w) for w in words} | {pair_key(a, b) for a, b in zip(words, words[1:])}
    for word in set(words):
        found.update(char_keys(word))
    return found


class TextFeatures:
    """The features of texts, as arrays: for each text its word 1-2 grams, then its character grams, in
    order of first occurrence, each part weighted sublinear tf x idf and L2-normalised on its own. The
    one implementation training and scoring share, so the features a model was fitted on are the
    features it scores. A word's grams and a pair's number are looked up once per instance (a text's
    windows overlap and repeat words): scoring makes one per text, training one for all its texts."""

    def __init__(self, index: dict[str, int], idf: np.ndarray,
                 grams: Callable[[str], np.ndarray] | None = None) -> None:
        self._index, self._idf = index, idf
        self._grams_of = grams or (lambda word: word_grams(index, word))
        self._ids: dict[str, int] = {}      # word -> its number in this text
        self._word: list[int] = []          # the word's feature number, -1 when the index lacks it
        self._grams: list[np.ndarray] = []  # the feature numbers of the word's character grams, in order
        self._pairs: dict[tuple[int, int], int] = {}

    def _id(self, word: str) -> int:
        number = self._ids.get(word)
        if number is None:
            number = self._ids[word] = len(self._word)
            self._word.append(self._index.get(word_key(word), -1))
            self._grams.append(self._grams_of(word))
        return number

    def of(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(feature numbers, L2-normalised sublinear tf x idf) of `text`: its word features, then its
        character features, each part normalised on its own."""
        words = words_of(text)
        known = self._ids.get
        ids = [known(word) for word in words]
        if None in ids:
            ids = [self._id(word) if number is None else number for word, number in zip(words, ids)]
        numbers = cast(list[int], ids)
        word = self._word
        pair = self._pairs.get
        word_numbers = [word[numbers[0]]] if numbers else []
        # each word's feature, then the pair it ends: in text order, as the weights are summed
        for k in range(1, len(numbers)):
            first, second = numbers[k - 1], numbers[k]
            word_numbers.append(word[second])
            number = pair((first, second))
            if number is None:
                number = self._pairs[(first, second)] = self._index.get(pair_key(words[k - 1], words[k]), -1)
            word_numbers.append(number)
        distinct, counts = _in_order(np.array(numbers, dtype=np.int64))
        grams = [self._grams[i] for i in distinct.tolist()]
        lengths = [len(g) for g in grams]
        indexed = np.array(word_numbers, dtype=np.int64)
        numbers_w, values_w = self._weighted(*_in_order(indexed[indexed >= 0]))
        numbers_c, values_c = self._weighted(*_in_order(np.concatenate(grams) if grams else _NONE,
                                                        np.repeat(counts, lengths) if grams else None))
        return np.concatenate((numbers_w, numbers_c)), np.concatenate((values_w, values_c))

    def _weighted(self, numbers: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if not len(numbers):
            return numbers, np.zeros(0, dtype=np.float64)
        top = int(counts.max())
        tf = _TF[counts] if top < len(_TF) else np.array([1.0 + math.log(c) for c in counts.tolist()])
        values = tf * self._idf[numbers]
        norm = math.sqrt(sum((values * values).tolist()))   # summed in order of first occurrence
        return (numbers, values / norm) if norm else (numbers[:0], values[:0])


def word_grams(index: dict[str, int], word: str) -> np.ndarray:
    """The feature numbers of `word`'s character grams that `index` has, in `char_keys`' order."""
    grams = [index.get(key, -1) for key in char_keys(word)]
    return np.array([g for g in grams if g >= 0], dtype=np.int32)


_NONE = np.zeros(0, dtype=np.int64)
_TF = np.array([0.0] + [1.0 + math.log(c) for c in range(1, 4096)])   # sublinear tf by count


def _in_order(numbers: np.ndarray, weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The distinct numbers in the order of their first occurrence, and their counts (or summed weights)."""
    if not len(numbers):
        return _NONE, _NONE
    distinct, first, inverse = np.unique(numbers, return_index=True, return_inverse=True)
    counts = np.bincount(inverse, weights=weights, minlength=len(distinct)).astype(np.int64)
    order = np.argsort(first, kind="stable")
    return distinct[order], counts[order]
