"""The use check's CPU per 2 KB prompt with the description and exception patterns read in every window
(as before the report floor skipped them) and as now, taking turns in one process.

    .venv/bin/python -m tests.bench.bench_use_pattern_reads [--rounds 5]

The prompts are `make bench`'s redaction row's (tests/bench/load/bodies.py), each with a leading word new
to its round. "every window": the rules, the describing spans and `scores(text)` without a floor;
"now": `TextAnalyzer.use_hits` as the analysis process runs it for a user message.
"""

from __future__ import annotations

import argparse
import time

from filters.text_analyzer import AnalyzerSpec, TextAnalyzer
from tests.bench.load.bodies import redaction_texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    analyzer = TextAnalyzer(AnalyzerSpec(use_rules_path="config/use_rules.yaml"))
    classifier = analyzer.use_classifier
    assert classifier is not None
    texts, _ = redaction_texts(200)

    def every_window(text: str) -> None:
        analyzer.use_rules.evaluate(text)
        classifier.describing_spans(text)
        classifier.scores(text)

    def now(text: str) -> None:
        analyzer.use_hits(text)

    for round_ in range(args.rounds):
        line = []
        for name, read in (("every window", every_window), ("now", now)):
            started = time.process_time()
            for i, text in enumerate(texts):
                read(f"Ticket {name[0]}{round_}x{i}.\n{text}")
            line.append(f"{name} {(time.process_time() - started) * 1000 / len(texts):.2f} ms")
        print("CPU per prompt:", ", ".join(line))


if __name__ == "__main__":
    main()
