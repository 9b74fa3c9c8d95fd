"""Write the set: the test split from one template pool and seed, the dev split from the other pool and seed.

The two splits share no template phrasing (each template has pool-0 phrasings for test and pool-1 for dev)
and no value: a dev case holding any value of the test split is drawn again. The test split is frozen as
committed (e39f1be); it was drawn before the it_IT city fix in values.py (Faker orders that locale's
cities by hash seed), so a redraw would differ in those city names: the committed file is the split.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from tests.datagen.blind_pii4.builder import Builder
from tests.datagen.blind_pii4.kit import Kit
from tests.datagen.blind_pii4.templates_data import DATA
from tests.datagen.blind_pii4.templates_keep import KEEP
from tests.datagen.blind_pii4.templates_ops import OPS
from tests.datagen.blind_pii4.templates_prose import PROSE
from tests.datagen.blind_pii4.values import Values

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "tests" / "data" / "blind_pii4"
TEMPLATES = PROSE + DATA + OPS + KEEP
SPLITS = {"test": (0, 40_401), "dev": (1, 40_402)}
SIZE = 800
DISGUISE_RATE = 0.12


def cases(split: str, avoid: set[str]) -> list[dict]:
    pool, seed = SPLITS[split]
    rng = random.Random(seed)
    values = Values(rng, seed)
    out: list[dict] = []
    while len(out) < SIZE:
        template = TEMPLATES[len(out) % len(TEMPLATES)] if rng.random() < 0.5 else rng.choice(TEMPLATES)
        builder = Builder(rng, DISGUISE_RATE)
        template(builder, Kit(rng, values, pool))
        if not builder.sound() or any(v["plain"] in avoid for v in builder.values):
            continue
        out.append({"id": f"b4-{split}-{len(out):04d}", "template": template.__name__, "text": builder.text(),
                    "values": builder.values, "keep": builder.keeps})
    return out


def write(split: str, rows: list[dict]) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"blind_pii_{split}.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(SPLITS), help="write one split only")
    parser.add_argument("--refreeze", action="store_true",
                        help="overwrite the committed test split (only for a label bug, said so in the commit)")
    args = parser.parse_args()
    frozen = OUT / "blind_pii_test.jsonl"
    test: list[dict] = []
    if args.only in (None, "test"):
        if frozen.exists() and not args.refreeze:
            print(f"{frozen}: frozen, kept as committed (--refreeze to overwrite)")
        else:
            test = cases("test", set())
            print(write("test", test), len(test))
    if args.only in (None, "dev"):
        if frozen.exists():  # the committed test split, not a regeneration of it
            test = [json.loads(line) for line in frozen.read_text(encoding="utf-8").splitlines() if line.strip()]
        dev = cases("dev", {v["plain"] for row in test for v in row["values"]})
        print(write("dev", dev), len(dev))


if __name__ == "__main__":
    main()
