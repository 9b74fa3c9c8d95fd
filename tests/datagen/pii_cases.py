"""Seeded generator of labelled assistant-style messages for PII, PHI and secret detection.

A case is a message as an analytics assistant's users write it: prose around SQL and Python, pasted
tracebacks, markdown and CSV tables, JSON records, printed output, schema descriptions and users'
profile fields. It carries the sensitive values it holds (entity, offsets, value), the harmless
strings that must reach the provider unchanged (order ids, timestamps, versions, hashes, UUIDs,
column names, `self.re`, `dt.date`, SQL dates, documentation URLs, aggregate medical questions), and
its spans (kind and data class, as the span inference would give them).

    .venv/bin/python tests/datagen/pii_cases.py      # writes tests/data/pii_test.jsonl (frozen)
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pii_parts_output  # noqa: F401  (registers the output parts)
from pii_parts import PARTS, Cast, E, K
from pii_values import Values

TEST_SEED = 20260612
DEV_SEED = 4242
TEST_COUNT = 400
TENANT = "acme"
TEST_PATH = Path(__file__).resolve().parents[1] / "data" / "pii_test.jsonl"
KIND_CLASS = {"prose": "input", "code": "input", "sql": "input", "table": "output", "record": "output",
              "traceback": "output", "log": "output", "schema": "metadata", "profile": "account"}
# The workspace users of tenant `acme` (their names are not among the generated people's).
DIRECTORY = [("jdoe", "jane.doe@acme.example", "Jane Doe"), ("kasante", "kofi.asante@acme.example", "Kofi Asante"),
             ("ingrid.b", "ingrid.berg@acme.example", "Ingrid Berg"), ("rshankar", "ravi.shankar@acme.example", "Ravi Shankar")]


def directory() -> dict[str, list[str]]:
    """The tenant's account directory, as AccountDirectory's fields."""
    return {"usernames": [u for u, _, _ in DIRECTORY], "emails": [e for _, e, _ in DIRECTORY],
            "names": [n for _, _, n in DIRECTORY]}


@dataclass
class Case:
    text: str = ""
    values: list[dict] = field(default_factory=list)
    keep: list[str] = field(default_factory=list)
    spans: list[dict] = field(default_factory=list)
    tenant: str = TENANT

    def to_json(self) -> dict:
        return {"text": self.text, "tenant": self.tenant, "values": self.values, "keep": self.keep,
                "spans": self.spans}


def _render(case: Case, kind: str, pieces: list, fence: str) -> None:
    start = len(case.text)
    if fence:
        case.text += f"```{fence}\n"
    for piece in pieces:
        if isinstance(piece, E):
            case.values.append({"entity": piece.entity, "start": len(case.text),
                                "end": len(case.text) + len(piece.value), "value": piece.value})
            case.text += piece.value
        elif isinstance(piece, K):
            case.keep.append(piece.value)
            case.text += piece.value
        else:
            case.text += piece
    if fence:
        case.text += "\n```"
    case.spans.append({"start": start, "end": len(case.text), "kind": kind, "data_class": KIND_CLASS[kind]})


def _consistent(case: Case) -> bool:
    """Every occurrence of a value is labelled; every must-keep string occurs outside the values."""
    labelled = [(v["start"], v["end"]) for v in case.values]
    for value in case.values:
        pos = case.text.find(value["value"])
        while pos >= 0:
            if not any(s <= pos and pos + len(value["value"]) <= e for s, e in labelled):
                return False
            pos = case.text.find(value["value"], pos + 1)
    for keep in case.keep:
        pos, free = case.text.find(keep), False
        while pos >= 0 and not free:
            free = not any(s < pos + len(keep) and pos < e for s, e in labelled)
            pos = case.text.find(keep, pos + 1)
        if not free:
            return False
    return True


def make_case(rng: random.Random) -> Case:
    """One message of one to four parts."""
    values = Values(rng)
    while True:
        case = Case()
        cast = Cast.draw(values, DIRECTORY)
        count = rng.choice([1, 2, 2, 3, 3, 4])
        names = rng.sample(sorted(PARTS), count)
        for index, name in enumerate(names):
            kind, pieces, fence = PARTS[name](values, cast)
            if index:
                case.text += "\n\n"
            _render(case, kind, pieces, fence)
        case.keep = sorted(set(case.keep))
        if _consistent(case):
            return case


def generate(seed: int, count: int) -> list[Case]:
    rng = random.Random(seed)
    return [make_case(rng) for _ in range(count)]


def load_test() -> list[dict]:
    """The frozen test split."""
    return [json.loads(line) for line in TEST_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_test() -> None:
    TEST_PATH.parent.mkdir(parents=True, exist_ok=True)
    with TEST_PATH.open("w", encoding="utf-8") as out:
        for case in generate(TEST_SEED, TEST_COUNT):
            out.write(json.dumps(case.to_json(), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if TEST_PATH.exists() and "--force" not in sys.argv:
        sys.exit(f"{TEST_PATH} exists: the test split is frozen (pass --force to overwrite)")
    write_test()
    print(f"wrote {TEST_COUNT} cases to {TEST_PATH}")
