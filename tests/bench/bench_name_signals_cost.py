"""What the name-likeness signals cost: one process, two detectors (signals on and off), the same texts in turn.

    .venv/bin/python -m tests.bench.bench_name_signals_cost

`bench_detect_speed`'s mixed texts of 2 KB (20) and 20 KB (4), each made unique per round and
detector by a leading word so that nothing is cached; three rounds, the order of the two detectors
swapped every round so that the machine's load falls on both alike.
"""

from __future__ import annotations

import random
import time

from filters.recognizers.detector import Detector
from filters.segments import Span
from tests.bench.bench_detect_speed import mixed_text


def shifted(spans: list[Span], by: int) -> list[Span]:
    return [Span(s.start + (by if s.start else 0), s.end + by, s.data_class, s.stated, s.kind) for s in spans]


def main() -> None:
    on, off = Detector.default(), Detector.default()
    off.names.signals.spec = off.names.signals.spec.model_copy(update={"enabled": False})
    rng = random.Random(7)
    for size, count in ((2000, 20), (20000, 4)):
        texts = [mixed_text(rng, size) for _ in range(count)]
        totals = {"on": 0.0, "off": 0.0}
        for round_ in range(3):
            order = (("on", on), ("off", off)) if round_ % 2 == 0 else (("off", off), ("on", on))
            for text, spans in texts:
                for name, detector in order:
                    lead = f"u{round_}{name} "
                    started = time.perf_counter()
                    detector.detect(lead + text, shifted(list(spans), len(lead)))
                    totals[name] += time.perf_counter() - started
        runs = 3 * count
        print(f"{size:>6} B: with the name signals {totals['on'] / runs * 1000:.1f} ms, "
              f"without {totals['off'] / runs * 1000:.1f} ms per text")


if __name__ == "__main__":
    main()
