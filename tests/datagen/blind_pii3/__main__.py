"""Write tests/data/blind_pii3/blind_pii_{test,dev}.jsonl.

    .venv/bin/python -m tests.datagen.blind_pii3            # both splits
    .venv/bin/python -m tests.datagen.blind_pii3 --only dev # the dev split only (the test split stays as committed)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .build import build, used

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "tests" / "data" / "blind_pii3"
SEEDS = {"test": 310_007, "dev": 420_013}
COUNT = 800


def write(path: Path, cases: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")


def read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("test", "dev"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    test_path, dev_path = args.out / "blind_pii_test.jsonl", args.out / "blind_pii_dev.jsonl"
    if args.only != "dev":
        write(test_path, build("test", SEEDS["test"], COUNT, set()))
    if args.only != "test":
        write(dev_path, build("dev", SEEDS["dev"], COUNT, used(read(test_path))))


if __name__ == "__main__":
    main()
