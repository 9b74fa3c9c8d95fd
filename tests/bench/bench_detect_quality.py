"""Masking quality on the labelled assistant-style cases: ours and stock Presidio, in the same run.

    .venv/bin/python tests/bench/bench_detect_quality.py            # the frozen test split
    .venv/bin/python tests/bench/bench_detect_quality.py --dev      # the tuning split (another seed)
    .venv/bin/python tests/bench/bench_detect_quality.py --dev --show   # what we miss or damage
    .venv/bin/python tests/bench/bench_detect_quality.py --classifier   # spans from filters.classify.spans

Every detection is replaced by [ENTITY], as masking would. `values hidden`: the share of labelled
sensitive values no longer in the text; `kept`: the share of must-keep strings still in it byte for
byte. Per entity: the share of its values hidden. Our detector gets the cases' spans (or, with
--classifier, the spans the span inference gives) and the tenant's account directory; stock Presidio
(every default recognizer, default threshold) gets the text.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

from filters.recognizers import AccountDirectory
from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span
from tests.bench.stock_presidio import masked, stock_analyzer, stock_spans
from tests.datagen.pii_cases import DEV_SEED, directory, generate, load_test


class Score:
    def __init__(self) -> None:
        self.values = self.hidden = self.keep = self.kept = 0
        self.entity_total: dict[str, int] = defaultdict(int)
        self.entity_hidden: dict[str, int] = defaultdict(int)
        self.seconds = 0.0

    def add(self, case: dict, text: str) -> tuple[list[dict], list[str]]:
        missed = [v for v in case["values"] if v["value"] in text]
        damaged = [k for k in case["keep"] if k not in text]
        self.values += len(case["values"])
        self.hidden += len(case["values"]) - len(missed)
        self.keep += len(case["keep"])
        self.kept += len(case["keep"]) - len(damaged)
        for value in case["values"]:
            self.entity_total[value["entity"]] += 1
            self.entity_hidden[value["entity"]] += value not in missed
        return missed, damaged

    def line(self, name: str, cases: int) -> str:
        return (f"{name:<16} values hidden {self.hidden / self.values:7.2%} ({self.hidden}/{self.values})   "
                f"kept {self.kept / self.keep:7.2%} ({self.kept}/{self.keep})   "
                f"{self.seconds / cases * 1000:6.1f} ms/case")


def spans_of(case: dict) -> list[Span]:
    return [Span(s["start"], s["end"], DataClass(s["data_class"]), False, s["kind"]) for s in case["spans"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="the tuning split instead of the frozen test split")
    parser.add_argument("--count", type=int, default=400, help="dev cases to generate")
    parser.add_argument("--show", action="store_true", help="print our misses and damage")
    parser.add_argument("--no-stock", action="store_true", help="skip stock Presidio")
    parser.add_argument("--classifier", action="store_true", help="spans from filters.classify.spans, not the cases'")
    args = parser.parse_args()
    classifier = None
    if args.classifier:
        from filters.classify.spans import SpanClassifier
        classifier = SpanClassifier.default()
    cases = [c.to_json() for c in generate(DEV_SEED, args.count)] if args.dev else load_test()
    ours = Detector.default(accounts={"acme": AccountDirectory(**directory())})
    stock = None if args.no_stock else stock_analyzer()
    mine, theirs = Score(), Score()
    for case in cases:
        text = case["text"]
        started = time.perf_counter()
        spans = classifier.classify(text, None, "user") if classifier is not None else spans_of(case)
        detections = ours.detect(text, spans, case["tenant"])
        mine.seconds += time.perf_counter() - started
        missed, damaged = mine.add(case, masked(text, [(d.entity, d.start, d.end) for d in detections]))
        if args.show and (missed or damaged):
            for value in missed:
                print(f"MISS {value['entity']:<20} {value['value']!r}")
            for keep in damaged:
                hits = [(d.entity, text[d.start:d.end]) for d in detections if keep.find(text[d.start:d.end]) >= 0]
                print(f"DAMAGED {keep!r} by {hits}")
        if stock is not None:
            started = time.perf_counter()
            found = stock_spans(stock, text)
            theirs.seconds += time.perf_counter() - started
            theirs.add(case, masked(text, found))
    split = "dev" if args.dev else "test"
    print(f"{len(cases)} {split} cases, {mine.values} sensitive values, {mine.keep} must-keep strings")
    print(mine.line("ours", len(cases)))
    if stock is not None:
        print(theirs.line("stock Presidio", len(cases)))
    print(f"{'entity':<22}{'n':>5}{'ours':>9}{'stock':>9}")
    for entity in sorted(mine.entity_total):
        n = mine.entity_total[entity]
        stock_share = f"{theirs.entity_hidden[entity] / n:9.2%}" if stock is not None else ""
        print(f"{entity:<22}{n:>5}{mine.entity_hidden[entity] / n:9.2%}{stock_share}")


if __name__ == "__main__":
    main()
