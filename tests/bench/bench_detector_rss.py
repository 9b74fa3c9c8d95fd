"""Resident memory of a process holding the detector (an analysis process's load), after one 20 KB text.

    .venv/bin/python -m tests.bench.bench_detector_rss

Run it on two checkouts to see what a change costs: VmRSS is read from /proc/self/status once the
detector is built and has analysed the first 20 KB of README.md as prose.
"""

from __future__ import annotations

from pathlib import Path

from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span

ROOT = Path(__file__).resolve().parents[2]


def vm_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    detector = Detector.default()
    text = (ROOT / "README.md").read_text(encoding="utf-8")[:20000]
    detector.detect(text, [Span(0, len(text), DataClass.INPUT, False, "prose")])
    print(f"VmRSS with the detector loaded, after one 20 KB text: {vm_rss_mb():.1f} MB")


if __name__ == "__main__":
    main()
