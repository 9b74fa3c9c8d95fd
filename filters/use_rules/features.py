"""The learned use classifier's features: word 1-2 grams and character 3-5 grams, tf-idf weighted.

Training (tests/bench/train_use_classifier.py) and scoring both use this one function, so the
features a model was fitted on are the features it scores, with no scikit-learn at run time.
"""

from __future__ import annotations

import math
import re
from collections import Counter

_WORD = re.compile(r"[^\W_]+")
CHAR_SIZES = (3, 4, 5)
MAX_WORDS = 400   # a window longer than this is scored on its first MAX_WORDS words (see classifier windows)


def raw_features(text: str) -> tuple[Counter[str], Counter[str]]:
    """(word features, character features) of `text`: counts of `w:word`, `b:w1 w2`, `c:gram`."""
    words = _WORD.findall(text.lower())[:MAX_WORDS]
    word_feats: Counter[str] = Counter()
    char_feats: Counter[str] = Counter()
    previous = None
    for word in words:
        word_feats["w:" + word] += 1
        if previous is not None:
            word_feats["b:" + previous + " " + word] += 1
        previous = word
        padded = f" {word} "
        length = len(padded)
        for size in CHAR_SIZES:
            if length < size:
                break
            for i in range(length - size + 1):
                char_feats["c:" + padded[i:i + size]] += 1
    return word_feats, char_feats


def weighted(counts: Counter[str], index: dict[str, int], idf: list[float] | None) -> list[tuple[int, float]]:
    """(feature number, sublinear tf x idf, L2-normalised) of the features in `index`."""
    found: list[tuple[int, float]] = []
    for feature, count in counts.items():
        number = index.get(feature)
        if number is not None:
            value = 1.0 + math.log(count)
            found.append((number, value * idf[number] if idf is not None else value))
    norm = math.sqrt(sum(v * v for _, v in found))
    return [(n, v / norm) for n, v in found] if norm else []
