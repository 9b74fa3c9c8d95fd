"""Generates the blind secrets set: `generate(split)` writes cases from that split's templates only.

The test and dev splits share no template (each registers for one split) and no planted value: a dev case
that would plant a value the test split holds is drawn again.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

from . import (  # noqa: F401
    templates_dev_clean,
    templates_dev_secrets,
    templates_test_clean,
    templates_test_secrets,
    templates_test_secrets_more,
)
from .case import Builder, finish
from .disguise import Disguiser
from .registry import TEMPLATES, Ctx

SEEDS = {"test": 73190412, "dev": 5531}
COUNTS = {"test": 600, "dev": 600}
CLEAN_SHARE = 0.4
DISGUISE_RATE = 0.10
DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "blind_secrets"


def generate(split: str, count: int | None = None, seed: int | None = None,
             forbidden: set[str] | None = None) -> list[dict]:
    """`count` cases of `split`; values in `forbidden` are never planted (dev: the test split's values)."""
    seed = SEEDS[split] if seed is None else seed
    count = COUNTS[split] if count is None else count
    if split == "dev" and forbidden is None:
        forbidden = {v["plain"] for case in generate("test") for v in case["values"]}
    forbidden = forbidden or set()
    templates = TEMPLATES[split]
    clean = [t for t in templates if t[1]]
    dirty = [t for t in templates if not t[1]]
    prefix = "st" if split == "test" else "sd"
    used: Counter = Counter()
    out = []
    for i in range(count):
        for attempt in range(50):
            rng = random.Random(f"{split}:{seed}:{i}:{attempt}")
            group = clean if rng.random() < CLEAN_SHARE else dirty
            kind, is_clean, _, fn = rng.choices(group, weights=[t[2] for t in group])[0]
            b = Builder(disguiser=Disguiser(random.Random(rng.getrandbits(64)), DISGUISE_RATE))
            fn(Ctx(rng, None, "en_US", b, used))
            if any(v.plain in forbidden for v in b.values):
                continue
            out.append(finish(b, case_id=f"{prefix}-{i + 1:06d}", tenant="acme", kind=kind, locale="en_US",
                              clean=is_clean))
            break
        else:
            raise RuntimeError(f"case {i} of {split}: every draw plants a forbidden value")
    return out


def stats(cases: list[dict]) -> dict[str, Counter]:
    ent, fam, kind, dis = Counter(), Counter(), Counter(), Counter()
    for c in cases:
        kind[c["kind"]] += 1
        if not c["values"]:
            kind["(nothing to find)"] += 1
        for v in c["values"]:
            ent[v["entity"]] += 1
            if v.get("family"):
                fam[v["family"]] += 1
            dis[v["disguise"] or "none"] += 1
    return {"entity": ent, "family": fam, "kind": kind, "disguise": dis}


def write(split: str, cases: list[dict], directory: Path = DATA_DIR) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"blind_pii_{split}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
