"""The use classifier's features of the redaction bench's 2 KB prompts: the trainer's path against scoring's.

    .venv/bin/python -m tests.bench.bench_use_features [--texts 200]

Each window the classifier scores (`LinearUseClassifier._pieces`) of each prompt of `make bench`'s
redaction row (tests/bench/load/bodies.py) gets its features both ways, in turn, in one process:
`raw_features` + `weighted` (what training counts) and `TextFeatures` (what scoring computes). Prints
the CPU ms per prompt of each and their ratio, and fails if any window's feature numbers or float32
values differ.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from filters.use_rules.classifier import default_classifier
from filters.use_rules.features import TextFeatures, raw_features, weighted
from tests.bench.load.bodies import redaction_texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=200)
    args = parser.parse_args()
    model = default_classifier()
    index, idf = model._index, model._idf
    idf_list = idf.tolist()
    texts, _ = redaction_texts(args.texts)
    trainer = scoring = 0.0
    windows = 0
    for text in texts:
        features = TextFeatures(index, idf, model._word_grams)
        for start, end in model._pieces(text):
            window = text[start:end]
            started = time.process_time()
            words, chars = raw_features(window)
            found = weighted(words, index, idf_list) + weighted(chars, index, idf_list)
            old_numbers = np.fromiter((n for n, _ in found), dtype=np.int64, count=len(found))
            old_values = np.fromiter((v for _, v in found), dtype=np.float32, count=len(found))
            middle = time.process_time()
            numbers, values = features.of(window)
            new_values = values.astype(np.float32)
            scoring += time.process_time() - middle
            trainer += middle - started
            windows += 1
            if not (np.array_equal(old_numbers, numbers) and np.array_equal(old_values, new_values)):
                raise SystemExit(f"window {start}:{end} of a text: the two paths differ")
    print(f"{len(texts)} prompts, {windows} windows, identical features; CPU ms per prompt: "
          f"raw_features + weighted {trainer * 1000 / len(texts):.2f}, TextFeatures {scoring * 1000 / len(texts):.2f} "
          f"({scoring / trainer:.2f}x)")


if __name__ == "__main__":
    main()
