"""Our detector's CPU time alone on the speed bench's texts (2 KB and 20 KB), best of three passes.

    PYTHONPATH=CHECKOUT .venv/bin/python -m tests.bench.bench_detect_cpu LABEL

Run it from two checkouts in turn (main, then a branch, then again) to pair what a change costs: the
texts are the same (bench_detect_speed's seeds), and time.process_time counts this process only, so the
load of a shared machine moves the figure less than wall time.
"""

from __future__ import annotations

import random
import sys
import time

from filters.recognizers import AccountDirectory
from filters.recognizers.detector import Detector
from tests.bench.bench_detect_speed import SEED, mixed_text
from tests.datagen.pii_cases import directory


def main() -> None:
    label = sys.argv[1] if len(sys.argv) > 1 else "this checkout"
    ours = Detector.default(accounts={"acme": AccountDirectory(**directory())})
    warm_text, warm_spans = mixed_text(random.Random(SEED - 1), 2_000)
    ours.detect(warm_text, warm_spans, "acme")
    rng = random.Random(SEED)
    for size, count in ((2_000, 20), (20_000, 4)):
        texts = [mixed_text(rng, size) for _ in range(count)]
        passes = []
        for _ in range(3):
            started = time.process_time()
            for text, spans in texts:
                ours.detect(text, spans, "acme")
            passes.append((time.process_time() - started) * 1000 / count)
        print(f"{label} {size:>6} B: {min(passes):.1f} ms CPU per text (best of 3, {count} texts)")


if __name__ == "__main__":
    main()
