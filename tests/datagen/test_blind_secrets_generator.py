"""The blind secrets set's generator: deterministic, offsets exact, keeps clear of values, splits apart."""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

import pytest

from datagen.blind_secrets.build import COUNTS, generate
from datagen.blind_secrets.families import FAMILIES
from datagen.blind_secrets.registry import TEMPLATES
from datagen.blind_secrets.shapes import B62

DATA = Path(__file__).resolve().parents[1] / "data" / "blind_secrets"


def _load(split: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / f"blind_pii_{split}.jsonl").read_text(encoding="utf-8").splitlines()]


def _invariants(case: dict) -> None:
    text = case["text"]
    for v in case["values"]:
        assert text[v["start"]:v["end"]] == v["value"]
        assert (v["disguise"] is None) == (v["value"] == v["plain"])
        assert v["entity"] != "SECRET" or v["family"] in FAMILIES
    if not case["values"]:
        assert case["keep"] == [text]
    for k in case["keep"]:
        for m in re.finditer(re.escape(k), text):
            assert all(m.end() <= v["start"] or v["end"] <= m.start() for v in case["values"]), (case["id"], k)


@pytest.mark.parametrize("split", ["test", "dev"])
def test_a_seed_gives_the_same_cases_and_they_hold_the_invariants(split):
    first = generate(split, count=40, seed=7, forbidden=set())
    assert first == generate(split, count=40, seed=7, forbidden=set())
    assert first != generate(split, count=40, seed=8, forbidden=set())
    for case in first:
        _invariants(case)


def test_the_committed_splits_are_what_the_generator_writes():
    test = generate("test")
    assert test == _load("test")
    assert generate("dev", forbidden={v["plain"] for c in test for v in c["values"]}) == _load("dev")


@pytest.mark.parametrize("split", ["test", "dev"])
def test_each_committed_split_is_broad_and_well_formed(split):
    cases = _load(split)
    assert len(cases) == COUNTS[split]
    for case in cases:
        _invariants(case)
    families = {v["family"] for c in cases for v in c["values"]}
    assert families == set(FAMILIES)
    clean = sum(1 for c in cases if not c["values"]) / len(cases)
    assert 0.35 <= clean <= 0.45
    values = [v for c in cases for v in c["values"]]
    assert 0.05 <= sum(1 for v in values if v["disguise"]) / len(values) <= 0.15


def test_the_splits_share_no_template_and_no_value():
    assert not {fn.__name__ for *_, fn in TEMPLATES["test"]} & {fn.__name__ for *_, fn in TEMPLATES["dev"]}
    assert not {fn.__module__ for *_, fn in TEMPLATES["test"]} & {fn.__module__ for *_, fn in TEMPLATES["dev"]}
    test, dev = _load("test"), _load("dev")
    assert not {v["plain"] for c in test for v in c["values"]} & {v["plain"] for c in dev for v in c["values"]}
    assert not {c["id"] for c in test} & {c["id"] for c in dev}


def test_github_tokens_carry_a_valid_crc32_suffix():
    tokens = [v["plain"] for split in ("test", "dev") for c in _load(split) for v in c["values"]
              if v["family"] in ("github_pat", "github_oauth", "github_app")]
    assert tokens
    for token in tokens:
        body, check = token[4:34], token[34:]
        n = 0
        for ch in check:
            n = n * 62 + B62.index(ch)
        assert n == zlib.crc32(body.encode()) & 0xFFFFFFFF, token
