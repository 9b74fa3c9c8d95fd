"""Every analysis of the redaction prompts and the blind dev splits, one line each: to check that a speed-up
changes no result (run it in both trees, then `cmp` the two files).

    .venv/bin/python -m tests.bench.analysis_dump OUT
    cd OTHER_TREE && PYTHONPATH=. /path/to/.venv/bin/python /path/to/tests/bench/analysis_dump.py OUT2

Each line holds the spans, detections and rule hits (`repr`) of one text: the 200 prompts of `make
bench`'s redaction row (a fixed leading word each), the dev splits of the four blind PII sets as user
messages, and the blind use sets' and the probes' dev splits as user messages and again as tool results. Dev splits
only: the frozen test splits are never read here.
"""

from __future__ import annotations

import json
import sys

from filters.text_analyzer import AnalyzerSpec, TextAnalyzer
from tests.bench.load.bodies import redaction_texts

PII_DEV = ["tests/data/blind_pii_dev.jsonl", "tests/data/blind_pii3/blind_pii_dev.jsonl",
           "tests/data/blind_secrets/blind_pii_dev.jsonl", "tests/data/blind_pii4/blind_pii_dev.jsonl"]
USE_DEV = ["tests/data/use_blind_benign_dev.jsonl", "tests/data/use_blind_restricted_dev.jsonl",
           "tests/data/use_blind2_benign_dev.jsonl", "tests/data/use_blind2_restricted_dev.jsonl",
           "tests/data/use_probes_benign_dev.jsonl", "tests/data/use_probes_restricted_dev.jsonl"]


def items() -> list[tuple[str, str, str, str]]:
    """(key, text, role, tenant) of every text."""
    texts, _ = redaction_texts(200)
    found = [(f"redaction-{i}", f"Ticket eq{i}.\n{t}", "user", "default") for i, t in enumerate(texts)]
    for path in PII_DEV + USE_DEV:
        with open(path, encoding="utf-8") as lines:
            for n, line in enumerate(lines):
                row = json.loads(line)
                found.append((f"{path}:{n}", row["text"], "user", row.get("tenant") or "default"))
                if path in USE_DEV:
                    found.append((f"{path}:{n}:tool", row["text"], "tool", "default"))
    return found


def main() -> None:
    analyzer = TextAnalyzer(AnalyzerSpec(use_rules_path="config/use_rules.yaml"))
    detections = hits = 0
    every = items()
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for key, text, role, tenant in every:
            analysis = analyzer.analyse(text, None, role, tenant, True)
            detections += len(analysis.detections)
            hits += len(analysis.rule_hits)
            out.write(f"{key}\t{analysis.spans!r}\t{analysis.detections!r}\t{analysis.rule_hits!r}\n")
    print(f"{len(every)} texts, {detections} detections, {hits} rule hits")


if __name__ == "__main__":
    main()
