"""Build the three blind restricted-use splits from the hand-written prompts, deterministically.

    PYTHONPATH=. python -m tests.datagen.blind_use.build            # writes tests/data/use_blind_restricted_*.jsonl
    PYTHONPATH=. python -m tests.datagen.blind_use.build --check    # fails if a file would change

Each split has its own seed and its own context templates; a prompt is written once, in one split.
About 15% of the restricted single-turn prompts are moved outside the user's turn
(see `placements.py`), a few benign ones too (placement must not be the signal), and about a
quarter of the rest are wrapped in a realistic context (see `wrappers.py`).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from .placements import PLACEMENTS, place
from .prompt_file import Prompt, read_split
from .wrappers import WRAPPERS, wrap

SPLITS = {"test": 1, "dev": 10001, "train": 20001}
PROMPTS = Path(__file__).parent / "prompts"
DATA = Path(__file__).resolve().parents[2] / "data"
RESTRICTED_MOVED = 0.15
BENIGN_MOVED = 0.06
WRAPPED = 0.25


def output_path(split: str) -> Path:
    return DATA / f"use_blind_restricted_{split}.jsonl"


def _case(prompt: Prompt, number: int, rng: random.Random) -> dict[str, object]:
    placement = "user"
    if len(prompt.turns) > 1:
        roles = ["user", "assistant"] * len(prompt.turns)
        messages = [{"role": role, "content": turn} for role, turn in zip(roles, prompt.turns)]
    else:
        moved = RESTRICTED_MOVED if prompt.expect != "allow" else BENIGN_MOVED
        draw = rng.random()
        if draw < moved:
            placement = rng.choice(PLACEMENTS if prompt.expect != "allow" else ("tool_result", "system", "assistant_turn"))
            messages = place(prompt.text, placement, prompt.split, rng)
        elif draw < moved + WRAPPED:
            messages = wrap(prompt.text, rng.choice(WRAPPERS), prompt.split, rng)
        else:
            messages = [{"role": "user", "content": prompt.text}]
    return {
        "id": f"r-{number:05d}",
        "messages": messages,
        "text": prompt.text,
        "placement": placement,
        "clause": prompt.clause,
        "also": list(prompt.also),
        "category": prompt.category,
        "style": prompt.style,
        "expect": prompt.expect,
    }


def build_split(split: str) -> list[dict[str, object]]:
    rng = random.Random(f"blind-use-{split}")
    prompts = read_split(PROMPTS, split)
    return [_case(prompt, SPLITS[split] + index, rng) for index, prompt in enumerate(prompts)]


def render(cases: list[dict[str, object]]) -> str:
    return "".join(json.dumps(case, ensure_ascii=False) + "\n" for case in cases)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a written file differs")
    parser.add_argument("--split", choices=sorted(SPLITS), action="append", help="only these splits")
    args = parser.parse_args(argv)
    stale = []
    for split in args.split or list(SPLITS):
        text = render(build_split(split))
        path = output_path(split)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
            continue
        path.write_text(text, encoding="utf-8")
        print(f"{path.name}: {text.count(chr(10))} cases")
    if stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
