"""Detection speed on assistant-text mix at 200 B, 2 KB and 20 KB: ours and stock Presidio, same run.

    .venv/bin/python tests/bench/bench_detect_speed.py [--texts 40 20 6]

Texts are cut from generated messages (prose, SQL, Python, tracebacks, tables, records, printed
output, schema, profiles), each text unique, none seen before by either analyzer (cold cache; one
warm-up text of another seed first). Ours gets the parts' spans; stock Presidio (every default
recognizer) the text. Prints CPU ms per text (`time.process_time`: the machine is shared, and wall
time counts the other engineers' processes too), the ratio stock / ours, and wall ms for reference.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from filters.recognizers import AccountDirectory
from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span
from tests.bench.stock_presidio import stock_analyzer
from tests.datagen.pii_cases import directory, make_case

SIZES = (200, 2_000, 20_000)
SEED = 777


def mixed_text(rng: random.Random, size: int) -> tuple[str, list[Span]]:
    """About `size` characters of generated messages, with their spans, cut at `size`."""
    text, spans = "", []
    while len(text) < size:
        case = make_case(rng).to_json()
        offset = len(text) + (2 if text else 0)
        text += ("\n\n" if text else "") + case["text"]
        spans += [Span(s["start"] + offset, s["end"] + offset, DataClass(s["data_class"]), False, s["kind"])
                  for s in case["spans"]]
    text = text[:size]
    return text, [Span(s.start, min(s.end, size), s.data_class, False, s.kind) for s in spans if s.start < size]


def timed(function, texts) -> tuple[list[float], float]:
    """CPU ms of each call, and the wall ms of them all."""
    times = []
    wall = time.perf_counter()
    for item in texts:
        started = time.process_time()
        function(item)
        times.append((time.process_time() - started) * 1000)
    return times, (time.perf_counter() - wall) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, nargs=3, default=[40, 20, 6], help="texts per size")
    args = parser.parse_args()
    ours = Detector.default(accounts={"acme": AccountDirectory(**directory())})
    stock = stock_analyzer()
    warm_text, warm_spans = mixed_text(random.Random(SEED - 1), 2_000)
    ours.detect(warm_text, warm_spans, "acme")
    stock.analyze(text=warm_text, language="en")
    rng = random.Random(SEED)
    print(f"{'size':>8}{'texts':>7}{'ours cpu ms':>13}{'stock cpu ms':>14}{'stock/ours':>12}"
          f"{'ours wall':>11}{'stock wall':>12}")
    for size, count in zip(SIZES, args.texts):
        texts = [mixed_text(rng, size) for _ in range(count)]
        mine, mine_wall = timed(lambda item: ours.detect(item[0], item[1], "acme"), texts)
        theirs, theirs_wall = timed(lambda item: stock.analyze(text=item[0], language="en"), texts)
        ours_ms, stock_ms = statistics.mean(mine), statistics.mean(theirs)
        print(f"{size:>8}{count:>7}{ours_ms:>13.1f}{stock_ms:>14.1f}{stock_ms / ours_ms:>11.1f}x"
              f"{mine_wall / count:>11.1f}{theirs_wall / count:>12.1f}")


if __name__ == "__main__":
    main()
