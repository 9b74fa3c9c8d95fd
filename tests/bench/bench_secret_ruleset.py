"""A candidate secret scanner beside ours, on cases in the blind set's format: secrets found, secret-free
strings kept, CPU per text. CredSweeper (PyPI `credsweeper`) is not a dependency: run this with a Python
that has it, and the project on the path:

    python3 -m venv /tmp/csvenv && /tmp/csvenv/bin/pip install credsweeper pyyaml pydantic presidio-analyzer ...
    PYTHONPATH=$PWD .venv/bin/python -m tests.datagen.secrets_dev /tmp/secrets_dev
    PYTHONPATH=$PWD:/tmp/csvenv/lib/python3.11/site-packages .venv/bin/python -m tests.bench.bench_secret_ruleset /tmp/secrets_dev/blind_pii_dev.jsonl

Ours is the detector alone (no span inference, no policy), so both sides see the bare text. A value
counts as found when a reported span covers it; a must-keep string counts as lost when a reported span
overlaps it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from filters.recognizers.detector import Detector
from filters.segments import DataClass, Span


def ours(detector: Detector, text: str) -> list[tuple[int, int]]:
    return [(d.start, d.end) for d in detector.detect(text, [Span(0, len(text), DataClass.INPUT, False, "code")])]


def credsweeper_spans(sweeper: object, text: str) -> list[tuple[int, int]]:
    """CredSweeper's findings as spans of the text (each reported value located in its line)."""
    from credsweeper.file_handler.string_content_provider import StringContentProvider

    lines = text.split("\n")
    candidates = sweeper.file_scan(StringContentProvider(lines))   # type: ignore[attr-defined]
    if getattr(sweeper, "ml_validator", None) is not None and candidates:
        sweeper.credential_manager.set_credentials(candidates)   # type: ignore[attr-defined]
        sweeper.post_processing(None)   # type: ignore[attr-defined]
        candidates = sweeper.credential_manager.get_credentials()   # type: ignore[attr-defined]
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    spans = []
    for candidate in candidates:
        for data in candidate.line_data_list:
            base = offsets[data.line_num - 1] if 0 < data.line_num <= len(lines) else 0
            start = base + data.value_start if data.value_start >= 0 else text.find(data.value)
            spans.append((start, start + len(data.value)))
    return spans


def score(cases: list[dict], find) -> tuple[int, int, int, int, float]:
    found = values = kept = keeps = 0
    cpu = 0.0
    for case in cases:
        t0 = time.process_time()
        spans = find(case["text"])
        cpu += time.process_time() - t0
        for value in case["values"]:
            values += 1
            found += any(s <= value["start"] and value["end"] <= e for s, e in spans)
        for keep in case["keep"]:
            keeps += 1
            at = case["text"].find(keep)
            kept += not any(s < at + len(keep) and at < e for s, e in spans)
    return found, values, kept, keeps, cpu / max(1, len(cases))


def main(path: str) -> None:
    cases = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    detector = Detector.default()
    rows = [("magic-gateway detector", lambda text: ours(detector, text))]
    try:
        from credsweeper.app import CredSweeper
        rules_only, with_ml = CredSweeper(ml_threshold=0), CredSweeper()
        rows.append(("credsweeper, rules only", lambda text: credsweeper_spans(rules_only, text)))
        rows.append(("credsweeper, rules + ML", lambda text: credsweeper_spans(with_ml, text)))
    except ImportError:
        print("credsweeper is not importable: only ours is measured")
    print(f"{len(cases)} cases ({path})")
    for name, find in rows:
        find(cases[0]["text"])   # warm up
        found, values, kept, keeps, cpu = score(cases, find)
        print(f"{name:<26} secrets found {found}/{values}   kept {kept}/{keeps}   CPU {cpu * 1000:.2f} ms a text")


if __name__ == "__main__":
    main(sys.argv[1])
