"""Build the blind benign splits: ``python -m tests.datagen.blind_benign.build``.

Deterministic: the seed fixes the split of every hand-written prompt (by a
hash of its text), the choice of surrounding context and the composed
questions. Splits are disjoint in wording: every hand-written prompt is in
exactly one split, and composed questions and wrappers use per-split
templates and schemas.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

from tests.datagen.blind_benign import (
    compose,
    contexts,
    prompts_after_freeze,
    prompts_after_freeze_voices,
    prompts_agent,
    prompts_alarming,
    prompts_finance,
    prompts_general,
    prompts_health,
    prompts_near_misses,
    prompts_people,
    prompts_policy,
    prompts_refusals,
    prompts_security,
    prompts_workplace,
)
from tests.datagen.blind_benign.items import Item

SEED = 20261201
SPLITS = ("test", "dev", "train")
TARGET = {"test": 400, "dev": 400, "train": 1000}
# Hand-written prompts go mostly to test and dev, so that the held-out
# splits are mostly a person's writing; train is topped up with composed ones.
SHARE = {"test": 0.33, "dev": 0.33}
DEV_SHARE_AFTER_FREEZE = 0.3
OUT = Path(__file__).resolve().parents[2] / "data"


def hand_written() -> list[Item]:
    items: list[Item] = []
    for module in (prompts_health, prompts_finance, prompts_people, prompts_security,
                   prompts_alarming, prompts_general, prompts_refusals, prompts_near_misses,
                   prompts_workplace):
        items += module.ITEMS
    items += prompts_policy.QUESTIONS + prompts_policy.DOCUMENTS
    items += (prompts_agent.TOOL_MANUALS + prompts_agent.SYSTEM_PROMPTS + prompts_agent.CONTEXT_FILES
              + prompts_agent.COMMITS_AND_TESTS + prompts_agent.TASKS)
    return items


def written_after_freeze() -> list[Item]:
    """Prompts written after the test split was frozen: they go to dev or train only."""
    return (prompts_after_freeze.ITEMS + prompts_after_freeze.TEXTS + prompts_after_freeze.AGENT_TEXTS
            + prompts_refusals.ITEMS_AFTER_FREEZE + prompts_after_freeze_voices.ITEMS)


def wording_key(text: str) -> str:
    """Text with case, punctuation and spacing removed: equal keys are the same prompt."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def split_of(text: str, seed: int, frozen: bool = False) -> str:
    digest = hashlib.sha256(f"{seed}:{wording_key(text)}".encode()).digest()
    share = int.from_bytes(digest[:8], "big") / 2**64
    if frozen:
        return "dev" if share < DEV_SHARE_AFTER_FREEZE else "train"
    if share < SHARE["test"]:
        return "test"
    if share < SHARE["test"] + SHARE["dev"]:
        return "dev"
    return "train"


def build(seed: int = SEED) -> dict[str, list[dict]]:
    by_split: dict[str, list[Item]] = {s: [] for s in SPLITS}
    seen: set[str] = set()
    stages = [(False, hand_written()), (True, written_after_freeze())]
    for frozen, item in ((f, i) for f, items in stages for i in items):
        key = wording_key(item.text)
        if key in seen:
            raise ValueError(f"hand-written prompt written twice: {item.text[:60]!r}")
        seen.add(key)
        by_split[split_of(item.text, seed, frozen)].append(item)
    for split in SPLITS:
        missing = TARGET[split] - len(by_split[split])
        for item in compose.composed(split, max(missing, 0), seed):
            if wording_key(item.text) not in seen:
                seen.add(wording_key(item.text))
                by_split[split].append(item)
    records: dict[str, list[dict]] = {}
    number = 0
    for split in SPLITS:
        rng = random.Random(f"{seed}:{split}:surround")
        records[split] = []
        for item in by_split[split]:
            number += 1
            extra = prompts_refusals.CONTEXT.get(item.text)
            messages, style, placement = contexts.surround(item, split, rng, extra)
            records[split].append({
                "id": f"b-{number:05d}", "messages": messages, "text": item.text,
                "placement": placement, "clause": None, "near": item.near,
                "category": item.category, "style": style, "expect": "allow",
            })
    return records


def write(records: dict[str, list[dict]], out: Path, splits: tuple[str, ...] = SPLITS) -> None:
    for split in splits:
        path = out / f"use_blind_benign_{split}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for record in records[split]:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--splits", nargs="+", choices=SPLITS, default=list(SPLITS))
    args = parser.parse_args()
    records = build(args.seed)
    write(records, args.out, tuple(args.splits))
    for split in args.splits:
        print(split, len(records[split]))


if __name__ == "__main__":
    main()
