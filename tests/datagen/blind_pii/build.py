"""Generates the blind PII set: `generate(seed, split)` writes cases from that split's templates only.

The test and dev splits share no template (each template registers for one split) and no planted
value: a dev case that would plant a value the test split holds is drawn again.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

from faker import Faker

from . import (  # noqa: F401
    templates_address,
    templates_agent,
    templates_code,
    templates_data,
    templates_files,
    templates_more,
    templates_prose,
    templates_records,
    templates_web,
)
from .case import Builder, finish
from .disguise import Disguiser
from .pool import LOCALES
from .registry import TEMPLATES, Ctx

SEEDS = {"test": 20261201, "dev": 4127}
COUNTS = {"test": 800, "dev": 800}
CLEAN_SHARE = 0.2
DISGUISE_RATE = 0.12
# The two splits draw locales with different weights (en_US heavier in test, the rest spread in dev).
LOCALE_WEIGHTS = {
    "test": {loc: (6 if loc == "en_US" else 3 if loc in ("en_GB", "de_DE", "fr_FR", "es_ES") else 2) for loc in LOCALES},
    "dev": {loc: (4 if loc == "en_US" else 2 if loc in ("fi_FI", "hu_HU", "ja_JP", "vi_VN", "ru_RU") else 2) for loc in LOCALES},
}
DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def _fakers() -> dict[str, Faker]:
    return {loc: Faker(loc) for loc in LOCALES}


def generate(split: str, count: int | None = None, seed: int | None = None,
             forbidden: set[str] | None = None) -> list[dict]:
    """`count` cases of `split`; values in `forbidden` are never planted (dev: the test split's values)."""
    seed = SEEDS[split] if seed is None else seed
    count = COUNTS[split] if count is None else count
    if split == "dev" and forbidden is None:
        forbidden = {v["plain"] for case in generate("test") for v in case["values"]}
    forbidden = forbidden or set()
    fakers = _fakers()
    templates = TEMPLATES[split]
    clean = [t for t in templates if t[1]]
    dirty = [t for t in templates if not t[1]]
    locs = list(LOCALE_WEIGHTS[split])
    weights = [LOCALE_WEIGHTS[split][loc] for loc in locs]
    prefix = "t" if split == "test" else "d"
    out = []
    for i in range(count):
        for attempt in range(50):
            rng = random.Random(f"{split}:{seed}:{i}:{attempt}")
            locale = rng.choices(locs, weights=weights)[0]
            fk = fakers[locale]
            fk.seed_instance(rng.getrandbits(64))
            group = clean if rng.random() < CLEAN_SHARE else dirty
            kind, is_clean, _, fn = rng.choices(group, weights=[t[2] for t in group])[0]
            b = Builder(disguiser=Disguiser(random.Random(rng.getrandbits(64)), DISGUISE_RATE))
            fn(Ctx(rng, fk, locale, b))
            if any(v.plain in forbidden for v in b.values):
                continue
            out.append(finish(b, case_id=f"{prefix}-{i + 1:06d}", tenant="acme", kind=kind, locale=locale,
                              clean=is_clean))
            break
        else:
            raise RuntimeError(f"case {i} of {split}: every draw plants a forbidden value")
    return out


def stats(cases: list[dict]) -> dict[str, Counter]:
    ent, fam, kind, dis, loc = Counter(), Counter(), Counter(), Counter(), Counter()
    for c in cases:
        kind[c["kind"]] += 1
        loc[c["locale"]] += 1
        if not c["values"]:
            kind["(nothing sensitive)"] += 1
        for v in c["values"]:
            ent[v["entity"]] += 1
            if v.get("family"):
                fam[v["family"]] += 1
            dis[v["disguise"] or "none"] += 1
    return {"entity": ent, "family": fam, "kind": kind, "disguise": dis, "locale": loc}


def write(split: str, cases: list[dict], directory: Path = DATA_DIR) -> Path:
    path = directory / f"blind_pii_{split}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
