"""CPU per 2 KB prompt of the detector's widest regex passes: the pattern scan's one expression and the
name cues' quick test and parts, on `make bench`'s redaction prompts.

    .venv/bin/python -m tests.bench.bench_regex_passes [--rounds 5]
    cd OTHER_TREE && PYTHONPATH=. /path/to/.venv/bin/python /path/to/tests/bench/bench_regex_passes.py   # A/B

Each pass is timed alone (`time.process_time`), the median of the rounds: the scan's expression searched
from every match's start + 1 (each place it matches, as the scan's loop may resume there), and the name
cues of every region where names can occur (`NameCues.names`, quick test included). Prints the number of
matches and of names found too, so that two trees can be seen to find the same.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from filters.recognizers.context import TextContext
from filters.text_analyzer import AnalyzerSpec, TextAnalyzer
from tests.bench.load.bodies import redaction_texts


def _timed(run: Callable[[], int], rounds: int, texts: int) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(rounds):
        started = time.process_time()
        found = run()
        times.append((time.process_time() - started) * 1000 / texts)
    return statistics.median(times), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    analyzer = TextAnalyzer(AnalyzerSpec(use_rules_path="config/use_rules.yaml"))
    detector = analyzer.detector
    texts, _ = redaction_texts(200)
    regex = detector.recognizers.scanner.regex
    regions = []
    for text in texts:
        ctx = TextContext(text, analyzer.classifier.classify(text, None, "user"), detector.config.window,
                          detector.config.window_after)
        regions += [(text, start, end) for start, end, _ in detector.names.regions(ctx)]
    cues = detector.names.cues

    def scan() -> int:
        matches = 0
        for text in texts:
            match = regex.search(text)
            while match is not None:
                matches += 1
                match = regex.search(text, match.start() + 1)
        return matches

    def names() -> int:
        return sum(len(list(cues.names(text, start, end))) for text, start, end in regions)

    for label, run in (("pattern scan's expression", scan), ("name cues", names)):
        ms, found = _timed(run, args.rounds, len(texts))
        print(f"{label}: {ms:.3f} ms of CPU per prompt ({found} found)")


if __name__ == "__main__":
    main()
