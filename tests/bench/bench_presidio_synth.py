"""Recall and precision per entity on Presidio's synthetic dataset: ours and stock Presidio, same run.

    .venv/bin/python tests/bench/bench_presidio_synth.py [--limit N]

Reads ../shared/eval/presidio_synth_dataset_v2.json (1,500 labelled sentences; Presidio was tuned on
it, so it flatters Presidio). A labelled value counts as found when a result of the same entity
overlaps it; `chars` is the share of its characters covered. A result counts as correct when it
overlaps a labelled value of its entity. Entities we do not cover (GPE, ORGANIZATION, TITLE, AGE,
NRP, ZIP_CODE, DOMAIN_NAME) are skipped; DATE_TIME values count as DATE_OF_BIRTH when a birth
word comes shortly before them (the others are ignored on both sides). Stock Presidio's LOCATION
results stand for STREET_ADDRESS, its DATE_TIME for DATE_OF_BIRTH.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict

from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span
from tests.bench.stock_presidio import EVAL_DIR, stock_analyzer, stock_spans

COVERED = {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS",
           "STREET_ADDRESS", "US_DRIVER_LICENSE", "DATE_OF_BIRTH"}
STOCK_NAMES = {"LOCATION": "STREET_ADDRESS", "DATE_TIME": "DATE_OF_BIRTH"}
BIRTH = re.compile(r"born|birth|dob|d\.o\.b", re.IGNORECASE)


def gold_of(case: dict) -> tuple[list[tuple[str, int, int]], list[tuple[int, int]]]:
    """The labelled values we cover, and the DATE_TIME values to ignore (no birth context)."""
    gold, ignored = [], []
    text = case["full_text"]
    for span in case["spans"]:
        entity, start, end = span["entity_type"], span["start_position"], span["end_position"]
        if entity == "DATE_TIME":
            if BIRTH.search(text[max(0, start - 60):start]):
                gold.append(("DATE_OF_BIRTH", start, end))
            else:
                ignored.append((start, end))
        elif entity in COVERED:
            gold.append((entity, start, end))
    return gold, ignored


class Tally:
    def __init__(self) -> None:
        self.gold = defaultdict(int)
        self.found = defaultdict(int)
        self.chars = defaultdict(float)
        self.predicted = defaultdict(int)
        self.correct = defaultdict(int)

    def add(self, gold: list, ignored: list, predicted: list) -> None:
        for entity, start, end in gold:
            hits = [(s, e) for ent, s, e in predicted if ent == entity and s < end and start < e]
            self.gold[entity] += 1
            self.found[entity] += bool(hits)
            covered = set()
            for s, e in hits:
                covered.update(range(max(s, start), min(e, end)))
            self.chars[entity] += len(covered) / max(1, end - start)
        for entity, start, end in predicted:
            if entity not in COVERED:
                continue
            if entity == "DATE_OF_BIRTH" and any(s < end and start < e for s, e in ignored):
                continue
            self.predicted[entity] += 1
            self.correct[entity] += any(ent == entity and s < end and start < e for ent, s, e in gold)

    def row(self, entity: str) -> tuple[float, float, float]:
        recall = self.found[entity] / self.gold[entity] if self.gold[entity] else float("nan")
        chars = self.chars[entity] / self.gold[entity] if self.gold[entity] else float("nan")
        precision = self.correct[entity] / self.predicted[entity] if self.predicted[entity] else float("nan")
        return recall, chars, precision


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    parser.add_argument("--show", default="", help="print our misses of this entity")
    args = parser.parse_args()
    cases = json.loads((EVAL_DIR / "presidio_synth_dataset_v2.json").read_text())
    if args.limit:
        cases = cases[:args.limit]
    ours, stock = Detector.default(), stock_analyzer()
    ours_tally, stock_tally = Tally(), Tally()
    ours_time = stock_time = 0.0
    for case in cases:
        text = case["full_text"]
        gold, ignored = gold_of(case)
        started = time.perf_counter()
        detections = ours.detect(text, [Span(0, len(text), DataClass.INPUT, False, "prose")])
        ours_time += time.perf_counter() - started
        predicted = [(d.entity, d.start, d.end) for d in detections]
        ours_tally.add(gold, ignored, predicted)
        if args.show:
            for entity, start, end in gold:
                if entity == args.show and not any(p[0] == entity and p[1] < end and start < p[2] for p in predicted):
                    print(f"MISS {text[start:end]!r} in {text!r}")
        started = time.perf_counter()
        baseline = stock_spans(stock, text)
        stock_time += time.perf_counter() - started
        stock_tally.add(gold, ignored, [(STOCK_NAMES.get(e, e), s, t) for e, s, t in baseline])
    print(f"{len(cases)} sentences; ours {ours_time / len(cases) * 1000:.1f} ms each, "
          f"stock Presidio {stock_time / len(cases) * 1000:.1f} ms each")
    print(f"{'entity':<20}{'n':>5} | {'ours: recall':>12}{'chars':>7}{'prec':>7} | "
          f"{'stock: recall':>13}{'chars':>7}{'prec':>7} | recall >= stock")
    for entity in sorted(COVERED):
        n = ours_tally.gold[entity]
        r, c, p = ours_tally.row(entity)
        sr, sc, sp = stock_tally.row(entity)
        verdict = "yes" if n == 0 or r >= sr else "NO"
        print(f"{entity:<20}{n:>5} | {r:>12.3f}{c:>7.3f}{p:>7.3f} | {sr:>13.3f}{sc:>7.3f}{sp:>7.3f} | {verdict}")


if __name__ == "__main__":
    main()
