"""The blind benign set: schema of every record, disjoint splits, reproducible build."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.datagen.blind_benign import build

DATA = Path(__file__).resolve().parents[1] / "data"
KEYS = {"id", "messages", "text", "placement", "clause", "near", "category", "style", "expect"}
PLACEMENTS = {"user", "system", "assistant_turn", "tool_result", "tool_description"}
STYLES = {"plain", "analytics_terms", "multi_turn", "agent", "policy_text", "quoted_refusal"}
ROLES = {"system", "user", "assistant", "tool"}


def _load(split: str) -> list[dict]:
    path = DATA / f"use_blind_benign_{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def committed() -> dict[str, list[dict]]:
    return {split: _load(split) for split in build.SPLITS}


@pytest.mark.parametrize("split", build.SPLITS)
def test_every_record_has_the_schema(committed, split):
    for record in committed[split]:
        assert set(record) == KEYS, record["id"]
        assert re.fullmatch(r"b-\d{5}", record["id"])
        assert record["expect"] == "allow" and record["clause"] is None
        assert record["placement"] in PLACEMENTS and record["style"] in STYLES
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", record["category"])
        assert record["near"] is None or re.fullmatch(r"AUP (II\.[a-o]|I\.[A-G]\.[a-e])", record["near"])
        assert record["messages"] and all(m["role"] in ROLES and isinstance(m["content"], str)
                                          for m in record["messages"])
        assert record["text"].strip()
        assert any(record["text"] in m["content"] for m in record["messages"]), record["id"]


def test_placement_says_where_the_text_stands(committed):
    roles = {"user": "user", "system": "system", "tool_description": "system",
             "tool_result": "tool", "assistant_turn": "assistant"}
    for record in (r for split in committed.values() for r in split):
        holders = {m["role"] for m in record["messages"] if record["text"] in m["content"]}
        assert roles[record["placement"]] in holders, record["id"]


def test_no_prompt_occurs_in_two_splits(committed):
    owner: dict[str, str] = {}
    for split, records in committed.items():
        for record in records:
            key = build.wording_key(record["text"])
            assert owner.setdefault(key, split) == split, record["text"][:80]


def test_ids_are_unique_across_splits(committed):
    ids = [r["id"] for records in committed.values() for r in records]
    assert len(ids) == len(set(ids))


def test_split_sizes(committed):
    assert [len(committed[s]) for s in build.SPLITS] == [build.TARGET[s] for s in build.SPLITS]


def test_build_reproduces_the_committed_files(committed):
    # The frozen test split must come out byte for byte the same, and so must
    # dev and train: anyone can regenerate the set and get what is committed.
    assert build.build() == committed
