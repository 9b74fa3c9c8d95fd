"""CPU per 2 KB prompt of the analysis process's work: `make bench`'s redaction prompts through the TextAnalyzer.

    .venv/bin/python -m tests.bench.bench_analysis_cpu [--rounds 3]
    cd OTHER_TREE && PYTHONPATH=. /work/wt/perf/.venv/bin/python /path/to/bench_analysis_cpu.py   # A/B

Each prompt is the redaction row's (tests/bench/load/bodies.py), with a leading word unique to its round
(a cold analysis every time, as the gateway's cache sees it), analysed as the analysis process analyses
a user message (data classes, findings, restricted uses, the shipped config). Prints the CPU ms
per prompt of each round (`time.process_time`).
"""

from __future__ import annotations

import argparse
import time

from filters.text_analyzer import AnalyzerSpec, TextAnalyzer
from tests.bench.load.bodies import redaction_texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    analyzer = TextAnalyzer(AnalyzerSpec(use_rules_path="config/use_rules.yaml"))
    texts, _ = redaction_texts(200)
    analyzer.analyse("Ticket warm.\n" + texts[-1], None, "user", "default", True)
    rounds = []
    for r in range(args.rounds):
        started = time.process_time()
        for i, text in enumerate(texts):
            analyzer.analyse(f"Ticket r{r}x{i}.\n{text}", None, "user", "default", True)
        rounds.append((time.process_time() - started) * 1000 / len(texts))
    print("CPU ms per 2 KB prompt, by round:", " ".join(f"{ms:.2f}" for ms in rounds))


if __name__ == "__main__":
    main()
