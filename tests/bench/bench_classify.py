"""Character accuracy of span data-class inference on the frozen test split (or a dev split).

    .venv/bin/python tests/bench/bench_classify.py            # frozen split tests/data/classify_test.jsonl
    .venv/bin/python tests/bench/bench_classify.py --dev      # dev split (DEV_SEED), the one to tune on
    .venv/bin/python tests/bench/bench_classify.py --errors 5 # also show the worst messages

Prints per-class and overall character accuracy, the confusion by class (rows: truth, columns:
predicted), kind accuracy, the everything-is-input baseline, and the classifier's time as a
ratio to one regex tokenizing pass over the same texts, measured in the same run.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from datagen.classify_cases import DEV_SEED, ClassifyCase, char_labels, generate, read_jsonl  # noqa: E402

from filters.classify.spans import SpanClassifier  # noqa: E402

CLASSES = ["input", "output", "metadata", "account", "dataset"]


def predicted(classifier: SpanClassifier, case: ClassifyCase) -> tuple[list[str], list[str]]:
    classes, kinds = [""] * len(case.text), [""] * len(case.text)
    for span in classifier.classify(case.text):
        for i in range(span.start, span.end):
            classes[i], kinds[i] = span.data_class.value, span.kind
    return classes, kinds


def true_kinds(case: ClassifyCase) -> list[str]:
    kinds = [""] * len(case.text)
    for span in case.spans:
        for i in range(int(span["start"]), int(span["end"])):  # type: ignore[arg-type]
            kinds[i] = str(span["kind"])
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dev", action="store_true", help="use the dev split instead of the frozen test split")
    parser.add_argument("--errors", type=int, default=0, help="show this many worst messages")
    args = parser.parse_args()
    cases = generate(DEV_SEED) if args.dev else read_jsonl(ROOT / "tests" / "data" / "classify_test.jsonl")
    classifier = SpanClassifier.default()

    confusion: Counter[tuple[str, str]] = Counter()
    kind_hits = kind_total = 0
    worst: list[tuple[int, int]] = []
    for index, case in enumerate(cases):
        truth, (classes, kinds) = char_labels(case), predicted(classifier, case)
        confusion.update(zip(truth, classes))
        kind_hits += sum(a == b for a, b in zip(true_kinds(case), kinds))
        kind_total += len(case.text)
        worst.append((sum(a != b for a, b in zip(truth, classes)), index))

    tokenize = re.compile(r"\S+")
    began = time.perf_counter()
    for case in cases:
        tokenize.findall(case.text)
    baseline = time.perf_counter() - began
    began = time.perf_counter()
    for case in cases:
        classifier.classify(case.text)
    spent = time.perf_counter() - began

    total = sum(confusion.values())
    right = sum(n for (t, p), n in confusion.items() if t == p)
    split = f"dev (seed {DEV_SEED})" if args.dev else "test (frozen)"
    print(f"split: {split}, {len(cases)} messages, {total} characters")
    print(f"overall character accuracy: {right / total:.4f}")
    print(f"baseline (everything input): {sum(n for (t, _), n in confusion.items() if t == 'input') / total:.4f}")
    print(f"kind accuracy: {kind_hits / kind_total:.4f}")
    print("per class (recall over true characters, precision over predicted):")
    for name in CLASSES:
        true_n = sum(n for (t, _), n in confusion.items() if t == name)
        pred_n = sum(n for (_, p), n in confusion.items() if p == name)
        if true_n or pred_n:
            hit = confusion[(name, name)]
            print(f"  {name:9} recall {hit / max(true_n, 1):.4f}  precision {hit / max(pred_n, 1):.4f}  ({true_n} chars)")
    print("confusion (rows truth, columns predicted):")
    present = [c for c in CLASSES if any(c in pair for pair in confusion)]
    print("  " + " " * 9 + "".join(f"{c:>10}" for c in present))
    for t in present:
        print(f"  {t:9}" + "".join(f"{confusion[(t, p)]:>10}" for p in present))
    chars = sum(len(c.text) for c in cases)
    print(f"time: {spent * 1000:.1f} ms for {chars / 1e6:.2f} MB, {spent / baseline:.1f}x one regex tokenizing pass")

    for _, index in sorted(worst, reverse=True)[: args.errors]:
        case = cases[index]
        print("=" * 100)
        for span in classifier.classify(case.text):
            truth = char_labels(case)[span.start:span.end]
            mark = "" if all(t == span.data_class.value for t in truth) else "   <-- " + ",".join(sorted(set(truth)))
            print(f"--- {span.kind}/{span.data_class.value}{mark}\n{case.text[span.start:span.end]}")


if __name__ == "__main__":
    main()
